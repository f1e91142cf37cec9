-- Automation from the outside: autopilot access, weekly reports (figures, idempotence, which
-- workspaces), the dashboard RPC, the lead inbox and cron monitor views, the optimisation
-- proposals and the daily job that files them as pending approvals (never touching campaigns), and the workflow engine (validation, events, the
-- queue, retries, cancelling, manual runs, the depth limit). The two-worker race is a vitest.
begin;
set search_path = extensions, public;
select plan(120);

select tests.without_demo_data();
select tests.two_workspaces();
-- other workspaces' autopilots (left by flows run earlier against this database) stay out of the jobs' counts
update public.autopilot_configs set enabled = false
where workspace_id not in (tests.workspace_id('A'), tests.workspace_id('B'));
-- ---------- fixture
-- Campaigns, ad campaigns and leads get ids that ascend in their numbering: proposals come out
-- ordered by ad campaign, the best sibling ties by id, and the inbox orders leads by id.
select tests.remember_in_order('M1 auto', 'M2 manual', 'M3 paused', 'M4 auto, no target', 'M5 draft', 'MB auto');
select tests.remember_in_order('a1 meta', 'a2 google', 'a3 tiktok', 'a4 low spend', 'a5 paused', 'a6 own target', 'a7 manual',
  'a8 in paused', 'a9 unassigned', 'a10 default target', 'b1');
select tests.remember_in_order('l1@a.test', 'l2@a.test', 'l3@a.test', 'l4@a.test', 'l5@a.test');
insert into public.autopilot_configs (workspace_id, enabled, monthly_budget_cents, target_roas, min_spend_cents, hot_lead_score) values
  (tests.workspace_id('A'), true, 1000000, 2.00, 5000, 50),
  (tests.workspace_id('B'), true, 0, 2.00, 5000, 50);
insert into public.campaigns (id, workspace_id, name, status, auto_managed, kpi_targets) values
  (tests.id('M1 auto'), tests.workspace_id('A'), 'M1 auto', 'active', true, '{"target_roas": 2.5}'),
  (tests.id('M2 manual'), tests.workspace_id('A'), 'M2 manual', 'active', false, '{}'),
  (tests.id('M3 paused'), tests.workspace_id('A'), 'M3 paused', 'paused', true, '{}'),
  (tests.id('M4 auto, no target'), tests.workspace_id('A'), 'M4 auto, no target', 'active', true, '{}'),
  (tests.id('M5 draft'), tests.workspace_id('A'), 'M5 draft', 'draft', false, '{}'),
  (tests.id('MB auto'), tests.workspace_id('B'), 'MB auto', 'active', true, '{}');
insert into public.ad_campaigns (id, workspace_id, platform, external_id, name, status, daily_budget_cents, target_roas, campaign_id) values
  (tests.id('a1 meta'), tests.workspace_id('A'), 'meta', 'a1', 'a1 meta', 'active', 10000, null, tests.id('M1 auto')),
  (tests.id('a2 google'), tests.workspace_id('A'), 'google', 'a2', 'a2 google', 'active', 8000, 3.00, tests.id('M1 auto')),
  (tests.id('a3 tiktok'), tests.workspace_id('A'), 'tiktok', 'a3', 'a3 tiktok', 'active', 5000, null, tests.id('M1 auto')),
  (tests.id('a4 low spend'), tests.workspace_id('A'), 'meta', 'a4', 'a4 low spend', 'active', 3000, null, tests.id('M1 auto')),
  (tests.id('a5 paused'), tests.workspace_id('A'), 'meta', 'a5', 'a5 paused', 'paused', 3000, null, tests.id('M1 auto')),
  (tests.id('a6 own target'), tests.workspace_id('A'), 'google', 'a6', 'a6 own target', 'active', 2000, 5.00, tests.id('M1 auto')),
  (tests.id('a7 manual'), tests.workspace_id('A'), 'meta', 'a7', 'a7 manual', 'active', 3000, null, tests.id('M2 manual')),
  (tests.id('a8 in paused'), tests.workspace_id('A'), 'meta', 'a8', 'a8 in paused', 'active', 3000, null, tests.id('M3 paused')),
  (tests.id('a9 unassigned'), tests.workspace_id('A'), 'pinterest', 'a9', 'a9 unassigned', 'active', 3000, null, null),
  (tests.id('a10 default target'), tests.workspace_id('A'), 'meta', 'a10', 'a10 default target', 'active', 1000, null, tests.id('M4 auto, no target')),
  (tests.id('b1'), tests.workspace_id('B'), 'meta', 'b1', 'b1', 'active', 5000, null, tests.id('MB auto'));
insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, day, spend_cents, revenue_cents, conversions)
select w::uuid, p::public.ad_platform, 'campaign', c::uuid, c::uuid, d::date, s, r, n from (values
  (tests.workspace_id('A'), 'meta', tests.id('a1 meta'), '2026-11-09', 12000, 18000, 2),
  (tests.workspace_id('A'), 'meta', tests.id('a1 meta'), '2026-11-12', 8000, 12000, 1),
  (tests.workspace_id('A'), 'google', tests.id('a2 google'), '2026-11-08', 100000, 0, 0),
  (tests.workspace_id('A'), 'google', tests.id('a2 google'), '2026-11-10', 10000, 40000, 4),
  (tests.workspace_id('A'), 'google', tests.id('a2 google'), '2026-11-16', 100000, 0, 0),
  (tests.workspace_id('A'), 'tiktok', tests.id('a3 tiktok'), '2026-11-11', 6000, 18000, 2),
  (tests.workspace_id('A'), 'meta', tests.id('a4 low spend'), '2026-11-13', 4000, 0, 0),
  (tests.workspace_id('A'), 'meta', tests.id('a5 paused'), '2026-11-13', 20000, 0, 0),
  (tests.workspace_id('A'), 'google', tests.id('a6 own target'), '2026-11-14', 10000, 45000, 3),
  (tests.workspace_id('A'), 'meta', tests.id('a7 manual'), '2026-11-14', 20000, 0, 0),
  (tests.workspace_id('A'), 'meta', tests.id('a8 in paused'), '2026-11-14', 20000, 0, 0),
  (tests.workspace_id('A'), 'pinterest', tests.id('a9 unassigned'), '2026-11-15', 3000, 9000, 1),
  (tests.workspace_id('A'), 'meta', tests.id('a10 default target'), '2026-11-15', 10000, 15000, 1),
  (tests.workspace_id('B'), 'meta', tests.id('b1'), '2026-11-10', 20000, 0, 0)
) v (w, p, c, d, s, r, n);
insert into public.lead_scoring_rules (workspace_id, name, activity_type, points) values
  (tests.workspace_id('A'), 'Demo', 'demo_request', 60);
