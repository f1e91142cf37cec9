-- The inbound webhook pipeline: store once (the ack), process in batches in arrival order,
-- newest order version wins, a bad order cannot hold a batch back, retries and dead letters,
-- and what admins see. Expected values are counted by hand from the events sent.
begin;
set search_path = extensions, public;
select plan(20);
select tests.without_demo_data();
select tests.two_workspaces();
insert into public.integration_connections (workspace_id, provider, external_account_id, status)
values (tests.workspace_id('A'), 'shopify', 'pipe-a.myshopify.com', 'active');

create function pg_temp.order_payload(p_id text, p_total text, p_updated text) returns jsonb language sql as $$
  select jsonb_build_object('id', p_id, 'name', '#' || p_id, 'currency', 'USD', 'total_price', p_total,
    'processed_at', '2026-11-01T10:00:00Z', 'updated_at', p_updated, 'email', 'pipe@example.com', 'customer', jsonb_build_object('id', 77))
$$;
grant execute on function pg_temp.order_payload(text, text, text) to service_role;
select tests.authenticate_as_service_role();

-- ---------- the ack: stored once, a redelivery counted, an unknown shop kept as ignored
select is(private.store_shopify_webhook('p-1', 'orders/create', 'pipe-a.myshopify.com', repeat('1', 64),
  pg_temp.order_payload('9001', '10.00', '2026-11-01T10:00:00Z')), 'accepted', 'a delivery for a connected shop is accepted');
select is(private.store_shopify_webhook('p-1', 'orders/create', 'pipe-a.myshopify.com', repeat('1', 64),
  pg_temp.order_payload('9001', '10.00', '2026-11-01T10:00:00Z')), 'duplicate', 'its redelivery is a duplicate');
select is(private.store_shopify_webhook('p-x', 'orders/create', 'nobody.myshopify.com', repeat('2', 64), '{"id": 1}'),
  'ignored', 'a shop no workspace has installed is kept as ignored');
select tests.clear_authentication();
select results_eq($$ select status::text, attempts, process_attempts from private.webhook_events where external_id = 'p-1' $$,
  $$ values ('pending', 2, 0) $$, 'stored as pending, two deliveries, not yet processed');
select is((select count(*)::int from public.orders where workspace_id = tests.workspace_id('A') and shopify_order_id = '9001'), 0,
  'nothing is processed at ack time');
select ok(exists (select 1 from net.http_request_queue where url like '%/functions/v1/webhook-process'),
  'storing woke the processor through pg_net');

-- ---------- a batch: two versions of one order (the newer arrives first), another order, a bad one
select tests.authenticate_as_service_role();
select private.store_shopify_webhook('p-2', 'orders/updated', 'pipe-a.myshopify.com', repeat('3', 64),
  pg_temp.order_payload('9001', '12.00', '2026-11-01T12:00:00Z'));
select private.store_shopify_webhook('p-3', 'orders/updated', 'pipe-a.myshopify.com', repeat('4', 64),
  pg_temp.order_payload('9001', '11.00', '2026-11-01T11:00:00Z'));
select private.store_shopify_webhook('p-4', 'orders/create', 'pipe-a.myshopify.com', repeat('5', 64),
  pg_temp.order_payload('9002', '5.00', '2026-11-01T10:00:00Z'));
select is((private.process_webhook_events(500) ->> 'processed')::int, 4, 'one round processes the four order events');
select tests.clear_authentication();
select results_eq($$ select shopify_order_id, total_price_cents from public.orders
                     where workspace_id = tests.workspace_id('A') order by 1 $$,
  $$ values ('9001', 1200::bigint), ('9002', 500::bigint) $$,
  'the newest version of 9001 (updated 12:00, total 12.00) wins whatever the arrival order');
select is((select orders_count from public.customers where workspace_id = tests.workspace_id('A') and shopify_customer_id = '77'),
  2, 'customer totals count both orders');
select is((select count(*)::int from private.webhook_events where external_id in ('p-1', 'p-2', 'p-3', 'p-4') and status = 'processed'),
  4, 'every version is marked processed');

select tests.authenticate_as_service_role();
select private.store_shopify_webhook('p-5', 'orders/create', 'pipe-a.myshopify.com', repeat('6', 64),
  pg_temp.order_payload('9003', '7.00', '2026-11-02T10:00:00Z'));
select private.store_shopify_webhook('p-6', 'orders/create', 'pipe-a.myshopify.com', repeat('7', 64),
  pg_temp.order_payload('9004', '-3.00', '2026-11-02T10:00:00Z'));
select private.store_shopify_webhook('p-7', 'orders/create', 'pipe-a.myshopify.com', repeat('8', 64),
  pg_temp.order_payload('9005', '9.00', '2026-11-02T10:00:00Z'));
