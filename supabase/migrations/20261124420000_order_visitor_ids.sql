-- Orders carry the storefront visitor id, so an order can become an experiment purchase and an
-- attribution conversion. Shopify carries it as a cart attribute (the order's note_attributes,
-- name `_visitor_id`, or `visitor_id`); connectors may send `visitor_id` directly.
--
-- Replaces two landed functions with `create or replace`, keeping every existing behaviour and
-- adding only the visitor id:
--   public.upsert_orders(uuid, jsonb) validates it (private.order_visitor_problem, next to
--                                     private.order_problem) and stores it; a later version
--                                     without one keeps the known id. The body is the set-based
--                                     one of 20261123090000 with these three additions.
--   private.shopify_order(jsonb)      reads it from note_attributes (an invalid one is dropped,
--                                     so a webhook never fails over it)

-- The one visitor id format every domain uses (experiments, attribution, pixels, orders).
create function private.is_visitor_id(p_value text) returns boolean
language sql immutable parallel safe set search_path = '' as $$
  select p_value ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$'
$$;
comment on function private.is_visitor_id(text) is 'True for a storefront visitor id: 1-128 characters, letters, digits and . _ : - (not starting with punctuation). UUIDs and GA client ids qualify. The anon RPCs check the same pattern inline.';
revoke all on function private.is_visitor_id(text) from public;
grant execute on function private.is_visitor_id(text) to authenticated, service_role;

alter table public.orders add column visitor_id text
  constraint orders_visitor_id_format check (private.is_visitor_id(visitor_id));
comment on column public.orders.visitor_id is 'The storefront visitor id of the session that ordered (Shopify cart attribute _visitor_id). Turns the order into experiment purchases and an attribution conversion.';
create index orders_workspace_visitor_idx on public.orders (workspace_id, visitor_id) where visitor_id is not null;

-- The visitor id of one order object of upsert_orders' batch: 'visitor_id: reason', or null.
create function private.order_visitor_problem(o jsonb) returns text
language sql immutable set search_path = '' as $$
  select case when o -> 'visitor_id' is not null and o -> 'visitor_id' <> 'null'::jsonb
                   and (jsonb_typeof(o -> 'visitor_id') <> 'string' or not private.is_visitor_id(o ->> 'visitor_id'))
              then 'visitor_id: must be 1-128 letters, digits or . _ : - (a storefront visitor id)' end
$$;
comment on function private.order_visitor_problem(jsonb) is 'Validates the visitor_id of one upsert_orders element (next to private.order_problem); returns ''visitor_id: reason'' or null.';
revoke all on function private.order_visitor_problem(jsonb) from public;
grant execute on function private.order_visitor_problem(jsonb) to authenticated, service_role;

create or replace function public.upsert_orders(p_workspace_id uuid, p_orders jsonb)
returns table (inserted integer, updated integer, unchanged integer)
language plpgsql volatile set search_path = '' as $$
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
  if current_user in ('authenticated', 'anon') then
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
grant execute on function public.upsert_orders(uuid, jsonb) to authenticated, service_role;

-- Shopify's order JSON as one upsert_orders element. PL/pgSQL with the cents conversion written
-- inline: as SQL, this function and the private.cents calls inside it could not be inlined (their
-- SET search_path) and cost ~100 us an order, a third of a webhook batch's processing.
create or replace function private.shopify_order(p jsonb) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  amount constant text := '^-?\d+(\.\d+)?$';
  refunded bigint;
  visitor text;
  items jsonb;
begin
  if jsonb_typeof(p -> 'refunds') = 'array' then
    select sum(round((t ->> 'amount')::numeric * 100))::bigint into refunded
    from jsonb_array_elements(p -> 'refunds') r, jsonb_array_elements(coalesce(r -> 'transactions', '[]')) t
    where t ->> 'kind' = 'refund' and t ->> 'status' = 'success' and t ->> 'amount' ~ amount;
  end if;
  if jsonb_typeof(p -> 'note_attributes') = 'array' then
    select a ->> 'value' into visitor from jsonb_array_elements(p -> 'note_attributes') a
    where a ->> 'name' in ('_visitor_id', 'visitor_id') and private.is_visitor_id(a ->> 'value')
    order by a ->> 'name' limit 1;
  end if;
  if jsonb_typeof(p -> 'line_items') = 'array' then
    select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
             'shopify_product_id', li ->> 'product_id', 'shopify_variant_id', li ->> 'variant_id',
             'sku', nullif(li ->> 'sku', ''), 'title', li ->> 'title', 'quantity', (li ->> 'quantity')::numeric,
             'price_cents', case when li ->> 'price' ~ amount then round((li ->> 'price')::numeric * 100)::bigint end)))
    into items from jsonb_array_elements(p -> 'line_items') li;
  end if;
  return jsonb_strip_nulls(jsonb_build_object(
    'shopify_order_id', p ->> 'id',
    'order_number', p ->> 'name',
    'email', coalesce(p ->> 'email', p ->> 'contact_email'),
    'phone', p ->> 'phone',
    'shopify_customer_id', p #>> '{customer,id}',
    'currency', p ->> 'currency',
    'subtotal_cents', case when p ->> 'subtotal_price' ~ amount then round((p ->> 'subtotal_price')::numeric * 100)::bigint end,
    'total_discounts_cents', case when p ->> 'total_discounts' ~ amount then round((p ->> 'total_discounts')::numeric * 100)::bigint end,
    'total_tax_cents', case when p ->> 'total_tax' ~ amount then round((p ->> 'total_tax')::numeric * 100)::bigint end,
    'total_shipping_cents', case when p #>> '{total_shipping_price_set,shop_money,amount}' ~ amount
                                 then round((p #>> '{total_shipping_price_set,shop_money,amount}')::numeric * 100)::bigint end,
    'total_price_cents', case when p ->> 'total_price' ~ amount then round((p ->> 'total_price')::numeric * 100)::bigint end,
    'total_refunded_cents', refunded,
    'financial_status', p ->> 'financial_status',
    'fulfillment_status', case p ->> 'fulfillment_status' when 'partial' then 'partial' when 'fulfilled' then 'fulfilled'
                            when 'restocked' then 'restocked' else 'unfulfilled' end,
    'landing_site', p ->> 'landing_site',
    'referring_site', p ->> 'referring_site',
    'source_name', p ->> 'source_name',
    'processed_at', coalesce(p ->> 'processed_at', p ->> 'created_at'),
    'cancelled_at', p ->> 'cancelled_at',
    'source_updated_at', p ->> 'updated_at',
    'visitor_id', visitor,
    'line_items', items));
end $$;
comment on function private.shopify_order(jsonb) is 'Maps a Shopify order payload to the shape public.upsert_orders takes; the visitor id comes from the cart attribute _visitor_id (or visitor_id) in note_attributes.';