insert into public.leads (id, workspace_id, email, source, status, created_at, converted_at) values
  (tests.id('l1@a.test'), tests.workspace_id('A'), 'l1@a.test', 'form', 'new', '2026-11-09 00:00Z', null),
  (tests.id('l2@a.test'), tests.workspace_id('A'), 'l2@a.test', 'ads', 'converted', '2026-11-12 10:00Z', '2026-11-12 12:00Z'),
  (tests.id('l3@a.test'), tests.workspace_id('A'), 'l3@a.test', 'form', 'new', '2026-11-15 23:59:59Z', null),
  (tests.id('l4@a.test'), tests.workspace_id('A'), 'l4@a.test', 'form', 'qualified', '2026-11-08 23:59:59Z', null),
  (tests.id('l5@a.test'), tests.workspace_id('A'), 'l5@a.test', 'form', 'new', '2026-11-16 00:00Z', null);
update public.leads set campaign_id = tests.id('M1 auto') where id = tests.id('l1@a.test');
insert into public.lead_activities (workspace_id, lead_id, activity_type) values
  (tests.workspace_id('A'), tests.id('l1@a.test'), 'demo_request');
insert into public.campaign_tasks (workspace_id, campaign_id, title, status, due_date) values
  (tests.workspace_id('A'), tests.id('M1 auto'), 'T1', 'todo', '2026-11-14'),
  (tests.workspace_id('A'), tests.id('M1 auto'), 'T2', 'in_progress', '2026-11-20'),
  (tests.workspace_id('A'), tests.id('M1 auto'), 'T3', 'done', '2026-11-10');
with r as (insert into public.email_lists (workspace_id, name) values
  (tests.workspace_id('A'), 'Hot leads'),
  (tests.workspace_id('B'), 'B list') returning id, name)
select tests.remember(name, id) from r;

-- ---------- weekly reports
select is(private.build_weekly_reports('2026-11-09'), 2, 'the Monday job builds a report for each enabled workspace');
create temp table first_report on commit drop as
  select id from public.autopilot_weekly_reports where workspace_id = tests.workspace_id('A') and week_start = '2026-11-09';
-- Week 2026-11-09..15, campaign-level rows through the rollup (the job refreshes it first):
-- meta a1 20000/30000 + a4 4000/0 + a5 20000/0 + a7 20000/0 + a8 20000/0 + a10 10000/15000 = 94000/45000, 4 conv;
-- google a2 10000/40000 + a6 10000/45000 = 20000/85000, 7 conv (a2's 11-08 and 11-16 rows are outside);
-- tiktok 6000/18000, 2; pinterest 3000/9000, 1. Total 123000/157000, 14 conv.
-- ROAS 157000/123000 = 1.27642 -> 1.2764; ROI 34000/123000 = 0.27642 -> 0.2764; top channel google (most revenue).
select results_eq($$ select total_spend_cents, total_revenue_cents, conversions, roas, roi, top_performing_channel::text, iso_year, iso_week
                     from public.autopilot_weekly_reports where workspace_id = tests.workspace_id('A') $$,
  $$ values (123000::bigint, 157000::bigint, 14::numeric, 1.2764::numeric, 0.2764::numeric, 'google'::text, 2026, 46) $$,
  'weekly report: spend, revenue, conversions, ROAS, ROI and top channel from the rollup; ISO week 46');
select is((select channel_breakdown from public.autopilot_weekly_reports where workspace_id = tests.workspace_id('A')),
  '[{"platform": "google", "spend_cents": 20000, "revenue_cents": 85000, "conversions": 7, "roas": 4.25},
    {"platform": "meta", "spend_cents": 94000, "revenue_cents": 45000, "conversions": 4, "roas": 0.4787},
    {"platform": "tiktok", "spend_cents": 6000, "revenue_cents": 18000, "conversions": 2, "roas": 3},
    {"platform": "pinterest", "spend_cents": 3000, "revenue_cents": 9000, "conversions": 1, "roas": 3}]'::jsonb,
  'weekly report: per-platform breakdown, most revenue first (meta 45000/94000 = 0.4787)');
-- Leads created 2026-11-09 00:00 to 2026-11-15 23:59:59 UTC: l1 (form), l2 (ads, converted), l3 (form);
-- l4 (a second before) and l5 (the next Monday 00:00) are outside.
select results_eq($$ select total_leads_generated, converted_leads, leads_by_source from public.autopilot_weekly_reports
                     where workspace_id = tests.workspace_id('A') $$,
  $$ values (3, 1, '{"ads": 1, "form": 2}'::jsonb) $$, 'weekly report: leads created in the UTC week, by source');
select results_eq($$ select total_spend_cents, total_revenue_cents, roas, roi, top_performing_channel, total_leads_generated
                     from public.autopilot_weekly_reports where workspace_id = tests.workspace_id('B') $$,
  $$ values (20000::bigint, 0::bigint, 0.0000::numeric, -1.0000::numeric, null::public.ad_platform, 0) $$,
  'weekly report of B: its own figures only; no revenue means no top channel');
select is(private.build_weekly_reports('2026-11-09'), 2, 'the job runs a second time');
select results_eq($$ select count(*)::int, min(id::text) from public.autopilot_weekly_reports where workspace_id = tests.workspace_id('A') $$,
  $$ select 1, id::text from first_report $$, 'running twice: still one report per workspace and week, the same row');
select is((select count(*)::int from public.autopilot_activity_log where workspace_id = tests.workspace_id('A') and activity_type = 'report_generated'), 1,
  'running twice: the unchanged report is not rewritten or logged again');
select results_eq($$ select total_spend_cents, roas, total_leads_generated from public.autopilot_weekly_reports where workspace_id = tests.workspace_id('A') $$,
  $$ values (123000::bigint, 1.2764::numeric, 3) $$, 'running twice: the same figures');
update public.autopilot_weekly_reports set ai_insights = '{"summary": "Google carried the week"}' where workspace_id = tests.workspace_id('A');
insert into public.leads (workspace_id, email, source, created_at) values (tests.workspace_id('A'), 'l6@a.test', 'event', '2026-11-10 08:00Z');
select private.build_weekly_reports('2026-11-09');
select results_eq($$ select total_leads_generated, leads_by_source, ai_insights from public.autopilot_weekly_reports where workspace_id = tests.workspace_id('A') $$,
  $$ values (4, '{"ads": 1, "form": 2, "event": 1}'::jsonb, '{"summary": "Google carried the week"}'::jsonb) $$,
  'a rebuild after new data updates the figures and keeps the AI insights');
