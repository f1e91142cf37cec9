-- Integrations from the outside: who sees connections, that nobody reads ciphertext or OAuth
-- state through the API, the secret audit trail, outbound queueing, backoff and dead letters.
begin;
set search_path = extensions, public;
select plan(47);
select tests.without_demo_data();

select tests.two_workspaces();
insert into private.oauth_states (state_hash, user_id, workspace_id, provider, redirect_to, account_id)
values (repeat('0', 64), tests.user_id('admin-a'), tests.workspace_id('A'), 'meta', '/x', 'act_1');
select private.oauth_complete(repeat('0', 64), 'meta', 'act_1', array['ads_read'], now() + interval '1 hour',
  'v1.k1.aaaa.bbbb', null, 'k1', '{}');

-- ---------- connections: admins of the workspace only, never the tokens
select tests.authenticate_as('admin-a');
select results_eq($$ select provider::text, external_account_id, status::text from public.integration_connections $$,
  $$ values ('meta', 'act_1', 'active') $$, 'an admin sees the workspace''s connections');
select throws_ok($$ select * from private.integration_tokens $$, '42501', null, 'an admin cannot read token ciphertext');
select throws_ok($$ select * from private.oauth_states $$, '42501', null, 'an admin cannot read OAuth state');
select throws_ok($$ select * from private.webhook_events $$, '42501', null, 'an admin cannot read raw webhook events');
select throws_ok($$ select * from private.webhook_endpoint_secrets $$, '42501', null, 'an admin cannot read signing secrets');
select throws_ok($$ insert into public.integration_connections (workspace_id, provider, external_account_id)
  values (tests.workspace_id('A'), 'meta', 'act_2') $$, '42501', null, 'connections are written by edge functions only');
select throws_ok($$ select private.oauth_complete(repeat('a', 64), 'shopify', 'x', null, null, 'v1.k1.a.b', null, 'k1') $$,
  '42501', null, 'completing OAuth is not callable by users (only the service, after the code exchange)');
select tests.authenticate_as('member-a');
select is_empty($$ select * from public.integration_connections $$, 'a member does not see connections');
select tests.authenticate_as('owner-b');
select is_empty($$ select * from public.integration_connections $$, 'another workspace''s owner sees nothing');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.integration_connections $$, '42501', null, 'anon cannot read connections');

-- ---------- OAuth state: begun as the admin (the database decides), single use, expiring
select tests.authenticate_as('member-a');
select throws_ok($$ select private.oauth_begin(tests.workspace_id('A'), 'shopify', repeat('b', 64), null,
  '/x', 'a.myshopify.com', null, null) $$, '42501', null, 'a member cannot start OAuth');
select tests.authenticate_as('owner-b');
select throws_ok($$ select private.oauth_begin(tests.workspace_id('A'), 'shopify', repeat('b', 64), null,
  '/x', 'a.myshopify.com', null, null) $$, '42501', null, 'another workspace''s owner cannot start OAuth for A');
select tests.authenticate_as('admin-a');
select lives_ok($$ select private.oauth_begin(tests.workspace_id('A'), 'shopify', repeat('c', 64), repeat('d', 64),
  '/x', 'a.myshopify.com', null, null) $$, 'an admin starts OAuth');
select tests.clear_authentication();
select is((select user_id from private.oauth_states where state_hash = repeat('c', 64)), tests.user_id('admin-a'),
  'the state is bound to the caller, taken from the session');
select tests.authenticate_as_service_role();
select throws_ok($$ select * from private.oauth_pending(repeat('c', 64), 'meta') $$, 'PT404', null,
  'a state is not valid for another provider');
select results_eq($$ select shop, browser_hash from private.oauth_pending(repeat('c', 64), 'shopify') $$,
  $$ values ('a.myshopify.com', repeat('d', 64)) $$, 'looking a state up does not consume it');
select lives_ok($$ select private.oauth_complete(repeat('c', 64), 'shopify', 'a.myshopify.com', null, null, 'v1.k1.aaaa.bbbb', null, 'k1') $$,
  'completing consumes it');
select throws_ok($$ select private.oauth_complete(repeat('c', 64), 'shopify', 'a.myshopify.com', null, null, 'v1.k1.aaaa.bbbb', null, 'k1') $$,
  'PT404', null, 'and never again');
