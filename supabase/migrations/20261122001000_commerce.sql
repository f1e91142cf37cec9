-- Commerce: Shopify customers, products (one row per sellable variant), orders with line items,
-- the idempotent order upsert every connector and webhook uses, daily order revenue, and the
-- RAWDOG gift-card-with-qualifying-order model.

-- ===== PII: emails and phones are kept only as SHA-256 of their normalized form, for matching
create function private.email_sha256(p_email text) returns text
language sql immutable set search_path = '' as $$
  select case when nullif(btrim(p_email), '') is null then null
    else encode(extensions.digest(convert_to(lower(btrim(p_email)), 'UTF8'), 'sha256'), 'hex') end
$$;
comment on function private.email_sha256(text) is 'Hex SHA-256 of lower(trim(email)); null for empty input. The form ad platforms use for matching.';

create function private.phone_sha256(p_phone text) returns text
language sql immutable set search_path = '' as $$
  select case when coalesce(length(regexp_replace(p_phone, '[^0-9]', '', 'g')), 0) < 6 then null
    else encode(extensions.digest(convert_to('+' || regexp_replace(p_phone, '[^0-9]', '', 'g'), 'UTF8'), 'sha256'), 'hex') end
$$;
comment on function private.phone_sha256(text) is 'Hex SHA-256 of the phone as +digits (E.164 without separators); null when under 6 digits.';

revoke all on function private.email_sha256(text) from public;
revoke all on function private.phone_sha256(text) from public;
grant execute on function private.email_sha256(text) to authenticated, service_role;
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
create index customers_workspace_email_idx on public.customers (workspace_id, email_sha256) where email_sha256 is not null;
create index customers_workspace_phone_idx on public.customers (workspace_id, phone_sha256) where phone_sha256 is not null;
create trigger set_updated_at before update on public.customers
  for each row execute function private.set_updated_at();

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
  unique (workspace_id, shopify_product_id, shopify_variant_id)
);
comment on table public.products is 'Catalogue, one row per sellable Shopify variant (the unit inventory and line items count).';
comment on column public.products.cost_cents is 'Unit cost of goods, when known (for margin and inventory value).';
create unique index products_workspace_sku_key on public.products (workspace_id, sku) where sku is not null;
create index products_workspace_variant_idx on public.products (workspace_id, shopify_variant_id);
create trigger set_updated_at before update on public.products
  for each row execute function private.set_updated_at();

-- ===== orders
create type public.order_financial_status as enum
  ('pending', 'authorized', 'partially_paid', 'paid', 'partially_refunded', 'refunded', 'voided');
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
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, shopify_order_id)
);
comment on table public.orders is 'Shopify orders, written by public.upsert_orders (webhooks, backfills, imports). Net revenue = total_price_cents - total_refunded_cents, counted when not cancelled.';
comment on column public.orders.email_sha256 is 'Hash of the order email (guest checkouts have no customer id).';
comment on column public.orders.landing_site is 'First page of the session that ordered; utm_* and click ids are parsed from it when the source gives none.';
comment on column public.orders.source_updated_at is 'Shopify''s updated_at of the version stored; an older version never overwrites a newer one.';
create index orders_workspace_processed_at_idx on public.orders (workspace_id, processed_at);
create index orders_customer_id_idx on public.orders (customer_id);
create trigger set_updated_at before update on public.orders
  for each row execute function private.set_updated_at();

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

-- ===== the order upsert
-- utm_* and click ids from a landing URL's query string.
create function private.url_param(p_url text, p_name text) returns text
language sql immutable set search_path = '' as $$
  select nullif(replace((regexp_match(p_url, '[?&]' || p_name || '=([^&#]*)'))[1], '+', ' '), '')
$$;
comment on function private.url_param(text, text) is 'The raw value of one query parameter of a URL (plus signs as spaces, no percent-decoding), or null.';
revoke all on function private.url_param(text, text) from public;
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
revoke all on function private.is_timestamptz(text) from public;
grant execute on function private.is_timestamptz(text) to authenticated, service_role;

