CREATE OR REPLACE FUNCTION public.upsert_orders(p_workspace_id uuid, p_orders jsonb)
 RETURNS TABLE(inserted integer, updated integer, unchanged integer)
 LANGUAGE plpgsql
 SET search_path TO ''
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
declare
  o jsonb;
  idx bigint;
  problem text;
  dup text;
  n_total integer;
  n_ins integer;
  n_upd integer;
  n_items bigint;
  big record;
  touched uuid[];
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if jsonb_typeof(p_orders) is distinct from 'array' then
    raise exception 'p_orders must be a JSON array of orders' using errcode = '22023';
  end if;
  -- Counts first: nothing costly happens to a batch over the caps.
  n_total := jsonb_array_length(p_orders);
  perform private.require_batch_size('orders', n_total, 500);
  select e.ordinality - 1 as idx, jsonb_array_length(e.value -> 'line_items') as n into big
  from jsonb_array_elements(p_orders) with ordinality e
  where jsonb_typeof(e.value -> 'line_items') = 'array' and jsonb_array_length(e.value -> 'line_items') > 250
  limit 1;
  if found then
    perform private.require_batch_size(format('line items in orders[%s]', big.idx), big.n, 250);
  end if;
  select coalesce(sum(jsonb_array_length(e.value -> 'line_items')), 0) into n_items
  from jsonb_array_elements(p_orders) e where jsonb_typeof(e.value -> 'line_items') = 'array';
  perform private.require_batch_size('line items', n_items, 10000);
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  -- A key twice in one batch is refused before any order is looked at (keys compare trimmed,
  -- as they are stored).
  select btrim(e.value ->> 'shopify_order_id') into dup
  from jsonb_array_elements(p_orders) e
  where jsonb_typeof(e.value) = 'object' and nullif(btrim(e.value ->> 'shopify_order_id'), '') is not null
  group by 1 having count(*) > 1 limit 1;
  if dup is not null then
    raise exception 'orders: shopify_order_id % appears more than once in the batch', dup using errcode = '22023';
  end if;

  -- Validate everything first: one bad row rejects the whole batch, nothing is written.
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(p_orders) with ordinality e loop
    problem := coalesce(private.order_problem(o), private.order_visitor_problem(o));
    if problem is not null then
      raise exception 'orders[%].%', idx, problem using errcode = '22023';
    end if;
  end loop;

  -- Customers known to Shopify: one upsert for the batch (the last order's hashes win for a
  -- customer that appears twice); a customer whose hashes would not change is not rewritten.
  insert into public.customers as c (workspace_id, shopify_customer_id, email_sha256, phone_sha256, currency)
  select distinct on (s.scid) p_workspace_id, s.scid, s.e_hash, s.p_hash, s.currency
  from (select btrim(e.value ->> 'shopify_customer_id') as scid, private.email_sha256(e.value ->> 'email') as e_hash,
               private.phone_sha256(e.value ->> 'phone') as p_hash, e.value ->> 'currency' as currency, e.ordinality as n
        from jsonb_array_elements(p_orders) with ordinality e) s
  where nullif(s.scid, '') is not null
  order by s.scid, s.n desc
  on conflict (workspace_id, shopify_customer_id) do update
    set email_sha256 = coalesce(excluded.email_sha256, c.email_sha256),
        phone_sha256 = coalesce(excluded.phone_sha256, c.phone_sha256)
    where (c.email_sha256, c.phone_sha256) is distinct from
          (coalesce(excluded.email_sha256, c.email_sha256), coalesce(excluded.phone_sha256, c.phone_sha256));

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
  -- (newest version wins; an order that would not change is left alone), replace the line
  -- items of the orders written now.
  with src as (
    select e.ordinality as n, e.value as o, btrim(e.value ->> 'shopify_order_id') as sid, h.e_hash,
           case when nullif(btrim(e.value ->> 'shopify_customer_id'), '') is not null
                then (select c.id from public.customers c
                      where c.workspace_id = p_workspace_id and c.shopify_customer_id = btrim(e.value ->> 'shopify_customer_id'))
                when h.e_hash is not null
                then (select c.id from public.customers c
                      where c.workspace_id = p_workspace_id and c.email_sha256 = h.e_hash order by c.created_at limit 1)
           end as cust_id,
           prev.customer_id as prev_cust,
           -- Sent line items that differ from the stored ones (a multiset of their fields).
           jsonb_typeof(e.value -> 'line_items') = 'array' and (
             prev.id is null
             or (select array_agg(x.r order by x.r)
                 from (select row(li.shopify_product_id, li.shopify_variant_id, li.sku, li.title, li.quantity,
                                  li.price_cents)::text as r
                       from public.order_line_items li where li.order_id = prev.id) x)
                is distinct from
                (select array_agg(x.r order by x.r)
                 from (select row(li.value ->> 'shopify_product_id', li.value ->> 'shopify_variant_id',
                                  li.value ->> 'sku', li.value ->> 'title', (li.value ->> 'quantity')::integer,
                                  coalesce((li.value ->> 'price_cents')::bigint, 0))::text as r
                       from jsonb_array_elements(e.value -> 'line_items') li) x)
           ) as items_changed
    from jsonb_array_elements(p_orders) with ordinality e
    cross join lateral (select private.email_sha256(e.value ->> 'email') as e_hash) h
    left join lateral (select o2.id, o2.customer_id from public.orders o2
                       where o2.workspace_id = p_workspace_id
                         and o2.shopify_order_id = btrim(e.value ->> 'shopify_order_id')) prev on true
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
    where (t.source_updated_at is null or excluded.source_updated_at is null
           or excluded.source_updated_at >= t.source_updated_at)
      and ((t.order_number, t.customer_id, t.email_sha256, t.currency, t.subtotal_cents, t.total_discounts_cents,
            t.total_tax_cents, t.total_shipping_cents, t.total_price_cents, t.total_refunded_cents,
            t.financial_status, t.fulfillment_status, t.landing_site, t.referring_site, t.source_name,
            t.utm_source, t.utm_medium, t.utm_campaign, t.utm_content, t.utm_term, t.gclid, t.fbclid, t.ttclid,
            t.processed_at, t.cancelled_at, t.source_updated_at, t.visitor_id)
           is distinct from
           (excluded.order_number, coalesce(excluded.customer_id, t.customer_id),
            coalesce(excluded.email_sha256, t.email_sha256), excluded.currency, excluded.subtotal_cents,
            excluded.total_discounts_cents, excluded.total_tax_cents, excluded.total_shipping_cents,
            excluded.total_price_cents, excluded.total_refunded_cents, excluded.financial_status,
            excluded.fulfillment_status, excluded.landing_site, excluded.referring_site, excluded.source_name,
            excluded.utm_source, excluded.utm_medium, excluded.utm_campaign, excluded.utm_content,
            excluded.utm_term, excluded.gclid, excluded.fbclid, excluded.ttclid, excluded.processed_at,
            excluded.cancelled_at, excluded.source_updated_at, coalesce(excluded.visitor_id, t.visitor_id))
           or exists (select 1 from src s where s.sid = excluded.shopify_order_id and s.items_changed))
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
  -- an order was written for or moved away from; a total that is already right stays untouched.
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
  where c.id = s.id
    and (c.orders_count, c.total_spent_cents, c.first_order_at, c.last_order_at)
        is distinct from (coalesce(s.n, 0), coalesce(s.net, 0), s.first_at, s.last_at);

  return query select n_ins, n_upd, n_total - n_ins - n_upd;
end $function$;
comment on function public.upsert_orders(uuid,jsonb) is 'Upserts a batch of orders (at most 500 orders, 250 line items per order and 10,000 line items per call: PT413 above, checked before any other work) for one workspace, set-based: customers by Shopify id or email hash, orders newest-version-wins (with the storefront visitor_id; a version without one keeps the known id), line items replaced when they differ, customer totals recounted. An order identical to the stored one (columns and line items) is not written and counts as unchanged, as do older versions. All or nothing: a bad order or a repeated shopify_order_id rejects the batch (22023, naming index and field). For connectors (service_role) and members.';
grant execute on function public.upsert_orders(uuid,jsonb) to authenticated;
grant execute on function public.upsert_orders(uuid,jsonb) to service_role;
