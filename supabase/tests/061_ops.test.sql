-- Ops from the outside: error dedupe by fingerprint, health checks raising and resolving
-- alerts, alert and incident workflows, log visibility by level and role, partitions and
-- retention on both sides of every window. (Concurrent reports: tests/ops/report-error.test.ts.)
begin;
set search_path = extensions, public;
select plan(63);

select tests.two_workspaces();

-- ================= errors
select tests.authenticate_as('viewer-a');
select results_eq($$ select occurrence_count, is_new, status::text from public.report_error(tests.workspace_id('A'),
  'TypeError', 'web', 'order 123 failed to load', 'low') $$,
  $$ values (1::bigint, true, 'open'::text) $$, 'a viewer reports a new error');
select results_eq($$ select occurrence_count, is_new from public.report_error(tests.workspace_id('A'),
  'TypeError', 'web', 'order 456 failed to load', 'high', null, '{"url": "/orders/456"}') $$,
  $$ values (2::bigint, false) $$, 'the same error with another number counts on the same row');
select results_eq($$ select occurrence_count, is_new from public.report_error(tests.workspace_id('A'),
  'TypeError', 'web', 'order 789 failed to load', 'medium') $$,
  $$ values (3::bigint, false) $$, 'and again');
select results_eq($$ select count(*)::int, max(occurrence_count), max(severity::text), max(last_context ->> 'url') from public.ops_errors $$,
  $$ values (1, 3::bigint, 'high'::text, null::text) $$,
  'one row; the highest severity is kept; the context is the latest occurrence''s');
select results_eq($$ select is_new from public.report_error(tests.workspace_id('A'), 'RangeError', 'web', 'order 1 failed to load') $$,
  $$ values (true) $$, 'another error type is another error');
select results_eq($$ select occurrence_count from public.report_error(tests.workspace_id('A'), 'X', 'edge', 'whatever 1', 'low', null, '{}', 'my-key')
  union all select occurrence_count from public.report_error(tests.workspace_id('A'), 'Y', 'edge', 'different', 'low', null, '{}', 'my-key') $$,
  $$ values (1::bigint), (2::bigint) $$, 'a caller''s own fingerprint key groups different messages');
select throws_ok($$ select * from public.report_error(tests.workspace_id('A'), 'X', 'web', '') $$,
  '22023', null, 'an empty message is bad input');
select throws_ok($$ select * from public.report_error(tests.workspace_id('A'), 'X', 'web', 'm', 'low', null, '[1]') $$,
  '22023', null, 'context must be an object');
select is_empty($$ update public.ops_errors set status = 'resolved' returning id $$, 'viewers cannot triage errors');
select tests.authenticate_as('member-b');
select throws_ok($$ select * from public.report_error(tests.workspace_id('A'), 'X', 'web', 'm') $$,
  '42501', null, 'another workspace''s member cannot report into A');
select is_empty($$ select * from public.ops_errors $$, 'another workspace''s member sees none of A''s errors');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.report_error(tests.workspace_id('A'), 'X', 'web', 'm') $$,
  '42501', null, 'anon cannot report errors');

select tests.authenticate_as('member-a');
update public.ops_errors set status = 'resolved' where error_type = 'TypeError';
select results_eq($$ select status::text, resolved_by, resolved_at is not null from public.ops_errors where error_type = 'TypeError' $$,
  $$ values ('resolved'::text, tests.user_id('member-a'), true) $$, 'a member resolves; resolved_by is the member');
select results_eq($$ select occurrence_count, status::text from public.report_error(tests.workspace_id('A'),
  'TypeError', 'web', 'order 1000 failed to load') $$,
  $$ values (4::bigint, 'open'::text) $$, 'a resolved error that recurs reopens');
select is((select resolved_by from public.ops_errors where error_type = 'TypeError'), null::uuid, 'reopening clears who resolved it');
select throws_ok($$ update public.ops_errors set occurrence_count = 0 $$, '42501', null, 'counts are not writable by members');

