-- Commerce from the outside: the order upsert (idempotent, all-or-nothing, hashed PII,
-- newest-version-wins), line items, customers, revenue by day, gift cards, and tenancy.
begin;
set search_path = extensions, public;
select plan(44);
select tests.without_demo_data();

select tests.two_workspaces();
with r as (insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, sku, title, price_cents) values
  (tests.workspace_id('A'), 'p1', 'v1', 'SKU-1', 'Tallow balm', 3000),
  (tests.workspace_id('B'), 'p1', 'v1', 'SKU-1', 'B balm', 3000) returning id, title)
select tests.remember(title, id) from r;
insert into public.gift_card_products (workspace_id, shopify_product_id, shopify_variant_id, amount_cents, currency, min_order_subtotal_cents) values
  (tests.workspace_id('A'), 'gc', 'gc-10', 1000, 'USD', 5000),
  (tests.workspace_id('A'), 'gc', 'gc-25', 2500, 'USD', 10000);

create temp table batch1 on commit drop as select $json$[
  {"shopify_order_id": "1001", "order_number": "#1001", "email": " Ann@Example.COM ", "shopify_customer_id": "c-1",
   "currency": "USD", "subtotal_cents": 6000, "total_price_cents": 6500, "total_tax_cents": 500,
   "financial_status": "paid", "processed_at": "2026-11-01T10:00:00Z", "source_updated_at": "2026-11-01T10:00:00Z",
   "landing_site": "/products/balm?utm_source=facebook&utm_medium=paid+social&utm_campaign=bfcm&fbclid=abc123",
   "line_items": [{"shopify_product_id": "p1", "shopify_variant_id": "v1", "sku": "SKU-1", "title": "Tallow balm", "quantity": 2, "price_cents": 3000}]},
  {"shopify_order_id": 1002, "email": "bob@example.com", "phone": "+1 (555) 010-2000", "currency": "USD",
   "subtotal_cents": 4000, "total_price_cents": 4000, "total_refunded_cents": 1000, "financial_status": "partially_refunded",
   "processed_at": "2026-11-01T23:30:00Z"}
]$json$::jsonb as j;
grant select on batch1 to service_role;

-- ---------- as a connector (service_role)
select tests.authenticate_as_service_role();
select results_eq($$ select * from public.upsert_orders(tests.workspace_id('A'), (select j from batch1)) $$,
  $$ values (2, 0, 0) $$, 'a new batch inserts every order');
select results_eq($$ select * from public.upsert_orders(tests.workspace_id('A'), (select j from batch1)) $$,
  $$ values (0, 0, 2) $$, 'the same batch again changes nothing: both unchanged');
select is((select count(*)::int from public.orders where workspace_id = tests.workspace_id('A')), 2,
  'still two orders after the retry');
select results_eq($$ select utm_source, utm_medium, utm_campaign, fbclid from public.orders where shopify_order_id = '1001' $$,
  $$ values ('facebook', 'paid social', 'bfcm', 'abc123') $$, 'utm parameters and click ids come from the landing site');
select is((select email_sha256 from public.customers where shopify_customer_id = 'c-1'),
  encode(digest('ann@example.com', 'sha256'), 'hex'), 'emails are stored as SHA-256 of the normalized address');
select hasnt_column('public', 'orders', 'email', 'orders keep no plaintext email');
select hasnt_column('public', 'customers', 'email', 'customers keep no plaintext email');
select is((select phone_sha256 from public.customers c join public.orders o on o.customer_id = c.id where o.shopify_order_id = '1002'),
  encode(digest('+15550102000', 'sha256'), 'hex'), 'phones are hashed as +digits');
select results_eq($$ select product_id, quantity from public.order_line_items $$,
  $$ values (tests.id('Tallow balm'), 2) $$, 'line items match the workspace''s own product by variant');

-- guest checkouts with the same email are one customer; totals are net of refunds
select results_eq($$ select * from public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "1003", "email": "BOB@example.com", "currency": "USD", "total_price_cents": 2000,
     "processed_at": "2026-11-02T08:00:00Z", "financial_status": "paid"}]') $$, $$ values (1, 0, 0) $$, 'a guest order');
select results_eq($$ select orders_count, total_spent_cents from public.customers where email_sha256 = encode(digest('bob@example.com', 'sha256'), 'hex') $$,
  $$ values (2, 5000::bigint) $$, 'one customer per email hash, total spent net of refunds');