select results_eq($$ select description from public.autopilot_activity_log where workspace_id = tests.workspace_id('A') and activity_type = 'report_generated' order by id $$,
  $$ values ('Weekly report for the week of 2026-11-09 generated'), ('Weekly report for the week of 2026-11-09 updated') $$,
  'the activity log says when a report was generated and when it changed');
select results_eq($$ select runs, failures, last_status::text, last_result ->> 'week_start' from public.autopilot_cron_schedule
                     where workspace_id = tests.workspace_id('A') and job = 'weekly_report' $$,
  $$ values (3, 0, 'succeeded', '2026-11-09') $$, 'the schedule counts each run');
select throws_ok($$ select private.build_weekly_report(tests.workspace_id('A'), '2026-11-10') $$,
  '22023', 'week_start must be a Monday (got 2026-11-10)', 'a report week starts on a Monday');
update public.autopilot_configs set enabled = false where workspace_id = tests.workspace_id('B');
select is(private.build_weekly_reports('2026-11-02'), 1, 'a disabled autopilot gets no report');
update public.autopilot_cron_schedule set enabled = false where workspace_id = tests.workspace_id('A') and job = 'weekly_report';
select is(private.build_weekly_reports('2026-10-26'), 0, 'a switched-off report job gets no report');
select is((select count(*)::int from public.autopilot_weekly_reports), 3, 'three reports in all: A twice, B once');
update public.autopilot_cron_schedule set enabled = true where workspace_id = tests.workspace_id('A') and job = 'weekly_report';

-- ---------- dashboard, as of Monday 2026-11-16
-- Month 2026-11-01..16 from ad_metrics_daily: the week's 123000/157000 plus a2's 11-08 and 11-16
-- rows (100000/0 each): 323000/157000; ROAS 0.48607 -> 0.4861; budget used 323000/1000000 = 0.323.
-- Leads: 6 (l6 added above); open: l1, l3, l4, l5, l6 = 5; new in 11-10..16: l2, l3, l5, l6 = 4;
-- hot: l1 (60 >= 50); converted in the 30 days: l2; average score 60/6 = 10.00.
-- Campaigns active: M1, M2, M4; auto-managed (active, paused or planned): M1, M3, M4.
-- Tasks open: T1, T2; overdue (due before 11-16): T1. Activity in 11-10..16: one backdated entry.
set local session_replication_role = replica;
update public.autopilot_activity_log set created_at = '2026-11-10 12:00Z'
where id = (select min(id) from public.autopilot_activity_log where workspace_id = tests.workspace_id('A'));
set local session_replication_role = origin;
select tests.authenticate_as('viewer-a');
select results_eq($$ select autopilot_enabled::boolean, monthly_budget_cents, month_spend_cents::bigint, month_revenue_cents::bigint, month_roas, budget_used
                     from public.get_autopilot_dashboard_stats(tests.workspace_id('A'), '2026-11-16') $$,
  $$ values (true, 1000000::bigint, 323000::bigint, 157000::bigint, 0.4861::numeric, 0.3230::numeric) $$,
  'dashboard: month-to-date spend, revenue, ROAS and budget use');
select results_eq($$ select total_leads::integer, open_leads::integer, new_leads_7d::integer, hot_leads::integer, converted_leads_30d::integer, average_lead_score
                     from public.get_autopilot_dashboard_stats(tests.workspace_id('A'), '2026-11-16') $$,
  $$ values (6, 5, 4, 1, 1, 10.00::numeric) $$, 'dashboard: lead counts');
select results_eq($$ select active_campaigns::integer, auto_managed_campaigns::integer, open_tasks::integer, overdue_tasks::integer, activities_7d::integer, last_report_week_start, last_report_roi
                     from public.get_autopilot_dashboard_stats(tests.workspace_id('A'), '2026-11-16') $$,
  $$ values (3, 3, 2, 1, 1, '2026-11-09'::date, 0.2764::numeric) $$, 'dashboard: campaigns, tasks, activity and the last finished week''s report');
select results_eq($$ select extract(isodow from next_weekly_report_at at time zone 'UTC')::int, extract(hour from next_weekly_report_at at time zone 'UTC')::int,
                            next_weekly_report_at > now(), next_optimisation_at > now(), next_optimisation_at <= now() + interval '1 day'
                     from public.get_autopilot_dashboard_stats(tests.workspace_id('A')) $$,
  $$ values (1, 9, true, true, true) $$, 'dashboard: the next report is a coming Monday 09:00 UTC; the next optimisation within a day');
select is((select last_report_week_start from public.get_autopilot_dashboard_stats(tests.workspace_id('A'), '2026-11-15')), '2026-11-02'::date,
  'dashboard: a week still running is not shown; the latest finished week is');
select tests.authenticate_as('member-b');
select results_eq($$ select autopilot_enabled::boolean, monthly_budget_cents, budget_used, month_roas, total_leads::integer
                     from public.get_autopilot_dashboard_stats(tests.workspace_id('B'), '2026-11-16') $$,
  $$ values (false, 0::bigint, null::numeric, 0.0000::numeric, 0) $$, 'dashboard of B: no budget means no budget use');
select throws_ok($$ select * from public.get_autopilot_dashboard_stats(tests.workspace_id('A')) $$, '42501', null,
  'dashboard: another workspace''s member is refused');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.get_autopilot_dashboard_stats(tests.workspace_id('A')) $$, '42501', null,
  'dashboard: anon is refused');
select tests.clear_authentication();

-- ---------- lead inbox and cron monitor (views with the caller's rights)
select tests.authenticate_as('viewer-a');
select results_eq($$ select lead_id, is_hot, last_activity_type::text, activities_7d, campaign_name from public.autopilot_lead_inbox
                     where lead_id in (tests.id('l1@a.test'), tests.id('l4@a.test')) order by lead_id $$,
  $$ values (tests.id('l1@a.test'), true, 'demo_request'::text, 1, 'M1 auto'::text),
            (tests.id('l4@a.test'), false, null::text, 0, null::text) $$,
  'inbox: hot when the score reaches the workspace''s threshold; latest activity; the campaign');
select is_empty($$ select 1 from public.autopilot_lead_inbox where lead_id = tests.id('l2@a.test') $$,
  'inbox: converted leads are not in the inbox');
select tests.authenticate_as('member-b');
select is_empty($$ select 1 from public.autopilot_lead_inbox where workspace_id = tests.workspace_id('A') $$,
  'inbox: another workspace sees none of A''s leads');
select is_empty($$ select 1 from public.autopilot_cron_monitor where workspace_id = tests.workspace_id('A') $$,
  'monitor: another workspace sees none of A''s jobs');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.autopilot_lead_inbox $$, '42501', null, 'inbox: anon is refused');
