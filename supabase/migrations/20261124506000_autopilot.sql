-- Autopilot: one configuration per workspace, its activity log, weekly reports built by pg_cron
-- (Monday 09:00 UTC, for the ISO week before) from the ads rollup and the workspace's leads,
-- the per-workspace cron schedule and its monitor view, the lead inbox view and one dashboard
-- RPC. From 003's marketing_autopilot_config (one per user there, one per workspace here),
-- autopilot_activity_log, autopilot_weekly_reports, the cron schedule, autopilot_cron_monitor,
-- autopilot_lead_inbox and get_autopilot_dashboard_stats. The daily optimisation job lives in
-- its own migration.

create table public.autopilot_configs (
  workspace_id uuid primary key references public.workspaces (id) on delete cascade,
  enabled boolean not null default false,
  business_description text,
  target_audience text,
  monthly_budget_cents bigint not null default 0,
  currency char(3) not null default 'USD',
  goals jsonb not null default '[]'::jsonb,
  ai_strategy jsonb not null default '{}'::jsonb,
  target_roas numeric(10, 2) not null default 2.00,
  min_spend_cents bigint not null default 5000,
  hot_lead_score integer not null default 50,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "a business description has at most 5000 characters" check (char_length(business_description) <= 5000),
  constraint "a target audience has at most 5000 characters" check (char_length(target_audience) <= 5000),
  constraint "the monthly budget cannot be negative" check (monthly_budget_cents >= 0),
  constraint "currency is a three-letter ISO code" check (currency ~ '^[A-Z]{3}$'),
  constraint "ai_strategy is a JSON object of at most 64 kB" check (
    jsonb_typeof(ai_strategy) = 'object' and octet_length(ai_strategy::text) <= 65536),
  constraint "target_roas is above 0 and at most 1000" check (target_roas > 0 and target_roas <= 1000),
  constraint "min_spend_cents cannot be negative" check (min_spend_cents >= 0),
  constraint "hot_lead_score is between 1 and 100000" check (hot_lead_score between 1 and 100000)
);
comment on table public.autopilot_configs is 'The autopilot of a workspace (one row at most): what the business is, its audience, monthly budget and goals, the AI strategy, and the thresholds the optimisation job uses. Admins change it; viewers read it.';
comment on column public.autopilot_configs.enabled is 'Weekly reports and daily optimisation proposals run only for enabled workspaces.';
comment on column public.autopilot_configs.goals is 'Validated: [{"metric": "leads|revenue_cents|roas|conversions|spend_cents|cpa_cents", "target": number >= 0, "period": "weekly|monthly|quarterly"}], at most 20, one per metric and period.';
comment on column public.autopilot_configs.ai_strategy is 'The strategy an AI agent proposed (free-form object), written by the service or an admin.';
comment on column public.autopilot_configs.target_roas is 'Default 7-day ROAS target for ad campaigns of auto-managed campaigns that set none themselves.';
comment on column public.autopilot_configs.min_spend_cents is 'An ad campaign needs at least this much 7-day spend before the optimisation judges its ROAS.';
comment on column public.autopilot_configs.hot_lead_score is 'Leads scoring at least this are hot in the lead inbox and the dashboard.';
create index autopilot_configs_created_by_idx on public.autopilot_configs (created_by);
create trigger set_updated_at before update on public.autopilot_configs for each row execute function private.set_updated_at();
create trigger stamp_created_by before insert on public.autopilot_configs for each row execute function private.stamp_created_by();

create function private.check_autopilot_config() returns trigger
language plpgsql set search_path = '' as $$
declare
  bad integer;
