-- Analytics from the outside: the HotDash tiles against hand-computed figures, daily facts
-- (idempotent), reports, real-time metrics, insights, CEO briefing visibility and rating, SEO
-- ingestion, social engagement rate, user events, and retention on both sides of each window.
begin;
set search_path = extensions, public;
select plan(63);

select tests.two_workspaces();
insert into public.ai_models (provider, model, model_type, input_price_per_mtok_micros, output_price_per_mtok_micros)
values ('openai', 'test-flagship', 'flagship', 1250000, 10000000);

-- ================= the tiles (as of 2026-11-20: this window 2026-10-21..2026-11-19, the previous 2026-09-21..2026-10-20)
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), '[
  {"shopify_order_id": "o1", "currency": "USD", "total_price_cents": 10000, "processed_at": "2026-11-10T12:00:00Z"},
  {"shopify_order_id": "o2", "currency": "USD", "total_price_cents": 5000, "total_refunded_cents": 1000, "processed_at": "2026-11-15T12:00:00Z"},
  {"shopify_order_id": "o3", "currency": "USD", "total_price_cents": 3000, "processed_at": "2026-11-16T12:00:00Z", "cancelled_at": "2026-11-16T13:00:00Z"},
  {"shopify_order_id": "o4", "currency": "USD", "total_price_cents": 9999, "processed_at": "2026-11-20T01:00:00Z"},
  {"shopify_order_id": "o5", "currency": "USD", "total_price_cents": 7000, "processed_at": "2026-10-01T12:00:00Z"},
  {"shopify_order_id": "o6", "currency": "EUR", "total_price_cents": 2000, "processed_at": "2026-11-12T12:00:00Z"}]');
select tests.clear_authentication();
with r as (insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, sku, title) values
  (tests.workspace_id('A'), 'p1', 'v1', 'BALM', 'Balm'),
  (tests.workspace_id('A'), 'p2', 'v2', 'SOAP', 'Soap'),
  (tests.workspace_id('A'), 'p3', 'v3', 'OIL', 'Oil') returning id, sku)
select tests.remember(sku, id) from r;
insert into public.reorder_points (workspace_id, product_id, as_of, window_days, units_sold, avg_daily_demand, demand_stddev,
  service_level_z, on_hand, weeks_of_supply, below_reorder_point, computed_at) values
  (tests.workspace_id('A'), tests.id('BALM'), '2026-11-20', 28, 28, 1, 0, 1.65, 3, 0.50, true, '2026-11-20 05:30:00+00'),
  (tests.workspace_id('A'), tests.id('SOAP'), '2026-11-20', 28, 28, 1, 0, 1.65, 30, 4.20, false, '2026-11-20 05:30:00+00'),
  (tests.workspace_id('A'), tests.id('OIL'), '2026-11-20', 28, 0, 0, 0, 1.65, 10, null, false, '2026-11-20 05:30:00+00');
with r as (insert into public.ad_campaigns (workspace_id, platform, external_id, name) values
  (tests.workspace_id('A'), 'meta', 'c1', 'Prospecting') returning id, name)
select tests.remember(name, id) from r;
insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, day, spend_cents, impressions, clicks,
  conversions, revenue_cents) values
  (tests.workspace_id('A'), 'meta', 'campaign', tests.id('Prospecting'), tests.id('Prospecting'), '2026-11-19', 10000, 5000, 100, 4, 30000),
  (tests.workspace_id('A'), 'meta', 'campaign', tests.id('Prospecting'), tests.id('Prospecting'), '2026-10-10', 5000, 3000, 50, 1, 5000);
select private.refresh_ad_rollup();
insert into public.agent_approvals (workspace_id, action, title, priority, expires_at) values
  (tests.workspace_id('A'), 'pause_ad_campaign', 'Pause Prospecting', 'high', now() + interval '12 hours'),
  (tests.workspace_id('A'), 'other', 'Normal one', 'normal', now() + interval '3 days'),
  (tests.workspace_id('A'), 'other', 'Past its expiry', 'urgent', now() + interval '1 day'),
  (tests.workspace_id('A'), 'other', 'Approved already', 'urgent', now() + interval '1 day');