select throws_ok($$ select * from public.autopilot_cron_monitor $$, '42501', null, 'monitor: anon is refused');
select tests.clear_authentication();
select ok((select bool_and('security_invoker=true' = any (reloptions)) from pg_class
           where oid in ('public.autopilot_lead_inbox'::regclass, 'public.autopilot_cron_monitor'::regclass)),
  'both autopilot views are security_invoker');
select results_eq($$ select private.autopilot_job_last_due('weekly_report', t::timestamptz) from (values
  ('2026-11-16 08:59Z'), ('2026-11-16 09:00Z'), ('2026-11-22 23:00Z')) v (t) $$,
  $$ values ('2026-11-09 09:00Z'::timestamptz), ('2026-11-16 09:00Z'::timestamptz), ('2026-11-16 09:00Z'::timestamptz) $$,
  'last weekly due time: the latest Monday 09:00 UTC at or before the moment');
select results_eq($$ select private.autopilot_job_last_due('daily_optimisation', t::timestamptz) from (values
  ('2026-11-16 01:59Z'), ('2026-11-16 02:00Z')) v (t) $$,
  $$ values ('2026-11-15 02:00Z'::timestamptz), ('2026-11-16 02:00Z'::timestamptz) $$,
  'last daily due time: the latest 02:00 UTC at or before the moment');
select tests.authenticate_as('viewer-a');
select results_eq($$ select cron_job_name, schedule, active, runs, last_status::text, overdue from public.autopilot_cron_monitor
                     where workspace_id = tests.workspace_id('A') order by job $$,
  $$ values ('autopilot-weekly-reports'::text, '0 9 * * 1'::text, true, 4, 'succeeded'::text, false),
            ('autopilot-daily-optimisation'::text, '0 2 * * *'::text, true, 0, null::text, false) $$,
  'monitor: per job its pg_cron name, schedule, runs and last outcome; nothing overdue right after setup and a run');
select tests.clear_authentication();
set local session_replication_role = replica;
update public.autopilot_cron_schedule set created_at = now() - interval '30 days' where workspace_id = tests.workspace_id('A');
set local session_replication_role = origin;
select results_eq($$ select m.job::text, m.overdue from public.autopilot_cron_monitor m where m.workspace_id = tests.workspace_id('A') order by m.job $$,
  $$ values ('weekly_report'::text, false), ('daily_optimisation'::text, now() > private.autopilot_job_last_due('daily_optimisation') + interval '1 hour') $$,
  'monitor: a job that existed at its last due time and has not run since is overdue once an hour has passed');

-- ---------- optimisation proposals (as of 2026-11-16: the 7 days 11-09..11-15)
create temp table before_snapshot on commit drop as
  select (select md5(string_agg(ac::text, '|' order by ac.id)) from public.ad_campaigns ac) as ads,
         (select md5(string_agg(c::text, '|' order by c.id)) from public.campaigns c) as campaigns;
-- a1: 20000/30000 = 1.5 < M1's 2.5 -> pause; a6: 45000/10000 = 4.5 < its own 5.0 -> pause;
-- a10: 15000/10000 = 1.5 < the autopilot's 2.0 (M4 sets none) -> pause.
-- Not judged: a4 (4000 < min spend 5000), a5 (paused), a7 (M2 not auto-managed), a8 (M3 paused),
-- a9 (no campaign). On target: a2 4.0 >= its 3.0 and a3 3.0 >= 2.5; best in M1 is a2.
-- Shifts: a1's 10000 and a6's 2000 daily to a2 (8000 -> 18000, 8000 -> 10000); M4 has no donor target.
select results_eq($$ select kind::text, ad_campaign_id, target_ad_campaign_id, roas_7d, target_roas, spend_7d_cents, revenue_7d_cents, amount_cents
                     from private.autopilot_optimisation_proposals(tests.workspace_id('A'), '2026-11-16') $$,
  $$ values ('pause_ad_campaign'::text, tests.id('a1 meta'), null::uuid, 1.5000::numeric, 2.5::numeric, 20000::bigint, 30000::bigint, null::bigint),
            ('pause_ad_campaign', tests.id('a6 own target'), null, 4.5000, 5.00, 10000, 45000, null),
            ('pause_ad_campaign', tests.id('a10 default target'), null, 1.5000, 2.00, 10000, 15000, null),
            ('shift_budget', tests.id('a1 meta'), tests.id('a2 google'), 1.5000, 2.5, 20000, 30000, 10000),
            ('shift_budget', tests.id('a6 own target'), tests.id('a2 google'), 4.5000, 5.00, 10000, 45000, 2000) $$,
  'proposals: pause what is under target among judged ad campaigns; move its daily budget to the best sibling on target');
select is((select payload from private.autopilot_optimisation_proposals(tests.workspace_id('A'), '2026-11-16')
           where kind = 'shift_budget' and ad_campaign_id = tests.id('a1 meta')),
  format('{"action": "shift_budget", "campaign_id": "%s", "amount_cents": 10000, "currency": "USD",
    "from": {"ad_campaign_id": "%s", "daily_budget_cents": 10000, "proposed_daily_budget_cents": 0, "roas_7d": 1.5},
    "to": {"ad_campaign_id": "%s", "daily_budget_cents": 8000, "proposed_daily_budget_cents": 18000, "roas_7d": 4.0},
    "window": {"from": "2026-11-09", "to": "2026-11-15"}}', tests.id('M1 auto'), tests.id('a1 meta'), tests.id('a2 google'))::jsonb,
  'a budget shift carries the proposed action: both budgets before and after, and the window');
select results_eq($$ select dedupe_key, payload ->> 'to_status' from private.autopilot_optimisation_proposals(tests.workspace_id('A'), '2026-11-16')
                     where ad_campaign_id = tests.id('a1 meta') order by kind $$,
  $$ values ('pause_ad_campaign:' || tests.id('a1 meta'), 'paused'::text),
            ('shift_budget:' || tests.id('a1 meta') || ':' || tests.id('a2 google'), null) $$,
  'each proposal names its action for deduplication');
