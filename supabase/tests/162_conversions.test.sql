-- Conversions from the outside: who configures destinations and with which credential; each new
-- event's status per destination (queued, or skipped for configuration and consent); one job per
-- event and destination, never two; purchases from orders with hashed user data and the order id
-- as event id; record_conversion_events hashing plaintext and refusing bad input; the worker's
-- report setting statuses and accuracy; workspaces without destinations left as they were.
begin;
set search_path = extensions, public;
select plan(28);

select tests.two_workspaces();
insert into public.integration_connections (workspace_id, provider, external_account_id) values
  (tests.workspace_id('A'), 'meta', 'act_1'), (tests.workspace_id('A'), 'ga4', 'G-ABCD1234'),
  (tests.workspace_id('B'), 'tiktok', '7000000001');
update public.ad_sync_schedules set enabled = false;
create temp table conn as select external_account_id as name, id from public.integration_connections
  where external_account_id in ('act_1', 'G-ABCD1234', '7000000001');
grant select on conn to authenticated, service_role;

-- ================= destinations
select tests.authenticate_as('admin-a');
select lives_ok($$ insert into public.conversion_destinations (workspace_id, destination, connection_id, pixel_id)
  values (tests.workspace_id('A'), 'meta', (select id from conn where name = 'act_1'), '1234567890') $$, 'an admin adds Meta with the Meta connection');
select lives_ok($$ insert into public.conversion_destinations (workspace_id, destination, connection_id, pixel_id, require_consent)
  values (tests.workspace_id('A'), 'ga4', (select id from conn where name = 'G-ABCD1234'), 'G-ABCD1234', false) $$, 'and GA4 with its secret');
select throws_ok($$ insert into public.conversion_destinations (workspace_id, destination, connection_id, pixel_id)
  values (tests.workspace_id('A'), 'tiktok', (select id from conn where name = 'act_1'), 'CABCDEFGHIJ12345') $$,
  '22023', 'a tiktok destination sends with the workspace''s tiktok connection', 'a destination needs its own platform''s connection');
select throws_ok($$ insert into public.conversion_destinations (workspace_id, destination, connection_id, pixel_id)
  values (tests.workspace_id('A'), 'tiktok', (select id from conn where name = '7000000001'), 'CABCDEFGHIJ12345') $$,
  '22023', format('connection %s is not one of this workspace''s', (select id from conn where name = '7000000001')),
  'and a connection of its own workspace');
select throws_ok($$ update public.conversion_destinations set pixel_id = 'not a pixel' where destination = 'meta' $$,
  '23514', null, 'pixel ids have their platform''s shape');
select tests.authenticate_as('member-a');
select is_empty($$ select * from public.conversion_destinations $$, 'members do not see destinations');
select throws_ok($$ insert into public.conversion_destinations (workspace_id, destination, connection_id, pixel_id)
  values (tests.workspace_id('A'), 'tiktok', (select id from conn where name = '7000000001'), 'CABCDEFGHIJ12345') $$,
  '42501', null, 'nor add them');
select throws_ok($$ select private.connect_with_secret(tests.workspace_id('A'), 'ga4', 'G-XXXX9999', 'v1.k.a.b', 'k') $$,
  '42501', null, 'only admins store a GA4 secret');

-- ================= events
select tests.authenticate_as_service_role();
select results_eq($$ select * from public.record_conversion_events(tests.workspace_id('A'), jsonb_build_array(
  jsonb_build_object('event_id', 'e1', 'event_name', 'add_to_cart', 'occurred_at', now() - interval '1 hour', 'marketing_consent', true,
    'visitor_id', 'v1', 'user_data', jsonb_build_object('email', ' Ann@Example.com ', 'phone', '+44 (20) 7946-0958', 'fbp', 'fb.1.1.2')),
  jsonb_build_object('event_id', 'e2', 'event_name', 'page_view', 'occurred_at', now() - interval '50 minutes'))) $$,
  $$ values (2, 0) $$, 'the server-side pixel records events');
select results_eq($$ select event_id, meta_status::text, ga4_status::text, tiktok_status::text from public.pixel_events
  where workspace_id = tests.workspace_id('A') order by event_id $$,
  $$ values ('e1', 'pending', 'pending', 'skipped'), ('e2', 'skipped', 'pending', 'skipped') $$,
  'with consent Meta is queued; without it only GA4, which does not require it; TikTok is not configured');
select results_eq($$ select user_data ->> 'em', user_data ->> 'ph', user_data ? 'email', user_data ? 'phone' from public.pixel_events where event_id = 'e1' $$,
  $$ values (encode(sha256('ann@example.com'), 'hex'), encode(sha256('+442079460958'), 'hex'), false, false) $$,
  'a plaintext email and phone are hashed (normalised SHA-256) and not kept');
select results_eq($$ select payload ->> 'destination', payload ->> 'event_id', connection_id = (select id from conn where name = 'act_1')
  from private.connector_jobs where queue = 'conversions' and workspace_id = tests.workspace_id('A') order by 2, 1 $$,
  $$ values ('ga4', 'e1', false), ('meta', 'e1', true), ('ga4', 'e2', false) $$, 'one job per event and pending destination, with its credential');
