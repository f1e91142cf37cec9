-- Commerce: Shopify customers, products (one row per sellable variant), orders with line items,
-- the idempotent order upsert every connector and webhook uses, daily order revenue, and gift
-- cards earned by qualifying orders.

-- ===== PII: emails and phones are kept only as SHA-256 of their normalized form, for matching
create function private.email_sha256(p_email text) returns text
language sql immutable set search_path = '' as $$
  select case when nullif(btrim(p_email), '') is null then null
    else encode(extensions.digest(convert_to(lower(btrim(p_email)), 'UTF8'), 'sha256'), 'hex') end
$$;
comment on function private.email_sha256(text) is 'Hex SHA-256 of lower(trim(email)); null for empty input. The form ad platforms use for matching.';
grant execute on function private.email_sha256(text) to authenticated, service_role;

create function private.phone_sha256(p_phone text) returns text
language sql immutable set search_path = '' as $$
  select case when coalesce(length(regexp_replace(p_phone, '[^0-9]', '', 'g')), 0) < 6 then null
    else encode(extensions.digest(convert_to('+' || regexp_replace(p_phone, '[^0-9]', '', 'g'), 'UTF8'), 'sha256'), 'hex') end
$$;
comment on function private.phone_sha256(text) is 'Hex SHA-256 of the phone as +digits (E.164 without separators); null when under 6 digits.';
grant execute on function private.phone_sha256(text) to authenticated, service_role;

-- ===== customers
create table public.customers (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  shopify_customer_id text check (char_length(shopify_customer_id) between 1 and 64),
  email_sha256 text check (email_sha256 ~ '^[0-9a-f]{64}$'),
  phone_sha256 text check (phone_sha256 ~ '^[0-9a-f]{64}$'),
  accepts_marketing boolean not null default false,
  orders_count integer not null default 0 check (orders_count >= 0),
  total_spent_cents bigint not null default 0,
  currency char(3) check (currency ~ '^[A-Z]{3}$'),
  first_order_at timestamptz,
  last_order_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, shopify_customer_id)
);
comment on table public.customers is 'Shop customers. No plaintext email or phone: only hashes, for matching orders, attribution and ad audiences.';
comment on column public.customers.email_sha256 is 'private.email_sha256(email): hex SHA-256 of the trimmed lowercase address.';
comment on column public.customers.phone_sha256 is 'private.phone_sha256(phone): hex SHA-256 of +digits.';
comment on column public.customers.total_spent_cents is 'Net revenue (total minus refunds) of the customer''s orders that are not cancelled, kept by upsert_orders.';
alter table public.customers enable row level security;
grant select, insert, update, delete on public.customers to authenticated;
select private.install_row_triggers('public.customers');
select private.tenant_policies('public.customers', 'viewer', 'member');

create index customers_workspace_email_idx on public.customers (workspace_id, email_sha256) where email_sha256 is not null;

create index customers_workspace_phone_idx on public.customers (workspace_id, phone_sha256) where phone_sha256 is not null;

-- ===== products: one row per sellable variant (what inventory and line items count)
create type public.product_status as enum ('active', 'draft', 'archived');

comment on type public.product_status is 'Shopify product status.';

create table public.products (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  shopify_product_id text not null check (char_length(shopify_product_id) between 1 and 64),
  shopify_variant_id text not null check (char_length(shopify_variant_id) between 1 and 64),
  sku text check (char_length(sku) between 1 and 128),
  title text not null check (char_length(title) between 1 and 500),
  variant_title text check (char_length(variant_title) <= 500),
  price_cents bigint not null default 0 check (price_cents >= 0),
  cost_cents bigint check (cost_cents >= 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  status public.product_status not null default 'active',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, shopify_product_id, shopify_variant_id),
  -- lets other tables reference a product with a composite key, keeping rows in one workspace
  constraint products_workspace_id_id_key unique (workspace_id, id)
);
comment on table public.products is 'Catalogue, one row per sellable Shopify variant (the unit inventory and line items count).';
comment on column public.products.cost_cents is 'Unit cost of goods, when known (for margin and inventory value).';
alter table public.products enable row level security;
grant select, insert, update, delete on public.products to authenticated;
select private.install_row_triggers('public.products');
select private.tenant_policies('public.products', 'viewer', 'member');

create unique index products_workspace_sku_key on public.products (workspace_id, sku) where sku is not null;

create index products_workspace_variant_idx on public.products (workspace_id, shopify_variant_id);

-- ===== the storefront visitor id
-- The one visitor id format every domain uses (experiments, attribution, pixels, orders).
create function private.is_visitor_id(p_value text) returns boolean
language sql immutable parallel safe set search_path = '' as $$
  select p_value ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$'
$$;
comment on function private.is_visitor_id(text) is 'True for a storefront visitor id: 1-128 characters, letters, digits and . _ : - (not starting with punctuation). UUIDs and GA client ids qualify. The anon RPCs check the same pattern inline.';
grant execute on function private.is_visitor_id(text) to authenticated, service_role;