begin
  if jsonb_typeof(new.goals) is distinct from 'array' or jsonb_array_length(new.goals) > 20 then
    raise exception 'goals: must be an array of at most 20 goals' using errcode = '22023';
  end if;
  select min(g.ordinality - 1) into bad from jsonb_array_elements(new.goals) with ordinality g
  where jsonb_typeof(g.value) <> 'object'
     or coalesce(g.value ->> 'metric', '') not in ('leads', 'revenue_cents', 'roas', 'conversions', 'spend_cents', 'cpa_cents')
     or jsonb_typeof(g.value -> 'target') is distinct from 'number' or (g.value ->> 'target')::numeric < 0
     or coalesce(g.value ->> 'period', '') not in ('weekly', 'monthly', 'quarterly')
     or exists (select 1 from jsonb_object_keys(g.value) k where k not in ('metric', 'target', 'period'));
  if bad is not null then
    raise exception 'goals[%]: needs metric (leads, revenue_cents, roas, conversions, spend_cents, cpa_cents), a target number >= 0 and period (weekly, monthly, quarterly)', bad
      using errcode = '22023';
  end if;
  if (select count(distinct (g.value ->> 'metric', g.value ->> 'period')) from jsonb_array_elements(new.goals) g)
     < jsonb_array_length(new.goals) then
    raise exception 'goals: one goal per metric and period' using errcode = '22023';
  end if;
  return new;
end $$;
comment on function private.check_autopilot_config() is 'BEFORE INSERT/UPDATE on autopilot_configs: goals shape (22023).';
revoke all on function private.check_autopilot_config() from public;
create trigger check_autopilot_config before insert or update on public.autopilot_configs
  for each row execute function private.check_autopilot_config();

-- ===== activity log
create type public.autopilot_activity_type as enum (
  'config_changed', 'report_generated', 'optimisation_proposed', 'campaign_paused', 'budget_adjusted',
  'campaign_created', 'content_generated', 'lead_routed', 'workflow_action', 'other');
comment on type public.autopilot_activity_type is 'What the autopilot (or a workflow acting for it) did.';

create table public.autopilot_activity_log (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  activity_type public.autopilot_activity_type not null,
  description text not null,
  entity_type text,
  entity_id uuid,
  metadata jsonb not null default '{}'::jsonb,
  actor_kind public.actor_kind not null default 'system',
  actor_id uuid,
  created_at timestamptz not null default now(),
  constraint "a description has 1 to 2000 characters" check (char_length(btrim(description)) between 1 and 2000),
  constraint "entity_type is a table-like name" check (entity_type ~ '^[a-z_]{1,64}$'),
  constraint "metadata is a JSON object" check (jsonb_typeof(metadata) = 'object')
);
comment on table public.autopilot_activity_log is 'Append-only audit of what the autopilot did: reports, proposals, config changes, workflow actions. Written by the database''s own functions; API roles only read it.';
comment on column public.autopilot_activity_log.entity_type is 'What the entry is about (campaigns, ad_campaigns, leads, autopilot_weekly_reports ...), with entity_id.';
comment on column public.autopilot_activity_log.metadata is 'Figures behind the entry (impact, before/after values).';
comment on column public.autopilot_activity_log.actor_id is 'The user whose change is logged (config changes); null for the system. Not a foreign key: history outlives users.';
create index autopilot_activity_log_workspace_created_idx on public.autopilot_activity_log (workspace_id, created_at desc);

create function private.log_autopilot_activity(
  p_workspace_id uuid, p_type public.autopilot_activity_type, p_description text,
  p_entity_type text default null, p_entity_id uuid default null, p_metadata jsonb default '{}'::jsonb,
  p_actor_kind public.actor_kind default 'system'
) returns bigint
language sql volatile security definer set search_path = '' as $$
  insert into public.autopilot_activity_log (workspace_id, activity_type, description, entity_type, entity_id, metadata, actor_kind, actor_id)
  values (p_workspace_id, p_type, left(p_description, 2000), p_entity_type, p_entity_id, coalesce(p_metadata, '{}'::jsonb),
          p_actor_kind, case when p_actor_kind = 'user' then (select auth.uid()) end)
  returning id
$$;
comment on function private.log_autopilot_activity(uuid, public.autopilot_activity_type, text, text, uuid, jsonb, public.actor_kind) is 'Appends one autopilot_activity_log entry; the only way rows get there.';
revoke all on function private.log_autopilot_activity(uuid, public.autopilot_activity_type, text, text, uuid, jsonb, public.actor_kind) from public;
grant execute on function private.log_autopilot_activity(uuid, public.autopilot_activity_type, text, text, uuid, jsonb, public.actor_kind) to service_role;

