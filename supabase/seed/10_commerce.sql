-- Demo commerce: a tallow skincare brand's catalogue and 120 days of Shopify orders, written
-- through public.upsert_orders as the webhooks would (hashed emails, customers, line items,
-- UTMs parsed from landing pages). Deterministic: every value is arithmetic on the order's
-- number; dates are relative to the day the seed runs, so dashboards always show recent data.
insert into public.products (id, workspace_id, shopify_product_id, shopify_variant_id, sku, title, variant_title, price_cents, cost_cents)
values
  ('20000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '8001', '44001', 'TB-2OZ', 'Whipped Tallow Balm', '2 oz', 2800, 650),
  ('20000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '8001', '44002', 'TB-4OZ', 'Whipped Tallow Balm', '4 oz', 4400, 980),
  ('20000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '8002', '44003', 'LB-3PK', 'Tallow Lip Balm', 'Trio', 1800, 390),
  ('20000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', '8003', '44004', 'BB-8OZ', 'Tallow Body Butter', '8 oz', 5200, 1150),
  ('20000000-0000-4000-8000-000000000005', '10000000-0000-4000-8000-000000000001', '8004', '44005', 'SOAP-1', 'Tallow & Honey Bar Soap', null, 1400, 310),
  ('20000000-0000-4000-8000-000000000006', '10000000-0000-4000-8000-000000000001', '8005', '44006', 'GIFT-SET', 'The Starter Set', null, 6900, 1700)
on conflict do nothing;

insert into public.gift_card_products (workspace_id, shopify_product_id, shopify_variant_id, amount_cents, currency, min_order_subtotal_cents)
values ('10000000-0000-4000-8000-000000000001', '9001', '55001', 1000, 'USD', 12000)
on conflict do nothing;

-- Orders: about 14-30 a day with a weekend lift and a gentle upward trend; the landing page
-- carries the UTMs of the ad campaign that brought the visit (seed 20 creates those campaigns).
do $$
declare
  ws constant uuid := '10000000-0000-4000-8000-000000000001';
  chunk jsonb;
  d integer;
begin
  for d in select generate_series(0, 119, 10) loop
    with days as (
      select day_no, (current_date - 120 + day_no) as day
      from generate_series(d, least(d + 9, 119)) day_no
    ), orders as (
      select day_no, day, k,
             day_no * 100 + k as n,
             14 + day_no / 10 + case when extract(isodow from day) in (6, 7) then 6 else 0 end as per_day
      from days, generate_series(0, 40) k
    ), picked as (
      select o.*, (o.n * 7919) % 100 as r
      from orders o where o.k < o.per_day
    ), lines as (
      select p.n, jsonb_agg(jsonb_build_object(
               'shopify_product_id', pr.shopify_product_id, 'shopify_variant_id', pr.shopify_variant_id,
               'sku', pr.sku, 'title', pr.title, 'quantity', 1 + (p.n + i) % 2, 'price_cents', pr.price_cents)) as items,
             sum(pr.price_cents * (1 + (p.n + i) % 2))::bigint as subtotal
      from picked p
      cross join generate_series(0, (p.n % 3)) i
      join public.products pr on pr.workspace_id = ws
        and pr.sku = (array['TB-2OZ', 'TB-4OZ', 'LB-3PK', 'BB-8OZ', 'SOAP-1', 'GIFT-SET'])[1 + ((p.n * 31 + i * 17) % 6)]
      group by p.n
    )
    select jsonb_agg(jsonb_build_object(
      'shopify_order_id', (5000000 + p.n)::text,
      'order_number', '#' || (1000 + p.n),
      'email', 'customer' || ((p.n * 7919) % 420) || '@example.com',
      'shopify_customer_id', 'c-' || ((p.n * 7919) % 420),
      'currency', 'USD',
      'subtotal_cents', l.subtotal,
      'total_tax_cents', (l.subtotal * 8 / 100),
      'total_shipping_cents', case when l.subtotal >= 5000 then 0 else 595 end,
      'total_price_cents', l.subtotal + (l.subtotal * 8 / 100) + case when l.subtotal >= 5000 then 0 else 595 end,
      'total_refunded_cents', case when p.n % 37 = 0 then l.subtotal / 2 else 0 end,
      'financial_status', case when p.n % 37 = 0 then 'partially_refunded' else 'paid' end,
      'fulfillment_status', case when p.day < current_date - 3 then 'fulfilled' else 'unfulfilled' end,
      'processed_at', (p.day + make_interval(hours => 8 + (p.n * 13) % 14, mins => (p.n * 7) % 60)),
      'source_updated_at', (p.day + make_interval(hours => 23)),
      'landing_site', case
        when p.r < 24 then '/products/whipped-tallow-balm?utm_source=facebook&utm_medium=paid_social&utm_campaign=meta-prospecting-balm&fbclid=fb' || p.n
        when p.r < 34 then '/cart?utm_source=facebook&utm_medium=paid_social&utm_campaign=meta-retargeting&fbclid=fb' || p.n
        when p.r < 44 then '/?utm_source=google&utm_medium=cpc&utm_campaign=google-brand-search&gclid=gc' || p.n
        when p.r < 56 then '/products/tallow-body-butter?utm_source=google&utm_medium=cpc&utm_campaign=google-shopping&gclid=gs' || p.n
        when p.r < 64 then '/products/tallow-lip-balm?utm_source=tiktok&utm_medium=paid_social&utm_campaign=tiktok-ugc-spark&ttclid=tt' || p.n
        when p.r < 76 then '/?utm_source=klaviyo&utm_medium=email&utm_campaign=weekly-newsletter'
        else '/' end,
      'line_items', l.items)) into chunk
    from picked p join lines l on l.n = p.n;
    perform public.upsert_orders(ws, chunk);
  end loop;
end $$;
