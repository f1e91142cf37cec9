CREATE OR REPLACE FUNCTION private.agent_run_claim()
 RETURNS uuid
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select case when (auth.jwt() #>> '{agent_run,id}') ~ '^[0-9a-fA-F-]{36}$' then (auth.jwt() #>> '{agent_run,id}')::uuid end
$function$;
comment on function private.agent_run_claim() is 'The agent run whose tools are calling (the agent_run claim), or null.';
grant execute on function private.agent_run_claim() to authenticated;
grant execute on function private.agent_run_claim() to service_role;
