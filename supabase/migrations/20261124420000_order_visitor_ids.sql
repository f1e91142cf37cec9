-- Orders carry the storefront visitor id, so an order can become an experiment purchase and an
-- attribution conversion. Shopify carries it as a cart attribute (the order's note_attributes,
-- name `_visitor_id`, or `visitor_id`); connectors may send `visitor_id` directly.
--
-- Replaces three landed functions with `create or replace`, keeping every existing behaviour and
-- adding only the visitor id:
--   private.order_problem(jsonb)      validates `visitor_id` (a string in the visitor id format)
--   public.upsert_orders(uuid, jsonb) stores it (a later version without one keeps the known id)
--   private.shopify_order(jsonb)      reads it from note_attributes (an invalid one is dropped,
--                                     so a webhook never fails over it)

-- The one visitor id format every domain uses (experiments, attribution, pixels, orders).
create function private.is_visitor_id(p_value text) returns boolean
language sql immutable parallel safe set search_path = '' as $$
  select p_value ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$'
$$;
comment on function private.is_visitor_id(text) is 'True for a storefront visitor id: 1-128 characters, letters, digits and . _ : - (not starting with punctuation). UUIDs and GA client ids qualify. storefront.require_visitor_id() checks the same format for anon.';
revoke all on function private.is_visitor_id(text) from public;
grant execute on function private.is_visitor_id(text) to authenticated, service_role;

alter table public.orders add column visitor_id text
  constraint orders_visitor_id_format check (private.is_visitor_id(visitor_id));
comment on column public.orders.visitor_id is 'The storefront visitor id of the session that ordered (Shopify cart attribute _visitor_id). Turns the order into experiment purchases and an attribution conversion.';
create index orders_workspace_visitor_idx on public.orders (workspace_id, visitor_id) where visitor_id is not null;

-- One order object of upsert_orders' batch: the first problem as 'field: reason', or null.
create or replace function private.order_problem(o jsonb) returns text
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
  if o -> 'visitor_id' is not null and o -> 'visitor_id' <> 'null'::jsonb
     and (jsonb_typeof(o -> 'visitor_id') <> 'string' or not private.is_visitor_id(o ->> 'visitor_id')) then
    return 'visitor_id: must be 1-128 letters, digits or . _ : - (a storefront visitor id)';
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

create or replace function public.upsert_orders(p_workspace_id uuid, p_orders jsonb)
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
      processed_at, cancelled_at, source_updated_at, visitor_id)
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
      (o ->> 'source_updated_at')::timestamptz, o ->> 'visitor_id')
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
comment on function public.upsert_orders(uuid, jsonb) is 'Idempotent batch upsert of orders (keyed by shopify_order_id) with customers, line items and the storefront visitor_id; rejects the whole batch (22023, naming row and field) when any row is invalid. Returns counts inserted, updated and unchanged (older versions ignored). For service_role and workspace members.';
grant execute on function public.upsert_orders(uuid, jsonb) to authenticated, service_role;

-- Shopify's order JSON as one upsert_orders element.
create or replace function private.shopify_order(p jsonb) returns jsonb
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
    'visitor_id', (select a ->> 'value' from jsonb_array_elements(case when jsonb_typeof(p -> 'note_attributes') = 'array'
                                                                  then p -> 'note_attributes' else '[]' end) a
                   where a ->> 'name' in ('_visitor_id', 'visitor_id') and private.is_visitor_id(a ->> 'value')
                   order by a ->> 'name' limit 1),
    'line_items', (select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                      'shopify_product_id', li ->> 'product_id', 'shopify_variant_id', li ->> 'variant_id',
                      'sku', nullif(li ->> 'sku', ''), 'title', li ->> 'title', 'quantity', (li ->> 'quantity')::numeric,
                      'price_cents', private.cents(li ->> 'price'))))
                   from jsonb_array_elements(coalesce(p -> 'line_items', '[]')) li)
  ))
$$;
comment on function private.shopify_order(jsonb) is 'Maps a Shopify order payload to the shape public.upsert_orders takes; the visitor id comes from the cart attribute _visitor_id (or visitor_id) in note_attributes.';
