-- Ads from the outside: KPI formulas at their edges, batch ingestion (idempotent, all or
-- nothing, tenant-bound), incremental rollup = full rebuild, dashboards, retention, access.
begin;
set search_path = extensions, public;
select plan(48);
select tests.without_demo_data();

select tests.two_workspaces();
with r as (insert into public.ad_accounts (workspace_id, platform, external_account_id) values
  (tests.workspace_id('A'), 'meta', 'act_1') returning id)
select tests.remember('act_1', id) from r;
with r as (insert into public.ad_campaigns (workspace_id, ad_account_id, platform, external_id, name) values
  (tests.workspace_id('A'), tests.id('act_1'), 'meta', 'c1', 'Meta prospecting'),
  (tests.workspace_id('A'), null, 'google', 'g1', 'Google brand'),
  (tests.workspace_id('B'), null, 'meta', 'b1', 'B campaign') returning id, name)
select tests.remember(name, id) from r;
with r as (insert into public.ad_groups (workspace_id, campaign_id, platform, external_id, name) values
  (tests.workspace_id('A'), tests.id('Meta prospecting'), 'meta', 's1', 'Lookalikes') returning id)
select tests.remember('Lookalikes', id) from r;
insert into public.ads (workspace_id, ad_group_id, platform, external_id, name) values
  (tests.workspace_id('A'), tests.id('Lookalikes'), 'meta', 'x1', 'UGC video');

-- ---------- derived KPIs at their edges (as the owner, straight into the table)
create temp table kpi (label text, campaign uuid, day date, spend bigint, impr bigint, clk bigint, conv numeric, rev bigint) on commit drop;
insert into kpi values
  ('zero clicks',        tests.id('Meta prospecting'), '2020-01-01', 500, 1000, 0, 0, 0),
  ('zero impressions',   tests.id('Meta prospecting'), '2020-01-02', 0, 0, 0, 0, 0),
  ('zero spend',         tests.id('Meta prospecting'), '2020-01-03', 0, 100, 10, 2, 5000),
  ('thirds',             tests.id('Meta prospecting'), '2020-01-04', 2, 3, 3, 3, 4),
  ('half rounds away',   tests.id('Meta prospecting'), '2020-01-05', 1, 8, 8, 0.5, 1),
  ('huge',               tests.id('Meta prospecting'), '2020-01-06', 9000000000000000, 9000000000000000, 3000000000000000, 1000000000, 9000000000000000);
insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, ad_account_id, campaign_id, day,
  spend_cents, impressions, clicks, conversions, revenue_cents)
select tests.workspace_id('A'), 'meta', 'campaign', campaign, tests.id('act_1'), campaign, day,
       spend, impr, clk, conv, rev from kpi;

select results_eq($$ select cpc_cents, cpa_cents, cpm_cents, roas, ctr, cvr from public.ad_metrics_daily where day = '2020-01-01' $$,
  $$ values (null::numeric, null::numeric, 500.00::numeric, 0.0000::numeric, 0.000000::numeric, null::numeric) $$,
  'zero clicks: CPC and CVR are NULL, CPA NULL without conversions, ROAS 0 with spend');
select results_eq($$ select cpc_cents, cpa_cents, cpm_cents, roas, ctr, cvr from public.ad_metrics_daily where day = '2020-01-02' $$,
  $$ values (null::numeric, null::numeric, null::numeric, null::numeric, null::numeric, null::numeric) $$,
  'all zero: every KPI is NULL, never 0 and never an error');
select results_eq($$ select cpc_cents, cpa_cents, roas, ctr, cvr from public.ad_metrics_daily where day = '2020-01-03' $$,
  $$ values (0.00::numeric, 0.00::numeric, null::numeric, 0.100000::numeric, 0.200000::numeric) $$,
  'zero spend: CPC and CPA are a known 0, ROAS is NULL');
select results_eq($$ select cpc_cents, cpa_cents, cpm_cents, roas, ctr, cvr from public.ad_metrics_daily where day = '2020-01-04' $$,
  $$ values (0.67::numeric, 0.67::numeric, 666.67::numeric, 2.0000::numeric, 1.000000::numeric, 1.000000::numeric) $$,
  'thirds round half away from zero at the documented scale');
select results_eq($$ select cpc_cents, cpa_cents, cpm_cents, roas, ctr from public.ad_metrics_daily where day = '2020-01-05' $$,
  $$ values (0.13::numeric, 2.00::numeric, 125.00::numeric, 1.0000::numeric, 1.000000::numeric) $$,
  '0.125 cents rounds to 0.13');
