-- Ads sync from the outside: connecting makes the account, schedule and windows; the scheduler
-- never opens a second window of a kind; a page writes only to its job's workspace, only what
-- changed, never older than what is stored, and nothing at all under a lost lease; money in
-- exact minor units; bad rows rejected with reasons; who reads and tunes runs and schedules;
-- dashboards that refuse to add up currencies.
begin;
set search_path = extensions, public;
select plan(39);

select tests.two_workspaces();
select tests.authenticate_as_service_role();

-- ================= connecting
insert into public.integration_connections (workspace_id, provider, external_account_id)
values (tests.workspace_id('A'), 'meta', 'act_1'), (tests.workspace_id('B'), 'meta', 'act_1'),
       (tests.workspace_id('A'), 'shopify', 'a-shop.myshopify.com');
reset role;
create temp table conn as
  select w.name as ws, c.id from public.integration_connections c join public.workspaces w on w.id = c.workspace_id
  where c.provider = 'meta' and c.external_account_id = 'act_1';
grant select on conn to authenticated, service_role;
select tests.authenticate_as_service_role();

select results_eq($$ select a.platform::text, a.external_account_id, s.restatement_days, s.recent_days, s.enabled
  from public.ad_sync_schedules s join public.ad_accounts a on a.id = s.ad_account_id
  where s.connection_id = (select id from conn where ws = 'A') $$,
  $$ values ('meta', 'act_1', 28, 3, true) $$, 'a Meta connection has an ad account and a schedule (28 days of restatement)');
select is((select count(*)::int from public.ad_sync_schedules where workspace_id = tests.workspace_id('A')), 1,
  'a Shopify connection gets no ads schedule');
select results_eq($$ select kind::text, count(*)::int, min(window_from) = current_date - 729, max(window_to) = current_date
  from public.ad_sync_runs where connection_id = (select id from conn where ws = 'A') group by kind order by kind $$,
  $$ values ('backfill', 25, true, false), ('recent', 1, false, true), ('restatement', 1, false, false) $$,
  'its first windows: the recent days, the restatement window and a two-year backfill in chunks');
select is(private.queue_ad_sync_windows((select id from conn where ws = 'A'), now() + interval '2 hours'), 0,
  'no second recent or restatement window while one is open');
select is(private.queue_ad_sync_windows((select id from conn where ws = 'A'), now()), 0, 'nor a second backfill, ever');

-- ================= a page
create temp table j as
  select c.job_id, c.lease_id, c.workspace_id from private.claim_connector_jobs('ads_sync', 10) c;
grant select on j to service_role;
select is((select count(*)::int from j), 2, 'a claim takes one window of each connection');
select is((select payload ->> 'kind' from private.connector_jobs where id = (select job_id from j where workspace_id = tests.workspace_id('A'))),
  'recent', 'the recent window first');
select is((select status::text from public.ad_sync_runs where job_id = (select job_id from j where workspace_id = tests.workspace_id('A'))),
  'running', 'its run says running');

-- B already has a campaign with the external id A's page will name
select private.apply_ad_sync_page(job_id, lease_id, '{"account": {"currency": "KWD", "name": "B"},
  "campaigns": [{"external_id": "c1", "name": "B''s own", "status": "active"}]}', '{}', 1) is not null
from j where workspace_id = tests.workspace_id('B');

