CREATE OR REPLACE FUNCTION private.read_integration_tokens(p_connection_id uuid, p_reason text)
 RETURNS TABLE(provider public.integration_provider, access_token_ciphertext text, refresh_token_ciphertext text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if p_reason is null or char_length(p_reason) not between 3 and 200 then
    raise exception 'a reason (3 to 200 characters) is required to read credentials' using errcode = '22023';
  end if;
  return query
    select c.provider, t.access_token_ciphertext, t.refresh_token_ciphertext
    from public.integration_connections c join private.integration_tokens t on t.connection_id = c.id
    where c.id = p_connection_id;
  if found then
    insert into public.audit_log (workspace_id, table_name, record_id, action, actor_id, actor_role, reason)
    select c.workspace_id, 'integration_tokens', c.id::text, 'read', (select auth.uid()),
           coalesce(nullif((select auth.role()), ''), session_user::text), p_reason
    from public.integration_connections c where c.id = p_connection_id;
  end if;
end $function$;
comment on function private.read_integration_tokens(uuid,text) is 'Returns a connection''s token ciphertext for use and records the read with its reason in audit_log.';
grant execute on function private.read_integration_tokens(uuid,text) to service_role;
