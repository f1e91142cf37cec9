-- Integrations: OAuth connections with encrypted tokens (ciphertext only, in private), OAuth
-- state, personal secrets with an audit trail, inbound webhook events (deduplicated, processed
-- by SQL in the same transaction) and outbound webhooks (endpoints, queued deliveries, retries).
-- Edge functions encrypt and decrypt; the database never sees a plaintext token or the key.

create type public.integration_provider as enum
  ('shopify', 'meta', 'google_ads', 'tiktok', 'klaviyo', 'yotpo', 'slack', 'chatwoot', 'ga4', 'tavus', 'mux');
comment on type public.integration_provider is 'External services a workspace connects to.';
create type public.connection_status as enum ('active', 'expired', 'revoked', 'error');
comment on type public.connection_status is 'active: tokens valid; expired: refresh failed or lapsed; revoked: disconnected or app uninstalled; error: last sync failed.';

create table public.integration_connections (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  provider public.integration_provider not null,
  external_account_id text not null check (char_length(external_account_id) between 1 and 255),
  status public.connection_status not null default 'active',
  scopes text[] not null default '{}',
  expires_at timestamptz,
  connected_by uuid references auth.users (id) on delete set null,
  last_refreshed_at timestamptz,
  last_error text check (char_length(last_error) <= 2000),
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, provider, external_account_id)
);
comment on table public.integration_connections is 'One row per connected external account (a Shopify shop, a Meta ad account, a Google Ads customer ...). Tokens live encrypted in private.integration_tokens. Admins read; edge functions write.';
comment on column public.integration_connections.external_account_id is 'The provider''s id for the account: the shop domain for Shopify, act_... for Meta, the customer id for Google Ads.';
comment on column public.integration_connections.expires_at is 'When the access token expires, if it does; the refresh job renews tokens expiring soon.';
create index integration_connections_connected_by_idx on public.integration_connections (connected_by);
create index integration_connections_expiring_idx on public.integration_connections (expires_at) where status = 'active';
create trigger set_updated_at before update on public.integration_connections
  for each row execute function private.set_updated_at();

alter table public.ad_accounts add constraint ad_accounts_integration_connection_id_fkey
  foreign key (integration_connection_id) references public.integration_connections (id) on delete set null;
create index ad_accounts_integration_connection_id_idx on public.ad_accounts (integration_connection_id);

