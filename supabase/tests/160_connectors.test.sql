-- Connectors: connection health from call outcomes (throttling, re-authorisation, failing, the
-- deduplicated ops alert and its resolution), who reads it, and the connector queue (idempotent
-- enqueue, claims that skip throttled connections and take one job per connection, leases that
-- run out, every finish outcome, progress under a lease, dead letters, retention) with the
-- shared backoff.
begin;
set search_path = extensions, public;
select plan(52);

select tests.two_workspaces();
select private.register_connector_queue('probe', 'probe-worker', 'a test queue', p_lease => interval '1 minute', p_max_attempts => 3);
select private.register_connector_queue('probe_batch', 'probe-worker', 'a test queue that batches', p_one_per_connection => false);
insert into public.integration_connections (workspace_id, provider, external_account_id) values
  (tests.workspace_id('A'), 'meta', 'act_1'), (tests.workspace_id('A'), 'google_ads', '111'),
  (tests.workspace_id('B'), 'meta', 'act_2');
create temp table conn as
  select external_account_id as name, id from public.integration_connections where external_account_id in ('act_1', '111', 'act_2');
grant select on conn to authenticated, service_role;

-- ================= health
select tests.authenticate_as_service_role();
select is(private.record_connection_call((select id from conn where name = 'act_1'), 'throttled', 'code 17',
  now() + interval '10 minutes'), 'rate_limited'::public.connection_health, 'a throttled call makes the connection rate_limited');
select results_eq($$ select health::text, throttled_until = now() + interval '10 minutes', last_error
  from public.integration_connections where external_account_id = 'act_1' $$,
  $$ values ('rate_limited', true, 'code 17') $$, 'until the time the provider gave, with the error');
select private.record_connection_call((select id from conn where name = 'act_1'), 'throttled', 'code 4', now() + interval '1 minute') is not null;
select ok((select throttled_until = now() + interval '10 minutes' from public.integration_connections where external_account_id = 'act_1'),
  'a shorter throttle never shortens a longer one');
select is(private.connection_callable('active', 'rate_limited', now() + interval '1 second'), false, 'a throttled connection is not callable');
select is(private.connection_callable('active', 'rate_limited', now() - interval '1 second'), true, 'once the time has passed it is');
select is(private.connection_callable('expired', 'ok', null), false, 'an expired connection is not callable');
select is_empty($$ select * from public.ops_alerts where dedupe_key like 'connection:%' $$, 'throttling raises no alert');

select private.record_connection_call((select id from conn where name = '111'), 'retry_later', 'HTTP 500') is not null;
select private.record_connection_call((select id from conn where name = '111'), 'bad_request', 'HTTP 400') is not null;
select is((select health::text from public.integration_connections where external_account_id = '111'), 'ok',
  'two failures in a row are not yet failing');
select is(private.record_connection_call((select id from conn where name = '111'), 'retry_later', 'HTTP 502 Bad Gateway'),
  'failing'::public.connection_health, 'the third makes the connection failing');
select private.record_connection_call((select id from conn where name = '111'), 'retry_later', 'HTTP 503') is not null;
select results_eq($$ select count(*)::int, min(severity::text), min(title), min(status::text), min(message)
  from public.ops_alerts where dedupe_key = 'connection:' || (select id from conn where name = '111') $$,
  $$ values (1, 'medium', 'Google Ads 111 is failing', 'open', 'HTTP 502 Bad Gateway') $$,
  'one alert while it keeps failing, from the failure that made it fail');
select is(private.record_connection_call((select id from conn where name = '111'), 'ok'), 'ok'::public.connection_health, 'a call that works');
select results_eq($$ select health::text, consecutive_failures, last_error is null, last_success_at = now()
  from public.integration_connections where external_account_id = '111' $$,
  $$ values ('ok', 0, true, true) $$, 'makes it ok and forgets the failures');
select is((select status::text from public.ops_alerts where dedupe_key = 'connection:' || (select id from conn where name = '111')),
  'resolved', 'and resolves its alert');

select is(private.record_connection_call((select id from conn where name = 'act_1'), 'token_invalid', 'Error validating access token'),
  'reauth_required'::public.connection_health, 'a refused token makes it reauth_required');
select results_eq($$ select severity::text, title from public.ops_alerts
  where dedupe_key = 'connection:' || (select id from conn where name = 'act_1') and status = 'open' $$,
  $$ values ('high', 'Meta act_1 needs to be reconnected') $$, 'with a high alert');
select is(private.record_connection_call((select id from conn where name = 'act_1'), 'retry_later', 'HTTP 500'),
  'reauth_required'::public.connection_health, 'other failures do not hide that it needs reconnecting');
