-- Shopify beyond order webhooks, in SQL: starting a backfill (admins, one run per connection),
-- applying bulk chunks under the job's lease (variants, levels, customers, orders through
-- upsert_orders; bad lines rejected with their numbers; a lost lease writes nothing), newest
-- version wins, the catalog webhook topics, the daily snapshot, gift card issuing once (intent,
-- code recorded once, issued with its email queued, dead jobs failed, admins retry), API-key
-- storage (admins only), and who reads what.
begin;
set search_path = extensions, public;
select plan(45);

select tests.without_demo_data();  -- the demo seed's pending webhook delivery would be processed below
select tests.two_workspaces();
insert into public.integration_connections (workspace_id, provider, external_account_id, status, scopes) values
  (tests.workspace_id('A'), 'shopify', 'shop-a.myshopify.com', 'active', '{read_orders,write_gift_cards}'),
  (tests.workspace_id('B'), 'shopify', 'shop-b.myshopify.com', 'active', '{read_orders}');
select tests.remember('conn-a', (select id from public.integration_connections where external_account_id = 'shop-a.myshopify.com'));
select tests.remember('conn-b', (select id from public.integration_connections where external_account_id = 'shop-b.myshopify.com'));

-- ================= starting a backfill
select tests.authenticate_as('member-a');
select throws_ok($$ select public.start_shopify_backfill(tests.id('conn-a')) $$, '42501', null, 'a member cannot start a backfill');
select tests.authenticate_as('owner-b');
select throws_ok($$ select public.start_shopify_backfill(tests.id('conn-a')) $$, '42501', null, 'nor an owner of another workspace');
select tests.authenticate_as('admin-a');
select tests.remember('run-1', (select (public.start_shopify_backfill(tests.id('conn-a'))).id));
select is((select (public.start_shopify_backfill(tests.id('conn-a'))).id), tests.id('run-1'),
  'asking again while it waits returns the same run (one bulk operation per shop)');
select throws_ok($$ select public.start_shopify_backfill(gen_random_uuid()) $$, 'PT404', null, 'an unknown connection is not found');
select results_eq($$ select status::text, trigger, requested_by from public.shopify_sync_runs $$,
  $$ values ('queued', 'manual', tests.user_id('admin-a')) $$, 'admins read their runs');
select tests.authenticate_as('member-a');
select is_empty($$ select * from public.shopify_sync_runs $$, 'members do not read runs');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.shopify_sync_runs $$, '42501', null, 'anon is refused');
select tests.clear_authentication();
select is((select count(*)::int from private.connector_jobs where queue = 'shopify_sync' and payload ->> 'run_id' = tests.id('run-1')::text), 1,
  'one job is queued for the run');

-- ================= applying chunks under the lease
select tests.authenticate_as_service_role();
create temp table claim as select * from private.claim_connector_jobs('shopify_sync', 10);
grant select on claim to service_role;
select is((select count(*)::int from claim), 1, 'the worker leases the job');
select is(private.apply_shopify_bulk((select job_id from claim), (select lease_id from claim), 'products', $$[
  {"line": 1, "node": {"id": "gid://shopify/Product/1", "title": "Tee", "status": "ACTIVE", "updatedAt": "2026-12-01T00:00:00Z"},
   "children": [
     {"line": 2, "node": {"id": "gid://shopify/ProductVariant/11", "title": "S", "sku": "TEE-S", "price": "15.00", "updatedAt": "2026-12-01T00:00:00Z",
        "inventoryItem": {"id": "gid://shopify/InventoryItem/111", "unitCost": {"amount": "4.00"}}, "__parentId": "gid://shopify/Product/1"}},
     {"line": 3, "node": {"id": "gid://shopify/InventoryLevel/9?inventory_item_id=111", "location": {"id": "gid://shopify/Location/9", "name": "Warehouse"},
        "quantities": [{"name": "available", "quantity": 6}, {"name": "on_hand", "quantity": 8}], "updatedAt": "2026-12-01T00:00:00Z",
        "__parentId": "gid://shopify/ProductVariant/11"}},
     {"line": 4, "node": {"id": "gid://shopify/InventoryLevel/10?inventory_item_id=111", "location": {"id": "gid://shopify/Location/10"},
        "quantities": [], "__parentId": "gid://shopify/ProductVariant/11"}}]},
  {"line": 5, "node": {"id": "gid://shopify/Order/5", "name": "#5"}, "children": []}
]$$::jsonb, '[{"line": 6, "reason": "malformed JSON", "excerpt": "{x"}]'::jsonb,
  '{"phase": "products", "step": "read", "line": 7}'::jsonb) ->> 'rejected', '3', 'a chunk is applied with its bad lines counted');