-- ===== cron schedule: one row per workspace and autopilot job
create type public.autopilot_job as enum ('weekly_report', 'daily_optimisation');
comment on type public.autopilot_job is 'weekly_report: pg_cron autopilot-weekly-reports, Monday 09:00 UTC; daily_optimisation: pg_cron autopilot-daily-optimisation, 02:00 UTC.';
create type public.autopilot_run_status as enum ('succeeded', 'failed', 'skipped');
comment on type public.autopilot_run_status is 'Outcome of one autopilot job run for one workspace.';

create table public.autopilot_cron_schedule (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  job public.autopilot_job not null,
  enabled boolean not null default true,
  runs integer not null default 0,
  failures integer not null default 0,
  last_run_at timestamptz,
  last_status public.autopilot_run_status,
  last_error text,
  last_result jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, job)
);
comment on table public.autopilot_cron_schedule is 'Per workspace and autopilot job: whether it runs and how its runs went. Rows appear with the workspace''s autopilot config; admins may switch a job off (enabled); the jobs write the rest.';
comment on column public.autopilot_cron_schedule.last_result is 'What the last run did, e.g. {"report_id": ..., "week_start": ...} or {"proposals": 2}.';
create trigger set_updated_at before update on public.autopilot_cron_schedule for each row execute function private.set_updated_at();

-- Config rows bring their schedule rows and log changes.
create function private.autopilot_config_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  changed text[];
begin
  if tg_op = 'INSERT' then
    insert into public.autopilot_cron_schedule (workspace_id, job)
    select new.workspace_id, j from unnest(enum_range(null::public.autopilot_job)) j
    on conflict do nothing;
    perform private.log_autopilot_activity(new.workspace_id, 'config_changed',
      case when new.enabled then 'Autopilot set up and enabled' else 'Autopilot set up (disabled)' end,
      'autopilot_configs', null, jsonb_build_object('enabled', new.enabled),
      case when (select auth.role()) = 'authenticated' then 'user' else 'system' end::public.actor_kind);
  else
    changed := array(select n.key from jsonb_each(to_jsonb(new)) n
                     where n.key not in ('updated_at') and n.value is distinct from to_jsonb(old) -> n.key order by 1);
    if cardinality(changed) > 0 then
      perform private.log_autopilot_activity(new.workspace_id, 'config_changed',
        case when new.enabled and not old.enabled then 'Autopilot enabled'
             when old.enabled and not new.enabled then 'Autopilot disabled'
             else 'Autopilot settings changed: ' || array_to_string(changed, ', ') end,
        'autopilot_configs', null, jsonb_build_object('changed', to_jsonb(changed)),
        case when (select auth.role()) = 'authenticated' then 'user' else 'system' end::public.actor_kind);
    end if;
  end if;
  return null;
end $$;
comment on function private.autopilot_config_changed() is 'AFTER INSERT/UPDATE on autopilot_configs: creates the workspace''s cron schedule rows and logs the change.';
revoke all on function private.autopilot_config_changed() from public;
create trigger autopilot_config_changed after insert or update on public.autopilot_configs
  for each row execute function private.autopilot_config_changed();

-- Records one job run for one workspace.
create function private.record_autopilot_run(
  p_workspace_id uuid, p_job public.autopilot_job, p_status public.autopilot_run_status, p_result jsonb, p_error text
) returns void
language sql volatile security definer set search_path = '' as $$
  insert into public.autopilot_cron_schedule as s (workspace_id, job, runs, failures, last_run_at, last_status, last_error, last_result)
  values (p_workspace_id, p_job, 1, case when p_status = 'failed' then 1 else 0 end, now(), p_status, left(p_error, 2000), p_result)
  on conflict (workspace_id, job) do update set
    runs = s.runs + 1,
    failures = s.failures + case when p_status = 'failed' then 1 else 0 end,
    last_run_at = now(), last_status = p_status, last_error = left(p_error, 2000), last_result = p_result
$$;
comment on function private.record_autopilot_run(uuid, public.autopilot_job, public.autopilot_run_status, jsonb, text) is 'Counts one run of an autopilot job for a workspace in autopilot_cron_schedule.';
revoke all on function private.record_autopilot_run(uuid, public.autopilot_job, public.autopilot_run_status, jsonb, text) from public;