-- As of 11-10 the window is 11-03..11-09: a1's 11-09 row (12000/18000 = 1.5) and a2's 11-08 row
-- (100000/0) count; a2's 11-10 row does not. Both under target, nobody on target: no shift.
select results_eq($$ select kind::text, ad_campaign_id, roas_7d, spend_7d_cents
                     from private.autopilot_optimisation_proposals(tests.workspace_id('A'), '2026-11-10') $$,
  $$ values ('pause_ad_campaign'::text, tests.id('a1 meta'), 1.5000::numeric, 12000::bigint),
            ('pause_ad_campaign', tests.id('a2 google'), 0.0000, 100000) $$,
  'the window is the 7 days before as_of; without a sibling on target there is nothing to shift to');
select results_eq($$ select (select md5(string_agg(ac::text, '|' order by ac.id)) from public.ad_campaigns ac),
                            (select md5(string_agg(c::text, '|' order by c.id)) from public.campaigns c) $$,
  $$ select ads, campaigns from before_snapshot $$, 'proposing changes no campaign and no ad campaign');
select is_empty($$ select * from private.autopilot_optimisation_proposals(tests.workspace_id('B'), '2026-11-16') $$,
  'a disabled autopilot proposes nothing (B''s b1 at ROAS 0 stays untouched)');
-- ---------- the daily job: the same proposals become pending approvals, campaigns untouched
select is(private.run_autopilot_optimisation('2026-11-16'), 5, 'the job proposes five approvals for A (B''s autopilot is off)');
select results_eq($$ select action::text, status::text, proposer::text, proposer_name, subject_table, subject_id, priority::text,
                            expires_at between now() + interval '22 hours' and now() + interval '24 hours'
                     from public.agent_approvals where workspace_id = tests.workspace_id('A') order by action, subject_id $$,
  $$ values ('pause_ad_campaign'::text, 'pending'::text, 'system'::text, 'autopilot-optimizer'::text, 'ad_campaigns'::text, tests.id('a1 meta')::text, 'normal'::text, true),
            ('pause_ad_campaign', 'pending', 'system', 'autopilot-optimizer', 'ad_campaigns', tests.id('a6 own target')::text, 'normal', true),
            ('pause_ad_campaign', 'pending', 'system', 'autopilot-optimizer', 'ad_campaigns', tests.id('a10 default target')::text, 'normal', true),
            ('shift_ad_budget', 'pending', 'system', 'autopilot-optimizer', 'ad_campaigns', tests.id('a1 meta')::text, 'normal', true),
            ('shift_ad_budget', 'pending', 'system', 'autopilot-optimizer', 'ad_campaigns', tests.id('a6 own target')::text, 'normal', true) $$,
  'each proposal is a pending approval about its ad campaign, from the autopilot, expiring within a day');
select is_empty($$ select a.dedupe_key from public.agent_approvals a
                   where a.workspace_id = tests.workspace_id('A')
                   except
                   select p.dedupe_key from private.autopilot_optimisation_proposals(tests.workspace_id('A'), '2026-11-16') p
                   where p.payload = (select a2.payload from public.agent_approvals a2 where a2.dedupe_key = p.dedupe_key) $$,
  'every approval carries its proposal''s payload and dedupe key');
select results_eq($$ select (select md5(string_agg(ac::text, '|' order by ac.id)) from public.ad_campaigns ac),
                            (select md5(string_agg(c::text, '|' order by c.id)) from public.campaigns c) $$,
  $$ select ads, campaigns from before_snapshot $$, 'the job changed no campaign and no ad campaign');
select is(private.run_autopilot_optimisation('2026-11-16'), 0, 'running it again proposes nothing new');
select results_eq($$ select count(*)::int, (select count(*)::int from public.autopilot_activity_log
                                            where workspace_id = tests.workspace_id('A') and activity_type = 'optimisation_proposed')
                     from public.agent_approvals where workspace_id = tests.workspace_id('A') $$,
  $$ values (5, 5) $$, 'still five approvals, each logged once');
select results_eq($$ select runs, last_status::text, last_result from public.autopilot_cron_schedule
                     where workspace_id = tests.workspace_id('A') and job = 'daily_optimisation' $$,
  $$ values (2, 'succeeded'::text, '{"as_of": "2026-11-16", "proposals": 5, "new": 0}'::jsonb) $$, 'the schedule records both runs');
select tests.authenticate_as('member-a');
select lives_ok($$ select public.decide_approval((select id from public.agent_approvals where dedupe_key = 'pause_ad_campaign:' || tests.id('a10 default target')), 'rejected', 'keep it running') $$,
  'a member rejects one proposal');
select tests.clear_authentication();
set local session_replication_role = replica;
update public.agent_approvals set expires_at = now() - interval '1 minute', created_at = now() - interval '1 day' where status = 'pending';
set local session_replication_role = origin;
select private.expire_approvals();
select is(private.run_autopilot_optimisation('2026-11-16'), 4, 'the next day: the expired four are proposed afresh, the rejected one is not');
select is((select pending_approvals::integer from public.get_autopilot_dashboard_stats(tests.workspace_id('A'), '2026-11-16')), 4,
  'the dashboard counts the approvals waiting for a decision');
select tests.authenticate_as('viewer-a');
select is((select count(*)::int from public.preview_autopilot_optimisations(tests.workspace_id('A'), '2026-11-16')), 5,
  'a viewer previews the same five proposals');
select tests.authenticate_as('member-b');
select throws_ok($$ select * from public.preview_autopilot_optimisations(tests.workspace_id('A')) $$, '42501', null,
  'preview: another workspace''s member is refused');
select is_empty($$ select * from private.autopilot_optimisation_proposals(tests.workspace_id('A'), '2026-11-16') $$,
  'called directly, the proposal function shows a stranger nothing (it runs with the caller''s rights)');
select tests.clear_authentication();

