CREATE OR REPLACE FUNCTION private.disconnect(p_connection_id uuid)
 RETURNS TABLE(provider public.integration_provider, access_token_ciphertext text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  conn public.integration_connections;
begin
  select * into conn from public.integration_connections c where c.id = p_connection_id;
  if not found or not (conn.workspace_id = any (array(select private.workspace_ids('admin')))) then
    raise exception 'no such connection in a workspace you administer' using errcode = 'PT404';
  end if;
  return query select r.provider, r.access_token_ciphertext
               from private.read_integration_tokens(p_connection_id, 'revoke at provider on disconnect') r;
  perform set_config('growthbase.credential_reason', 'disconnect', true);
  delete from private.integration_tokens t where t.connection_id = p_connection_id;
  update public.integration_connections set status = 'revoked', expires_at = null where id = p_connection_id;
  if conn.provider = 'shopify' then
    update public.workspaces set shop_domain = null where id = conn.workspace_id and shop_domain = conn.external_account_id;
  end if;
end $function$;
comment on function private.disconnect(uuid) is 'Called as the signed-in admin: returns the connection''s access token ciphertext once (audited read, for revocation at the provider), deletes the tokens and marks the connection revoked.';
grant execute on function private.disconnect(uuid) to authenticated;