select results_eq($$ select * from public.record_conversion_events(tests.workspace_id('A'), jsonb_build_array(
  jsonb_build_object('event_id', 'e1', 'event_name', 'add_to_cart', 'occurred_at', (select occurred_at from public.pixel_events where event_id = 'e1')))) $$,
  $$ values (0, 1) $$, 'the same event again is a duplicate');
select is((select count(*)::int from private.connector_jobs where queue = 'conversions'), 3, 'and queues nothing more');
select throws_ok($$ select public.record_conversion_events(tests.workspace_id('A'), '[{"event_id": "x", "event_name": "purchase", "occurred_at": "2026-12-01T00:00:00Z", "user_data": {"em": "ann@example.com"}}]') $$,
  '22023', 'events[0].user_data.em: must be the SHA-256 of the normalised value (64 lowercase hex)', 'a hash field must hold a hash');
select throws_ok($$ select public.record_conversion_events(tests.workspace_id('A'), '[{"event_id": "x", "event_name": "purchase", "occurred_at": "2026-12-01T00:00:00Z", "user_data": {"password": "x"}}]') $$,
  '22023', 'events[0].user_data.password: not a field the platforms take', 'unknown user data is refused');
select throws_ok($$ select public.record_conversion_events(tests.workspace_id('A'), '[{"event_id": "x", "event_name": "purchase", "occurred_at": "2026-12-01T00:00:00Z", "marketing_consent": "yes"}]') $$,
  '22023', 'events[0].marketing_consent: must be true, false or null', 'consent is a boolean');
select tests.authenticate_as('admin-a');
select throws_ok($$ select public.record_conversion_events(tests.workspace_id('A'), '[]') $$, '42501', null, 'users do not record conversion events');

-- ================= orders
select tests.authenticate_as_service_role();
select is((select count(*)::int from public.upsert_orders(tests.workspace_id('A'), jsonb_build_array(
  jsonb_build_object('shopify_order_id', '9001', 'currency', 'GBP', 'total_price_cents', 4200, 'processed_at', now() - interval '30 minutes',
    'email', 'ann@example.com', 'shopify_customer_id', '55', 'visitor_id', 'v1', 'landing_site', 'https://shop.test/?fbclid=FB1&ttclid=TT1')))), 1,
  'an order comes in');
select results_eq($$ select event_id, event_name, value_cents, currency::text, marketing_consent, meta_status::text, ga4_status::text
  from public.pixel_events where shopify_order_id = '9001' $$,
  $$ values ('9001', 'purchase', 4200::bigint, 'GBP', true, 'pending', 'pending') $$,
  'it becomes a purchase event with the order id as event id, the visitor''s consent, queued');
select results_eq($$ select user_data ->> 'em', user_data ->> 'external_id', user_data ->> 'ttclid', user_data ->> 'fbc' ~ '^fb\.1\.\d{13}\.FB1$'
  from public.pixel_events where shopify_order_id = '9001' $$,
  $$ values (encode(sha256('ann@example.com'), 'hex'), encode(sha256('55'), 'hex'), 'TT1', true) $$,
  'with the hashed email and customer id and the click ids');
select is((select count(*)::int from public.upsert_orders(tests.workspace_id('B'), '[{"shopify_order_id": "9002", "currency": "GBP", "total_price_cents": 1, "processed_at": "2026-12-01T00:00:00Z"}]')), 1,
  'an order in a workspace without destinations');
select is_empty($$ select 1 from public.pixel_events where shopify_order_id = '9002' $$, 'makes no event there');

-- ================= the worker's report
create temp table claimed as select * from private.claim_connector_jobs('conversions', 10);
grant select on claimed to service_role;
select is((select count(*)::int from claimed), 5, 'the worker claims every due job');
select results_eq($$ select event_id, destination::text, value::text from private.conversion_batch(array(select job_id from claimed))
  where event_id = '9001' order by 2 $$,
  $$ values ('9001', 'ga4', '42.0000000000000000'), ('9001', 'meta', '42.0000000000000000') $$,
  'and reads each job''s event with its value in pounds');
select is(private.finish_conversion_jobs((select jsonb_agg(jsonb_build_object('job_id', c.job_id, 'lease_id', c.lease_id,
    'outcome', case when c.payload ->> 'destination' = 'meta' and c.payload ->> 'event_id' = '9001' then 'dead' else 'done' end,
    'error', case when c.payload ->> 'destination' = 'meta' then 'Meta answered 400' end)) from claimed c)),
  '{"dead": 1, "done": 4}'::jsonb, 'the report finishes every job');
select results_eq($$ select event_id, meta_status::text, ga4_status::text, last_error from public.pixel_events
  where workspace_id = tests.workspace_id('A') order by event_id $$,
  $$ values ('9001', 'failed', 'sent', 'meta: Meta answered 400'), ('e1', 'sent', 'sent', null), ('e2', 'skipped', 'sent', null) $$,
  'statuses come from the results: sent, or failed with the error');
select results_eq($$ select shopify_orders, tracked_orders, meta_sent, ga4_sent from public.pixel_accuracy_hourly
  where workspace_id = tests.workspace_id('A') $$,
  $$ values (1, 1, 0, 1) $$, 'and the hour''s accuracy is recomputed from them');

select * from finish();
rollback;
