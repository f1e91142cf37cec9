-- Lead ingest at import speed. Inserting 110,000 leads through the triggers had not finished
-- after 4 minutes (a 10,000-lead insert as a member: 13.6 s, 0.85 s with the triggers off). Each
-- row's duplicate-email check ran as the caller, so every check re-evaluated the leads policy,
-- and planned for a workspace the statistics did not know yet (any import into a new workspace)
-- it read all of that workspace's rows through the campaign index: quadratic. normalize_lead now
-- runs as its owner (it reads nothing but the row's own workspace) with a generic plan, which
-- looks the email up in the (workspace_id, email) unique index whatever the statistics say. The
-- created_by stamp assigns the column instead of rebuilding the row through jsonb (every table
-- that stamps has the column), and the member check of owner_id runs only for rows naming one.

create or replace function private.normalize_lead() returns trigger
language plpgsql security definer set search_path = '' set plan_cache_mode = force_generic_plan as $$
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
end $$;

create or replace function private.stamp_created_by() returns trigger
language plpgsql set search_path = '' as $$
begin
  if private.is_end_user() then
    new.created_by := (select auth.uid());
  end if;
  return new;
end $$;

drop trigger require_members on public.leads;
create trigger require_members before insert on public.leads
  for each row when (new.owner_id is not null) execute function private.require_members('owner_id');
comment on function private.normalize_lead() is 'BEFORE INSERT/UPDATE on leads: lowercase email (23505 with a readable message when taken, looked up in the unique index as the owner), clean tags, converted_at; score and last_activity_at only move through private.apply_lead_scores().';