-- ---------- autopilot access
select tests.authenticate_as('viewer-a');
select isnt_empty($$ select 1 from public.autopilot_configs where workspace_id = tests.workspace_id('A') $$, 'config: a viewer reads');
select isnt_empty($$ select 1 from public.autopilot_activity_log where workspace_id = tests.workspace_id('A') $$, 'activity log: a viewer reads');
select isnt_empty($$ select 1 from public.autopilot_weekly_reports where workspace_id = tests.workspace_id('A') $$, 'reports: a viewer reads');
select isnt_empty($$ select 1 from public.autopilot_cron_schedule where workspace_id = tests.workspace_id('A') $$, 'schedule: a viewer reads');
select tests.authenticate_as('member-a');
select is_empty($$ update public.autopilot_configs set monthly_budget_cents = 1 returning 1 $$, 'config: a member changes nothing (admins do)');
select throws_ok($$ insert into public.autopilot_activity_log (workspace_id, activity_type, description) values (tests.workspace_id('A'), 'other', 'x') $$,
  '42501', null, 'activity log: a member cannot write it');
select throws_ok($$ delete from public.autopilot_activity_log $$, '42501', null, 'activity log: nobody deletes from it through the API');
select throws_ok($$ update public.autopilot_weekly_reports set roi = 99 $$, '42501', null, 'reports: a member cannot rewrite them');
select is_empty($$ update public.autopilot_cron_schedule set enabled = false returning 1 $$, 'schedule: a member switches nothing');
select tests.authenticate_as('admin-a');
select lives_ok($$ update public.autopilot_configs set monthly_budget_cents = 2000000 where workspace_id = tests.workspace_id('A') $$,
  'config: an admin changes it');
select results_eq($$ select description, actor_kind::text, actor_id from public.autopilot_activity_log
                     where workspace_id = tests.workspace_id('A') and activity_type = 'config_changed' order by id desc limit 1 $$,
  $$ values ('Autopilot settings changed: monthly_budget_cents'::text, 'user'::text, tests.user_id('admin-a')) $$,
  'config: the change is logged with who made it');
select throws_ok($$ update public.autopilot_configs set goals = '[{"metric": "leads", "target": 10, "period": "yearly"}]' where workspace_id = tests.workspace_id('A') $$,
  '22023', null, 'config: goals are validated');
select throws_ok($$ update public.autopilot_cron_schedule set runs = 0 $$, '42501', null, 'schedule: an admin cannot rewrite run counts');
select is((select count(*)::int from (select 1 from public.autopilot_cron_schedule where workspace_id = tests.workspace_id('A')) s), 2,
  'schedule: one row per job');
select lives_ok($$ update public.autopilot_cron_schedule set enabled = false where workspace_id = tests.workspace_id('A') and job = 'daily_optimisation' $$,
  'schedule: an admin switches a job off');
select tests.authenticate_as('member-b');
select is_empty($$ select 1 from public.autopilot_configs where workspace_id = tests.workspace_id('A') $$, 'config: another workspace sees nothing');
select is_empty($$ select 1 from public.autopilot_activity_log where workspace_id = tests.workspace_id('A') $$, 'activity log: another workspace sees nothing');
select is_empty($$ select 1 from public.autopilot_weekly_reports where workspace_id = tests.workspace_id('A') $$, 'reports: another workspace sees nothing');
select tests.authenticate_as_anon();
select throws_ok($$ select 1 from public.autopilot_configs $$, '42501', null, 'config: anon is refused');
select throws_ok($$ select 1 from public.autopilot_weekly_reports $$, '42501', null, 'reports: anon is refused');
select tests.clear_authentication();

-- ---------- workflow rules: access and validation
insert into public.workflow_rules (workspace_id, name, trigger_type, actions, active) values
  (tests.workspace_id('A'), 'Fixture rule', 'manual', '[{"type": "log_activity", "params": {"description": "x"}}]', false);
select tests.tenant_table_checks('public.workflow_rules',
  $$ insert into public.workflow_rules (workspace_id, name, trigger_type, actions, active) values (tests.workspace_id('A'), 'Matrix rule', 'manual',
     '[{"type": "log_activity", "params": {"description": "x"}}]', false) $$);
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.workflow_rules (workspace_id, name, trigger_type, actions) values (tests.workspace_id('A'), 'Bad', 'lead_created', '{}') $$,
  '22023', 'actions: give 1 to 10 actions', 'rules: actions are a list of 1 to 10');
select throws_ok($$ insert into public.workflow_rules (workspace_id, name, trigger_type, actions) values (tests.workspace_id('A'), 'Bad', 'lead_created', '[{"type": "send_sms"}]') $$,
  '22023', 'actions[0].type: must be one of create_task, update_lead_status, add_to_email_list, log_activity, send_webhook', 'rules: known action types');
select throws_ok($$ insert into public.workflow_rules (workspace_id, name, trigger_type, actions) values (tests.workspace_id('A'), 'Bad', 'campaign_status_changed',
  '[{"type": "update_lead_status", "params": {"status": "qualified"}}]') $$,
  '22023', 'actions[0]: update_lead_status needs a lead trigger (lead_created, lead_status_changed, lead_score_changed, lead_activity_logged)',
  'rules: lead actions need a lead event');
select throws_ok($$ insert into public.workflow_rules (workspace_id, name, trigger_type, actions) values (tests.workspace_id('A'), 'Bad', 'manual',
  '[{"type": "create_task", "params": {"title": "x"}}]') $$,
  '22023', 'actions[0].params.campaign_id: a manual rule names the campaign its tasks go to', 'rules: a manual rule''s tasks name their campaign');
select throws_ok($$ insert into public.workflow_rules (workspace_id, name, trigger_type, actions) values (tests.workspace_id('A'), 'Bad', 'lead_created',
  '[{"type": "log_activity", "params": {"description": "x"}, "delay_minutes": 50000}]') $$,
  '22023', 'actions[0].delay_minutes: a whole number of minutes from 0 to 43200 (30 days)', 'rules: delays up to 30 days');
select throws_ok($$ insert into public.workflow_rules (workspace_id, name, trigger_type, actions) values (tests.workspace_id('A'), 'Bad', 'lead_created',
  format('[{"type": "add_to_email_list", "params": {"list_id": "%s"}}]', tests.id('B list'))::jsonb) $$,
  '22023', format('actions: email list %s is not in this workspace', tests.id('B list')), 'rules: lists are the rule''s workspace''s');
select throws_ok($$ insert into public.workflow_rules (workspace_id, name, trigger_type, conditions, actions) values (tests.workspace_id('A'), 'Bad', 'lead_created',
  '[{"field": "Row.Source", "op": "eq", "value": "form"}]', '[{"type": "log_activity", "params": {"description": "x"}}]') $$,
  '22023', 'conditions[0].field: must be a dotted path of lowercase names, e.g. data.url', 'rules: conditions are validated');