-- ================= health checks and alerts
select tests.authenticate_as_service_role();
select private.record_health_check(tests.workspace_id('A'), 'shopify', 'healthy', 120);
select private.record_health_check(tests.workspace_id('A'), 'shopify', 'down', null, 'HTTP 503');
select private.record_health_check(tests.workspace_id('A'), 'shopify', 'down', null, 'HTTP 503');
select results_eq($$ select count(*)::int, max(status::text), max(consecutive_failures), max(message) from public.ops_health_checks
  where workspace_id = tests.workspace_id('A') $$,
  $$ values (1, 'down'::text, 2, 'HTTP 503'::text) $$, 'one row per service, counting consecutive failures');
select results_eq($$ select alert_type, severity::text, title, status::text, dedupe_key from public.ops_alerts where workspace_id = tests.workspace_id('A') $$,
  $$ values ('health'::text, 'high'::text, 'shopify is down'::text, 'open'::text, 'health:shopify'::text) $$,
  'going down raised one alert (a second failed check did not raise another)');
select private.record_health_check(tests.workspace_id('A'), 'shopify', 'healthy', 90);
select results_eq($$ select h.status::text, h.consecutive_failures, a.status::text from public.ops_health_checks h, public.ops_alerts a
  where h.workspace_id = tests.workspace_id('A') and a.workspace_id = tests.workspace_id('A') $$,
  $$ values ('healthy'::text, 0, 'resolved'::text) $$, 'back to healthy: failures reset and the health alert resolved');
select private.record_health_check(tests.workspace_id('A'), 'shopify', 'down');
select is((select count(*)::int from public.ops_alerts where workspace_id = tests.workspace_id('A')), 2, 'a new outage after the resolution raises a new alert');

select tests.authenticate_as('member-a');
update public.ops_alerts set status = 'acknowledged' where status = 'open';
select results_eq($$ select acknowledged_by, acknowledged_at is not null from public.ops_alerts where status = 'acknowledged' $$,
  $$ values (tests.user_id('member-a'), true) $$, 'a member acknowledges; who and when from the session');
select throws_ok($$ update public.ops_alerts set status = 'open' where status = 'acknowledged' $$, 'PT409', null,
  'an acknowledged alert cannot go back to open');
select throws_ok($$ update public.ops_alerts set acknowledged_by = tests.user_id('owner-a') $$, '42501', null,
  'acknowledged_by cannot be written by the client');
update public.ops_alerts set status = 'resolved' where status = 'acknowledged';
select throws_ok($$ update public.ops_alerts set status = 'acknowledged' where dedupe_key = 'health:shopify' and resolved_by is not null $$,
  'PT409', null, 'a resolved alert cannot be acknowledged (only reopened)');
select lives_ok($$ update public.ops_alerts set status = 'open' where resolved_by = tests.user_id('member-a') $$,
  'a resolved alert can be reopened');
select throws_ok($$ insert into public.ops_alerts (workspace_id, alert_type, title, dedupe_key) values
  (tests.workspace_id('A'), 'manual', 'dupe', 'health:shopify') $$,
  '23505', null, 'one unresolved alert per dedupe key');
select lives_ok($$ insert into public.ops_alerts (workspace_id, alert_type, title, severity) values
  (tests.workspace_id('A'), 'manual', 'Checkout looks slow', 'medium') $$, 'members raise manual alerts');
select tests.authenticate_as('viewer-a');
select throws_ok($$ insert into public.ops_alerts (workspace_id, alert_type, title) values (tests.workspace_id('A'), 'manual', 'x') $$,
  '42501', null, 'viewers do not raise alerts');
select is_empty($$ update public.ops_alerts set status = 'resolved' returning id $$, 'viewers do not handle alerts');

-- ================= incidents
select tests.authenticate_as('member-a');
insert into public.ops_incidents (workspace_id, title, severity) values
  (tests.workspace_id('A'), 'Checkout errors', 'critical');
update public.ops_incidents set status = 'identified', root_cause = 'Payment provider timeout';
select throws_ok($$ update public.ops_incidents set status = 'investigating' $$, 'PT409', null,
  'an identified incident does not go back to investigating');
update public.ops_incidents set status = 'monitoring';
update public.ops_incidents set status = 'resolved';
select throws_ok($$ update public.ops_incidents set status = 'identified' $$, 'PT409', null,
  'a resolved incident can only be reopened (investigating)');
