-- Autopilot: one configuration per workspace, its activity log, weekly reports built by pg_cron
-- (Monday 09:00 UTC, for the ISO week before) from the ads rollup and the workspace's leads,
-- the per-workspace cron schedule and its monitor view, the lead inbox view and one dashboard
-- RPC. The daily optimisation job and the workflow engine follow below.
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
alter table public.autopilot_configs enable row level security;
grant select, insert, update, delete on public.autopilot_configs to authenticated;
select private.install_row_triggers('public.autopilot_configs');
select private.tenant_policies('public.autopilot_configs', 'viewer', 'admin');

create index autopilot_configs_created_by_idx on public.autopilot_configs (created_by);

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

create trigger check_autopilot_config before insert or update on public.autopilot_configs
  for each row execute function private.check_autopilot_config();
select private.exempt_user_deletion('public.autopilot_configs', 'check_autopilot_config');

-- ===== activity log
create type public.autopilot_activity_type as enum (
  'config_changed', 'report_generated', 'optimisation_proposed', 'campaign_paused', 'budget_adjusted',
  'campaign_created', 'content_generated', 'lead_routed', 'workflow_action', 'other'
);

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
alter table public.autopilot_activity_log enable row level security;
grant select on public.autopilot_activity_log to authenticated;
alter publication supabase_realtime add table public.autopilot_activity_log;
select private.install_row_triggers('public.autopilot_activity_log');
select private.tenant_policy('public.autopilot_activity_log', 'select', 'viewer');

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
alter table public.autopilot_cron_schedule enable row level security;
grant select on public.autopilot_cron_schedule to authenticated;
grant update (enabled) on public.autopilot_cron_schedule to authenticated;
select private.install_row_triggers('public.autopilot_cron_schedule');
select private.tenant_policy('public.autopilot_cron_schedule', 'select', 'viewer');
select private.tenant_policy('public.autopilot_cron_schedule', 'update', 'admin');

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
      case when private.is_end_user() then 'user' else 'system' end::public.actor_kind);
  else
    changed := array(select n.key from jsonb_each(to_jsonb(new)) n
                     where n.key not in ('updated_at') and n.value is distinct from to_jsonb(old) -> n.key order by 1);
    if cardinality(changed) > 0 then
      perform private.log_autopilot_activity(new.workspace_id, 'config_changed',
        case when new.enabled and not old.enabled then 'Autopilot enabled'
             when old.enabled and not new.enabled then 'Autopilot disabled'
             else 'Autopilot settings changed: ' || array_to_string(changed, ', ') end,
        'autopilot_configs', null, jsonb_build_object('changed', to_jsonb(changed)),
        case when private.is_end_user() then 'user' else 'system' end::public.actor_kind);
    end if;
  end if;
  return null;
end $$;
comment on function private.autopilot_config_changed() is 'AFTER INSERT/UPDATE on autopilot_configs: creates the workspace''s cron schedule rows and logs the change.';

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
comment on function private.autopilot_job_last_due(public.autopilot_job, timestamp with time zone) is 'The latest scheduled time of an autopilot job at or before p_at: Monday 09:00 UTC for weekly_report, 02:00 UTC for daily_optimisation.';
grant execute on function private.autopilot_job_last_due(public.autopilot_job, timestamp with time zone) to authenticated, service_role;

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
grant select on public.autopilot_cron_monitor to authenticated;

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
alter table public.autopilot_weekly_reports enable row level security;
grant select on public.autopilot_weekly_reports to authenticated;
select private.install_row_triggers('public.autopilot_weekly_reports');
select private.tenant_policy('public.autopilot_weekly_reports', 'select', 'viewer');

create index autopilot_weekly_reports_workspace_week_idx on public.autopilot_weekly_reports (workspace_id, week_start desc);

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
grant select on public.autopilot_lead_inbox to authenticated;

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