-- ===== orders
create type public.order_financial_status as enum (
  'pending', 'authorized', 'partially_paid', 'paid', 'partially_refunded', 'refunded', 'voided'
);

comment on type public.order_financial_status is 'Shopify financial_status.';

create type public.order_fulfillment_status as enum ('unfulfilled', 'partial', 'fulfilled', 'restocked');

comment on type public.order_fulfillment_status is 'Shopify fulfillment_status (null there means unfulfilled).';

create table public.orders (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  shopify_order_id text not null check (char_length(shopify_order_id) between 1 and 64),
  order_number text check (char_length(order_number) <= 64),
  customer_id uuid references public.customers (id) on delete set null,
  email_sha256 text check (email_sha256 ~ '^[0-9a-f]{64}$'),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  subtotal_cents bigint not null default 0 check (subtotal_cents >= 0),
  total_discounts_cents bigint not null default 0 check (total_discounts_cents >= 0),
  total_tax_cents bigint not null default 0 check (total_tax_cents >= 0),
  total_shipping_cents bigint not null default 0 check (total_shipping_cents >= 0),
  total_price_cents bigint not null check (total_price_cents >= 0),
  total_refunded_cents bigint not null default 0 check (total_refunded_cents >= 0),
  financial_status public.order_financial_status not null default 'pending',
  fulfillment_status public.order_fulfillment_status not null default 'unfulfilled',
  landing_site text check (char_length(landing_site) <= 4096),
  referring_site text check (char_length(referring_site) <= 4096),
  source_name text check (char_length(source_name) <= 128),
  utm_source text check (char_length(utm_source) <= 256),
  utm_medium text check (char_length(utm_medium) <= 256),
  utm_campaign text check (char_length(utm_campaign) <= 256),
  utm_content text check (char_length(utm_content) <= 256),
  utm_term text check (char_length(utm_term) <= 256),
  gclid text check (char_length(gclid) <= 512),
  fbclid text check (char_length(fbclid) <= 512),
  ttclid text check (char_length(ttclid) <= 512),
  processed_at timestamptz not null,
  cancelled_at timestamptz,
  source_updated_at timestamptz,
  -- the storefront visitor id (a cart attribute), so an order can become an experiment purchase and
  -- an attribution conversion
  visitor_id text constraint orders_visitor_id_format check (private.is_visitor_id(visitor_id)),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, shopify_order_id),
  -- lets other tables reference an order with a composite key, keeping rows in one workspace
  constraint orders_workspace_id_id_key unique (workspace_id, id)
);
comment on table public.orders is 'Shopify orders, written by public.upsert_orders (webhooks, backfills, imports). Net revenue = total_price_cents - total_refunded_cents, counted when not cancelled.';
comment on column public.orders.email_sha256 is 'Hash of the order email (guest checkouts have no customer id).';
comment on column public.orders.landing_site is 'First page of the session that ordered; utm_* and click ids are parsed from it when the source gives none.';
comment on column public.orders.source_updated_at is 'Shopify''s updated_at of the version stored; an older version never overwrites a newer one.';
comment on column public.orders.visitor_id is 'The storefront visitor id of the session that ordered (Shopify cart attribute _visitor_id). Turns the order into experiment purchases and an attribution conversion.';
alter table public.orders enable row level security;
grant select, insert, update, delete on public.orders to authenticated;
select private.install_row_triggers('public.orders');
select private.tenant_policies('public.orders', 'viewer', 'member');

create index orders_workspace_processed_at_idx on public.orders (workspace_id, processed_at);

create index orders_customer_id_idx on public.orders (customer_id);

create table public.order_line_items (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  order_id uuid not null references public.orders (id) on delete cascade,
  product_id uuid references public.products (id) on delete set null,
  shopify_product_id text check (char_length(shopify_product_id) <= 64),
  shopify_variant_id text check (char_length(shopify_variant_id) <= 64),
  sku text check (char_length(sku) <= 128),
  title text check (char_length(title) <= 500),
  quantity integer not null check (quantity > 0),
  price_cents bigint not null default 0 check (price_cents >= 0),
  created_at timestamptz not null default now()
);
comment on table public.order_line_items is 'What each order contained; replaced wholesale whenever its order is upserted with line items. Demand for inventory comes from here.';
comment on column public.order_line_items.price_cents is 'Unit price before order-level discounts.';
alter table public.order_line_items enable row level security;
grant select, insert, update, delete on public.order_line_items to authenticated;
select private.install_row_triggers('public.order_line_items');
select private.tenant_policies('public.order_line_items', 'viewer', 'member');

create index order_line_items_workspace_id_idx on public.order_line_items (workspace_id);

create index order_line_items_order_id_idx on public.order_line_items (order_id);

create index order_line_items_product_id_idx on public.order_line_items (product_id);