select results_eq($$ select shopify_product_id, shopify_variant_id, shopify_inventory_item_id, sku, title, variant_title, price_cents, cost_cents
  from public.products where workspace_id = tests.workspace_id('A') $$,
  $$ values ('1', '11', '111', 'TEE-S', 'Tee', 'S', 1500::bigint, 400::bigint) $$, 'the variant is a product row with its inventory item and cost');
select results_eq($$ select shopify_location_id, location_name, available, on_hand, product_id is not null from public.inventory_levels $$,
  $$ values ('9', 'Warehouse', 6, 8, true) $$, 'the level is stored and linked to its variant');
select results_eq($$ select line_number, reason from public.shopify_sync_rejections order by line_number $$,
  $$ values (4::bigint, 'an inventory level without an inventory item, location or available quantity'),
            (5::bigint, 'not a Product: id gid://shopify/Order/5'), (6::bigint, 'malformed JSON') $$,
  'rejected lines keep their numbers and why');
select is((select progress ->> 'line' from private.connector_jobs where id = (select job_id from claim)), '7',
  'the line reached is saved with the chunk');

select is(private.apply_shopify_bulk((select job_id from claim), (select lease_id from claim), 'orders', $$[
  {"line": 1, "node": {"id": "gid://shopify/Order/501", "name": "#501", "email": "a@example.com", "currencyCode": "USD",
     "displayFinancialStatus": "PAID", "processedAt": "2026-12-01T00:00:00Z", "updatedAt": "2026-12-01T00:00:00Z",
     "totalPriceSet": {"shopMoney": {"amount": "30.00"}}},
   "children": [{"line": 2, "node": {"id": "gid://shopify/LineItem/1", "sku": "TEE-S", "title": "Tee", "quantity": 2,
     "variant": {"id": "gid://shopify/ProductVariant/11"}, "product": {"id": "gid://shopify/Product/1"},
     "originalUnitPriceSet": {"shopMoney": {"amount": "15.00"}}, "__parentId": "gid://shopify/Order/501"}}]},
  {"line": 3, "node": {"id": "gid://shopify/Order/502", "name": "#502", "currencyCode": "usd dollars", "updatedAt": "2026-12-01T00:00:00Z",
     "totalPriceSet": {"shopMoney": {"amount": "1.00"}}}, "children": []}
]$$::jsonb, '[]'::jsonb, '{"phase": "orders", "step": "read", "line": 4}'::jsonb) ->> 'rejected', '1',
  'an order the batch refuses is rejected alone');
select results_eq($$ select o.shopify_order_id, li.quantity, li.product_id is not null from public.orders o
  join public.order_line_items li on li.order_id = o.id where o.workspace_id = tests.workspace_id('A') $$,
  $$ values ('501', 2, true) $$, 'the good order is stored through upsert_orders with its line item on the variant');
select ok((select reason like 'currency%' from public.shopify_sync_rejections where phase = 'orders' and line_number = 3),
  'the refused order is rejected with its line number and upsert_orders''s reason');
select results_eq($$ select orders_count, lines_rejected, products_count, inventory_levels_count from public.shopify_sync_runs where id = tests.id('run-1') $$,
  $$ values (1, 4::bigint, 1, 1) $$, 'the run counts what was applied and rejected');

-- a lost lease: nothing of the chunk is kept
select throws_ok($$ select private.apply_shopify_bulk((select job_id from claim), gen_random_uuid(), 'orders',
  '[{"line": 9, "node": {"id": "gid://shopify/Order/900", "updatedAt": "2026-12-01T00:00:00Z", "currencyCode": "USD"}, "children": []}]'::jsonb,
  '[{"line": 8, "reason": "malformed JSON"}]'::jsonb, '{}'::jsonb) $$, 'PT409', null, 'a worker that lost its lease is refused');
