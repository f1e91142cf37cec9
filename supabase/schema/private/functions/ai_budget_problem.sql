CREATE OR REPLACE FUNCTION private.ai_budget_problem(p_workspace_id uuid)
 RETURNS text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  budget bigint := (private.agent_settings_for(p_workspace_id)).monthly_budget_micros;
  spent bigint := private.ai_spend_this_month(p_workspace_id);
begin
  if spent >= budget then
    return format('the workspace has spent its monthly AI budget: $%s of $%s this month; an admin can raise agent_settings.monthly_budget_micros, or it renews on %s',
                  to_char(spent / 1e6, 'FM999999990.00'), to_char(budget / 1e6, 'FM999999990.00'),
                  to_char(date_trunc('month', now() at time zone 'UTC') + interval '1 month', 'YYYY-MM-DD'));
  end if;
  return null;
end $function$;
comment on function private.ai_budget_problem(uuid) is 'The message refusing new AI work when the workspace''s model calls this month cost its monthly budget or more, else null.';
grant execute on function private.ai_budget_problem(uuid) to authenticated;