create view public.order_revenue_daily with (security_invoker = true) as
  select o.workspace_id,
         (o.processed_at at time zone 'UTC')::date as day,
         o.currency,
         count(*)::integer as orders,
         sum(o.total_price_cents - o.total_refunded_cents)::bigint as net_revenue_cents
  from public.orders o
  where o.cancelled_at is null
  group by 1, 2, 3;
comment on view public.order_revenue_daily is 'Orders and net revenue per workspace, UTC day and currency (cancelled orders excluded). Runs with the caller''s rights, so RLS applies.';
grant select on public.order_revenue_daily to authenticated;

-- ===== the order upsert
-- utm_* and click ids from a landing URL's query string.
create function private.url_param(p_url text, p_name text) returns text
language sql immutable set search_path = '' as $$
  select nullif(replace((regexp_match(p_url, '[?&]' || p_name || '=([^&#]*)'))[1], '+', ' '), '')
$$;
comment on function private.url_param(text, text) is 'The raw value of one query parameter of a URL (plus signs as spaces, no percent-decoding), or null.';
grant execute on function private.url_param(text, text) to authenticated, service_role;

-- PostgreSQL 15 has no pg_input_is_valid(): a guarded cast instead.
create function private.is_timestamptz(p_value text) returns boolean
language plpgsql stable set search_path = '' as $$
begin
  perform p_value::timestamptz;
  return true;
exception when others then
  return false;
end $$;
comment on function private.is_timestamptz(text) is 'True when the text casts to timestamptz.';
grant execute on function private.is_timestamptz(text) to authenticated, service_role;