-- Workflow engine (workflow_rules, workflow_executions, scheduled_actions; its
-- project_id is the workspace here). A rule names a trigger, conditions (the shared condition
-- language, evaluated against the event's subject) and 1-10 actions, each optionally delayed:
--   event (statement triggers on leads, lead_activities, campaigns, campaign_tasks, or a manual
--   run) -> one workflow_execution per matching active rule -> one scheduled_action per action
--   -> pg_cron (every minute) claims due actions with FOR UPDATE SKIP LOCKED and executes each
--   in the same transaction that marks it done, so an action runs exactly once however many
--   workers race; a failed action is retried with backoff up to max_attempts.
-- Subjects: {"row": <the row after the change>, "old": <before, for changes>, "lead": <the lead,
-- for activities>}; conditions address them as row.status, old.score, row.activity_data.url ...
-- Actions may trigger further workflows, at most three levels deep.
create type public.workflow_trigger as enum (
  'lead_created', 'lead_status_changed', 'lead_score_changed', 'lead_activity_logged',
  'campaign_status_changed', 'task_completed', 'manual'
);

comment on type public.workflow_trigger is 'The event a workflow rule reacts to; manual rules run through public.run_workflow_rule.';

create type public.workflow_action_type as enum (
  'create_task', 'update_lead_status', 'add_to_email_list', 'log_activity'
);

comment on type public.workflow_action_type is 'create_task {title, campaign_id?, priority?, due_in_days?, assignee_id?}; update_lead_status {status}; add_to_email_list {list_id}; log_activity {description}. Titles and descriptions may use {{ row.field }} placeholders.';

create type public.workflow_execution_status as enum (
  'running', 'succeeded', 'partially_failed', 'failed', 'cancelled'
);

comment on type public.workflow_execution_status is 'running while any action is pending; then succeeded (none failed), partially_failed, failed (none succeeded) or cancelled (all cancelled).';

create type public.scheduled_action_status as enum ('pending', 'succeeded', 'failed', 'cancelled');

comment on type public.scheduled_action_status is 'pending until executed; failed after max_attempts; cancelled by a member or because its rule was switched off.';

-- {{ dotted.path }} placeholders filled from a subject; a missing value becomes ''.
create function private.render_template(p_text text, p_subject jsonb) returns text
language plpgsql immutable set search_path = '' as $$
declare
  m text[];
  result text := p_text;
begin
  for m in select regexp_matches(p_text, '(\{\{\s*([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*)\s*\}\})', 'g') loop
    result := replace(result, m[1], coalesce(p_subject #>> string_to_array(m[2], '.'), ''));
  end loop;
  return result;
end $$;
comment on function private.render_template(text, jsonb) is 'Replaces {{ path }} placeholders with values from the subject (missing: empty).';
grant execute on function private.render_template(text, jsonb) to authenticated, service_role;

create function private.workflow_actions_problem(p_trigger public.workflow_trigger, p_actions jsonb) returns text
language plpgsql stable set search_path = '' as $$
declare
  a record;
  prm jsonb;
  extra text;
  uuid_re constant text := '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
  lead_trigger boolean := p_trigger in ('lead_created', 'lead_status_changed', 'lead_score_changed', 'lead_activity_logged');
begin
  if jsonb_typeof(p_actions) is distinct from 'array' or jsonb_array_length(p_actions) not between 1 and 10 then
    return 'actions: give 1 to 10 actions';
  end if;
  for a in select e.value as v, e.ordinality - 1 as i from jsonb_array_elements(p_actions) with ordinality e loop
    if jsonb_typeof(a.v) <> 'object' then
      return format('actions[%s]: must be an object with type, params and optionally delay_minutes', a.i);
    end if;
    extra := private.unknown_keys(a.v, array['type', 'params', 'delay_minutes']);
    if extra is not null then return format('actions[%s]: unknown keys %s', a.i, extra); end if;
    if not coalesce(a.v ->> 'type' = any (enum_range(null::public.workflow_action_type)::text[]), false) then
      return format('actions[%s].type: must be one of %s', a.i,
                    array_to_string(enum_range(null::public.workflow_action_type)::text[], ', '));
    end if;
    if a.v ? 'delay_minutes' and ((a.v -> 'delay_minutes')::text !~ '^\d{1,5}$' or (a.v ->> 'delay_minutes')::integer > 43200) then
      return format('actions[%s].delay_minutes: a whole number of minutes from 0 to 43200 (30 days)', a.i);
    end if;
    prm := coalesce(a.v -> 'params', '{}'::jsonb);
    if jsonb_typeof(prm) <> 'object' then return format('actions[%s].params: must be an object', a.i); end if;
    case a.v ->> 'type'
    when 'create_task' then
      extra := private.unknown_keys(prm, array['title', 'campaign_id', 'priority', 'due_in_days', 'assignee_id']);
      if extra is not null then return format('actions[%s].params: unknown keys %s', a.i, extra); end if;
      if not private.is_text(prm -> 'title', 300) then
        return format('actions[%s].params.title: is required (text up to 300 characters)', a.i);
      end if;
      if prm ? 'campaign_id' and coalesce(prm ->> 'campaign_id', '') !~ uuid_re then
        return format('actions[%s].params.campaign_id: must be a campaign id', a.i);
      end if;
      if prm ? 'assignee_id' and coalesce(prm ->> 'assignee_id', '') !~ uuid_re then
        return format('actions[%s].params.assignee_id: must be a user id', a.i);
      end if;
      if prm ? 'priority' and not coalesce(prm ->> 'priority' = any (enum_range(null::public.task_priority)::text[]), false) then
        return format('actions[%s].params.priority: must be low, medium, high or urgent', a.i);
      end if;
      if prm ? 'due_in_days' and ((prm -> 'due_in_days')::text !~ '^\d{1,3}$' or (prm ->> 'due_in_days')::integer > 365) then
        return format('actions[%s].params.due_in_days: a whole number from 0 to 365', a.i);
      end if;
      if not prm ? 'campaign_id' and p_trigger = 'manual' then
        return format('actions[%s].params.campaign_id: a manual rule names the campaign its tasks go to', a.i);
      end if;
    when 'update_lead_status' then
      extra := private.unknown_keys(prm, array['status']);
      if extra is not null then return format('actions[%s].params: unknown keys %s', a.i, extra); end if;
      if not coalesce(prm ->> 'status' = any (enum_range(null::public.lead_status)::text[]), false) then
        return format('actions[%s].params.status: must be one of %s', a.i,
                      array_to_string(enum_range(null::public.lead_status)::text[], ', '));
      end if;
      if not lead_trigger then
        return format('actions[%s]: update_lead_status needs a lead trigger (lead_created, lead_status_changed, lead_score_changed, lead_activity_logged)', a.i);
      end if;
    when 'add_to_email_list' then
      extra := private.unknown_keys(prm, array['list_id']);
      if extra is not null then return format('actions[%s].params: unknown keys %s', a.i, extra); end if;
      if coalesce(prm ->> 'list_id', '') !~ uuid_re then
        return format('actions[%s].params.list_id: is required (an email list id)', a.i);
      end if;
      if not lead_trigger then
        return format('actions[%s]: add_to_email_list needs a lead trigger (lead_created, lead_status_changed, lead_score_changed, lead_activity_logged)', a.i);
      end if;
    else -- log_activity
      extra := private.unknown_keys(prm, array['description']);
      if extra is not null then return format('actions[%s].params: unknown keys %s', a.i, extra); end if;
      if not private.is_text(prm -> 'description', 1000) then
        return format('actions[%s].params.description: is required (text up to 1000 characters)', a.i);
      end if;
    end case;
  end loop;
  return null;
end $$;
comment on function private.workflow_actions_problem(public.workflow_trigger, jsonb) is 'Validates a workflow rule''s actions for its trigger; returns the first problem naming the action and field, or null.';
grant execute on function private.workflow_actions_problem(public.workflow_trigger, jsonb) to authenticated, service_role;

-- ===== rules
create table public.workflow_rules (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  description text,
  trigger_type public.workflow_trigger not null,
  conditions jsonb not null default '[]'::jsonb,
  actions jsonb not null,
  active boolean not null default true,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  constraint "workflow rule names are unique per workspace" unique (workspace_id, name),
  constraint "a rule name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "a rule description has at most 2000 characters" check (char_length(description) <= 2000)
);
comment on table public.workflow_rules is 'When trigger_type happens and the conditions hold, run the actions. Switching a rule off cancels its pending actions when they come due.';
comment on column public.workflow_rules.conditions is 'Condition list over the event subject ({"row", "old", "lead"}), validated by private.conditions_problem; [] matches every event.';
comment on column public.workflow_rules.actions is '[{"type": workflow_action_type, "params": {...}, "delay_minutes": 0-43200}], 1 to 10, validated by private.workflow_actions_problem (see the workflow_action_type type for params).';
alter table public.workflow_rules enable row level security;
grant select, insert, update, delete on public.workflow_rules to authenticated;
select private.install_row_triggers('public.workflow_rules');
select private.tenant_policies('public.workflow_rules', 'viewer', 'member');

create index workflow_rules_trigger_idx on public.workflow_rules (workspace_id, trigger_type) where active;

create index workflow_rules_created_by_idx on public.workflow_rules (created_by);

create trigger stamp_created_by before insert on public.workflow_rules for each row execute function private.stamp_created_by();

create trigger check_rule_conditions before insert or update of conditions on public.workflow_rules
  for each row execute function private.check_rule_conditions();

create function private.check_workflow_rule() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  problem text := private.workflow_actions_problem(new.trigger_type, new.actions);
  a jsonb;
begin
  if problem is not null then
    raise exception '%', problem using errcode = '22023';
  end if;
  -- what the actions name must be in the rule's workspace
  for a in select e.value -> 'params' from jsonb_array_elements(new.actions) e loop
    if a ? 'campaign_id' and not exists (select 1 from public.campaigns c
                                         where c.workspace_id = new.workspace_id and c.id = (a ->> 'campaign_id')::uuid) then
      raise exception 'actions: campaign % is not in this workspace', a ->> 'campaign_id' using errcode = '22023';
    end if;
    if a ? 'list_id' and not exists (select 1 from public.email_lists l
                                     where l.workspace_id = new.workspace_id and l.id = (a ->> 'list_id')::uuid) then
      raise exception 'actions: email list % is not in this workspace', a ->> 'list_id' using errcode = '22023';
    end if;
    if a ? 'assignee_id' and not exists (select 1 from public.workspace_members m
                                         where m.workspace_id = new.workspace_id and m.user_id = (a ->> 'assignee_id')::uuid) then
      raise exception 'actions: assignee % is not a member of this workspace', a ->> 'assignee_id' using errcode = '22023';
    end if;
  end loop;
  return new;
end $$;
comment on function private.check_workflow_rule() is 'BEFORE INSERT/UPDATE on workflow_rules: actions valid for the trigger, and the campaigns, lists and assignees they name in the rule''s workspace (22023).';

create trigger check_workflow_rule before insert or update of trigger_type, actions on public.workflow_rules
  for each row execute function private.check_workflow_rule();

-- ===== executions and the action queue
create table public.workflow_executions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  rule_id uuid not null,
  trigger_type public.workflow_trigger not null,
  entity_id uuid,
  subject jsonb not null,
  depth integer not null default 0,
  status public.workflow_execution_status not null default 'running',
  actions_total integer not null,
  actions_succeeded integer not null default 0,
  actions_failed integer not null default 0,
  actions_cancelled integer not null default 0,
  results jsonb not null default '[]'::jsonb,
  started_by uuid,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, rule_id) references public.workflow_rules (workspace_id, id) on delete cascade
);
comment on table public.workflow_executions is 'One run of a rule for one event, with its results. Written by the engine only; counts, status and results follow its scheduled actions.';
comment on column public.workflow_executions.entity_id is 'The row the event was about (lead, campaign, task); null for manual runs without one.';
comment on column public.workflow_executions.subject is 'What the conditions were evaluated against and the actions read: {"row", "old"?, "lead"?}.';
comment on column public.workflow_executions.depth is '0 for events caused by people or systems; n+1 for events caused by a workflow action at depth n. Nothing runs at depth 3.';
comment on column public.workflow_executions.results is 'Per action, in order: {"action_index", "type", "status", "attempts", "result", "error"}.';
comment on column public.workflow_executions.started_by is 'The member who ran a manual rule; null for events. Not a foreign key: history outlives users.';
alter table public.workflow_executions enable row level security;
grant select on public.workflow_executions to authenticated;
select private.install_row_triggers('public.workflow_executions');
select private.tenant_policy('public.workflow_executions', 'select', 'viewer');

create index workflow_executions_rule_idx on public.workflow_executions (workspace_id, rule_id, started_at desc);

create index workflow_executions_workspace_started_idx on public.workflow_executions (workspace_id, started_at desc);

create table public.scheduled_actions (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  execution_id uuid not null,
  action_index integer not null,
  action_type public.workflow_action_type not null,
  params jsonb not null default '{}'::jsonb,
  scheduled_for timestamptz not null default now(),
  status public.scheduled_action_status not null default 'pending',
  attempts integer not null default 0,
  max_attempts integer not null default 3,
  executed_at timestamptz,
  result jsonb,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, execution_id) references public.workflow_executions (workspace_id, id) on delete cascade,
  constraint "an execution schedules each action once" unique (execution_id, action_index),
  constraint "attempts are between 0 and max_attempts" check (attempts >= 0 and max_attempts between 1 and 10 and attempts <= max_attempts)
);
comment on table public.scheduled_actions is 'The action queue: one row per action of an execution, due at scheduled_for. private.process_scheduled_actions (pg_cron, every minute) claims due rows with FOR UPDATE SKIP LOCKED and marks each succeeded in the transaction that performs it; failures retry after 1, 2, 4 ... minutes until max_attempts. Members cancel pending ones with public.cancel_scheduled_action.';
comment on column public.scheduled_actions.result is 'What the action did, e.g. {"task_id": ...} or {"lead_id", "from", "to"}.';
comment on column public.scheduled_actions.executed_at is 'When it succeeded, finally failed or was cancelled.';
alter table public.scheduled_actions enable row level security;
grant select on public.scheduled_actions to authenticated;
select private.install_row_triggers('public.scheduled_actions');
select private.tenant_policy('public.scheduled_actions', 'select', 'viewer');

