CREATE OR REPLACE FUNCTION public.preview_autopilot_optimisations(p_workspace_id uuid, p_as_of date DEFAULT NULL::date)
 RETURNS SETOF public.autopilot_proposal_row
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'viewer');
  end if;
  return query select (row(q.*)::public.autopilot_proposal_row).* from (select * from private.autopilot_optimisation_proposals(
    p_workspace_id, coalesce(p_as_of, (now() at time zone 'UTC')::date))) q;
end $function$;
comment on function public.preview_autopilot_optimisations(uuid,date) is 'Viewers: what the daily optimisation would propose for the workspace as of p_as_of (default today, UTC), without proposing anything.';
grant execute on function public.preview_autopilot_optimisations(uuid,date) to authenticated;
grant execute on function public.preview_autopilot_optimisations(uuid,date) to service_role;
