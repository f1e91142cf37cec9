CREATE OR REPLACE FUNCTION private.apply_lead_scores(p_lead_ids uuid[])
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  perform set_config('growthbase.rescoring', 'on', true);
  update public.leads l set
    score = s.score,
    score_updated_at = case when l.score is distinct from s.score then now() else l.score_updated_at end,
    last_activity_at = s.last_activity_at
  from private.lead_scores(p_lead_ids) s
  where l.id = s.lead_id
    and (l.score is distinct from s.score or l.last_activity_at is distinct from s.last_activity_at);
  get diagnostics n = row_count;
  perform set_config('growthbase.rescoring', 'off', true);
  return n;
end $function$;
comment on function private.apply_lead_scores(uuid[]) is 'Stores private.lead_scores() for the listed leads where it differs; returns how many leads changed.';
grant execute on function private.apply_lead_scores(uuid[]) to service_role;