-- When each job last fell due (at or before p_at) under its pg_cron schedule.
create function private.autopilot_job_last_due(p_job public.autopilot_job, p_at timestamptz default now())
returns timestamptz
language sql immutable set search_path = '' as $$
  select case p_job
    when 'weekly_report' then
      (date_trunc('week', (p_at at time zone 'UTC') - interval '9 hours') + interval '9 hours') at time zone 'UTC'
    else
      (date_trunc('day', (p_at at time zone 'UTC') - interval '2 hours') + interval '2 hours') at time zone 'UTC'
  end
$$;
comment on function private.autopilot_job_last_due(public.autopilot_job, timestamptz) is 'The latest scheduled time of an autopilot job at or before p_at: Monday 09:00 UTC for weekly_report, 02:00 UTC for daily_optimisation.';
revoke all on function private.autopilot_job_last_due(public.autopilot_job, timestamptz) from public;
grant execute on function private.autopilot_job_last_due(public.autopilot_job, timestamptz) to authenticated, service_role;

create view public.autopilot_cron_monitor with (security_invoker = true) as
select
  s.workspace_id,
  s.job,
  case s.job when 'weekly_report' then 'autopilot-weekly-reports' else 'autopilot-daily-optimisation' end as cron_job_name,
  case s.job when 'weekly_report' then '0 9 * * 1' else '0 2 * * *' end as schedule,
  (s.enabled and c.enabled) as active,
  s.enabled as job_enabled,
  c.enabled as autopilot_enabled,
  s.runs,
  s.failures,
  s.last_run_at,
  s.last_status,
  s.last_error,
  s.last_result,
  private.autopilot_job_last_due(s.job) + case s.job when 'weekly_report' then interval '7 days' else interval '1 day' end
    as next_run_at,
  -- overdue: it should have run at its last due time (it existed and was active then), more than
  -- an hour ago, and has not run since
  (s.enabled and c.enabled
   and s.created_at < private.autopilot_job_last_due(s.job)
   and now() > private.autopilot_job_last_due(s.job) + interval '1 hour'
   and coalesce(s.last_run_at < private.autopilot_job_last_due(s.job), true)) as overdue
from public.autopilot_cron_schedule s
join public.autopilot_configs c on c.workspace_id = s.workspace_id;
comment on view public.autopilot_cron_monitor is 'Per workspace and autopilot job: its pg_cron name and schedule, whether it is active, run counts, the last run''s outcome, the next run, and overdue (active at its last due time, more than an hour past it, and not run since). Runs with the caller''s rights.';

-- ===== weekly reports
create table public.autopilot_weekly_reports (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  week_start date not null,
  iso_year integer generated always as (extract(isoyear from week_start)::integer) stored,
  iso_week integer generated always as (extract(week from week_start)::integer) stored,
  currency char(3) not null default 'USD',
  total_leads_generated integer not null default 0,
  converted_leads integer not null default 0,
  leads_by_source jsonb not null default '{}'::jsonb,
  total_spend_cents bigint not null default 0,
  total_revenue_cents bigint not null default 0,
  conversions numeric(20, 4) not null default 0,
  roas numeric(20, 4),
  roi numeric(20, 4),
  top_performing_channel public.ad_platform,
  channel_breakdown jsonb not null default '[]'::jsonb,
  ai_insights jsonb,
  generated_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "one report per workspace and week" unique (workspace_id, week_start),
  constraint "a report week starts on a Monday" check (extract(isodow from week_start) = 1)
);
comment on table public.autopilot_weekly_reports is 'One per workspace per ISO week (Monday to Sunday, UTC), built by private.build_weekly_report() from ad_metrics_rollup_daily and leads. Rebuilding a week updates the same row; figures that did not change leave it untouched.';
comment on column public.autopilot_weekly_reports.total_leads_generated is 'Leads created during the week (UTC).';
comment on column public.autopilot_weekly_reports.converted_leads is 'Of those, how many are converted now.';
comment on column public.autopilot_weekly_reports.leads_by_source is 'Leads created during the week per source, e.g. {"form": 12, "ads": 5}.';
comment on column public.autopilot_weekly_reports.roas is 'total_revenue_cents / total_spend_cents (platform-reported revenue), 4 decimals; NULL without spend.';
comment on column public.autopilot_weekly_reports.roi is '(total_revenue_cents - total_spend_cents) / total_spend_cents, 4 decimals; NULL without spend.';
comment on column public.autopilot_weekly_reports.top_performing_channel is 'The ad platform with the most revenue that week (ties: less spend, then name); NULL when no platform earned revenue.';
comment on column public.autopilot_weekly_reports.channel_breakdown is 'Per platform: [{"platform", "spend_cents", "revenue_cents", "conversions", "roas"}], most revenue first.';
comment on column public.autopilot_weekly_reports.ai_insights is 'Commentary an AI agent adds later; rebuilding the figures keeps it.';
create index autopilot_weekly_reports_workspace_week_idx on public.autopilot_weekly_reports (workspace_id, week_start desc);
create trigger set_updated_at before update on public.autopilot_weekly_reports for each row execute function private.set_updated_at();

