CREATE OR REPLACE FUNCTION public.agent_budget(p_workspace_id uuid)
 RETURNS public.agent_budget_row
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  budget bigint;
  spent bigint;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'viewer');
  budget := (private.agent_settings_for(p_workspace_id)).monthly_budget_micros;
  spent := private.ai_spend_this_month(p_workspace_id);
  return row(budget, spent, greatest(budget - spent, 0), date_trunc('month', now() at time zone 'UTC')::date,
             (date_trunc('month', now() at time zone 'UTC') + interval '1 month')::date, spent >= budget)::public.agent_budget_row;
end $function$;
comment on function public.agent_budget(uuid) is 'Viewers: this month''s AI budget, what model calls cost so far (micros of USD), what is left, and whether new runs are refused. 403 outside the workspace.';
grant execute on function public.agent_budget(uuid) to authenticated;
grant execute on function public.agent_budget(uuid) to service_role;
