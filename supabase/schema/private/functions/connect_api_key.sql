CREATE OR REPLACE FUNCTION private.connect_api_key(p_workspace_id uuid, p_provider public.integration_provider, p_external_account_id text, p_key_ciphertext text, p_key_id text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  cid uuid;
begin
  if p_workspace_id is null or p_provider is null or p_key_ciphertext is null or p_key_id is null
     or coalesce(char_length(p_external_account_id), 0) not between 1 and 255 then
    raise exception 'workspace, provider, account (1-255 characters) and key are required' using errcode = '22023';
  end if;
  if p_provider <> 'fairing' then
    raise exception '% is not connected with an API key', p_provider using errcode = '22023';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'admin');
  end if;
  perform set_config('growthbase.credential_reason', 'api key connect', true);
  insert into public.integration_connections as c (workspace_id, provider, external_account_id, status, connected_by,
                                                   last_refreshed_at, metadata)
  values (p_workspace_id, p_provider, p_external_account_id, 'active', (select auth.uid()), now(),
          jsonb_build_object('connected_via', 'api_key'))
  on conflict (workspace_id, provider, external_account_id) do update set status = 'active', last_error = null,
    connected_by = coalesce(excluded.connected_by, c.connected_by), last_refreshed_at = now()
  returning c.id into cid;
  insert into private.integration_tokens as t (connection_id, access_token_ciphertext, key_id)
  values (cid, p_key_ciphertext, p_key_id)
  on conflict (connection_id) do update set access_token_ciphertext = excluded.access_token_ciphertext,
    refresh_token_ciphertext = null, key_id = excluded.key_id;
  return cid;
end $function$;
comment on function private.connect_api_key(uuid,public.integration_provider,text,text,text) is 'Called as the signed-in admin by the api-keys function: stores an API key (encrypted there) as the token of the workspace''s connection of a provider that has no OAuth (fairing), activating it (a new key ends reauth_required) and queueing its first pull. Returns the connection id.';
grant execute on function private.connect_api_key(uuid,public.integration_provider,text,text,text) to authenticated;
grant execute on function private.connect_api_key(uuid,public.integration_provider,text,text,text) to service_role;
