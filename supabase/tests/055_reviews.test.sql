-- Reviews from the outside: review requests from fulfilled orders (once, even on redelivery),
-- tokens (forged, reused, expired, other product, other shop), the storefront as anon (only
-- published reviews, no private columns, orderings, caps), the rating summary against a
-- recomputation after every kind of change, votes and their counters, rate limits, moderation
-- with audit, imports, responses, Mux media, and access from other roles and workspaces.
begin;
set search_path = extensions, public;
select plan(121);

select tests.two_workspaces();
-- Webhooks route by the shop's active connection (a verified install).
insert into public.integration_connections (workspace_id, provider, external_account_id, status)
values (tests.workspace_id('A'), 'shopify', 'shop-a.myshopify.com', 'active');
insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, sku, title, status) values
  (tests.workspace_id('A'), 'P1', 'V1', 'A-P1', 'Balm', 'active'),
  (tests.workspace_id('A'), 'P1', 'V1b', 'A-P1b', 'Balm (large)', 'active'),
  (tests.workspace_id('A'), 'P2', 'V2', 'A-P2', 'Soap', 'active'),
  (tests.workspace_id('A'), 'P3', 'V3', 'A-P3', 'Scrub', 'active'),
  (tests.workspace_id('A'), 'P4', 'V4', 'A-P4', 'Oil', 'active'),
  (tests.workspace_id('A'), 'PX', 'VX', 'A-PX', 'Discontinued', 'archived'),
  (tests.workspace_id('B'), 'P1', 'V1', 'B-P1', 'B balm', 'active');
insert into public.review_settings (workspace_id, request_delay_days, auto_publish_verified) values
  (tests.workspace_id('A'), 7, true);
insert into public.review_settings (workspace_id, requests_enabled) values (tests.workspace_id('B'), false);
-- Generous limits while the flows run; the limits themselves are tested at the end.
update private.rate_limit_rules set max_hits = 1000;

-- Expected summaries recomputed from reviews; rows differing in either direction.
create function pg_temp.summary_drift() returns bigint language sql as $$
  with actual as (
    select workspace_id, shopify_product_id, review_count, rating_sum, rating_1, rating_2, rating_3, rating_4, rating_5
    from public.product_rating_summaries where review_count > 0
  ), expected as (
    select workspace_id, shopify_product_id, count(*)::integer, sum(rating)::bigint,
           count(*) filter (where rating = 1)::integer, count(*) filter (where rating = 2)::integer,
           count(*) filter (where rating = 3)::integer, count(*) filter (where rating = 4)::integer,
           count(*) filter (where rating = 5)::integer
    from public.reviews where status = 'published' group by 1, 2
  )
  select count(*) from ((select * from actual except all select * from expected)
                        union all (select * from expected except all select * from actual)) d
$$;
-- Reviews whose counters differ from a recount of their votes.
create function pg_temp.vote_drift() returns bigint language sql as $$
  select count(*) from public.reviews r
  where (r.helpful_count, r.unhelpful_count) is distinct from (
    (select count(*) filter (where v.kind = 'helpful') from public.review_votes v where v.review_id = r.id)::integer,
    (select count(*) filter (where v.kind = 'unhelpful') from public.review_votes v where v.review_id = r.id)::integer)
