-- order.created / order.updated from a batch of orders (one fan-out per statement): each order
-- reaches each subscribed, enabled endpoint of its own workspace exactly once, with the payload
-- the row trigger sent; disabled, unsubscribed and other workspaces' endpoints get nothing.
begin;
set search_path = extensions, public;
select plan(7);

select tests.two_workspaces();
with r as (insert into public.webhook_endpoints (workspace_id, url, events, enabled) values
  (tests.workspace_id('A'), 'https://a.example.com/created', '{order.created}', true),
  (tests.workspace_id('A'), 'https://a.example.com/both', '{order.created,order.updated}', true),
  (tests.workspace_id('A'), 'https://a.example.com/off', '{order.created,order.updated}', false),
  (tests.workspace_id('B'), 'https://b.example.com/all', '{order.created,order.updated}', true) returning id, url)
select tests.remember(url, id) from r;

select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), '[
  {"shopify_order_id": "1001", "order_number": "#1001", "currency": "EUR", "total_price_cents": 4550, "financial_status": "paid", "processed_at": "2026-11-20T10:00:00Z"},
  {"shopify_order_id": "1002", "currency": "EUR", "total_price_cents": 1200, "processed_at": "2026-11-20T11:00:00Z"},
  {"shopify_order_id": "1003", "currency": "EUR", "total_price_cents": 990, "processed_at": "2026-11-20T12:00:00Z"}]');
select tests.clear_authentication();

-- 3 orders x 2 subscribed, enabled endpoints of workspace A.
select results_eq(
  $$ select e.url, count(*)::integer from public.webhook_deliveries d join public.webhook_endpoints e on e.id = d.endpoint_id
     where d.workspace_id = tests.workspace_id('A') and d.event_type = 'order.created' group by 1 order by 1 $$,
  $$ values ('https://a.example.com/both', 3), ('https://a.example.com/created', 3) $$,
  'a batch of 3 new orders: order.created once per order for each subscribed, enabled endpoint');
select is((select count(*)::integer from public.webhook_deliveries where endpoint_id in
             (tests.id('https://a.example.com/off'), tests.id('https://b.example.com/all'))), 0,
          'the disabled endpoint and the other workspace''s endpoint get nothing');
-- The payload, field by field as the per-row trigger built it (values from the batch above).
select is((select payload #- '{timestamp}' #- '{data,id}' #- '{data,processed_at}' from public.webhook_deliveries
           where endpoint_id = tests.id('https://a.example.com/created') and payload #>> '{data,shopify_order_id}' = '1001'),
          '{"type": "order.created", "data": {"shopify_order_id": "1001", "order_number": "#1001", "currency": "EUR",
            "total_price_cents": 4550, "financial_status": "paid"}}'::jsonb,
          'order.created carries the order''s id, number, currency, total and financial status');
select is((select (payload #>> '{data,id}')::uuid from public.webhook_deliveries
           where endpoint_id = tests.id('https://a.example.com/created') and payload #>> '{data,shopify_order_id}' = '1001'),
          (select id from public.orders where shopify_order_id = '1001'), 'data.id is the order''s id');
select is((select (payload #>> '{data,processed_at}')::timestamptz from public.webhook_deliveries
           where endpoint_id = tests.id('https://a.example.com/created') and payload #>> '{data,shopify_order_id}' = '1001'),
          '2026-11-20T10:00:00Z'::timestamptz, 'data.processed_at is the order''s');

-- Two of them change (an upsert's ON CONFLICT update): order.updated for those two, to the one
-- endpoint subscribed to it.
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), '[
  {"shopify_order_id": "1001", "currency": "EUR", "total_price_cents": 4550, "total_refunded_cents": 4550, "financial_status": "refunded", "processed_at": "2026-11-20T10:00:00Z"},
  {"shopify_order_id": "1002", "currency": "EUR", "total_price_cents": 1200, "financial_status": "paid", "processed_at": "2026-11-20T11:00:00Z"}]');
select tests.clear_authentication();
select results_eq(
  $$ select e.url, d.payload #>> '{data,shopify_order_id}', d.payload #>> '{data,financial_status}'
     from public.webhook_deliveries d join public.webhook_endpoints e on e.id = d.endpoint_id
     where d.workspace_id = tests.workspace_id('A') and d.event_type = 'order.updated' order by 2 $$,
  $$ values ('https://a.example.com/both', '1001', 'refunded'), ('https://a.example.com/both', '1002', 'paid') $$,
  'updating two orders queues order.updated for exactly those two, with their new status');
select is((select count(*)::integer from public.webhook_deliveries
           where workspace_id = tests.workspace_id('A') and event_type = 'order.created'), 6,
          'an update queues no new order.created');

select * from finish();
rollback;
