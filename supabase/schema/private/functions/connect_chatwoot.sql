CREATE OR REPLACE FUNCTION private.connect_chatwoot(p_workspace_id uuid, p_base_url text, p_account_id text, p_access_ciphertext text, p_key_id text)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  conn uuid;
  token text := encode(extensions.gen_random_bytes(32), 'hex');
begin
  if private.is_end_user() and not (p_workspace_id = any (array(select private.workspace_ids('admin')))) then
    raise exception 'you need the admin role in this workspace' using errcode = '42501';
  end if;
  if p_base_url !~ '^https?://[^\s/?#]+(/[^\s?#]*)?$' or p_account_id !~ '^\d{1,12}$' then
    raise exception 'a Chatwoot base URL (http(s)://host) and a numeric account id are required' using errcode = '22023';
  end if;
  insert into public.integration_connections (workspace_id, provider, external_account_id, status, connected_by, metadata)
  values (p_workspace_id, 'chatwoot', p_account_id, 'active', (select auth.uid()),
          jsonb_build_object('base_url', rtrim(p_base_url, '/'), 'connected_via', 'api_token'))
  on conflict (workspace_id, provider, external_account_id) do update set status = 'active',
    metadata = public.integration_connections.metadata || excluded.metadata
  returning id into conn;
  insert into private.integration_tokens (connection_id, access_token_ciphertext, key_id)
  values (conn, p_access_ciphertext, p_key_id)
  on conflict (connection_id) do update set access_token_ciphertext = excluded.access_token_ciphertext,
    key_id = excluded.key_id, updated_at = now();
  insert into private.chatwoot_webhook_tokens (workspace_id, token_hash) values (p_workspace_id, extensions.digest(token, 'sha256'))
  on conflict (workspace_id) do update set token_hash = excluded.token_hash, created_at = now();
  return token;
end $function$;
comment on function private.connect_chatwoot(uuid,text,text,text,text) is 'chatwoot-connect, as the admin: the Chatwoot connection with its encrypted API token, and a new webhook token for the workspace (returned once; only its hash is kept, the old one stops working). 42501 for non-admins, 22023 for a bad URL or account id.';
grant execute on function private.connect_chatwoot(uuid,text,text,text,text) to authenticated;
grant execute on function private.connect_chatwoot(uuid,text,text,text,text) to service_role;
