-- Demo experiments and attribution for the demo brand (after the commerce and ads seeds).
-- * Attribution: every demo customer browses on two devices (a phone and a laptop visitor, both
--   stitched to the customer's identity); each order of the last 90 days gets a journey: a
--   discovery touch days before (Meta, TikTok, organic search or a referral), for some an email
--   or brand-search touch in between, and the last touch that matches the order's own landing
--   UTMs. Plus anonymous browsing that never converts. Credited for all five models, so the
--   attribution report shows ROAS per channel and campaign against the ads seed's spend.
-- * Experiments: "hero-image" ran for three weeks, ended a month ago, and has a significant
--   winner; "free-shipping-threshold" has run for 14 days with three variants, purchases from
--   orders carrying the visitor id, and CUPED from the customers' earlier orders.
-- * Pixel events for the last 7 days of orders with realistic delivery gaps, and the hourly
--   accuracy rollup.
-- Deterministic: arithmetic on row numbers only; times relative to when the seed runs.
do $$
declare
  ws constant uuid := '10000000-0000-4000-8000-000000000001';
  hero constant uuid := '40000000-0000-4000-8000-000000000001';
  ship constant uuid := '40000000-0000-4000-8000-000000000002';
  chunk jsonb;
  k integer;
begin
  if exists (select 1 from public.experiments where id = hero) then
    return;
  end if;

  -- ===== attribution: two devices per customer, stitched to the customer's identity
  insert into public.customer_identities (workspace_id, customer_id, first_seen_at, last_seen_at)
  select c.workspace_id, c.id, coalesce(c.first_order_at, now()) - interval '20 days', coalesce(c.last_order_at, now())
  from public.customers c where c.workspace_id = ws
  on conflict (customer_id) do nothing;
  insert into public.visitors (workspace_id, visitor_id, identity_id, first_seen_at, last_seen_at, identified_at)
  select ws, 'dv-' || c.shopify_customer_id || '-' || d.device, i.id, i.first_seen_at, i.last_seen_at, i.first_seen_at + interval '20 days'
  from public.customers c
  join public.customer_identities i on i.customer_id = c.id
  cross join (values ('phone'), ('laptop')) d (device)
  where c.workspace_id = ws and c.shopify_customer_id is not null
  on conflict (workspace_id, visitor_id) do nothing;
  insert into public.customer_devices (workspace_id, visitor_id, fingerprint, device_type, browser, os, first_seen_at, last_seen_at)
  select v.workspace_id, v.visitor_id, md5(v.visitor_id), case when v.visitor_id like '%-phone' then 'mobile' else 'desktop' end::public.device_type,
         case when v.visitor_id like '%-phone' then 'Safari' else 'Chrome' end, case when v.visitor_id like '%-phone' then 'iOS' else 'macOS' end,
         v.first_seen_at, v.last_seen_at
  from public.visitors v where v.workspace_id = ws and v.visitor_id like 'dv-%'
  on conflict do nothing;

  -- journeys for the orders of the last 90 days
  with o as (
    select o.*, (o.shopify_order_id::bigint - 5000000)::int as n, c.shopify_customer_id as cust
    from public.orders o join public.customers c on c.id = o.customer_id
    where o.workspace_id = ws and o.processed_at >= now() - interval '90 days' and o.shopify_order_id ~ '^5\d{6}$'
  ), touches as (
    -- discovery, on the phone, 2-10 days before
    select o.cust, 'phone' as device, o.processed_at - make_interval(days => 2 + (o.n * 13) % 9, hours => (o.n * 7) % 24) as at,
           d.source, d.medium, d.campaign, d.url
    from o cross join lateral (
      select * from (values
        (0, 'facebook', 'paid_social', 'meta-prospecting-balm', '/products/whipped-tallow-balm?utm_source=facebook&utm_medium=paid_social&utm_campaign=meta-prospecting-balm&fbclid=d'),
        (1, 'tiktok', 'paid_social', 'tiktok-ugc-spark', '/products/tallow-lip-balm?utm_source=tiktok&utm_medium=paid_social&utm_campaign=tiktok-ugc-spark&ttclid=d'),
        (2, 'google', 'organic', null, '/blogs/tallow-for-eczema?utm_source=google&utm_medium=organic'),
        (3, 'facebook', 'paid_social', 'meta-prospecting-balm', '/?utm_source=facebook&utm_medium=paid_social&utm_campaign=meta-prospecting-balm&fbclid=d'),
        (4, 'google', 'cpc', 'google-shopping', '/products/tallow-body-butter?utm_source=google&utm_medium=cpc&utm_campaign=google-shopping&gclid=d'),
        (5, 'wirecutter.example', 'referral', null, '/pages/press?utm_source=wirecutter.example&utm_medium=referral')
      ) x (k, source, medium, campaign, url) where x.k = (o.n * 31) % 6) d
    where o.n % 4 <> 0
    union all
    -- a middle touch for some: the newsletter or brand search, on the laptop, a day or two before
    select o.cust, 'laptop', o.processed_at - make_interval(days => 1 + o.n % 2, hours => (o.n * 5) % 12),
           case when o.n % 2 = 0 then 'klaviyo' else 'google' end, case when o.n % 2 = 0 then 'email' else 'cpc' end,
           case when o.n % 2 = 0 then 'weekly-newsletter' else 'google-brand-search' end,
           case when o.n % 2 = 0 then '/?utm_source=klaviyo&utm_medium=email&utm_campaign=weekly-newsletter'
                else '/?utm_source=google&utm_medium=cpc&utm_campaign=google-brand-search&gclid=m' end
    from o where o.n % 3 = 0
    union all
    -- the landing of the ordering session, on the laptop, minutes before
    select o.cust, 'laptop', o.processed_at - make_interval(mins => 5 + (o.n * 11) % 50),
           o.utm_source, o.utm_medium, o.utm_campaign, coalesce(o.landing_site, '/')
    from o
  )
  insert into public.touchpoints (workspace_id, visitor_id, channel, source, medium, campaign, gclid, fbclid, ttclid, landing_url, occurred_at)
  select ws, 'dv-' || t.cust || '-' || t.device,
         private.classify_channel(t.source, t.medium, private.url_param(t.url, 'gclid'), private.url_param(t.url, 'fbclid'),
                                  private.url_param(t.url, 'ttclid'), null),
         t.source, t.medium, t.campaign, private.url_param(t.url, 'gclid'), private.url_param(t.url, 'fbclid'),
         private.url_param(t.url, 'ttclid'), 'https://demo-brand.example' || t.url, t.at
  from touches t;

  -- anonymous browsing that never converts
  insert into public.visitors (workspace_id, visitor_id, first_seen_at, last_seen_at)
  select ws, 'anon-' || i, now() - make_interval(days => i % 90, hours => (i * 7) % 24),
         now() - make_interval(days => i % 90, hours => (i * 7) % 24)
  from generate_series(1, 3000) i;
  insert into public.touchpoints (workspace_id, visitor_id, channel, source, medium, campaign, landing_url, referrer, occurred_at)
  select ws, 'anon-' || i,
         private.classify_channel(x.source, x.medium, null, null, null, x.referrer), coalesce(x.source, private.url_host(x.referrer)),
         x.medium, x.campaign, 'https://demo-brand.example/' || coalesce('?utm_campaign=' || x.campaign, ''), x.referrer,
         now() - make_interval(days => i % 90, hours => (i * 7) % 24)
  from generate_series(1, 3000) i
  cross join lateral (
    select * from (values
      (0, 'facebook', 'paid_social', 'meta-prospecting-balm', null), (1, 'tiktok', 'paid_social', 'tiktok-ugc-spark', null),
      (2, null, null, null, 'https://www.google.com/'), (3, 'google', 'cpc', 'google-shopping', null),
      (4, null, null, null, 'https://www.instagram.com/'), (5, null, null, null, null), (6, 'facebook', 'paid_social', 'meta-retargeting', null)
    ) v (k, source, medium, campaign, referrer) where v.k = (i * 17) % 7) x;

  insert into public.attribution_settings (workspace_id, lookback_days, time_decay_half_life_days)
  values (ws, 30, 7) on conflict do nothing;

  -- ===== experiment 1: finished, with a significant winner
  insert into public.experiments (id, workspace_id, key, name, hypothesis, goal_event, primary_metric, confidence_level,
                                  sequential_testing, created_by)
  values (hero, ws, 'hero-image', 'Homepage hero: lifestyle photo',
          'A lifestyle photo of the balm in use makes more visitors add to cart than the studio packshot.',
          'add_to_cart', 'conversion_rate', 0.95, false, '00000000-0000-4000-8000-000000000003');
  insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control, url, config) values
    (ws, hero, 'control', 'Studio packshot', 50, true, null, '{"hero": "packshot.jpg"}'),
    (ws, hero, 'lifestyle', 'Lifestyle photo', 50, false, null, '{"hero": "lifestyle-beach.jpg"}');
  update public.experiments set status = 'running' where id = hero;
  insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id, assigned_at)
  select ws, hero, 'hero-' || i, r.variant_id, now() - interval '52 days' + make_interval(hours => (i * 8) % 504)
  from generate_series(1, 4400) i
  join private.experiment_variant_ranges(hero) r
    on private.experiment_bucket('hero-image', 'hero-' || i) >= r.range_start
   and private.experiment_bucket('hero-image', 'hero-' || i) < r.range_end;
  insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, occurred_at)
  select a.workspace_id, a.experiment_id, a.variant_id, a.visitor_id, 'exposure', a.assigned_at
  from public.experiment_assignments a where a.experiment_id = hero;
  insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, value_cents, currency, occurred_at)
  select a.workspace_id, a.experiment_id, a.variant_id, a.visitor_id, 'add_to_cart', 2800 + (n * 1600) % 4100, 'USD',
         a.assigned_at + make_interval(mins => 2 + n % 40)
  from public.experiment_assignments a
  join public.experiment_variants v on v.id = a.variant_id
  cross join lateral (select split_part(a.visitor_id, '-', 2)::int as n) x
  where a.experiment_id = hero and abs(hashtext('atc:' || a.visitor_id)) % 1000 < case when v.is_control then 100 else 150 end;
  update public.experiments set status = 'completed' where id = hero;

  -- ===== experiment 2: running for 14 days, purchases from orders, CUPED from earlier orders
  insert into public.experiments (id, workspace_id, key, name, hypothesis, goal_event, primary_metric, traffic_percentage,
                                  targeting_rules, created_by)
  values (ship, ws, 'free-shipping-threshold', 'Free shipping threshold',
          'A lower free-shipping threshold raises revenue per visitor more than it costs in shipping.',
          'purchase', 'revenue_per_visitor', 90, '[{"field": "country", "op": "in", "value": ["US"]}]',
          '00000000-0000-4000-8000-000000000002');
  insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control, config) values
    (ws, ship, 'at-50', 'Free shipping over $50', 34, true, '{"threshold_cents": 5000}'),
    (ws, ship, 'at-40', 'Free shipping over $40', 33, false, '{"threshold_cents": 4000}'),
    (ws, ship, 'at-35', 'Free shipping over $35', 33, false, '{"threshold_cents": 3500}');
  update public.experiments set status = 'running' where id = ship;
  -- returning customers (their laptop visitors) and new visitors, bucketed as the RPC would
  insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id, assigned_at)
  select ws, ship, s.visitor_id, r.variant_id, now() - make_interval(days => s.i % 14, hours => 1 + (s.i * 5) % 20)
  from (select (row_number() over (order by v.visitor_id))::int as i, v.visitor_id from public.visitors v
        where v.workspace_id = ws and v.visitor_id like 'dv-%-laptop'
        union all
        select 1000 + i, 'fs-' || i from generate_series(1, 2600) i) s
  join private.experiment_variant_ranges(ship) r
    on private.experiment_bucket('free-shipping-threshold', s.visitor_id) >= r.range_start
   and private.experiment_bucket('free-shipping-threshold', s.visitor_id) < r.range_end;
  insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, occurred_at)
  select a.workspace_id, a.experiment_id, a.variant_id, a.visitor_id, 'exposure', a.assigned_at
  from public.experiment_assignments a where a.experiment_id = ship;
  -- orders carrying the visitor id (as the cart attribute would), after the assignment
  for k in 0..3 loop
    select jsonb_agg(jsonb_build_object(
      'shopify_order_id', 'fs-' || p.h, 'order_number', '#FS' || p.h, 'currency', 'USD',
      'email', case when p.cust is not null then 'customer' || substr(p.cust, 3) || '@example.com' end,
      'shopify_customer_id', p.cust,
      'total_price_cents', p.cents, 'subtotal_cents', p.cents, 'financial_status', 'paid',
      'processed_at', least(p.assigned_at + make_interval(hours => 1 + p.h % 30), now() - interval '5 minutes'),
      'landing_site', '/cart?utm_source=klaviyo&utm_medium=email&utm_campaign=weekly-newsletter',
      'visitor_id', p.visitor_id,
      -- one item, as every Shopify order has at least one line
      'line_items', jsonb_build_array(jsonb_build_object('shopify_product_id', pr.shopify_product_id,
        'shopify_variant_id', pr.shopify_variant_id, 'sku', pr.sku, 'title', pr.title, 'quantity', 1,
        'price_cents', p.cents)))) into chunk
    from (
      select a.visitor_id, a.assigned_at, abs(hashtext(a.visitor_id)) as h,
             case when a.visitor_id like 'dv-%' then split_part(a.visitor_id, '-', 2) || '-' || split_part(a.visitor_id, '-', 3) end as cust,
             3600 + (abs(hashtext(a.visitor_id)) % 37) * 100 + case v.key when 'at-35' then 300 when 'at-40' then 500 else 0 end as cents
      from public.experiment_assignments a join public.experiment_variants v on v.id = a.variant_id
      where a.experiment_id = ship
        -- returning customers buy far more often than new visitors (what CUPED's covariate captures)
        and abs(hashtext(a.visitor_id)) % 1000 < case v.key when 'at-50' then 45 when 'at-40' then 52 else 55 end
                                                 + case when a.visitor_id like 'dv-%' then 260 else 0 end
        and abs(hashtext(a.visitor_id)) % 4 = k
    ) p
    cross join lateral (select x.shopify_product_id, x.shopify_variant_id, x.sku, x.title from public.products x
                        where x.workspace_id = ws order by x.sku limit 1 offset p.h % 5) pr;
    perform public.upsert_orders(ws, chunk);
  end loop;
  -- backdate the start (the status trigger stamps now())
  set local session_replication_role = replica;
  update public.experiments set started_at = now() - interval '52 days', ended_at = now() - interval '31 days' where id = hero;
  update public.experiments set started_at = now() - interval '14 days' where id = ship;
  set local session_replication_role = origin;

  -- ===== pixel events for the last 7 days of orders, and their accuracy
  insert into public.pixel_events (workspace_id, event_id, event_name, visitor_id, shopify_order_id, value_cents, currency,
                                   ga4_status, meta_status, tiktok_status, last_error, occurred_at)
  select o.workspace_id, 'purchase-' || o.shopify_order_id, 'purchase', o.visitor_id, o.shopify_order_id, o.total_price_cents, o.currency,
         case when h % 100 < 97 then 'sent' else 'failed' end::public.pixel_delivery_status,
         case when h % 100 < 91 then 'sent' when h % 100 < 95 then 'failed' else 'pending' end::public.pixel_delivery_status,
         case when h % 100 < 84 then 'sent' when h % 100 < 90 then 'failed' else 'skipped' end::public.pixel_delivery_status,
         case when h % 100 between 91 and 94 then 'meta: (#100) Invalid parameter' end,
         o.processed_at + interval '3 seconds'
  from (select o.*, abs(hashtext(o.shopify_order_id)) as h from public.orders o
        where o.workspace_id = ws and o.processed_at >= now() - interval '7 days') o
  -- about 4% of orders never fire the browser pixel (ad blockers)
  where o.h % 25 <> 0;

  perform private.rebuild_attribution_credits(ws);
  perform private.rebuild_experiment_rollup();
  perform private.store_experiment_results(ship);
  perform private.refresh_pixel_accuracy('-infinity', ws);
end $$;