-- an older version of an order never overwrites a newer one
select results_eq($$ select * from public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "1001", "currency": "USD", "total_price_cents": 1, "processed_at": "2026-11-01T10:00:00Z",
     "source_updated_at": "2026-10-31T00:00:00Z"}]') $$, $$ values (0, 0, 1) $$, 'a stale version counts as unchanged');
select is((select total_price_cents from public.orders where shopify_order_id = '1001'), 6500::bigint, 'and changes nothing');

-- line items are replaced with their order
select lives_ok($$ select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "1001", "currency": "USD", "total_price_cents": 6500, "subtotal_cents": 6000, "financial_status": "paid",
     "processed_at": "2026-11-01T10:00:00Z", "source_updated_at": "2026-11-01T11:00:00Z",
     "line_items": [{"sku": "SKU-1", "quantity": 1, "price_cents": 3000}, {"sku": "GONE", "quantity": 1}]}]') $$,
  'a newer version with other line items');
select results_eq($$ select sku, product_id from public.order_line_items order by sku $$,
  $$ values ('GONE', null::uuid), ('SKU-1', tests.id('Tallow balm')) $$,
  'line items are replaced wholesale; unknown SKUs keep no product');

-- an order that moves to another customer updates both customers' totals
select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "8001", "shopify_customer_id": "m-1", "currency": "USD", "total_price_cents": 900,
     "processed_at": "2026-11-05T00:00:00Z", "source_updated_at": "2026-11-05T00:00:00Z"}]');
select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "8001", "shopify_customer_id": "m-2", "currency": "USD", "total_price_cents": 900,
     "processed_at": "2026-11-05T00:00:00Z", "source_updated_at": "2026-11-05T01:00:00Z"}]');
select results_eq($$ select shopify_customer_id, orders_count, total_spent_cents from public.customers
  where shopify_customer_id in ('m-1', 'm-2') order by 1 $$,
  $$ values ('m-1'::text, 0, 0::bigint), ('m-2', 1, 900::bigint) $$, 'moving an order recounts the customer it left');

-- ---------- bad batches are rejected whole, naming the row and field
select throws_ok($$ select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "2001", "currency": "USD", "total_price_cents": 100, "processed_at": "2026-11-03T00:00:00Z"},
    {"shopify_order_id": "2002", "currency": "USD", "total_price_cents": -5, "processed_at": "2026-11-03T00:00:00Z"}]') $$,
  '22023', 'orders[1].total_price_cents: must be a non-negative whole number of cents', 'a negative total names row 1 and the field');
select is((select count(*)::int from public.orders where shopify_order_id = '2001'), 0, 'and nothing of the batch is written');
select throws_ok($$ select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "2003", "total_price_cents": 100, "processed_at": "2026-11-03T00:00:00Z"}]') $$,
  '22023', 'orders[0].currency: must be a three-letter ISO code', 'a missing currency is named');
select throws_ok($$ select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "2004", "currency": "USD", "total_price_cents": 100, "processed_at": "yesterday-ish"}]') $$,
  '22023', 'orders[0].processed_at: is not a timestamp', 'an unparseable timestamp is named');
select throws_ok($$ select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "2005", "currency": "USD", "total_price_cents": 100, "processed_at": "2026-11-03T00:00:00Z", "financial_status": "shipped"}]') $$,
  '22023', null, 'an unknown financial status is refused');
select throws_ok($$ select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "2006", "currency": "USD", "total_price_cents": 100, "processed_at": "2026-11-03T00:00:00Z", "line_items": [{"quantity": 0}]}]') $$,
  '22023', 'orders[0].line_items[0].quantity: must be a whole number >= 1', 'a zero quantity is named');
select throws_ok($$ select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "2007", "currency": "USD", "total_price_cents": 1, "processed_at": "2026-11-03T00:00:00Z"},
    {"shopify_order_id": "2007", "currency": "USD", "total_price_cents": 2, "processed_at": "2026-11-03T00:00:00Z"}]') $$,
  '22023', null, 'the same order twice in one batch is refused');
select throws_ok($$ select public.upsert_orders(tests.workspace_id('A'), '{"shopify_order_id": "x"}') $$,
  '22023', 'p_orders must be a JSON array of orders', 'a non-array body is refused');