create index scheduled_actions_due_idx on public.scheduled_actions (scheduled_for, id) where status = 'pending';

create index scheduled_actions_execution_idx on public.scheduled_actions (workspace_id, execution_id);

-- ===== starting runs
-- p_events: [{"workspace_id", "entity_id", "subject"}]. One execution per (event, matching active
-- rule of p_trigger), optionally only p_rule_id; returns the execution ids.
create function private.enqueue_workflow_runs(p_trigger public.workflow_trigger, p_events jsonb, p_rule_id uuid default null)
returns setof uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  lvl integer := coalesce(nullif(current_setting('growthbase.workflow_depth', true), '')::integer, 0);
begin
  if lvl >= 3 then
    return; -- a workflow's actions may start workflows, three levels deep at most
  end if;
  return query
  with ev as (
    select (e.value ->> 'workspace_id')::uuid as workspace_id, (e.value ->> 'entity_id')::uuid as entity_id,
           e.value -> 'subject' as subject
    from jsonb_array_elements(p_events) e
  ), m as materialized (
    select gen_random_uuid() as execution_id, r.id as rule_id, r.workspace_id, ev.entity_id, ev.subject, r.actions
    from ev
    join public.workflow_rules r on r.workspace_id = ev.workspace_id and r.trigger_type = p_trigger and r.active
    where (p_rule_id is null or r.id = p_rule_id) and private.conditions_match(r.conditions, ev.subject)
  ), ex as (
    insert into public.workflow_executions (id, workspace_id, rule_id, trigger_type, entity_id, subject, depth, actions_total, started_by)
    select m.execution_id, m.workspace_id, m.rule_id, p_trigger, m.entity_id, m.subject, lvl, jsonb_array_length(m.actions),
           case when p_trigger = 'manual' then (select auth.uid()) end
    from m
    returning id
  ), sa as (
    insert into public.scheduled_actions (workspace_id, execution_id, action_index, action_type, params, scheduled_for)
    select m.workspace_id, m.execution_id, (a.ordinality - 1)::integer, (a.value ->> 'type')::public.workflow_action_type,
           coalesce(a.value -> 'params', '{}'::jsonb),
           now() + make_interval(mins => coalesce((a.value ->> 'delay_minutes')::integer, 0))
    from m cross join lateral jsonb_array_elements(m.actions) with ordinality a
    returning 1
  )
  select ex.id from ex;
