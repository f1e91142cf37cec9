CREATE OR REPLACE FUNCTION private.slack_workspace(p_team_id text)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select c.workspace_id from public.integration_connections c
  where c.provider = 'slack' and c.external_account_id = p_team_id and c.status = 'active'
  order by c.created_at desc limit 1
$function$;
comment on function private.slack_workspace(text) is 'The workspace a Slack team (T...) is connected to, or null.';
grant execute on function private.slack_workspace(text) to service_role;