$$;
-- An ISO timestamp (UTC, whole seconds) some time before now: tests date nothing absolutely.
create function pg_temp.ago(p interval) returns text language sql as $$
  select to_char((now() - p) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;
-- A JSON text with @1d, @2d ... (days ago) and @45d replaced by such timestamps.
create function pg_temp.dated(p text) returns jsonb language sql as $$
  select replace(replace(replace(replace(p, '@45d', pg_temp.ago('45 days')), '@40d', pg_temp.ago('40 days')),
                 '@2d', pg_temp.ago('2 days')), '@1d', pg_temp.ago('1 day'))::jsonb
$$;
create function pg_temp.shopify_order(p_id text, p_fulfillment text, p_updated text) returns jsonb language sql as $$
  select jsonb_build_object('id', p_id, 'name', '#' || p_id, 'email', 'Buyer1@Example.test', 'currency', 'USD',
    'subtotal_price', '60.00', 'total_price', '60.00', 'financial_status', 'paid', 'fulfillment_status', p_fulfillment,
    'processed_at', to_char(now() - interval '3 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'updated_at', p_updated,
    'line_items', jsonb_build_array(
      jsonb_build_object('product_id', 'P1', 'variant_id', 'V1', 'quantity', 1, 'price', '20.00'),
      jsonb_build_object('product_id', 'P2', 'variant_id', 'V2', 'quantity', 1, 'price', '20.00'),
      jsonb_build_object('product_id', 'P1', 'variant_id', 'V1b', 'quantity', 1, 'price', '20.00')))
$$;

grant execute on function pg_temp.shopify_order(text, text, text), pg_temp.ago(interval), pg_temp.dated(text) to service_role;

-- ==================== review requests from orders ====================
select tests.authenticate_as_service_role();
select private.store_shopify_webhook('wh-1', 'orders/create', 'shop-a.myshopify.com', repeat('a', 64),
  pg_temp.shopify_order('o1', null, pg_temp.ago('3 days')));
select private.process_webhook_events();
select tests.clear_authentication();
select is((select count(*)::integer from public.review_requests where workspace_id = tests.workspace_id('A')), 0,
  'an unfulfilled order queues no review request');

select tests.authenticate_as_service_role();
select private.store_shopify_webhook('wh-2', 'orders/updated', 'shop-a.myshopify.com', repeat('b', 64),
  pg_temp.shopify_order('o1', 'fulfilled', pg_temp.ago('2 days')));
select private.process_webhook_events();
select tests.clear_authentication();
select results_eq($$ select r.trigger_event::text, r.status::text, r.send_after
                    from public.review_requests r join public.orders o on o.id = r.order_id where o.shopify_order_id = 'o1' $$,
  $$ values ('order_fulfilled', 'queued', date_trunc('second', now() - interval '2 days') + interval '7 days') $$,
  'a fulfilled order queues one request, due 7 days (the workspace''s delay) after the fulfilled version''s updated_at');

-- Redeliveries: the same delivery again, and new deliveries of the same fulfilled order.
select tests.authenticate_as_service_role();
select is(private.store_shopify_webhook('wh-2', 'orders/updated', 'shop-a.myshopify.com', repeat('b', 64),
  pg_temp.shopify_order('o1', 'fulfilled', pg_temp.ago('2 days'))), 'duplicate', 'a redelivered webhook is a duplicate');
select private.store_shopify_webhook('wh-3', 'orders/fulfilled', 'shop-a.myshopify.com', repeat('c', 64),
  pg_temp.shopify_order('o1', 'fulfilled', pg_temp.ago('2 days')));
select private.process_webhook_events();
select private.store_shopify_webhook('wh-4', 'orders/updated', 'shop-a.myshopify.com', repeat('d', 64),
  pg_temp.shopify_order('o1', 'fulfilled', pg_temp.ago('1 day')));
select private.process_webhook_events();
select public.upsert_orders(tests.workspace_id('A'),
  jsonb_build_array(private.shopify_order(pg_temp.shopify_order('o1', 'fulfilled', pg_temp.ago('1 day')))));
select tests.clear_authentication();
select is((select count(*)::integer from public.review_requests r join public.orders o on o.id = r.order_id
           where o.shopify_order_id = 'o1'), 1, 'redeliveries and repeated updates of a fulfilled order add no second request');

-- More orders: o2 (P3), o3 (no line items), o4 (processed 200 days ago), o5 (no email), o6 (fulfilled,
-- then cancelled), o7 (fulfilled 40 days ago: a backfill), and a fulfilled order in B, whose
-- workspace has requests switched off.
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), pg_temp.dated($$[
  {"shopify_order_id": "o2", "order_number": "#o2", "email": "buyer2@example.test", "currency": "USD", "total_price_cents": 900,
   "processed_at": "@2d", "fulfillment_status": "fulfilled", "financial_status": "paid",
   "line_items": [{"shopify_product_id": "P3", "shopify_variant_id": "V3", "quantity": 1}]},
  {"shopify_order_id": "o3", "email": "buyer3@example.test", "currency": "USD", "total_price_cents": 900,
   "processed_at": "@2d", "fulfillment_status": "fulfilled", "financial_status": "paid"},
  {"shopify_order_id": "o7", "email": "buyer7@example.test", "currency": "USD", "total_price_cents": 900,
   "processed_at": "@45d", "source_updated_at": "@40d", "fulfillment_status": "fulfilled", "financial_status": "paid",
   "line_items": [{"shopify_product_id": "P3", "shopify_variant_id": "V3", "quantity": 1}]},
  {"shopify_order_id": "o5", "currency": "USD", "total_price_cents": 900,
   "processed_at": "@2d", "fulfillment_status": "fulfilled", "financial_status": "paid"},
  {"shopify_order_id": "o6", "email": "buyer6@example.test", "currency": "USD", "total_price_cents": 900,
   "processed_at": "@2d", "fulfillment_status": "fulfilled", "financial_status": "paid",
   "source_updated_at": "@2d"}]$$));
select public.upsert_orders(tests.workspace_id('A'), jsonb_build_array(jsonb_build_object(
  'shopify_order_id', 'o4', 'email', 'buyer4@example.test', 'currency', 'USD', 'total_price_cents', 900,
  'processed_at', now() - interval '200 days', 'fulfillment_status', 'fulfilled',
  'line_items', jsonb_build_array(jsonb_build_object('shopify_product_id', 'P2', 'shopify_variant_id', 'V2', 'quantity', 1)))));
select public.upsert_orders(tests.workspace_id('B'), pg_temp.dated($$[
  {"shopify_order_id": "b1", "email": "b@example.test", "currency": "USD", "total_price_cents": 900,
   "processed_at": "@2d", "fulfillment_status": "fulfilled"}]$$));
select public.upsert_orders(tests.workspace_id('A'), pg_temp.dated($$[
  {"shopify_order_id": "o6", "email": "buyer6@example.test", "currency": "USD", "total_price_cents": 900,
   "processed_at": "@2d", "fulfillment_status": "fulfilled", "financial_status": "paid",
   "cancelled_at": "@1d", "source_updated_at": "@1d"}]$$));
select tests.clear_authentication();
select results_eq($$ select o.shopify_order_id, r.status::text from public.review_requests r
                    join public.orders o on o.id = r.order_id
                    where r.workspace_id in (tests.workspace_id('A'), tests.workspace_id('B')) order by 1 $$,
  $$ values ('o1', 'queued'), ('o2', 'queued'), ('o3', 'queued'), ('o6', 'cancelled') $$,
  'requests for recent fulfilled orders with an email; none for history (old order or old fulfilment), no email or a workspace that switched them off; a cancelled order cancels its request');
select is((select cancel_reason from public.review_requests r join public.orders o on o.id = r.order_id where o.shopify_order_id = 'o6'),
  'the order was cancelled', 'the cancelled request says why');

-- pg_cron's job: nothing is due before send_after; then due with the order's products fixed.
select private.mark_review_requests_due();
select is((select count(*)::integer from public.review_requests where workspace_id = tests.workspace_id('A')
           and status = 'queued'), 3, 'nothing is due before send_after');
