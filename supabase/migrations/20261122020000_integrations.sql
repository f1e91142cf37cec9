-- Integrations: OAuth connections with encrypted tokens (ciphertext only, in private), OAuth
-- state, personal secrets with an audit trail, inbound webhook events (deduplicated, processed
-- by SQL after a durable store) and outbound webhooks (endpoints, queued deliveries, retries).
-- Edge functions encrypt and decrypt; the database never sees a plaintext token or the key.
create type public.integration_provider as enum (
  'shopify', 'meta', 'google_ads', 'tiktok', 'klaviyo', 'yotpo', 'slack', 'chatwoot', 'ga4', 'tavus',
  'mux'
);

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
alter table public.integration_connections enable row level security;
grant select on public.integration_connections to authenticated;
alter publication supabase_realtime add table public.integration_connections;
select private.install_row_triggers('public.integration_connections');
select private.tenant_policy('public.integration_connections', 'select', 'admin');

create index integration_connections_connected_by_idx on public.integration_connections (connected_by);

create index integration_connections_expiring_idx on public.integration_connections (expires_at) where status = 'active';

create table private.integration_tokens (
  connection_id uuid primary key references public.integration_connections (id) on delete cascade,
  access_token_ciphertext text not null check (access_token_ciphertext ~ '^v1\.[a-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  refresh_token_ciphertext text check (refresh_token_ciphertext ~ '^v1\.[a-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  key_id text not null,
  updated_at timestamptz not null default now()
);
comment on table private.integration_tokens is 'AES-256-GCM ciphertext of each connection''s tokens ("v1.<key id>.<iv>.<data>"), encrypted by the edge functions. No API role can read it.';
alter table private.integration_tokens enable row level security;
grant all on private.integration_tokens to service_role;
select private.install_row_triggers('private.integration_tokens');

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
  browser_hash text check (browser_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz not null default now()
);
comment on table private.oauth_states is 'OAuth state for one authorization attempt: SHA-256 of the state (never the state), bound to user, workspace, provider and redirect; single use, 10 minutes.';
comment on column private.oauth_states.account_id is 'The ad account (Meta act_..., Google Ads customer id) the admin chose to connect.';
comment on column private.oauth_states.browser_hash is 'SHA-256 of the nonce cookie set on the browser that started the flow; the callback must present it.';
alter table private.oauth_states enable row level security;
grant all on private.oauth_states to service_role;
select private.install_row_triggers('private.oauth_states');

create index oauth_states_user_id_idx on private.oauth_states (user_id);

create index oauth_states_workspace_id_idx on private.oauth_states (workspace_id);

create function private.record_refresh(
  p_connection_id uuid, p_access_ciphertext text, p_refresh_ciphertext text, p_key_id text, p_expires_at timestamptz,
  p_error text default null
) returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  perform set_config('growthbase.credential_reason', 'token refresh', true);
  if p_error is not null then
    update public.integration_connections set status = 'expired', last_error = left(p_error, 2000) where id = p_connection_id;
    return;
  end if;
  update private.integration_tokens set access_token_ciphertext = p_access_ciphertext,
    refresh_token_ciphertext = coalesce(p_refresh_ciphertext, refresh_token_ciphertext), key_id = p_key_id
  where connection_id = p_connection_id;
  update public.integration_connections set expires_at = p_expires_at, last_refreshed_at = now(), last_error = null,
    status = 'active'
  where id = p_connection_id;
end $$;
comment on function private.record_refresh(uuid, text, text, text, timestamp with time zone, text) is 'Stores refreshed token ciphertext, or marks the connection expired with the provider''s error.';
grant execute on function private.record_refresh(uuid, text, text, text, timestamp with time zone, text) to service_role;

-- Every token ciphertext, for re-encryption under a new key (scripts/reencrypt-tokens.ts).
create function private.token_ciphertexts(p_not_key_id text)
returns table (connection_id uuid, access_token_ciphertext text, refresh_token_ciphertext text)
language sql stable security definer set search_path = '' as $$
  select t.connection_id, t.access_token_ciphertext, t.refresh_token_ciphertext
  from private.integration_tokens t where t.key_id <> p_not_key_id
$$;
comment on function private.token_ciphertexts(text) is 'Token ciphertexts not yet under key p_not_key_id.';
grant execute on function private.token_ciphertexts(text) to service_role;

create function private.replace_token_ciphertexts(
  p_connection_id uuid, p_old_access text, p_access text, p_refresh text, p_key_id text
) returns boolean
language plpgsql volatile security definer set search_path = '' as $$
declare
  done boolean;
begin
  perform set_config('growthbase.credential_reason', 'key rotation (re-encryption)', true);
  update private.integration_tokens set access_token_ciphertext = p_access, refresh_token_ciphertext = p_refresh,
    key_id = p_key_id
  where connection_id = p_connection_id and access_token_ciphertext = p_old_access;
  get diagnostics done = row_count;
  return done;
end $$;
comment on function private.replace_token_ciphertexts(uuid, text, text, text, text) is 'Re-encryption step; only where the row still holds the ciphertext that was read (a concurrent refresh wins).';
grant execute on function private.replace_token_ciphertexts(uuid, text, text, text, text) to service_role;

-- ===== user secrets: personal API keys, ciphertext only, every operation audited
create table public.user_secrets (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  name text not null check (name ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  provider text not null check (char_length(provider) between 1 and 64),
  hint text check (char_length(hint) <= 8),
  last_used_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, name)
);
comment on table public.user_secrets is 'A user''s own API keys (Gemini, OpenAI ...): name, provider and hint; the ciphertext lives in private.user_secret_values. Every create, read, rotate and delete is audited.';
comment on column public.user_secrets.hint is 'Last four characters of the key, to recognise it.';
alter table public.user_secrets enable row level security;
grant select, delete on public.user_secrets to authenticated;
select private.install_row_triggers('public.user_secrets');

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
alter table public.secret_audit_logs enable row level security;
grant select on public.secret_audit_logs to authenticated;

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

-- The only read path: returns the ciphertext to the edge function and logs the read.
create function private.read_user_secret(p_user_id uuid, p_name text)
returns table (ciphertext text, provider text)
language plpgsql volatile security definer set search_path = '' as $$
begin
  return query
    with used as (
      update public.user_secrets s set last_used_at = now()
      where s.user_id = p_user_id and s.name = p_name
      returning s.id, s.provider)
    select v.ciphertext, used.provider from used join private.user_secret_values v on v.secret_id = used.id;
  if not found then
    raise exception 'no secret named %', p_name using errcode = 'PT404';
  end if;
  insert into public.secret_audit_logs (user_id, secret_name, action, actor_role)
  values (p_user_id, p_name, 'read', coalesce(nullif((select auth.role()), ''), session_user::text));
end $$;
comment on function private.read_user_secret(uuid, text) is 'Returns a user''s secret ciphertext for decryption and records the read.';
grant execute on function private.read_user_secret(uuid, text) to service_role;

create policy "users see their secrets" on public.user_secrets for select to authenticated
  using (user_id = (select auth.uid()));

create policy "users delete their secrets" on public.user_secrets for delete to authenticated
  using (user_id = (select auth.uid()));

create policy "users read their secret audit trail" on public.secret_audit_logs for select to authenticated
  using (user_id = (select auth.uid()));

-- ===== inbound webhooks
create type public.webhook_provider as enum ('shopify', 'tavus', 'mux', 'chatwoot');

comment on type public.webhook_provider is 'Services that call our webhooks function.';

create type public.webhook_event_status as enum ('pending', 'processed', 'ignored', 'failed', 'dead');

comment on type public.webhook_event_status is 'pending: stored, waiting for the processor; processed: handled; ignored: valid but nothing to do (unknown topic, no active connection for the shop); failed: the last attempt raised, retried at next_attempt_at; dead: gave up (5 attempts, or an event that can never be processed), last error kept.';

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
  shop text,
  process_attempts integer not null default 0,
  next_attempt_at timestamptz,
  processed_at timestamptz,
  unique (provider, external_id)
);
comment on table private.webhook_events is 'Every verified inbound delivery, once: deduplicated by the provider''s delivery id (Shopify X-Shopify-Webhook-Id) or, where there is none, the SHA-256 of the body (Tavus). Service only.';
comment on column private.webhook_events.process_attempts is 'Times the processor tried to handle it.';
comment on column private.webhook_events.next_attempt_at is 'When a pending or failed event is (next) due for processing.';
comment on column private.webhook_events.attempts is 'Deliveries seen with this id (the first plus redeliveries).';
alter table private.webhook_events enable row level security;
grant all on private.webhook_events to service_role;
select private.install_row_triggers('private.webhook_events');

create index webhook_events_workspace_id_idx on private.webhook_events (workspace_id);

-- Tavus, Mux, Chatwoot: stored once (by event id, or the body hash when there is none). Tavus
-- transcripts become conversation_messages of the workspace named in the callback URL.
create function private.receive_webhook(
  p_provider public.webhook_provider, p_topic text, p_external_id text, p_sha256 text, p_payload jsonb,
  p_workspace_id uuid default null
) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  fresh boolean;
  ws uuid := (select w.id from public.workspaces w where w.id = p_workspace_id);
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
grant execute on function private.receive_webhook(public.webhook_provider, text, text, text, jsonb, uuid) to service_role;

-- ===== outbound webhooks (Standard Webhooks signing, retries, dead letters)
create table public.webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  url text not null constraint "url must be an http(s) URL of at most 2000 characters"
    check (url ~ '^https?://[^\s/$.?#][^\s]*$' and char_length(url) <= 2000),
  description text constraint "description must be at most 500 characters" check (char_length(description) <= 500),
  -- each one a webhook_event_types name (private.check_endpoint_events)
  events text[] not null,
  enabled boolean not null default true,
  consecutive_failures integer not null default 0,
  disabled_at timestamptz,
  disabled_reason text check (char_length(disabled_reason) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.webhook_endpoints is 'Where a workspace wants events sent. Admins manage them; the signing secret lives in private.webhook_endpoint_secrets and is shown once at creation. The dispatcher refuses non-https URLs in production.';
comment on column public.webhook_endpoints.consecutive_failures is 'Failed attempts since the last success; at 50 the endpoint is disabled.';
alter table public.webhook_endpoints enable row level security;
grant select, delete on public.webhook_endpoints to authenticated;
grant insert (id, workspace_id, url, description, events) on public.webhook_endpoints to authenticated;
grant update (url, description, events, enabled) on public.webhook_endpoints to authenticated;
select private.install_row_triggers('public.webhook_endpoints');
select private.tenant_policies('public.webhook_endpoints', 'admin', 'admin');

create index webhook_endpoints_workspace_id_idx on public.webhook_endpoints (workspace_id);

create table private.webhook_endpoint_secrets (
  endpoint_id uuid primary key references public.webhook_endpoints (id) on delete cascade,
  secret text not null check (secret ~ '^whsec_[A-Za-z0-9+/=]{40,}$'),
  created_at timestamptz not null default now()
);
comment on table private.webhook_endpoint_secrets is 'Standard Webhooks signing secrets (whsec_<base64 of 32 bytes>). Service only.';
alter table private.webhook_endpoint_secrets enable row level security;
grant all on private.webhook_endpoint_secrets to service_role;

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
alter table public.webhook_deliveries enable row level security;
grant select on public.webhook_deliveries to authenticated;
alter publication supabase_realtime add table public.webhook_deliveries;
select private.install_row_triggers('public.webhook_deliveries');
select private.tenant_policy('public.webhook_deliveries', 'select', 'admin');

create index webhook_deliveries_workspace_id_idx on public.webhook_deliveries (workspace_id, created_at desc);

create index webhook_deliveries_due_idx on public.webhook_deliveries (next_attempt_at) where status = 'pending';

-- Queues an event for every enabled endpoint of the workspace subscribed to it.
create function private.enqueue_webhook_event(p_workspace_id uuid, p_event_type text, p_payload jsonb)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
  select p_workspace_id, e.id, p_event_type,
         jsonb_build_object('type', p_event_type, 'timestamp', now(), 'data', p_payload)
  from public.webhook_endpoints e
  where e.workspace_id = p_workspace_id and e.enabled and p_event_type = any (e.events);
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.enqueue_webhook_event(uuid, text, jsonb) is 'Fans an event out to the workspace''s subscribed, enabled endpoints.';
grant execute on function private.enqueue_webhook_event(uuid, text, jsonb) to service_role;

create function private.order_webhook_events() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  ev text := case when tg_op = 'INSERT' then 'order.created' else 'order.updated' end;
begin
  insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
  select n.workspace_id, e.id, ev,
         jsonb_build_object('type', ev, 'timestamp', now(), 'data',
           jsonb_build_object('id', n.id, 'shopify_order_id', n.shopify_order_id, 'order_number', n.order_number,
             'currency', n.currency, 'total_price_cents', n.total_price_cents, 'financial_status', n.financial_status,
             'processed_at', n.processed_at))
  from changed n
  join public.webhook_endpoints e on e.workspace_id = n.workspace_id and e.enabled and ev = any (e.events);
  return null;
end $$;
comment on function private.order_webhook_events() is 'AFTER INSERT / AFTER UPDATE statement triggers on orders: queues order.created / order.updated for every subscribed, enabled endpoint, one INSERT per statement.';

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
grant execute on function private.claim_webhook_deliveries(integer) to service_role;

-- Backoff before attempt n+1 after n failures: 30 s x 2^(n-1), at most 6 h, times a jitter of 0.5-1.5.
create function private.webhook_backoff(p_attempts integer, p_jitter double precision default random())
returns interval
language sql immutable set search_path = '' as $$
  select make_interval(secs => least(30 * power(2, greatest(p_attempts, 1) - 1), 21600) * (0.5 + p_jitter))
$$;
comment on function private.webhook_backoff(integer, double precision) is 'Exponential backoff with jitter for outbound webhook retries.';
grant execute on function private.webhook_backoff(integer, double precision) to service_role;

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
grant execute on function private.finish_webhook_delivery(bigint, integer, text) to service_role;

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
grant execute on function public.create_webhook_endpoint(uuid, text, text[], text) to authenticated;

create function private.new_webhook_secret(p_endpoint_id uuid) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  s text := 'whsec_' || encode(extensions.gen_random_bytes(32), 'base64');
begin
  if private.is_end_user() and not exists (
    select 1 from public.webhook_endpoints e
    where e.id = p_endpoint_id and e.workspace_id = any (array(select private.workspace_ids('admin')))) then
    raise exception 'no such endpoint in a workspace you administer' using errcode = '42501';
  end if;
  insert into private.webhook_endpoint_secrets (endpoint_id, secret) values (p_endpoint_id, s)
  on conflict (endpoint_id) do update set secret = excluded.secret, created_at = now();
  return s;
end $$;
comment on function private.new_webhook_secret(uuid) is 'Creates or rotates an endpoint''s signing secret (admins of its workspace, or service_role).';
grant execute on function private.new_webhook_secret(uuid) to service_role, authenticated;

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
grant execute on function private.purge_webhook_history(interval) to service_role;

select cron.schedule('webhook-history-retention', '41 2 * * *', 'select private.purge_webhook_history()');

select cron.schedule('oauth-token-refresh', '*/5 * * * *', $$select private.invoke_function('oauth/refresh')$$);

create function private.dispatch_new_deliveries() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from queued) then
    perform private.wake_function('webhook-dispatch');
  end if;
  return null;
end $$;
comment on function private.dispatch_new_deliveries() is 'AFTER INSERT statement trigger on webhook_deliveries: wakes the dispatcher at commit when the statement queued any delivery.';

create trigger dispatch_new_deliveries after insert on public.webhook_deliveries
  referencing new table as queued
  for each statement execute function private.dispatch_new_deliveries();

-- The sweeper: every minute, call the dispatcher only when a delivery is due.
create function private.dispatch_due_deliveries() returns bigint
language plpgsql volatile security definer set search_path = '' as $$
begin
  if exists (select 1 from public.webhook_deliveries d
             join public.webhook_endpoints e on e.id = d.endpoint_id and e.enabled
             where d.status = 'pending' and d.next_attempt_at <= now()) then
    return private.invoke_function('webhook-dispatch');
  end if;
  return null;
end $$;
comment on function private.dispatch_due_deliveries() is 'pg_cron, every minute: calls webhook-dispatch through pg_net when a delivery is due (retries, missed wake-ups); otherwise nothing.';

select cron.schedule('webhook-dispatch', '* * * * *', $$select private.dispatch_due_deliveries()$$);

-- ===== user secrets: the ciphertext moves to a private table
create table private.user_secret_values (
  secret_id uuid primary key references public.user_secrets (id) on delete cascade,
  ciphertext text not null check (ciphertext ~ '^v1\.[a-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$'),
  key_id text not null,
  updated_at timestamptz not null default now()
);
comment on table private.user_secret_values is 'AES-256-GCM ciphertext of each user secret ("v1.<key id>.<iv>.<data>"). Service only; reads go through private.read_user_secret (audited).';
alter table private.user_secret_values enable row level security;
grant all on private.user_secret_values to service_role;
select private.install_row_triggers('private.user_secret_values');

create function private.audit_user_secret_rotation() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.secret_audit_logs (user_id, secret_name, action, actor_role)
  select s.user_id, s.name, 'rotate', coalesce(nullif((select auth.role()), ''), session_user::text)
  from public.user_secrets s where s.id = new.secret_id;
  return null;
end $$;
comment on function private.audit_user_secret_rotation() is 'AFTER UPDATE of ciphertext on private.user_secret_values: logs a rotation.';

create trigger audit_user_secret_rotate after update of ciphertext on private.user_secret_values
  for each row when (old.ciphertext is distinct from new.ciphertext) execute function private.audit_user_secret_rotation();

-- Writes (service: the function that encrypts) create or rotate a secret and its ciphertext together.
create function private.store_user_secret(p_user_id uuid, p_name text, p_provider text, p_ciphertext text, p_key_id text, p_hint text)
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  sid uuid;
begin
  insert into public.user_secrets as s (user_id, name, provider, hint) values (p_user_id, p_name, p_provider, p_hint)
  on conflict (user_id, name) do update set provider = excluded.provider, hint = excluded.hint
  returning s.id into sid;
  insert into private.user_secret_values as v (secret_id, ciphertext, key_id) values (sid, p_ciphertext, p_key_id)
  on conflict (secret_id) do update set ciphertext = excluded.ciphertext, key_id = excluded.key_id;
  return sid;
end $$;
comment on function private.store_user_secret(uuid, text, text, text, text, text) is 'Service: creates or rotates a user''s secret with its ciphertext (audited by triggers).';
grant execute on function private.store_user_secret(uuid, text, text, text, text, text) to service_role;

create unique index integration_connections_one_active_shop on public.integration_connections (external_account_id)
  where provider = 'shopify' and status = 'active';
comment on index public.integration_connections_one_active_shop is 'A Shopify shop is actively connected to one workspace at most.';

-- The workspace a shop's webhooks belong to: the one with its active connection.
create function private.shop_workspace(p_shop text) returns uuid
language plpgsql stable security definer set search_path = '' as $$
begin
  return (select c.workspace_id from public.integration_connections c
          where c.provider = 'shopify' and c.status = 'active' and c.external_account_id = lower(p_shop));
end $$;
comment on function private.shop_workspace(text) is 'The workspace whose active Shopify connection is this shop, or null.';

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

create trigger audit after insert or update or delete on private.integration_tokens
  for each row execute function private.audit_integration_token();

-- The only read path for a connection's tokens: returns the ciphertext and records the read.
create function private.read_integration_tokens(p_connection_id uuid, p_reason text)
returns table (provider public.integration_provider, access_token_ciphertext text, refresh_token_ciphertext text)
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.read_integration_tokens(uuid, text) is 'Returns a connection''s token ciphertext for use and records the read with its reason in audit_log.';
grant execute on function private.read_integration_tokens(uuid, text) to service_role;

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
grant execute on function private.connections_to_refresh(interval, integer) to service_role;

create function private.oauth_begin(
  p_workspace_id uuid, p_provider public.integration_provider, p_state_hash text, p_browser_hash text,
  p_redirect_to text, p_shop text, p_account_id text, p_code_verifier_ciphertext text
) returns timestamptz
language plpgsql volatile security definer set search_path = '' as $$
declare
  exp timestamptz;
begin
  perform private.require_workspace_role(p_workspace_id, 'admin');
  delete from private.oauth_states where expires_at < now() - interval '1 day';
  insert into private.oauth_states (state_hash, user_id, workspace_id, provider, redirect_to, shop, account_id,
                                    code_verifier_ciphertext, browser_hash)
  values (p_state_hash, (select auth.uid()), p_workspace_id, p_provider, p_redirect_to, p_shop, p_account_id,
          p_code_verifier_ciphertext, p_browser_hash)
  returning expires_at into exp;
  return exp;
end $$;
comment on function private.oauth_begin(uuid, public.integration_provider, text, text, text, text, text, text) is 'Called as the signed-in admin: records a new OAuth state bound to them, the workspace and their browser; returns its expiry.';
grant execute on function private.oauth_begin(uuid, public.integration_provider, text, text, text, text, text, text) to authenticated;

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
grant execute on function private.oauth_pending(text, public.integration_provider) to service_role;

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
comment on function private.oauth_complete(text, public.integration_provider, text, text[], timestamp with time zone, text, text, text, jsonb) is 'After a successful code exchange: consumes the state and stores the connection and token ciphertext atomically; PT404 for a bad state, PT409 for a shop connected to another workspace (state left usable).';
grant execute on function private.oauth_complete(text, public.integration_provider, text, text[], timestamp with time zone, text, text, text, jsonb) to service_role;

create function private.disconnect(p_connection_id uuid)
returns table (provider public.integration_provider, access_token_ciphertext text)
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.disconnect(uuid) is 'Called as the signed-in admin: returns the connection''s access token ciphertext once (audited read, for revocation at the provider), deletes the tokens and marks the connection revoked.';
grant execute on function private.disconnect(uuid) to authenticated;

create index webhook_events_due_idx on private.webhook_events (id) where status in ('pending', 'failed');

insert into private.callable_functions (name, description)
values ('webhook-process', 'processes stored inbound webhook events in batches')
on conflict (name) do nothing;

-- ===== the inbound pipeline: Shopify webhooks acknowledged after a durable store, processed in
-- set-based batches (processing inside the request capped the path near 650 deliveries/s on 2
-- cores: 1.3 ms of order processing per delivery against 0.03 ms to store the raw event).
-- - private.store_shopify_webhook: the webhooks function stores the verified event once (by
--   X-Shopify-Webhook-Id; a redelivery counts an attempt) with a synchronous commit, so what
--   is acknowledged survives a database crash, and answers.
-- - A statement that stores events wakes the webhook-process function through pg_net (one
--   pending wake-up at a time, as for outbound deliveries); the every-minute sweeper catches
--   retries and anything a wake-up missed.
-- - private.process_webhook_events(limit): one processor at a time (an advisory lock), so
--   events are handled in the order received. Orders topics go to upsert_orders in one batch
--   per workspace (the newest version of each order); a batch it refuses is retried event by
--   event so one bad order cannot hold the others back. Failures retry with backoff; after 5
--   attempts an event is dead, its last error kept. Admins see their events' state through
--   list_webhook_events.
-- ===== the ack path
create function private.store_shopify_webhook(
  p_webhook_id text, p_topic text, p_shop text, p_sha256 text, p_payload jsonb
) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid := private.shop_workspace(p_shop);
  fresh boolean;
begin
  if ws is null and p_topic in ('customers/data_request', 'customers/redact', 'shop/redact') then
    ws := (select c.workspace_id from public.integration_connections c
           where c.provider = 'shopify' and c.external_account_id = lower(p_shop)
           order by c.updated_at desc limit 1);
  end if;
  -- Acknowledged means stored: this commit waits for its WAL whatever the cluster's setting.
  perform set_config('synchronous_commit', 'on', true);
  insert into private.webhook_events as e
    (provider, topic, external_id, payload_sha256, workspace_id, shop, status, payload, next_attempt_at, processed_at)
  values ('shopify', p_topic, p_webhook_id, p_sha256, ws, p_shop,
          case when ws is null then 'ignored' else 'pending' end::public.webhook_event_status, p_payload,
          case when ws is null then null else now() end, case when ws is null then now() end)
  on conflict (provider, external_id) do update set attempts = e.attempts + 1
  returning (xmax = 0) into fresh;
  if not fresh then
    return 'duplicate';
  end if;
  return case when ws is null then 'ignored' else 'accepted' end;
end $$;
comment on function private.store_shopify_webhook(text, text, text, text, jsonb) is 'The webhooks function''s one call for Shopify: stores a verified delivery once (accepted, or ignored when no workspace holds the shop''s active connection, or for the GDPR topics any connection; duplicate for a redelivery). Processing happens in private.process_webhook_events.';
grant execute on function private.store_shopify_webhook(text, text, text, text, jsonb) to service_role;

create function private.wake_webhook_processor() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from stored where stored.status = 'pending') then
    perform private.wake_function('webhook-process');
  end if;
  return null;
