-- API-key connections, and the two that do something with them.
--   * Keys: admins store a provider's keys for the workspace (Klaviyo private key; Yotpo app key
--     and secret), users their own (seed 003's per-user keys, e.g. OpenAI), through the api-keys
--     function: it verifies the key against the provider, encrypts it like OAuth tokens (AES-256-GCM,
--     key id for rotation) and hands only ciphertext to SQL. The workspace's keys live in
--     private.integration_tokens (every write audited by its trigger, every read by
--     private.read_integration_tokens); a user's in private.user_secret_values (audited in
--     secret_audit_logs). Nothing returns a key: only its last four characters (hint).
--   * Klaviyo (queue klaviyo_sync): customers who consent to email marketing become profiles,
--     their orders "Placed Order" events with unique_id order:<Shopify order id> (Klaviyo keeps
--     one event per unique_id, so a resend after a crash is not a second event); cursors per
--     connection in public.klaviyo_sync_states.
--   * Yotpo (queue yotpo_import): a one-time import of the shop's existing reviews into reviews
--     through private.import_reviews (idempotent by Yotpo's review id; verified buyers stay
--     verified), their images linked as review_media.

-- ===== storing keys
create function private.store_api_key_connection(
  p_workspace_id uuid, p_provider public.integration_provider, p_external_account_id text,
  p_ciphertext text, p_key_id text, p_hint text, p_metadata jsonb default '{}'
) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  cid uuid;
begin
  if p_provider not in ('klaviyo', 'yotpo') then
    raise exception 'provider % does not connect with an API key', p_provider using errcode = '22023';
  end if;
  if (select auth.uid()) is null or not private.is_end_user() then
    raise exception 'an admin of the workspace stores its keys' using errcode = '42501';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'admin');
  if p_hint is not null and char_length(p_hint) > 8 then
    raise exception 'p_hint: at most 8 characters' using errcode = '22023';
  end if;
  perform set_config('growthbase.credential_reason', 'api key saved', true);
  insert into public.integration_connections as c (workspace_id, provider, external_account_id, status, scopes, connected_by,
                                                    last_refreshed_at, metadata)
  values (p_workspace_id, p_provider, p_external_account_id, 'active', '{}', (select auth.uid()), now(),
          coalesce(p_metadata, '{}') || jsonb_build_object('connected_via', 'api_key', 'key_hint', p_hint))
  on conflict (workspace_id, provider, external_account_id) do update set
    status = 'active', connected_by = excluded.connected_by, last_refreshed_at = now(), last_error = null,
    metadata = c.metadata || excluded.metadata
  returning c.id into cid;
  insert into private.integration_tokens as t (connection_id, access_token_ciphertext, refresh_token_ciphertext, key_id)
  values (cid, p_ciphertext, null, p_key_id)
  on conflict (connection_id) do update set access_token_ciphertext = excluded.access_token_ciphertext, key_id = excluded.key_id;
  if p_provider = 'klaviyo' then
    perform private.enqueue_connector_job('klaviyo_sync', p_workspace_id, cid, 'sync:' || cid || ':' || extract(epoch from now())::bigint, '{}');
  else
    perform private.enqueue_connector_job('yotpo_import', p_workspace_id, cid, 'import:' || cid, '{}');
  end if;
  return cid;
end $$;
comment on function private.store_api_key_connection(uuid, public.integration_provider, text, text, text, text, jsonb) is 'The api-keys function''s call as the signed-in admin: stores a verified provider key (ciphertext only; the token audit trigger records the write with reason "api key saved") as the workspace''s active connection, and queues its first work (a Klaviyo sync, the one-time Yotpo import). 42501 for anyone but an admin of the workspace.';

create function private.store_own_api_key(p_name text, p_provider text, p_ciphertext text, p_key_id text, p_hint text)
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
begin
  if (select auth.uid()) is null or not private.is_end_user() then
    raise exception 'a signed-in user stores their own keys' using errcode = '42501';
  end if;
  if p_hint is not null and char_length(p_hint) > 8 then
    raise exception 'p_hint: at most 8 characters' using errcode = '22023';
  end if;
  return private.store_user_secret((select auth.uid()), p_name, p_provider, p_ciphertext, p_key_id, p_hint);
end $$;
comment on function private.store_own_api_key(text, text, text, text, text) is 'The api-keys function''s call as the signed-in user: stores (or rotates) a verified personal key by name (ciphertext only; audited in secret_audit_logs by the user_secrets triggers).';