-- True when a JSON value is a whole number >= min_value.
create function private.is_whole_number(p_value jsonb, p_min numeric default 0) returns boolean
language sql immutable set search_path = '' as $$
  select jsonb_typeof(p_value) = 'number' and (p_value #>> '{}')::numeric >= p_min
     and (p_value #>> '{}')::numeric = trunc((p_value #>> '{}')::numeric)
     and (p_value #>> '{}')::numeric <= 9007199254740991
$$;
comment on function private.is_whole_number(jsonb, numeric) is 'True for a JSON number that is a whole number >= p_min (and a safe integer).';
grant execute on function private.is_whole_number(jsonb, numeric) to authenticated, service_role;

-- One order object of upsert_orders' batch: the first problem as 'field: reason', or null.
create function private.order_problem(p_order jsonb) returns text
language plpgsql stable set search_path = '' as $$
declare
  k text;
  li jsonb;
  n integer := 0;
begin
  if jsonb_typeof(p_order) is distinct from 'object' then
    return 'row: must be an object';
  end if;
  if coalesce(jsonb_typeof(p_order -> 'shopify_order_id'), '') not in ('string', 'number') or btrim(p_order ->> 'shopify_order_id') = '' then
    return 'shopify_order_id: is required';
  end if;
  if coalesce(p_order ->> 'currency', '') !~ '^[A-Z]{3}$' then
    return 'currency: must be a three-letter ISO code';
  end if;
  if p_order -> 'total_price_cents' is null or p_order -> 'total_price_cents' = 'null'::jsonb then
    return 'total_price_cents: is required';
  end if;
  foreach k in array array['subtotal_cents', 'total_discounts_cents', 'total_tax_cents', 'total_shipping_cents',
                           'total_price_cents', 'total_refunded_cents'] loop
    if p_order -> k is not null and p_order -> k <> 'null'::jsonb and not private.is_whole_number(p_order -> k) then
      return k || ': must be a non-negative whole number of cents';
    end if;
  end loop;
  if p_order ->> 'processed_at' is null then
    return 'processed_at: is required';
  end if;
  foreach k in array array['processed_at', 'cancelled_at', 'source_updated_at'] loop
    if p_order ->> k is not null and not private.is_timestamptz(p_order ->> k) then
      return k || ': is not a timestamp';
    end if;
  end loop;
  if p_order ->> 'financial_status' is not null
     and not (p_order ->> 'financial_status' = any (enum_range(null::public.order_financial_status)::text[])) then
    return 'financial_status: is not one of ' || array_to_string(enum_range(null::public.order_financial_status)::text[], ', ');
  end if;
  if p_order ->> 'fulfillment_status' is not null
     and not (p_order ->> 'fulfillment_status' = any (enum_range(null::public.order_fulfillment_status)::text[])) then
    return 'fulfillment_status: is not one of ' || array_to_string(enum_range(null::public.order_fulfillment_status)::text[], ', ');
  end if;
  if p_order -> 'line_items' is not null and jsonb_typeof(p_order -> 'line_items') <> 'array' then
    return 'line_items: must be an array';
  end if;
  for li in select value from jsonb_array_elements(coalesce(p_order -> 'line_items', '[]')) loop
    if not private.is_whole_number(li -> 'quantity', 1) then
      return format('line_items[%s].quantity: must be a whole number >= 1', n);
    end if;
    if li -> 'price_cents' is not null and not private.is_whole_number(li -> 'price_cents') then
      return format('line_items[%s].price_cents: must be a non-negative whole number of cents', n);
    end if;
    n := n + 1;
  end loop;
  return null;
end $$;
comment on function private.order_problem(jsonb) is 'Validates one element of upsert_orders'' batch; returns ''field: reason'' or null.';
grant execute on function private.order_problem(jsonb) to authenticated, service_role;

create function public.upsert_orders(p_workspace_id uuid, p_orders jsonb)
returns table (inserted integer, updated integer, unchanged integer)
language plpgsql volatile set search_path = '' set plan_cache_mode = force_generic_plan
as $$
declare
  o jsonb;
  idx bigint;
  problem text;
  dup text;
  n_total integer;
  n_ins integer;
  n_upd integer;
  touched uuid[];
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if jsonb_typeof(p_orders) is distinct from 'array' then
    raise exception 'p_orders must be a JSON array of orders' using errcode = '22023';
  end if;
  perform private.require_batch_size('orders', jsonb_array_length(p_orders), 500);
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(p_orders) with ordinality e loop
    if jsonb_typeof(o -> 'line_items') = 'array' then
      perform private.require_batch_size(format('line items in orders[%s]', idx), jsonb_array_length(o -> 'line_items'), 250);
    end if;
  end loop;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;

  -- Validate everything first: one bad row rejects the whole batch, nothing is written.
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(p_orders) with ordinality e loop
    problem := coalesce(private.order_problem(o), private.order_visitor_problem(o));
    if problem is not null then
      raise exception 'orders[%].%', idx, problem using errcode = '22023';
    end if;
  end loop;
  select e.value ->> 'shopify_order_id' into dup
  from jsonb_array_elements(p_orders) e group by 1 having count(*) > 1 limit 1;
  if dup is not null then
    raise exception 'orders: shopify_order_id % appears more than once in the batch', dup using errcode = '22023';
  end if;
  n_total := jsonb_array_length(p_orders);

  -- Customers known to Shopify: one upsert for the batch (the last order's hashes win for a
  -- customer that appears twice, as in the one-by-one version).
  insert into public.customers as c (workspace_id, shopify_customer_id, email_sha256, phone_sha256, currency)
  select distinct on (s.scid) p_workspace_id, s.scid, s.e_hash, s.p_hash, s.currency
  from (select btrim(e.value ->> 'shopify_customer_id') as scid, private.email_sha256(e.value ->> 'email') as e_hash,
               private.phone_sha256(e.value ->> 'phone') as p_hash, e.value ->> 'currency' as currency, e.ordinality as n
        from jsonb_array_elements(p_orders) with ordinality e) s
  where nullif(s.scid, '') is not null
  order by s.scid, s.n desc
  on conflict (workspace_id, shopify_customer_id) do update
    set email_sha256 = coalesce(excluded.email_sha256, c.email_sha256),
        phone_sha256 = coalesce(excluded.phone_sha256, c.phone_sha256);

  -- Guest checkouts: one customer per email hash; the locks (taken in a fixed order) keep
  -- concurrent deliveries from creating two.
  perform pg_advisory_xact_lock(hashtextextended(p_workspace_id::text || g.e_hash, 0))
  from (select distinct private.email_sha256(e.value ->> 'email') as e_hash from jsonb_array_elements(p_orders) e
        where nullif(btrim(e.value ->> 'shopify_customer_id'), '') is null and private.email_sha256(e.value ->> 'email') is not null
        order by 1) g;
  insert into public.customers (workspace_id, email_sha256, phone_sha256, currency)
  select distinct on (g.e_hash) p_workspace_id, g.e_hash, g.p_hash, g.currency
  from (select private.email_sha256(e.value ->> 'email') as e_hash, private.phone_sha256(e.value ->> 'phone') as p_hash,
               e.value ->> 'currency' as currency, e.ordinality as n
        from jsonb_array_elements(p_orders) with ordinality e
        where nullif(btrim(e.value ->> 'shopify_customer_id'), '') is null) g
  where g.e_hash is not null
    and not exists (select 1 from public.customers c where c.workspace_id = p_workspace_id and c.email_sha256 = g.e_hash)
  order by g.e_hash, g.n;

  -- One statement for orders and line items: resolve each order's customer, upsert the orders
  -- (newest version wins), replace the line items of the orders written now.
  with src as (
    select e.ordinality as n, e.value as o, btrim(e.value ->> 'shopify_order_id') as sid, h.e_hash,
           case when nullif(btrim(e.value ->> 'shopify_customer_id'), '') is not null
                then (select c.id from public.customers c
                      where c.workspace_id = p_workspace_id and c.shopify_customer_id = btrim(e.value ->> 'shopify_customer_id'))
                when h.e_hash is not null
                then (select c.id from public.customers c
                      where c.workspace_id = p_workspace_id and c.email_sha256 = h.e_hash order by c.created_at limit 1)
           end as cust_id,
           (select o2.customer_id from public.orders o2
            where o2.workspace_id = p_workspace_id and o2.shopify_order_id = btrim(e.value ->> 'shopify_order_id')) as prev_cust
    from jsonb_array_elements(p_orders) with ordinality e
    cross join lateral (select private.email_sha256(e.value ->> 'email') as e_hash) h
  ), up as (
    insert into public.orders as t (
      workspace_id, shopify_order_id, order_number, customer_id, email_sha256, currency,
      subtotal_cents, total_discounts_cents, total_tax_cents, total_shipping_cents, total_price_cents,
      total_refunded_cents, financial_status, fulfillment_status, landing_site, referring_site, source_name,
      utm_source, utm_medium, utm_campaign, utm_content, utm_term, gclid, fbclid, ttclid,
      processed_at, cancelled_at, source_updated_at, visitor_id)
    select
      p_workspace_id, b.sid, b.o ->> 'order_number', b.cust_id, b.e_hash, b.o ->> 'currency',
      coalesce((b.o ->> 'subtotal_cents')::bigint, 0), coalesce((b.o ->> 'total_discounts_cents')::bigint, 0),
      coalesce((b.o ->> 'total_tax_cents')::bigint, 0), coalesce((b.o ->> 'total_shipping_cents')::bigint, 0),
      (b.o ->> 'total_price_cents')::bigint, coalesce((b.o ->> 'total_refunded_cents')::bigint, 0),
      coalesce((b.o ->> 'financial_status')::public.order_financial_status, 'pending'),
      coalesce((b.o ->> 'fulfillment_status')::public.order_fulfillment_status, 'unfulfilled'),
      b.o ->> 'landing_site', b.o ->> 'referring_site', b.o ->> 'source_name',
      coalesce(b.o ->> 'utm_source', private.url_param(b.o ->> 'landing_site', 'utm_source')),
      coalesce(b.o ->> 'utm_medium', private.url_param(b.o ->> 'landing_site', 'utm_medium')),
      coalesce(b.o ->> 'utm_campaign', private.url_param(b.o ->> 'landing_site', 'utm_campaign')),
      coalesce(b.o ->> 'utm_content', private.url_param(b.o ->> 'landing_site', 'utm_content')),
      coalesce(b.o ->> 'utm_term', private.url_param(b.o ->> 'landing_site', 'utm_term')),
      coalesce(b.o ->> 'gclid', private.url_param(b.o ->> 'landing_site', 'gclid')),
      coalesce(b.o ->> 'fbclid', private.url_param(b.o ->> 'landing_site', 'fbclid')),
      coalesce(b.o ->> 'ttclid', private.url_param(b.o ->> 'landing_site', 'ttclid')),
      (b.o ->> 'processed_at')::timestamptz, (b.o ->> 'cancelled_at')::timestamptz,
      (b.o ->> 'source_updated_at')::timestamptz, b.o ->> 'visitor_id'
    from src b
    order by b.n
    on conflict (workspace_id, shopify_order_id) do update set
      order_number = excluded.order_number, customer_id = coalesce(excluded.customer_id, t.customer_id),
      email_sha256 = coalesce(excluded.email_sha256, t.email_sha256), currency = excluded.currency,
      subtotal_cents = excluded.subtotal_cents, total_discounts_cents = excluded.total_discounts_cents,
      total_tax_cents = excluded.total_tax_cents, total_shipping_cents = excluded.total_shipping_cents,
      total_price_cents = excluded.total_price_cents, total_refunded_cents = excluded.total_refunded_cents,
      financial_status = excluded.financial_status, fulfillment_status = excluded.fulfillment_status,
      landing_site = excluded.landing_site, referring_site = excluded.referring_site,
      source_name = excluded.source_name, utm_source = excluded.utm_source, utm_medium = excluded.utm_medium,
      utm_campaign = excluded.utm_campaign, utm_content = excluded.utm_content, utm_term = excluded.utm_term,
      gclid = excluded.gclid, fbclid = excluded.fbclid, ttclid = excluded.ttclid,
      processed_at = excluded.processed_at, cancelled_at = excluded.cancelled_at,
      source_updated_at = excluded.source_updated_at, visitor_id = coalesce(excluded.visitor_id, t.visitor_id)
    where t.source_updated_at is null or excluded.source_updated_at is null
       or excluded.source_updated_at >= t.source_updated_at
    returning t.id, t.shopify_order_id, (t.xmax = 0) as was_insert
  ), written as (
    select up.id, up.was_insert, b.o, b.n, b.cust_id, b.prev_cust from up join src b on b.sid = up.shopify_order_id
  ), gone as (
    delete from public.order_line_items li using written w
    where li.order_id = w.id and w.o -> 'line_items' is not null
  ), items as (
    insert into public.order_line_items
      (workspace_id, order_id, product_id, shopify_product_id, shopify_variant_id, sku, title, quantity, price_cents)
    select p_workspace_id, w.id,
           (select p.id from public.products p
            where p.workspace_id = p_workspace_id
              and (p.shopify_variant_id = li.value ->> 'shopify_variant_id' or p.sku = li.value ->> 'sku')
            order by (p.shopify_variant_id = li.value ->> 'shopify_variant_id') desc nulls last limit 1),
           li.value ->> 'shopify_product_id', li.value ->> 'shopify_variant_id', li.value ->> 'sku', li.value ->> 'title',
           (li.value ->> 'quantity')::integer, coalesce((li.value ->> 'price_cents')::bigint, 0)
    from written w
    cross join lateral jsonb_array_elements(w.o -> 'line_items') with ordinality li
    where jsonb_typeof(w.o -> 'line_items') = 'array'
    order by w.n, li.ordinality
  )
  select count(*) filter (where w.was_insert), count(*) filter (where not w.was_insert),
         array_remove(array_agg(distinct w.cust_id) || array_agg(distinct w.prev_cust), null)
  into n_ins, n_upd, touched
  from written w;

  -- Customer totals from their orders (net of refunds, cancelled excluded), for every customer
  -- an order was written for or moved away from.
  update public.customers c set
    orders_count = coalesce(s.n, 0), total_spent_cents = coalesce(s.net, 0),
    first_order_at = s.first_at, last_order_at = s.last_at
  from (
    select t.id, count(o2.id) filter (where o2.cancelled_at is null)::integer as n,
           sum(o2.total_price_cents - o2.total_refunded_cents) filter (where o2.cancelled_at is null) as net,
           min(o2.processed_at) as first_at, max(o2.processed_at) as last_at
    from (select distinct unnest(touched) as id) t
    left join public.orders o2 on o2.customer_id = t.id
    group by t.id
  ) s
  where c.id = s.id;

  return query select n_ins, n_upd, n_total - n_ins - n_upd;
end $$;
comment on function public.upsert_orders(uuid, jsonb) is 'Upserts a batch of orders (at most 500, each with at most 250 line items; PT413 above) for one workspace, set-based: customers by Shopify id or email hash, orders newest-version-wins (with the storefront visitor_id; a version without one keeps the known id), line items replaced, customer totals recounted. All or nothing: a bad order rejects the batch (22023, naming index and field). For connectors (service_role) and members.';
grant execute on function public.upsert_orders(uuid, jsonb) to authenticated;

-- A line item belongs to an order of the same workspace, and names a product of it.
create function private.check_line_item_tenant() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.orders o where o.id = new.order_id and o.workspace_id = new.workspace_id) then
    raise exception 'order_line_items: the order belongs to another workspace' using errcode = '23503';
  end if;
  if new.product_id is not null and not exists (
    select 1 from public.products p where p.id = new.product_id and p.workspace_id = new.workspace_id) then
    raise exception 'order_line_items: the product belongs to another workspace' using errcode = '23503';
  end if;
  return new;
end $$;
comment on function private.check_line_item_tenant() is 'BEFORE INSERT/UPDATE on order_line_items: order and product must be in the row''s workspace.';

create trigger check_line_item_tenant before insert or update on public.order_line_items
  for each row execute function private.check_line_item_tenant();

create function private.check_order_customer_tenant() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.customer_id is not null and not exists (
    select 1 from public.customers c where c.id = new.customer_id and c.workspace_id = new.workspace_id) then
    raise exception 'orders: the customer belongs to another workspace' using errcode = '23503';
  end if;
  return new;
end $$;
comment on function private.check_order_customer_tenant() is 'BEFORE INSERT/UPDATE on orders: customer_id must be a customer of the same workspace.';

create trigger check_order_customer_tenant before insert or update of customer_id, workspace_id on public.orders
  for each row execute function private.check_order_customer_tenant();

-- ===== gift cards: a gift card earned by a qualifying order
create type public.gift_card_source as enum ('qualifying_order', 'manual', 'promotion');

comment on type public.gift_card_source is 'Why a gift card was issued.';

create type public.gift_card_status as enum ('pending', 'issued', 'emailed', 'failed', 'voided');

comment on type public.gift_card_status is 'pending: earned, not yet created in Shopify; issued: created; emailed: delivered to the customer; voided: the order was cancelled or refunded first.';

create type public.email_delivery_status as enum ('queued', 'sent', 'delivered', 'bounced', 'failed');

comment on type public.email_delivery_status is 'Delivery state reported by the email provider.';

create table public.gift_card_products (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  shopify_product_id text not null check (char_length(shopify_product_id) between 1 and 64),
  shopify_variant_id text not null check (char_length(shopify_variant_id) between 1 and 64),
  amount_cents bigint not null check (amount_cents > 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  min_order_subtotal_cents bigint not null default 0 check (min_order_subtotal_cents >= 0),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, shopify_variant_id)
);
comment on table public.gift_card_products is 'Gift card offers: a paid order whose subtotal reaches min_order_subtotal_cents earns amount_cents (the highest qualifying offer, once per order).';
alter table public.gift_card_products enable row level security;
grant select, insert, update, delete on public.gift_card_products to authenticated;
select private.install_row_triggers('public.gift_card_products');
select private.tenant_policies('public.gift_card_products', 'viewer', 'admin');

create table public.gift_card_transactions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  order_id uuid references public.orders (id) on delete set null,
  shopify_order_id text check (char_length(shopify_order_id) <= 64),
  gift_card_product_id uuid references public.gift_card_products (id) on delete set null,
  amount_cents bigint not null check (amount_cents > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  source public.gift_card_source not null,
  status public.gift_card_status not null default 'pending',
  shopify_gift_card_id text check (char_length(shopify_gift_card_id) <= 64),
  last_error text check (char_length(last_error) <= 2000),
  issued_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, shopify_order_id, source)
);
comment on table public.gift_card_transactions is 'Gift cards earned or granted; one per order and source. Written by the award trigger and the issuing worker (service_role).';
alter table public.gift_card_transactions enable row level security;
grant select on public.gift_card_transactions to authenticated;
select private.install_row_triggers('public.gift_card_transactions');
select private.tenant_policy('public.gift_card_transactions', 'select', 'viewer');

create index gift_card_transactions_order_id_idx on public.gift_card_transactions (order_id);

create index gift_card_transactions_product_id_idx on public.gift_card_transactions (gift_card_product_id);

create index gift_card_transactions_pending_idx on public.gift_card_transactions (workspace_id, created_at) where status = 'pending';

create table public.gift_card_emails (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  transaction_id uuid not null unique references public.gift_card_transactions (id) on delete cascade,
  status public.email_delivery_status not null default 'queued',
  provider_message_id text check (char_length(provider_message_id) <= 256),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text check (char_length(last_error) <= 2000),
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.gift_card_emails is 'Delivery of a gift card to its customer (Resend); the recipient address lives in private.gift_card_recipients.';
alter table public.gift_card_emails enable row level security;
grant select on public.gift_card_emails to authenticated;
select private.install_row_triggers('public.gift_card_emails');
select private.tenant_policy('public.gift_card_emails', 'select', 'viewer');

create index gift_card_emails_workspace_id_idx on public.gift_card_emails (workspace_id);

-- Paid, uncancelled orders earn the highest qualifying gift card once; cancelled or refunded
-- orders void a card not yet issued.
create function private.award_gift_card() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  offer public.gift_card_products;
begin
  if new.cancelled_at is not null or new.financial_status in ('refunded', 'voided') then
    update public.gift_card_transactions set status = 'voided'
    where workspace_id = new.workspace_id and shopify_order_id = new.shopify_order_id
      and source = 'qualifying_order' and status = 'pending';
    return null;
  end if;
  if new.financial_status <> 'paid' then
    return null;
  end if;
  select * into offer from public.gift_card_products g
  where g.workspace_id = new.workspace_id and g.active and g.currency = new.currency
    and new.subtotal_cents >= g.min_order_subtotal_cents
  order by g.amount_cents desc, g.min_order_subtotal_cents desc
  limit 1;
  if found then
    insert into public.gift_card_transactions
      (workspace_id, order_id, shopify_order_id, gift_card_product_id, amount_cents, currency, source)
    values (new.workspace_id, new.id, new.shopify_order_id, offer.id, offer.amount_cents, offer.currency, 'qualifying_order')
    on conflict (workspace_id, shopify_order_id, source) do nothing;
  end if;
  return null;
end $$;
comment on function private.award_gift_card() is 'AFTER INSERT/UPDATE on orders: awards or voids the qualifying-order gift card.';

create trigger award_gift_card after insert or update of financial_status, subtotal_cents, cancelled_at on public.orders
  for each row execute function private.award_gift_card();

-- Shopify decimal strings ("12.34") to cents.
create function private.cents(p_amount text) returns bigint
language sql immutable set search_path = '' as $$
  select case when p_amount ~ '^-?\d+(\.\d+)?$' then round(p_amount::numeric * 100)::bigint end
$$;
comment on function private.cents(text) is 'A decimal amount as Shopify sends it ("12.34") in cents; null when not a number.';
grant execute on function private.cents(text) to service_role;

-- Shopify's order JSON as one upsert_orders element.
create function private.shopify_order(p_payload jsonb) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  amount constant text := '^-?\d+(\.\d+)?$';
  refunded bigint;
  visitor text;
  items jsonb;
begin
  if jsonb_typeof(p_payload -> 'refunds') = 'array' then
    select sum(round((t ->> 'amount')::numeric * 100))::bigint into refunded
    from jsonb_array_elements(p_payload -> 'refunds') r, jsonb_array_elements(coalesce(r -> 'transactions', '[]')) t
    where t ->> 'kind' = 'refund' and t ->> 'status' = 'success' and t ->> 'amount' ~ amount;
  end if;
  if jsonb_typeof(p_payload -> 'note_attributes') = 'array' then
    select a ->> 'value' into visitor from jsonb_array_elements(p_payload -> 'note_attributes') a
    where a ->> 'name' in ('_visitor_id', 'visitor_id') and private.is_visitor_id(a ->> 'value')
    order by a ->> 'name' limit 1;
  end if;
  if jsonb_typeof(p_payload -> 'line_items') = 'array' then
    select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
             'shopify_product_id', li ->> 'product_id', 'shopify_variant_id', li ->> 'variant_id',
             'sku', nullif(li ->> 'sku', ''), 'title', li ->> 'title', 'quantity', (li ->> 'quantity')::numeric,
             'price_cents', case when li ->> 'price' ~ amount then round((li ->> 'price')::numeric * 100)::bigint end)))
    into items from jsonb_array_elements(p_payload -> 'line_items') li;
  end if;
  return jsonb_strip_nulls(jsonb_build_object(
    'shopify_order_id', p_payload ->> 'id',
    'order_number', p_payload ->> 'name',
    'email', coalesce(p_payload ->> 'email', p_payload ->> 'contact_email'),
    'phone', p_payload ->> 'phone',
    'shopify_customer_id', p_payload #>> '{customer,id}',
    'currency', p_payload ->> 'currency',
    'subtotal_cents', case when p_payload ->> 'subtotal_price' ~ amount then round((p_payload ->> 'subtotal_price')::numeric * 100)::bigint end,
    'total_discounts_cents', case when p_payload ->> 'total_discounts' ~ amount then round((p_payload ->> 'total_discounts')::numeric * 100)::bigint end,
    'total_tax_cents', case when p_payload ->> 'total_tax' ~ amount then round((p_payload ->> 'total_tax')::numeric * 100)::bigint end,
    'total_shipping_cents', case when p_payload #>> '{total_shipping_price_set,shop_money,amount}' ~ amount
                                 then round((p_payload #>> '{total_shipping_price_set,shop_money,amount}')::numeric * 100)::bigint end,
    'total_price_cents', case when p_payload ->> 'total_price' ~ amount then round((p_payload ->> 'total_price')::numeric * 100)::bigint end,
    'total_refunded_cents', refunded,
    'financial_status', p_payload ->> 'financial_status',
    'fulfillment_status', case p_payload ->> 'fulfillment_status' when 'partial' then 'partial' when 'fulfilled' then 'fulfilled'
                            when 'restocked' then 'restocked' else 'unfulfilled' end,
    'landing_site', p_payload ->> 'landing_site',
    'referring_site', p_payload ->> 'referring_site',
    'source_name', p_payload ->> 'source_name',
    'processed_at', coalesce(p_payload ->> 'processed_at', p_payload ->> 'created_at'),
    'cancelled_at', p_payload ->> 'cancelled_at',
    'source_updated_at', p_payload ->> 'updated_at',
    'visitor_id', visitor,
    'line_items', items));
end $$;
comment on function private.shopify_order(jsonb) is 'Maps a Shopify order payload to the shape public.upsert_orders takes; the visitor id comes from the cart attribute _visitor_id (or visitor_id) in note_attributes.';
grant execute on function private.shopify_order(jsonb) to service_role;

-- ===== gift card recipients
create table private.gift_card_recipients (
  email_id uuid primary key references public.gift_card_emails (id) on delete cascade,
  to_email text not null check (to_email ~ '^[^@\s]+@[^@\s]+$')
);
comment on table private.gift_card_recipients is 'Where each gift card email goes (plaintext: delivery needs it). Service only; GDPR redaction deletes the row.';
alter table private.gift_card_recipients enable row level security;
grant all on private.gift_card_recipients to service_role;

create index orders_workspace_visitor_idx on public.orders (workspace_id, visitor_id) where visitor_id is not null;

-- The visitor id of one order object of upsert_orders' batch: 'visitor_id: reason', or null.
create function private.order_visitor_problem(p_order jsonb) returns text
language sql immutable set search_path = '' as $$
  select case when p_order -> 'visitor_id' is not null and p_order -> 'visitor_id' <> 'null'::jsonb
                   and (jsonb_typeof(p_order -> 'visitor_id') <> 'string' or not private.is_visitor_id(p_order ->> 'visitor_id'))
              then 'visitor_id: must be 1-128 letters, digits or . _ : - (a storefront visitor id)' end
$$;
comment on function private.order_visitor_problem(jsonb) is 'Validates the visitor_id of one upsert_orders element (next to private.order_problem); returns ''visitor_id: reason'' or null.';
grant execute on function private.order_visitor_problem(jsonb) to authenticated, service_role;

create trigger order_webhook_events_insert after insert on public.orders
  referencing new table as changed for each statement execute function private.order_webhook_events();

create trigger order_webhook_events_update after update on public.orders
  referencing new table as changed for each statement execute function private.order_webhook_events();