select is((select private.apply_ad_sync_page(job_id, lease_id, jsonb_build_object(
  'fetched_at', '2026-12-01T10:00:00Z', 'workspace_id', tests.workspace_id('B'),
  'account', jsonb_build_object('name', 'Brand A', 'currency', 'jpy', 'timezone', 'Asia/Tokyo'),
  'campaigns', jsonb_build_array(
    jsonb_build_object('external_id', 'c1', 'name', 'Prospecting', 'status', 'active', 'daily_budget', '5000', 'workspace_id', tests.workspace_id('B')),
    jsonb_build_object('external_id', 'c2', 'name', 'Retargeting', 'status', 'nonsense'),
    jsonb_build_object('external_id', 'c3', 'name', 'Budget', 'status', 'paused', 'lifetime_budget_micros', '1234567890')),
  'ad_groups', jsonb_build_array(
    jsonb_build_object('external_id', 'g1', 'campaign_external_id', 'c1', 'name', 'Broad', 'status', 'active'),
    jsonb_build_object('external_id', 'g2', 'campaign_external_id', 'c404', 'name', 'Lost', 'status', 'active')),
  'ads', jsonb_build_array(jsonb_build_object('external_id', 'a1', 'ad_group_external_id', 'g1', 'name', 'Video', 'status', 'active')),
  'metrics', jsonb_build_array(
    jsonb_build_object('level', 'ad', 'external_id', 'a1', 'ad_group_external_id', 'g1', 'campaign_external_id', 'c1',
      'day', current_date, 'spend', '1234.5', 'impressions', '100', 'clicks', '10', 'conversions', '1.33333', 'revenue', '5000'),
    jsonb_build_object('level', 'ad', 'external_id', 'a2', 'name', 'Only in the report', 'ad_group_external_id', 'g1',
      'campaign_external_id', 'c1', 'day', current_date, 'spend_micros', '2500000', 'impressions', '50', 'clicks', '5'),
    jsonb_build_object('level', 'ad', 'external_id', 'a3', 'ad_group_external_id', 'g1', 'campaign_external_id', 'c1',
      'day', current_date - 40, 'spend', '1'),
    jsonb_build_object('level', 'ad', 'external_id', 'a1', 'ad_group_external_id', 'g1', 'campaign_external_id', 'c1',
      'day', current_date, 'spend', '9')),
  'metrics_complete', jsonb_build_object('derive_from', 'ad')), '{"phase": "done"}', 4)
  from j where workspace_id = tests.workspace_id('A')),
  jsonb_build_object('applied', 10, 'unchanged', 0, 'rejected', 4),
  'A''s page: the account, 2 campaigns, 1 ad group, 2 ads (one only the report names), 2 ad rows, the ad group and campaign rows; 4 rejected');
select results_eq($$ select external_id, name, status::text, daily_budget_cents, total_budget_cents
  from public.ad_campaigns where workspace_id = tests.workspace_id('A') order by 1 $$,
  $$ values ('c1', 'Prospecting', 'active', 5000::bigint, null::bigint), ('c3', 'Budget', 'paused', null, 1235::bigint) $$,
  'budgets in minor units of the account''s currency (yen: none; micros rounded half away from zero)');
select results_eq($$ select name, currency::text, timezone from public.ad_accounts where integration_connection_id = (select id from conn where ws = 'A') $$,
  $$ values ('Brand A', 'JPY', 'Asia/Tokyo') $$, 'the account''s name, currency and time zone');
select results_eq($$ select c.name, c.workspace_id = tests.workspace_id('B') from public.ad_campaigns c where c.external_id = 'c1' order by 2 $$,
  $$ values ('Prospecting', false), ('B''s own', true) $$, 'another workspace''s object with the same id is untouched, whatever the page says');
select results_eq($$ select external_id, status::text, name from public.ads where workspace_id = tests.workspace_id('A') order by 1 $$,
  $$ values ('a1', 'active', 'Video'), ('a2', 'archived', 'Only in the report') $$, 'an ad only the report knows is kept, archived');
select results_eq($$ select m.level::text, m.spend_cents, m.impressions, m.conversions, m.revenue_cents, m.currency::text
  from public.ad_metrics_daily m where m.workspace_id = tests.workspace_id('A') order by 1, 2 $$,
  $$ values ('ad', 3::bigint, 50::bigint, 0::numeric, 0::bigint, 'JPY'), ('ad', 1235, 100, 1.3333, 5000, 'JPY'),
            ('ad_group', 1238, 150, 1.3333, 5000, 'JPY'), ('campaign', 1238, 150, 1.3333, 5000, 'JPY') $$,
  'daily rows in yen (major and micros), conversions to 4 decimals; ad group and campaign rows summed at the end of the window');
