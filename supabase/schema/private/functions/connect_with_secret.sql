CREATE OR REPLACE FUNCTION private.connect_with_secret(p_workspace_id uuid, p_provider public.integration_provider, p_external_account_id text, p_access_token_ciphertext text, p_key_id text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  cid uuid;
begin
  if p_provider <> 'ga4' then
    raise exception 'only ga4 connects with a secret; other providers connect through OAuth' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'admin');
  perform set_config('growthbase.credential_reason', 'api secret stored', true);
  insert into public.integration_connections as c (workspace_id, provider, external_account_id, status, connected_by, last_refreshed_at,
                                                   metadata)
  values (p_workspace_id, p_provider, p_external_account_id, 'active', (select auth.uid()), now(), '{"connected_via": "secret"}')
  on conflict (workspace_id, provider, external_account_id) do update set status = 'active', connected_by = excluded.connected_by,
    last_refreshed_at = now(), last_error = null
  returning c.id into cid;
  insert into private.integration_tokens as t (connection_id, access_token_ciphertext, key_id)
  values (cid, p_access_token_ciphertext, p_key_id)
  on conflict (connection_id) do update set access_token_ciphertext = excluded.access_token_ciphertext, key_id = excluded.key_id;
  return cid;
end $function$;
comment on function private.connect_with_secret(uuid,public.integration_provider,text,text,text) is 'The oauth function''s secret route, as the admin: a ga4 connection (the measurement id) with its API secret''s ciphertext, made or replaced; 42501 for non-admins. Returns the connection id.';
grant execute on function private.connect_with_secret(uuid,public.integration_provider,text,text,text) to authenticated;