-- Builds (or rebuilds) one workspace's report for the ISO week starting p_week_start.
create function private.build_weekly_report(p_workspace_id uuid, p_week_start date)
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  from_ts timestamptz := p_week_start::timestamp at time zone 'UTC';
  to_ts timestamptz := (p_week_start + 7)::timestamp at time zone 'UTC';
  cur char(3);
  rid uuid;
  was_insert boolean;
begin
  if p_week_start is null or extract(isodow from p_week_start) <> 1 then
    raise exception 'week_start must be a Monday (got %)', p_week_start using errcode = '22023';
  end if;
  select coalesce((select c.currency from public.autopilot_configs c where c.workspace_id = p_workspace_id), 'USD') into cur;

  insert into public.autopilot_weekly_reports as r (
    workspace_id, week_start, currency, total_leads_generated, converted_leads, leads_by_source, total_spend_cents,
    total_revenue_cents, conversions, roas, roi, top_performing_channel, channel_breakdown, generated_at)
  with ch as (
    select m.platform, sum(m.spend_cents)::bigint as spend, sum(m.revenue_cents)::bigint as revenue,
           sum(m.conversions) as conversions
    from public.ad_metrics_rollup_daily m
    where m.workspace_id = p_workspace_id and m.day between p_week_start and p_week_start + 6
    group by m.platform
  ), tot as (
    select coalesce(sum(ch.spend), 0)::bigint as spend, coalesce(sum(ch.revenue), 0)::bigint as revenue,
           coalesce(sum(ch.conversions), 0) as conversions,
           (select ch2.platform from ch ch2 where ch2.revenue > 0 order by ch2.revenue desc, ch2.spend, ch2.platform::text limit 1) as top,
           coalesce(jsonb_agg(jsonb_build_object('platform', ch.platform, 'spend_cents', ch.spend, 'revenue_cents', ch.revenue,
                                                 'conversions', ch.conversions,
                                                 'roas', case when ch.spend > 0 then round(ch.revenue::numeric / ch.spend, 4) end)
                              order by ch.revenue desc, ch.spend, ch.platform::text), '[]'::jsonb) as breakdown
    from ch
  ), ld as (
    select count(*)::integer as n, (count(*) filter (where l.status = 'converted'))::integer as converted
    from public.leads l
    where l.workspace_id = p_workspace_id and l.created_at >= from_ts and l.created_at < to_ts
  ), src as (
    select coalesce(jsonb_object_agg(s.source, s.n), '{}'::jsonb) as by_source
    from (select l.source::text as source, count(*) as n from public.leads l
          where l.workspace_id = p_workspace_id and l.created_at >= from_ts and l.created_at < to_ts
          group by 1) s
  )
  select p_workspace_id, p_week_start, cur, ld.n, ld.converted, src.by_source, tot.spend, tot.revenue, tot.conversions,
         case when tot.spend > 0 then round(tot.revenue::numeric / tot.spend, 4) end,
         case when tot.spend > 0 then round((tot.revenue - tot.spend)::numeric / tot.spend, 4) end,
         tot.top, tot.breakdown, now()
  from tot, ld, src
  on conflict (workspace_id, week_start) do update set
    currency = excluded.currency, total_leads_generated = excluded.total_leads_generated,
    converted_leads = excluded.converted_leads, leads_by_source = excluded.leads_by_source,
    total_spend_cents = excluded.total_spend_cents, total_revenue_cents = excluded.total_revenue_cents,
    conversions = excluded.conversions, roas = excluded.roas, roi = excluded.roi,
    top_performing_channel = excluded.top_performing_channel, channel_breakdown = excluded.channel_breakdown,
    generated_at = excluded.generated_at
  where (r.currency, r.total_leads_generated, r.converted_leads, r.leads_by_source, r.total_spend_cents,
         r.total_revenue_cents, r.conversions, r.roas, r.roi, r.top_performing_channel, r.channel_breakdown)
        is distinct from
        (excluded.currency, excluded.total_leads_generated, excluded.converted_leads, excluded.leads_by_source,
         excluded.total_spend_cents, excluded.total_revenue_cents, excluded.conversions, excluded.roas, excluded.roi,
         excluded.top_performing_channel, excluded.channel_breakdown)
  returning r.id, (r.xmax = 0) into rid, was_insert;

  if rid is null then
    -- nothing changed: the report is already right
    select r.id into rid from public.autopilot_weekly_reports r
    where r.workspace_id = p_workspace_id and r.week_start = p_week_start;
    return rid;
  end if;
  perform private.log_autopilot_activity(p_workspace_id, 'report_generated',
    format('Weekly report for the week of %s %s', to_char(p_week_start, 'YYYY-MM-DD'),
           case when was_insert then 'generated' else 'updated' end),
    'autopilot_weekly_reports', rid, jsonb_build_object('week_start', p_week_start));
  return rid;