insert into private.integration_tokens (connection_id, access_token_ciphertext, key_id)
values ((select id from conn where name = 'act_1'), 'v1.k1.aaaa.bbbb', 'k1');
select results_eq($$ select health::text, throttled_until is null from public.integration_connections where external_account_id = 'act_1' $$,
  $$ values ('ok', true) $$, 'new tokens end reauth_required');
select is((select status::text from public.ops_alerts where dedupe_key = 'connection:' || (select id from conn where name = 'act_1')),
  'resolved', 'and resolve the alert');
update public.integration_connections set status = 'expired', last_error = 'invalid_grant' where external_account_id = '111';
select results_eq($$ select health::text, (select count(*)::int from public.ops_alerts a where a.dedupe_key = 'connection:' || c.id and a.status = 'open')
  from public.integration_connections c where external_account_id = '111' $$,
  $$ values ('reauth_required', 1) $$, 'a connection whose refresh failed (expired) needs reconnecting, with an alert');
select throws_ok($$ select private.record_connection_call(null, 'ok') $$, '22023', null, 'the connection is required');

-- who reads health
select tests.authenticate_as('admin-a');
select results_eq($$ select external_account_id, health::text from public.integration_connections order by 1 $$,
  $$ values ('111', 'reauth_required'), ('act_1', 'ok') $$, 'admins read their connections'' health');
select tests.authenticate_as('member-a');
select is_empty($$ select * from public.integration_connections $$, 'members do not');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.integration_connections where workspace_id = tests.workspace_id('A') $$, 'nor another workspace');
select tests.authenticate_as_anon();
select throws_ok($$ select private.record_connection_call((select id from conn where name = 'act_1'), 'ok') $$,
  '42501', null, 'anon cannot record call outcomes');
select tests.authenticate_as('admin-a');
select throws_ok($$ select private.record_connection_call((select id from conn where name = 'act_1'), 'ok') $$,
  '42501', null, 'nor can users');
select throws_ok($$ select * from private.claim_connector_jobs('probe', 1) $$, '42501', null, 'users cannot claim jobs');

-- ================= the queue
select tests.authenticate_as_service_role();
update public.integration_connections set status = 'active', health = 'ok', throttled_until = null
where external_account_id in ('111', 'act_1');
select is(private.enqueue_connector_job('probe', tests.workspace_id('A'), (select id from conn where name = 'act_1'), 'w1', '{"n": 1}', 50::smallint),
  private.enqueue_connector_job('probe', tests.workspace_id('A'), (select id from conn where name = 'act_1'), 'w1', '{"n": 99}'),
  'the same key queued twice is one job');
select private.enqueue_connector_job('probe', tests.workspace_id('A'), (select id from conn where name = 'act_1'), 'w2', '{"n": 2}');
select private.enqueue_connector_job('probe', tests.workspace_id('A'), (select id from conn where name = '111'), 'w3', '{"n": 3}');
select private.enqueue_connector_job('probe', tests.workspace_id('B'), (select id from conn where name = 'act_2'), 'w4', '{"n": 4}');
select is((select payload from private.connector_jobs where idempotency_key = 'w1'), '{"n": 1}'::jsonb, 'and keeps the first payload');
select throws_ok($$ select private.enqueue_connector_job('probe', tests.workspace_id('B'), (select id from conn where name = 'act_1'), 'x') $$,
  '22023', null, 'a job cannot name another workspace''s connection');
reset role;
select is((select wake_requested_at is not null from private.callable_functions where name = 'probe-worker'), true,
  'queueing due work wakes the worker');
select tests.authenticate_as_service_role();

select private.record_connection_call((select id from conn where name = 'act_2'), 'throttled', 'slow', now() + interval '5 minutes') is not null;
select results_eq($$ select idempotency_key, provider::text, attempts from private.claim_connector_jobs('probe', 10) order by 1 $$,
  $$ values ('w1', 'meta', 1), ('w3', 'google_ads', 1) $$,
  'a claim takes one job per connection, the highest priority first, and skips the throttled connection');
select is_empty($$ select * from private.claim_connector_jobs('probe', 10) $$, 'no second job of a connection while one is leased');

select is(private.finish_connector_job(j.id, j.lease_id, 'wait', null, now() + interval '30 seconds', '{"report": "r1"}'),
  'queued'::private.connector_job_status, 'a job waiting for the provider goes back to the queue')
from private.connector_jobs j where j.idempotency_key = 'w1';
select results_eq($$ select attempts, next_attempt_at = now() + interval '30 seconds', progress ->> 'report', last_outcome::text
  from private.connector_jobs where idempotency_key = 'w1' $$,
  $$ values (0, true, 'r1', 'wait') $$, 'without counting the attempt, due when asked, with its progress and how the turn ended');