select results_eq($$ select identified_at is not null, resolved_at is not null, jsonb_array_length(timeline),
    (select array_agg(x ->> 'status' order by ord) from jsonb_array_elements(timeline) with ordinality t(x, ord)),
    timeline -> 1 ->> 'by' from public.ops_incidents $$,
  $$ values (true, true, 4, array['investigating', 'identified', 'monitoring', 'resolved'], tests.user_id('member-a')::text) $$,
  'each status change is stamped and appended to the timeline with who made it');
update public.ops_incidents set status = 'investigating';
select results_eq($$ select resolved_at, jsonb_array_length(timeline) from public.ops_incidents $$,
  $$ values (null::timestamptz, 5) $$, 'reopening clears resolved_at');
select throws_ok($$ update public.ops_incidents set timeline = '[]' $$, '42501', null, 'the timeline cannot be rewritten');
select throws_ok($$ insert into public.ops_incidents (workspace_id, title, status) values (tests.workspace_id('A'), 'x', 'resolved') $$,
  '22023', null, 'an incident starts investigating');
select throws_ok($$ update public.ops_incidents set commander_id = tests.user_id('owner-b') $$, '22023', null,
  'the commander must belong to the workspace');
select lives_ok($$ update public.ops_incidents set commander_id = tests.user_id('admin-a') $$,
  'a teammate can command');
select is_empty($$ delete from public.ops_incidents returning id $$, 'members do not delete incidents');
select tests.authenticate_as('admin-a');
select isnt_empty($$ delete from public.ops_incidents returning id $$, 'admins delete incidents');

