CREATE OR REPLACE FUNCTION private.agent_scope()
 RETURNS uuid
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select case when (auth.jwt() #>> '{agent_run,workspace_id}') ~ '^[0-9a-fA-F-]{36}$'
              then (auth.jwt() #>> '{agent_run,workspace_id}')::uuid end
$function$;
comment on function private.agent_scope() is 'The workspace an agent run''s tools are confined to (the agent_run claim the runtime sets), or null for every other caller.';
grant execute on function private.agent_scope() to authenticated;
grant execute on function private.agent_scope() to service_role;