end $$;
comment on function private.build_weekly_report(uuid, date) is 'Builds or refreshes one workspace''s weekly report (22023 unless p_week_start is a Monday); returns its id. Idempotent: an unchanged week is left as it is and logged once.';
revoke all on function private.build_weekly_report(uuid, date) from public;
grant execute on function private.build_weekly_report(uuid, date) to service_role;

-- The Monday job: last ISO week for every workspace whose autopilot and report job are on.
create function private.build_weekly_reports(p_week_start date default null)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  wk date := coalesce(p_week_start, (date_trunc('week', now() at time zone 'UTC') - interval '7 days')::date);
  ws uuid;
  rid uuid;
  n integer := 0;
begin
  -- fold metrics written since the last hourly rollup into the rollup first
  perform private.refresh_ad_rollup();
  for ws in
    select c.workspace_id from public.autopilot_configs c
    join public.autopilot_cron_schedule s on s.workspace_id = c.workspace_id and s.job = 'weekly_report'
    where c.enabled and s.enabled
    order by c.workspace_id
  loop
    begin
      rid := private.build_weekly_report(ws, wk);
      perform private.record_autopilot_run(ws, 'weekly_report', 'succeeded',
        jsonb_build_object('report_id', rid, 'week_start', wk), null);
      n := n + 1;
    exception when others then
      perform private.record_autopilot_run(ws, 'weekly_report', 'failed', jsonb_build_object('week_start', wk), sqlerrm);
    end;
  end loop;
  return n;
end $$;
comment on function private.build_weekly_reports(date) is 'pg_cron job autopilot-weekly-reports (Monday 09:00 UTC): refreshes the ads rollup, then builds the report of the ISO week before (or p_week_start) for every enabled workspace, recording each run in autopilot_cron_schedule; one workspace failing does not stop the others. Returns the reports built.';
revoke all on function private.build_weekly_reports(date) from public;
grant execute on function private.build_weekly_reports(date) to service_role;

select cron.schedule('autopilot-weekly-reports', '0 9 * * 1', 'select private.build_weekly_reports()');

-- ===== lead inbox: a view over leads, not a copy
create view public.autopilot_lead_inbox with (security_invoker = true) as
select
  l.workspace_id,
  l.id as lead_id,
  l.email,
  nullif(concat_ws(' ', l.first_name, l.last_name), '') as full_name,
  l.company,
  l.source,
  l.status,
  l.score,
  l.score >= coalesce(c.hot_lead_score, 50) as is_hot,
  l.campaign_id,
  cp.name as campaign_name,
  l.owner_id,
  l.last_activity_at,
  la.activity_type as last_activity_type,
  coalesce(a7.n, 0) as activities_7d,
  l.created_at
