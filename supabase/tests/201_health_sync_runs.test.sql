-- Health checks of the syncs: every connector queue a workspace uses is checked as sync.<queue>
-- from the latest finished job of each of its connections (healthy, degraded when some ended in a
-- dead letter, down when all did), with the newest success; a failing sync opens the one alert,
-- a sync that works again resolves it; other workspaces neither get the check nor see it.
begin;
set search_path = extensions, public;
select plan(12);

select tests.two_workspaces();
select private.register_connector_queue('probe_sync', 'probe-sync-worker', 'a test sync');
insert into public.integration_connections (workspace_id, provider, external_account_id) values
  (tests.workspace_id('A'), 'meta', 'act_1'), (tests.workspace_id('A'), 'google_ads', '111'),
  (tests.workspace_id('B'), 'meta', 'act_2');
create temp table conn as
  select external_account_id as name, id, workspace_id from public.integration_connections
  where external_account_id in ('act_1', '111', 'act_2');

-- a finished job of the test queue for a connection, ended minutes_ago
create function pg_temp.finished(p_name text, p_status text, p_minutes_ago integer, p_error text default null)
returns void language sql as $$
  insert into private.connector_jobs (queue, workspace_id, connection_id, idempotency_key, status, max_attempts,
                                      finished_at, last_error)
  select 'probe_sync', c.workspace_id, c.id, 'job-' || p_name || '-' || p_minutes_ago, p_status::private.connector_job_status, 8,
         now() - make_interval(mins => p_minutes_ago), p_error
  from conn c where c.name = p_name
$$;
create function pg_temp.sync_check(p_workspace text)
returns table (status text, message text, last_success_at timestamptz, sources integer, dead integer)
language sql as $$
  select h.status::text, h.message, (h.details ->> 'last_success_at')::timestamptz,
         (h.details ->> 'sources')::integer, (h.details ->> 'dead')::integer
  from public.ops_health_checks h
  where h.workspace_id = tests.workspace_id(p_workspace) and h.service = 'sync.probe_sync'
$$;
create function pg_temp.sync_alert() returns table (status text, severity text, title text)
language sql as $$
  select a.status::text, a.severity::text, a.title from public.ops_alerts a
  where a.workspace_id = tests.workspace_id('A') and a.dedupe_key = 'health:sync.probe_sync'
$$;

select pg_temp.finished('act_1', 'done', 60);
select pg_temp.finished('111', 'done', 30);
select ok(private.run_health_checks() > 0, 'the health checks run');
select results_eq($$ select status, message, last_success_at, sources, dead from pg_temp.sync_check('A') $$,
  $$ values ('healthy', null::text, now() - interval '30 minutes', 2, 0) $$,
  'a sync whose connections last finished well is healthy, with its newest success');
select is_empty($$ select 1 from pg_temp.sync_check('B') $$, 'a workspace that never used the sync has no check of it');

-- one connection's latest job is a dead letter: degraded, and one alert
select pg_temp.finished('111', 'dead', 5, 'the token was revoked');
select private.run_health_checks();
select results_eq($$ select status, message, dead from pg_temp.sync_check('A') $$,
  $$ values ('degraded', '1 of 2 ended in a dead letter: the token was revoked', 1) $$,
  'a connection whose latest job died makes the sync degraded, saying why');
select results_eq($$ select status, severity, title from pg_temp.sync_alert() $$,
  $$ values ('open', 'medium', 'sync.probe_sync is degraded') $$, 'a degraded sync opens one alert');

-- an older dead letter does not count once a later job finished well
select pg_temp.finished('act_1', 'dead', 90, 'an old failure');
select private.run_health_checks();
select is((select status from pg_temp.sync_check('A')), 'degraded', 'only each connection''s latest job counts');

-- every connection's latest job died: down
select pg_temp.finished('act_1', 'dead', 2, 'the account is gone');
select private.run_health_checks();
select results_eq($$ select status, message, last_success_at from pg_temp.sync_check('A') $$,
  $$ values ('down', '2 of 2 ended in a dead letter: the account is gone', now() - interval '30 minutes') $$,
  'all of them dead is down, with the newest error and the last success kept');
select results_eq($$ select status, severity, title from pg_temp.sync_alert() $$,
  $$ values ('open', 'high', 'sync.probe_sync is down') $$, 'the same alert, now high and saying down');

-- who sees the check
select tests.authenticate_as('viewer-a');
select is((select count(*)::int from public.ops_health_checks where service = 'sync.probe_sync'), 1,
  'a viewer of the workspace reads the sync''s check');
select tests.authenticate_as('owner-b');
select is_empty($$ select 1 from public.ops_health_checks where service = 'sync.probe_sync' and workspace_id = tests.workspace_id('A') $$,
  'another workspace does not see it');
select tests.clear_authentication();

-- both connections finish well again: healthy, and the alert resolves itself
select pg_temp.finished('act_1', 'done', 1);
select pg_temp.finished('111', 'done', 1);
select private.run_health_checks();
select is((select status from pg_temp.sync_check('A')), 'healthy', 'the sync is healthy again');
select is((select status from pg_temp.sync_alert()), 'resolved', 'and its alert is resolved');

select * from finish();
rollback;
