CREATE OR REPLACE FUNCTION private.wake_agent_runner()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if exists (select 1 from new_runs n where n.status = 'queued' and n.kind <> 'chat') then
    perform private.wake_function('agent-runner');
  end if;
  return null;
end $function$;
comment on function private.wake_agent_runner() is 'AFTER INSERT on agent_runs (per statement): wakes the agent-runner function at commit when queued runs were added.';