-- ===== Klaviyo
insert into private.callable_functions (name, description)
values ('klaviyo-sync', 'Klaviyo worker: consenting customers as profiles, their orders as Placed Order events (queue klaviyo_sync)'),
       ('yotpo-import', 'Yotpo worker: the one-time import of existing reviews (queue yotpo_import)');
insert into private.connector_queues (queue, function_name, lease, max_attempts, backoff_base, backoff_cap, one_per_connection, description)
values ('klaviyo_sync', 'klaviyo-sync', interval '2 minutes', 8, interval '30 seconds', interval '2 hours', true,
        'Klaviyo: profiles of consenting customers and Placed Order events, from per-connection cursors'),
       ('yotpo_import', 'yotpo-import', interval '2 minutes', 8, interval '30 seconds', interval '2 hours', true,
        'Yotpo: the one-time import of existing reviews, page by page');

create table public.klaviyo_sync_states (
  connection_id uuid primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  profiles_cursor timestamptz,
  profiles_cursor_id text,
  orders_cursor timestamptz,
  orders_cursor_id text,
  profiles_synced bigint not null default 0 check (profiles_synced >= 0),
  events_sent bigint not null default 0 check (events_sent >= 0),
  last_synced_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, connection_id),
  foreign key (workspace_id, connection_id) references public.integration_connections (workspace_id, id) on delete cascade
);
comment on table public.klaviyo_sync_states is 'Where each Klaviyo connection''s sync stands: the last profile (consent change) and order (update) sent, and totals. Admins read; the klaviyo-sync worker writes.';
comment on column public.klaviyo_sync_states.profiles_cursor_id is 'The customer id (as text: a keyset tie-breaker, not a reference) of the last profile sent at profiles_cursor.';
comment on column public.klaviyo_sync_states.orders_cursor_id is 'The order id (as text: a keyset tie-breaker, not a reference) of the last order sent at orders_cursor.';
alter table public.klaviyo_sync_states enable row level security;
grant select on public.klaviyo_sync_states to authenticated;
grant select, insert, update, delete on public.klaviyo_sync_states to service_role;
select private.install_row_triggers('public.klaviyo_sync_states');
select private.tenant_policy('public.klaviyo_sync_states', 'select', 'admin');

create index orders_workspace_updated_idx on public.orders (workspace_id, updated_at, id);
create index customer_contacts_updated_idx on private.customer_contacts (workspace_id, updated_at, customer_id);

-- The next profiles and orders to send: consenting customers whose contact changed after the
-- cursor, and orders of consenting customers updated after the cursor.
create function private.klaviyo_batch(p_job_id bigint, p_lease_id uuid, p_limit integer) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs;
  s public.klaviyo_sync_states;
  profiles jsonb;
  orders jsonb;
begin
  perform private.require_batch_size('klaviyo batch', p_limit, 500);
  j := private.touch_connector_job(p_job_id, p_lease_id, null);
  insert into public.klaviyo_sync_states (connection_id, workspace_id) values (j.connection_id, j.workspace_id)
  on conflict (connection_id) do nothing;
  select * into s from public.klaviyo_sync_states where connection_id = j.connection_id;
  select coalesce(jsonb_agg(x order by x ->> 'updated_at', x ->> 'customer_id'), '[]') into profiles from (
    select jsonb_build_object('customer_id', k.customer_id, 'email', k.email, 'phone', k.phone,
                              'external_id', c.shopify_customer_id, 'updated_at', k.updated_at) as x
    from private.customer_contacts k join public.customers c on c.id = k.customer_id and c.workspace_id = k.workspace_id
    where k.workspace_id = j.workspace_id and c.accepts_marketing
      and (s.profiles_cursor is null or (k.updated_at, k.customer_id) > (s.profiles_cursor, s.profiles_cursor_id::uuid))
    order by k.updated_at, k.customer_id limit p_limit) q;
  select coalesce(jsonb_agg(x order by x ->> 'updated_at', x ->> 'id'), '[]') into orders from (
    select jsonb_build_object('id', o.id, 'shopify_order_id', o.shopify_order_id, 'order_number', o.order_number,
             'email', k.email, 'phone', k.phone, 'external_id', c.shopify_customer_id,
             'currency', o.currency, 'total_price_cents', o.total_price_cents, 'processed_at', o.processed_at,
             'updated_at', o.updated_at,
             'items', (select coalesce(jsonb_agg(jsonb_build_object('sku', li.sku, 'title', li.title, 'quantity', li.quantity,
                                                                    'price_cents', li.price_cents, 'product_id', li.shopify_product_id)
                                                 order by li.id), '[]')
                       from public.order_line_items li where li.order_id = o.id and li.workspace_id = o.workspace_id)) as x
    from public.orders o
    join public.customers c on c.id = o.customer_id and c.workspace_id = o.workspace_id and c.accepts_marketing
    join private.customer_contacts k on k.customer_id = c.id and k.workspace_id = c.workspace_id and k.email is not null
    where o.workspace_id = j.workspace_id and o.cancelled_at is null
      and (s.orders_cursor is null or (o.updated_at, o.id) > (s.orders_cursor, s.orders_cursor_id::uuid))
    order by o.updated_at, o.id limit p_limit) q;
  return jsonb_build_object('profiles', profiles, 'orders', orders);
