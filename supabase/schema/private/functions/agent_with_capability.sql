CREATE OR REPLACE FUNCTION private.agent_with_capability(p_workspace_id uuid, p_capability text)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select a.id from public.agents a
  where a.workspace_id = p_workspace_id and a.status = 'active' and p_capability = any (a.capabilities)
  order by a.created_at, a.id limit 1
$function$;
comment on function private.agent_with_capability(uuid,text) is 'The workspace''s first active agent with a capability tag, or null: the agent that does that scheduled work.';