create table private.integration_tokens (
  connection_id uuid primary key references public.integration_connections (id) on delete cascade,
  access_token_ciphertext text not null check (access_token_ciphertext ~ '^v1\.[a-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  refresh_token_ciphertext text check (refresh_token_ciphertext ~ '^v1\.[a-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  key_id text not null,
  updated_at timestamptz not null default now()
);
comment on table private.integration_tokens is 'AES-256-GCM ciphertext of each connection''s tokens ("v1.<key id>.<iv>.<data>"), encrypted by the edge functions. No API role can read it.';
alter table private.integration_tokens enable row level security;
create trigger set_updated_at before update on private.integration_tokens
  for each row execute function private.set_updated_at();

create table private.oauth_states (
  state_hash text primary key check (state_hash ~ '^[0-9a-f]{64}$'),
  user_id uuid not null references auth.users (id) on delete cascade,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  provider public.integration_provider not null,
  redirect_to text not null check (char_length(redirect_to) <= 2000),
  shop text check (shop ~ '^[a-z0-9][a-z0-9-]*\.myshopify\.com$'),
  account_id text check (char_length(account_id) between 1 and 255),
  code_verifier_ciphertext text,
  expires_at timestamptz not null default now() + interval '10 minutes',
  consumed_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table private.oauth_states is 'OAuth state for one authorization attempt: SHA-256 of the state (never the state), bound to user, workspace, provider and redirect; single use, 10 minutes.';
comment on column private.oauth_states.account_id is 'The ad account (Meta act_..., Google Ads customer id) the admin chose to connect.';
create index oauth_states_user_id_idx on private.oauth_states (user_id);
create index oauth_states_workspace_id_idx on private.oauth_states (workspace_id);
alter table private.oauth_states enable row level security;

-- ===== OAuth steps, called by the oauth edge function as service_role
create function private.oauth_begin(
  p_user uuid, p_workspace uuid, p_provider public.integration_provider, p_state_hash text,
  p_redirect_to text, p_shop text, p_account_id text, p_code_verifier_ciphertext text
) returns timestamptz
language plpgsql volatile security definer set search_path = '' as $$
declare
  exp timestamptz;
begin
  if not exists (select 1 from public.workspace_members m
                 where m.workspace_id = p_workspace and m.user_id = p_user and m.role >= 'admin') then
    raise exception 'connecting integrations needs the admin role in this workspace' using errcode = '42501';
  end if;
  delete from private.oauth_states where expires_at < now() - interval '1 day';
  insert into private.oauth_states (state_hash, user_id, workspace_id, provider, redirect_to, shop, account_id,
                                    code_verifier_ciphertext)
  values (p_state_hash, p_user, p_workspace, p_provider, p_redirect_to, p_shop, p_account_id, p_code_verifier_ciphertext)
  returning expires_at into exp;
  return exp;
end $$;
comment on function private.oauth_begin(uuid, uuid, public.integration_provider, text, text, text, text, text) is 'Records a new OAuth state for an admin of the workspace; returns its expiry.';

-- Consumes a state once: it must exist, be unexpired, unused and for this provider.
create function private.oauth_consume(p_state_hash text, p_provider public.integration_provider)
returns table (user_id uuid, workspace_id uuid, redirect_to text, shop text, account_id text, code_verifier_ciphertext text)
language plpgsql volatile security definer set search_path = '' as $$
begin
  return query
    update private.oauth_states s set consumed_at = now()
    where s.state_hash = p_state_hash and s.provider = p_provider and s.consumed_at is null and s.expires_at > now()
    returning s.user_id, s.workspace_id, s.redirect_to, s.shop, s.account_id, s.code_verifier_ciphertext;
  if not found then
    raise exception 'the OAuth state is unknown, expired, used or for another provider' using errcode = 'P0002';
  end if;
end $$;
comment on function private.oauth_consume(text, public.integration_provider) is 'Marks an OAuth state used and returns what it was bound to; raises P0002 when it is not valid.';

-- Stores the outcome of a code exchange: the connection and its encrypted tokens, in one go.
create function private.oauth_store_connection(
  p_workspace uuid, p_user uuid, p_provider public.integration_provider, p_external_account_id text,
  p_scopes text[], p_expires_at timestamptz, p_access_ciphertext text, p_refresh_ciphertext text,
  p_key_id text, p_metadata jsonb default '{}'
) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  cid uuid;
begin
  insert into public.integration_connections as c
    (workspace_id, provider, external_account_id, status, scopes, expires_at, connected_by, last_refreshed_at, metadata)
  values (p_workspace, p_provider, p_external_account_id, 'active', coalesce(p_scopes, '{}'), p_expires_at, p_user, now(),
          coalesce(p_metadata, '{}'))
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
    update public.workspaces w set shop_domain = p_external_account_id
    where w.id = p_workspace and w.shop_domain is distinct from p_external_account_id;
  end if;
  return cid;
end $$;
comment on function private.oauth_store_connection(uuid, uuid, public.integration_provider, text, text[], timestamptz, text, text, text, jsonb) is 'Upserts a connection and its token ciphertext after a successful code exchange or refresh.';

create function private.connections_to_refresh(p_within interval default interval '15 minutes', p_limit integer default 100)
returns table (connection_id uuid, provider public.integration_provider, refresh_token_ciphertext text)
language sql stable security definer set search_path = '' as $$
  select c.id, c.provider, t.refresh_token_ciphertext
  from public.integration_connections c join private.integration_tokens t on t.connection_id = c.id
  where c.status = 'active' and c.expires_at is not null and c.expires_at < now() + p_within
    and t.refresh_token_ciphertext is not null
  order by c.expires_at limit p_limit
$$;
comment on function private.connections_to_refresh(interval, integer) is 'Active connections whose access token expires within p_within and that hold a refresh token.';

create function private.record_refresh(
  p_connection uuid, p_access_ciphertext text, p_refresh_ciphertext text, p_key_id text, p_expires_at timestamptz,
  p_error text default null
) returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
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
comment on function private.record_refresh(uuid, text, text, text, timestamptz, text) is 'Stores refreshed token ciphertext, or marks the connection expired with the provider''s error.';

-- Disconnect: an admin of the connection's workspace; the tokens are deleted, the row kept as revoked.
create function private.disconnect(p_user uuid, p_connection uuid)
returns table (provider public.integration_provider, access_token_ciphertext text)
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid;
begin
  select c.workspace_id into ws from public.integration_connections c where c.id = p_connection;
  if ws is null or not exists (select 1 from public.workspace_members m
                               where m.workspace_id = ws and m.user_id = p_user and m.role >= 'admin') then
    raise exception 'no such connection in a workspace you administer' using errcode = 'P0002';
  end if;
  return query
    with gone as (delete from private.integration_tokens t where t.connection_id = p_connection
                  returning t.access_token_ciphertext)
    select c.provider, g.access_token_ciphertext
    from public.integration_connections c left join gone g on true where c.id = p_connection;
  update public.integration_connections set status = 'revoked', expires_at = null where id = p_connection;
end $$;
comment on function private.disconnect(uuid, uuid) is 'Admin only: deletes a connection''s tokens (returned once so the caller can revoke them at the provider) and marks it revoked.';

-- Every token ciphertext, for re-encryption under a new key (scripts/reencrypt-tokens.ts).
create function private.token_ciphertexts(p_not_key_id text)
returns table (connection_id uuid, access_token_ciphertext text, refresh_token_ciphertext text)
language sql stable security definer set search_path = '' as $$
  select t.connection_id, t.access_token_ciphertext, t.refresh_token_ciphertext
  from private.integration_tokens t where t.key_id <> p_not_key_id
$$;
comment on function private.token_ciphertexts(text) is 'Token ciphertexts not yet under key p_not_key_id.';

create function private.replace_token_ciphertexts(
  p_connection uuid, p_old_access text, p_access text, p_refresh text, p_key_id text
) returns boolean
language sql volatile security definer set search_path = '' as $$
  with u as (
    update private.integration_tokens set access_token_ciphertext = p_access, refresh_token_ciphertext = p_refresh,
      key_id = p_key_id
    where connection_id = p_connection and access_token_ciphertext = p_old_access
    returning 1)
  select exists (select 1 from u)
$$;
comment on function private.replace_token_ciphertexts(uuid, text, text, text, text) is 'Re-encryption step; only where the row still holds the ciphertext that was read (a concurrent refresh wins).';

alter table public.integration_connections enable row level security;
grant select on public.integration_connections to authenticated;
grant all on public.integration_connections to service_role;
grant all on private.integration_tokens, private.oauth_states to service_role;
create policy "admins see connections" on public.integration_connections for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin'))));

-- ===== user secrets: personal API keys, ciphertext only, every operation audited
create table public.user_secrets (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  name text not null check (name ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  provider text not null check (char_length(provider) between 1 and 64),
  ciphertext text not null check (ciphertext ~ '^v1\.[a-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  key_id text not null,
  hint text check (char_length(hint) <= 8),
  last_used_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, name)
);
comment on table public.user_secrets is 'A user''s own API keys (Gemini, OpenAI ...), AES-GCM ciphertext written by the secrets edge function. Owners see names and hints, never the ciphertext.';
comment on column public.user_secrets.hint is 'Last four characters of the key, to recognise it.';
create trigger set_updated_at before update on public.user_secrets for each row execute function private.set_updated_at();

create type public.secret_action as enum ('create', 'read', 'rotate', 'delete');
comment on type public.secret_action is 'What was done to a user secret.';
create table public.secret_audit_logs (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  secret_name text not null,
  action public.secret_action not null,
  actor_role text not null,
  created_at timestamptz not null default now()
);
comment on table public.secret_audit_logs is 'Every create, read, rotate and delete of a user secret; the owner reads their own trail; written only by triggers and private.read_user_secret().';
create index secret_audit_logs_user_id_idx on public.secret_audit_logs (user_id, created_at desc);

create function private.audit_user_secret() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  -- A user being deleted takes their secrets and their trail with them.
  if tg_op = 'DELETE' and not exists (select 1 from auth.users u where u.id = old.user_id) then
    return null;
  end if;
  insert into public.secret_audit_logs (user_id, secret_name, action, actor_role)
  values (coalesce(new.user_id, old.user_id), coalesce(new.name, old.name),
          case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'rotate' else 'delete' end::public.secret_action,
          coalesce(nullif((select auth.role()), ''), session_user::text));
  return null;
end $$;
comment on function private.audit_user_secret() is 'AFTER trigger on user_secrets: logs create, rotate (ciphertext changed) and delete.';
create trigger audit_user_secret after insert or delete on public.user_secrets
  for each row execute function private.audit_user_secret();
create trigger audit_user_secret_rotate after update of ciphertext on public.user_secrets
  for each row when (old.ciphertext is distinct from new.ciphertext) execute function private.audit_user_secret();

-- The only read path: returns the ciphertext to the edge function and logs the read.
create function private.read_user_secret(p_user uuid, p_name text)
returns table (ciphertext text, provider text)
language plpgsql volatile security definer set search_path = '' as $$
begin
  return query
    update public.user_secrets s set last_used_at = now()
    where s.user_id = p_user and s.name = p_name
    returning s.ciphertext, s.provider;
  if not found then
    raise exception 'no secret named %', p_name using errcode = 'P0002';
  end if;
  insert into public.secret_audit_logs (user_id, secret_name, action, actor_role)
  values (p_user, p_name, 'read', coalesce(nullif((select auth.role()), ''), session_user::text));
end $$;
comment on function private.read_user_secret(uuid, text) is 'Returns a user''s secret ciphertext for decryption and records the read.';

alter table public.user_secrets enable row level security;
alter table public.secret_audit_logs enable row level security;
grant select (id, user_id, name, provider, hint, last_used_at, created_at, updated_at) on public.user_secrets to authenticated;
grant delete on public.user_secrets to authenticated;
grant select on public.secret_audit_logs to authenticated;
grant all on public.user_secrets, public.secret_audit_logs to service_role;
create policy "users see their secrets" on public.user_secrets for select to authenticated
  using (user_id = (select auth.uid()));
create policy "users delete their secrets" on public.user_secrets for delete to authenticated
  using (user_id = (select auth.uid()));
create policy "users read their secret audit trail" on public.secret_audit_logs for select to authenticated
  using (user_id = (select auth.uid()));

-- ===== inbound webhooks
create type public.webhook_provider as enum ('shopify', 'tavus', 'mux', 'chatwoot');
comment on type public.webhook_provider is 'Services that call our webhooks function.';
create type public.webhook_event_status as enum ('processed', 'ignored', 'failed');
comment on type public.webhook_event_status is 'processed: handled; ignored: valid but nothing to do (unknown topic, unknown shop); failed: handling raised.';

create table private.webhook_events (
  id bigint generated always as identity primary key,
  provider public.webhook_provider not null,
  topic text not null check (char_length(topic) between 1 and 128),
  external_id text not null check (char_length(external_id) between 1 and 255),
  payload_sha256 text not null check (payload_sha256 ~ '^[0-9a-f]{64}$'),
  workspace_id uuid references public.workspaces (id) on delete cascade,
  status public.webhook_event_status not null,
  attempts integer not null default 1,
  error text check (char_length(error) <= 2000),
  payload jsonb not null,
  received_at timestamptz not null default now(),
  unique (provider, external_id)
);
comment on table private.webhook_events is 'Every verified inbound delivery, once: deduplicated by the provider''s delivery id (Shopify X-Shopify-Webhook-Id) or, where there is none, the SHA-256 of the body (Tavus). Service only.';
comment on column private.webhook_events.attempts is 'Deliveries seen with this id (the first plus redeliveries).';
create index webhook_events_workspace_id_idx on private.webhook_events (workspace_id);
alter table private.webhook_events enable row level security;

-- Privacy requests as Shopify hands them over (the people domain will add user-initiated ones).
create type public.privacy_request_kind as enum ('export', 'deletion');
comment on type public.privacy_request_kind is 'What the data subject asked for.';
create type public.privacy_request_status as enum ('pending', 'completed', 'rejected');
comment on type public.privacy_request_status is 'Where a privacy request stands.';
create table public.privacy_requests (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  kind public.privacy_request_kind not null,
  source text not null check (source in ('shopify', 'user', 'admin')),
  subject jsonb not null default '{}'::jsonb check (jsonb_typeof(subject) = 'object'),
  status public.privacy_request_status not null default 'pending',
  details jsonb not null default '{}'::jsonb,
  requested_at timestamptz not null default now(),
  completed_at timestamptz,
  created_at timestamptz not null default now()
);
comment on table public.privacy_requests is 'GDPR/CCPA requests about shop customers (Shopify''s customers/data_request, customers/redact, shop/redact). subject holds ids and hashes, never plaintext contact data.';
create index privacy_requests_workspace_id_idx on public.privacy_requests (workspace_id, requested_at desc);
alter table public.privacy_requests enable row level security;
grant select on public.privacy_requests to authenticated;
grant all on public.privacy_requests to service_role;
create policy "admins see privacy requests" on public.privacy_requests for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin'))));

-- Erases what this workspace holds about customers: their rows, the hashes on their orders,
-- gift card recipients. Returns how many customers were erased.
create function private.erase_customers(p_workspace uuid, p_customer_ids uuid[], p_email_sha256 text[])
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
  ids uuid[];
begin
  select array_agg(c.id) into ids from public.customers c
  where c.workspace_id = p_workspace
    and (c.id = any (coalesce(p_customer_ids, '{}')) or c.email_sha256 = any (coalesce(p_email_sha256, '{}')));
  update public.gift_card_emails e set to_email = null
  from public.gift_card_transactions t join public.orders o on o.id = t.order_id
  where e.transaction_id = t.id and o.workspace_id = p_workspace
    and (o.customer_id = any (coalesce(ids, '{}')) or o.email_sha256 = any (coalesce(p_email_sha256, '{}')));
  update public.orders o set email_sha256 = null, customer_id = null
  where o.workspace_id = p_workspace
    and (o.customer_id = any (coalesce(ids, '{}')) or o.email_sha256 = any (coalesce(p_email_sha256, '{}')));
  delete from public.customers c where c.id = any (coalesce(ids, '{}'));
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.erase_customers(uuid, uuid[], text[]) is 'GDPR erasure inside one workspace: deletes the customers, clears their orders'' email hash and customer link, and nulls gift card recipients.';

-- Shopify decimal strings ("12.34") to cents.
create function private.cents(p_amount text) returns bigint
language sql immutable set search_path = '' as $$
  select case when p_amount ~ '^-?\d+(\.\d+)?$' then round(p_amount::numeric * 100)::bigint end
$$;
comment on function private.cents(text) is 'A decimal amount as Shopify sends it ("12.34") in cents; null when not a number.';

-- Shopify's order JSON as one upsert_orders element.
create function private.shopify_order(p jsonb) returns jsonb
language sql immutable set search_path = '' as $$
  select jsonb_strip_nulls(jsonb_build_object(
    'shopify_order_id', p ->> 'id',
    'order_number', p ->> 'name',
    'email', coalesce(p ->> 'email', p ->> 'contact_email'),
    'phone', p ->> 'phone',
    'shopify_customer_id', p #>> '{customer,id}',
    'currency', p ->> 'currency',
    'subtotal_cents', private.cents(p ->> 'subtotal_price'),
    'total_discounts_cents', private.cents(p ->> 'total_discounts'),
    'total_tax_cents', private.cents(p ->> 'total_tax'),
    'total_shipping_cents', private.cents(p #>> '{total_shipping_price_set,shop_money,amount}'),
    'total_price_cents', private.cents(p ->> 'total_price'),
    'total_refunded_cents', (select sum(private.cents(t ->> 'amount'))::bigint
                             from jsonb_array_elements(coalesce(p -> 'refunds', '[]')) r,
                                  jsonb_array_elements(coalesce(r -> 'transactions', '[]')) t
                             where t ->> 'kind' = 'refund' and t ->> 'status' = 'success'),
    'financial_status', p ->> 'financial_status',
    'fulfillment_status', case p ->> 'fulfillment_status' when 'partial' then 'partial' when 'fulfilled' then 'fulfilled'
                            when 'restocked' then 'restocked' else 'unfulfilled' end,
    'landing_site', p ->> 'landing_site',
    'referring_site', p ->> 'referring_site',
    'source_name', p ->> 'source_name',
    'processed_at', coalesce(p ->> 'processed_at', p ->> 'created_at'),
    'cancelled_at', p ->> 'cancelled_at',
    'source_updated_at', p ->> 'updated_at',
    'line_items', (select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                      'shopify_product_id', li ->> 'product_id', 'shopify_variant_id', li ->> 'variant_id',
                      'sku', nullif(li ->> 'sku', ''), 'title', li ->> 'title', 'quantity', (li ->> 'quantity')::numeric,
                      'price_cents', private.cents(li ->> 'price'))))
                   from jsonb_array_elements(coalesce(p -> 'line_items', '[]')) li)
  ))
$$;
comment on function private.shopify_order(jsonb) is 'Maps a Shopify order payload to the shape public.upsert_orders takes.';

-- One verified Shopify delivery: stored once, processed in the same transaction.
-- Returns 'processed', 'ignored' or 'duplicate'.
create function private.receive_shopify_webhook(
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
  select w.id into ws from public.workspaces w where w.shop_domain = p_shop;
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
    delete from private.integration_tokens t using public.integration_connections c
    where t.connection_id = c.id and c.workspace_id = ws and c.provider = 'shopify';
    update public.integration_connections set status = 'revoked', expires_at = null
    where workspace_id = ws and provider = 'shopify';
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
comment on function private.receive_shopify_webhook(text, text, text, text, jsonb) is 'Stores a verified Shopify delivery once (by X-Shopify-Webhook-Id) and processes it in the same transaction: orders, app/uninstalled, the GDPR topics. Unknown shops and topics are stored as ignored.';

-- Conversation transcripts from Tavus (seed 004's conversation_messages); the demos domain
-- links conversation ids to demos.
create type public.conversation_role as enum ('system', 'user', 'assistant');
comment on type public.conversation_role is 'Who said a conversation message.';
create table public.conversation_messages (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  conversation_id text not null check (char_length(conversation_id) between 1 and 255),
  message_index integer not null check (message_index >= 0),
  role public.conversation_role not null,
  content text not null,
  content_length integer generated always as (char_length(content)) stored,
  occurred_at timestamptz,
  created_at timestamptz not null default now(),
  unique (workspace_id, conversation_id, message_index)
);
comment on table public.conversation_messages is 'Messages of AI video conversations (Tavus), extracted from transcription_ready events; one row per message, replays add nothing.';
comment on column public.conversation_messages.message_index is 'Position in the transcript (Tavus messages carry no id).';
alter table public.conversation_messages enable row level security;
grant select on public.conversation_messages to authenticated;
grant all on public.conversation_messages to service_role;
create policy "viewers read conversations" on public.conversation_messages for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));

-- Tavus, Mux, Chatwoot: stored once (by event id, or the body hash when there is none). Tavus
-- transcripts become conversation_messages of the workspace named in the callback URL.
create function private.receive_webhook(
  p_provider public.webhook_provider, p_topic text, p_external_id text, p_sha256 text, p_payload jsonb,
  p_workspace uuid default null
) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  fresh boolean;
  ws uuid := (select w.id from public.workspaces w where w.id = p_workspace);
begin
  insert into private.webhook_events (provider, topic, external_id, payload_sha256, workspace_id, status, payload)
  values (p_provider, p_topic, p_external_id, p_sha256, ws, 'processed', p_payload)
  on conflict (provider, external_id) do update set attempts = private.webhook_events.attempts + 1
  returning (xmax = 0) into fresh;
  if not fresh then
    return 'duplicate';
  end if;
  if p_provider = 'tavus' and p_topic = 'application.transcription_ready' and ws is not null
     and jsonb_typeof(p_payload #> '{properties,transcript}') = 'array' and p_payload ->> 'conversation_id' is not null then
    insert into public.conversation_messages (workspace_id, conversation_id, message_index, role, content, occurred_at)
    select ws, p_payload ->> 'conversation_id', (m.ordinality - 1)::integer, (m.value ->> 'role')::public.conversation_role,
           m.value ->> 'content',
           case when private.is_timestamptz(p_payload ->> 'timestamp') then (p_payload ->> 'timestamp')::timestamptz end
    from jsonb_array_elements(p_payload #> '{properties,transcript}') with ordinality m
    where m.value ->> 'role' in ('system', 'user', 'assistant') and m.value ->> 'content' is not null
    on conflict (workspace_id, conversation_id, message_index) do nothing;
  elsif p_provider = 'tavus' and ws is null then
    update private.webhook_events set status = 'ignored' where provider = p_provider and external_id = p_external_id;
    return 'ignored';
  end if;
  return 'processed';
end $$;
comment on function private.receive_webhook(public.webhook_provider, text, text, text, jsonb, uuid) is 'Stores a verified Tavus, Mux or Chatwoot event once; Tavus transcripts become conversation_messages. Mux and Chatwoot processing belongs to the media and support domains.';

-- ===== outbound webhooks (Standard Webhooks signing, retries, dead letters)
create table public.webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  url text not null check (url ~ '^https?://[^\s/$.?#][^\s]*$' and char_length(url) <= 2000),
  description text check (char_length(description) <= 500),
  events text[] not null check (cardinality(events) > 0 and events <@ array['order.created', 'order.updated',
    'integration.connected', 'integration.disconnected', 'privacy_request.created']),
  enabled boolean not null default true,
  consecutive_failures integer not null default 0,
  disabled_at timestamptz,
  disabled_reason text check (char_length(disabled_reason) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.webhook_endpoints is 'Where a workspace wants events sent. Admins manage them; the signing secret lives in private.webhook_endpoint_secrets and is shown once at creation. The dispatcher refuses non-https URLs in production.';
comment on column public.webhook_endpoints.consecutive_failures is 'Failed attempts since the last success; at 50 the endpoint is disabled.';
create index webhook_endpoints_workspace_id_idx on public.webhook_endpoints (workspace_id);
create trigger set_updated_at before update on public.webhook_endpoints for each row execute function private.set_updated_at();

create table private.webhook_endpoint_secrets (
  endpoint_id uuid primary key references public.webhook_endpoints (id) on delete cascade,
  secret text not null check (secret ~ '^whsec_[A-Za-z0-9+/=]{40,}$'),
  created_at timestamptz not null default now()
);
comment on table private.webhook_endpoint_secrets is 'Standard Webhooks signing secrets (whsec_<base64 of 32 bytes>). Service only.';
alter table private.webhook_endpoint_secrets enable row level security;

create type public.webhook_delivery_status as enum ('pending', 'succeeded', 'dead');
comment on type public.webhook_delivery_status is 'pending: waiting for its next attempt; succeeded: a 2xx came back; dead: gave up after the last attempt (dead letter).';
create table public.webhook_deliveries (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  endpoint_id uuid not null references public.webhook_endpoints (id) on delete cascade,
  message_id text not null default ('msg_' || replace(gen_random_uuid()::text, '-', '')),
  event_type text not null,
  payload jsonb not null,
  status public.webhook_delivery_status not null default 'pending',
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_status_code integer,
  last_error text check (char_length(last_error) <= 2000),
  delivered_at timestamptz,
  created_at timestamptz not null default now(),
  unique (endpoint_id, message_id)
);
comment on table public.webhook_deliveries is 'One event for one endpoint, retried with exponential backoff and jitter until a 2xx or the 8th failure (then dead). message_id is the webhook-id header: the same on every retry.';
create index webhook_deliveries_workspace_id_idx on public.webhook_deliveries (workspace_id, created_at desc);
create index webhook_deliveries_due_idx on public.webhook_deliveries (next_attempt_at) where status = 'pending';

-- Queues an event for every enabled endpoint of the workspace subscribed to it.
create function private.enqueue_webhook_event(p_workspace uuid, p_event_type text, p_payload jsonb)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
  select p_workspace, e.id, p_event_type,
         jsonb_build_object('type', p_event_type, 'timestamp', now(), 'data', p_payload)
  from public.webhook_endpoints e
  where e.workspace_id = p_workspace and e.enabled and p_event_type = any (e.events);
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.enqueue_webhook_event(uuid, text, jsonb) is 'Fans an event out to the workspace''s subscribed, enabled endpoints.';

create function private.order_webhook_events() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.enqueue_webhook_event(new.workspace_id,
    case when tg_op = 'INSERT' then 'order.created' else 'order.updated' end,
    jsonb_build_object('id', new.id, 'shopify_order_id', new.shopify_order_id, 'order_number', new.order_number,
      'currency', new.currency, 'total_price_cents', new.total_price_cents, 'financial_status', new.financial_status,
      'processed_at', new.processed_at));
  return null;
end $$;
comment on function private.order_webhook_events() is 'AFTER INSERT/UPDATE on orders: queues order.created / order.updated.';
create trigger order_webhook_events after insert or update on public.orders
  for each row execute function private.order_webhook_events();

create function private.connection_webhook_events() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' or (new.status = 'active' and old.status <> 'active') then
    perform private.enqueue_webhook_event(new.workspace_id, 'integration.connected',
      jsonb_build_object('id', new.id, 'provider', new.provider, 'external_account_id', new.external_account_id));
  elsif new.status = 'revoked' and old.status <> 'revoked' then
    perform private.enqueue_webhook_event(new.workspace_id, 'integration.disconnected',
      jsonb_build_object('id', new.id, 'provider', new.provider, 'external_account_id', new.external_account_id));
  end if;
  return null;
end $$;
comment on function private.connection_webhook_events() is 'AFTER INSERT/UPDATE OF status on integration_connections: queues integration.connected / disconnected.';
create trigger connection_webhook_events after insert or update of status on public.integration_connections
  for each row execute function private.connection_webhook_events();

-- Claims due deliveries for the dispatcher: each is leased for 60 s so a crashed dispatcher's
-- deliveries come back; attempts counts claims.
create function private.claim_webhook_deliveries(p_limit integer default 50)
returns table (id bigint, message_id text, url text, secret text, event_type text, payload jsonb, attempts integer)
language sql volatile security definer set search_path = '' as $$
  with due as (
    select d.id from public.webhook_deliveries d
    join public.webhook_endpoints e on e.id = d.endpoint_id and e.enabled
    where d.status = 'pending' and d.next_attempt_at <= now()
    order by d.next_attempt_at
    limit p_limit
    for update of d skip locked
  ), claimed as (
    update public.webhook_deliveries d set attempts = d.attempts + 1, next_attempt_at = now() + interval '60 seconds'
    from due where d.id = due.id
    returning d.id, d.message_id, d.endpoint_id, d.event_type, d.payload, d.attempts
  )
  select c.id, c.message_id, e.url, s.secret, c.event_type, c.payload, c.attempts
  from claimed c join public.webhook_endpoints e on e.id = c.endpoint_id
  join private.webhook_endpoint_secrets s on s.endpoint_id = c.endpoint_id
$$;
comment on function private.claim_webhook_deliveries(integer) is 'Leases up to p_limit due deliveries (skip locked) with their endpoint URL and secret.';

-- Backoff before attempt n+1 after n failures: 30 s x 2^(n-1), at most 6 h, times a jitter of 0.5-1.5.
create function private.webhook_backoff(p_attempts integer, p_jitter double precision default random())
returns interval
language sql immutable set search_path = '' as $$
  select make_interval(secs => least(30 * power(2, greatest(p_attempts, 1) - 1), 21600) * (0.5 + p_jitter))
$$;
comment on function private.webhook_backoff(integer, double precision) is 'Exponential backoff with jitter for outbound webhook retries.';

-- The dispatcher reports each attempt. 8 failed attempts make a delivery dead; 50 consecutive
-- failures disable its endpoint.
create function private.finish_webhook_delivery(p_id bigint, p_status_code integer, p_error text)
returns public.webhook_delivery_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  d public.webhook_deliveries;
  ok boolean := p_status_code between 200 and 299;
begin
  select * into d from public.webhook_deliveries where id = p_id for update;
  if not found or d.status <> 'pending' then
    raise exception 'no pending delivery %', p_id using errcode = 'P0002';
  end if;
  if ok then
    update public.webhook_deliveries set status = 'succeeded', delivered_at = now(), last_status_code = p_status_code,
      last_error = null where id = p_id;
    update public.webhook_endpoints set consecutive_failures = 0 where id = d.endpoint_id;
    return 'succeeded'::public.webhook_delivery_status;
  end if;
  update public.webhook_deliveries set
    status = case when d.attempts >= 8 then 'dead' else 'pending' end::public.webhook_delivery_status,
    next_attempt_at = now() + private.webhook_backoff(d.attempts),
    last_status_code = p_status_code, last_error = left(p_error, 2000)
  where id = p_id;
  update public.webhook_endpoints set consecutive_failures = consecutive_failures + 1,
    enabled = case when consecutive_failures + 1 >= 50 then false else enabled end,
    disabled_at = case when consecutive_failures + 1 >= 50 and enabled then now() else disabled_at end,
    disabled_reason = case when consecutive_failures + 1 >= 50 and enabled
                           then '50 consecutive failed deliveries' else disabled_reason end
  where id = d.endpoint_id;
  return case when d.attempts >= 8 then 'dead' else 'pending' end::public.webhook_delivery_status;
end $$;
comment on function private.finish_webhook_delivery(bigint, integer, text) is 'Records one delivery attempt: success, retry with backoff, or dead letter; disables endpoints after sustained failure.';

-- Admins create endpoints through this RPC and see the secret once.
create function public.create_webhook_endpoint(p_workspace_id uuid, p_url text, p_events text[], p_description text default null)
returns table (endpoint_id uuid, secret text)
language plpgsql volatile set search_path = '' as $$
declare
  eid uuid := gen_random_uuid();
begin
  perform private.require_workspace_role(p_workspace_id, 'admin');
  insert into public.webhook_endpoints (id, workspace_id, url, events, description)
  values (eid, p_workspace_id, p_url, p_events, p_description);
  return query select eid, private.new_webhook_secret(eid);
end $$;
comment on function public.create_webhook_endpoint(uuid, text, text[], text) is 'Admin only: registers an endpoint and returns its signing secret once.';

create function private.new_webhook_secret(p_endpoint uuid) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  s text := 'whsec_' || encode(extensions.gen_random_bytes(32), 'base64');
begin
  if (select auth.role()) = 'authenticated' and not exists (
    select 1 from public.webhook_endpoints e
    where e.id = p_endpoint and e.workspace_id = any (array(select private.workspace_ids('admin')))) then
    raise exception 'no such endpoint in a workspace you administer' using errcode = '42501';
  end if;
  insert into private.webhook_endpoint_secrets (endpoint_id, secret) values (p_endpoint, s)
  on conflict (endpoint_id) do update set secret = excluded.secret, created_at = now();
  return s;
end $$;
comment on function private.new_webhook_secret(uuid) is 'Creates or rotates an endpoint''s signing secret (admins of its workspace, or service_role).';

alter table public.webhook_endpoints enable row level security;
alter table public.webhook_deliveries enable row level security;
grant select, delete on public.webhook_endpoints to authenticated;
grant insert (id, workspace_id, url, events, description) on public.webhook_endpoints to authenticated;
grant update (url, events, description, enabled) on public.webhook_endpoints to authenticated;
grant select on public.webhook_deliveries to authenticated;
grant all on public.webhook_endpoints, public.webhook_deliveries to service_role;
grant all on private.webhook_endpoint_secrets, private.webhook_events to service_role;
select private.tenant_policies('public.webhook_endpoints', 'admin', 'admin');
create policy "admins see deliveries" on public.webhook_deliveries for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin'))));

-- ===== who may call what: the edge functions act as service_role
revoke all on function private.oauth_begin(uuid, uuid, public.integration_provider, text, text, text, text, text) from public;
revoke all on function private.oauth_consume(text, public.integration_provider) from public;
revoke all on function private.oauth_store_connection(uuid, uuid, public.integration_provider, text, text[], timestamptz, text, text, text, jsonb) from public;
revoke all on function private.connections_to_refresh(interval, integer) from public;
revoke all on function private.record_refresh(uuid, text, text, text, timestamptz, text) from public;
revoke all on function private.disconnect(uuid, uuid) from public;
revoke all on function private.token_ciphertexts(text) from public;
revoke all on function private.replace_token_ciphertexts(uuid, text, text, text, text) from public;
revoke all on function private.read_user_secret(uuid, text) from public;
revoke all on function private.erase_customers(uuid, uuid[], text[]) from public;
revoke all on function private.cents(text) from public;
revoke all on function private.shopify_order(jsonb) from public;
revoke all on function private.receive_shopify_webhook(text, text, text, text, jsonb) from public;
revoke all on function private.receive_webhook(public.webhook_provider, text, text, text, jsonb, uuid) from public;
revoke all on function private.enqueue_webhook_event(uuid, text, jsonb) from public;
revoke all on function private.claim_webhook_deliveries(integer) from public;
revoke all on function private.webhook_backoff(integer, double precision) from public;
revoke all on function private.finish_webhook_delivery(bigint, integer, text) from public;
revoke all on function private.new_webhook_secret(uuid) from public;
grant execute on function private.oauth_begin(uuid, uuid, public.integration_provider, text, text, text, text, text),
  private.oauth_consume(text, public.integration_provider),
  private.oauth_store_connection(uuid, uuid, public.integration_provider, text, text[], timestamptz, text, text, text, jsonb),
  private.connections_to_refresh(interval, integer),
  private.record_refresh(uuid, text, text, text, timestamptz, text),
  private.disconnect(uuid, uuid),
  private.token_ciphertexts(text),
  private.replace_token_ciphertexts(uuid, text, text, text, text),
  private.read_user_secret(uuid, text),
  private.erase_customers(uuid, uuid[], text[]),
  private.cents(text),
  private.shopify_order(jsonb),
  private.receive_shopify_webhook(text, text, text, text, jsonb),
  private.receive_webhook(public.webhook_provider, text, text, text, jsonb, uuid),
  private.enqueue_webhook_event(uuid, text, jsonb),
  private.claim_webhook_deliveries(integer),
  private.webhook_backoff(integer, double precision),
  private.finish_webhook_delivery(bigint, integer, text),
  private.new_webhook_secret(uuid)
  to service_role;
grant execute on function private.new_webhook_secret(uuid) to authenticated;
grant execute on function public.create_webhook_endpoint(uuid, text, text[], text) to authenticated, service_role;

-- ===== retention: raw inbound events and finished outbound deliveries are kept 30 days
create function private.purge_webhook_history(p_keep interval default interval '30 days') returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  a integer;
  b integer;
begin
  delete from private.webhook_events where received_at < now() - p_keep;
  get diagnostics a = row_count;
  delete from public.webhook_deliveries where status <> 'pending' and created_at < now() - p_keep;
  get diagnostics b = row_count;
  return a + b;
end $$;
comment on function private.purge_webhook_history(interval) is 'Deletes inbound webhook events and finished outbound deliveries older than p_keep (daily pg_cron job webhook-history-retention). A redelivery of a purged event would be processed again: Shopify stops retrying after 4 hours.';
revoke all on function private.purge_webhook_history(interval) from public;
grant execute on function private.purge_webhook_history(interval) to service_role;
select cron.schedule('webhook-history-retention', '41 2 * * *', 'select private.purge_webhook_history()');

-- ===== scheduled function rounds: in the cloud pg_cron calls the functions through pg_net
-- with the project URL and service role key kept in Vault (secrets named project_url and
-- service_role_key). Where pg_net or those secrets are missing (the embedded local stack) the
-- jobs do nothing; call the functions directly there.
create function private.invoke_function(p_name text) returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  url text;
  key text;
  request_id bigint;
  -- named through variables: these objects exist only on Supabase, so the statements stay dynamic
  secrets text := 'vault.decrypted_secrets';
  http_post text := 'net.http_post';
begin
  if p_name not in ('webhook-dispatch', 'oauth/refresh') then
    raise exception 'not a scheduled function: %', p_name using errcode = '22023';
  end if;
  if to_regnamespace('net') is null or to_regclass('vault.decrypted_secrets') is null then
    return null;
  end if;
  execute format($q$select max(decrypted_secret) filter (where name = 'project_url'),
                           max(decrypted_secret) filter (where name = 'service_role_key')
                    from %s where name in ('project_url', 'service_role_key')$q$, secrets)
    into url, key;
  if url is null or key is null then
    return null;
  end if;
  execute format('select %s(url := $1, headers := $2, body := ''{}''::jsonb, timeout_milliseconds := 30000)', http_post)
    into request_id
    using rtrim(url, '/') || '/functions/v1/' || p_name,
          jsonb_build_object('Authorization', 'Bearer ' || key, 'Content-Type', 'application/json');
  return request_id;
end $$;
comment on function private.invoke_function(text) is 'pg_cron''s way to run a function round in the cloud (pg_net + Vault secrets project_url, service_role_key); returns the pg_net request id, or null where pg_net or the secrets are missing.';
revoke all on function private.invoke_function(text) from public;
select cron.schedule('webhook-dispatch', '* * * * *', $$select private.invoke_function('webhook-dispatch')$$);
select cron.schedule('oauth-token-refresh', '*/5 * * * *', $$select private.invoke_function('oauth/refresh')$$);