-- ---------- gift cards: the highest qualifying offer, once; voided on cancellation
select results_eq($$ select amount_cents, status::text from public.gift_card_transactions where shopify_order_id = '1001' $$,
  $$ values (1000::bigint, 'pending') $$, 'a paid order over the minimum earns the qualifying card once');
select is((select count(*)::int from public.gift_card_transactions where shopify_order_id in ('1002', '1003')), 0,
  'orders under the minimum or not paid earn nothing');
select lives_ok($$ select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "1001", "currency": "USD", "total_price_cents": 6500, "subtotal_cents": 6000, "financial_status": "paid",
     "processed_at": "2026-11-01T10:00:00Z", "cancelled_at": "2026-11-02T00:00:00Z", "source_updated_at": "2026-11-02T00:00:00Z"}]') $$,
  'the order is cancelled');
select is((select status::text from public.gift_card_transactions where shopify_order_id = '1001'), 'voided',
  'cancelling voids a card not yet issued');

-- ---------- members write, viewers read, other workspaces and anon get nothing
select tests.authenticate_as('member-a');
select results_eq($$ select * from public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "3001", "currency": "USD", "total_price_cents": 700, "processed_at": "2026-11-02T12:00:00Z"}]') $$,
  $$ values (1, 0, 0) $$, 'a member imports an order');
select throws_ok($$ select public.upsert_orders(tests.workspace_id('B'),
  '[{"shopify_order_id": "3002", "currency": "USD", "total_price_cents": 700, "processed_at": "2026-11-02T12:00:00Z"}]') $$,
  '42501', null, 'a member of A cannot write orders into B');

select tests.authenticate_as('viewer-a');
select results_eq($$ select day, orders, net_revenue_cents from public.order_revenue_daily where day <= '2026-11-02' order by day $$,
  $$ values ('2026-11-01'::date, 1, 3000::bigint), ('2026-11-02'::date, 2, 2700::bigint) $$,
  'viewer: revenue by UTC day, cancelled orders out, refunds netted');
select throws_ok($$ select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "3003", "currency": "USD", "total_price_cents": 700, "processed_at": "2026-11-02T12:00:00Z"}]') $$,
  '42501', null, 'viewer: cannot write orders');
select lives_ok($$ select * from public.gift_card_emails $$, 'viewer: select * on gift card deliveries works');
select throws_ok($$ select * from private.gift_card_recipients $$, '42501', null, 'viewer: gift card recipients are not readable');

select tests.authenticate_as('member-b');
select is_empty($$ select * from public.orders where workspace_id = tests.workspace_id('A') $$, 'B member: A''s orders are invisible');
select is_empty($$ select * from public.customers where workspace_id = tests.workspace_id('A') $$, 'B member: A''s customers are invisible');
select is_empty($$ select * from public.order_line_items $$, 'B member: A''s line items are invisible');
select is_empty($$ select * from public.order_revenue_daily $$, 'B member: A''s revenue is invisible');
select is_empty($$ update public.orders set total_price_cents = 0 returning id $$, 'B member: updating A''s orders touches nothing');
select is_empty($$ delete from public.customers returning id $$, 'B member: deleting A''s customers touches nothing');

select tests.authenticate_as_anon();
select throws_ok($$ select * from public.orders $$, '42501', null, 'anon cannot read orders');
select throws_ok($$ select public.upsert_orders(tests.workspace_id('A'), '[]') $$, '42501', null,
  'anon cannot call upsert_orders');

-- ---------- a row may only point at its own workspace's rows
select tests.authenticate_as_service_role();
select throws_ok($$ insert into public.order_line_items (workspace_id, order_id, quantity)
  values (tests.workspace_id('B'), (select id from public.orders where shopify_order_id = '1001'), 1) $$,
  '23503', null, 'a line item cannot join another workspace''s order');

-- Generic plans: a new shop's orders are looked up by the fully matched unique key whatever the
-- statistics say of its workspace (the webhooks bench's
-- "processing alone" line shows batches flat in the number of orders already stored).
select ok((select p.proconfig from pg_proc p where p.oid = 'public.upsert_orders'::regproc) @> array['plan_cache_mode=force_generic_plan'],
          'upsert_orders plans its statements generically');

select * from finish();
rollback;