end $$;
comment on function private.enqueue_workflow_runs(public.workflow_trigger, jsonb, uuid) is 'Starts an execution (and queues its actions) for every event and matching active rule; nothing at workflow depth 3.';

-- Whether any active rule of a trigger exists in the given workspaces: the event triggers'
-- cheap early exit, so bulk imports into workspaces without rules pay one index probe.
create function private.has_workflow_rules(p_trigger public.workflow_trigger, p_workspace_ids uuid[]) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.workflow_rules r
                 where r.workspace_id = any (p_workspace_ids) and r.trigger_type = p_trigger and r.active)
$$;
comment on function private.has_workflow_rules(public.workflow_trigger, uuid[]) is 'True when one of the workspaces has an active rule for the trigger.';

create function private.workflow_lead_events() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    if private.has_workflow_rules('lead_created', array(select distinct n.workspace_id from new_rows n)) then
      perform private.enqueue_workflow_runs('lead_created', (
        select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.id,
                                            'subject', jsonb_build_object('row', to_jsonb(n))))
        from new_rows n));
    end if;
  else
    if private.has_workflow_rules('lead_status_changed', array(select distinct n.workspace_id from new_rows n)) then
      perform private.enqueue_workflow_runs('lead_status_changed', (
        select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.id,
                                            'subject', jsonb_build_object('row', to_jsonb(n), 'old', to_jsonb(o))))
        from new_rows n join old_rows o on o.id = n.id where n.status <> o.status));
    end if;
    if private.has_workflow_rules('lead_score_changed', array(select distinct n.workspace_id from new_rows n)) then
      perform private.enqueue_workflow_runs('lead_score_changed', (
        select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.id,
                                            'subject', jsonb_build_object('row', to_jsonb(n), 'old', to_jsonb(o))))
        from new_rows n join old_rows o on o.id = n.id where n.score <> o.score));
    end if;
  end if;
  return null;
end $$;
comment on function private.workflow_lead_events() is 'Statement triggers on leads: lead_created, lead_status_changed and lead_score_changed workflow events.';

create trigger workflow_events_ins after insert on public.leads
  referencing new table as new_rows for each statement execute function private.workflow_lead_events();

create trigger workflow_events_upd after update on public.leads
  referencing new table as new_rows old table as old_rows for each statement execute function private.workflow_lead_events();

create function private.workflow_activity_events() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if private.has_workflow_rules('lead_activity_logged', array(select distinct n.workspace_id from new_rows n)) then
    perform private.enqueue_workflow_runs('lead_activity_logged', (
      select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.lead_id,
                                          'subject', jsonb_build_object('row', to_jsonb(n), 'lead', to_jsonb(l))))
      from new_rows n join public.leads l on l.id = n.lead_id));
  end if;
  return null;
end $$;
comment on function private.workflow_activity_events() is 'Statement trigger on lead_activities: lead_activity_logged workflow events (subject: the activity and its lead, scored).';

-- named to fire after the rescoring triggers (alphabetical order), so the lead in the subject carries its new score
create trigger workflow_events_ins after insert on public.lead_activities
  referencing new table as new_rows for each statement execute function private.workflow_activity_events();

create function private.workflow_campaign_events() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if private.has_workflow_rules('campaign_status_changed', array(select distinct n.workspace_id from new_rows n)) then
    perform private.enqueue_workflow_runs('campaign_status_changed', (
      select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.id,
                                          'subject', jsonb_build_object('row', to_jsonb(n), 'old', to_jsonb(o))))
      from new_rows n join old_rows o on o.id = n.id where n.status <> o.status));
  end if;
  return null;
end $$;
comment on function private.workflow_campaign_events() is 'Statement trigger on campaigns: campaign_status_changed workflow events.';

create trigger workflow_events_upd after update on public.campaigns
  referencing new table as new_rows old table as old_rows for each statement execute function private.workflow_campaign_events();

create function private.workflow_task_events() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if private.has_workflow_rules('task_completed', array(select distinct n.workspace_id from new_rows n)) then
    if tg_op = 'INSERT' then
      perform private.enqueue_workflow_runs('task_completed', (
        select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.id,
                                            'subject', jsonb_build_object('row', to_jsonb(n))))
        from new_rows n where n.status = 'done'));
    else
      perform private.enqueue_workflow_runs('task_completed', (
        select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'entity_id', n.id,
                                            'subject', jsonb_build_object('row', to_jsonb(n), 'old', to_jsonb(o))))
        from new_rows n join old_rows o on o.id = n.id where n.status = 'done' and o.status <> 'done'));
    end if;
  end if;
  return null;
end $$;
comment on function private.workflow_task_events() is 'Statement triggers on campaign_tasks: task_completed workflow events.';

create trigger workflow_events_ins after insert on public.campaign_tasks
  referencing new table as new_rows for each statement execute function private.workflow_task_events();

create trigger workflow_events_upd after update on public.campaign_tasks
  referencing new table as new_rows old table as old_rows for each statement execute function private.workflow_task_events();