end $$;
comment on function private.klaviyo_batch(bigint, uuid, integer) is 'The klaviyo-sync worker''s read under its lease: up to p_limit consenting customers (contact and Shopify id) changed after the profile cursor, and up to p_limit orders of consenting customers updated after the order cursor, oldest first.';

create function private.klaviyo_synced(
  p_job_id bigint, p_lease_id uuid, p_profiles_cursor timestamptz, p_profiles_cursor_id text,
  p_orders_cursor timestamptz, p_orders_cursor_id text, p_profiles integer, p_events integer
) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs;
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, null);
  update public.klaviyo_sync_states s set
    profiles_cursor = coalesce(p_profiles_cursor, s.profiles_cursor),
    profiles_cursor_id = case when p_profiles_cursor is null then s.profiles_cursor_id else p_profiles_cursor_id end,
    orders_cursor = coalesce(p_orders_cursor, s.orders_cursor),
    orders_cursor_id = case when p_orders_cursor is null then s.orders_cursor_id else p_orders_cursor_id end,
    profiles_synced = s.profiles_synced + greatest(coalesce(p_profiles, 0), 0),
    events_sent = s.events_sent + greatest(coalesce(p_events, 0), 0),
    last_synced_at = now()
  where s.connection_id = j.connection_id;
end $$;
comment on function private.klaviyo_synced(bigint, uuid, timestamptz, text, timestamptz, text, integer, integer) is 'The klaviyo-sync worker''s record of what Klaviyo accepted: the cursors move past it and the totals grow, under the job''s lease.';

create function private.queue_klaviyo_syncs() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer := 0;
  c record;
begin
  for c in select ic.id, ic.workspace_id from public.integration_connections ic where ic.provider = 'klaviyo' and ic.status = 'active' loop
    perform private.enqueue_connector_job('klaviyo_sync', c.workspace_id, c.id,
      'sync:' || c.id || ':' || to_char(date_trunc('hour', now()) + floor(extract(minute from now()) / 15) * interval '15 minutes', 'YYYYMMDDHH24MI'), '{}');
    n := n + 1;
  end loop;
  return n;
end $$;
comment on function private.queue_klaviyo_syncs() is 'pg_cron (klaviyo-sync, every 15 minutes): one sync job per active Klaviyo connection and quarter hour.';
select cron.schedule('klaviyo-sync', '*/15 * * * *', $$select private.queue_klaviyo_syncs()$$);

-- ===== Yotpo
alter table public.review_media add column source_url text check (source_url ~ '^https://' and char_length(source_url) <= 2000);
comment on column public.review_media.source_url is 'An image hosted by the review platform it was imported from (Yotpo''s original_url); such media has no Mux ids and is ready at once.';
alter table public.review_media drop constraint review_media_mux_reference;
alter table public.review_media add constraint review_media_mux_reference
  check (mux_upload_id is not null or mux_asset_id is not null or source_url is not null);
create unique index review_media_source_url_key on public.review_media (workspace_id, review_id, source_url) where source_url is not null;