-- ---------- events -> executions -> the queue
with r as (insert into public.workflow_rules (workspace_id, name, trigger_type, conditions, actions) values
  (tests.workspace_id('A'), 'Form leads', 'lead_created',
   '[{"field": "row.source", "op": "eq", "value": "form"}]',
   format('[{"type": "log_activity", "params": {"description": "New form lead {{row.email}}"}},
     {"type": "create_task", "params": {"title": "Call {{ row.email }}", "campaign_id": "%s", "due_in_days": 2, "priority": "high"}, "delay_minutes": 10}]',
     tests.id('M1 auto'))::jsonb) returning id, name)
select tests.remember(name, id) from r;
with r as (insert into public.leads (workspace_id, email, source) values
  (tests.workspace_id('A'), 'wf1@a.test', 'form'),
  (tests.workspace_id('A'), 'wf2@a.test', 'ads') returning id, email)
select tests.remember(email, id) from r;
select results_eq($$ select entity_id, status::text, actions_total, depth from public.workflow_executions where rule_id = tests.id('Form leads') $$,
  $$ values (tests.id('wf1@a.test'), 'running'::text, 2, 0) $$,
  'a new lead matching the rule''s conditions starts one execution (the ads lead does not)');
select throws_ok($$ insert into public.scheduled_actions (workspace_id, execution_id, action_index, action_type) select workspace_id, id, 9, 'log_activity' from public.workflow_executions limit 1 $$,
  '42501', null, 'the queue is written by the engine only');
select tests.clear_authentication();
select is(private.process_scheduled_actions(), 1, 'the worker executes the due action; the delayed one waits');
select results_eq($$ select s.status::text, e.status::text, e.actions_succeeded from public.scheduled_actions s join public.workflow_executions e on e.id = s.execution_id
                     where e.rule_id = tests.id('Form leads') order by s.action_index $$,
  $$ values ('succeeded'::text, 'running'::text, 1), ('pending', 'running', 1) $$, 'one action done, one pending: the execution is running');
select is((select count(*)::int from public.autopilot_activity_log where description = 'New form lead wf1@a.test'), 1, 'log_activity wrote the rendered text');
update public.scheduled_actions set scheduled_for = now() - interval '1 minute' where status = 'pending';
select is(private.process_scheduled_actions(), 1, 'once due, the delayed action runs');
select results_eq($$ select title, priority::text, due_date from public.campaign_tasks where title like 'Call %' $$,
  $$ values ('Call wf1@a.test'::text, 'high'::text, (now() at time zone 'UTC')::date + 2) $$, 'create_task made the task with a rendered title');
select results_eq($$ select status::text, actions_succeeded, finished_at is not null, jsonb_array_length(results), results -> 1 ->> 'status'
                     from public.workflow_executions where rule_id = tests.id('Form leads') $$,
  $$ values ('succeeded'::text, 2, true, 2, 'succeeded'::text) $$, 'the execution succeeded with a result per action');
select is(private.process_scheduled_actions(), 0, 'nothing runs twice');

-- retries: adding a lead without an email to a list fails until max_attempts
insert into public.workflow_rules (workspace_id, name, trigger_type, conditions, actions) values
  (tests.workspace_id('A'), 'Hot leads to the list', 'lead_score_changed',
   '[{"field": "row.score", "op": "gte", "value": 50}, {"field": "old.score", "op": "lt", "value": 50}]',
   format('[{"type": "add_to_email_list", "params": {"list_id": "%s"}}]', tests.id('Hot leads'))::jsonb);
with r as (insert into public.leads (workspace_id, first_name, source) values
  (tests.workspace_id('A'), 'Nomail', 'event') returning id, first_name)
select tests.remember(first_name, id) from r;
insert into public.lead_activities (workspace_id, lead_id, activity_type) values
  (tests.workspace_id('A'), tests.id('wf1@a.test'), 'demo_request'),
  (tests.workspace_id('A'), tests.id('Nomail'), 'demo_request');
select is(private.process_scheduled_actions(), 2, 'two leads turned hot: two actions');
select results_eq($$ select c.email, c.lead_id from public.email_list_members m join public.email_contacts c on c.id = m.contact_id
                     where m.list_id = tests.id('Hot leads') $$,
  $$ values ('wf1@a.test'::text, tests.id('wf1@a.test')) $$, 'the lead with an email joined the list as a contact');
select results_eq($$ select s.status::text, s.attempts, s.scheduled_for > now(), s.last_error from public.scheduled_actions s
                     join public.workflow_executions e on e.id = s.execution_id where e.entity_id = tests.id('Nomail') $$,
  $$ values ('pending'::text, 1, true, 'add_to_email_list: the lead has no email address'::text) $$, 'a failed action waits to be retried, with its error');
update public.scheduled_actions set scheduled_for = now() - interval '1 minute' where status = 'pending';
select private.process_scheduled_actions();
update public.scheduled_actions set scheduled_for = now() - interval '1 minute' where status = 'pending';
select private.process_scheduled_actions();
select results_eq($$ select s.status::text, s.attempts, e.status::text, e.actions_failed from public.scheduled_actions s
                     join public.workflow_executions e on e.id = s.execution_id where e.entity_id = tests.id('Nomail') $$,
  $$ values ('failed'::text, 3, 'failed'::text, 1) $$, 'after the third attempt the action and its execution have failed');

-- a rule switched off: its pending actions are cancelled when they come due
with r as (insert into public.workflow_rules (workspace_id, name, trigger_type, actions) values
  (tests.workspace_id('A'), 'Delayed note', 'lead_created',
   '[{"type": "log_activity", "params": {"description": "an hour later"}, "delay_minutes": 60}]') returning id, name)
select tests.remember(name, id) from r;
insert into public.leads (workspace_id, email, source) values (tests.workspace_id('A'), 'wf3@a.test', 'event');
update public.workflow_rules set active = false where id = tests.id('Delayed note');
update public.scheduled_actions set scheduled_for = now() - interval '1 minute' where status = 'pending';
select private.process_scheduled_actions();
select results_eq($$ select s.status::text, s.result ->> 'reason', e.status::text from public.scheduled_actions s
                     join public.workflow_executions e on e.id = s.execution_id where e.rule_id = tests.id('Delayed note') $$,
  $$ values ('cancelled'::text, 'the rule was switched off'::text, 'cancelled'::text) $$, 'a switched-off rule''s pending action is cancelled, not run');