-- ===== executing actions
create function private.execute_workflow_action(p_action public.scheduled_actions, p_execution public.workflow_executions)
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  subj jsonb := p_execution.subject;
  prm jsonb := p_action.params;
  ws uuid := p_action.workspace_id;
  lead public.leads;
  lead_id uuid := case
    when p_execution.trigger_type = 'lead_activity_logged' then (subj #>> '{row,lead_id}')::uuid
    when p_execution.trigger_type in ('lead_created', 'lead_status_changed', 'lead_score_changed') then (subj #>> '{row,id}')::uuid
  end;
  campaign uuid;
  new_id uuid;
  contact uuid;
  n integer;
begin
  if p_action.action_type = 'create_task' then
    campaign := coalesce((prm ->> 'campaign_id')::uuid, case when p_execution.trigger_type = 'campaign_status_changed'
                                                             then (subj #>> '{row,id}')::uuid
                                                             else (subj #>> '{row,campaign_id}')::uuid end);
    if campaign is null then
      raise exception 'create_task: the event has no campaign and the action names none';
    end if;
    insert into public.campaign_tasks (workspace_id, campaign_id, title, priority, due_date, assignee_id)
    values (ws, campaign, left(private.render_template(prm ->> 'title', subj), 300),
            coalesce(prm ->> 'priority', 'medium')::public.task_priority,
            (now() at time zone 'UTC')::date + (prm ->> 'due_in_days')::integer,
            (prm ->> 'assignee_id')::uuid)
    returning id into new_id;
    return jsonb_build_object('task_id', new_id, 'campaign_id', campaign);
  end if;

  if p_action.action_type in ('update_lead_status', 'add_to_email_list') then
    select * into lead from public.leads l where l.workspace_id = ws and l.id = lead_id for update;
    if not found then
      raise exception '%: the lead no longer exists', p_action.action_type;
    end if;
    if p_action.action_type = 'update_lead_status' then
      update public.leads l set status = (prm ->> 'status')::public.lead_status where l.id = lead.id;
      return jsonb_build_object('lead_id', lead.id, 'from', lead.status, 'to', prm ->> 'status');
    end if;
    if lead.email is null then
      raise exception 'add_to_email_list: the lead has no email address';
    end if;
    insert into public.email_contacts as c (workspace_id, email, first_name, last_name, lead_id, source)
    values (ws, lead.email, lead.first_name, lead.last_name, lead.id, 'workflow')
    on conflict (workspace_id, email) do update set lead_id = coalesce(c.lead_id, excluded.lead_id)
    returning c.id into contact;
    insert into public.email_list_members (workspace_id, list_id, contact_id)
    values (ws, (prm ->> 'list_id')::uuid, contact)
    on conflict do nothing;
    get diagnostics n = row_count;
    return jsonb_build_object('contact_id', contact, 'list_id', prm ->> 'list_id', 'added', n = 1);
  end if;

  -- log_activity
  return jsonb_build_object('activity_log_id', private.log_autopilot_activity(ws, 'workflow_action',
    private.render_template(prm ->> 'description', subj), 'workflow_executions', p_execution.id,
    jsonb_build_object('rule_id', p_execution.rule_id, 'scheduled_action_id', p_action.id)));
end $$;
comment on function private.execute_workflow_action(public.scheduled_actions, public.workflow_executions) is 'Performs one scheduled action and returns what it did; raises when it cannot (the processor records the error and retries).';

-- Recomputes executions from their actions, locking them in id order so concurrent workers
-- never wait on each other in a cycle.
create function private.refresh_workflow_executions(p_ids uuid[]) returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  perform 1 from public.workflow_executions e where e.id = any (p_ids) order by e.id for update;
  update public.workflow_executions e set
    actions_succeeded = a.succeeded,
    actions_failed = a.failed,
    actions_cancelled = a.cancelled,
    status = case when a.pending > 0 then 'running'
                  when a.failed > 0 and a.succeeded > 0 then 'partially_failed'
                  when a.failed > 0 then 'failed'
                  when a.succeeded > 0 then 'succeeded'
                  else 'cancelled' end::public.workflow_execution_status,
    results = a.results,
    finished_at = case when a.pending = 0 then coalesce(e.finished_at, now()) end
  from (
    select s.execution_id,
           (count(*) filter (where s.status = 'pending'))::integer as pending,
           (count(*) filter (where s.status = 'succeeded'))::integer as succeeded,
           (count(*) filter (where s.status = 'failed'))::integer as failed,
           (count(*) filter (where s.status = 'cancelled'))::integer as cancelled,
           jsonb_agg(jsonb_build_object('action_index', s.action_index, 'type', s.action_type, 'status', s.status,
                                        'attempts', s.attempts, 'result', s.result, 'error', s.last_error)
                     order by s.action_index) as results
    from public.scheduled_actions s
    where s.execution_id = any (p_ids)
    group by s.execution_id
  ) a
  where e.id = a.execution_id;
end $$;
comment on function private.refresh_workflow_executions(uuid[]) is 'Sets status, counts and results of the given executions from their scheduled actions.';

-- The worker. Claims up to p_limit due actions (FOR UPDATE SKIP LOCKED: rows another worker
-- holds are skipped, rows it already finished no longer match), executes each in a
-- subtransaction and records the outcome in the same transaction: exactly once per action.
create function private.process_scheduled_actions(p_limit integer default 200) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  sa public.scheduled_actions;
  ex public.workflow_executions;
  res jsonb;
  touched uuid[] := '{}'::uuid[];
  n integer := 0;
begin
  for sa in
    select s.* from public.scheduled_actions s
    where s.status = 'pending' and s.scheduled_for <= now()
    order by s.scheduled_for, s.id
    limit p_limit
    for update skip locked
  loop
    select e.* into ex from public.workflow_executions e where e.id = sa.execution_id;
    if not exists (select 1 from public.workflow_rules r where r.id = ex.rule_id and r.active) then
      update public.scheduled_actions set status = 'cancelled', executed_at = now(),
        result = jsonb_build_object('reason', 'the rule was switched off') where id = sa.id;
    else
      begin
        perform set_config('growthbase.workflow_depth', (ex.depth + 1)::text, true);
        res := private.execute_workflow_action(sa, ex);
        perform set_config('growthbase.workflow_depth', '0', true);
        update public.scheduled_actions set status = 'succeeded', attempts = sa.attempts + 1, executed_at = now(),
          result = res, last_error = null where id = sa.id;
      exception when others then
        update public.scheduled_actions set
          attempts = sa.attempts + 1,
          status = case when sa.attempts + 1 >= sa.max_attempts then 'failed' else 'pending' end::public.scheduled_action_status,
          scheduled_for = case when sa.attempts + 1 >= sa.max_attempts then sa.scheduled_for
                               else now() + make_interval(mins => power(2, sa.attempts)::integer) end,
          executed_at = case when sa.attempts + 1 >= sa.max_attempts then now() end,
          last_error = left(sqlerrm, 2000)
        where id = sa.id;
      end;
    end if;
    touched := touched || sa.execution_id;
    n := n + 1;
  end loop;
  if n > 0 then
    perform private.refresh_workflow_executions(touched);
  end if;
  return n;
end $$;
comment on function private.process_scheduled_actions(integer) is 'pg_cron job workflow-scheduled-actions (every minute): executes up to p_limit due actions exactly once each, even with concurrent workers; returns how many it handled.';
grant execute on function private.process_scheduled_actions(integer) to service_role;

select cron.schedule('workflow-scheduled-actions', '* * * * *', 'select private.process_scheduled_actions()');

-- History: finished executions older than p_keep go, with their actions.
create function private.purge_workflow_history(p_keep interval default interval '90 days') returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from public.workflow_executions e where e.finished_at < now() - p_keep;
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.purge_workflow_history(interval) is 'Daily pg_cron job workflow-history-retention: deletes finished executions (and their actions) older than p_keep (90 days).';
grant execute on function private.purge_workflow_history(interval) to service_role;

select cron.schedule('workflow-history-retention', '17 4 * * *', 'select private.purge_workflow_history()');

-- ===== RPCs
create function private.start_manual_workflow(p_rule_id uuid, p_subject jsonb, p_entity_id uuid) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.workflow_rules;
  eid uuid;
begin
  select * into r from public.workflow_rules w where w.id = p_rule_id;
  if not found or private.is_end_user()
     and not (r.workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'no workflow rule %', p_rule_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(r.workspace_id, 'member');
  end if;
  if r.trigger_type <> 'manual' then
    raise exception 'this rule runs on %, not on demand', r.trigger_type using errcode = 'PT409';
  end if;
  if not r.active then
    raise exception 'this rule is switched off' using errcode = 'PT409';
  end if;
  if not private.conditions_match(r.conditions, jsonb_build_object('row', p_subject)) then
    raise exception 'the rule''s conditions do not hold for this subject' using errcode = 'PT409';
  end if;
  select x into eid from private.enqueue_workflow_runs('manual',
    jsonb_build_array(jsonb_build_object('workspace_id', r.workspace_id, 'entity_id', p_entity_id,
                                         'subject', jsonb_build_object('row', p_subject))), r.id) x;
  return eid;
end $$;
comment on function private.start_manual_workflow(uuid, jsonb, uuid) is 'Starts a manual rule for a member of its workspace (PT404 unseen, 42501 viewers, PT409 not manual, off, or conditions not met).';
grant execute on function private.start_manual_workflow(uuid, jsonb, uuid) to authenticated, service_role;

create function public.run_workflow_rule(p_rule_id uuid, p_subject jsonb default '{}'::jsonb, p_entity_id uuid default null)
returns uuid
language plpgsql volatile set search_path = '' as $$
begin
  if p_rule_id is null then
    raise exception 'p_rule_id is required' using errcode = '22023';
  end if;
  if jsonb_typeof(p_subject) is distinct from 'object' or octet_length(p_subject::text) > 16384 then
    raise exception 'p_subject must be a JSON object of at most 16 kB' using errcode = '22023';
  end if;
  return private.start_manual_workflow(p_rule_id, p_subject, p_entity_id);
end $$;
comment on function public.run_workflow_rule(uuid, jsonb, uuid) is 'Members: runs a manual workflow rule now with p_subject as the event row (conditions see it as row.*); returns the execution id. Its actions run on the next worker round (within a minute).';
grant execute on function public.run_workflow_rule(uuid, jsonb, uuid) to authenticated;

create function private.cancel_scheduled_action(p_id bigint) returns public.scheduled_actions
language plpgsql volatile security definer set search_path = '' as $$
declare
  sa public.scheduled_actions;
begin
  select * into sa from public.scheduled_actions s where s.id = p_id for update;
  if not found or private.is_end_user()
     and not (sa.workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'no scheduled action %', p_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(sa.workspace_id, 'member');
  end if;
  if sa.status <> 'pending' then
    raise exception 'this action is already %', sa.status using errcode = 'PT409';
  end if;
  update public.scheduled_actions s set status = 'cancelled', executed_at = now(),
    result = jsonb_build_object('reason', 'cancelled', 'by', (select auth.uid()))
  where s.id = p_id returning * into sa;
  perform private.refresh_workflow_executions(array[sa.execution_id]);
  return sa;
end $$;
comment on function private.cancel_scheduled_action(bigint) is 'Cancels a pending scheduled action for a member of its workspace (PT404 unseen, 42501 viewers, PT409 not pending).';
grant execute on function private.cancel_scheduled_action(bigint) to authenticated, service_role;

create function public.cancel_scheduled_action(p_id bigint) returns public.scheduled_actions
language plpgsql volatile set search_path = '' as $$
begin
  if p_id is null then
    raise exception 'p_id is required' using errcode = '22023';
  end if;
  return private.cancel_scheduled_action(p_id);
end $$;
comment on function public.cancel_scheduled_action(bigint) is 'Members: cancels a pending scheduled action; its execution''s status and results follow.';
grant execute on function public.cancel_scheduled_action(bigint) to authenticated;

-- Autopilot optimisation: what the daily 02:00 UTC job proposes. It never changes a campaign;
-- each proposal becomes a pending approval (agents domain: public.agent_approvals, through
-- private.propose_approval) for a member to approve or reject; executing an approved action is
-- the ad platform connector's work.
-- For an enabled autopilot, the ad campaigns it judges are the active ones that belong to an
-- active, auto-managed marketing campaign and spent at least min_spend_cents over the 7 days
-- before as_of (campaign-level ad_metrics_daily). Their 7-day ROAS = revenue / spend, against
-- the target: the ad campaign's target_roas, else its marketing campaign's
-- kpi_targets.target_roas, else the autopilot's target_roas.
--   pause_ad_campaign  every judged ad campaign under its target;
--   shift_budget       for each of those with a daily budget, move that budget to the judged
--                      ad campaign of the same marketing campaign with the best ROAS at or
--                      above its target (ties: more spend, then id), if it has a daily budget.
create type public.autopilot_proposal_kind as enum ('pause_ad_campaign', 'shift_budget');

comment on type public.autopilot_proposal_kind is 'What the optimisation proposes: pausing an ad campaign under its ROAS target, or moving its daily budget to a sibling on target.';

create type public.autopilot_proposal_row as (
  workspace_id uuid,
  kind public.autopilot_proposal_kind,
  campaign_id uuid,
  ad_campaign_id uuid,
  target_ad_campaign_id uuid,
  roas_7d numeric,
  target_roas numeric,
  spend_7d_cents bigint,
  revenue_7d_cents bigint,
  amount_cents bigint,
  dedupe_key text,
  reason text,
  payload jsonb
);

comment on type public.autopilot_proposal_row is 'One optimisation proposal. ad_campaign_id is the one paused or giving budget; target_ad_campaign_id receives budget (shift_budget only); payload is the proposed action as an approval carries it; dedupe_key names the action so a pending approval for it is not proposed twice.';

create function private.autopilot_optimisation_proposals(p_workspace_id uuid, p_as_of date)
returns setof public.autopilot_proposal_row
language sql stable set search_path = '' as $$
  with cfg as (
    select c.workspace_id, c.target_roas, c.min_spend_cents, c.currency
    from public.autopilot_configs c
    where c.workspace_id = p_workspace_id and c.enabled
  ), judged as (
    select ac.workspace_id, ac.campaign_id, ac.id as ad_campaign_id, ac.platform, ac.external_id, ac.name,
           ac.daily_budget_cents, cfg.currency,
           coalesce(ac.target_roas, (mc.kpi_targets ->> 'target_roas')::numeric, cfg.target_roas) as target,
           p.spend, p.revenue, round(p.revenue::numeric / p.spend, 4) as roas
    from cfg
    join public.ad_campaigns ac on ac.workspace_id = cfg.workspace_id and ac.status = 'active' and ac.campaign_id is not null
    join public.campaigns mc on mc.workspace_id = ac.workspace_id and mc.id = ac.campaign_id
                            and mc.auto_managed and mc.status = 'active'
    cross join lateral (
      select coalesce(sum(m.spend_cents), 0)::bigint as spend, coalesce(sum(m.revenue_cents), 0)::bigint as revenue
      from public.ad_metrics_daily m
      where m.workspace_id = ac.workspace_id and m.campaign_id = ac.id and m.level = 'campaign'
        and m.day between p_as_of - 7 and p_as_of - 1
    ) p
    where p.spend > 0 and p.spend >= cfg.min_spend_cents
  ), under as (
    select j.* from judged j where j.roas < j.target
  ), best as (
    select distinct on (j.campaign_id) j.*
    from judged j
    where j.roas >= j.target
    order by j.campaign_id, j.roas desc, j.spend desc, j.ad_campaign_id
  )
  select u.workspace_id, 'pause_ad_campaign'::public.autopilot_proposal_kind, u.campaign_id, u.ad_campaign_id, null::uuid,
         u.roas, u.target, u.spend, u.revenue, null::bigint,
         'pause_ad_campaign:' || u.ad_campaign_id,
         format('%s: 7-day ROAS %s is under its target %s (spend %s, revenue %s %s cents)', u.name,
                trim_scale(u.roas), trim_scale(u.target), u.spend, u.revenue, u.currency),
         jsonb_build_object('action', 'pause_ad_campaign', 'ad_campaign_id', u.ad_campaign_id, 'campaign_id', u.campaign_id,
                            'platform', u.platform, 'external_id', u.external_id, 'from_status', 'active', 'to_status', 'paused',
                            'window', jsonb_build_object('from', p_as_of - 7, 'to', p_as_of - 1),
                            'roas_7d', u.roas, 'target_roas', u.target, 'spend_7d_cents', u.spend,
                            'revenue_7d_cents', u.revenue, 'currency', u.currency)
  from under u
  union all
  select u.workspace_id, 'shift_budget'::public.autopilot_proposal_kind, u.campaign_id, u.ad_campaign_id, b.ad_campaign_id,
         u.roas, u.target, u.spend, u.revenue, u.daily_budget_cents,
         'shift_budget:' || u.ad_campaign_id || ':' || b.ad_campaign_id,
         format('Move %s: daily budget %s %s cents to %s (7-day ROAS %s against target %s)', u.name, u.daily_budget_cents,
                u.currency, b.name, trim_scale(b.roas), trim_scale(b.target)),
         jsonb_build_object('action', 'shift_budget', 'campaign_id', u.campaign_id, 'amount_cents', u.daily_budget_cents,
                            'currency', u.currency,
                            'from', jsonb_build_object('ad_campaign_id', u.ad_campaign_id, 'daily_budget_cents', u.daily_budget_cents,
                                                       'proposed_daily_budget_cents', 0, 'roas_7d', u.roas),
                            'to', jsonb_build_object('ad_campaign_id', b.ad_campaign_id, 'daily_budget_cents', b.daily_budget_cents,
                                                     'proposed_daily_budget_cents', b.daily_budget_cents + u.daily_budget_cents,
                                                     'roas_7d', b.roas),
                            'window', jsonb_build_object('from', p_as_of - 7, 'to', p_as_of - 1))
  from under u
  join best b on b.campaign_id = u.campaign_id
  where u.daily_budget_cents > 0 and b.daily_budget_cents is not null
  order by 2, 4
$$;
comment on function private.autopilot_optimisation_proposals(uuid, date) is 'What the daily optimisation proposes for one workspace as of a day (see the migration header); reads only, changes nothing. Empty unless the workspace''s autopilot is enabled. SECURITY INVOKER: signed-in callers see only what RLS shows them; the job runs as the owner.';
grant execute on function private.autopilot_optimisation_proposals(uuid, date) to authenticated, service_role;

create function public.preview_autopilot_optimisations(p_workspace_id uuid, p_as_of date default null)
returns setof public.autopilot_proposal_row
language plpgsql stable set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'viewer');
  end if;
  return query select * from private.autopilot_optimisation_proposals(
    p_workspace_id, coalesce(p_as_of, (now() at time zone 'UTC')::date));
end $$;
comment on function public.preview_autopilot_optimisations(uuid, date) is 'Viewers: what the daily optimisation would propose for the workspace as of p_as_of (default today, UTC), without proposing anything.';
grant execute on function public.preview_autopilot_optimisations(uuid, date) to authenticated;

-- ===== the daily job: proposals become pending approvals
-- One approval per proposal, idempotent through its dedupe key (a pending approval for the same
-- action is not proposed twice; one rejected in the last 7 days is not proposed again yet).
-- Approvals expire after 23 hours, so each day's run proposes with that day's figures instead
-- of leaving yesterday's pending.
create function private.run_autopilot_optimisation(p_as_of date default null)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  as_of date := coalesce(p_as_of, (now() at time zone 'UTC')::date);
  ws uuid;
  p public.autopilot_proposal_row;
  approval uuid;
  existed boolean;
  proposed integer;
  fresh integer;
  total integer := 0;
begin
  for ws in
    select c.workspace_id from public.autopilot_configs c
    join public.autopilot_cron_schedule s on s.workspace_id = c.workspace_id and s.job = 'daily_optimisation'
    where c.enabled and s.enabled
    order by c.workspace_id
  loop
    begin
      proposed := 0;
      fresh := 0;
      for p in select * from private.autopilot_optimisation_proposals(ws, as_of) loop
        -- a person said no to this very action in the last 7 days: do not ask again yet
        continue when exists (select 1 from public.agent_approvals a
                              where a.workspace_id = ws and a.dedupe_key = p.dedupe_key and a.status = 'rejected'
                                and a.decided_at > now() - interval '7 days');
        existed := exists (select 1 from public.agent_approvals a
                           where a.workspace_id = ws and a.dedupe_key = p.dedupe_key and a.status = 'pending');
        approval := private.propose_approval(
          p_workspace_id => ws,
          p_action => case p.kind when 'pause_ad_campaign' then 'pause_ad_campaign' else 'shift_ad_budget' end::public.approval_action,
          p_title => left(case p.kind
            when 'pause_ad_campaign' then format('Pause %s: 7-day ROAS %s under target %s',
              (select ac.name from public.ad_campaigns ac where ac.id = p.ad_campaign_id), trim_scale(p.roas_7d), trim_scale(p.target_roas))
            else format('Move %s cents/day from %s to %s', p.amount_cents,
              (select ac.name from public.ad_campaigns ac where ac.id = p.ad_campaign_id),
              (select ac.name from public.ad_campaigns ac where ac.id = p.target_ad_campaign_id)) end, 200),
          p_payload => p.payload,
          p_subject_table => 'ad_campaigns',
          p_subject_id => p.ad_campaign_id::text,
          p_rationale => p.reason,
          p_priority => case when p.roas_7d < p.target_roas / 2 then 'high' else 'normal' end::public.approval_priority,
          p_expires_at => now() + interval '23 hours',
          p_dedupe_key => p.dedupe_key,
          p_proposer_name => 'autopilot-optimizer',
          p_expected_impact => jsonb_build_object('roas_7d', p.roas_7d, 'target_roas', p.target_roas,
            'spend_7d_cents', p.spend_7d_cents, 'revenue_7d_cents', p.revenue_7d_cents)
            || case when p.amount_cents is not null then jsonb_build_object('daily_budget_moved_cents', p.amount_cents) else '{}'::jsonb end);
        proposed := proposed + 1;
        if not existed then
          fresh := fresh + 1;
          perform private.log_autopilot_activity(ws, 'optimisation_proposed', p.reason, 'agent_approvals', approval,
            jsonb_build_object('kind', p.kind, 'ad_campaign_id', p.ad_campaign_id, 'as_of', as_of));
        end if;
      end loop;
      perform private.record_autopilot_run(ws, 'daily_optimisation', 'succeeded',
        jsonb_build_object('as_of', as_of, 'proposals', proposed, 'new', fresh), null);
      total := total + fresh;
    exception when others then
      perform private.record_autopilot_run(ws, 'daily_optimisation', 'failed', jsonb_build_object('as_of', as_of), sqlerrm);
    end;
  end loop;
  return total;
end $$;
comment on function private.run_autopilot_optimisation(date) is 'pg_cron job autopilot-daily-optimisation (02:00 UTC): for every enabled workspace, each proposal of private.autopilot_optimisation_proposals becomes a pending approval (pause_ad_campaign or shift_ad_budget, proposer autopilot-optimizer, expiring after 23 hours; not again while one is pending or within 7 days of a rejection), logged once; changes no campaign. Records each run in autopilot_cron_schedule; returns the new approvals.';
grant execute on function private.run_autopilot_optimisation(date) to service_role;

select cron.schedule('autopilot-daily-optimisation', '0 2 * * *', 'select private.run_autopilot_optimisation()');

create function private.get_autopilot_dashboard_stats(p_workspace_id uuid, p_today date)
returns setof public.autopilot_dashboard_row
language plpgsql stable security definer set search_path = '' as $$declare
  today date := coalesce(p_today, (now() at time zone 'UTC')::date);
  month_start date := date_trunc('month', coalesce(p_today, (now() at time zone 'UTC')::date))::date;
  r public.autopilot_dashboard_row;
  cfg public.autopilot_configs;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.require_reader(p_workspace_id);
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
comment on function private.get_autopilot_dashboard_stats(uuid, date) is 'What public.get_autopilot_dashboard_stats returns, read as the owner after one membership check (see the header).';
grant execute on function private.get_autopilot_dashboard_stats(uuid, date) to authenticated, service_role;

create function public.get_autopilot_dashboard_stats(p_workspace_id uuid, p_today date default null)
returns setof public.autopilot_dashboard_row
language sql stable set search_path = '' as $$
  select * from private.get_autopilot_dashboard_stats(p_workspace_id, p_today)
$$;
comment on function public.get_autopilot_dashboard_stats(uuid, date) is 'Viewers: the autopilot dashboard in one call, as of p_today (default today, UTC): month-to-date ad spend, revenue and ROAS against the monthly budget (fresh from ad_metrics_daily), lead counts (new: created in the 7 days ending today; hot: open leads scoring at least hot_lead_score; converted: in the 30 days ending today), campaigns, tasks (overdue: due before today), autopilot activity in the 7 days ending today, approvals waiting for a decision (now), the latest weekly report of a finished week, and the next scheduled runs.';
grant execute on function public.get_autopilot_dashboard_stats(uuid, date) to authenticated;