update public.review_requests set send_after = now() - interval '1 minute'
where status = 'queued' and workspace_id = tests.workspace_id('A');
select private.mark_review_requests_due();
select results_eq($$ select o.shopify_order_id, r.status::text, r.shopify_product_ids, r.cancel_reason
                    from public.review_requests r join public.orders o on o.id = r.order_id where o.shopify_order_id in ('o1', 'o2', 'o3') order by 1 $$,
  $$ values ('o1', 'due', '{P1,P2}'::text[], null::text), ('o2', 'due', '{P3}'::text[], null),
            ('o3', 'cancelled', '{}'::text[], 'the order has no products to review') $$,
  'due requests hold the order''s distinct products; an order without products is cancelled');

-- The email dispatcher claims due requests with fresh tokens and reports delivery.
select tests.authenticate_as_service_role();
select set_config('test.tok_' || c.shopify_order_id, c.token, true), set_config('test.req_' || c.shopify_order_id, c.request_id::text, true)
from private.claim_review_requests(10, tests.workspace_id('A')) c;
select tests.clear_authentication();
select ok(current_setting('test.tok_o1') ~ '^[0-9a-f]{64}$' and current_setting('test.tok_o2') ~ '^[0-9a-f]{64}$',
  'the dispatcher gets a 64-hex-digit token per due request');
select is((select count(*)::integer from private.review_request_tokens t
           where t.token_hash in (digest(current_setting('test.tok_o1'), 'sha256'), digest(current_setting('test.tok_o2'), 'sha256'))), 2,
  'only the tokens'' SHA-256 is stored');
select is_empty($$ select 1 from public.review_requests r where to_jsonb(r)::text like '%' || current_setting('test.tok_o1') || '%'
                   union all
                   select 1 from private.review_request_tokens t where to_jsonb(t)::text like '%' || current_setting('test.tok_o1') || '%' $$,
  'the plaintext token is stored in neither the request nor the token table');
select tests.authenticate_as_service_role();
select is((select count(*)::integer from private.claim_review_requests(10, tests.workspace_id('A'))), 0,
  'claimed requests are leased: a second claim gets none');
select is(private.finish_review_request(current_setting('test.req_o1')::uuid, true, 'msg-1'), 'sent'::public.review_request_status,
  'the dispatcher reports o1 sent');
select is(private.finish_review_request(current_setting('test.req_o2')::uuid, true, 'msg-2'), 'sent'::public.review_request_status,
  'and o2 sent');
select throws_ok($$ select private.finish_review_request(current_setting('test.req_o2')::uuid, true, 'again') $$, 'PT409', null,
  'a request can be reported sent once');
select tests.clear_authentication();

-- ==================== the storefront with a token ====================
select set_config('request.headers', '{"x-forwarded-for": "198.51.100.7"}', true);
select tests.authenticate_as_anon();
select results_eq($$ select workspace_id::uuid, order_number, products::jsonb from public.open_review_request(current_setting('test.tok_o1')) $$,
  $$ values (tests.workspace_id('A'), '#o1'::text,
             '[{"shopify_product_id": "P1", "title": "Balm", "reviewed": false}, {"shopify_product_id": "P2", "title": "Soap", "reviewed": false}]'::jsonb) $$,
  'a review link opens the order''s products');
select throws_ok($$ select * from public.open_review_request(repeat('f', 64)) $$, 'PT404', null, 'an unknown link is not found');
select throws_ok($$ select * from public.open_review_request('not-a-token') $$, 'PT404', null, 'a malformed link is not found');

select results_eq($$ select status::text, verified_purchase from public.submit_review(tests.workspace_id('A'), 'P1', 5,
                      'Forged!', 'Mallory', 'mallory@example.test', null, repeat('0', 64)) $$,
  $$ values ('pending', false) $$, 'a forged token verifies nothing: the review waits for moderation');
select results_eq($$ select status::text, verified_purchase from public.submit_review(tests.workspace_id('A'), 'P1', 4,
                      'Lovely balm', 'Bea Buyer', 'Buyer1@Example.test', 'Good', current_setting('test.tok_o1')) $$,
  $$ values ('published', true) $$, 'a valid token verifies the purchase; the workspace auto-publishes verified reviews');
select results_eq($$ select status::text, verified_purchase from public.submit_review(tests.workspace_id('A'), 'P1', 1,
                      'Again', 'Bea Buyer', 'buyer1@example.test', null, current_setting('test.tok_o1')) $$,
  $$ values ('pending', false) $$, 'a reused token (same product) verifies nothing');
select results_eq($$ select status::text, verified_purchase from public.submit_review(tests.workspace_id('A'), 'P3', 5,
                      'Not in my order', 'Bea Buyer', 'buyer1@example.test', null, current_setting('test.tok_o1')) $$,
  $$ values ('pending', false) $$, 'a token does not verify a product its order did not contain');
select results_eq($$ select status::text, verified_purchase from public.submit_review(tests.workspace_id('B'), 'P1', 5,
                      'Other shop', 'Bea Buyer', 'buyer1@example.test', null, current_setting('test.tok_o1')) $$,
  $$ values ('pending', false) $$, 'a token does not verify a purchase in another shop');
select tests.clear_authentication();
select results_eq($$ select r.status::text, r.opened_at is not null from public.review_requests r where r.id = current_setting('test.req_o1')::uuid $$,
  $$ values ('opened', true) $$, 'opening the link marked the request opened');
select results_eq($$ select verified_purchase, order_id = (select id from public.orders where shopify_order_id = 'o1'),
                            review_request_id = current_setting('test.req_o1')::uuid, author_email
                     from public.reviews where title = 'Good' $$,
  $$ values (true, true, true, 'buyer1@example.test'::text) $$, 'the verified review is bound to the order and request; the email is lowercased');