select is_empty($$ select 1 from public.orders where shopify_order_id = '900' union all
  select 1 from public.shopify_sync_rejections where line_number = 8 $$, 'and nothing of its chunk was applied');

-- the job done: the run completes and today's snapshot comes from the real levels
select is(private.finish_connector_job((select job_id from claim), (select lease_id from claim), 'done')::text, 'done', 'the job is done');
select is((select status::text from public.shopify_sync_runs where id = tests.id('run-1')), 'completed', 'its run completed');
select results_eq($$ select location, on_hand, available from public.inventory_snapshots where day = current_date
  and workspace_id = tests.workspace_id('A') $$, $$ values ('9', 8, 6) $$, 'today''s snapshot holds the real level');
select is((select on_hand from public.reorder_points r where r.workspace_id = tests.workspace_id('A')), 8,
  'reorder points use it');

-- ================= newest version wins; the webhook topics
select tests.clear_authentication();
select is(private.upsert_inventory_levels(tests.workspace_id('A'), '[{"shopify_inventory_item_id": "111", "shopify_location_id": "9",
  "available": 1, "source_updated_at": "2026-11-01T00:00:00Z"}]'), 1, 'an older level is offered');
select is((select available from public.inventory_levels where shopify_location_id = '9'), 6, 'and ignored');
insert into private.webhook_events (provider, topic, external_id, payload_sha256, workspace_id, shop, status, next_attempt_at, payload)
values ('shopify', 'inventory_levels/update', 't-1', repeat('a', 64), tests.workspace_id('A'), 'shop-a.myshopify.com', 'pending', now(),
        '{"inventory_item_id": 111, "location_id": 9, "available": 10, "updated_at": "2026-12-02T00:00:00Z"}'),
       ('shopify', 'customers/update', 't-2', repeat('b', 64), tests.workspace_id('A'), 'shop-a.myshopify.com', 'pending', now(),
        '{"id": 42, "email": "Ann@Example.com", "updated_at": "2026-12-02T00:00:00Z", "email_marketing_consent": {"state": "subscribed"}}'),
       ('shopify', 'bulk_operations/finish', 't-3', repeat('c', 64), tests.workspace_id('A'), 'shop-a.myshopify.com', 'pending', now(),
        '{"admin_graphql_api_id": "gid://shopify/BulkOperation/77", "status": "completed"}');
select is((select private.process_webhook_events(10) ->> 'processed'), '3', 'the catalog topics are processed in the pipeline');
select results_eq($$ select available, on_hand from public.inventory_levels where shopify_location_id = '9' $$,
  $$ values (10, 12) $$, 'a newer level moves available, and on_hand by as much');
select results_eq($$ select w.topic, w.status::text from private.webhook_events w where w.external_id in ('t-1', 't-2', 't-3') order by 1 $$,
  $$ values ('bulk_operations/finish', 'ignored'), ('customers/update', 'processed'), ('inventory_levels/update', 'processed') $$,
  'a finish webhook for an operation no run waits for is ignored');
select results_eq($$ select k.email from private.customer_contacts k join public.customers c on c.id = k.customer_id
  where c.shopify_customer_id = '42' $$, $$ values ('ann@example.com') $$, 'a consenting customer''s address is kept for email marketing');
select is(private.upsert_shopify_customers(tests.workspace_id('A'), '[{"shopify_customer_id": "42", "email": "ann@example.com",
  "accepts_marketing": false, "source_updated_at": "2026-12-03T00:00:00Z"}]'), 1, 'consent is withdrawn');
select is_empty($$ select 1 from private.customer_contacts k join public.customers c on c.id = k.customer_id where c.shopify_customer_id = '42' $$,
  'and the address is gone');

-- ================= gift cards
select tests.clear_authentication();
insert into public.gift_card_products (workspace_id, shopify_product_id, shopify_variant_id, amount_cents, min_order_subtotal_cents)
values (tests.workspace_id('A'), 'g', 'g1', 1000, 0), (tests.workspace_id('B'), 'g', 'g1', 1000, 0);
select public.upsert_orders(tests.workspace_id(w), jsonb_build_array(jsonb_build_object('shopify_order_id', '7' || w, 'currency', 'USD',
  'subtotal_cents', 5000, 'total_price_cents', 5000, 'financial_status', 'paid', 'processed_at', now())))
