-- Inventory from the outside: reorder point arithmetic on a known demand series, what counts as
-- demand, weeks of supply, flags, settings, and access.
begin;
set search_path = extensions, public;
select plan(19);
select tests.without_demo_data();

select tests.two_workspaces();
with r as (insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, sku, title) values
  (tests.workspace_id('A'), 'p1', 'v1', 'BALM', 'Balm'),
  (tests.workspace_id('A'), 'p2', 'v2', 'SOAP', 'Soap'),
  (tests.workspace_id('B'), 'p1', 'v1', 'BALM', 'B balm') returning id, workspace_id, sku)
select tests.remember(sku, id) from r where workspace_id = tests.workspace_id('A');
-- A 7-day window before 2026-11-08 (days 1..7). BALM sells 2, 4, 0, 2, 6, 0, 0 -> 14 units.
insert into public.inventory_settings (workspace_id, demand_window_days, service_level_z)
  values (tests.workspace_id('A'), 7, 1.65);
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), jsonb_agg(o)) from (
  select jsonb_build_object('shopify_order_id', 'o' || d, 'currency', 'USD', 'total_price_cents', 100,
    'processed_at', format('2026-11-%s 12:00:00+00', lpad(d::text, 2, '0')),
    'line_items', jsonb_build_array(jsonb_build_object('shopify_variant_id', 'v1', 'quantity', q))) as o
  from (values (1, 2), (2, 4), (4, 2), (5, 6)) v(d, q)
) x;
-- Noise that must not count: a cancelled order, an order on the as_of day, another workspace's sale.
select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "cx", "currency": "USD", "total_price_cents": 1, "processed_at": "2026-11-03T12:00:00Z",
     "cancelled_at": "2026-11-03T13:00:00Z", "line_items": [{"shopify_variant_id": "v1", "quantity": 50}]},
    {"shopify_order_id": "today", "currency": "USD", "total_price_cents": 1, "processed_at": "2026-11-08T01:00:00Z",
     "line_items": [{"shopify_variant_id": "v1", "quantity": 50}]}]');
select public.upsert_orders(tests.workspace_id('B'),
  '[{"shopify_order_id": "b", "currency": "USD", "total_price_cents": 1, "processed_at": "2026-11-03T12:00:00Z",
     "line_items": [{"shopify_variant_id": "v1", "quantity": 70}]}]');
select tests.clear_authentication();
insert into public.supplier_lead_times (workspace_id, product_id, supplier_name, lead_time_days, is_primary) values
  (tests.workspace_id('A'), tests.id('BALM'), 'Slow Co', 9, true),
  (tests.workspace_id('A'), tests.id('BALM'), 'Fast Co', 4, false),
  (tests.workspace_id('A'), tests.id('SOAP'), 'Soap Co', 5, false);
insert into public.inventory_snapshots (workspace_id, product_id, location, day, on_hand) values
  (tests.workspace_id('A'), tests.id('BALM'), 'east', '2026-11-06', 100),
  (tests.workspace_id('A'), tests.id('BALM'), 'east', '2026-11-07', 15),
  (tests.workspace_id('A'), tests.id('BALM'), 'west', '2026-11-07', 5),
  (tests.workspace_id('A'), tests.id('BALM'), 'east', '2026-11-09', 999),
  (tests.workspace_id('A'), tests.id('SOAP'), 'east', '2026-11-07', 40);

-- ---------- a member recomputes as of 2026-11-08
select tests.authenticate_as('member-a');
select results_eq($$ select sku, on_hand, reorder_point from public.recompute_reorder_points(tests.workspace_id('A'), '2026-11-08') $$,
  $$ values ('BALM'::text, 20, 28.58::numeric) $$, 'the member gets the SKUs below their reorder point');
-- mean 2, population variance (4+16+0+4+36+0+0)/7 - 4 = 60/7 - 4 = 4.5714..., sigma 2.13809
select results_eq($$ select units_sold, avg_daily_demand, demand_stddev, lead_time_days from public.reorder_points
  where product_id = tests.id('BALM') $$,
  $$ values (14, 2.0000::numeric, 2.1381::numeric, 9.00::numeric) $$,
  'demand counts uncancelled orders of this workspace before as_of, zero days included; the primary supplier''s lead time');
select results_eq($$ select safety_stock, reorder_point, weeks_of_supply, below_reorder_point from public.reorder_points
  where product_id = tests.id('BALM') $$,
  $$ values (10.58::numeric, 28.58::numeric, 1.43::numeric, true) $$,
  'SS = 1.65 x 2.1381 x 3 = 10.58; ROP = 2 x 9 + 10.58; WOS = 20 / 14');
select results_eq($$ select units_sold, avg_daily_demand, reorder_point, weeks_of_supply, below_reorder_point
  from public.reorder_points where product_id = tests.id('SOAP') $$,
  $$ values (0, 0.0000::numeric, 0.00::numeric, null::numeric, false) $$,
  'no sales: reorder point 0, weeks of supply unknown, not flagged');
select is((select on_hand from public.reorder_points where product_id = tests.id('BALM')), 20,
  'on hand sums the locations'' latest snapshots on or before as_of');
select results_eq($$ select lead_time_days from public.reorder_points where product_id = tests.id('SOAP') $$,
  $$ values (5.00::numeric) $$, 'without a primary supplier the fastest one counts');
select is((select count(*)::int from public.reorder_points), 2, 'one row per product of the workspace');

-- ---------- viewers read, cannot recompute or write
select tests.authenticate_as('viewer-a');
select is((select count(*)::int from public.reorder_points), 2, 'viewer: reads reorder points');
select throws_ok($$ select * from public.recompute_reorder_points(tests.workspace_id('A'), '2026-11-08') $$,
  '42501', null, 'viewer: cannot recompute');
select throws_ok($$ insert into public.inventory_snapshots (workspace_id, product_id, day, on_hand)
  values (tests.workspace_id('A'), tests.id('SOAP'), '2026-11-08', 1) $$,
  '42501', null, 'viewer: cannot record stock');
select throws_ok($$ update public.reorder_points set below_reorder_point = false $$, '42501', null,
  'nobody writes computed reorder points through the API');

-- ---------- another workspace and anon
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.reorder_points $$, 'B member: A''s reorder points are invisible');
select is_empty($$ select * from public.inventory_snapshots $$, 'B member: A''s stock is invisible');
select is_empty($$ select * from public.supplier_lead_times $$, 'B member: A''s suppliers are invisible');
select throws_ok($$ select * from public.recompute_reorder_points(tests.workspace_id('A')) $$,
  '42501', null, 'B member: cannot recompute A');
select throws_ok($$ select private.compute_reorder_points(tests.workspace_id('A')) $$,
  '42501', null, 'B member: the private function refuses too');
select throws_ok($$ insert into public.inventory_snapshots (workspace_id, product_id, day, on_hand)
  values (tests.workspace_id('B'), tests.id('BALM'), '2026-11-08', 1) $$,
  '23503', null, 'B member: cannot record stock for A''s product in B');
select is_empty($$ delete from public.supplier_lead_times returning id $$, 'B member: deleting A''s suppliers touches nothing');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.reorder_points $$, '42501', null, 'anon cannot read reorder points');

select tests.clear_authentication();

select * from finish();
rollback;