select is(private.process_webhook_events(500) - 'busy' - 'claimed', '{"processed": 2, "failed": 1}'::jsonb,
  'a refused batch is retried event by event: two processed, the bad one failed');
select tests.clear_authentication();
select results_eq($$ select external_id, status::text, error like 'orders[0].total_price_cents%' from private.webhook_events
                     where external_id in ('p-5', 'p-6', 'p-7') order by 1 $$,
  $$ values ('p-5', 'processed', null::boolean), ('p-6', 'dead', true), ('p-7', 'processed', null) $$,
  'a payload that can never pass is dead at once, with the reason');
select is((select count(*)::int from public.orders where workspace_id = tests.workspace_id('A') and shopify_order_id in ('9003', '9005')), 2, 'the good orders are in');

-- ---------- retries: a failure backs off 30 s, 60 s ... and dies after the 5th attempt
select private.store_shopify_webhook('p-8', 'customers/redact', 'pipe-a.myshopify.com', repeat('9', 64), '{"customer": {"id": 1}}');
select private.finish_webhook_event((select id from private.webhook_events where external_id = 'p-8'), null, 'connection lost');
select results_eq($$ select status::text, process_attempts, round(extract(epoch from next_attempt_at - now())) from private.webhook_events where external_id = 'p-8' $$,
  $$ values ('failed', 1, 30::numeric) $$, 'a transient failure is retried 30 s later');
select is((private.process_webhook_events(500) ->> 'processed')::int, 0, 'and not before');
update private.webhook_events set process_attempts = 4, next_attempt_at = now() where external_id = 'p-8';
select private.finish_webhook_event((select id from private.webhook_events where external_id = 'p-8'), null, 'still lost');
select results_eq($$ select status::text, error from private.webhook_events where external_id = 'p-8' $$,
  $$ values ('dead', 'still lost') $$, 'the fifth failure dead-letters it with the last error');

-- ---------- Shopify's order JSON, mapped (values worked out by hand from the payload)
select is(private.shopify_order('{"id": 1001, "name": "#1001", "contact_email": "a@b.test", "currency": "USD",
  "subtotal_price": "40.00", "total_discounts": "5.50", "total_tax": "3.20", "total_price": "47.70",
  "total_shipping_price_set": {"shop_money": {"amount": "10.00"}}, "financial_status": "partially_refunded",
  "fulfillment_status": null, "created_at": "2026-11-01T10:00:00Z", "updated_at": "2026-11-02T10:00:00Z",
  "customer": {"id": 77}, "note_attributes": [{"name": "gift", "value": "x"}, {"name": "_visitor_id", "value": "v-123456"}],
  "refunds": [{"transactions": [{"kind": "refund", "status": "success", "amount": "7.25"},
                                {"kind": "refund", "status": "failure", "amount": "9.99"}]},
              {"transactions": [{"kind": "refund", "status": "success", "amount": "2.75"}]}],
  "line_items": [{"product_id": 1, "variant_id": 2, "sku": "", "title": "Balm", "quantity": 2, "price": "20.00"}]}'),
  '{"shopify_order_id": "1001", "order_number": "#1001", "email": "a@b.test", "shopify_customer_id": "77", "currency": "USD",
    "subtotal_cents": 4000, "total_discounts_cents": 550, "total_tax_cents": 320, "total_shipping_cents": 1000,
    "total_price_cents": 4770, "total_refunded_cents": 1000, "financial_status": "partially_refunded",
    "fulfillment_status": "unfulfilled", "processed_at": "2026-11-01T10:00:00Z", "source_updated_at": "2026-11-02T10:00:00Z",
    "visitor_id": "v-123456",
    "line_items": [{"shopify_product_id": "1", "shopify_variant_id": "2", "title": "Balm", "quantity": 2, "price_cents": 2000}]}'::jsonb,
  'a Shopify order maps to upsert_orders'' shape: cents, successful refunds summed (7.25 + 2.75), visitor id from note_attributes, empty SKU dropped');

-- ---------- what admins see
select tests.authenticate_as('admin-a');
select results_eq($$ select topic::text, status::text, deliveries::integer from public.list_webhook_events(tests.workspace_id('A'), 'processed', 2) $$,
  $$ values ('orders/create', 'processed', 1), ('orders/create', 'processed', 1) $$, 'an admin lists the workspace''s events, newest first');
select tests.authenticate_as('member-a');
select throws_ok($$ select * from public.list_webhook_events(tests.workspace_id('A')) $$, '42501', null,
  'a member does not');
select tests.authenticate_as('owner-b');
select throws_ok($$ select * from public.list_webhook_events(tests.workspace_id('A')) $$, '42501', null,
  'nor another workspace''s owner');

select * from finish();
rollback;