-- True when a JSON value is a whole number >= min_value.
create function private.is_whole_number(p_value jsonb, p_min numeric default 0) returns boolean
language sql immutable set search_path = '' as $$
  select jsonb_typeof(p_value) = 'number' and (p_value #>> '{}')::numeric >= p_min
     and (p_value #>> '{}')::numeric = trunc((p_value #>> '{}')::numeric)
     and (p_value #>> '{}')::numeric <= 9007199254740991
$$;
comment on function private.is_whole_number(jsonb, numeric) is 'True for a JSON number that is a whole number >= p_min (and a safe integer).';
revoke all on function private.is_whole_number(jsonb, numeric) from public;
grant execute on function private.is_whole_number(jsonb, numeric) to authenticated, service_role;

-- One order object of upsert_orders' batch: the first problem as 'field: reason', or null.
create function private.order_problem(o jsonb) returns text
language plpgsql stable set search_path = '' as $$
declare
  k text;
  li jsonb;
  n integer := 0;
begin
  if jsonb_typeof(o) is distinct from 'object' then
    return 'row: must be an object';
  end if;
  if coalesce(jsonb_typeof(o -> 'shopify_order_id'), '') not in ('string', 'number') or btrim(o ->> 'shopify_order_id') = '' then
    return 'shopify_order_id: is required';
  end if;
  if coalesce(o ->> 'currency', '') !~ '^[A-Z]{3}$' then
    return 'currency: must be a three-letter ISO code';
  end if;
  if o -> 'total_price_cents' is null or o -> 'total_price_cents' = 'null'::jsonb then
    return 'total_price_cents: is required';
  end if;
  foreach k in array array['subtotal_cents', 'total_discounts_cents', 'total_tax_cents', 'total_shipping_cents',
                           'total_price_cents', 'total_refunded_cents'] loop
    if o -> k is not null and o -> k <> 'null'::jsonb and not private.is_whole_number(o -> k) then
      return k || ': must be a non-negative whole number of cents';
    end if;
  end loop;
  if o ->> 'processed_at' is null then
    return 'processed_at: is required';
  end if;
  foreach k in array array['processed_at', 'cancelled_at', 'source_updated_at'] loop
    if o ->> k is not null and not private.is_timestamptz(o ->> k) then
      return k || ': is not a timestamp';
    end if;
  end loop;
  if o ->> 'financial_status' is not null
     and not (o ->> 'financial_status' = any (enum_range(null::public.order_financial_status)::text[])) then
    return 'financial_status: is not one of ' || array_to_string(enum_range(null::public.order_financial_status)::text[], ', ');
  end if;
  if o ->> 'fulfillment_status' is not null
     and not (o ->> 'fulfillment_status' = any (enum_range(null::public.order_fulfillment_status)::text[])) then
    return 'fulfillment_status: is not one of ' || array_to_string(enum_range(null::public.order_fulfillment_status)::text[], ', ');
  end if;
  if o -> 'line_items' is not null and jsonb_typeof(o -> 'line_items') <> 'array' then
    return 'line_items: must be an array';
  end if;
  for li in select value from jsonb_array_elements(coalesce(o -> 'line_items', '[]')) loop
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
revoke all on function private.order_problem(jsonb) from public;
grant execute on function private.order_problem(jsonb) to authenticated, service_role;

create function public.upsert_orders(p_workspace_id uuid, p_orders jsonb)
returns table (inserted integer, updated integer, unchanged integer)
language plpgsql volatile set search_path = '' as $$
declare
  o jsonb;
  idx bigint;
  problem text;
  dup text;
  cust_id uuid;
  prev_cust uuid;
  ord_id uuid;
  was_insert boolean;
  e_hash text;
  p_hash text;
  touched uuid[] := array[]::uuid[];
  n_ins integer := 0;
  n_upd integer := 0;
  n_same integer := 0;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if jsonb_typeof(p_orders) is distinct from 'array' then
    raise exception 'p_orders must be a JSON array of orders' using errcode = '22023';
  end if;
  if jsonb_array_length(p_orders) > 1000 then
    raise exception 'at most 1000 orders per call (got %)', jsonb_array_length(p_orders) using errcode = '22023';
  end if;
  if current_user in ('authenticated', 'anon') then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;

  -- Validate everything first: one bad row rejects the whole batch, nothing is written.
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(p_orders) with ordinality e loop
    problem := private.order_problem(o);
    if problem is not null then
      raise exception 'orders[%].%', idx, problem using errcode = '22023';
    end if;
  end loop;
  select e.value ->> 'shopify_order_id' into dup
  from jsonb_array_elements(p_orders) e group by 1 having count(*) > 1 limit 1;
  if dup is not null then
    raise exception 'orders: shopify_order_id % appears more than once in the batch', dup using errcode = '22023';
  end if;

  for o in select e.value from jsonb_array_elements(p_orders) e loop
    e_hash := private.email_sha256(o ->> 'email');
    p_hash := private.phone_sha256(o ->> 'phone');
    cust_id := null;
    if nullif(btrim(o ->> 'shopify_customer_id'), '') is not null then
      insert into public.customers as c (workspace_id, shopify_customer_id, email_sha256, phone_sha256, currency)
      values (p_workspace_id, btrim(o ->> 'shopify_customer_id'), e_hash, p_hash, o ->> 'currency')
      on conflict (workspace_id, shopify_customer_id) do update
        set email_sha256 = coalesce(excluded.email_sha256, c.email_sha256),
            phone_sha256 = coalesce(excluded.phone_sha256, c.phone_sha256)
      returning c.id into cust_id;
    elsif e_hash is not null then
      -- Guest checkout: match by email hash; the lock keeps concurrent deliveries from creating two.
      perform pg_advisory_xact_lock(hashtextextended(p_workspace_id::text || e_hash, 0));
      select c.id into cust_id from public.customers c
      where c.workspace_id = p_workspace_id and c.email_sha256 = e_hash
      order by c.created_at limit 1;
      if cust_id is null then
        insert into public.customers (workspace_id, email_sha256, phone_sha256, currency)
        values (p_workspace_id, e_hash, p_hash, o ->> 'currency')
        returning id into cust_id;
      end if;
    end if;

    -- the customer it had, whose totals change too if this version names another one
    select o2.customer_id into prev_cust from public.orders o2
    where o2.workspace_id = p_workspace_id and o2.shopify_order_id = btrim(o ->> 'shopify_order_id');
    ord_id := null;
    insert into public.orders as t (
      workspace_id, shopify_order_id, order_number, customer_id, email_sha256, currency,
      subtotal_cents, total_discounts_cents, total_tax_cents, total_shipping_cents, total_price_cents,
      total_refunded_cents, financial_status, fulfillment_status, landing_site, referring_site, source_name,
      utm_source, utm_medium, utm_campaign, utm_content, utm_term, gclid, fbclid, ttclid,
      processed_at, cancelled_at, source_updated_at)
    values (
      p_workspace_id, btrim(o ->> 'shopify_order_id'), o ->> 'order_number', cust_id, e_hash, o ->> 'currency',
      coalesce((o ->> 'subtotal_cents')::bigint, 0), coalesce((o ->> 'total_discounts_cents')::bigint, 0),
      coalesce((o ->> 'total_tax_cents')::bigint, 0), coalesce((o ->> 'total_shipping_cents')::bigint, 0),
      (o ->> 'total_price_cents')::bigint, coalesce((o ->> 'total_refunded_cents')::bigint, 0),
      coalesce((o ->> 'financial_status')::public.order_financial_status, 'pending'),
      coalesce((o ->> 'fulfillment_status')::public.order_fulfillment_status, 'unfulfilled'),
      o ->> 'landing_site', o ->> 'referring_site', o ->> 'source_name',
      coalesce(o ->> 'utm_source', private.url_param(o ->> 'landing_site', 'utm_source')),
      coalesce(o ->> 'utm_medium', private.url_param(o ->> 'landing_site', 'utm_medium')),
      coalesce(o ->> 'utm_campaign', private.url_param(o ->> 'landing_site', 'utm_campaign')),
      coalesce(o ->> 'utm_content', private.url_param(o ->> 'landing_site', 'utm_content')),
      coalesce(o ->> 'utm_term', private.url_param(o ->> 'landing_site', 'utm_term')),
      coalesce(o ->> 'gclid', private.url_param(o ->> 'landing_site', 'gclid')),
      coalesce(o ->> 'fbclid', private.url_param(o ->> 'landing_site', 'fbclid')),
      coalesce(o ->> 'ttclid', private.url_param(o ->> 'landing_site', 'ttclid')),
      (o ->> 'processed_at')::timestamptz, (o ->> 'cancelled_at')::timestamptz,
      (o ->> 'source_updated_at')::timestamptz)
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
      source_updated_at = excluded.source_updated_at
    where t.source_updated_at is null or excluded.source_updated_at is null
       or excluded.source_updated_at >= t.source_updated_at
    returning t.id, (t.xmax = 0) into ord_id, was_insert;

    if ord_id is null then
      n_same := n_same + 1;  -- an older version of an order we already hold
      continue;
    end if;
    if was_insert then n_ins := n_ins + 1; else n_upd := n_upd + 1; end if;
    if cust_id is not null then touched := touched || cust_id; end if;
    if prev_cust is not null then touched := touched || prev_cust; end if;

    if o -> 'line_items' is not null then
      delete from public.order_line_items where order_id = ord_id;
      insert into public.order_line_items
        (workspace_id, order_id, product_id, shopify_product_id, shopify_variant_id, sku, title, quantity, price_cents)
      select p_workspace_id, ord_id,
             (select p.id from public.products p
              where p.workspace_id = p_workspace_id
                and (p.shopify_variant_id = li ->> 'shopify_variant_id' or p.sku = li ->> 'sku')
              order by (p.shopify_variant_id = li ->> 'shopify_variant_id') desc nulls last limit 1),
             li ->> 'shopify_product_id', li ->> 'shopify_variant_id', li ->> 'sku', li ->> 'title',
             (li ->> 'quantity')::integer, coalesce((li ->> 'price_cents')::bigint, 0)
      from jsonb_array_elements(o -> 'line_items') li;
    end if;
  end loop;

  -- Customer totals from their orders (net of refunds, cancelled excluded).
  update public.customers c set
    orders_count = coalesce(s.n, 0), total_spent_cents = coalesce(s.net, 0),
    first_order_at = s.first_at, last_order_at = s.last_at
  from (
    select t.id, count(o2.id) filter (where o2.cancelled_at is null)::integer as n,
           sum(o2.total_price_cents - o2.total_refunded_cents) filter (where o2.cancelled_at is null) as net,
           min(o2.processed_at) as first_at, max(o2.processed_at) as last_at
    from unnest(touched) as t (id)
    left join public.orders o2 on o2.customer_id = t.id
    group by t.id
  ) s
  where c.id = s.id;

  return query select n_ins, n_upd, n_same;
end $$;
comment on function public.upsert_orders(uuid, jsonb) is 'Idempotent batch upsert of orders (keyed by shopify_order_id) with customers and line items; rejects the whole batch (22023, naming row and field) when any row is invalid. Returns counts inserted, updated and unchanged (older versions ignored). For service_role and workspace members.';
grant execute on function public.upsert_orders(uuid, jsonb) to authenticated, service_role;

-- ===== access: viewers read, members write day-to-day data, service_role (connectors) everything
alter table public.customers enable row level security;
alter table public.products enable row level security;
alter table public.orders enable row level security;
alter table public.order_line_items enable row level security;
grant select, insert, update, delete on public.customers, public.products, public.orders, public.order_line_items
  to authenticated;
grant all on public.customers, public.products, public.orders, public.order_line_items to service_role;
grant select on public.order_revenue_daily to authenticated, service_role;

select private.tenant_policies('public.customers', 'viewer', 'member');
select private.tenant_policies('public.products', 'viewer', 'member');
select private.tenant_policies('public.orders', 'viewer', 'member');
select private.tenant_policies('public.order_line_items', 'viewer', 'member');

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

-- ===== gift cards (RAWDOG): a gift card earned by a qualifying order
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
create trigger set_updated_at before update on public.gift_card_products
  for each row execute function private.set_updated_at();

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
create index gift_card_transactions_order_id_idx on public.gift_card_transactions (order_id);
create index gift_card_transactions_product_id_idx on public.gift_card_transactions (gift_card_product_id);
create index gift_card_transactions_pending_idx on public.gift_card_transactions (workspace_id, created_at) where status = 'pending';
create trigger set_updated_at before update on public.gift_card_transactions
  for each row execute function private.set_updated_at();

create table public.gift_card_emails (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  transaction_id uuid not null unique references public.gift_card_transactions (id) on delete cascade,
  to_email text check (to_email ~ '^[^@\s]+@[^@\s]+$'),
  status public.email_delivery_status not null default 'queued',
  provider_message_id text check (char_length(provider_message_id) <= 256),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text check (char_length(last_error) <= 2000),
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.gift_card_emails is 'Delivery of a gift card to its customer (Resend). to_email is plaintext because delivery needs it: no API role can read that column (service_role delivers), and GDPR redaction nulls it.';
comment on column public.gift_card_emails.to_email is 'Recipient; null once redacted.';
create index gift_card_emails_workspace_id_idx on public.gift_card_emails (workspace_id);
create trigger set_updated_at before update on public.gift_card_emails
  for each row execute function private.set_updated_at();

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

alter table public.gift_card_products enable row level security;
alter table public.gift_card_transactions enable row level security;
alter table public.gift_card_emails enable row level security;
grant select, insert, update, delete on public.gift_card_products to authenticated;
grant select on public.gift_card_transactions to authenticated;
grant select (id, workspace_id, transaction_id, status, provider_message_id, attempts, last_error, sent_at, created_at, updated_at)
  on public.gift_card_emails to authenticated;
grant all on public.gift_card_products, public.gift_card_transactions, public.gift_card_emails to service_role;

select private.tenant_policies('public.gift_card_products', 'viewer', 'admin');
create policy "viewers read gift card transactions" on public.gift_card_transactions for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read gift card deliveries" on public.gift_card_emails for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