select tests.authenticate_as_anon();
select results_eq($$ select status::text, verified_purchase from public.submit_review(tests.workspace_id('A'), 'P2', 3,
                      'Fine soap', 'Bea Buyer', 'buyer1@example.test', null, current_setting('test.tok_o1')) $$,
  $$ values ('published', true) $$, 'the same token verifies the order''s other product once');
select tests.clear_authentication();
select results_eq($$ select status::text, completed_at is not null from public.review_requests where id = current_setting('test.req_o1')::uuid $$,
  $$ values ('completed', true) $$, 'every product reviewed: the request is completed');
select is_empty($$ select 1 from private.review_request_tokens where request_id = current_setting('test.req_o1')::uuid $$,
  'a completed request''s token is gone');
select tests.authenticate_as_anon();
select results_eq($$ select verified_purchase from public.submit_review(tests.workspace_id('A'), 'P2', 3,
                      'Once more', 'Bea Buyer', 'buyer1@example.test', null, current_setting('test.tok_o1')) $$,
  $$ values (false) $$, 'a used-up token verifies nothing');
select throws_ok($$ select * from public.open_review_request(current_setting('test.tok_o1')) $$, 'PT404', null,
  'a used-up link no longer opens');
select tests.clear_authentication();

-- An expired token: o2's token runs out before use.
update private.review_request_tokens set expires_at = now() - interval '1 second' where request_id = current_setting('test.req_o2')::uuid;
select tests.authenticate_as_anon();
select results_eq($$ select verified_purchase from public.submit_review(tests.workspace_id('A'), 'P3', 5,
                      'Late', 'Cy Buyer', 'buyer2@example.test', null, current_setting('test.tok_o2')) $$,
  $$ values (false) $$, 'an expired token verifies nothing');
select tests.clear_authentication();
select private.mark_review_requests_due();
select results_eq($$ select status::text from public.review_requests where id = current_setting('test.req_o2')::uuid $$,
  $$ values ('expired') $$, 'the job expires a sent request whose token ran out');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.open_review_request(current_setting('test.tok_o2')) $$, 'PT410', null,
  'an expired link says so (410), rather than not found');
select tests.clear_authentication();
update private.review_request_tokens set expires_at = now() - interval '31 days' where request_id = current_setting('test.req_o2')::uuid;
select private.mark_review_requests_due();
select is_empty($$ select 1 from private.review_request_tokens where request_id = current_setting('test.req_o2')::uuid $$,
  'an expired token is purged 30 days after expiry');

-- ==================== dispatcher failures and manual requests ====================
select tests.authenticate_as('member-a');
select results_eq($$ select trigger_event::text, status::text, created_by from public.request_review((select id from public.orders where shopify_order_id = 'o4')) $$,
  $$ values ('manual', 'queued', tests.user_id('member-a')) $$, 'a member asks for a review of an older order');
select throws_ok($$ select public.request_review((select id from public.orders where shopify_order_id = 'o4')) $$, 'PT409', null,
  'one request per order: a second is refused');
select throws_ok($$ select public.request_review((select id from public.orders where shopify_order_id = 'o6')) $$, 'PT409', null,
  'a cancelled order has nothing to review');
select tests.authenticate_as('viewer-a');
select throws_ok($$ select public.request_review((select id from public.orders where shopify_order_id = 'o2')) $$, '42501', null,
  'a viewer cannot ask for reviews');
select tests.authenticate_as('member-b');
select throws_ok($$ select public.request_review(gen_random_uuid()) $$, 'PT404', null,
  'an unknown order is not found');
select is_empty($$ select * from public.review_requests $$, 'B member: A''s review requests are invisible');
select tests.clear_authentication();

select private.mark_review_requests_due();
select set_config('test.req_o4', id::text, true) from public.review_requests r
where r.order_id = (select id from public.orders where shopify_order_id = 'o4');
select tests.authenticate_as_service_role();
select is((select count(*)::integer from private.claim_review_requests(10, tests.workspace_id('A'))), 1, 'the manual request is claimed');
select is(private.finish_review_request(current_setting('test.req_o4')::uuid, false, null, 'mailbox full'),
  'due'::public.review_request_status, 'a failed delivery stays due for a retry');
select is((select count(*)::integer from private.claim_review_requests(10, tests.workspace_id('A'))), 0,
  'after a failure the retry waits out its backoff');
select tests.clear_authentication();
update public.review_requests set attempts = 4, claimed_until = null where id = current_setting('test.req_o4')::uuid;
select tests.authenticate_as_service_role();
select is((select attempts from private.claim_review_requests(10, tests.workspace_id('A'))), 5, 'the fifth attempt');
select is(private.finish_review_request(current_setting('test.req_o4')::uuid, false, null, 'bounced'),
  'cancelled'::public.review_request_status, 'the fifth failed delivery cancels the request');
select throws_ok($$ update public.review_requests set status = 'queued' where id = current_setting('test.req_o4')::uuid $$,
  'PT409', null, 'the state machine refuses cancelled -> queued');
select tests.clear_authentication();