create function private.apply_yotpo_reviews(p_job_id bigint, p_lease_id uuid, p_reviews jsonb, p_progress jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs;
  mapped jsonb;
  r record;
  media integer;
begin
  if jsonb_typeof(p_reviews) is distinct from 'array' then
    raise exception 'p_reviews must be an array' using errcode = '22023';
  end if;
  j := private.touch_connector_job(p_job_id, p_lease_id, p_progress);
  select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
           'imported_from', 'yotpo', 'original_id', y ->> 'id',
           'shopify_product_id', coalesce(nullif(y ->> 'sku', ''), y ->> 'product_id'),
           'rating', (y ->> 'score')::integer, 'title', left(y ->> 'title', 150), 'body', left(coalesce(y ->> 'content', ''), 5000),
           'author_name', left(coalesce(nullif(btrim(y ->> 'name'), ''), 'Anonymous'), 100),
           'author_email', case when lower(btrim(y ->> 'email')) ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then lower(btrim(y ->> 'email')) end,
           'status', 'published', 'verified_purchase', coalesce(y ->> 'reviewer_type' = 'verified_buyer', (y ->> 'verified_buyer')::boolean, false),
           'submitted_at', y ->> 'created_at'))), '[]')
  into mapped
  from jsonb_array_elements(p_reviews) y
  where not coalesce((y ->> 'deleted')::boolean, false) and y ->> 'id' ~ '^\d+$';
  select * into r from private.import_reviews(j.workspace_id, mapped);
  insert into public.review_media (workspace_id, review_id, status, source_url, position, ready_at)
  select j.workspace_id, rv.id, 'ready', m.img ->> 'original_url', (m.n - 1)::smallint, now()
  from jsonb_array_elements(p_reviews) y
  join public.reviews rv on rv.workspace_id = j.workspace_id and rv.imported_from = 'yotpo' and rv.original_id = y ->> 'id'
  cross join lateral jsonb_array_elements(coalesce(y -> 'images_data', '[]')) with ordinality m (img, n)
  where m.img ->> 'original_url' ~ '^https://' and m.n <= 21
  on conflict (workspace_id, review_id, source_url) where source_url is not null do nothing;
  get diagnostics media = row_count;
  return jsonb_build_object('inserted', r.inserted, 'updated', r.updated, 'unchanged', r.unchanged, 'media', media);
end $$;
comment on function private.apply_yotpo_reviews(bigint, uuid, jsonb, jsonb) is 'The yotpo-import worker''s apply step for one page of Yotpo reviews, under the job''s lease: imported as published through private.import_reviews (keyed by Yotpo''s review id, so a page applied twice changes nothing; reviewer_type verified_buyer stays a verified purchase), deleted reviews skipped, images linked as ready review_media; the page reached is saved with it.';

create function public.start_yotpo_import(p_connection_id uuid) returns bigint
language plpgsql volatile set search_path = '' as $$
begin
  return private.start_yotpo_import(p_connection_id);
end $$;
comment on function public.start_yotpo_import(uuid) is 'Admins: import the Yotpo connection''s reviews again (already imported reviews are updated, never duplicated). Returns the job id. PT404 unknown connection, 42501 not an admin.';

create function private.start_yotpo_import(p_connection_id uuid) returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  c public.integration_connections;
begin
  select * into c from public.integration_connections where id = p_connection_id and provider = 'yotpo';
  if not found then
    raise exception 'no Yotpo connection %', p_connection_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(c.workspace_id, 'admin');
  end if;
  return private.enqueue_connector_job('yotpo_import', c.workspace_id, c.id, 'import:' || c.id || ':' || extract(epoch from now())::bigint, '{}');
end $$;
comment on function private.start_yotpo_import(uuid) is 'Queues a Yotpo import of a connection (admins when a user calls).';

revoke all on function private.store_api_key_connection(uuid, public.integration_provider, text, text, text, text, jsonb) from public;
revoke all on function private.store_own_api_key(text, text, text, text, text) from public;
revoke all on function private.klaviyo_batch(bigint, uuid, integer) from public;
revoke all on function private.klaviyo_synced(bigint, uuid, timestamptz, text, timestamptz, text, integer, integer) from public;
revoke all on function private.queue_klaviyo_syncs() from public;
revoke all on function private.apply_yotpo_reviews(bigint, uuid, jsonb, jsonb) from public;
revoke all on function public.start_yotpo_import(uuid) from public;
revoke all on function private.start_yotpo_import(uuid) from public;
grant execute on function private.store_api_key_connection(uuid, public.integration_provider, text, text, text, text, jsonb),
  private.store_own_api_key(text, text, text, text, text) to authenticated;
grant execute on function private.klaviyo_batch(bigint, uuid, integer),
  private.klaviyo_synced(bigint, uuid, timestamptz, text, timestamptz, text, integer, integer),
  private.apply_yotpo_reviews(bigint, uuid, jsonb, jsonb) to service_role;
grant execute on function public.start_yotpo_import(uuid), private.start_yotpo_import(uuid) to authenticated, service_role;
