-- The analytics sync's framework from the outside: schedules made when a connection that feeds
-- analytics connects (a Meta connection only with Instagram's permissions), the first pull and
-- one daily pull a day queued as jobs with their runs, runs that mirror their jobs and schedules
-- that remember the last sync, pulls an admin asks for, pages applied only under the job's lease
-- and to the job's workspace, work resumed when new credentials arrive, and who reads and changes
-- what (another workspace, anon, lower roles).
begin;
set search_path = extensions, public;
select plan(45);

select tests.two_workspaces();
-- nothing may call out while these run
update private.callable_functions set wake_requested_at = now() + interval '1 hour' where name = 'analytics-sync';

-- ================= connecting makes schedules and queues the first pull
insert into public.integration_connections (workspace_id, provider, external_account_id, scopes) values
  (tests.workspace_id('A'), 'google_search_console', 'sc-domain:a.example', '{}'),
  (tests.workspace_id('A'), 'meta', 'act_1', '{ads_read,instagram_basic,instagram_manage_insights}'),
  (tests.workspace_id('A'), 'meta', 'act_2', '{ads_read}'),
  (tests.workspace_id('A'), 'fairing', 'default', '{}'),
  (tests.workspace_id('B'), 'tiktok_account', 'open-b', '{}'),
  (tests.workspace_id('A'), 'google_ads', '123', '{}');
create temp table conn as
  select external_account_id as name, id from public.integration_connections
  where external_account_id in ('sc-domain:a.example', 'act_1', 'act_2', 'default', 'open-b', '123');
grant select on conn to authenticated, service_role;

select results_eq($$ select c.name, s.source::text, s.recent_days, s.backfill_days
  from public.analytics_sync_schedules s join conn c on c.id = s.connection_id order by 1 $$,
  $$ values ('act_1', 'instagram', 3, 30), ('default', 'fairing', 3, 365), ('open-b', 'tiktok', 3, 30),
            ('sc-domain:a.example', 'search_console', 7, 90) $$,
  'each connection that feeds analytics gets a schedule per source; a Meta connection only with Instagram''s permissions');
select results_eq($$ select c.name, r.kind::text, r.status::text, r.window_from = current_date - 90, r.window_to = current_date - 1
  from public.analytics_sync_runs r join conn c on c.id = r.connection_id where r.source = 'search_console' $$,
  $$ values ('sc-domain:a.example', 'initial', 'queued', true, true) $$,
  'the first pull is queued at once: backfill_days up to yesterday');
select results_eq($$ select j.queue, j.payload ->> 'source', j.payload ->> 'kind', j.idempotency_key like 'initial:search_console:%'
  from private.connector_jobs j join public.analytics_sync_runs r on r.job_id = j.id and r.source = 'search_console' $$,
  $$ values ('analytics_sync', 'search_console', 'initial', true) $$, 'as a job on the analytics_sync queue, keyed by source and connection');
select is(private.queue_analytics_syncs(), 0, 'the scheduler queues nothing more the same day');
select is(private.queue_analytics_syncs(null, now() + interval '1 day'), 4, 'the next day: one daily pull per schedule');
select results_eq($$ select r.window_from = current_date + 1 - 7, r.window_to = current_date from public.analytics_sync_runs r
  where r.source = 'search_console' and r.kind = 'daily' $$, $$ values (true, true) $$, 'the daily pull is the last recent_days');
select is(private.queue_analytics_syncs(null, now() + interval '1 day'), 0, 'and only one a day');
update public.integration_connections set scopes = '{ads_read,instagram_basic,instagram_manage_insights}'
where id = (select id from conn where name = 'act_2');
select is((select count(*)::int from public.analytics_sync_schedules where connection_id = (select id from conn where name = 'act_2')), 1,
  'a Meta connection granted Instagram''s permissions later gets its schedule then');
update public.integration_connections set scopes = '{ads_read}' where id = (select id from conn where name = 'act_2');
select results_eq($$ select enabled from public.analytics_sync_schedules where connection_id = (select id from conn where name = 'act_2') $$,
  $$ values (false) $$, 'reconnected without them, its Instagram schedule is paused (its pulls would look like a revoked token)');
update public.integration_connections set scopes = '{ads_read,instagram_basic,instagram_manage_insights}'
where id = (select id from conn where name = 'act_2');
update public.analytics_sync_schedules set enabled = true where connection_id = (select id from conn where name = 'act_2');
update public.analytics_sync_schedules set enabled = false where connection_id = (select id from conn where name = 'default');
select is(private.queue_analytics_syncs(null, now() + interval '2 days'), 4, 'a paused schedule is not pulled');

-- ================= who reads and changes schedules and runs
select tests.authenticate_as('viewer-a');
select results_eq($$ select count(*)::int from public.analytics_sync_schedules $$, $$ values (4) $$, 'viewers read their workspace''s schedules');
select ok((select count(*) from public.analytics_sync_runs) > 0, 'and their runs');
select results_eq($$ select source::text, health::text from public.analytics_sources where source = 'search_console' $$,
  $$ values ('search_console', null::text) $$, 'the sources view shows viewers no health (connections are admins'')');
select is_empty($$ update public.analytics_sync_schedules set enabled = false returning 1 $$, 'viewers change no schedule');
select tests.authenticate_as('member-a');
select is_empty($$ update public.analytics_sync_schedules set recent_days = 5 returning 1 $$, 'nor do members');
select tests.authenticate_as('admin-a');
select results_eq($$ update public.analytics_sync_schedules set recent_days = 5 where source = 'search_console' returning recent_days $$,
  $$ values (5) $$, 'admins tune a schedule');
select throws_ok($$ update public.analytics_sync_schedules set last_synced_at = now() $$, '42501', null,
  'but not what the sync records');
select results_eq($$ select source::text, health::text from public.analytics_sources where source = 'search_console' $$,
  $$ values ('search_console', 'ok') $$, 'admins see each source''s health');
select throws_ok($$ insert into public.analytics_sync_runs (workspace_id, connection_id, source, kind, window_from, window_to, job_id)
  values (tests.workspace_id('A'), (select id from conn where name = 'act_1'), 'instagram', 'manual', current_date, current_date, 1) $$,
  '42501', null, 'nobody but the sync writes runs');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.analytics_sync_schedules where workspace_id = tests.workspace_id('A') $$,
  'another workspace''s schedules are invisible');