-- ================= logs: visibility by level and role
select tests.authenticate_as_service_role();
select is(public.ingest_logs(tests.workspace_id('A'), '[
  {"level": "debug", "source": "oauth", "message": "token exchange payload"},
  {"level": "info", "source": "webhooks", "message": "order received", "request_id": "r1"},
  {"level": "warn", "source": "webhooks", "message": "slow handler"},
  {"level": "error", "source": "oauth", "message": "refresh failed", "metadata": {"status": 400}}]'), 4, 'the service writes a batch of logs');
select public.ingest_logs(tests.workspace_id('B'), '[{"level": "info", "source": "x", "message": "B only"}]');
select throws_ok($$ select public.ingest_logs(tests.workspace_id('A'), '[{"level": "fatal", "source": "x", "message": "m"}]') $$,
  '22023', null, 'an unknown level is bad input');
select throws_ok($$ select public.ingest_logs(tests.workspace_id('A'), (select jsonb_agg(jsonb_build_object('level', 'info', 'source', 's', 'message', 'm')) from generate_series(1, 1001))) $$,
  'PT413', null, 'more than 1000 entries: PT413');
select is((select tableoid::regclass::text from public.ops_logs where workspace_id = tests.workspace_id('A') and message = 'order received'),
  'private.ops_logs_p' || to_char(now() at time zone 'UTC', 'YYYYMM'), 'a log lands in its month''s partition');
select tests.authenticate_as('member-a');
select results_eq($$ select level::text as l from public.ops_logs order by level $$, $$ values ('info'::text), ('warn') $$,
  'members read info and warn only');
select tests.authenticate_as('admin-a');
select results_eq($$ select level::text as l from public.ops_logs order by level $$,
  $$ values ('debug'::text), ('info'), ('warn'), ('error') $$, 'admins read every level');
select tests.authenticate_as('viewer-a');
select is_empty($$ select * from public.ops_logs $$, 'viewers read no logs');
select tests.authenticate_as('owner-b');
select results_eq($$ select message from public.ops_logs $$, $$ values ('B only'::text) $$, 'B''s owner reads only B''s logs');
select throws_ok($$ insert into public.ops_logs (workspace_id, level, source, message) values (tests.workspace_id('B'), 'info', 'x', 'y') $$,
  '42501', null, 'signed-in users do not write logs');
select throws_ok($$ select public.ingest_logs(tests.workspace_id('B'), '[]') $$, '42501', null,
  'ingest_logs is for the service');

-- ================= retention, both sides of each window
select tests.clear_authentication();
insert into public.ops_settings (workspace_id, log_retention_days) values (tests.workspace_id('A'), 7);
insert into public.ops_logs (workspace_id, logged_at, level, source, message) values
  (tests.workspace_id('A'), now() - interval '7 days 1 minute', 'info', 'r', 'A past 7 days'),
  (tests.workspace_id('A'), now() - interval '6 days 23 hours', 'info', 'r', 'A within 7 days'),
  (tests.workspace_id('B'), now() - interval '30 days 1 minute', 'info', 'r', 'B past 30 days'),
  (tests.workspace_id('B'), now() - interval '29 days 23 hours', 'info', 'r', 'B within 30 days');
select is(private.ensure_monthly_partitions('public.ops_logs', (now() - interval '2 years')::date, 1), 1,
  'a partition two years back is made on request');
select is(private.ensure_monthly_partitions('public.ops_logs', (now() - interval '2 years')::date, 1), 0,
  'making it again does nothing');
insert into public.ops_logs (workspace_id, logged_at, level, source, message) values
  (tests.workspace_id('A'), now() - interval '2 years', 'error', 'r', 'two years old'),
  (tests.workspace_id('A'), now() - interval '5 years', 'error', 'r', 'five years old');
select is((select tableoid::regclass::text from public.ops_logs where workspace_id = tests.workspace_id('A') and message = 'five years old'),
  'private.ops_logs_default',
  'a row outside the made partitions lands in the default partition');
insert into public.ops_logs (workspace_id, logged_at, level, source, message) values
  (tests.workspace_id('A'), date_trunc('month', now()) + interval '6 months 3 days', 'info', 'r', 'six months ahead');
select is(private.ensure_monthly_partitions('public.ops_logs', (now() + interval '6 months')::date, 1), 1,
  'a partition can be made for a month the default partition already holds rows of');
select is((select tableoid::regclass::text from public.ops_logs where workspace_id = tests.workspace_id('A')
  and message = 'six months ahead'), 'private.ops_logs_p' || to_char(now() + interval '6 months', 'YYYYMM'),
  'those rows moved into the new partition');
delete from public.ops_logs where message = 'six months ahead';
update public.ops_errors set status = 'resolved', last_seen_at = now() - interval '90 days 1 minute' where error_type = 'RangeError';
update public.ops_errors set status = 'ignored', last_seen_at = now() - interval '89 days 23 hours' where error_type = 'X';
update public.ops_errors set last_seen_at = now() - interval '400 days' where error_type = 'TypeError';
select private.purge_ops_data();
select results_eq($$ select message from public.ops_logs where source = 'r'
  and workspace_id in (tests.workspace_id('A'), tests.workspace_id('B')) order by message $$,
  $$ values ('A within 7 days'::text), ('B within 30 days') $$,
  'logs past each workspace''s window are gone (A: 7 days by setting, B: 30 by default); those within stay');
select is(to_regclass('private.ops_logs_p' || to_char((now() - interval '2 years') at time zone 'UTC', 'YYYYMM')), null::regclass,
  'the partition past 366 days was dropped');
select isnt(to_regclass('private.ops_logs_p' || to_char(now() at time zone 'UTC', 'YYYYMM')), null::regclass,
  'the current month''s partition stays');
select results_eq($$ select error_type, status::text from public.ops_errors where workspace_id = tests.workspace_id('A') order by error_type $$,
  $$ values ('TypeError'::text, 'open'::text), ('X', 'ignored') $$,
  'a resolved error unseen for 90 days is purged; one unseen for 89 days stays; open errors stay whatever their age');
select is(private.maintain_ops_partitions() >= 0, true, 'the partition job runs');
select ok(to_regclass('private.ops_logs_p' || to_char((now() + interval '2 months') at time zone 'UTC', 'YYYYMM')) is not null,
  'partitions exist two months ahead');
select ok(exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and tablename = 'ops_alerts'),
  'ops_alerts is published to Realtime');
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.ops_settings (workspace_id) values (tests.workspace_id('A')) $$,
  '42501', null, 'members do not change retention settings');
select throws_ok($$ select private.purge_ops_data() $$, '42501', null, 'signed-in users cannot run the purge');

select * from finish();
rollback;
