CREATE OR REPLACE FUNCTION private.provider_health_targets()
 RETURNS TABLE(provider text, base_url text, workspace_ids uuid[])
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select 'chatwoot.' || c.external_account_id, c.metadata ->> 'base_url', array_agg(c.workspace_id)
  from public.integration_connections c
  where c.provider = 'chatwoot' and c.status = 'active' and c.metadata ->> 'base_url' is not null
  group by 1, 2
$function$;
comment on function private.provider_health_targets() is 'The per-workspace provider URLs ops-health probes besides the configured ones (each Chatwoot instance), with the workspaces that use them.';
grant execute on function private.provider_health_targets() to service_role;