select is_empty($$ select * from public.analytics_sync_runs where workspace_id = tests.workspace_id('A') $$, 'and its runs');
select is_empty($$ select * from public.analytics_sources where workspace_id = tests.workspace_id('A') $$, 'and its sources');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.analytics_sync_runs $$, '42501', null, 'anon reads no runs');

-- ================= a pull now
select tests.authenticate_as('member-a');
select throws_ok($$ select public.sync_analytics_source((select id from conn where name = 'act_1'), 'instagram') $$, '42501', null,
  'members cannot ask for a pull');
select tests.authenticate_as('member-b');
select throws_ok($$ select public.sync_analytics_source((select id from conn where name = 'act_1'), 'instagram') $$, '42501', null,
  'nor can another workspace');
select tests.authenticate_as('admin-a');
select throws_ok($$ select public.sync_analytics_source((select id from conn where name = 'act_1'), 'tiktok') $$, 'PT404', null,
  'a source the connection does not feed is not found');
select isnt(public.sync_analytics_source((select id from conn where name = 'act_1'), 'instagram'), null::bigint, 'an admin asks for one');
select is(public.sync_analytics_source((select id from conn where name = 'act_1'), 'instagram'),
  (select job_id from public.analytics_sync_runs where kind = 'manual'), 'asking again while it waits returns the same pull');
select tests.clear_authentication();
update public.integration_connections set status = 'revoked' where id = (select id from conn where name = 'sc-domain:a.example');
select tests.authenticate_as('admin-a');
select throws_ok($$ select public.sync_analytics_source((select id from conn where name = 'sc-domain:a.example'), 'search_console') $$,
  'PT409', null, 'a revoked connection is not pulled');
select tests.clear_authentication();
update public.integration_connections set status = 'active' where id = (select id from conn where name = 'sc-domain:a.example');

-- ================= runs mirror their jobs; pages only under the lease, to the job's workspace
select tests.clear_authentication();
delete from private.connector_jobs where queue = 'analytics_sync' and payload ->> 'source' <> 'search_console';
update private.connector_jobs set next_attempt_at = now() + interval '1 day' where queue = 'analytics_sync' and payload ->> 'kind' = 'daily';
select tests.authenticate_as_service_role();
create temp table claimed as select * from private.claim_connector_jobs('analytics_sync', 10);
select results_eq($$ select r.status::text, r.started_at is not null from public.analytics_sync_runs r join claimed c on c.job_id = r.job_id $$,
  $$ values ('running', true) $$, 'a claimed job''s run is running');