-- ==================== imports, the storefront list and the rating summary ====================
select tests.authenticate_as('member-a');
select results_eq($$ select * from public.import_reviews(tests.workspace_id('A'), '[
    {"imported_from": "yotpo", "original_id": "y1", "shopify_product_id": "P4", "rating": 5, "title": "y1", "body": "Best oil",
     "author_name": "Ann", "author_email": "Ann@Example.test", "verified_purchase": true, "submitted_at": "2026-01-01T00:00:00Z"},
    {"imported_from": "yotpo", "original_id": "y2", "shopify_product_id": "P4", "rating": 3, "title": "y2", "submitted_at": "2026-03-01T00:00:00Z"},
    {"imported_from": "yotpo", "original_id": "y3", "shopify_product_id": "P4", "rating": 4, "title": "y3", "submitted_at": "2026-02-01T00:00:00Z"},
    {"imported_from": "yotpo", "original_id": "y4", "shopify_product_id": "P4", "rating": 1, "title": "y4", "status": "pending", "submitted_at": "2026-04-01T00:00:00Z"},
    {"imported_from": "yotpo", "original_id": "y5", "shopify_product_id": "P4", "rating": 2, "title": "y5", "status": "rejected", "submitted_at": "2026-05-01T00:00:00Z"}
  ]') $$, $$ values (5, 0, 0) $$, 'a member imports five reviews');
select results_eq($$ select * from public.import_reviews(tests.workspace_id('A'), '[
    {"imported_from": "yotpo", "original_id": "y1", "shopify_product_id": "P4", "rating": 5, "title": "y1", "body": "Best oil",
     "author_name": "Ann", "author_email": "Ann@Example.test", "verified_purchase": true, "submitted_at": "2026-01-01T00:00:00Z"},
    {"imported_from": "yotpo", "original_id": "y2", "shopify_product_id": "P4", "rating": 3, "title": "y2", "submitted_at": "2026-03-01T00:00:00Z"}
  ]') $$, $$ values (0, 0, 2) $$, 'importing the same reviews again changes nothing');
select is((select count(*)::integer from public.reviews where imported_from = 'yotpo' and workspace_id = tests.workspace_id('A')), 5,
  'imports are idempotent: still five rows');
select throws_ok($$ select * from public.import_reviews(tests.workspace_id('A'),
    '[{"imported_from": "yotpo", "original_id": "y9", "shopify_product_id": "P4", "rating": 6}]') $$,
  '22023', 'reviews[0].rating: must be a whole number from 1 to 5', 'a bad row is named with its field');
select throws_ok($$ select * from public.import_reviews(tests.workspace_id('A'),
    (select jsonb_agg(jsonb_build_object('imported_from', 'x', 'original_id', g, 'shopify_product_id', 'P4', 'rating', 5))
     from generate_series(1, 1001) g)) $$, 'PT413', null, 'more than 1000 reviews per import is refused');
select tests.authenticate_as('viewer-a');
select throws_ok($$ select * from public.import_reviews(tests.workspace_id('A'), '[]') $$, '42501', null,
  'a viewer cannot import');
select tests.clear_authentication();
select is(pg_temp.summary_drift(), 0::bigint, 'after inserts (storefront and import) the summary equals a recomputation');
-- By hand: P4's published reviews are y1 (5), y2 (3), y3 (4): 3 reviews, sum 12, average 4.00.
select results_eq($$ select review_count, rating_sum, average_rating, rating_1, rating_2, rating_3, rating_4, rating_5
                     from public.product_rating_summaries where shopify_product_id = 'P4' and workspace_id = tests.workspace_id('A') $$,
  $$ values (3, 12::bigint, 4.00::numeric, 0, 0, 1, 1, 1) $$, 'P4''s summary: 3 reviews, average 4.00, one each of 3, 4 and 5 stars');

-- A store reply and a Mux video on y1; votes on y1 and y3.
select tests.authenticate_as('member-a');
insert into public.review_responses (workspace_id, review_id, author_name, body)
select workspace_id, id, 'The A team', 'Thank you, Ann!' from public.reviews where original_id = 'y1';
insert into public.review_media (workspace_id, review_id, mux_upload_id)
select workspace_id, id, 'upload-1' from public.reviews where original_id = 'y1';
insert into public.review_media (workspace_id, review_id, mux_asset_id)
select workspace_id, id, 'asset-2' from public.reviews where original_id = 'y1';
select tests.authenticate_as_service_role();
select private.receive_webhook('mux', 'video.upload.asset_created', 'mux-evt-1', repeat('1', 64),
  '{"type": "video.upload.asset_created", "data": {"id": "upload-1", "asset_id": "asset-1"}}');
select private.receive_webhook('mux', 'video.asset.ready', 'mux-evt-2', repeat('2', 64),
  '{"type": "video.asset.ready", "data": {"id": "asset-1", "upload_id": "upload-1", "duration": 12.5, "aspect_ratio": "9:16",
    "playback_ids": [{"id": "pb-signed", "policy": "signed"}, {"id": "pb-1", "policy": "public"}]}}');
select is(private.receive_webhook('mux', 'video.asset.ready', 'mux-evt-2', repeat('2', 64), '{"type": "video.asset.ready", "data": {}}'),
  'duplicate', 'a redelivered Mux event is stored once');
select private.receive_webhook('mux', 'video.asset.errored', 'mux-evt-3', repeat('3', 64),
  '{"type": "video.asset.errored", "data": {"id": "asset-2", "errors": {"type": "invalid_input", "messages": ["unsupported codec"]}}}');
select tests.clear_authentication();
select results_eq($$ select mux_asset_id, status::text, mux_playback_id, duration_seconds, aspect_ratio, ready_at is not null
                     from public.review_media where mux_upload_id = 'upload-1' $$,
  $$ values ('asset-1'::text, 'ready', 'pb-1'::text, 12.500::numeric, '9:16'::text, true) $$,
  'Mux events link the upload to its asset and mark it ready with the public playback id and duration');
select results_eq($$ select status::text, error from public.review_media where mux_asset_id = 'asset-2' $$,
  $$ values ('errored', 'unsupported codec'::text) $$, 'an errored asset records Mux''s message');

select set_config('test.pending_id', id::text, true) from public.reviews where original_id = 'y4';
-- Two storefront visitors: their ids are kept in their browsers, not in any table.
select tests.remember('visitor 1', gen_random_uuid()), tests.remember('visitor 2', gen_random_uuid());
select set_config('request.headers', '{"x-forwarded-for": "198.51.100.8, 10.0.0.1"}', true);
select tests.authenticate_as_anon();
select results_eq($$ select helpful_count from public.vote_review((select id from public.product_reviews(tests.workspace_id('A'), 'P4')
                        where title = 'y3'), tests.id('visitor 1'), 'helpful') $$,
  $$ values (1) $$, 'a visitor votes y3 helpful and gets the new count');
select public.vote_review((select id from public.product_reviews(tests.workspace_id('A'), 'P4') where title = 'y3'),
  tests.id('visitor 2'), 'helpful');
select public.vote_review((select id from public.product_reviews(tests.workspace_id('A'), 'P4') where title = 'y1'),
  tests.id('visitor 1'), 'helpful');
select public.vote_review((select id from public.product_reviews(tests.workspace_id('A'), 'P4') where title = 'y2'),
  tests.id('visitor 1'), 'unhelpful');
select throws_ok($$ select public.vote_review((select id from public.product_reviews(tests.workspace_id('A'), 'P4')
                      where title = 'y3'), tests.id('visitor 1'), 'unhelpful') $$,
  'PT409', 'you have already voted on this review', 'a second vote by the same voter is refused');
select throws_ok($$ select public.vote_review(current_setting('test.pending_id')::uuid, tests.id('visitor 1'), 'helpful') $$,
  'PT404', null, 'a pending review cannot be voted on: it is not found');

-- What anon sees: published reviews only, in each ordering, without private columns.
select results_eq($$ select title from public.product_reviews(tests.workspace_id('A'), 'P4') $$,
  $$ values ('y2'::text), ('y3'), ('y1') $$, 'newest first: y2 (March), y3 (February), y1 (January); pending and rejected hidden');
select results_eq($$ select title from public.product_reviews(tests.workspace_id('A'), 'P4', 'highest_rating') $$,
  $$ values ('y1'::text), ('y3'), ('y2') $$, 'highest rating first: 5, 4, 3');
select results_eq($$ select title from public.product_reviews(tests.workspace_id('A'), 'P4', 'lowest_rating') $$,
  $$ values ('y2'::text), ('y3'), ('y1') $$, 'lowest rating first: 3, 4, 5');
select results_eq($$ select title, helpful_count::integer, unhelpful_count::integer from public.product_reviews(tests.workspace_id('A'), 'P4', 'most_helpful') $$,
  $$ values ('y3'::text, 2, 0), ('y1', 1, 0), ('y2', 0, 1) $$, 'most helpful first: y3 (2 votes), y1 (1), y2 (0, one unhelpful)');
select results_eq($$ select title from public.product_reviews(tests.workspace_id('A'), 'P4', 'newest', 1, 1) $$,
  $$ values ('y3'::text) $$, 'pages with p_limit and p_offset');
select results_eq($$ select response_body, response_author_name, media::jsonb, verified_purchase::boolean
                     from public.product_reviews(tests.workspace_id('A'), 'P4') where title = 'y1' $$,
  $$ values ('Thank you, Ann!'::text, 'The A team'::text,
             '[{"playback_id": "pb-1", "duration_seconds": 12.500, "aspect_ratio": "9:16"}]'::jsonb, true) $$,
  'a review comes with the store''s reply and its ready videos only');
select results_eq($$ select count(*)::integer from public.product_reviews(tests.workspace_id('A'), 'P1') $$,
  $$ values (1) $$, 'P1 shows only the verified, auto-published review; the unverified ones wait');
select throws_ok($$ select * from public.product_reviews(tests.workspace_id('A'), 'P4', 'newest', 51) $$,
  'PT413', null, 'more than 50 reviews per page is refused');
select throws_ok($$ select * from public.product_reviews(tests.workspace_id('A'), 'P4', 'newest', 10, -1) $$,
  '22023', null, 'a negative offset is refused');
select throws_ok($$ select * from public.product_reviews(tests.workspace_id('A'), 'P4', 'sideways') $$,
  '22P02', null, 'an unknown ordering is refused');
select results_eq($$ select review_count::integer, average_rating, rating_3::integer, rating_4::integer, rating_5::integer
                     from public.product_rating(tests.workspace_id('A'), 'P4') $$,
  $$ values (3, 4.00::numeric, 1, 1, 1) $$, 'anon reads the rating summary');
select results_eq($$ select shopify_product_id::text, review_count::integer, average_rating
                     from public.product_ratings(tests.workspace_id('A'), '{P4,NOPE,P1}') $$,
  $$ values ('P4'::text, 3, 4.00::numeric), ('NOPE', 0, null), ('P1', 1, 4.00) $$,
  'summaries for several products, in the order asked, zeros for products without reviews');
select throws_ok($$ select * from public.product_ratings(tests.workspace_id('A'),
                      array(select 'p' || g from generate_series(1, 101) g)) $$, 'PT413', null, 'more than 100 products per call is refused');
select throws_ok($$ select * from public.reviews $$, '42501', null, 'anon cannot read the reviews table');
select throws_ok($$ select * from public.product_rating_summaries $$, '42501', null, 'anon cannot read the summary table');
select throws_ok($$ select * from public.review_votes $$, '42501', null, 'anon cannot read votes');
select throws_ok($$ select * from public.review_media $$, '42501', null, 'anon cannot read media rows');
select throws_ok($$ select private.hit_rate_limit('review_vote', 'x') $$, '42501', null,
  'anon can call nothing in private but the anon_* halves');
select throws_ok($$ select * from public.import_reviews(tests.workspace_id('A'), '[]') $$, '42501', null,
  'anon cannot import');
select throws_ok($$ select * from public.submit_review(tests.workspace_id('A'), 'PX', 5, 'x', 'n', 'a@b.cd') $$,
  'PT404', null, 'a review of an archived product is refused');
select throws_ok($$ select * from public.submit_review(tests.workspace_id('A'), 'P1', 0, 'x', 'n', 'a@b.cd') $$,
  '22023', 'rating must be a whole number from 1 to 5', 'a rating outside 1-5 is refused with a readable message');
select throws_ok($$ select * from public.submit_review(tests.workspace_id('A'), 'P1', 5, 'x', 'n', 'not-an-email') $$,
  '22023', 'a valid email address is required', 'an invalid email is refused');
select throws_ok($$ select * from public.submit_review(tests.workspace_id('A'), 'P1', 5, '   ', 'n', 'a@b.cd') $$,
  '22023', null, 'an empty review is refused');
select tests.clear_authentication();
select is_empty($$ select a.attname from pg_attribute a where a.attrelid = 'public.product_reviews_row'::regclass and a.attnum > 0
                   and a.attname ~ '(email|order|token|status|moderat|request|import)' $$,
  'what the storefront returns has no email, order, token, status or moderation column');
select is(pg_temp.vote_drift(), 0::bigint, 'vote counters equal a recount after votes');

-- ==================== moderation ====================
select set_config('test.y4', id::text, true) from public.reviews where original_id = 'y4';
select tests.authenticate_as('member-a');
select is(public.moderate_reviews(tests.workspace_id('A'), array[current_setting('test.y4')::uuid], 'published', 'looks fine'), 1,
  'a member publishes a pending review');
select results_eq($$ select status::text, moderated_by, published_at is not null, moderation_note from public.reviews
                     where id = current_setting('test.y4')::uuid $$,
  $$ values ('published', tests.user_id('member-a'), true, 'looks fine'::text) $$,
  'publishing stamps the moderator, the time and the note');
select throws_ok($$ select public.moderate_reviews(tests.workspace_id('A'), array[current_setting('test.y4')::uuid], 'pending') $$,
  '22023', null, 'moderation never sends a review back to pending');
select throws_ok($$ update public.reviews set status = 'pending' where id = current_setting('test.y4')::uuid $$,
  'PT409', 'a moderated review cannot go back to pending', 'neither does a direct update');
select throws_ok($$ select public.moderate_reviews(tests.workspace_id('A'),
                      array[current_setting('test.y4')::uuid, gen_random_uuid()], 'spam') $$,
  'PT404', null, 'an id that is not a review of the workspace fails the whole batch');
select is((select status::text from public.reviews where id = current_setting('test.y4')::uuid), 'published', 'and nothing changed');
select throws_ok($$ select public.moderate_reviews(tests.workspace_id('A'),
                      array(select gen_random_uuid() from generate_series(1, 501)), 'spam') $$, 'PT413', null,
  'more than 500 reviews per moderation call is refused');
select throws_ok($$ update public.reviews set rating = 5 where id = current_setting('test.y4')::uuid $$, '42501', null,
  'members cannot change a customer''s rating');
select throws_ok($$ update public.reviews set verified_purchase = true where id = current_setting('test.y4')::uuid $$, '42501', null,
  'members cannot mark a purchase verified');
select tests.clear_authentication();
select results_eq($$ select actor_id, old_data ->> 'status', new_data ->> 'status', new_data ? 'author_email'
                     from public.audit_log where table_name = 'reviews' and record_id = current_setting('test.y4') $$,
  $$ values (tests.user_id('member-a'), 'pending'::text, 'published'::text, false) $$,
  'the status change is audited, without the author''s email');
select is(pg_temp.summary_drift(), 0::bigint, 'after a status change the summary equals a recomputation');
-- By hand: y4 (1 star) joins y1 (5), y2 (3), y3 (4): 4 reviews, sum 13, average 3.25.
select results_eq($$ select review_count, average_rating, rating_1 from public.product_rating_summaries where shopify_product_id = 'P4' and workspace_id = tests.workspace_id('A') $$,
  $$ values (4, 3.25::numeric, 1) $$, 'P4 after publishing y4: 4 reviews, average 3.25');

select tests.authenticate_as('viewer-a');
select is_empty($$ update public.reviews set status = 'spam' returning id $$, 'a viewer''s moderation touches nothing');
select throws_ok($$ select public.moderate_reviews(tests.workspace_id('A'), array[current_setting('test.y4')::uuid], 'spam') $$,
  '42501', null, 'a viewer cannot moderate');
select isnt_empty($$ select author_email from public.reviews where author_email is not null $$, 'a viewer of the workspace reads reviews with emails');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.reviews where workspace_id <> tests.workspace_id('B') $$, 'B member: A''s reviews are invisible');
select is((select count(*)::integer from public.product_rating_summaries), 0, 'B member: A''s summaries are invisible');
select throws_ok($$ select public.moderate_reviews(tests.workspace_id('B'), array[current_setting('test.y4')::uuid], 'spam') $$,
  'PT404', null, 'B member: A''s review is not found in B');