select is((select shop_domain from public.workspaces where id = tests.workspace_id('A')), 'a.myshopify.com',
  'the install attached the shop');
select tests.clear_authentication();
insert into private.oauth_states (state_hash, user_id, workspace_id, provider, redirect_to, shop)
values (repeat('e', 64), tests.user_id('owner-b'), tests.workspace_id('B'), 'shopify', '/x', 'a.myshopify.com');
select tests.authenticate_as_service_role();
select throws_ok($$ select private.oauth_complete(repeat('e', 64), 'shopify', 'a.myshopify.com', null, null, 'v1.k1.aaaa.bbbb', null, 'k1') $$,
  'PT409', null, 'a shop connected to A cannot be connected to B');
select tests.clear_authentication();
select is((select consumed_at from private.oauth_states where state_hash = repeat('e', 64)), null, 'and B''s state stays usable');
select tests.authenticate_as_service_role();

-- ---------- user secrets: owner sees names, never ciphertext; everything audited
select tests.authenticate_as_service_role();
select private.store_user_secret(tests.user_id('member-a'), 'openai', 'openai', 'v1.k1.aaaa.bbbb', 'k1', 'x9Zq');
select private.store_user_secret(tests.user_id('member-a'), 'openai', 'openai', 'v1.k1.cccc.dddd', 'k1', 'Zq9x');
select results_eq($$ select ciphertext from private.read_user_secret(tests.user_id('member-a'), 'openai') $$,
  $$ values ('v1.k1.cccc.dddd') $$, 'the edge function reads the ciphertext');
delete from public.user_secrets where name = 'openai';
select tests.authenticate_as('member-a');
select results_eq($$ select action::text from public.secret_audit_logs order by id $$,
  $$ values ('create'), ('rotate'), ('read'), ('delete') $$, 'create, rotate, read and delete are all in the owner''s trail');
select hasnt_column('public', 'user_secrets', 'ciphertext', 'no ciphertext in the public table: select(''*'') works');
select throws_ok($$ select * from private.user_secret_values $$, '42501', null, 'the owner cannot read ciphertext');
select throws_ok($$ select * from private.read_user_secret(tests.user_id('member-a'), 'openai') $$, '42501', null,
  'users cannot call the read path directly');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.secret_audit_logs $$, 'nobody else sees the trail');

-- ---------- outbound: admins create endpoints and see the secret once; events queue by trigger
select tests.authenticate_as('admin-a');
create temp table ep on commit drop as
  select * from public.create_webhook_endpoint(tests.workspace_id('A'), 'https://hooks.example.com/x', '{order.created}');
select ok((select secret ~ '^whsec_' from ep), 'the signing secret is returned at creation');
select throws_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('B'), 'https://x.example.com', '{order.created}') $$,
  '42501', null, 'not in another workspace');
select throws_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('A'), 'https://x.example.com', '{order.deleted}') $$,
  '22023', 'unknown event type order.deleted', 'only known event types (22023 naming the unknown one)');
select tests.authenticate_as('member-a');
select throws_ok($$ select * from public.create_webhook_endpoint(tests.workspace_id('A'), 'https://x.example.com', '{order.created}') $$,
  '42501', null, 'not for members');
select tests.clear_authentication();
select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "1", "currency": "USD", "total_price_cents": 100, "processed_at": "2026-11-01T00:00:00Z"}]');
select results_eq($$ select event_type, status::text from public.webhook_deliveries $$, $$ values ('order.created', 'pending') $$,
  'a new order queues order.created for the subscribed endpoint');
select is(private.webhook_backoff(1, 0.5), interval '30 seconds', 'first retry after 30 s (jitter 1.0)');
select is(private.webhook_backoff(5, 0.0), interval '240 seconds', 'backoff doubles, jitter can halve it');
select is(private.webhook_backoff(20, 1.0), interval '32400 seconds', 'capped at 6 h before jitter');
update public.webhook_deliveries set attempts = 8;
select is(private.finish_webhook_delivery((select id from public.webhook_deliveries), 500, 'HTTP 500')::text, 'dead',
  'the 8th failure dead-letters the delivery');
update public.webhook_endpoints set consecutive_failures = 49;
insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload, attempts)
  select workspace_id, id, 'order.created', '{}', 1 from public.webhook_endpoints;