select results_eq($$ select cpc_cents, cpa_cents, cpm_cents, roas, ctr from public.ad_metrics_daily where day = '2020-01-06' $$,
  $$ values (3.00::numeric, 9000000.00::numeric, 1000.00::numeric, 1.0000::numeric, 0.333333::numeric) $$,
  'values near 2^53 compute without overflow');
update public.ad_metrics_daily set clicks = 5 where day = '2020-01-01';
select is((select cpc_cents from public.ad_metrics_daily where day = '2020-01-01'), 100.00::numeric, 'an update recomputes the KPIs');
select throws_ok($$ update public.ad_metrics_daily set clicks = impressions + 1 where day = '2020-01-01' $$,
  '23514', null, 'clicks can never exceed impressions');
delete from public.ad_metrics_daily;
select private.rebuild_ad_rollup();

-- ---------- ingestion as a connector
create temp table batch on commit drop as select $j$[
  {"platform": "meta", "level": "campaign", "external_id": "c1", "day": "2026-11-01", "spend_cents": 10000, "impressions": 20000, "clicks": 400, "conversions": 10, "revenue_cents": 35000},
  {"platform": "meta", "level": "campaign", "external_id": "c1", "day": "2026-11-02", "spend_cents": 12000, "impressions": 21000, "clicks": 420, "conversions": 12, "revenue_cents": 30000},
  {"platform": "google", "level": "campaign", "external_id": "g1", "day": "2026-11-01", "spend_cents": 5000, "impressions": 3000, "clicks": 300, "conversions": 20, "revenue_cents": 40000},
  {"platform": "meta", "level": "ad_group", "external_id": "s1", "day": "2026-11-01", "spend_cents": 10000, "impressions": 20000, "clicks": 400},
  {"platform": "meta", "level": "ad", "external_id": "x1", "day": "2026-11-01", "spend_cents": 10000, "impressions": 20000, "clicks": 400},
  {"platform": "meta", "level": "account", "external_id": "act_1", "day": "2026-11-01", "spend_cents": 10000, "impressions": 20000, "clicks": 400}
]$j$::jsonb as j;
grant select on batch to service_role, authenticated;

select tests.authenticate_as_service_role();
select results_eq($$ select * from public.ingest_ad_metrics(tests.workspace_id('A'), (select j from batch)) $$,
  $$ values (6, 0) $$, 'a new batch inserts one row per object and day');
select results_eq($$ select * from public.ingest_ad_metrics(tests.workspace_id('A'), (select j from batch)) $$,
  $$ values (0, 6) $$, 're-ingesting the same batch updates, inserts nothing');
select is((select count(*)::int from public.ad_metrics_daily), 6, 'still six rows');
select results_eq($$ select campaign_id, ad_group_id, ad_account_id from public.ad_metrics_daily where level = 'ad' $$,
  $$ values (tests.id('Meta prospecting'), tests.id('Lookalikes'), tests.id('act_1')) $$,
  'an ad''s row carries its ad group, campaign and account');

select throws_ok($$ select public.ingest_ad_metrics(tests.workspace_id('A'),
  '[{"platform": "meta", "level": "campaign", "external_id": "c1", "day": "2026-11-05", "spend_cents": 1},
    {"platform": "meta", "level": "campaign", "external_id": "c1", "day": "2026-11-06", "spend_cents": -1}]') $$,
  '22023', 'rows[1].spend_cents: must be a non-negative whole number', 'negative spend names row 1 and the field');
select is((select count(*)::int from public.ad_metrics_daily where day = '2026-11-05'), 0, 'and nothing of that batch was written');
select throws_ok($$ select public.ingest_ad_metrics(tests.workspace_id('A'),
  '[{"platform": "meta", "level": "campaign", "external_id": "nope", "day": "2026-11-05"}]') $$,
  '22023', 'rows[0].external_id: no campaign nope in this workspace', 'an unknown campaign is named');
select throws_ok($$ select public.ingest_ad_metrics(tests.workspace_id('A'),
  '[{"platform": "meta", "level": "campaign", "external_id": "b1", "day": "2026-11-05"}]') $$,
  '22023', 'rows[0].external_id: no campaign b1 in this workspace', 'another workspace''s campaign is unknown here');