select is((select count(*)::int from public.ad_metrics_daily where workspace_id = tests.workspace_id('B')), 0,
  'nothing of A''s page reached B');
select results_eq($$ select r -> 'kind', r ->> 'external_id', r ->> 'reason' from public.ad_sync_runs s,
  jsonb_array_elements(s.rejections) r where s.job_id = (select job_id from j where workspace_id = tests.workspace_id('A')) $$,
  $$ values ('"campaign"'::jsonb, 'c2', 'status: must be one of draft, active, paused, archived, deleted'),
            ('"ad_group"', 'g2', 'campaign_external_id: no campaign c404 in this account'),
            ('"metric"', 'a3', format('day: %s is outside the window %s to %s', current_date - 40, current_date - 2, current_date)),
            ('"metric"', 'a1', 'row: the same object and day appear more than once in the page') $$,
  'each rejected row with its reason in the run');

select results_eq($$ select pages, api_calls, rows_applied, rows_rejected from public.ad_sync_runs
  where job_id = (select job_id from j where workspace_id = tests.workspace_id('A')) $$,
  $$ values (1, 4, 10, 4) $$, 'the run counts the page, its calls and its rows');

-- the same page again: nothing written
create temp table before as select id, updated_at from public.ad_metrics_daily where workspace_id = tests.workspace_id('A');
select is((select private.apply_ad_sync_page(job_id, lease_id, jsonb_build_object(
  'fetched_at', '2026-12-01T10:00:00Z',
  'campaigns', jsonb_build_array(jsonb_build_object('external_id', 'c1', 'name', 'Prospecting', 'status', 'active', 'daily_budget', '5000')),
  'metrics', jsonb_build_array(jsonb_build_object('level', 'ad', 'external_id', 'a1', 'ad_group_external_id', 'g1',
    'campaign_external_id', 'c1', 'day', current_date, 'spend', '1234.5', 'impressions', '100', 'clicks', '10',
    'conversions', '1.33333', 'revenue', '5000')),
  'metrics_complete', jsonb_build_object('derive_from', 'ad')), '{}', 1) from j where workspace_id = tests.workspace_id('A')),
  jsonb_build_object('applied', 0, 'unchanged', 2, 'rejected', 0), 'a page the platform sent again changes nothing');
select is_empty($$ select id, updated_at from public.ad_metrics_daily where workspace_id = tests.workspace_id('A')
  except select id, updated_at from before $$, 'not even updated_at');