select private.finish_webhook_delivery((select max(id) from public.webhook_deliveries), null, 'timeout');
select results_eq($$ select enabled, disabled_reason from public.webhook_endpoints $$,
  $$ values (false, '50 consecutive failed deliveries') $$, 'sustained failure disables the endpoint');

-- created_at is fixed by keep_tenant_keys; backdating for a retention test skips triggers.
set local session_replication_role = replica;
update public.webhook_deliveries set created_at = now() - interval '31 days' where status = 'dead';
set local session_replication_role = origin;
select is(private.purge_webhook_history(), 1, 'finished deliveries older than 30 days are purged, pending ones stay');

-- Scheduled work calls functions the cloud way: pg_net with the Vault secrets. Runs unchanged on
-- the embedded stack (its pg_net and Vault stand-ins) and under `supabase start` (the real ones).
delete from vault.secrets where name in ('project_url', 'service_role_key');
select is(private.invoke_function('webhook-dispatch'), null, 'without the Vault secrets a scheduled call does nothing');
select vault.create_secret('https://gateway.test/', 'project_url');
select vault.create_secret('sb_secret_test_key', 'service_role_key');
create temp table queued_before on commit drop as select coalesce(max(id), 0) as id from net.http_request_queue;
select isnt(private.invoke_function('webhook-dispatch'), null, 'with them the call is queued through pg_net');
select results_eq($$ select method::text, url, headers ->> 'apikey', headers ->> 'Authorization' from net.http_request_queue
                     where id > (select id from queued_before) $$,
  $$ values ('POST', 'https://gateway.test/functions/v1/webhook-dispatch', 'sb_secret_test_key', 'Bearer sb_secret_test_key') $$,
  'the call carries the secret key as apikey and bearer');
do $$ begin execute (select command from cron.job where jobname = 'oauth-token-refresh'); end $$;
select is((select url from net.http_request_queue where id > (select id from queued_before) order by id desc limit 1),
  'https://gateway.test/functions/v1/oauth/refresh', 'the token-refresh cron command calls oauth/refresh');
select throws_ok($$ select private.invoke_function('health') $$, '22023', null, 'only listed functions can be called');

-- Queued deliveries wake the dispatcher: once per pending round, however many statements queue.
delete from net.http_request_queue where id > (select id from queued_before);
update private.callable_functions set wake_requested_at = null;
update public.webhook_endpoints set enabled = true, consecutive_failures = 0;
insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
  select workspace_id, id, 'order.created', '{}' from public.webhook_endpoints where enabled limit 1;
insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
  select workspace_id, id, 'order.created', '{}' from public.webhook_endpoints where enabled limit 1;
insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
  select workspace_id, id, 'order.created', '{}' from public.webhook_endpoints where false;
select is((select count(*)::int from net.http_request_queue where id > (select id from queued_before)
           and url like '%/functions/v1/webhook-dispatch'), 1,
  'three statements (one queuing nothing) while no round has started make one wake-up call');
select private.function_round_started('webhook-dispatch');
insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
  select workspace_id, id, 'order.created', '{}' from public.webhook_endpoints where enabled limit 1;
select is((select count(*)::int from net.http_request_queue where id > (select id from queued_before)
           and url like '%/functions/v1/webhook-dispatch'), 2, 'once a round has started, new deliveries wake it again');

-- The sweeper calls only when something is due.
delete from net.http_request_queue where id > (select id from queued_before);
update public.webhook_deliveries set next_attempt_at = now() + interval '1 hour' where status = 'pending';
do $$ begin execute (select command from cron.job where jobname = 'webhook-dispatch'); end $$;
select is((select count(*)::int from net.http_request_queue where id > (select id from queued_before)), 0,
  'with nothing due the minute sweeper makes no call');
update public.webhook_deliveries set next_attempt_at = now() - interval '1 second' where status = 'pending';
do $$ begin execute (select command from cron.job where jobname = 'webhook-dispatch'); end $$;
select is((select count(*)::int from net.http_request_queue where id > (select id from queued_before)
           and url = 'https://gateway.test/functions/v1/webhook-dispatch'), 1, 'with a delivery due it calls the dispatcher');

select * from finish();
rollback;