select is(private.finish_connector_job(j.id, gen_random_uuid(), 'done'), null, 'a report under another lease changes nothing')
from private.connector_jobs j where j.idempotency_key = 'w3';
select throws_ok($$ select private.touch_connector_job(j.id, gen_random_uuid(), '{}') from private.connector_jobs j where j.idempotency_key = 'w3' $$,
  'PT409', null, 'saving progress under a lost lease fails, so its transaction rolls back');
select ok((select (private.touch_connector_job(j.id, j.lease_id, '{"page": 2}')).lease_expires_at = now() + interval '1 minute'
  from private.connector_jobs j where j.idempotency_key = 'w3'), 'saving progress extends the lease');

select private.finish_connector_job(j.id, j.lease_id, 'retry', 'HTTP 500') from private.connector_jobs j where j.idempotency_key = 'w3';
select results_eq($$ select status::text, attempts, next_attempt_at > now() + interval '14 seconds', last_error, progress ->> 'page'
  from private.connector_jobs where idempotency_key = 'w3' $$,
  $$ values ('queued', 1, true, 'HTTP 500', '2') $$, 'a failed attempt retries after the backoff, keeping its progress');

-- a worker that dies: its lease runs out, the job is claimed again; on the last attempt it is dead
reset role;
update private.connector_jobs set next_attempt_at = now() - interval '1 second' where idempotency_key in ('w2', 'w3');
select tests.authenticate_as_service_role();
select results_eq($$ select idempotency_key, attempts from private.claim_connector_jobs('probe', 10) order by 1 $$,
  $$ values ('w2', 1), ('w3', 2) $$, 'due jobs of both connections are claimed');
reset role;
update private.connector_jobs set lease_expires_at = now() - interval '1 second' where idempotency_key = 'w3';
select tests.authenticate_as_service_role();
select results_eq($$ select idempotency_key, attempts from private.claim_connector_jobs('probe', 10) $$,
  $$ values ('w3', 3) $$, 'a lapsed lease is claimed again');
reset role;
update private.connector_jobs set lease_expires_at = now() - interval '1 second' where idempotency_key = 'w3';
select tests.authenticate_as_service_role();
select is_empty($$ select * from private.claim_connector_jobs('probe', 10) $$, 'a lease that lapses on the last attempt is not claimed again');
select results_eq($$ select status::text, last_error, finished_at = now() from private.connector_jobs where idempotency_key = 'w3' $$,
  $$ values ('dead', 'HTTP 500 / the worker did not report back within the lease (3 attempts)', true) $$, 'it is a dead letter saying why');

select is(private.finish_connector_job(j.id, j.lease_id, 'continue', null, null, '{"cursor": "c2"}'), 'queued'::private.connector_job_status,
  'progress with more to do') from private.connector_jobs j where j.idempotency_key = 'w2';
select results_eq($$ select attempts, next_attempt_at = now(), progress ->> 'cursor' from private.connector_jobs where idempotency_key = 'w2' $$,
  $$ values (0, true, 'c2') $$, 'is due at once and forgets its failures');
select count(*) from private.claim_connector_jobs('probe', 10);
select is(private.finish_connector_job(j.id, j.lease_id, 'dead', 'HTTP 400 invalid field', null, null, 'fbtrace-1'),
  'dead'::private.connector_job_status, 'a permanent failure is dead at once') from private.connector_jobs j where j.idempotency_key = 'w2';

-- a batching queue takes many jobs of one connection
select private.enqueue_connector_job('probe_batch', tests.workspace_id('A'), (select id from conn where name = '111'), 'b' || n)
from generate_series(1, 5) n;
select is((select count(*)::int from private.claim_connector_jobs('probe_batch', 4)), 4, 'a batching queue claims several jobs of one connection');

-- the shared backoff, and the queues that use it
reset role;
select is(private.retry_backoff(1, '30 seconds', '6 hours', 0.5, 0.5), interval '30 seconds', 'the base at the middle of the jitter');
select is(private.retry_backoff(4, '30 seconds', '6 hours', 0.5, 0), interval '2 minutes', '2^(n-1) x base x (1 - spread)');
select is(private.retry_backoff(30, '30 seconds', '6 hours', 0.5, 1), interval '9 hours', 'capped, times (1 + spread)');
select results_eq($$ select private.webhook_backoff(3, 0.25), private.embedding_backoff(3, 0.25) $$,
  $$ values (interval '90 seconds', interval '35 seconds') $$, 'webhook and embedding retries keep their schedules on the shared backoff');

-- retention
update private.connector_jobs set finished_at = now() - interval '8 days' where idempotency_key = 'w2';
select is(private.purge_connector_jobs(), 0, 'a dead letter is kept longer than a week');
update private.connector_jobs set finished_at = now() - interval '31 days' where idempotency_key = 'w2';
select is(private.purge_connector_jobs(), 1, 'and goes after 30 days');

select * from finish();
rollback;