-- an older page never overwrites a newer one
select is((private.apply_ad_sync_page(job_id, lease_id, '{"fetched_at": "2026-11-30T10:00:00Z",
  "campaigns": [{"external_id": "c1", "name": "An old name", "status": "deleted"}]}', '{}', 1) ->> 'applied')::int, 0,
  'a page fetched before the stored description is ignored') from j where workspace_id = tests.workspace_id('A');
select is((private.apply_ad_sync_page(job_id, lease_id, '{"fetched_at": "2026-12-02T10:00:00Z",
  "campaigns": [{"external_id": "c1", "name": "Renamed", "status": "deleted"}]}', '{}', 1) ->> 'applied')::int, 1,
  'a newer one renames and removes') from j where workspace_id = tests.workspace_id('A');

-- a lost lease: nothing of the page is kept
select throws_ok($$ select private.apply_ad_sync_page(job_id, gen_random_uuid(), '{"campaigns": [{"external_id": "c9", "name": "x", "status": "active"}]}', '{}', 1)
  from j where workspace_id = tests.workspace_id('A') $$, 'PT409', null, 'a page under a lost lease fails');
select is_empty($$ select 1 from public.ad_campaigns where external_id = 'c9' $$, 'and writes nothing');
select throws_ok($$ select private.apply_ad_sync_page(job_id, lease_id, '[]', '{}', 1) from j where workspace_id = tests.workspace_id('A') $$,
  '22023', null, 'a page must be an object');

-- finishing
select private.finish_connector_job(job_id, lease_id, 'done') is not null from j;
select results_eq($$ select status::text, error, next_attempt_at, finished_at is not null from public.ad_sync_runs where job_id in (select job_id from j) $$,
  $$ values ('succeeded', null::text, null::timestamptz, true), ('succeeded', null, null, true) $$, 'runs follow their jobs');

-- ================= money
select results_eq($$ select private.minor_units('"12.345"', 'major', private.currency_exponent('USD')), private.minor_units('"12.344"', 'major', private.currency_exponent('USD')),
  private.minor_units('12', 'major', private.currency_exponent('JPY')), private.minor_units('"1.2345"', 'major', private.currency_exponent('KWD')),
  private.minor_units('"12345678"', 'micros', private.currency_exponent('USD')), private.minor_units('"5000"', 'minor', private.currency_exponent('EUR')) $$,
  $$ values (1235::bigint, 1234::bigint, 12::bigint, 1235::bigint, 1235::bigint, 5000::bigint) $$,
  'amounts to minor units by the currency''s exponent, half away from zero, without floats');
select results_eq($$ select private.minor_units('"1"', 'major', private.currency_exponent('XXX')), private.amount_problem('"-1"', 'major'),
  private.amount_problem('"1.5"', 'micros'), private.amount_problem('"1e5"', 'major'), private.amount_problem('"9999999999999999"', 'major') $$,
  $$ values (null::bigint, 'must not be negative', 'must be a whole number', 'must be a decimal number', 'is too large') $$,
  'unknown currencies, negatives, fractions of whole units, exponents and overflow are refused');

-- ================= who reads and tunes
select tests.authenticate_as('viewer-a');
select is((select count(*)::int from public.ad_sync_runs), 27, 'viewers read their workspace''s runs');
select is_empty($$ select * from public.ad_sync_schedules $$, 'but not schedules');
select tests.authenticate_as('admin-a');
select results_eq($$ update public.ad_sync_schedules set enabled = false, restatement_days = 14 returning enabled, restatement_days $$,
  $$ values (false, 14) $$, 'admins pause a schedule and change its windows');
select throws_ok($$ update public.ad_sync_schedules set backfill_days = 1 $$, '42501', null, 'but not what was already queued');
select throws_ok($$ update public.ad_sync_runs set status = 'dead' $$, '42501', null, 'runs are the worker''s to write');
select throws_ok($$ select private.apply_ad_sync_page(1, gen_random_uuid(), '{}', '{}', 1) $$, '42501', null, 'users cannot apply pages');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.ad_sync_runs where workspace_id = tests.workspace_id('A') $$, 'another workspace sees no runs');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.ad_sync_runs $$, '42501', null, 'anon sees nothing');

-- ================= currencies
select tests.authenticate_as('member-a');
insert into public.ad_campaigns (workspace_id, platform, external_id, name) values (tests.workspace_id('A'), 'google', 'usd-1', 'Search');
select public.ingest_ad_metrics(tests.workspace_id('A'), jsonb_build_array(jsonb_build_object('platform', 'google', 'level', 'campaign',
  'external_id', 'usd-1', 'day', current_date - 1, 'spend_cents', 700, 'currency', 'USD'))) is not null;
select throws_ok($$ select * from public.ads_dashboard(tests.workspace_id('A'), current_date - 7, current_date, 'platform') $$,
  'PT409', 'ad spend in this range is in 2 currencies (JPY, USD); totals are not added up across currencies',
  'dashboards refuse to add up two currencies, naming them');
select throws_ok($$ select * from public.ads_roas_tile(tests.workspace_id('A'), current_date + 1) $$, 'PT409', null, 'the ROAS tile too');
select results_eq($$ select currency::text, spend_cents from public.ads_currencies(tests.workspace_id('A'), current_date - 7, current_date) $$,
  $$ values ('JPY', 1238::bigint), ('USD', 700::bigint) $$, 'ads_currencies says which currencies the range holds, with the spend in each');
select lives_ok($$ select * from public.ads_dashboard(tests.workspace_id('A'), current_date, current_date, 'platform') $$,
  'a range in one currency still adds up');

select * from finish();
rollback;