set local session_replication_role = replica;
update public.agent_approvals set created_at = now() - interval '2 days', expires_at = now() - interval '1 minute'
  where title = 'Past its expiry';
update public.agent_approvals set status = 'approved' where title = 'Approved already';
set local session_replication_role = origin;
select public.report_error(tests.workspace_id('A'), 'E', 'web', 'boom');

select tests.authenticate_as('viewer-a');
-- Revenue USD: 10,000 + (5,000 - 1,000) = 14,000 over 2 orders (cancelled, today's and EUR excluded);
-- previous 7,000; change (14,000 - 7,000) / 7,000 = 1; AOV 7,000.
select results_eq($$ select revenue_currency::text, revenue_cents::bigint, previous_revenue_cents::bigint, revenue_change, orders::bigint, average_order_cents
  from public.dashboard_tiles(tests.workspace_id('A'), '2026-11-20') $$,
  $$ values ('USD'::text, 14000::bigint, 7000::bigint, 1.0000::numeric, 2::bigint, 7000::bigint) $$,
  'revenue tile: net revenue of uncancelled orders in the main currency, this window vs the previous one');
select results_eq($$ select skus_tracked::integer, skus_below_reorder_point::integer, lowest_weeks_of_supply, reorder_points_computed_at
  from public.dashboard_tiles(tests.workspace_id('A'), '2026-11-20') $$,
  $$ values (3, 1, 0.50::numeric, '2026-11-20 05:30:00+00'::timestamptz) $$, 'inventory tile from reorder points');
-- Ads: 30,000 / 10,000 = 3; previous 5,000 / 5,000 = 1; change (3 - 1) / 1 = 2
select results_eq($$ select ad_spend_cents::bigint, ad_revenue_cents::bigint, roas, previous_roas, roas_change
  from public.dashboard_tiles(tests.workspace_id('A'), '2026-11-20') $$,
  $$ values (10000::bigint, 30000::bigint, 3.0000::numeric, 1.0000::numeric, 2.0000::numeric) $$, 'ads tile from the ads rollup');
select results_eq($$ select pending_approvals::integer, urgent_approvals::integer, approvals_expiring_24h::integer, oldest_pending_approval_at = now(), open_errors::integer, open_alerts::integer
  from public.dashboard_tiles(tests.workspace_id('A'), '2026-11-20') $$,
  $$ values (2, 1, 1, true, 1, 0) $$,
  'approvals tile: waiting approvals only (not past expiry, not decided); open errors and alerts');
select tests.authenticate_as('owner-b');
select throws_ok($$ select public.dashboard_tiles(tests.workspace_id('A'), '2026-11-20') $$, '42501', null,
  'another workspace''s owner cannot read A''s tiles');
select results_eq($$ select revenue_currency, revenue_cents::bigint, revenue_change, orders::bigint, average_order_cents, skus_tracked::integer, roas, pending_approvals::integer
  from public.dashboard_tiles(tests.workspace_id('B'), '2026-11-20') $$,
  $$ values (null::char(3), 0::bigint, null::numeric, 0::bigint, null::bigint, 0, null::numeric, 0) $$,
  'an empty workspace: zeros, and NULL ratios where the denominator is 0');
select tests.authenticate_as_anon();
select throws_ok($$ select public.dashboard_tiles(tests.workspace_id('A')) $$, '42501', null, 'anon gets no tiles');

-- ================= daily facts
select tests.clear_authentication();
select private.refresh_dashboard_facts('2026-11-15');
select private.refresh_dashboard_facts('2026-11-19');
select results_eq($$ select metric, dimensions, value from public.dashboard_facts
  where workspace_id = tests.workspace_id('A') order by period_start, metric $$,
  $$ values ('orders'::text, '{"currency": "USD"}'::jsonb, 1::numeric), ('revenue.net', '{"currency": "USD"}', 4000),
            ('ads.revenue', '{"platform": "meta"}', 30000), ('ads.spend', '{"platform": "meta"}', 10000) $$,
  'facts of a day: net revenue and orders per currency, ad spend and revenue per platform');
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), '[
  {"shopify_order_id": "o2", "currency": "USD", "total_price_cents": 5000, "total_refunded_cents": 2500, "processed_at": "2026-11-15T12:00:00Z"}]');
