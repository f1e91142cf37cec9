CREATE OR REPLACE FUNCTION private.normalize_lead()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
begin
  new.email := nullif(lower(btrim(new.email)), '');
  -- Computed columns: a new lead has no activities yet; afterwards only the rescoring
  -- (private.apply_lead_scores, which sets growthbase.rescoring) moves them, whoever updates.
  if tg_op = 'INSERT' then
    new.score := 0;
    new.score_updated_at := null;
    new.last_activity_at := null;
  elsif coalesce(current_setting('growthbase.rescoring', true), '') <> 'on' then
    new.score := old.score;
    new.score_updated_at := old.score_updated_at;
    new.last_activity_at := old.last_activity_at;
  end if;
  if cardinality(new.tags) > 0 then
    new.tags := array(select distinct btrim(t) from unnest(new.tags) t where btrim(t) <> '' order by 1);
  end if;
  if new.status = 'converted' and (tg_op = 'INSERT' or old.status <> 'converted') then
    new.converted_at := coalesce(new.converted_at, now());
  end if;
  if new.email is not null and (tg_op = 'INSERT' or new.email is distinct from old.email) and exists (
    select 1 from public.leads l where l.workspace_id = new.workspace_id and l.email = new.email and l.id <> new.id
  ) then
    raise exception 'a lead with the email % already exists in this workspace', new.email using errcode = '23505';
  end if;
  return new;
end $function$;
comment on function private.normalize_lead() is 'BEFORE INSERT/UPDATE on leads: lowercase email (23505 with a readable message when taken, looked up in the unique index as the owner), clean tags, converted_at; score and last_activity_at only move through private.apply_lead_scores().';