select throws_ok($$ select private.apply_search_console_page((select job_id from claimed), gen_random_uuid(),
  '[{"keyword": "x", "tracked_on": "2026-11-01", "url": "https://a.example/", "location": "us", "device": "mobile", "clicks": 1,
     "impressions": 2, "ctr": 0.5, "avg_position": 3.2}]', '{"startRow": 1}') $$, 'PT409', null,
  'a page under a lease the worker lost is refused');
select is_empty($$ select * from public.seo_rankings where keyword = 'x' $$, 'and nothing of it is written');
select throws_ok($$ select private.apply_pagespeed_page((select job_id from claimed), (select lease_id from claimed),
  '{"url": "https://a.example/", "strategy": "mobile", "error": "x"}', '{}') $$, '22023', null,
  'a page of another source is refused');
select is(private.apply_search_console_page((select job_id from claimed), (select lease_id from claimed),
  '[{"keyword": "X Balm", "tracked_on": "2026-11-01", "url": "https://a.example/", "location": "us", "device": "mobile", "clicks": 1,
     "impressions": 2, "ctr": 0.5, "avg_position": 3.2}]', '{"startRow": 1}', 2), 1, 'a page under the lease is written');
select results_eq($$ select workspace_id = tests.workspace_id('A'), source::text, position, avg_position from public.seo_rankings where keyword = 'x balm' $$,
  $$ values (true, 'search_console', 3::smallint, 3.20) $$, 'to the job''s workspace, as a Search Console row');
select results_eq($$ select r.pages, r.api_calls, r.rows_written, j.progress from public.analytics_sync_runs r
  join private.connector_jobs j on j.id = r.job_id join claimed c on c.job_id = r.job_id $$,
  $$ values (1, 2, 1, '{"startRow": 1}'::jsonb) $$, 'counted in its run, its progress saved with it');
select private.finish_connector_job((select job_id from claimed), (select lease_id from claimed), 'throttled', 'quota', now() + interval '30 seconds');
select results_eq($$ select r.status::text, r.error, r.next_attempt_at > now() from public.analytics_sync_runs r join claimed c on c.job_id = r.job_id $$,
  $$ values ('waiting', 'quota', true) $$, 'a throttled job''s run is waiting, with the error and when it runs next');
select results_eq($$ select last_sync_status::text, last_synced_at from public.analytics_sync_schedules where source = 'search_console' $$,
  $$ values ('waiting', null::timestamptz) $$, 'its schedule says so too');

-- new credentials resume what waited
select tests.clear_authentication();
insert into private.integration_tokens (connection_id, access_token_ciphertext, key_id)
values ((select id from conn where name = 'sc-domain:a.example'), 'v1.k1.aaaa.bbbb', 'k1');
select ok((select next_attempt_at <= now() from private.connector_jobs where id = (select job_id from claimed)),
  'new tokens make the waiting job due at once');
select tests.authenticate_as_service_role();
create temp table again as select * from private.claim_connector_jobs('analytics_sync', 10);
select private.finish_connector_job((select job_id from again), (select lease_id from again), 'done');
select results_eq($$ select r.status::text, r.finished_at is not null, r.error from public.analytics_sync_runs r join again a on a.job_id = r.job_id $$,
  $$ values ('succeeded', true, null::text) $$, 'a finished job''s run succeeded');
select results_eq($$ select last_sync_status::text, last_synced_at is not null from public.analytics_sync_schedules where source = 'search_console' $$,
  $$ values ('succeeded', true) $$, 'and its schedule remembers the last sync');

-- ================= the queue and its functions
select results_eq($$ select function_name, one_per_connection from private.connector_queues where queue = 'analytics_sync' $$,
  $$ values ('analytics-sync', true) $$, 'the queue wakes analytics-sync and pulls one job per connection at a time');
select tests.clear_authentication();
select ok(not has_function_privilege('authenticated', 'private.apply_search_console_page(bigint, uuid, jsonb, jsonb, integer)', 'execute')
  and not has_function_privilege('authenticated', 'private.queue_analytics_syncs(uuid, timestamptz)', 'execute'),
  'signed-in users call no apply or scheduling function');
select is((select count(*)::int from cron.job where jobname in ('analytics-sync-schedule', 'analytics-sync-runs-retention')), 2,
  'pg_cron schedules the daily pulls and the runs'' retention');
update public.analytics_sync_runs set finished_at = now() - interval '91 days' where source = 'search_console' and kind = 'initial';
select is(private.purge_analytics_sync_runs(), 1, 'runs finished more than 90 days ago go');

select * from finish();
rollback;