select tests.clear_authentication();
select private.refresh_dashboard_facts('2026-11-15');
select results_eq($$ select count(*)::int, sum(value) filter (where metric = 'revenue.net') from public.dashboard_facts
  where workspace_id = tests.workspace_id('A') $$,
  $$ values (4, 2500::numeric) $$, 'refreshing a day again updates its facts instead of adding rows');
select private.refresh_dashboard_facts((now() at time zone 'UTC')::date);
select is((select value from public.dashboard_facts where metric = 'approvals.proposed' and workspace_id = tests.workspace_id('A')),
  3::numeric, 'approvals proposed today are counted (the backdated one was proposed two days ago)');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.dashboard_facts $$, 'facts are tenant-scoped');
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.dashboard_facts (workspace_id, metric, period, period_start, value) values
  (tests.workspace_id('A'), 'x', 'day', now(), 1) $$, '42501', null, 'facts are computed, not written by users');

-- ================= reports
with r as (insert into public.analytics_reports (workspace_id, name, kind, period_start, period_end) values
  (tests.workspace_id('A'), 'November', 'performance', '2026-11-01', '2026-11-30') returning id, name)
select tests.remember(name, id) from r;
select throws_ok($$ update public.analytics_reports set status = 'ready' $$, 'PT409', null, 'pending cannot jump to ready');
select throws_ok($$ update public.analytics_reports set status = 'generating' $$, '42501', null, 'members do not run the generator');
select tests.authenticate_as_service_role();
update public.analytics_reports set status = 'generating' where id = tests.id('November');
update public.analytics_reports set status = 'failed', error = 'timeout' where id = tests.id('November');
select tests.authenticate_as('member-a');
select lives_ok($$ update public.analytics_reports set status = 'pending' $$, 'members retry a failed report');
select tests.authenticate_as_service_role();
update public.analytics_reports set status = 'generating' where id = tests.id('November');
update public.analytics_reports set status = 'ready', results = '{"revenue_cents": 14000}'
  where id = tests.id('November');
select results_eq($$ select status::text, generated_at is not null, created_by from public.analytics_reports
  where id = tests.id('November') $$,
  $$ values ('ready'::text, true, tests.user_id('member-a')) $$, 'the generator finishes it; the requester is recorded');
select tests.authenticate_as('viewer-a');
select throws_ok($$ insert into public.analytics_reports (workspace_id, name, kind, period_start, period_end) values
  (tests.workspace_id('A'), 'x', 'ads', '2026-11-01', '2026-11-02') $$, '42501', null, 'viewers do not request reports');
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.analytics_reports (workspace_id, name, kind, period_start, period_end) values
  (tests.workspace_id('A'), 'x', 'ads', '2026-11-02', '2026-11-01') $$, '23514', null, 'a period cannot end before it starts');

-- ================= real-time metrics
select tests.authenticate_as_service_role();
select is(private.record_metrics(tests.workspace_id('A'), '[
  {"entity_type": "page", "entity_id": "/", "metric": "visitors", "value": 12, "measured_at": "2026-11-20T10:00:00Z"},
  {"entity_type": "page", "entity_id": "/", "metric": "visitors", "value": 15, "measured_at": "2026-11-20T10:01:00Z"}]'), 1,
  'the latest of two measurements in one batch wins');
select private.record_metrics(tests.workspace_id('A'),
  '[{"entity_type": "page", "entity_id": "/", "metric": "visitors", "value": 20, "measured_at": "2026-11-20T10:02:00Z"}]');
