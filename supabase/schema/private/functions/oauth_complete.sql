CREATE OR REPLACE FUNCTION private.oauth_complete(p_state_hash text, p_provider public.integration_provider, p_external_account_id text, p_scopes text[], p_expires_at timestamp with time zone, p_access_ciphertext text, p_refresh_ciphertext text, p_key_id text, p_metadata jsonb DEFAULT '{}'::jsonb)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  st private.oauth_states;
  cid uuid;
begin
  update private.oauth_states s set consumed_at = now()
  where s.state_hash = p_state_hash and s.provider = p_provider and s.consumed_at is null and s.expires_at > now()
  returning * into st;
  if not found then
    raise exception 'the OAuth state is unknown, expired, used or for another provider' using errcode = 'PT404';
  end if;
  if p_provider = 'shopify' and exists (
    select 1 from public.integration_connections c
    where c.provider = 'shopify' and c.status = 'active' and c.external_account_id = p_external_account_id
      and c.workspace_id <> st.workspace_id) then
    raise exception 'shop_connected_elsewhere: % is connected to another workspace', p_external_account_id
      using errcode = 'PT409', hint = 'uninstall the app from the other workspace first';
  end if;
  perform set_config('growthbase.credential_reason', 'oauth connect', true);
  insert into public.integration_connections as c
    (workspace_id, provider, external_account_id, status, scopes, expires_at, connected_by, last_refreshed_at, metadata)
  values (st.workspace_id, p_provider, p_external_account_id, 'active', coalesce(p_scopes, '{}'), p_expires_at, st.user_id,
          now(), coalesce(p_metadata, '{}'))
  on conflict (workspace_id, provider, external_account_id) do update set
    status = 'active', scopes = excluded.scopes, expires_at = excluded.expires_at, connected_by = excluded.connected_by,
    last_refreshed_at = now(), last_error = null, metadata = c.metadata || excluded.metadata
  returning c.id into cid;
  insert into private.integration_tokens as t (connection_id, access_token_ciphertext, refresh_token_ciphertext, key_id)
  values (cid, p_access_ciphertext, p_refresh_ciphertext, p_key_id)
  on conflict (connection_id) do update set
    access_token_ciphertext = excluded.access_token_ciphertext,
    refresh_token_ciphertext = coalesce(excluded.refresh_token_ciphertext, t.refresh_token_ciphertext),
    key_id = excluded.key_id;
  if p_provider = 'shopify' then
    -- a workspace that held this shop without an active connection lets it go
    update public.workspaces w set shop_domain = null where w.shop_domain = p_external_account_id and w.id <> st.workspace_id;
    update public.workspaces w set shop_domain = p_external_account_id
    where w.id = st.workspace_id and w.shop_domain is distinct from p_external_account_id;
    -- on install (and reinstall): a backfill of the catalog, inventory, customers and orders
    perform private.start_shopify_backfill(cid, 'install', st.user_id);
  end if;
  return cid;
end $function$;
comment on function private.oauth_complete(text,public.integration_provider,text,text[],timestamp with time zone,text,text,text,jsonb) is 'After a successful code exchange: consumes the state and stores the connection and token ciphertext atomically; a Shopify install also queues the shop''s backfill (private.start_shopify_backfill). PT404 for a bad state, PT409 for a shop connected to another workspace (state left usable).';
grant execute on function private.oauth_complete(text,public.integration_provider,text,text[],timestamp with time zone,text,text,text,jsonb) to service_role;