select throws_ok($$ insert into public.review_responses (workspace_id, review_id, author_name, body)
                    values (tests.workspace_id('A'), current_setting('test.y4')::uuid, 'B', 'hi') $$,
  '42501', null, 'B member: cannot reply to A''s reviews');
select tests.authenticate_as('viewer-a');
select throws_ok($$ insert into public.review_responses (workspace_id, review_id, author_name, body)
                    values (tests.workspace_id('A'), current_setting('test.y4')::uuid, 'V', 'hi') $$,
  '42501', null, 'a viewer cannot reply');
select tests.clear_authentication();

-- More changes the summary must follow: a rating edit by re-import, a product change, deletes.
select tests.authenticate_as('member-a');
select results_eq($$ select * from public.import_reviews(tests.workspace_id('A'), '[
    {"imported_from": "yotpo", "original_id": "y1", "shopify_product_id": "P4", "rating": 2, "title": "y1", "body": "Best oil",
     "author_name": "Ann", "author_email": "Ann@Example.test", "verified_purchase": true, "submitted_at": "2026-01-01T00:00:00Z"},
    {"imported_from": "yotpo", "original_id": "y5", "shopify_product_id": "P4", "rating": 5, "title": "y5", "status": "published", "submitted_at": "2026-05-01T00:00:00Z"}
  ]') $$, $$ values (0, 2, 0) $$, 're-importing updates the rating of y1 and the content of y5');
select is((select status::text from public.reviews where original_id = 'y5'), 'rejected', 're-imports never override moderation');
select tests.clear_authentication();
select is(pg_temp.summary_drift(), 0::bigint, 'after a rating edit the summary equals a recomputation');
-- By hand: y1 now 2 stars: 2 + 3 + 4 + 1 = 10 over 4 reviews = 2.50.
select results_eq($$ select review_count, rating_sum, average_rating from public.product_rating_summaries where shopify_product_id = 'P4' and workspace_id = tests.workspace_id('A') $$,
  $$ values (4, 10::bigint, 2.50::numeric) $$, 'P4 after the rating edit: sum 10, average 2.50');
update public.reviews set shopify_product_id = 'P3' where original_id = 'y3';
select is(pg_temp.summary_drift(), 0::bigint, 'after moving a review to another product the summary equals a recomputation');
select tests.authenticate_as('member-a');
delete from public.review_votes where voter_id = tests.id('visitor 2');
delete from public.reviews where original_id in ('y2', 'y5');
delete from public.reviews where body = 'Forged!';
select tests.clear_authentication();
update public.review_votes set kind = 'unhelpful' where voter_id = tests.id('visitor 1')
  and review_id = (select id from public.reviews where original_id = 'y1');
select is(pg_temp.summary_drift(), 0::bigint, 'after deletes the summary equals a recomputation');
select is(pg_temp.vote_drift(), 0::bigint, 'after a vote is deleted, another changed and a voted review deleted, counters equal a recount');
select results_eq($$ select helpful_count, unhelpful_count from public.reviews where original_id = 'y3' $$,
  $$ values (1, 0) $$, 'y3 keeps one of its two helpful votes');
select is((select count(*)::integer from public.audit_log where table_name = 'reviews' and action = 'delete'
           and workspace_id = tests.workspace_id('A')), 3,
  'each deleted review is audited');

-- Deleting a workspace takes its summaries with it (the triggers skip a vanishing workspace).
delete from public.workspaces where id = tests.workspace_id('B');
select is(pg_temp.summary_drift(), 0::bigint, 'deleting a workspace leaves no summary drift');

-- ==================== rate limits ====================
update private.rate_limit_rules set max_hits = 2 where bucket in ('review_submit', 'review_vote');
select set_config('request.headers', '{"x-forwarded-for": "203.0.113.9"}', true);
select tests.authenticate_as_anon();
select public.submit_review(tests.workspace_id('A'), 'P3', 5, 'one', 'Rita', 'rita@example.test');
select public.submit_review(tests.workspace_id('A'), 'P3', 5, 'two', 'Rita', 'rita@example.test');
select throws_ok($$ select public.submit_review(tests.workspace_id('A'), 'P3', 5, 'three', 'Rita', 'rita@example.test') $$,
  'PGRST', null, 'the third review from one address within the hour is rate limited');
select set_config('request.headers', '{"x-forwarded-for": "192.0.2.99", "cf-connecting-ip": "203.0.113.9"}', true);
select throws_ok($$ select public.submit_review(tests.workspace_id('A'), 'P3', 5, 'four', 'Rita', 'rita@example.test') $$,
  'PGRST', null, 'a client-chosen X-Forwarded-For does not escape the limit where Cloudflare names the address');
select set_config('request.headers', '{"x-forwarded-for": "203.0.113.10"}', true);
select lives_ok($$ select public.submit_review(tests.workspace_id('A'), 'P3', 5, 'other', 'Sam', 'sam@example.test') $$,
  'another address is not limited');
select public.vote_review((select id from public.product_reviews(tests.workspace_id('A'), 'P4') limit 1),
  gen_random_uuid(), 'helpful');
select public.vote_review((select id from public.product_reviews(tests.workspace_id('A'), 'P4') limit 1),
  gen_random_uuid(), 'helpful');
select throws_ok($$ select public.vote_review((select id from public.product_reviews(tests.workspace_id('A'), 'P4') limit 1),
                      gen_random_uuid(), 'helpful') $$, 'PGRST', null, 'votes are rate limited per address even with fresh voter ids');
select tests.clear_authentication();
select is((select count(*)::integer from private.rate_limit_hits h
           where h.key_hash = digest((select salt from private.rate_limit_salt) || convert_to('review_submit|' || tests.workspace_id('A') || '|203.0.113.9', 'UTF8'), 'sha256')),
  1, 'the limit is kept per salted hash of bucket, shop and address, no address in clear');
select is(pg_temp.vote_drift(), 0::bigint, 'counters still equal a recount');

select * from finish();
rollback;
