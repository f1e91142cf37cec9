CREATE OR REPLACE FUNCTION private.agent_runs_due()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if exists (select 1 from public.agent_runs r where r.status = 'queued')
     or exists (select 1 from public.agent_runs r where r.status = 'running' and r.lease_expires_at <= now()) then
    perform private.wake_function('agent-runner');
    return 1;
  end if;
  return 0;
end $function$;
comment on function private.agent_runs_due() is 'pg_cron (agent-runner, every minute): wakes the agent runtime when runs wait or a lease lapsed.';
grant execute on function private.agent_runs_due() to service_role;