end $$;
comment on function private.wake_webhook_processor() is 'AFTER INSERT statement trigger on webhook_events: wakes webhook-process at commit when the statement stored an event to process.';

create trigger wake_webhook_processor after insert on private.webhook_events
  referencing new table as stored
  for each statement execute function private.wake_webhook_processor();

-- ===== processing one event (everything but the batched order topics)
create function private.process_shopify_event(p_event private.webhook_events) returns public.webhook_event_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid := p_event.workspace_id;
  ids uuid[];
  hashes text[];
  n bigint;
  erased jsonb;
begin
  if ws is null then
    return 'ignored'::public.webhook_event_status;
  elsif p_event.topic in ('orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled') then
    perform public.upsert_orders(ws, jsonb_build_array(private.shopify_order(p_event.payload)));
  elsif p_event.topic = 'app/uninstalled' then
    perform set_config('growthbase.credential_reason', 'app uninstalled (Shopify webhook)', true);
    delete from private.integration_tokens t using public.integration_connections c
    where t.connection_id = c.id and c.workspace_id = ws and c.provider = 'shopify' and c.external_account_id = p_event.shop;
    update public.integration_connections set status = 'revoked', expires_at = null
    where workspace_id = ws and provider = 'shopify' and external_account_id = p_event.shop;
    update public.workspaces set shop_domain = null where id = ws and shop_domain = p_event.shop;
  elsif p_event.topic = 'customers/data_request' then
    -- Queued for the privacy worker, which builds the customer's document, stores it in
    -- data-exports and completes the request (admins download it; the shop's endpoints hear of it).
    insert into public.privacy_requests (workspace_id, kind, source, subject, details)
    values (ws, 'export', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', p_event.payload #>> '{customer,id}',
              'email_sha256', private.email_sha256(p_event.payload #>> '{customer,email}'))),
            jsonb_build_object('orders_requested', p_event.payload -> 'orders_requested',
                               'data_request_id', p_event.payload #>> '{data_request,id}'));
  elsif p_event.topic = 'customers/redact' then
    select array_agg(c.id) into ids from public.customers c
    where c.workspace_id = ws and c.shopify_customer_id = p_event.payload #>> '{customer,id}';
    hashes := array_remove(array[private.email_sha256(p_event.payload #>> '{customer,email}')], null);
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'erasure', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', p_event.payload #>> '{customer,id}',
              'email_sha256', hashes[1])), 'completed', now(),
            jsonb_build_object('customers_erased', private.erase_customers(ws, ids, hashes),
                               'orders_to_redact', p_event.payload -> 'orders_to_redact'));
  elsif p_event.topic = 'shop/redact' then
    select array_agg(c.id) into ids from public.customers c where c.workspace_id = ws;
    n := private.erase_customers(ws, ids, null);
    erased := private.erase_shop_data(ws);
    -- Raw deliveries of this shop hold customer data too; this one stays as the record.
    delete from private.webhook_events w where w.workspace_id = ws and w.provider = 'shopify' and w.id <> p_event.id;
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'erasure', 'shopify', jsonb_build_object('shop', p_event.shop), 'completed', now(),
            jsonb_build_object('customers_erased', n, 'erased', erased));
  else
    return 'ignored'::public.webhook_event_status;
  end if;
  return 'processed'::public.webhook_event_status;
end $$;
comment on function private.process_shopify_event(private.webhook_events) is 'Handles one stored Shopify event: orders, app/uninstalled, and the GDPR topics (data_request queues an export for the privacy worker; customers/redact erases the customer; shop/redact erases customers and every registered shop data table, and the shop''s raw deliveries). Returns processed or ignored, raises when it fails.';

-- Records the outcome of one attempt; failures back off (30 s x 2^(n-1)) and die after 5.
create function private.finish_webhook_event(p_id bigint, p_status public.webhook_event_status, p_error text, p_permanent boolean default false)
returns void
language sql volatile security definer set search_path = '' as $$
  update private.webhook_events e set
    process_attempts = e.process_attempts + 1,
    status = case when p_error is null then p_status
                  when p_permanent or e.process_attempts + 1 >= 5 then 'dead'
                  else 'failed' end::public.webhook_event_status,
    error = left(p_error, 2000),
    next_attempt_at = case when p_error is not null and not p_permanent and e.process_attempts + 1 < 5
                           then now() + interval '30 seconds' * power(2, e.process_attempts) end,
    processed_at = case when p_error is null then now() else e.processed_at end
  where e.id = p_id
$$;
comment on function private.finish_webhook_event(bigint, public.webhook_event_status, text, boolean) is 'Records a processing attempt: the outcome, or the error with a retry (30 s, 60 s, 120 s, 240 s) and dead after the 5th or at once when the error is permanent.';

-- Caller mistakes in a payload (a bad order) will never pass: no retries for them.
create function private.is_permanent_error(p_sqlstate text) returns boolean
language sql immutable set search_path = '' as $$
  select p_sqlstate in ('22023', '22P02', '23502', '23514', 'PT413')
$$;
comment on function private.is_permanent_error(text) is 'SQLSTATEs that mean the event itself is wrong (retrying cannot help).';

-- ===== the processor
create function private.process_webhook_events(p_limit integer default 500)
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  claimed private.webhook_events[];
  e private.webhook_events;
  b record;
  outcome public.webhook_event_status;
  done integer := 0;
  failed integer := 0;
begin
  if p_limit is null or p_limit not between 1 and 5000 then
    raise exception 'p_limit must be between 1 and 5000' using errcode = '22023';
  end if;
  -- One processor at a time keeps each shop's events in the order they arrived.
  if not pg_try_advisory_xact_lock(hashtextextended('growthbase:webhook-process', 0)) then
    return jsonb_build_object('busy', true, 'processed', 0, 'failed', 0);
  end if;
  select array_agg(w order by w.id) into claimed
  from private.webhook_events w
  where w.id in (select d.id from private.webhook_events d
                 where d.status in ('pending', 'failed') and d.next_attempt_at <= now()
                 order by d.id limit p_limit);
  if claimed is null then
    return jsonb_build_object('busy', false, 'processed', 0, 'failed', 0);
  end if;

  -- Orders, one batch per workspace: the newest version of each order (Shopify's updated_at,
  -- then arrival), the other versions of it counted as processed.
  for b in
    select c.workspace_id,
           array_agg(c.id order by c.id) as ids,
           jsonb_agg(private.shopify_order(c.payload) order by c.id) filter (where c.newest) as orders
    from (select c.*, row_number() over (partition by c.workspace_id, c.payload ->> 'id'
                                         order by c.payload ->> 'updated_at' desc nulls last, c.id desc) = 1 as newest
          from unnest(claimed) c
          where c.workspace_id is not null
            and c.topic in ('orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled')) c
    group by c.workspace_id
  loop
    begin
      perform public.upsert_orders(b.workspace_id, b.orders);
      update private.webhook_events w set status = 'processed', processed_at = now(), error = null,
        process_attempts = w.process_attempts + 1, next_attempt_at = null
      where w.id = any (b.ids);
      done := done + cardinality(b.ids);
    exception when others then
      -- The batch was refused: each event on its own, so only the bad ones fail.
      for e in select * from unnest(claimed) c where c.id = any (b.ids) order by c.id loop
        begin
          outcome := private.process_shopify_event(e);
          perform private.finish_webhook_event(e.id, outcome, null);
          done := done + 1;
        exception when others then
          perform private.finish_webhook_event(e.id, null, sqlerrm, private.is_permanent_error(sqlstate));
          failed := failed + 1;
        end;
      end loop;
    end;
  end loop;

  -- Everything else, one by one in arrival order.
  for e in
    select * from unnest(claimed) c
    where not (c.workspace_id is not null
               and c.topic in ('orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled'))
    order by c.id
  loop
    begin
      outcome := private.process_shopify_event(e);
      perform private.finish_webhook_event(e.id, outcome, null);
      done := done + 1;
    exception when others then
      perform private.finish_webhook_event(e.id, null, sqlerrm, private.is_permanent_error(sqlstate));
      failed := failed + 1;
    end;
  end loop;
  return jsonb_build_object('busy', false, 'processed', done, 'failed', failed, 'claimed', cardinality(claimed));
end $$;
comment on function private.process_webhook_events(integer) is 'Processes up to p_limit due Shopify events in arrival order (one processor at a time): order topics in one upsert_orders batch per workspace, the rest one by one; failures retry with backoff, dead after 5.';
grant execute on function private.process_webhook_events(integer) to service_role;

-- The sweeper: every minute, call the processor only when an event is due.
create function private.process_due_webhook_events() returns bigint
language plpgsql volatile security definer set search_path = '' as $$
begin
  if exists (select 1 from private.webhook_events w
             where w.status in ('pending', 'failed') and w.next_attempt_at <= now()) then
    return private.invoke_function('webhook-process');
  end if;
  return null;
end $$;
comment on function private.process_due_webhook_events() is 'pg_cron, every minute: calls webhook-process through pg_net when an event is due (retries, missed wake-ups).';

select cron.schedule('webhook-process', '* * * * *', $$select private.process_due_webhook_events()$$);

-- ===== what admins see
create type public.webhook_event_row as (
  id bigint, provider public.webhook_provider, topic text, status public.webhook_event_status, deliveries integer,
  process_attempts integer, error text, received_at timestamptz, processed_at timestamptz);

comment on type public.webhook_event_row is 'One inbound event as list_webhook_events shows it (no payload). Never null: id, provider, topic, status, deliveries, process_attempts, received_at; error and processed_at may be.';

create function private.webhook_events_of(p_workspace_id uuid, p_status public.webhook_event_status, p_limit integer)
returns setof public.webhook_event_row
language plpgsql stable security definer set search_path = '' as $$
begin
  if not (p_workspace_id = any (array(select private.workspace_ids('admin')))) then
    raise exception 'you need the admin role in this workspace' using errcode = '42501';
  end if;
  return query
    select w.id, w.provider, w.topic, w.status, w.attempts, w.process_attempts, w.error, w.received_at, w.processed_at
    from private.webhook_events w
    where w.workspace_id = p_workspace_id and (p_status is null or w.status = p_status)
    order by w.id desc limit p_limit;
end $$;
comment on function private.webhook_events_of(uuid, public.webhook_event_status, integer) is 'Inbound events of a workspace for its admins (no payloads).';
grant execute on function private.webhook_events_of(uuid, public.webhook_event_status, integer) to authenticated;

create function public.list_webhook_events(p_workspace_id uuid, p_status public.webhook_event_status default null,
                                           p_limit integer default 100)
returns setof public.webhook_event_row
language plpgsql stable set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.require_batch_size('events', coalesce(p_limit, 0), 500);
  if coalesce(p_limit, 0) < 1 then
    raise exception 'p_limit must be at least 1' using errcode = '22023';
  end if;
  return query select * from private.webhook_events_of(p_workspace_id, p_status, p_limit);
end $$;
comment on function public.list_webhook_events(uuid, public.webhook_event_status, integer) is 'Admins: the workspace''s inbound webhook events, newest first (at most 500), optionally of one status: what arrived, how often it was delivered, whether it was processed, and the last error.';
grant execute on function public.list_webhook_events(uuid, public.webhook_event_status, integer) to authenticated;

-- The events an outbound endpoint may subscribe to are a table, so a domain adds its events with
-- one insert (a check constraint had to be dropped and rewritten, silently losing another
-- domain's additions), and a frontend can list them.
create table public.webhook_event_types (
  name text primary key check (name ~ '^[a-z_]+\.[a-z_]+$'),
  description text not null
);
comment on table public.webhook_event_types is 'Events outbound webhook endpoints may subscribe to. Readable by every signed-in user; each domain''s migration adds its own.';
alter table public.webhook_event_types enable row level security;
grant select on public.webhook_event_types to authenticated;

create policy "signed-in users read the event types" on public.webhook_event_types for select to authenticated using (true);

insert into public.webhook_event_types (name, description) values
  ('order.created', 'a Shopify order arrived'),
  ('order.updated', 'an order changed'),
  ('integration.connected', 'an integration connected or reconnected'),
  ('integration.disconnected', 'an integration was disconnected or uninstalled'),
  ('privacy_request.created', 'a privacy request was recorded');

create function private.check_endpoint_events() returns trigger
language plpgsql stable security definer set search_path = '' as $$
declare
  unknown text;
begin
  if coalesce(cardinality(new.events), 0) = 0 then
    raise exception 'events must name at least one event type' using errcode = '22023';
  end if;
  select e into unknown from unnest(new.events) e
  where not exists (select 1 from public.webhook_event_types t where t.name = e) limit 1;
  if unknown is not null then
    raise exception 'unknown event type %', unknown using errcode = '22023', hint = 'see the webhook_event_types table';
  end if;
  return new;
end $$;
comment on function private.check_endpoint_events() is 'BEFORE INSERT/UPDATE OF events on webhook_endpoints: every event must be in webhook_event_types (22023 naming the first unknown one).';

create trigger check_endpoint_events before insert or update of events on public.webhook_endpoints
  for each row execute function private.check_endpoint_events();