-- a campaign event: the task goes to the campaign itself
insert into public.workflow_rules (workspace_id, name, trigger_type, conditions, actions) values
  (tests.workspace_id('A'), 'Kick-off', 'campaign_status_changed',
   '[{"field": "row.status", "op": "eq", "value": "active"}, {"field": "old.status", "op": "eq", "value": "planned"}]',
   '[{"type": "create_task", "params": {"title": "Kick-off {{row.name}}"}}]');
with r as (insert into public.campaigns (workspace_id, name, status) values (tests.workspace_id('A'), 'Autumn', 'planned') returning id, name)
select tests.remember(name, id) from r;
update public.campaigns set status = 'active' where id = tests.id('Autumn');
select private.process_scheduled_actions();
select results_eq($$ select campaign_id, title from public.campaign_tasks where title like 'Kick-off%' $$,
  $$ values (tests.id('Autumn'), 'Kick-off Autumn'::text) $$, 'campaign_status_changed: the task lands in that campaign');

-- the depth limit: three rules that would set each other's statuses forever
insert into public.workflow_rules (workspace_id, name, trigger_type, conditions, actions) values
  (tests.workspace_id('A'), 'contacted -> qualified', 'lead_status_changed', '[{"field": "row.status", "op": "eq", "value": "contacted"}]',
   '[{"type": "update_lead_status", "params": {"status": "qualified"}}]'),
  (tests.workspace_id('A'), 'qualified -> nurturing', 'lead_status_changed', '[{"field": "row.status", "op": "eq", "value": "qualified"}]',
   '[{"type": "update_lead_status", "params": {"status": "nurturing"}}]'),
  (tests.workspace_id('A'), 'nurturing -> contacted', 'lead_status_changed', '[{"field": "row.status", "op": "eq", "value": "nurturing"}]',
   '[{"type": "update_lead_status", "params": {"status": "contacted"}}]');
with r as (insert into public.leads (workspace_id, email, source) values (tests.workspace_id('A'), 'loop@a.test', 'event') returning id, email)
select tests.remember(email, id) from r;
update public.leads set status = 'contacted' where id = tests.id('loop@a.test');
select private.process_scheduled_actions();
select private.process_scheduled_actions();
select private.process_scheduled_actions();
select is(private.process_scheduled_actions(), 0, 'the chain stops');
select results_eq($$ select array_agg(depth order by depth), (select status::text from public.leads where id = tests.id('loop@a.test'))
                     from public.workflow_executions where entity_id = tests.id('loop@a.test') and trigger_type = 'lead_status_changed' $$,
  $$ values ('{0,1,2}'::int[], 'contacted'::text) $$, 'workflows started by workflows stop at depth 3: three executions, then no more');

-- ---------- manual runs and cancelling
with r as (insert into public.workflow_rules (workspace_id, name, trigger_type, conditions, actions) values
  (tests.workspace_id('A'), 'Manual', 'manual', '[{"field": "row.note", "op": "exists"}]',
   format('[{"type": "create_task", "params": {"title": "Manual {{row.note}}", "campaign_id": "%s"}},
     {"type": "log_activity", "params": {"description": "later"}, "delay_minutes": 30}]', tests.id('M1 auto'))::jsonb) returning id, name)
select tests.remember(name, id) from r;
select tests.authenticate_as('member-a');
create temp table manual_run on commit drop as
  select public.run_workflow_rule(tests.id('Manual'), '{"note": "hi"}') as execution_id;
select results_eq($$ select trigger_type::text, started_by, subject from public.workflow_executions where id = (select execution_id from manual_run) $$,
  $$ values ('manual'::text, tests.user_id('member-a'), '{"row": {"note": "hi"}}'::jsonb) $$,
  'a member runs a manual rule; the execution records who');
select throws_ok($$ select public.run_workflow_rule(tests.id('Manual'), '{}') $$,
  'PT409', 'the rule''s conditions do not hold for this subject', 'manual runs still need the conditions');
select throws_ok($$ select public.run_workflow_rule(tests.id('Form leads')) $$,
  'PT409', 'this rule runs on lead_created, not on demand', 'event rules do not run on demand');
select throws_ok($$ select public.run_workflow_rule(tests.id('Manual'), '[1]') $$,
  '22023', 'p_subject must be a JSON object of at most 16 kB', 'the subject is an object');
select tests.clear_authentication();
select private.process_scheduled_actions();
create temp table pending_manual on commit drop as
  select s.id from public.scheduled_actions s where s.execution_id = (select execution_id from manual_run) and s.status = 'pending';
grant select on manual_run, pending_manual to authenticated;
select tests.authenticate_as('viewer-a');
select throws_ok($$ select public.cancel_scheduled_action((select id from pending_manual)) $$, '42501', null, 'a viewer cannot cancel');
select throws_ok($$ select public.run_workflow_rule(tests.id('Manual'), '{"note": "x"}') $$, '42501', null, 'a viewer cannot run rules');
select tests.authenticate_as('member-b');
select throws_ok($$ select public.cancel_scheduled_action((select id from pending_manual)) $$, 'PT404', null, 'another workspace cannot see the action');
select throws_ok($$ select public.run_workflow_rule(tests.id('Manual'), '{"note": "x"}') $$, 'PT404', null, 'another workspace cannot see the rule');
select is_empty($$ select 1 from public.workflow_executions where workspace_id = tests.workspace_id('A') $$, 'executions: another workspace sees none');
select is_empty($$ select 1 from public.scheduled_actions where workspace_id = tests.workspace_id('A') $$, 'scheduled actions: another workspace sees none');
select tests.authenticate_as('member-a');
select is((select status::text from public.cancel_scheduled_action((select id from pending_manual))), 'cancelled', 'a member cancels a pending action');
select results_eq($$ select status::text, actions_succeeded, actions_cancelled from public.workflow_executions where id = (select execution_id from manual_run) $$,
  $$ values ('succeeded'::text, 1, 1) $$, 'the execution follows: one action done, one cancelled');
select throws_ok($$ select public.cancel_scheduled_action((select id from pending_manual)) $$, 'PT409', 'this action is already cancelled', 'only pending actions can be cancelled');
select throws_ok($$ select public.cancel_scheduled_action(-1) $$, 'PT404', 'no scheduled action -1', 'an unknown action is not found');
select tests.authenticate_as('viewer-a');
select isnt_empty($$ select 1 from public.workflow_executions where workspace_id = tests.workspace_id('A') $$, 'executions: a viewer reads them');
select tests.clear_authentication();

select * from finish();
rollback;
