CREATE OR REPLACE FUNCTION private.slack_connection(p_workspace_id uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select c.id from public.integration_connections c
  where c.workspace_id = p_workspace_id and c.provider = 'slack' and c.status = 'active'
  order by c.created_at desc limit 1
$function$;
comment on function private.slack_connection(uuid) is 'The workspace''s active Slack connection (the latest), or null.';