select throws_ok($$ select public.ingest_ad_metrics(tests.workspace_id('A'),
  '[{"platform": "meta", "level": "campaign", "external_id": "c1", "day": "2026-11-05", "impressions": 10, "clicks": 11}]') $$,
  '22023', 'rows[0].clicks: cannot exceed impressions', 'clicks over impressions are refused');
select throws_ok($$ select public.ingest_ad_metrics(tests.workspace_id('A'),
  '[{"platform": "meta", "level": "campaign", "external_id": "c1", "day": "2026-02-30"}]') $$,
  '22023', 'rows[0].day: must be a calendar date (YYYY-MM-DD)', 'an impossible date is refused');
select throws_ok($$ select public.ingest_ad_metrics(tests.workspace_id('A'),
  '[{"platform": "bing", "level": "campaign", "external_id": "c1", "day": "2026-11-05"}]') $$,
  '22023', null, 'an unknown platform is refused');
select throws_ok($$ select public.ingest_ad_metrics(tests.workspace_id('A'),
  '[{"platform": "meta", "level": "campaign", "external_id": "c1", "day": "2026-11-05"},
    {"platform": "meta", "level": "campaign", "external_id": "c1", "day": "2026-11-05"}]') $$,
  '22023', 'rows[0]: the same object and day appear more than once in the batch', 'duplicates within a batch are refused');

-- ---------- incremental rollup equals a full rebuild
select is(private.refresh_ad_rollup(), 3, 'the refresh recomputes only the three changed campaign days');
create temp table inc on commit drop as select workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns from public.ad_metrics_rollup_daily;
select results_eq($$ select spend_cents, revenue_cents from public.ad_metrics_rollup_daily where platform = 'meta' and day = '2026-11-01' $$,
  $$ values (10000::bigint, 35000::bigint) $$, 'the rollup counts campaign rows only (no double counting across levels)');
-- change, delete and append, then refresh again
select public.ingest_ad_metrics(tests.workspace_id('A'),
  '[{"platform": "meta", "level": "campaign", "external_id": "c1", "day": "2026-11-02", "spend_cents": 11000, "impressions": 21000, "clicks": 420, "revenue_cents": 33000},
    {"platform": "meta", "level": "campaign", "external_id": "c1", "day": "2026-11-03", "spend_cents": 9000, "impressions": 15000, "clicks": 300, "revenue_cents": 27000}]');
delete from public.ad_metrics_daily where level = 'campaign' and platform = 'google';
select is(private.refresh_ad_rollup(), 3, 'a second refresh touches the updated, appended and emptied days');
create temp table inc2 on commit drop as select workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns from public.ad_metrics_rollup_daily;
select is(private.refresh_ad_rollup(), 0, 'nothing queued, nothing done');
select private.rebuild_ad_rollup();
select results_eq(
  $$ select * from inc2 order by workspace_id, platform, day $$,
  $$ select workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns
     from public.ad_metrics_rollup_daily order by workspace_id, platform, day $$,
  'after updates, appends and deletes the incremental rollup equals the full rebuild');
select is((select count(*)::int from inc2 where platform = 'google'), 0, 'a day whose rows went away leaves the rollup');

-- ---------- dashboards (as a viewer of A)
insert into public.orders (workspace_id, shopify_order_id, currency, total_price_cents, processed_at) values
  (tests.workspace_id('A'), 'o1', 'USD', 60000, '2026-11-01T12:00:00Z'),
  (tests.workspace_id('A'), 'o2', 'USD', 40000, '2026-11-02T12:00:00Z');
select tests.authenticate_as('viewer-a');
select results_eq($$ select key::text, spend_cents::bigint, revenue_cents::bigint, roas, cpa_cents, ctr from public.ads_dashboard(tests.workspace_id('A'), '2026-11-01', '2026-11-30', 'day') $$,
  $$ values ('2026-11-01', 10000::bigint, 35000::bigint, 3.5000::numeric, 1000.00::numeric, 0.020000::numeric),
            ('2026-11-02', 11000::bigint, 33000::bigint, 3.0000::numeric, null::numeric, 0.020000::numeric),
            ('2026-11-03', 9000::bigint, 27000::bigint, 3.0000::numeric, null::numeric, 0.020000::numeric) $$,
  'trend by day: spend, revenue, ROAS, CPA (NULL without conversions), CTR');
select results_eq($$ select key::text, spend_cents::bigint, roas from public.ads_dashboard(tests.workspace_id('A'), '2026-11-01', '2026-11-30', 'platform') $$,
  $$ values ('meta', 30000::bigint, 3.1667::numeric) $$, 'totals by platform');