select is(private.record_metrics(tests.workspace_id('A'),
  '[{"entity_type": "page", "entity_id": "/", "metric": "visitors", "value": 1, "measured_at": "2026-11-20T09:00:00Z"}]'), 0,
  'an older measurement does not replace a newer one');
select results_eq($$ select value, previous_value from public.real_time_metrics where workspace_id = tests.workspace_id('A') $$,
  $$ values (20::numeric, 15::numeric) $$,
  'value and the value it replaced');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.real_time_metrics $$, 'real-time metrics are tenant-scoped (and so is their Realtime feed)');

-- ================= insights
select tests.clear_authentication();
insert into public.ai_insights (workspace_id, kind, title, impact) values
  (tests.workspace_id('A'), 'anomaly', 'Refunds doubled', 'high');
select tests.authenticate_as('member-a');
update public.ai_insights set status = 'acknowledged';
select results_eq($$ select status::text, status_changed_by from public.ai_insights $$,
  $$ values ('acknowledged'::text, tests.user_id('member-a')) $$, 'a member triages an insight; who is recorded');
select throws_ok($$ update public.ai_insights set title = 'x' $$, '42501', null, 'the insight itself is not editable by members');
select tests.authenticate_as('viewer-a');
select is_empty($$ update public.ai_insights set status = 'dismissed' returning id $$, 'viewers do not triage insights');

-- ================= CEO briefings: owners and admins only
select tests.authenticate_as_service_role();
insert into public.ceo_briefings (workspace_id, kind, period_start, period_end, executive_summary, generation_model,
  generation_input_tokens, generation_output_tokens, cost_micros, rating) values
  (tests.workspace_id('A'), 'weekly', '2026-11-09', '2026-11-15',
   'Revenue up 100%.', 'test-flagship', 10000, 2000, 1, 5),
  (tests.workspace_id('B'), 'weekly', '2026-11-09', '2026-11-15',
   'B week.', 'unknown-model', 10, 10, null, null);
-- 10,000 in x $1.25/M = 12,500 micros; 2,000 out x $10/M = 20,000; 32,500 in all
select results_eq($$ select cost_micros, rating from public.ceo_briefings where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B')) order by workspace_id $$,
  $$ values (32500::bigint, null::smallint), (null, null) $$,
  'generation cost from the registry (NULL for an unknown model); a new briefing is unrated');
select tests.authenticate_as('owner-a');
select is((select count(*)::int from public.ceo_briefings), 1, 'the owner reads A''s briefing');
select tests.authenticate_as('admin-a');
select is((select count(*)::int from public.ceo_briefings), 1, 'an admin reads it');
update public.ceo_briefings set rating = 4, feedback_notes = 'Add cash flow';
select results_eq($$ select rating, feedback_notes, rated_by, rated_at is not null from public.ceo_briefings $$,
  $$ values (4::smallint, 'Add cash flow'::text, tests.user_id('admin-a'), true) $$,
  'an admin rates it; rated_by comes from the session');
select throws_ok($$ update public.ceo_briefings set executive_summary = 'rewritten' $$, '42501', null, 'the summary is not editable');
select throws_ok($$ update public.ceo_briefings set rating = 6 $$, '23514', null, 'a rating is 1 to 5');
select tests.authenticate_as('member-a');
select is_empty($$ select * from public.ceo_briefings $$, 'members do not see briefings');
select is_empty($$ update public.ceo_briefings set rating = 1 returning id $$, 'members cannot rate them');
select tests.authenticate_as('viewer-a');
select is_empty($$ select * from public.ceo_briefings $$, 'viewers do not see briefings');
select tests.authenticate_as('owner-b');
select results_eq($$ select executive_summary from public.ceo_briefings $$, $$ values ('B week.'::text) $$,
  'B''s owner sees only B''s briefing');

