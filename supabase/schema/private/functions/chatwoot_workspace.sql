CREATE OR REPLACE FUNCTION private.chatwoot_workspace(p_token text)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select t.workspace_id from private.chatwoot_webhook_tokens t where t.token_hash = extensions.digest(p_token, 'sha256') limit 1
$function$;
comment on function private.chatwoot_workspace(text) is 'The workspace whose Chatwoot webhook token this is, or null.';
grant execute on function private.chatwoot_workspace(text) to service_role;
