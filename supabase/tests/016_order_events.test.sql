-- order.created / order.updated from a batch of orders (one fan-out per statement): each order
-- reaches each subscribed, enabled endpoint of its own workspace exactly once, with the payload
-- the row trigger sent; disabled, unsubscribed and other workspaces' endpoints get nothing.
begin;
set search_path = extensions, public;
select plan(7);

select tests.two_workspaces();
insert into public.webhook_endpoints (id, workspace_id, url, events, enabled) values
  ('e0000000-0000-4000-8000-000000000001', tests.workspace_id('A'), 'https://a.example.com/created', '{order.created}', true),
  ('e0000000-0000-4000-8000-000000000002', tests.workspace_id('A'), 'https://a.example.com/both', '{order.created,order.updated}', true),
  ('e0000000-0000-4000-8000-000000000003', tests.workspace_id('A'), 'https://a.example.com/off', '{order.created,order.updated}', false),
  ('e0000000-0000-4000-8000-000000000004', tests.workspace_id('B'), 'https://b.example.com/all', '{order.created,order.updated}', true);

select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), '[
  {"shopify_order_id": "1001", "order_number": "#1001", "currency": "EUR", "total_price_cents": 4550, "financial_status": "paid", "processed_at": "2026-11-20T10:00:00Z"},
  {"shopify_order_id": "1002", "currency": "EUR", "total_price_cents": 1200, "processed_at": "2026-11-20T11:00:00Z"},
  {"shopify_order_id": "1003", "currency": "EUR", "total_price_cents": 990, "processed_at": "2026-11-20T12:00:00Z"}]');
select tests.clear_authentication();

-- 3 orders x 2 subscribed, enabled endpoints of workspace A.
select results_eq(
  $$ select endpoint_id::text, count(*)::integer from public.webhook_deliveries
     where workspace_id = tests.workspace_id('A') and event_type = 'order.created' group by 1 order by 1 $$,
  $$ values ('e0000000-0000-4000-8000-000000000001', 3), ('e0000000-0000-4000-8000-000000000002', 3) $$,
  'a batch of 3 new orders: order.created once per order for each subscribed, enabled endpoint');
select is((select count(*)::integer from public.webhook_deliveries where endpoint_id in
             ('e0000000-0000-4000-8000-000000000003', 'e0000000-0000-4000-8000-000000000004')), 0,
          'the disabled endpoint and the other workspace''s endpoint get nothing');
-- The payload, field by field as the per-row trigger built it (values from the batch above).
select is((select payload #- '{timestamp}' #- '{data,id}' #- '{data,processed_at}' from public.webhook_deliveries
           where endpoint_id = 'e0000000-0000-4000-8000-000000000001' and payload #>> '{data,shopify_order_id}' = '1001'),
          '{"type": "order.created", "data": {"shopify_order_id": "1001", "order_number": "#1001", "currency": "EUR",
            "total_price_cents": 4550, "financial_status": "paid"}}'::jsonb,
          'order.created carries the order''s id, number, currency, total and financial status');
select is((select (payload #>> '{data,id}')::uuid from public.webhook_deliveries
           where endpoint_id = 'e0000000-0000-4000-8000-000000000001' and payload #>> '{data,shopify_order_id}' = '1001'),
          (select id from public.orders where shopify_order_id = '1001'), 'data.id is the order''s id');
select is((select (payload #>> '{data,processed_at}')::timestamptz from public.webhook_deliveries
           where endpoint_id = 'e0000000-0000-4000-8000-000000000001' and payload #>> '{data,shopify_order_id}' = '1001'),
          '2026-11-20T10:00:00Z'::timestamptz, 'data.processed_at is the order''s');

-- Two of them change (an upsert's ON CONFLICT update): order.updated for those two, to the one
-- endpoint subscribed to it.
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), '[
  {"shopify_order_id": "1001", "currency": "EUR", "total_price_cents": 4550, "total_refunded_cents": 4550, "financial_status": "refunded", "processed_at": "2026-11-20T10:00:00Z"},
  {"shopify_order_id": "1002", "currency": "EUR", "total_price_cents": 1200, "financial_status": "paid", "processed_at": "2026-11-20T11:00:00Z"}]');
select tests.clear_authentication();
select results_eq(
  $$ select endpoint_id::text, payload #>> '{data,shopify_order_id}', payload #>> '{data,financial_status}'
     from public.webhook_deliveries
     where workspace_id = tests.workspace_id('A') and event_type = 'order.updated' order by 2 $$,
  $$ values ('e0000000-0000-4000-8000-000000000002', '1001', 'refunded'), ('e0000000-0000-4000-8000-000000000002', '1002', 'paid') $$,
  'updating two orders queues order.updated for exactly those two, with their new status');
select is((select count(*)::integer from public.webhook_deliveries
           where workspace_id = tests.workspace_id('A') and event_type = 'order.created'), 6,
          'an update queues no new order.created');

select * from finish();
rollback;
