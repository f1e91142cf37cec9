-- Shopify beyond order webhooks, part 1: the catalog, inventory levels, customers and orders
-- from the Admin GraphQL API.
--   * Backfill: a run (public.shopify_sync_runs) is one job of the connector queue shopify_sync
--     (one job per connection at a time, so never two bulk operations per shop). The worker
--     (functions/shopify-sync) runs three bulk operations in turn (products with variants,
--     inventory items and levels; customers; orders with line items), polls each (or is woken by
--     the bulk_operations/finish webhook), streams the JSONL result and hands it over in chunks to
--     private.apply_shopify_bulk, which applies a chunk and saves the line it reached in one
--     transaction: a crash resumes there, and a chunk is never half applied. Lines that are
--     malformed, out of order or not of the operation's kind are kept in
--     public.shopify_sync_rejections with their line number.
--   * Orders go through public.upsert_orders like the webhook path, keyed by Shopify's numeric
--     order id: an order the backfill and a webhook both bring is one order, and the newer version
--     wins. Products, customers and inventory levels are upserted newest-version-wins too
--     (source_updated_at), so a late, older webhook never overwrites newer data.
--   * Incremental: products/*, inventory_items/*, inventory_levels/*, customers/* webhooks through
--     the verified pipeline (private.process_shopify_event), and bulk_operations/finish.
--   * A daily snapshot of the real levels per variant and location (inventory_snapshots), so
--     reorder points use real stock; a backfill that completes snapshots at once and recomputes.
-- Starts: on install (private.oauth_complete for Shopify) and on demand
-- (public.start_shopify_backfill, admins).

-- ===== catalog and customer columns the sync keeps
alter table public.products
  add column shopify_inventory_item_id text check (char_length(shopify_inventory_item_id) between 1 and 64),
  add column source_updated_at timestamptz;
comment on column public.products.shopify_inventory_item_id is 'The variant''s Shopify inventory item (numeric id): inventory levels and inventory_items webhooks find the variant by it.';
comment on column public.products.source_updated_at is 'Shopify''s updatedAt of the version stored (the later of product and variant); an older version never overwrites it.';
create unique index products_workspace_inventory_item_key on public.products (workspace_id, shopify_inventory_item_id)
  where shopify_inventory_item_id is not null;

alter table public.customers add column source_updated_at timestamptz;
comment on column public.customers.source_updated_at is 'Shopify''s updatedAt of the customer version stored by the sync or a customers/* webhook; an older version never overwrites it.';

-- Contact details of customers who consented to email marketing, for the email marketing sync
-- (Klaviyo profiles). Nobody else's address is kept in plain text.
create table private.customer_contacts (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  customer_id uuid not null,
  email text check (char_length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+$'),
  phone text check (char_length(phone) <= 32),
  consented_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, customer_id),
  foreign key (workspace_id, customer_id) references public.customers (workspace_id, id) on delete cascade,
  check (email is not null or phone is not null)
);
comment on table private.customer_contacts is 'Plaintext email/phone of customers who consented to email marketing (Shopify emailMarketingConsent SUBSCRIBED), kept only while they consent, for the email marketing sync. Service only; erasure deletes the row with the customer (catalog rule: it refers to customers).';
alter table private.customer_contacts enable row level security;
select private.install_row_triggers('private.customer_contacts');
grant select on private.customer_contacts to service_role;

-- ===== real inventory levels
create table public.inventory_levels (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  product_id uuid,
  shopify_inventory_item_id text not null check (char_length(shopify_inventory_item_id) between 1 and 64),
  shopify_location_id text not null check (char_length(shopify_location_id) between 1 and 64),
  location_name text check (char_length(location_name) <= 255),
  available integer not null,
  on_hand integer,
  source_updated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, shopify_inventory_item_id, shopify_location_id),
  unique (workspace_id, id),
  foreign key (workspace_id, product_id) references public.products (workspace_id, id) on delete set null (product_id)
);
comment on table public.inventory_levels is 'Current stock of one Shopify inventory item at one location, from the backfill and inventory_levels/* webhooks (newest version wins). The daily snapshot copies it into inventory_snapshots. Viewers read; the sync writes.';
comment on column public.inventory_levels.product_id is 'The variant whose inventory item this is (null until the variant is known).';
comment on column public.inventory_levels.available is 'Shopify''s available quantity (can be negative when oversold).';
comment on column public.inventory_levels.on_hand is 'Shopify''s on_hand quantity where known (available plus committed and reserved); the snapshot uses it, else available.';
alter table public.inventory_levels enable row level security;
grant select on public.inventory_levels to authenticated;
grant select, insert, update, delete on public.inventory_levels to service_role;
select private.install_row_triggers('public.inventory_levels');
select private.tenant_policy('public.inventory_levels', 'select', 'viewer');
create index inventory_levels_product_idx on public.inventory_levels (workspace_id, product_id);
select private.register_shop_data_table('public.inventory_levels', 30, 'Shopify inventory levels');

-- ===== runs and rejected lines
create type public.shopify_sync_status as enum ('queued', 'running', 'completed', 'failed');
comment on type public.shopify_sync_status is 'A Shopify backfill run: queued (waiting for its turn: one per shop), running, completed, failed (its job gave up; last_error says why).';

create table public.shopify_sync_runs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  connection_id uuid not null,
  trigger text not null check (trigger in ('install', 'manual')),
  status public.shopify_sync_status not null default 'queued',
  phase text check (phase in ('products', 'customers', 'orders')),
  bulk_operation_id text check (char_length(bulk_operation_id) <= 200),
  lines_read bigint not null default 0 check (lines_read >= 0),
  lines_rejected bigint not null default 0 check (lines_rejected >= 0),
  products_count integer not null default 0,
  inventory_levels_count integer not null default 0,
  customers_count integer not null default 0,
  orders_count integer not null default 0,
  requested_by uuid references auth.users (id) on delete set null,
  started_at timestamptz,
  finished_at timestamptz,
  last_error text check (char_length(last_error) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, connection_id) references public.integration_connections (workspace_id, id) on delete cascade
);
comment on table public.shopify_sync_runs is 'Shopify backfills (bulk operations of products, customers and orders): one row per run, its phase, counts and outcome. Admins read; started on install and by public.start_shopify_backfill; kept by the shopify-sync worker.';
comment on column public.shopify_sync_runs.bulk_operation_id is 'The Shopify bulk operation of the current phase (gid://shopify/BulkOperation/...).';
comment on column public.shopify_sync_runs.lines_read is 'JSONL lines of the results read and applied or rejected so far, over every phase.';
alter table public.shopify_sync_runs enable row level security;
grant select on public.shopify_sync_runs to authenticated;
grant select, insert, update, delete on public.shopify_sync_runs to service_role;
select private.install_row_triggers('public.shopify_sync_runs');
select private.tenant_policy('public.shopify_sync_runs', 'select', 'admin');
create index shopify_sync_runs_connection_idx on public.shopify_sync_runs (workspace_id, connection_id, created_at desc);
create index shopify_sync_runs_requested_by_idx on public.shopify_sync_runs (requested_by);

create table public.shopify_sync_rejections (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  run_id uuid not null,
  phase text not null check (phase in ('products', 'customers', 'orders')),
  line_number bigint not null check (line_number >= 1),
  reason text not null check (char_length(reason) between 1 and 500),
  excerpt text check (char_length(excerpt) <= 300),
  created_at timestamptz not null default now(),
  unique (workspace_id, run_id, phase, line_number),
  foreign key (workspace_id, run_id) references public.shopify_sync_runs (workspace_id, id) on delete cascade
);
comment on table public.shopify_sync_rejections is 'Lines of a backfill''s bulk results that were not applied, with their line number (1-based, per phase) and why: malformed JSON, a missing or wrong id, an object of another kind, a child line before or without its parent. Admins read; the shopify-sync worker writes.';
alter table public.shopify_sync_rejections enable row level security;
grant select on public.shopify_sync_rejections to authenticated;
grant select, insert, delete on public.shopify_sync_rejections to service_role;
select private.install_row_triggers('public.shopify_sync_rejections');
select private.tenant_policy('public.shopify_sync_rejections', 'select', 'admin');
create index shopify_sync_rejections_run_idx on public.shopify_sync_rejections (workspace_id, run_id, phase, line_number);

-- ===== the queue
-- The first connector queues registered: a worker function removed from callable_functions
-- takes its queues and their jobs with it (the framework's foreign keys did not say).
alter table private.connector_queues drop constraint connector_queues_function_name_fkey,
  add constraint connector_queues_function_name_fkey foreign key (function_name)
    references private.callable_functions (name) on delete cascade;
alter table private.connector_jobs drop constraint connector_jobs_queue_fkey,
  add constraint connector_jobs_queue_fkey foreign key (queue) references private.connector_queues (queue) on delete cascade;
insert into private.callable_functions (name, description)
values ('shopify-sync', 'Shopify Admin GraphQL worker: bulk-operation backfills (queue shopify_sync) and gift card issuing (queue shopify_gift_cards)');
insert into private.connector_queues (queue, function_name, lease, max_attempts, backoff_base, backoff_cap, one_per_connection, description)
values ('shopify_sync', 'shopify-sync', interval '3 minutes', 8, interval '30 seconds', interval '1 hour', true,
        'Shopify backfills: one bulk operation per shop at a time; progress is the phase, the bulk operation and the JSONL line reached');

-- ===== helpers: Shopify ids and money
create function private.shopify_gid_id(p_gid text, p_type text) returns text
language sql immutable set search_path = '' as $$
  select substring(p_gid from '^gid://shopify/' || p_type || '/([0-9]{1,30})(\?.*)?$')
$$;
comment on function private.shopify_gid_id(text, text) is 'The numeric id of a Shopify global id of the given type (gid://shopify/Order/123 -> 123); null when it is not one.';

create function private.shopify_money_cents(p_set jsonb) returns bigint
language sql immutable set search_path = '' as $$
  select case when p_set #>> '{shopMoney,amount}' ~ '^-?\d+(\.\d+)?$'
              then round((p_set #>> '{shopMoney,amount}')::numeric * 100)::bigint end
$$;
comment on function private.shopify_money_cents(jsonb) is 'Cents of a GraphQL MoneyBag''s shop money ({shopMoney: {amount: "12.50"}} -> 1250); null when absent or not a number.';

-- A GraphQL order (bulk line) and its line items, as public.upsert_orders takes them: the same
-- keys the webhook path (private.shopify_order) produces, so both paths meet on one order.
create function private.shopify_gql_order(p_node jsonb, p_items jsonb) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  -- the helpers' rules written out: a bulk backfill maps every order, and each helper call
  -- (with its own search_path) cost more than the mapping itself
  gid constant text := '^gid://shopify/[A-Za-z]+/([0-9]{1,30})(\?.*)?$';
  amount constant text := '^-?\d+(\.\d+)?$';
  visitor text;
  items jsonb;
begin
  if jsonb_typeof(p_node -> 'customAttributes') = 'array' then
    select a ->> 'value' into visitor from jsonb_array_elements(p_node -> 'customAttributes') a
    where a ->> 'key' in ('_visitor_id', 'visitor_id') and private.is_visitor_id(a ->> 'value')
    order by a ->> 'key' limit 1;
  end if;
  select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
           'shopify_product_id', substring(li #>> '{product,id}' from gid),
           'shopify_variant_id', substring(li #>> '{variant,id}' from gid),
           'sku', nullif(li ->> 'sku', ''), 'title', li ->> 'title', 'quantity', (li ->> 'quantity')::numeric,
           'price_cents', case when li #>> '{originalUnitPriceSet,shopMoney,amount}' ~ amount
                               then round((li #>> '{originalUnitPriceSet,shopMoney,amount}')::numeric * 100)::bigint end)) order by n)
  into items from jsonb_array_elements(coalesce(p_items, '[]')) with ordinality x (li, n);
  return jsonb_strip_nulls(jsonb_build_object(
    'shopify_order_id', substring(p_node ->> 'id' from '^gid://shopify/Order/([0-9]{1,30})$'),
    'order_number', p_node ->> 'name',
    'email', p_node ->> 'email',
    'phone', p_node ->> 'phone',
    'shopify_customer_id', substring(p_node #>> '{customer,id}' from '^gid://shopify/Customer/([0-9]{1,30})$'),
    'currency', p_node ->> 'currencyCode',
    'subtotal_cents', case when p_node #>> '{subtotalPriceSet,shopMoney,amount}' ~ amount
                           then round((p_node #>> '{subtotalPriceSet,shopMoney,amount}')::numeric * 100)::bigint end,
    'total_discounts_cents', case when p_node #>> '{totalDiscountsSet,shopMoney,amount}' ~ amount
                                  then round((p_node #>> '{totalDiscountsSet,shopMoney,amount}')::numeric * 100)::bigint end,
    'total_tax_cents', case when p_node #>> '{totalTaxSet,shopMoney,amount}' ~ amount
                            then round((p_node #>> '{totalTaxSet,shopMoney,amount}')::numeric * 100)::bigint end,
    'total_shipping_cents', case when p_node #>> '{totalShippingPriceSet,shopMoney,amount}' ~ amount
                                 then round((p_node #>> '{totalShippingPriceSet,shopMoney,amount}')::numeric * 100)::bigint end,
    'total_price_cents', case when p_node #>> '{totalPriceSet,shopMoney,amount}' ~ amount
                              then round((p_node #>> '{totalPriceSet,shopMoney,amount}')::numeric * 100)::bigint end,
    'total_refunded_cents', case when p_node #>> '{totalRefundedSet,shopMoney,amount}' ~ amount
                                 then round((p_node #>> '{totalRefundedSet,shopMoney,amount}')::numeric * 100)::bigint end,
    'financial_status', case lower(p_node ->> 'displayFinancialStatus') when 'expired' then 'voided'
                          else lower(p_node ->> 'displayFinancialStatus') end,
    'fulfillment_status', case p_node ->> 'displayFulfillmentStatus'
                            when 'FULFILLED' then 'fulfilled' when 'PARTIALLY_FULFILLED' then 'partial'
                            when 'RESTOCKED' then 'restocked' else 'unfulfilled' end,
    'landing_site', p_node #>> '{customerJourneySummary,firstVisit,landingPage}',
    'referring_site', p_node #>> '{customerJourneySummary,firstVisit,referrerUrl}',
    'source_name', p_node ->> 'sourceName',
    'processed_at', coalesce(p_node ->> 'processedAt', p_node ->> 'createdAt'),
    'cancelled_at', p_node ->> 'cancelledAt',
    'source_updated_at', p_node ->> 'updatedAt',
    'visitor_id', visitor,
    'line_items', coalesce(items, '[]'::jsonb)));
end $$;
comment on function private.shopify_gql_order(jsonb, jsonb) is 'Maps a GraphQL Order (a bulk result line) and its LineItem lines to the shape public.upsert_orders takes, with the keys the webhook path uses (numeric Shopify ids), so an order both bring is one order.';

-- ===== upserts shared by the backfill and the webhooks (newest version wins)
-- Variants: [{shopify_product_id, shopify_variant_id, shopify_inventory_item_id, sku, title,
-- variant_title, price_cents, cost_cents, status, source_updated_at}]
create function private.upsert_shopify_variants(p_workspace_id uuid, p_variants jsonb) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  with src as (
    select distinct on (v ->> 'shopify_variant_id') v
    from jsonb_array_elements(p_variants) with ordinality x (v, i)
    order by v ->> 'shopify_variant_id', i desc
  ), up as (
    insert into public.products as p (workspace_id, shopify_product_id, shopify_variant_id, shopify_inventory_item_id, sku,
                                      title, variant_title, price_cents, cost_cents, status, source_updated_at)
    select p_workspace_id, s.v ->> 'shopify_product_id', s.v ->> 'shopify_variant_id', s.v ->> 'shopify_inventory_item_id',
           -- a SKU another variant of the shop already has stays with that variant
           case when not exists (select 1 from public.products o
                                 where o.workspace_id = p_workspace_id and o.sku = nullif(s.v ->> 'sku', '')
                                   and o.shopify_variant_id <> s.v ->> 'shopify_variant_id')
                then nullif(s.v ->> 'sku', '') end,
           left(coalesce(nullif(s.v ->> 'title', ''), 'Untitled'), 500), left(s.v ->> 'variant_title', 500),
           coalesce((s.v ->> 'price_cents')::bigint, 0), (s.v ->> 'cost_cents')::bigint,
           coalesce((s.v ->> 'status')::public.product_status, 'active'), (s.v ->> 'source_updated_at')::timestamptz
    from src s
    on conflict (workspace_id, shopify_product_id, shopify_variant_id) do update set
      shopify_inventory_item_id = coalesce(excluded.shopify_inventory_item_id, p.shopify_inventory_item_id),
      sku = coalesce(excluded.sku, p.sku), title = excluded.title, variant_title = excluded.variant_title,
      price_cents = excluded.price_cents, cost_cents = coalesce(excluded.cost_cents, p.cost_cents),
      status = excluded.status, source_updated_at = excluded.source_updated_at
    where (p.source_updated_at is null or excluded.source_updated_at is null or excluded.source_updated_at >= p.source_updated_at)
      and (p.shopify_inventory_item_id, p.sku, p.title, p.variant_title, p.price_cents, p.cost_cents, p.status, p.source_updated_at)
          is distinct from (coalesce(excluded.shopify_inventory_item_id, p.shopify_inventory_item_id), coalesce(excluded.sku, p.sku),
                            excluded.title, excluded.variant_title, excluded.price_cents,
                            coalesce(excluded.cost_cents, p.cost_cents), excluded.status, excluded.source_updated_at)
    returning p.id, p.shopify_inventory_item_id
  )
  -- levels that arrived before their variant find it now
  update public.inventory_levels l set product_id = up.id
  from up where l.workspace_id = p_workspace_id and l.shopify_inventory_item_id = up.shopify_inventory_item_id
    and l.product_id is distinct from up.id;
  select count(*)::integer into n from jsonb_array_elements(p_variants);
  return n;
end $$;
comment on function private.upsert_shopify_variants(uuid, jsonb) is 'Upserts Shopify variants into products by (product id, variant id), newest version wins (source_updated_at); a SKU already held by another variant is not taken; inventory levels of the variant''s item are linked. Returns how many variants were given.';

-- Levels: [{shopify_inventory_item_id, shopify_location_id, location_name, available, on_hand, source_updated_at}]
create function private.upsert_inventory_levels(p_workspace_id uuid, p_levels jsonb) returns integer
language plpgsql volatile security definer set search_path = '' as $$
begin
  insert into public.inventory_levels as l (workspace_id, product_id, shopify_inventory_item_id, shopify_location_id, location_name,
                                            available, on_hand, source_updated_at)
  select distinct on (s.v ->> 'shopify_inventory_item_id', s.v ->> 'shopify_location_id')
         p_workspace_id,
         (select p.id from public.products p
          where p.workspace_id = p_workspace_id and p.shopify_inventory_item_id = s.v ->> 'shopify_inventory_item_id'),
         s.v ->> 'shopify_inventory_item_id', s.v ->> 'shopify_location_id', left(s.v ->> 'location_name', 255),
         (s.v ->> 'available')::integer, (s.v ->> 'on_hand')::integer, (s.v ->> 'source_updated_at')::timestamptz
  from jsonb_array_elements(p_levels) with ordinality s (v, i)
  order by s.v ->> 'shopify_inventory_item_id', s.v ->> 'shopify_location_id', s.i desc
  on conflict (workspace_id, shopify_inventory_item_id, shopify_location_id) do update set
    product_id = coalesce(excluded.product_id, l.product_id),
    location_name = coalesce(excluded.location_name, l.location_name),
    -- a version that brings only `available` (inventory_levels/update) moves on_hand by as much
    available = excluded.available, on_hand = coalesce(excluded.on_hand, l.on_hand + (excluded.available - l.available)),
    source_updated_at = excluded.source_updated_at
  where (l.source_updated_at is null or excluded.source_updated_at is null or excluded.source_updated_at >= l.source_updated_at)
    and (l.product_id, l.location_name, l.available, l.on_hand, l.source_updated_at)
        is distinct from (coalesce(excluded.product_id, l.product_id), coalesce(excluded.location_name, l.location_name),
                          excluded.available, coalesce(excluded.on_hand, l.on_hand + (excluded.available - l.available)),
                          excluded.source_updated_at);
  return jsonb_array_length(p_levels);
end $$;
comment on function private.upsert_inventory_levels(uuid, jsonb) is 'Upserts inventory levels by (inventory item, location), newest version wins; links the variant when known; a version with only the available quantity (inventory_levels/update) moves on_hand by the same change. Returns how many levels were given.';

-- Customers: [{shopify_customer_id, email, phone, accepts_marketing, currency, source_updated_at}]
create function private.upsert_shopify_customers(p_workspace_id uuid, p_customers jsonb) returns integer
language plpgsql volatile security definer set search_path = '' as $$
begin
  with src as (
    select distinct on (s.v ->> 'shopify_customer_id') s.v,
           private.email_sha256(s.v ->> 'email') as e_hash, private.phone_sha256(s.v ->> 'phone') as p_hash
    from jsonb_array_elements(p_customers) with ordinality s (v, i)
    order by s.v ->> 'shopify_customer_id', s.i desc
  ), up as (
    insert into public.customers as c (workspace_id, shopify_customer_id, email_sha256, phone_sha256, accepts_marketing,
                                       currency, source_updated_at)
    select p_workspace_id, s.v ->> 'shopify_customer_id', s.e_hash, s.p_hash,
           coalesce((s.v ->> 'accepts_marketing')::boolean, false), s.v ->> 'currency', (s.v ->> 'source_updated_at')::timestamptz
    from src s
    on conflict (workspace_id, shopify_customer_id) do update set
      email_sha256 = coalesce(excluded.email_sha256, c.email_sha256), phone_sha256 = coalesce(excluded.phone_sha256, c.phone_sha256),
      accepts_marketing = excluded.accepts_marketing, currency = coalesce(c.currency, excluded.currency),
      source_updated_at = excluded.source_updated_at
    where (c.source_updated_at is null or excluded.source_updated_at is null or excluded.source_updated_at >= c.source_updated_at)
      and (c.email_sha256, c.phone_sha256, c.accepts_marketing, c.source_updated_at)
          is distinct from (coalesce(excluded.email_sha256, c.email_sha256), coalesce(excluded.phone_sha256, c.phone_sha256),
                            excluded.accepts_marketing, excluded.source_updated_at)
    returning c.id, c.accepts_marketing, c.shopify_customer_id
  ), gone as (
    delete from private.customer_contacts k using up
    where k.workspace_id = p_workspace_id and k.customer_id = up.id and not up.accepts_marketing
  )
  insert into private.customer_contacts as k (workspace_id, customer_id, email, phone)
  select p_workspace_id, up.id, lower(btrim(s.v ->> 'email')), nullif(btrim(s.v ->> 'phone'), '')
  from up join src s on s.v ->> 'shopify_customer_id' = up.shopify_customer_id
  where up.accepts_marketing and (s.v ->> 'email' ~ '^[^@\s]+@[^@\s]+$' or nullif(btrim(s.v ->> 'phone'), '') is not null)
  on conflict (workspace_id, customer_id) do update set email = excluded.email, phone = excluded.phone
  where (k.email, k.phone) is distinct from (excluded.email, excluded.phone);
  return jsonb_array_length(p_customers);
end $$;
comment on function private.upsert_shopify_customers(uuid, jsonb) is 'Upserts Shopify customers by id (hashes only), newest version wins; keeps the plaintext contact in private.customer_contacts only while the customer consents to email marketing, and drops it when consent ends. Returns how many customers were given.';

-- ===== the backfill's apply function
-- One chunk of a phase's JSONL, grouped by the worker into top-level objects with their child
-- lines: [{line, node, children: [{line, node}]}], plus the lines the worker could not even read
-- ([{line, reason, excerpt}]). Validates, applies and saves the progress in one transaction.
create function private.shopify_bulk_problem(p_phase text, p_object jsonb) returns text
language plpgsql immutable set search_path = '' as $$
declare
  node jsonb := p_object -> 'node';
  c jsonb;
  top_type text := case p_phase when 'products' then 'Product' when 'customers' then 'Customer' else 'Order' end;
begin
  if jsonb_typeof(node) is distinct from 'object' then
    return 'not a JSON object';
  elsif node ? '__parentId' then
    return 'a child line without its parent before it (out of order)';
  elsif private.shopify_gid_id(node ->> 'id', top_type) is null then
    return format('not a %s: id %s', top_type, coalesce(left(node ->> 'id', 80), 'missing'));
  end if;
  for c in select x from jsonb_array_elements(coalesce(p_object -> 'children', '[]')) x loop
    if private.shopify_gid_id(c #>> '{node,id}', case p_phase when 'orders' then 'LineItem' else 'ProductVariant' end) is null
       and not (p_phase = 'products' and c #>> '{node,id}' like 'gid://shopify/InventoryLevel/%') then
      return format('line %s: not a child of a %s: id %s', c ->> 'line', top_type, coalesce(left(c #>> '{node,id}', 80), 'missing'));
    end if;
  end loop;
  if p_phase = 'orders' and (node ->> 'updatedAt') is null then
    return 'an order without updatedAt';
  end if;
  return null;
end $$;
comment on function private.shopify_bulk_problem(text, jsonb) is 'Why a grouped bulk result object cannot be applied in its phase (not an object, a child line without its parent, an id of another kind, a child of another kind), or null.';

create function private.apply_shopify_bulk(
  p_job_id bigint, p_lease_id uuid, p_phase text, p_objects jsonb, p_rejected jsonb, p_progress jsonb
) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs;
  run public.shopify_sync_runs;
  o jsonb;
  good jsonb := '[]'::jsonb;
  bad jsonb := coalesce(p_rejected, '[]');
  variants jsonb := '[]'::jsonb;
  levels jsonb := '[]'::jsonb;
  orders jsonb := '[]'::jsonb;
  order_lines jsonb := '[]'::jsonb;
  n_customers integer := 0;
  n_refused integer := 0;
  n_lines bigint;
begin
  if p_phase not in ('products', 'customers', 'orders') then
    raise exception 'unknown phase %', p_phase using errcode = '22023';
  end if;
  if jsonb_typeof(p_objects) is distinct from 'array' then
    raise exception 'p_objects must be an array' using errcode = '22023';
  end if;
  perform private.require_batch_size('objects', jsonb_array_length(p_objects), 5000);
  j := private.touch_connector_job(p_job_id, p_lease_id, p_progress);
  select * into run from public.shopify_sync_runs r where r.id = (j.payload ->> 'run_id')::uuid for update;
  if not found then
    raise exception 'job % has no run', p_job_id using errcode = 'PT404';
  end if;

  -- one pass: the objects that can be applied, and the others with why
  select coalesce(jsonb_agg(c.o order by c.n) filter (where c.problem is null), '[]'),
         bad || coalesce(jsonb_agg(jsonb_build_object('line', (c.o ->> 'line')::bigint, 'reason', c.problem,
                                                      'excerpt', left((c.o -> 'node')::text, 300)) order by c.n)
                         filter (where c.problem is not null), '[]')
  into good, bad
  from (select x.o, x.n, private.shopify_bulk_problem(p_phase, x.o) as problem
        from jsonb_array_elements(p_objects) with ordinality x (o, n)) c;

  if p_phase = 'products' then
    select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
             'shopify_product_id', private.shopify_gid_id(g.o #>> '{node,id}', 'Product'),
             'shopify_variant_id', private.shopify_gid_id(c.v #>> '{node,id}', 'ProductVariant'),
             'shopify_inventory_item_id', private.shopify_gid_id(c.v #>> '{node,inventoryItem,id}', 'InventoryItem'),
             'sku', c.v #>> '{node,sku}', 'title', g.o #>> '{node,title}',
             'variant_title', nullif(c.v #>> '{node,title}', 'Default Title'),
             'price_cents', case when c.v #>> '{node,price}' ~ '^\d+(\.\d+)?$' then round((c.v #>> '{node,price}')::numeric * 100) end,
             'cost_cents', case when c.v #>> '{node,inventoryItem,unitCost,amount}' ~ '^\d+(\.\d+)?$'
                                then round((c.v #>> '{node,inventoryItem,unitCost,amount}')::numeric * 100) end,
             'status', lower(g.o #>> '{node,status}'),
             'source_updated_at', greatest((g.o #>> '{node,updatedAt}')::timestamptz, (c.v #>> '{node,updatedAt}')::timestamptz)))), '[]')
    into variants
    from jsonb_array_elements(good) g (o), jsonb_array_elements(g.o -> 'children') c (v)
    where c.v #>> '{node,id}' like 'gid://shopify/ProductVariant/%';
    -- a level's parent is its variant; the variant names the inventory item
    select coalesce(jsonb_agg(jsonb_build_object(
             'shopify_inventory_item_id', private.shopify_gid_id(pv.v #>> '{node,inventoryItem,id}', 'InventoryItem'),
             'shopify_location_id', private.shopify_gid_id(c.v #>> '{node,location,id}', 'Location'),
             'location_name', c.v #>> '{node,location,name}',
             'available', (select (q ->> 'quantity')::integer from jsonb_array_elements(c.v #> '{node,quantities}') q where q ->> 'name' = 'available'),
             'on_hand', (select (q ->> 'quantity')::integer from jsonb_array_elements(c.v #> '{node,quantities}') q where q ->> 'name' = 'on_hand'),
             'source_updated_at', c.v #>> '{node,updatedAt}')), '[]')
    into levels
    from jsonb_array_elements(good) g (o)
    cross join jsonb_array_elements(g.o -> 'children') c (v)
    join lateral (select p.v from jsonb_array_elements(g.o -> 'children') p (v)
                  where p.v #>> '{node,id}' = c.v #>> '{node,__parentId}') pv on true
    where c.v #>> '{node,id}' like 'gid://shopify/InventoryLevel/%';
    -- levels without a location or quantity, or whose variant has no inventory item, are rejected
    select bad || coalesce(jsonb_agg(jsonb_build_object('line', (c.v ->> 'line')::bigint,
             'reason', 'an inventory level without an inventory item, location or available quantity',
             'excerpt', left((c.v -> 'node')::text, 300))), '[]')
    into bad
    from jsonb_array_elements(good) g (o), jsonb_array_elements(g.o -> 'children') c (v)
    where c.v #>> '{node,id}' like 'gid://shopify/InventoryLevel/%'
      and (private.shopify_gid_id(c.v #>> '{node,location,id}', 'Location') is null
           or not exists (select 1 from jsonb_array_elements(g.o -> 'children') p (v)
                          where p.v #>> '{node,id}' = c.v #>> '{node,__parentId}'
                            and private.shopify_gid_id(p.v #>> '{node,inventoryItem,id}', 'InventoryItem') is not null)
           or not exists (select 1 from jsonb_array_elements(c.v #> '{node,quantities}') q
                          where q ->> 'name' = 'available' and q ->> 'quantity' ~ '^-?\d+$'));
    select coalesce(jsonb_agg(l), '[]') into levels from jsonb_array_elements(levels) l
    where l ->> 'shopify_inventory_item_id' is not null and l ->> 'shopify_location_id' is not null and l ->> 'available' is not null;
    perform private.upsert_shopify_variants(run.workspace_id, variants);
    perform private.upsert_inventory_levels(run.workspace_id, levels);
  elsif p_phase = 'customers' then
    select coalesce(jsonb_agg(jsonb_build_object(
             'shopify_customer_id', private.shopify_gid_id(g.o #>> '{node,id}', 'Customer'),
             'email', g.o #>> '{node,email}', 'phone', g.o #>> '{node,phone}',
             'accepts_marketing', g.o #>> '{node,emailMarketingConsent,marketingState}' = 'SUBSCRIBED',
             'source_updated_at', g.o #>> '{node,updatedAt}')), '[]')
    into o from jsonb_array_elements(good) g (o);
    n_customers := private.upsert_shopify_customers(run.workspace_id, o);
  else
    select coalesce(jsonb_agg(private.shopify_gql_order(g.o -> 'node',
             (select jsonb_agg(c.v -> 'node' order by (c.v ->> 'line')::bigint) from jsonb_array_elements(g.o -> 'children') c (v)))
             order by (g.o ->> 'line')::bigint), '[]'),
           coalesce(jsonb_agg(g.o -> 'line' order by (g.o ->> 'line')::bigint), '[]')
    into orders, order_lines from jsonb_array_elements(good) g (o);
    if jsonb_array_length(orders) > 0 then
      begin
        perform public.upsert_orders(run.workspace_id, orders);
      exception when others then
        -- the batch was refused: each order on its own, so only the bad ones are rejected
        for i in 0 .. jsonb_array_length(orders) - 1 loop
          begin
            perform public.upsert_orders(run.workspace_id, jsonb_build_array(orders -> i));
          exception when others then
            bad := bad || jsonb_build_array(jsonb_build_object('line', (order_lines ->> i)::bigint,
                     'reason', left(regexp_replace(sqlerrm, '^orders\[0\]\.', ''), 500),
                     'excerpt', left((orders -> i)::text, 300)));
            n_refused := n_refused + 1;
          end;
        end loop;
      end;
    end if;
  end if;

  insert into public.shopify_sync_rejections (workspace_id, run_id, phase, line_number, reason, excerpt)
  select run.workspace_id, run.id, p_phase, (b ->> 'line')::bigint, left(coalesce(b ->> 'reason', 'rejected'), 500), left(b ->> 'excerpt', 300)
  from jsonb_array_elements(bad) b
  on conflict (workspace_id, run_id, phase, line_number) do nothing;

  select coalesce(sum(1 + coalesce(jsonb_array_length(x -> 'children'), 0)), 0) into n_lines from jsonb_array_elements(p_objects) x;
  n_lines := n_lines + jsonb_array_length(coalesce(p_rejected, '[]'));
  update public.shopify_sync_runs r set
    status = 'running', phase = p_phase, bulk_operation_id = coalesce(p_progress ->> 'op_id', r.bulk_operation_id),
    lines_read = r.lines_read + n_lines, lines_rejected = r.lines_rejected + jsonb_array_length(bad),
    products_count = r.products_count + jsonb_array_length(variants),
    inventory_levels_count = r.inventory_levels_count + jsonb_array_length(levels),
    customers_count = r.customers_count + n_customers,
    orders_count = r.orders_count + jsonb_array_length(orders) - n_refused
  where r.id = run.id;
  return jsonb_build_object('applied', jsonb_array_length(good), 'rejected', jsonb_array_length(bad),
                            'variants', jsonb_array_length(variants), 'levels', jsonb_array_length(levels),
                            'customers', n_customers, 'orders', jsonb_array_length(orders));
end $$;
comment on function private.apply_shopify_bulk(bigint, uuid, text, jsonb, jsonb, jsonb) is 'The shopify-sync worker''s apply step: one chunk of a phase''s bulk results (objects grouped with their child lines, each with its line number), validated, applied (variants and levels, customers, or orders through public.upsert_orders; a refused order batch is retried order by order so only bad ones are rejected), rejected lines recorded with their numbers, the run''s counts and the job''s progress saved, in one transaction under the job''s lease (PT409 when lost).';

-- The run follows its job: started, phase and operation recorded by the worker; done and dead here.
create function private.shopify_bulk_started(p_job_id bigint, p_lease_id uuid, p_phase text, p_progress jsonb) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs;
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, p_progress);
  update public.shopify_sync_runs r set status = 'running', phase = p_phase, started_at = coalesce(r.started_at, now()),
    bulk_operation_id = p_progress ->> 'op_id'
  where r.id = (j.payload ->> 'run_id')::uuid;
end $$;
comment on function private.shopify_bulk_started(bigint, uuid, text, jsonb) is 'The shopify-sync worker records, under the job''s lease, the bulk operation it started (or adopted after a crash) for a phase.';

create function private.shopify_run_follows_job() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  run public.shopify_sync_runs;
begin
  if new.status = 'done' then
    update public.shopify_sync_runs r set status = 'completed', finished_at = now(), last_error = null
    where r.id = (new.payload ->> 'run_id')::uuid returning * into run;
    if found then
      perform private.snapshot_inventory(run.workspace_id, current_date);
      perform private.compute_reorder_points(run.workspace_id, current_date);
    end if;
  elsif new.status = 'dead' then
    update public.shopify_sync_runs r set status = 'failed', finished_at = now(), last_error = new.last_error
    where r.id = (new.payload ->> 'run_id')::uuid;
  elsif new.status = 'queued' and new.last_error is not null then
    update public.shopify_sync_runs r set last_error = new.last_error
    where r.id = (new.payload ->> 'run_id')::uuid and r.last_error is distinct from new.last_error;
  end if;
  return null;
end $$;
comment on function private.shopify_run_follows_job() is 'AFTER UPDATE OF status on private.connector_jobs (queue shopify_sync): a finished job completes its run (then snapshots the real inventory levels and recomputes reorder points), a dead one fails it with the job''s last error.';
create trigger shopify_run_follows_job after update of status on private.connector_jobs
  for each row when (new.queue = 'shopify_sync' and new.status is distinct from old.status)
  execute function private.shopify_run_follows_job();

-- ===== starting a backfill
create function private.start_shopify_backfill(p_connection_id uuid, p_trigger text, p_requested_by uuid)
returns public.shopify_sync_runs
language plpgsql volatile security definer set search_path = '' as $$
declare
  c public.integration_connections;
  run public.shopify_sync_runs;
begin
  select * into c from public.integration_connections where id = p_connection_id;
  if not found or c.provider <> 'shopify' then
    raise exception 'no Shopify connection %', p_connection_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(c.workspace_id, 'admin');
  end if;
  if c.status <> 'active' then
    raise exception 'the Shopify connection is %: reconnect the shop first', c.status using errcode = 'PT409';
  end if;
  -- one run waiting or running per connection: asking again returns it
  select * into run from public.shopify_sync_runs r
  where r.workspace_id = c.workspace_id and r.connection_id = c.id and r.status in ('queued', 'running')
  order by r.created_at desc limit 1;
  if found then
    return run;
  end if;
  insert into public.shopify_sync_runs (workspace_id, connection_id, trigger, requested_by)
  values (c.workspace_id, c.id, p_trigger, p_requested_by) returning * into run;
  perform private.enqueue_connector_job('shopify_sync', c.workspace_id, c.id, 'backfill:' || run.id,
                                        jsonb_build_object('run_id', run.id));
  return run;
end $$;
comment on function private.start_shopify_backfill(uuid, text, uuid) is 'Queues a backfill of a Shopify connection (one run waiting or running per connection: a second request returns it). End users must be admins of its workspace.';

create function public.start_shopify_backfill(p_connection_id uuid) returns public.shopify_sync_runs
language plpgsql volatile set search_path = '' as $$
begin
  if p_connection_id is null then
    raise exception 'p_connection_id is required' using errcode = '22023';
  end if;
  return private.start_shopify_backfill(p_connection_id, 'manual', (select auth.uid()));
end $$;
comment on function public.start_shopify_backfill(uuid) is 'Admins: backfill a Shopify connection now (products, variants, inventory levels, customers, orders through bulk operations). Returns the run (an existing queued or running run of the connection is returned instead of a second). PT404 unknown connection, 42501 not an admin, PT409 the connection is not active.';

-- On install: the OAuth completion of a Shopify connection queues its backfill.
create or replace function private.oauth_complete(p_state_hash text, p_provider public.integration_provider, p_external_account_id text, p_scopes text[], p_expires_at timestamp with time zone, p_access_ciphertext text, p_refresh_ciphertext text, p_key_id text, p_metadata jsonb DEFAULT '{}'::jsonb)
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

-- ===== the daily inventory snapshot from real levels
create function private.snapshot_inventory(p_workspace_id uuid, p_day date default current_date) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  insert into public.inventory_snapshots as s (workspace_id, product_id, location, day, on_hand, available)
  select l.workspace_id, l.product_id, l.shopify_location_id, p_day, coalesce(l.on_hand, l.available), l.available
  from public.inventory_levels l
  where l.workspace_id = p_workspace_id and l.product_id is not null
  on conflict (workspace_id, product_id, location, day) do update set on_hand = excluded.on_hand, available = excluded.available
  where (s.on_hand, s.available) is distinct from (excluded.on_hand, excluded.available);
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.snapshot_inventory(uuid, date) is 'Copies a workspace''s current Shopify inventory levels into inventory_snapshots for a day (one row per variant and Shopify location id; on_hand, else available), so reorder points use real stock. Returns rows written.';

create function private.snapshot_all_inventory() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid;
  n integer := 0;
begin
  for ws in select distinct l.workspace_id from public.inventory_levels l loop
    n := n + private.snapshot_inventory(ws, current_date);
  end loop;
  return n;
end $$;
comment on function private.snapshot_all_inventory() is 'pg_cron (inventory-snapshots, daily 05:15 UTC, before inventory-reorder-points): today''s snapshot of every workspace with Shopify inventory levels.';
select cron.schedule('inventory-snapshots', '15 5 * * *', $$select private.snapshot_all_inventory()$$);

-- ===== incremental: the webhook topics
-- REST webhook payloads (products/*, inventory_items/*, inventory_levels/*, customers/*) and
-- bulk_operations/finish, applied with the same upserts as the backfill.
create function private.process_shopify_catalog_event(p_event private.webhook_events) returns public.webhook_event_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid := p_event.workspace_id;
  p jsonb := p_event.payload;
  amount constant text := '^\d+(\.\d+)?$';
  n integer;
begin
  case p_event.topic
  when 'products/create', 'products/update' then
    perform private.upsert_shopify_variants(ws, coalesce((
      select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
        'shopify_product_id', p ->> 'id', 'shopify_variant_id', v ->> 'id',
        'shopify_inventory_item_id', v ->> 'inventory_item_id', 'sku', v ->> 'sku', 'title', p ->> 'title',
        'variant_title', nullif(v ->> 'title', 'Default Title'),
        'price_cents', case when v ->> 'price' ~ amount then round((v ->> 'price')::numeric * 100) end,
        'status', lower(p ->> 'status'),
        'source_updated_at', greatest((p ->> 'updated_at')::timestamptz, (v ->> 'updated_at')::timestamptz))))
      from jsonb_array_elements(coalesce(p -> 'variants', '[]')) v
      where nullif(v ->> 'id', '') is not null and p ->> 'id' ~ '^\d+$'), '[]'));
  when 'products/delete' then
    update public.products set status = 'archived'
    where workspace_id = ws and shopify_product_id = p ->> 'id' and status <> 'archived';
  when 'inventory_items/create', 'inventory_items/update' then
    update public.products set cost_cents = case when p ->> 'cost' ~ amount then round((p ->> 'cost')::numeric * 100)::bigint end,
      sku = coalesce(case when not exists (select 1 from public.products o where o.workspace_id = ws and o.sku = nullif(p ->> 'sku', '')
                                                  and o.shopify_inventory_item_id is distinct from p ->> 'id')
                          then nullif(p ->> 'sku', '') end, sku)
    where workspace_id = ws and shopify_inventory_item_id = p ->> 'id';
  when 'inventory_items/delete' then
    delete from public.inventory_levels where workspace_id = ws and shopify_inventory_item_id = p ->> 'id';
  when 'inventory_levels/update', 'inventory_levels/connect' then
    if not (p ->> 'inventory_item_id' ~ '^\d+$' and p ->> 'location_id' ~ '^\d+$' and p ->> 'available' ~ '^-?\d+$') then
      raise exception 'inventory level without inventory_item_id, location_id or available' using errcode = '22023';
    end if;
    perform private.upsert_inventory_levels(ws, jsonb_build_array(jsonb_build_object(
      'shopify_inventory_item_id', p ->> 'inventory_item_id', 'shopify_location_id', p ->> 'location_id',
      'available', p ->> 'available', 'source_updated_at', p ->> 'updated_at')));
  when 'inventory_levels/disconnect' then
    delete from public.inventory_levels
    where workspace_id = ws and shopify_inventory_item_id = p ->> 'inventory_item_id' and shopify_location_id = p ->> 'location_id';
  when 'customers/create', 'customers/update', 'customers/enable', 'customers/disable' then
    if not (p ->> 'id' ~ '^\d+$') then
      raise exception 'a customer without an id' using errcode = '22023';
    end if;
    perform private.upsert_shopify_customers(ws, jsonb_build_array(jsonb_build_object(
      'shopify_customer_id', p ->> 'id', 'email', p ->> 'email', 'phone', p ->> 'phone',
      'accepts_marketing', coalesce(p #>> '{email_marketing_consent,state}' = 'subscribed', (p ->> 'accepts_marketing')::boolean, false),
      'currency', p ->> 'currency', 'source_updated_at', p ->> 'updated_at')));
  when 'customers/delete' then
    -- the shop's order history keeps the customer row; the consent and contact go
    delete from private.customer_contacts k using public.customers c
    where c.workspace_id = ws and c.shopify_customer_id = p ->> 'id' and k.workspace_id = ws and k.customer_id = c.id;
    update public.customers set accepts_marketing = false where workspace_id = ws and shopify_customer_id = p ->> 'id' and accepts_marketing;
  when 'bulk_operations/finish' then
    -- wakes the run waiting for this operation of this shop; any other operation is not ours
    update private.connector_jobs j set next_attempt_at = now()
    where j.queue = 'shopify_sync' and j.workspace_id = ws and j.status = 'queued'
      and j.progress ->> 'op_id' = p ->> 'admin_graphql_api_id'
      and j.connection_id in (select c.id from public.integration_connections c
                              where c.workspace_id = ws and c.provider = 'shopify' and c.external_account_id = p_event.shop);
    get diagnostics n = row_count;
    if n = 0 then
      return 'ignored'::public.webhook_event_status;
    end if;
    perform private.wake_function('shopify-sync');
  else
    return null;
  end case;
  return 'processed'::public.webhook_event_status;
end $$;
comment on function private.process_shopify_catalog_event(private.webhook_events) is 'Shopify catalog, inventory and customer topics (products/*, inventory_items/*, inventory_levels/*, customers/* but the GDPR ones) with the backfill''s upserts, newest version wins; bulk_operations/finish wakes the run waiting for that operation of that shop (ignored otherwise). Null for a topic it does not handle.';

create or replace function private.process_shopify_event(p_event private.webhook_events)
 returns public.webhook_event_status
 language plpgsql
 security definer
 set search_path to ''
as $function$
declare
  ws uuid := p_event.workspace_id;
  ids uuid[];
  n bigint;
  erased jsonb;
  handled public.webhook_event_status;
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
              'email_sha256', private.email_sha256(p_event.payload #>> '{customer,email}'),
              'phone_sha256', private.phone_sha256(p_event.payload #>> '{customer,phone}'))),
            jsonb_build_object('orders_requested', p_event.payload -> 'orders_requested',
                               'data_request_id', p_event.payload #>> '{data_request,id}'));
  elsif p_event.topic = 'customers/redact' then
    erased := private.erase_customer(ws, jsonb_strip_nulls(jsonb_build_object(
      'shopify_customer_id', p_event.payload #>> '{customer,id}',
      'emails', jsonb_build_array(p_event.payload #>> '{customer,email}'),
      'phones', jsonb_build_array(p_event.payload #>> '{customer,phone}'))));
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'erasure', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', p_event.payload #>> '{customer,id}',
              'email_sha256', private.email_sha256(p_event.payload #>> '{customer,email}'))), 'completed', now(),
            jsonb_build_object('customers_erased', erased #>> '{public.customers,id,delete}', 'erased', erased,
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
    handled := private.process_shopify_catalog_event(p_event);
    return coalesce(handled, 'ignored'::public.webhook_event_status);
  end if;
  return 'processed'::public.webhook_event_status;
end $function$;
comment on function private.process_shopify_event(private.webhook_events) is 'Handles one stored Shopify event: orders, app/uninstalled, the GDPR topics (data_request queues an export for the privacy worker; customers/redact erases the customer everywhere in the workspace with private.erase_customer; shop/redact erases customers and every registered shop data table, and the shop''s raw deliveries), and the catalog, inventory, customer and bulk operation topics (private.process_shopify_catalog_event). Returns processed or ignored, raises when it fails.';

-- ===== grants
revoke all on function private.shopify_gid_id(text, text) from public;
revoke all on function private.shopify_money_cents(jsonb) from public;
revoke all on function private.shopify_gql_order(jsonb, jsonb) from public;
revoke all on function private.upsert_shopify_variants(uuid, jsonb) from public;
revoke all on function private.upsert_inventory_levels(uuid, jsonb) from public;
revoke all on function private.upsert_shopify_customers(uuid, jsonb) from public;
revoke all on function private.shopify_bulk_problem(text, jsonb) from public;
revoke all on function private.apply_shopify_bulk(bigint, uuid, text, jsonb, jsonb, jsonb) from public;
revoke all on function private.shopify_bulk_started(bigint, uuid, text, jsonb) from public;
revoke all on function private.shopify_run_follows_job() from public;
revoke all on function private.start_shopify_backfill(uuid, text, uuid) from public;
revoke all on function public.start_shopify_backfill(uuid) from public;
revoke all on function private.snapshot_inventory(uuid, date) from public;
revoke all on function private.snapshot_all_inventory() from public;
revoke all on function private.process_shopify_catalog_event(private.webhook_events) from public;
grant execute on function private.shopify_gid_id(text, text), private.shopify_money_cents(jsonb),
  private.shopify_gql_order(jsonb, jsonb), private.apply_shopify_bulk(bigint, uuid, text, jsonb, jsonb, jsonb),
  private.shopify_bulk_started(bigint, uuid, text, jsonb), private.snapshot_inventory(uuid, date)
  to service_role;
grant execute on function private.start_shopify_backfill(uuid, text, uuid) to authenticated, service_role;
grant execute on function public.start_shopify_backfill(uuid) to authenticated, service_role;