from public.leads l
left join public.autopilot_configs c on c.workspace_id = l.workspace_id
left join public.campaigns cp on cp.workspace_id = l.workspace_id and cp.id = l.campaign_id
left join lateral (
  select a.activity_type from public.lead_activities a
  where a.workspace_id = l.workspace_id and a.lead_id = l.id
  order by a.occurred_at desc, a.id desc limit 1
) la on true
left join lateral (
  select count(*)::integer as n from public.lead_activities a
  where a.workspace_id = l.workspace_id and a.lead_id = l.id and a.occurred_at >= now() - interval '7 days'
) a7 on true
where l.status in ('new', 'contacted', 'qualified', 'nurturing');
comment on view public.autopilot_lead_inbox is 'Open leads (new, contacted, qualified, nurturing) for the autopilot inbox: score, hot when score >= the workspace''s hot_lead_score (default 50), latest activity and activities in the last 7 days. A view over leads, so always current; runs with the caller''s rights.';

-- ===== dashboard: one RPC
create type public.autopilot_dashboard_row as (
  workspace_id uuid,
  autopilot_enabled boolean,
  currency char(3),
  monthly_budget_cents bigint,
  month_spend_cents bigint,
  month_revenue_cents bigint,
  month_roas numeric,
  budget_used numeric,
  total_leads integer,
  open_leads integer,
  new_leads_7d integer,
  hot_leads integer,
  converted_leads_30d integer,
  average_lead_score numeric,
  active_campaigns integer,
  auto_managed_campaigns integer,
  open_tasks integer,
  overdue_tasks integer,
  activities_7d integer,
  pending_approvals integer,
  last_report_week_start date,
  last_report_roi numeric,
  next_weekly_report_at timestamptz,
  next_optimisation_at timestamptz,
  as_of timestamptz
);
comment on type public.autopilot_dashboard_row is 'get_autopilot_dashboard_stats'' single row. Never null: workspace_id, autopilot_enabled, currency, the month''s spend and revenue, every count, as_of. NULL: monthly_budget_cents without a config; month_roas without spend; budget_used without a budget; average_lead_score without leads; last_report_* before the first finished week''s report; next_* while the autopilot is off.';

create function public.get_autopilot_dashboard_stats(p_workspace_id uuid, p_today date default null)
returns setof public.autopilot_dashboard_row
language plpgsql stable set search_path = '' as $$
declare
  today date := coalesce(p_today, (now() at time zone 'UTC')::date);
  month_start date := date_trunc('month', coalesce(p_today, (now() at time zone 'UTC')::date))::date;
  r public.autopilot_dashboard_row;
  cfg public.autopilot_configs;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if current_user in ('authenticated', 'anon') then
    perform private.require_workspace_role(p_workspace_id, 'viewer');
  end if;
  select * into cfg from public.autopilot_configs c where c.workspace_id = p_workspace_id;

  r.workspace_id := p_workspace_id;
  r.autopilot_enabled := coalesce(cfg.enabled, false);
  r.currency := coalesce(cfg.currency, 'USD');
  r.monthly_budget_cents := cfg.monthly_budget_cents;
  -- month to date from the campaign-level rows themselves, so a metric written a minute ago counts
  select coalesce(sum(m.spend_cents), 0)::bigint, coalesce(sum(m.revenue_cents), 0)::bigint
    into r.month_spend_cents, r.month_revenue_cents
  from public.ad_metrics_daily m
  where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between month_start and today;
  r.month_roas := case when r.month_spend_cents > 0 then round(r.month_revenue_cents::numeric / r.month_spend_cents, 4) end;
  r.budget_used := case when cfg.monthly_budget_cents > 0 then round(r.month_spend_cents::numeric / cfg.monthly_budget_cents, 4) end;

  select count(*)::integer,
         (count(*) filter (where l.status in ('new', 'contacted', 'qualified', 'nurturing')))::integer,
         (count(*) filter (where l.created_at >= (today - 6)::timestamp at time zone 'UTC'
                             and l.created_at < (today + 1)::timestamp at time zone 'UTC'))::integer,
         (count(*) filter (where l.status in ('new', 'contacted', 'qualified', 'nurturing')
                             and l.score >= coalesce(cfg.hot_lead_score, 50)))::integer,
         (count(*) filter (where l.status = 'converted' and l.converted_at >= (today - 29)::timestamp at time zone 'UTC'
                             and l.converted_at < (today + 1)::timestamp at time zone 'UTC'))::integer,
         round(avg(l.score), 2)
    into r.total_leads, r.open_leads, r.new_leads_7d, r.hot_leads, r.converted_leads_30d, r.average_lead_score
  from public.leads l
  where l.workspace_id = p_workspace_id;

  select (count(*) filter (where c.status = 'active'))::integer,
         (count(*) filter (where c.auto_managed and c.status in ('active', 'paused', 'planned')))::integer
    into r.active_campaigns, r.auto_managed_campaigns
  from public.campaigns c where c.workspace_id = p_workspace_id;

  select (count(*) filter (where t.status in ('todo', 'in_progress', 'blocked')))::integer,
         (count(*) filter (where t.status in ('todo', 'in_progress', 'blocked') and t.due_date < today))::integer
    into r.open_tasks, r.overdue_tasks
  from public.campaign_tasks t where t.workspace_id = p_workspace_id;

  select count(*)::integer into r.activities_7d from public.autopilot_activity_log a
  where a.workspace_id = p_workspace_id and a.created_at >= (today - 6)::timestamp at time zone 'UTC'
    and a.created_at < (today + 1)::timestamp at time zone 'UTC';

  select count(*)::integer into r.pending_approvals from public.agent_approvals a
  where a.workspace_id = p_workspace_id and a.status = 'pending' and a.expires_at > now();

  select w.week_start, w.roi into r.last_report_week_start, r.last_report_roi
  from public.autopilot_weekly_reports w where w.workspace_id = p_workspace_id and w.week_start <= today - 7
  order by w.week_start desc limit 1;

  if coalesce(cfg.enabled, false) then
    r.next_weekly_report_at := private.autopilot_job_last_due('weekly_report') + interval '7 days';
    r.next_optimisation_at := private.autopilot_job_last_due('daily_optimisation') + interval '1 day';
  end if;
  r.as_of := now();
  return next r;