-- ================= SEO
select tests.authenticate_as_service_role();
select is(public.ingest_seo_rankings(tests.workspace_id('A'), '[
  {"keyword": "Lip Balm", "tracked_on": "2026-11-19", "position": 7, "search_volume": 9900},
  {"keyword": "lip balm", "tracked_on": "2026-11-19", "position": 5, "search_volume": 9900},
  {"keyword": "vegan soap", "tracked_on": "2026-11-19"}]'), 2, 'keywords are lower-cased and a batch''s duplicates collapse');
select public.ingest_seo_rankings(tests.workspace_id('A'),
  '[{"keyword": "lip balm", "tracked_on": "2026-11-19", "position": 4, "featured_snippet": true}]');
select results_eq($$ select keyword, position, featured_snippet from public.seo_rankings where workspace_id = tests.workspace_id('A') order by keyword $$,
  $$ values ('lip balm'::text, 4::smallint, true), ('vegan soap', null, false) $$,
  'a repeated ranking replaces the earlier one; unranked keywords have no position');
select throws_ok($$ select public.ingest_seo_rankings(tests.workspace_id('A'), '[{"keyword": "x", "tracked_on": "2026-11-19", "position": 150}]') $$,
  '23514', null, 'positions beyond 100 are refused');
select throws_ok($$ select public.ingest_seo_rankings(tests.workspace_id('A'), '[{"keyword": "x"}]') $$,
  '22023', null, 'a ranking without a day is bad input');
insert into public.seo_audits (workspace_id, site_url, technical_score, content_score, performance_score)
  values (tests.workspace_id('A'), 'https://demo.example', 80, 70, 91);
-- (80 + 70 + 91) / 3 = 80.33 -> 80
select is((select overall_score from public.seo_audits where workspace_id = tests.workspace_id('A')), 80::smallint, 'overall score is the rounded mean of the three scores');
select tests.authenticate_as('member-a');
select throws_ok($$ select public.ingest_seo_rankings(tests.workspace_id('A'), '[]') $$, '42501', null,
  'rank ingestion is for the service');
insert into public.keyword_research (workspace_id, keyword, search_volume, difficulty, cpc_cents, currency, intent) values
  (tests.workspace_id('A'), 'tallow balm', 2400, 35, 120, 'USD', 'commercial');
select is((select created_by from public.keyword_research), tests.user_id('member-a'), 'members research keywords');
select throws_ok($$ insert into public.keyword_research (workspace_id, keyword, cpc_cents) values (tests.workspace_id('A'), 'x', 5) $$,
  '23514', null, 'a CPC needs its currency');

-- ================= social: engagement rate by trigger
with r as (insert into public.social_posts (workspace_id, platform, caption, status) values
  (tests.workspace_id('A'), 'instagram', 'Winter balm drop', 'published') returning id, caption)
select tests.remember(caption, id) from r;
select isnt((select published_at from public.social_posts), null::timestamptz, 'publishing stamps published_at');
select tests.authenticate_as_service_role();
with r as (insert into public.social_posts (workspace_id, platform, caption) values
  (tests.workspace_id('B'), 'tiktok', 'B post') returning id, caption)
select tests.remember(caption, id) from r;
insert into public.social_analytics (workspace_id, social_post_id, platform, measured_at, likes, comments, shares, saves, reach) values
  (tests.workspace_id('A'), tests.id('Winter balm drop'), 'tiktok', '2026-11-19 10:00+00', 30, 5, 3, 2, 1000),
  (tests.workspace_id('A'), tests.id('Winter balm drop'), 'tiktok', '2026-11-19 11:00+00', 1, 0, 0, 0, 3),
  (tests.workspace_id('A'), tests.id('Winter balm drop'), 'tiktok', '2026-11-19 12:00+00', 4, 0, 0, 0, 0),
  (tests.workspace_id('A'), tests.id('Winter balm drop'), 'tiktok', '2026-11-19 13:00+00', 4, 0, 0, 0, null);
-- (30 + 5 + 3 + 2) / 1000 = 0.04; 1 / 3 = 0.333333; reach 0 or unknown: NULL
select results_eq($$ select platform::text, engagements, engagement_rate from public.social_analytics where workspace_id = tests.workspace_id('A')
  order by measured_at $$,
  $$ values ('instagram'::text, 40::bigint, 0.040000::numeric), ('instagram', 1, 0.333333), ('instagram', 4, null), ('instagram', 4, null) $$,
  'engagement rate = (likes + comments + shares + saves) / reach; NULL on zero or unknown reach; platform from the post');
update public.social_analytics set reach = 8 where workspace_id = tests.workspace_id('A') and measured_at = '2026-11-19 12:00+00';
select is((select engagement_rate from public.social_analytics where workspace_id = tests.workspace_id('A') and measured_at = '2026-11-19 12:00+00'),
  0.500000::numeric,
  'an update recomputes the rate (4 / 8)');
select throws_ok($$ insert into public.social_analytics (workspace_id, social_post_id, platform, measured_at) values
  (tests.workspace_id('A'), tests.id('B post'), 'tiktok', now()) $$,
  '23503', null, 'analytics cannot point at another workspace''s post');

-- ================= user analytics events
select tests.authenticate_as('member-a');
select is(public.track_events(tests.workspace_id('A'), '[
  {"event_name": "form.friction", "page": "/campaigns/new", "properties": {"form": "campaign", "field": "budget", "friction": "validation_error"}},
  {"event_name": "page.view", "page": "/"}]'), 2, 'a member tracks a batch of their events');
insert into public.user_analytics_events (workspace_id, event_name) values (tests.workspace_id('A'), 'page.view');
select tests.authenticate_as('viewer-a');
select is(public.track_events(tests.workspace_id('A'), '[{"event_name": "page.view"}]'), 1, 'viewers track their events too');
select results_eq($$ select count(*)::int, min(user_id::text) from public.user_analytics_events $$,
  $$ values (1, tests.user_id('viewer-a')::text) $$, 'a user reads only their own events');
select throws_ok($$ select public.track_events(tests.workspace_id('A'), '[{"event_name": "Bad Name"}]') $$,
  '22023', null, 'event names are checked');
select throws_ok($$ select public.track_events(tests.workspace_id('A'), (select jsonb_agg(jsonb_build_object('event_name', 'x')) from generate_series(1, 501))) $$,
  'PT413', null, 'more than 500 events: PT413');
select tests.authenticate_as('admin-a');
select results_eq($$ select user_id, count(*)::int from public.user_analytics_events group by 1 order by 1 $$,
  $$ values (tests.user_id('member-a'), 3), (tests.user_id('viewer-a'), 1) $$,
  'admins read the workspace''s events; user_id is always the caller''s');
select is((select tableoid::regclass::text from public.user_analytics_events limit 1),
  'private.user_analytics_events_p' || to_char(now() at time zone 'UTC', 'YYYYMM'), 'events land in their month''s partition');
select tests.authenticate_as('member-b');
select throws_ok($$ select public.track_events(tests.workspace_id('A'), '[{"event_name": "x"}]') $$,
  '42501', null, 'no events into a workspace you do not belong to');

-- ================= retention, both sides of each window (A: 30 days everywhere; B: defaults)
select tests.clear_authentication();
insert into public.analytics_settings (workspace_id, seo_retention_days, social_retention_days, briefing_retention_days, events_retention_days)
values (tests.workspace_id('A'), 30, 30, 30, 30);
delete from public.seo_audits where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B'));
delete from public.seo_rankings where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B'));
delete from public.social_analytics where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B'));
delete from public.ceo_briefings where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B'));
delete from public.user_analytics_events where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B'));
insert into public.seo_audits (workspace_id, site_url, crawled_at) values
  (tests.workspace_id('A'), 'https://old', now() - interval '30 days 1 minute'),
  (tests.workspace_id('A'), 'https://kept', now() - interval '29 days 23 hours'),
  (tests.workspace_id('B'), 'https://old', now() - interval '365 days 1 minute'),
  (tests.workspace_id('B'), 'https://kept', now() - interval '364 days 23 hours');
insert into public.seo_rankings (workspace_id, keyword, tracked_on) values
  (tests.workspace_id('A'), 'old', (now() at time zone 'UTC')::date - 31),
  (tests.workspace_id('A'), 'kept', (now() at time zone 'UTC')::date - 30),
  (tests.workspace_id('B'), 'old', (now() at time zone 'UTC')::date - 366),
  (tests.workspace_id('B'), 'kept', (now() at time zone 'UTC')::date - 365);
insert into public.social_analytics (workspace_id, social_post_id, platform, measured_at, reach) values
  (tests.workspace_id('A'), tests.id('Winter balm drop'), 'instagram', now() - interval '30 days 1 minute', 1),
  (tests.workspace_id('A'), tests.id('Winter balm drop'), 'instagram', now() - interval '29 days 23 hours', 2);
insert into public.ceo_briefings (workspace_id, kind, period_start, period_end, executive_summary) values
  (tests.workspace_id('A'), 'daily', (now() at time zone 'UTC')::date - 31, (now() at time zone 'UTC')::date - 31, 'old'),
  (tests.workspace_id('A'), 'daily', (now() at time zone 'UTC')::date - 30, (now() at time zone 'UTC')::date - 30, 'kept'),
  (tests.workspace_id('B'), 'daily', (now() at time zone 'UTC')::date - 366, (now() at time zone 'UTC')::date - 366, 'old'),
  (tests.workspace_id('B'), 'daily', (now() at time zone 'UTC')::date - 365, (now() at time zone 'UTC')::date - 365, 'kept');
select is(private.ensure_monthly_partitions('public.user_analytics_events', (now() - interval '3 years')::date, 1), 1,
  'an event partition three years back is made on request');
insert into public.user_analytics_events (workspace_id, user_id, occurred_at, event_name) values
  (tests.workspace_id('A'), tests.user_id('member-a'), now() - interval '30 days 1 minute', 'old'),
  (tests.workspace_id('A'), tests.user_id('member-a'), now() - interval '29 days 23 hours', 'kept'),
  (tests.workspace_id('B'), tests.user_id('member-b'), now() - interval '395 days 1 minute', 'old'),
  (tests.workspace_id('B'), tests.user_id('member-b'), now() - interval '394 days 23 hours', 'kept'),
  (tests.workspace_id('B'), tests.user_id('member-b'), now() - interval '3 years', 'ancient');
select private.purge_analytics_data();
select results_eq($$ select site_url from public.seo_audits where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B')) order by workspace_id $$, $$ values ('https://kept'::text), ('https://kept') $$,
  'SEO audits: past the window gone (A 30 days, B 365), within kept');
select results_eq($$ select keyword from public.seo_rankings where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B')) order by workspace_id $$, $$ values ('kept'::text), ('kept') $$,
  'SEO rankings: day 31 (A) and 366 (B) gone, day 30 and 365 kept');
select results_eq($$ select reach from public.social_analytics where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B')) $$, $$ values (2::bigint) $$,
  'social analytics: past 30 days gone');
select results_eq($$ select executive_summary from public.ceo_briefings where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B')) order by workspace_id $$, $$ values ('kept'::text), ('kept') $$,
  'CEO briefings: past the window gone (A 30, B 365)');
select results_eq($$ select event_name from public.user_analytics_events where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B')) order by workspace_id $$, $$ values ('kept'::text), ('kept') $$,
  'user events: past the window gone (A 30, B 395)');
select is(to_regclass('private.user_analytics_events_p' || to_char((now() - interval '3 years') at time zone 'UTC', 'YYYYMM')),
  null::regclass, 'the event partition past 731 days was dropped');
select tests.authenticate_as('member-a');
select throws_ok($$ select private.purge_analytics_data() $$, '42501', null, 'signed-in users cannot run the purge');

select * from finish();
rollback;