select results_eq($$ select label::text, spend_cents::bigint from public.ads_dashboard(tests.workspace_id('A'), '2026-11-02', '2026-11-03', 'campaign') $$,
  $$ values ('Meta prospecting', 20000::bigint) $$, 'by campaign within the range');
select results_eq($$ select ad_spend_cents::bigint, platform_revenue_cents::bigint, order_revenue_cents::bigint, orders::bigint, platform_roas, mer
  from public.ads_blended_roas(tests.workspace_id('A'), '2026-11-01', '2026-11-30') $$,
  $$ values (30000::bigint, 95000::bigint, 100000::bigint, 2::bigint, 3.1667::numeric, 3.3333::numeric) $$,
  'blended: platform ROAS against claimed revenue, MER against order revenue');
select results_eq($$ select spend_cents::bigint, revenue_cents::bigint, roas, previous_roas, change from public.ads_roas_tile(tests.workspace_id('A'), '2026-11-04') $$,
  $$ values (30000::bigint, 95000::bigint, 3.1667::numeric, null::numeric, null::numeric) $$,
  'ROAS tile: the last 30 days, no previous period yet');
select throws_ok($$ select * from public.ads_dashboard(tests.workspace_id('A'), '2026-11-30', '2026-11-01', 'day') $$,
  '22023', 'from (2026-11-30) is after to (2026-11-01)', 'a reversed range is refused');
select throws_ok($$ select public.ingest_ad_metrics(tests.workspace_id('A'), '[]') $$,
  '42501', null, 'viewer: cannot ingest metrics');
select throws_ok($$ insert into public.ad_campaigns (workspace_id, platform, external_id, name) values (tests.workspace_id('A'), 'meta', 'v', 'v') $$,
  '42501', null, 'viewer: cannot add campaigns');

-- ---------- another workspace and anon
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.ad_metrics_daily $$, 'B member: A''s metrics are invisible');
select is_empty($$ select * from public.ad_metrics_rollup_daily $$, 'B member: A''s rollup is invisible');
select is_empty($$ select * from public.ad_campaigns where workspace_id = tests.workspace_id('A') $$, 'B member: A''s campaigns are invisible');
select throws_ok($$ select * from public.ads_dashboard(tests.workspace_id('A'), '2026-11-01', '2026-11-30', 'day') $$,
  '42501', null, 'B member: A''s dashboard is refused');
select throws_ok($$ select public.ingest_ad_metrics(tests.workspace_id('A'), '[]') $$,
  '42501', null, 'B member: cannot ingest into A');
select is_empty($$ update public.ad_metrics_daily set spend_cents = 0 returning id $$, 'B member: updating A''s metrics touches nothing');
select is_empty($$ delete from public.ad_campaigns where workspace_id = tests.workspace_id('A') returning id $$, 'B member: deleting A''s campaigns touches nothing');
select throws_ok($$ insert into public.ad_groups (workspace_id, campaign_id, platform, external_id, name)
  values (tests.workspace_id('B'), tests.id('Meta prospecting'), 'meta', 'steal', 'x') $$,
  '23503', null, 'B member: cannot hang an ad group under A''s campaign');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.ad_metrics_daily $$, '42501', null, 'anon cannot read metrics');
select throws_ok($$ select * from public.ads_roas_tile(tests.workspace_id('A')) $$, '42501', null, 'anon cannot call dashboards');

-- ---------- retention
select tests.clear_authentication();
select public.ingest_ad_metrics(tests.workspace_id('A'),
  '[{"platform": "meta", "level": "campaign", "external_id": "c1", "day": "2024-01-01", "spend_cents": 100},
    {"platform": "meta", "level": "campaign", "external_id": "c1", "day": "2024-12-01", "spend_cents": 100}]');
select private.refresh_ad_rollup();
select is(private.purge_ad_metrics('2026-11-22'), 1, 'the default 730-day window purges the older row');
select is((select count(*)::int from public.ad_metrics_rollup_daily where day < '2024-11-22'), 0, 'and its rollup day');
insert into public.ads_settings (workspace_id, metrics_retention_days) values (tests.workspace_id('A'), 365);
select is(private.purge_ad_metrics('2026-11-22'), 1, 'a shorter per-workspace window purges more');
select ok(exists (select 1 from public.ad_metrics_daily where day = '2026-11-01'), 'recent metrics stay');

select * from finish();
rollback;
