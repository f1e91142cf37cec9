-- Integrations: one authority for authorization, shops that belong to whoever installed the app,
-- and every use of a credential in the audit trail.
-- - OAuth steps a user starts run as that user (the oauth function calls them with the user's
--   JWT claims): private.require_workspace_role decides, no function takes a p_user argument.
-- - A shop belongs to a workspace only through a verified Shopify OAuth callback (the proof of
--   install). Users cannot write workspaces.shop_domain; it mirrors the workspace's active
--   Shopify connection, and one shop has at most one active connection anywhere. A callback for
--   a shop connected elsewhere is refused without consuming the state, so it stays usable.
-- - The OAuth state is bound to the browser that started the flow (a cookie's hash).
-- - Integration tokens: every write, rotation, revocation (trigger) and every read for use
--   (private.read_integration_tokens) lands in audit_log with actor and reason.

-- ===== shop_domain is not the user's to write
revoke insert, update on public.workspaces from authenticated;
grant insert (id, name, slug, created_by) on public.workspaces to authenticated;
grant update (name, slug) on public.workspaces to authenticated;
comment on column public.workspaces.shop_domain is 'The Shopify shop whose app install (a verified OAuth callback) connected this workspace; set and cleared by the integration functions, never by users.';

drop function public.create_workspace(text, text, text);
create function public.create_workspace(p_name text, p_slug text)
returns public.workspaces
language plpgsql volatile set search_path = '' as $$
declare
  new_id uuid := gen_random_uuid();
  ws public.workspaces;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in to create a workspace' using errcode = '42501';
  end if;
  if p_name is null or char_length(btrim(p_name)) not between 1 and 120 then
    raise exception 'name must be 1 to 120 characters' using errcode = '22023';
  end if;
  if p_slug is null or lower(p_slug) !~ '^[a-z0-9][a-z0-9-]{1,62}$' then
    raise exception 'slug must be 2 to 63 lowercase letters, digits or hyphens, starting with a letter or digit'
      using errcode = '22023';
  end if;
  if exists (select 1 from private.slug_taken(lower(p_slug))) then
    raise exception 'the slug % is taken', lower(p_slug) using errcode = '23505';
  end if;
  insert into public.workspaces (id, name, slug, created_by)
  values (new_id, btrim(p_name), lower(p_slug), (select auth.uid()));
  select * into ws from public.workspaces where id = new_id;
  return ws;
end $$;
comment on function public.create_workspace(text, text) is 'Creates a workspace with the caller as owner and returns it. 22023 for a bad name or slug, 23505 for a taken slug. A Shopify shop is attached by installing the app (OAuth), never here.';
grant execute on function public.create_workspace(text, text) to authenticated;

-- Slugs are unique across all workspaces, including ones the caller cannot see.
create function private.slug_taken(p_slug text) returns setof integer
language sql stable security definer set search_path = '' as $$
  select 1 from public.workspaces w where w.slug = p_slug
$$;
comment on function private.slug_taken(text) is 'One row when a workspace already uses the slug.';
revoke all on function private.slug_taken(text) from public;
grant execute on function private.slug_taken(text) to authenticated;

create unique index integration_connections_one_active_shop on public.integration_connections (external_account_id)
  where provider = 'shopify' and status = 'active';
comment on index public.integration_connections_one_active_shop is 'A Shopify shop is actively connected to one workspace at most.';

-- The workspace a shop's webhooks belong to: the one with its active connection.
create function private.shop_workspace(p_shop text) returns uuid
language sql stable security definer set search_path = '' as $$
  select c.workspace_id from public.integration_connections c
  where c.provider = 'shopify' and c.status = 'active' and c.external_account_id = lower(p_shop)
$$;
comment on function private.shop_workspace(text) is 'The workspace whose active Shopify connection is this shop, or null.';
revoke all on function private.shop_workspace(text) from public;

-- ===== credential audit
alter type public.audit_action add value if not exists 'read';
alter table public.audit_log add column reason text check (char_length(reason) <= 200);
comment on column public.audit_log.reason is 'Why a credential was used or changed (oauth connect, token refresh, revoke at provider, app uninstalled ...).';

create function private.audit_integration_token() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  conn uuid := case when tg_op = 'DELETE' then old.connection_id else new.connection_id end;
  ws uuid := (select c.workspace_id from public.integration_connections c where c.id = conn);
begin
  if ws is null then
    return null;  -- the connection (and its workspace) is being deleted
  end if;
  insert into public.audit_log (workspace_id, table_name, record_id, action, actor_id, actor_role, old_data, new_data, reason)
  values (ws, 'integration_tokens', conn::text, lower(tg_op)::public.audit_action, (select auth.uid()),
          coalesce(nullif((select auth.role()), ''), session_user::text),
          case when tg_op <> 'INSERT' then jsonb_build_object('key_id', old.key_id) end,
          case when tg_op <> 'DELETE' then jsonb_build_object('key_id', new.key_id,
            'rotated', tg_op = 'UPDATE' and new.access_token_ciphertext is distinct from old.access_token_ciphertext) end,
          coalesce(nullif(current_setting('growthbase.credential_reason', true), ''), 'unspecified'));
  return null;
end $$;
comment on function private.audit_integration_token() is 'AFTER trigger on private.integration_tokens: every write, rotation and deletion in audit_log (key id only, never ciphertext), with the reason set in growthbase.credential_reason.';
revoke all on function private.audit_integration_token() from public;
create trigger audit after insert or update or delete on private.integration_tokens
  for each row execute function private.audit_integration_token();

-- The only read path for a connection's tokens: returns the ciphertext and records the read.
create function private.read_integration_tokens(p_connection uuid, p_reason text)
returns table (provider public.integration_provider, access_token_ciphertext text, refresh_token_ciphertext text)
language plpgsql volatile security definer set search_path = '' as $$
begin
  if p_reason is null or char_length(p_reason) not between 3 and 200 then
    raise exception 'a reason (3 to 200 characters) is required to read credentials' using errcode = '22023';
  end if;
  return query
    select c.provider, t.access_token_ciphertext, t.refresh_token_ciphertext
    from public.integration_connections c join private.integration_tokens t on t.connection_id = c.id
    where c.id = p_connection;
  if found then
    insert into public.audit_log (workspace_id, table_name, record_id, action, actor_id, actor_role, reason)
    select c.workspace_id, 'integration_tokens', c.id::text, 'read', (select auth.uid()),
           coalesce(nullif((select auth.role()), ''), session_user::text), p_reason
    from public.integration_connections c where c.id = p_connection;
  end if;
end $$;
comment on function private.read_integration_tokens(uuid, text) is 'Returns a connection''s token ciphertext for use and records the read with its reason in audit_log.';
revoke all on function private.read_integration_tokens(uuid, text) from public;
grant execute on function private.read_integration_tokens(uuid, text) to service_role;

-- The refresh job now lists what is due and reads each connection's tokens through the audited path.
drop function private.connections_to_refresh(interval, integer);
create function private.connections_to_refresh(p_within interval default interval '15 minutes', p_limit integer default 100)
returns table (connection_id uuid, provider public.integration_provider)
language sql stable security definer set search_path = '' as $$
  select c.id, c.provider
  from public.integration_connections c join private.integration_tokens t on t.connection_id = c.id
  where c.status = 'active' and c.expires_at is not null and c.expires_at < now() + p_within
    and t.refresh_token_ciphertext is not null
  order by c.expires_at limit p_limit
$$;
comment on function private.connections_to_refresh(interval, integer) is 'Active connections whose access token expires within p_within and that hold a refresh token (tokens are read through private.read_integration_tokens).';
revoke all on function private.connections_to_refresh(interval, integer) from public;
grant execute on function private.connections_to_refresh(interval, integer) to service_role;

create or replace function private.record_refresh(
  p_connection uuid, p_access_ciphertext text, p_refresh_ciphertext text, p_key_id text, p_expires_at timestamptz,
  p_error text default null
) returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  perform set_config('growthbase.credential_reason', 'token refresh', true);
  if p_error is not null then
    update public.integration_connections set status = 'expired', last_error = left(p_error, 2000) where id = p_connection;
    return;
  end if;
  update private.integration_tokens set access_token_ciphertext = p_access_ciphertext,
    refresh_token_ciphertext = coalesce(p_refresh_ciphertext, refresh_token_ciphertext), key_id = p_key_id
  where connection_id = p_connection;
  update public.integration_connections set expires_at = p_expires_at, last_refreshed_at = now(), last_error = null,
    status = 'active'
  where id = p_connection;
end $$;

create or replace function private.replace_token_ciphertexts(
  p_connection uuid, p_old_access text, p_access text, p_refresh text, p_key_id text
) returns boolean
language plpgsql volatile security definer set search_path = '' as $$
declare
  done boolean;
begin
  perform set_config('growthbase.credential_reason', 'key rotation (re-encryption)', true);
  update private.integration_tokens set access_token_ciphertext = p_access, refresh_token_ciphertext = p_refresh,
    key_id = p_key_id
  where connection_id = p_connection and access_token_ciphertext = p_old_access;
  get diagnostics done = row_count;
  return done;
end $$;

-- ===== OAuth, as the user who asked
alter table private.oauth_states add column browser_hash text check (browser_hash ~ '^[0-9a-f]{64}$');
comment on column private.oauth_states.browser_hash is 'SHA-256 of the nonce cookie set on the browser that started the flow; the callback must present it.';

drop function private.oauth_begin(uuid, uuid, public.integration_provider, text, text, text, text, text);
create function private.oauth_begin(
  p_workspace uuid, p_provider public.integration_provider, p_state_hash text, p_browser_hash text,
  p_redirect_to text, p_shop text, p_account_id text, p_code_verifier_ciphertext text
) returns timestamptz
language plpgsql volatile security definer set search_path = '' as $$
declare
  exp timestamptz;
begin
  perform private.require_workspace_role(p_workspace, 'admin');
  delete from private.oauth_states where expires_at < now() - interval '1 day';
  insert into private.oauth_states (state_hash, user_id, workspace_id, provider, redirect_to, shop, account_id,
                                    code_verifier_ciphertext, browser_hash)
  values (p_state_hash, (select auth.uid()), p_workspace, p_provider, p_redirect_to, p_shop, p_account_id,
          p_code_verifier_ciphertext, p_browser_hash)
  returning expires_at into exp;
  return exp;
end $$;
comment on function private.oauth_begin(uuid, public.integration_provider, text, text, text, text, text, text) is 'Called as the signed-in admin: records a new OAuth state bound to them, the workspace and their browser; returns its expiry.';
revoke all on function private.oauth_begin(uuid, public.integration_provider, text, text, text, text, text, text) from public;
grant execute on function private.oauth_begin(uuid, public.integration_provider, text, text, text, text, text, text) to authenticated;

-- Looks a state up without consuming it: a callback that fails later leaves it usable.
drop function private.oauth_consume(text, public.integration_provider);
create function private.oauth_pending(p_state_hash text, p_provider public.integration_provider)
returns table (user_id uuid, workspace_id uuid, redirect_to text, shop text, account_id text,
               code_verifier_ciphertext text, browser_hash text)
language plpgsql stable security definer set search_path = '' as $$
begin
  return query
    select s.user_id, s.workspace_id, s.redirect_to, s.shop, s.account_id, s.code_verifier_ciphertext, s.browser_hash
    from private.oauth_states s
    where s.state_hash = p_state_hash and s.provider = p_provider and s.consumed_at is null and s.expires_at > now();
  if not found then
    raise exception 'the OAuth state is unknown, expired, used or for another provider' using errcode = 'PT404';
  end if;
end $$;
comment on function private.oauth_pending(text, public.integration_provider) is 'What an unexpired, unused OAuth state is bound to; PT404 otherwise. Does not consume it.';
revoke all on function private.oauth_pending(text, public.integration_provider) from public;
grant execute on function private.oauth_pending(text, public.integration_provider) to service_role;

-- Completes a flow in one transaction: consumes the state, stores the connection and its token
-- ciphertext, and for Shopify attaches the shop. A shop actively connected to another workspace
-- raises PT409 (shop_connected_elsewhere) and nothing, the state included, changes.
drop function private.oauth_store_connection(uuid, uuid, public.integration_provider, text, text[], timestamptz, text, text, text, jsonb);
create function private.oauth_complete(
  p_state_hash text, p_provider public.integration_provider, p_external_account_id text, p_scopes text[],
  p_expires_at timestamptz, p_access_ciphertext text, p_refresh_ciphertext text, p_key_id text,
  p_metadata jsonb default '{}'
) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
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
  end if;
  return cid;
end $$;
comment on function private.oauth_complete(text, public.integration_provider, text, text[], timestamptz, text, text, text, jsonb) is 'After a successful code exchange: consumes the state and stores the connection and token ciphertext atomically; PT404 for a bad state, PT409 for a shop connected to another workspace (state left usable).';
revoke all on function private.oauth_complete(text, public.integration_provider, text, text[], timestamptz, text, text, text, jsonb) from public;
grant execute on function private.oauth_complete(text, public.integration_provider, text, text[], timestamptz, text, text, text, jsonb) to service_role;

-- Disconnect, as the admin who asked: the tokens are read once (for revocation at the
-- provider), deleted, and the connection kept as revoked.
drop function private.disconnect(uuid, uuid);
create function private.disconnect(p_connection uuid)
returns table (provider public.integration_provider, access_token_ciphertext text)
language plpgsql volatile security definer set search_path = '' as $$
declare
  conn public.integration_connections;
begin
  select * into conn from public.integration_connections c where c.id = p_connection;
  if not found or not (conn.workspace_id = any (array(select private.workspace_ids('admin')))) then
    raise exception 'no such connection in a workspace you administer' using errcode = 'PT404';
  end if;
  return query select r.provider, r.access_token_ciphertext
               from private.read_integration_tokens(p_connection, 'revoke at provider on disconnect') r;
  perform set_config('growthbase.credential_reason', 'disconnect', true);
  delete from private.integration_tokens t where t.connection_id = p_connection;
  update public.integration_connections set status = 'revoked', expires_at = null where id = p_connection;
  if conn.provider = 'shopify' then
    update public.workspaces set shop_domain = null where id = conn.workspace_id and shop_domain = conn.external_account_id;
  end if;
end $$;
comment on function private.disconnect(uuid) is 'Called as the signed-in admin: returns the connection''s access token ciphertext once (audited read, for revocation at the provider), deletes the tokens and marks the connection revoked.';
revoke all on function private.disconnect(uuid) from public;
grant execute on function private.disconnect(uuid) to authenticated;

-- ===== webhooks route by the shop's active connection (never by a name a user typed)
create or replace function private.receive_shopify_webhook(
  p_webhook_id text, p_topic text, p_shop text, p_sha256 text, p_payload jsonb
) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid;
  ev bigint;
  fresh boolean;
  outcome public.webhook_event_status := 'processed'::public.webhook_event_status;
  failure text;
  ids uuid[];
  hashes text[];
begin
  ws := private.shop_workspace(p_shop);  -- the workspace with the shop's active connection
  insert into private.webhook_events (provider, topic, external_id, payload_sha256, workspace_id, status, payload)
  values ('shopify', p_topic, p_webhook_id, p_sha256, ws, 'processed', p_payload)
  on conflict (provider, external_id) do update set attempts = private.webhook_events.attempts + 1
  returning id, (xmax = 0) into ev, fresh;
  if not fresh then
    return 'duplicate';  -- a redelivery: counted, not processed again
  end if;

  begin
  if ws is null then
    outcome := 'ignored'::public.webhook_event_status;
  elsif p_topic in ('orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled') then
    perform public.upsert_orders(ws, jsonb_build_array(private.shopify_order(p_payload)));
  elsif p_topic = 'app/uninstalled' then
    perform set_config('growthbase.credential_reason', 'app uninstalled (Shopify webhook)', true);
    delete from private.integration_tokens t using public.integration_connections c
    where t.connection_id = c.id and c.workspace_id = ws and c.provider = 'shopify' and c.external_account_id = p_shop;
    update public.integration_connections set status = 'revoked', expires_at = null
    where workspace_id = ws and provider = 'shopify' and external_account_id = p_shop;
    update public.workspaces set shop_domain = null where id = ws and shop_domain = p_shop;
  elsif p_topic = 'customers/data_request' then
    insert into public.privacy_requests (workspace_id, kind, source, subject, details)
    values (ws, 'export', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', p_payload #>> '{customer,id}',
              'email_sha256', private.email_sha256(p_payload #>> '{customer,email}'))),
            jsonb_build_object('orders_requested', p_payload -> 'orders_requested',
                               'data_request_id', p_payload #>> '{data_request,id}'));
  elsif p_topic = 'customers/redact' then
    select array_agg(c.id) into ids from public.customers c
    where c.workspace_id = ws and c.shopify_customer_id = p_payload #>> '{customer,id}';
    hashes := array_remove(array[private.email_sha256(p_payload #>> '{customer,email}')], null);
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'deletion', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', p_payload #>> '{customer,id}',
              'email_sha256', hashes[1])), 'completed', now(),
            jsonb_build_object('customers_erased', private.erase_customers(ws, ids, hashes),
                               'orders_to_redact', p_payload -> 'orders_to_redact'));
  elsif p_topic = 'shop/redact' then
    select array_agg(c.id) into ids from public.customers c where c.workspace_id = ws;
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'deletion', 'shopify', jsonb_build_object('shop', p_shop), 'completed', now(),
            jsonb_build_object('customers_erased', private.erase_customers(ws, ids, null)));
  else
    outcome := 'ignored'::public.webhook_event_status;
  end if;
  exception when others then
    -- Processing failed (e.g. a payload upsert_orders refuses): keep the event, record why.
    outcome := 'failed'::public.webhook_event_status;
    failure := sqlerrm;
  end;
  update private.webhook_events set status = outcome, error = left(failure, 2000) where id = ev;
  return outcome::text;
end $$;