end $$;
comment on function public.get_autopilot_dashboard_stats(uuid, date) is 'Viewers: the autopilot dashboard in one call, as of p_today (default today, UTC): month-to-date ad spend, revenue and ROAS against the monthly budget (fresh from ad_metrics_daily), lead counts (new: created in the 7 days ending today; hot: open leads scoring at least hot_lead_score; converted: in the 30 days ending today), campaigns, tasks (overdue: due before today), autopilot activity in the 7 days ending today, approvals waiting for a decision (now), the latest weekly report of a finished week, and the next scheduled runs.';
grant execute on function public.get_autopilot_dashboard_stats(uuid, date) to authenticated, service_role;

-- ===== access
alter table public.autopilot_configs enable row level security;
alter table public.autopilot_activity_log enable row level security;
alter table public.autopilot_cron_schedule enable row level security;
alter table public.autopilot_weekly_reports enable row level security;
grant select, insert, update, delete on public.autopilot_configs to authenticated;
grant select on public.autopilot_activity_log, public.autopilot_weekly_reports, public.autopilot_cron_schedule to authenticated;
grant update (enabled) on public.autopilot_cron_schedule to authenticated;
grant all on public.autopilot_configs, public.autopilot_activity_log, public.autopilot_cron_schedule,
  public.autopilot_weekly_reports to service_role;
grant select on public.autopilot_cron_monitor, public.autopilot_lead_inbox to authenticated, service_role;

-- The config is a workspace setting: admins write it.
select private.tenant_policies('public.autopilot_configs', 'viewer', 'admin');
create policy "viewers read autopilot activity" on public.autopilot_activity_log for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read weekly reports" on public.autopilot_weekly_reports for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read the autopilot schedule" on public.autopilot_cron_schedule for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "admins switch autopilot jobs" on public.autopilot_cron_schedule for update to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin'))))
  with check (workspace_id = any (array(select private.workspace_ids('admin'))));
select private.install_tenant_guard('public.autopilot_activity_log');
select private.install_tenant_guard('public.autopilot_weekly_reports');
select private.install_tenant_guard('public.autopilot_cron_schedule');

alter publication supabase_realtime add table public.autopilot_activity_log;