from unnest(array['A', 'B']) w;
select tests.remember('card-a', (select id from public.gift_card_transactions where shopify_order_id = '7A'));
select results_eq($$ select t.workspace_id = tests.workspace_id('A'), j.idempotency_key = 'gift-card:' || t.id from private.connector_jobs j
  join public.gift_card_transactions t on t.id = (j.payload ->> 'transaction_id')::uuid where j.queue = 'shopify_gift_cards' $$,
  $$ values (true, true) $$, 'an awarded card is queued where the shop may write gift cards (A), not elsewhere (B)');
select tests.authenticate_as_service_role();
create temp table gclaim as select * from private.claim_connector_jobs('shopify_gift_cards', 10);
grant select on gclaim to service_role;
select is((private.gift_card_intent((select job_id from gclaim), (select lease_id from gclaim), 'v1.k1.aaaa.first', 'k1', 'ABCD')).state,
  'issue', 'the intent is recorded before any call');
select is((private.gift_card_intent((select job_id from gclaim), (select lease_id from gclaim), 'v1.k1.bbbb.second', 'k1', 'WXYZ')).code_ciphertext,
  'v1.k1.aaaa.first', 'a later attempt gets the first attempt''s code back');
select private.gift_card_call_started((select job_id from gclaim), (select lease_id from gclaim));
select ok((private.gift_card_intent((select job_id from gclaim), (select lease_id from gclaim), 'v1.k1.cccc.third', 'k1', 'QRST')).call_started_at is not null,
  'and knows a call may have been made (reconcile first)');
select isnt(private.gift_card_issued((select job_id from gclaim), (select lease_id from gclaim), '9001', 'ABCD', 'Buyer@Example.com'), null,
  'issued, its email is queued');
select results_eq($$ select t.status::text, t.shopify_gift_card_id, t.code_last_characters, e.status::text, r.to_email
  from public.gift_card_transactions t join public.gift_card_emails e on e.transaction_id = t.id
  join private.gift_card_recipients r on r.email_id = e.id where t.id = tests.id('card-a') $$,
  $$ values ('issued', '9001', 'ABCD', 'queued', 'buyer@example.com') $$, 'with the Shopify id and last four characters only');
select private.finish_connector_job((select job_id from gclaim), (select lease_id from gclaim), 'done');

-- a card whose job dies is failed, visibly; admins (not members) retry it
select tests.clear_authentication();
update public.gift_card_transactions set status = 'pending', shopify_gift_card_id = null where id = tests.id('card-a');
update private.connector_jobs set status = 'dead', last_error = 'Shopify answered 503', finished_at = now()
where queue = 'shopify_gift_cards' and payload ->> 'transaction_id' = tests.id('card-a')::text;
select results_eq($$ select status::text, last_error from public.gift_card_transactions where id = tests.id('card-a') $$,
  $$ values ('failed', 'Shopify answered 503') $$, 'a dead job leaves the card failed with its error');
select tests.authenticate_as('member-a');
select throws_ok($$ select public.retry_gift_card(tests.id('card-a')) $$, '42501', null, 'a member cannot retry it');
select tests.authenticate_as('admin-a');
select is((public.retry_gift_card(tests.id('card-a'))).status::text, 'pending', 'an admin can');

-- ================= API keys
select tests.authenticate_as('member-a');
select throws_ok($$ select private.store_api_key_connection(tests.workspace_id('A'), 'klaviyo', 'acct', 'v1.k1.aaaa.bbbb', 'k1', 'abcd') $$,
  '42501', null, 'a member cannot store a workspace key');
select tests.authenticate_as('admin-a');
select isnt(private.store_api_key_connection(tests.workspace_id('A'), 'klaviyo', 'acct', 'v1.k1.aaaa.bbbb', 'k1', 'abcd'), null, 'an admin can');
select results_eq($$ select reason from public.audit_log where table_name = 'integration_tokens' and action = 'insert'
  and record_id = (select id::text from public.integration_connections where provider = 'klaviyo') $$,
  $$ values ('api key saved') $$, 'the write is audited, without the key');
select throws_ok($$ select private.store_api_key_connection(tests.workspace_id('A'), 'shopify', 'x', 'v1.k1.aaaa.bbbb', 'k1', 'abcd') $$,
  '22023', null, 'OAuth providers are not stored as API keys');

select * from finish();
rollback;
