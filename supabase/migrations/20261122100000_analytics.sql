-- Analytics and briefings: dashboard facts (performance analytics are facts with entity
-- dimensions), analytics reports, real-time metrics, AI insights, CEO briefings (owners and
-- admins only, with rating and feedback), SEO audits and rankings, keyword research, social
-- posts and their analytics with the
-- engagement rate computed by trigger, and user analytics events partitioned by month.
-- Retention per workspace (analytics_settings) by pg_cron.

-- ===== settings
create table public.analytics_settings (
  workspace_id uuid primary key references public.workspaces (id) on delete cascade,
  seo_retention_days integer not null default 365 check (seo_retention_days between 30 and 3650),
  social_retention_days integer not null default 365 check (social_retention_days between 30 and 3650),
  briefing_retention_days integer not null default 365 check (briefing_retention_days between 30 and 3650),
  events_retention_days integer not null default 395 check (events_retention_days between 30 and 730),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.analytics_settings is 'Per-workspace analytics retention; without a row: SEO audits and rankings 365 days, social analytics 365 days, CEO briefings 365 days, user analytics events 395 days.';
alter table public.analytics_settings enable row level security;
grant select, insert, update, delete on public.analytics_settings to authenticated;
select private.install_row_triggers('public.analytics_settings');
select private.tenant_policies('public.analytics_settings', 'viewer', 'admin');

-- ===== dashboard facts
create type public.fact_period as enum ('hour', 'day', 'week', 'month', 'quarter', 'year');

comment on type public.fact_period is 'The period a dashboard fact covers, starting at period_start.';

create table public.dashboard_facts (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  metric text not null check (metric ~ '^[a-z][a-z0-9_.]{0,99}$'),
  period public.fact_period not null,
  period_start timestamptz not null,
  dimensions jsonb not null default '{}'::jsonb check (jsonb_typeof(dimensions) = 'object'),
  value numeric not null,
  unit text check (unit in ('cents', 'micros', 'count', 'ratio', 'percent', 'seconds', 'milliseconds')),
  currency char(3) check (currency ~ '^[A-Z]{3}$'),
  source text check (char_length(source) <= 120),
  computed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  unique (workspace_id, metric, period, period_start, dimensions)
);
comment on table public.dashboard_facts is 'Generic fact table for dashboards: one value per metric, period and dimension set. Performance analytics are facts with {"entity_type", "entity_id"} dimensions. Written by the service and pg_cron (upsert on the unique key); viewers read.';
comment on column public.dashboard_facts.dimensions is 'What the value is broken down by, e.g. {"platform": "meta"} or {"currency": "USD"}; {} for the total.';
alter table public.dashboard_facts enable row level security;
grant select on public.dashboard_facts to authenticated;
select private.install_row_triggers('public.dashboard_facts');
select private.tenant_policy('public.dashboard_facts', 'select', 'viewer');

create index dashboard_facts_lookup_idx on public.dashboard_facts (workspace_id, metric, period, period_start desc);

-- Daily standard facts of one day for every workspace (idempotent): net revenue and orders per
-- currency, ad spend and platform revenue per platform, approvals proposed and decided, agent cost.
create function private.refresh_dashboard_facts(p_day date default current_date - 1) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
  day_start timestamptz := p_day::timestamp at time zone 'UTC';
  day_end timestamptz := (p_day + 1)::timestamp at time zone 'UTC';
begin
  insert into public.dashboard_facts as f (workspace_id, metric, period, period_start, dimensions, value, unit, currency, source)
  select x.workspace_id, x.metric, 'day', day_start, x.dimensions, x.value, x.unit, x.currency, 'refresh_dashboard_facts'
  from (
    select r.workspace_id, 'revenue.net' as metric, jsonb_build_object('currency', r.currency) as dimensions,
           r.net_revenue_cents::numeric as value, 'cents' as unit, r.currency::char(3) as currency
    from public.order_revenue_daily r where r.day = p_day
    union all
    select r.workspace_id, 'orders', jsonb_build_object('currency', r.currency), r.orders, 'count', null
    from public.order_revenue_daily r where r.day = p_day
    union all
    select a.workspace_id, 'ads.spend', jsonb_build_object('platform', a.platform), a.spend_cents, 'cents', null
    from public.ad_metrics_rollup_daily a where a.day = p_day
    union all
    select a.workspace_id, 'ads.revenue', jsonb_build_object('platform', a.platform), a.revenue_cents, 'cents', null
    from public.ad_metrics_rollup_daily a where a.day = p_day
    union all
    select a.workspace_id, 'approvals.proposed', '{}'::jsonb, count(*), 'count', null
    from public.agent_approvals a where a.created_at >= day_start and a.created_at < day_end group by a.workspace_id
    union all
    select a.workspace_id, 'approvals.decided', jsonb_build_object('status', a.status), count(*), 'count', null
    from public.agent_approvals a
    where a.decided_at >= day_start and a.decided_at < day_end and a.status in ('approved', 'rejected', 'expired')
    group by a.workspace_id, a.status
    union all
    select q.workspace_id, 'agents.cost', '{}'::jsonb, sum(q.cost_micros), 'micros', 'USD'
    from public.agent_queries q where q.created_at >= day_start and q.created_at < day_end and q.cost_micros is not null
    group by q.workspace_id
  ) x
  on conflict (workspace_id, metric, period, period_start, dimensions) do update set
    value = excluded.value, unit = excluded.unit, currency = excluded.currency, computed_at = now();
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.refresh_dashboard_facts(date) is 'pg_cron job dashboard-facts (daily, for yesterday): upserts the standard daily facts of every workspace (revenue.net and orders per currency, ads.spend and ads.revenue per platform, approvals.proposed, approvals.decided per status, agents.cost). Idempotent; returns rows written.';
grant execute on function private.refresh_dashboard_facts(date) to service_role;

select cron.schedule('dashboard-facts', '15 1 * * *', 'select private.refresh_dashboard_facts()');

-- ===== reports
create type public.report_kind as enum (
  'performance', 'campaign', 'ads', 'seo', 'social', 'executive', 'custom'
);

comment on type public.report_kind is 'What an analytics report covers.';

create type public.report_status as enum ('pending', 'generating', 'ready', 'failed');

comment on type public.report_status is 'pending -> generating -> ready | failed; failed -> pending (retry).';

create table public.analytics_reports (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 200),
  kind public.report_kind not null,
  period_start date not null,
  period_end date not null,
  parameters jsonb not null default '{}'::jsonb check (jsonb_typeof(parameters) = 'object'),
  status public.report_status not null default 'pending',
  results jsonb,
  error text check (char_length(error) <= 4000),
  storage_path text check (char_length(storage_path) <= 1024),
  generated_at timestamptz,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "a report period ends on or after it starts" check (period_end >= period_start)
);
comment on table public.analytics_reports is 'Generated reports: members request one (pending); the report generator (service) fills results and moves the status.';
comment on column public.analytics_reports.storage_path is 'A rendered file (PDF, CSV) in storage, <workspace_id>/reports/...';
alter table public.analytics_reports enable row level security;
grant select, delete on public.analytics_reports to authenticated;
grant insert (id, workspace_id, name, kind, period_start, period_end, parameters) on public.analytics_reports to authenticated;
grant update (name, status) on public.analytics_reports to authenticated;
select private.install_row_triggers('public.analytics_reports');
select private.tenant_policies('public.analytics_reports', 'viewer', 'member');

create index analytics_reports_workspace_idx on public.analytics_reports (workspace_id, created_at desc);

create index analytics_reports_created_by_idx on public.analytics_reports (created_by);

create trigger stamp_actor before insert on public.analytics_reports for each row execute function private.stamp_actor('created_by');

create function private.guard_analytics_report() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    new.status := 'pending';
    new.results := null;
    new.generated_at := null;
    return new;
  end if;
  if new.status is distinct from old.status then
    if not (old.status = 'pending' and new.status = 'generating'
            or old.status = 'generating' and new.status in ('ready', 'failed')
            or old.status = 'failed' and new.status = 'pending') then
      raise exception 'a report that is % cannot become %', old.status, new.status using errcode = 'PT409';
    end if;
    if private.is_end_user() and not (old.status = 'failed' and new.status = 'pending') then
      raise exception 'the report generator moves reports; you can retry a failed one' using errcode = '42501';
    end if;
    if new.status = 'ready' then
      new.generated_at := now();
    end if;
  end if;
  return new;
end $$;
comment on function private.guard_analytics_report() is 'BEFORE INSERT/UPDATE on analytics_reports: requests start pending; pending -> generating -> ready | failed, failed -> pending; signed-in users may only retry.';

create trigger guard_analytics_report before insert or update on public.analytics_reports
  for each row execute function private.guard_analytics_report();
select private.exempt_user_deletion('public.analytics_reports', 'guard_analytics_report');

-- ===== real-time metrics: the latest value per entity and metric
create table public.real_time_metrics (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  entity_type text not null check (entity_type ~ '^[a-z][a-z0-9_]{0,63}$'),
  entity_id text not null check (char_length(entity_id) between 1 and 200),
  metric text not null check (metric ~ '^[a-z][a-z0-9_.]{0,99}$'),
  value numeric not null,
  previous_value numeric,
  measured_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  primary key (workspace_id, entity_type, entity_id, metric)
);
comment on table public.real_time_metrics is 'Latest value of a metric per entity (live visitors on a page, today''s spend of a campaign ...); upserted by private.record_metrics(), published to Realtime. previous_value is the value it replaced.';
alter table public.real_time_metrics enable row level security;
grant select on public.real_time_metrics to authenticated;
alter publication supabase_realtime add table public.real_time_metrics;
select private.install_row_triggers('public.real_time_metrics');
select private.tenant_policy('public.real_time_metrics', 'select', 'viewer');

create function private.record_metrics(p_workspace_id uuid, p_metrics jsonb) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  if p_metrics is null or jsonb_typeof(p_metrics) <> 'array' then
    raise exception 'metrics must be an array of {entity_type, entity_id, metric, value, measured_at?}' using errcode = '22023';
  end if;
  perform private.require_batch_size('metrics', jsonb_array_length(p_metrics), 1000);
  insert into public.real_time_metrics as m (workspace_id, entity_type, entity_id, metric, value, measured_at)
  select distinct on (e ->> 'entity_type', e ->> 'entity_id', e ->> 'metric')
         p_workspace_id, e ->> 'entity_type', e ->> 'entity_id', e ->> 'metric', (e ->> 'value')::numeric,
         coalesce((e ->> 'measured_at')::timestamptz, now())
  from jsonb_array_elements(p_metrics) e
  order by e ->> 'entity_type', e ->> 'entity_id', e ->> 'metric', coalesce((e ->> 'measured_at')::timestamptz, now()) desc
  on conflict (workspace_id, entity_type, entity_id, metric) do update set
    previous_value = m.value, value = excluded.value, measured_at = excluded.measured_at
  where excluded.measured_at >= m.measured_at;
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.record_metrics(uuid, jsonb) is 'Service: upserts up to 1000 latest metric values; an older measurement never replaces a newer one. Returns rows written.';
grant execute on function private.record_metrics(uuid, jsonb) to service_role;

-- ===== AI insights
create type public.insight_kind as enum ('opportunity', 'risk', 'anomaly', 'trend', 'recommendation');

comment on type public.insight_kind is 'What an AI insight is.';

create type public.insight_impact as enum ('low', 'medium', 'high');

comment on type public.insight_impact is 'How much an insight matters, by the generator''s estimate.';

create type public.insight_status as enum ('new', 'acknowledged', 'dismissed', 'actioned');

comment on type public.insight_status is 'Where a person left an insight.';

create table public.ai_insights (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  agent_id uuid,
  kind public.insight_kind not null,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  body text check (char_length(body) <= 20000),
  impact public.insight_impact not null default 'medium',
  confidence numeric(5, 4) check (confidence between 0 and 1),
  metric text check (char_length(metric) <= 100),
  data jsonb not null default '{}'::jsonb check (jsonb_typeof(data) = 'object'),
  status public.insight_status not null default 'new',
  status_changed_by uuid references auth.users (id) on delete set null,
  status_changed_at timestamptz,
  approval_id uuid,
  expires_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, agent_id) references public.agents (workspace_id, id) on delete set null (agent_id),
  foreign key (workspace_id, approval_id) references public.agent_approvals (workspace_id, id) on delete set null (approval_id)
);
comment on table public.ai_insights is 'AI-generated insights: written by agents (service), triaged by members. An insight acted on may point at the approval it became.';
comment on column public.ai_insights.data is 'The figures behind the insight.';
comment on column public.ai_insights.status_changed_by is 'Who last changed the status (from the session).';
alter table public.ai_insights enable row level security;
grant select on public.ai_insights to authenticated;
grant update (status) on public.ai_insights to authenticated;
alter publication supabase_realtime add table public.ai_insights;
select private.install_row_triggers('public.ai_insights');
select private.tenant_policy('public.ai_insights', 'select', 'viewer');
select private.tenant_policy('public.ai_insights', 'update', 'member');

create index ai_insights_feed_idx on public.ai_insights (workspace_id, status, created_at desc);

create index ai_insights_agent_idx on public.ai_insights (workspace_id, agent_id);

create index ai_insights_approval_idx on public.ai_insights (workspace_id, approval_id);

create index ai_insights_status_changed_by_idx on public.ai_insights (status_changed_by);

create function private.stamp_insight_status() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status is distinct from old.status then
    new.status_changed_at := now();
    new.status_changed_by := case when private.is_end_user() then (select auth.uid()) else new.status_changed_by end;
  end if;
  return new;
end $$;
comment on function private.stamp_insight_status() is 'BEFORE UPDATE on ai_insights: records who changed the status and when.';

create trigger stamp_insight_status before update on public.ai_insights
  for each row execute function private.stamp_insight_status();
select private.exempt_user_deletion('public.ai_insights', 'stamp_insight_status');

-- ===== CEO briefings (owners and admins only)
create type public.briefing_kind as enum ('daily', 'weekly', 'monthly');

comment on type public.briefing_kind is 'The period a CEO briefing summarises.';

create table public.ceo_briefings (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  kind public.briefing_kind not null,
  period_start date not null,
  period_end date not null,
  executive_summary text not null check (char_length(executive_summary) between 1 and 50000),
  key_metrics jsonb not null default '{}'::jsonb check (jsonb_typeof(key_metrics) = 'object'),
  insights jsonb not null default '[]'::jsonb check (jsonb_typeof(insights) = 'array'),
  generation_model text check (char_length(generation_model) <= 128),
  model_id uuid references public.ai_models (id) on delete set null,
  generation_input_tokens integer not null default 0 check (generation_input_tokens >= 0),
  generation_output_tokens integer not null default 0 check (generation_output_tokens >= 0),
  cost_micros bigint,
  rating smallint check (rating between 1 and 5),
  feedback_notes text check (char_length(feedback_notes) <= 4000),
  rated_by uuid references auth.users (id) on delete set null,
  rated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, kind, period_end),
  constraint "a briefing period ends on or after it starts" check (period_end >= period_start)
);
comment on table public.ceo_briefings is 'Generated executive summaries: visible to the workspace''s owners and admins only, who rate them and leave feedback. Written by the service; one per workspace, kind and period end.';
comment on column public.ceo_briefings.model_id is 'The registry model that wrote it (found from generation_model when not given).';
comment on column public.ceo_briefings.cost_micros is 'Generation cost from the registry''s prices at insert (private.ai_cost_micros); NULL for a model not in the registry.';
comment on column public.ceo_briefings.rating is 'A reader''s rating from 1 to 5; rated_by/rated_at come from the session.';
alter table public.ceo_briefings enable row level security;
grant select on public.ceo_briefings to authenticated;
grant update (rating, feedback_notes) on public.ceo_briefings to authenticated;
select private.install_row_triggers('public.ceo_briefings');
select private.tenant_policy('public.ceo_briefings', 'select', 'admin');
select private.tenant_policy('public.ceo_briefings', 'update', 'admin');

create index ceo_briefings_recent_idx on public.ceo_briefings (workspace_id, kind, period_end desc);

create index ceo_briefings_model_id_idx on public.ceo_briefings (model_id);

create index ceo_briefings_rated_by_idx on public.ceo_briefings (rated_by);

create function private.guard_ceo_briefing() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  m public.ai_models;
begin
  if tg_op = 'INSERT' then
    if new.model_id is not null then
      select * into m from public.ai_models a where a.id = new.model_id;
    elsif new.generation_model is not null then
      select * into m from public.ai_models a where a.model = new.generation_model order by a.is_active desc limit 1;
    end if;
    new.model_id := m.id;
    new.cost_micros := case when m.id is not null
      then private.ai_cost_micros(m, new.generation_input_tokens, new.generation_output_tokens, 0) end;
    new.rating := null; new.feedback_notes := null; new.rated_by := null; new.rated_at := null;
    return new;
  end if;
  if (new.rating, new.feedback_notes) is distinct from (old.rating, old.feedback_notes) then
    new.rated_at := now();
    new.rated_by := case when private.is_end_user() then (select auth.uid()) else new.rated_by end;
  end if;
  return new;
end $$;
comment on function private.guard_ceo_briefing() is 'BEFORE INSERT/UPDATE on ceo_briefings: prices the generation from the registry; a new briefing is unrated; rating or feedback stamps rated_by/rated_at from the session.';

create trigger guard_ceo_briefing before insert or update on public.ceo_briefings
  for each row execute function private.guard_ceo_briefing();
select private.exempt_user_deletion('public.ceo_briefings', 'guard_ceo_briefing');

-- ===== SEO
create type public.search_engine as enum ('google', 'bing');

comment on type public.search_engine is 'Search engines rankings are tracked on.';

create type public.search_device as enum ('desktop', 'mobile');

comment on type public.search_device is 'Device a ranking was measured for.';

create type public.search_intent as enum ('informational', 'navigational', 'commercial', 'transactional');

comment on type public.search_intent is 'What a searcher of a keyword wants.';

create table public.seo_audits (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  site_url text not null check (site_url ~ '^https?://' and char_length(site_url) <= 2000),
  crawled_at timestamptz not null default now(),
  pages_crawled integer not null default 0 check (pages_crawled >= 0),
  avg_lcp_ms integer check (avg_lcp_ms >= 0),
  avg_inp_ms integer check (avg_inp_ms >= 0),
  avg_fid_ms integer check (avg_fid_ms >= 0),
  avg_cls numeric(6, 4) check (avg_cls >= 0),
  technical_score smallint check (technical_score between 0 and 100),
  content_score smallint check (content_score between 0 and 100),
  performance_score smallint check (performance_score between 0 and 100),
  overall_score smallint generated always as (round((technical_score + content_score + performance_score) / 3.0)::smallint) stored,
  critical_issues integer not null default 0 check (critical_issues >= 0),
  high_priority_issues integer not null default 0 check (high_priority_issues >= 0),
  issues jsonb not null default '[]'::jsonb check (jsonb_typeof(issues) = 'array'),
  created_at timestamptz not null default now()
);
comment on table public.seo_audits is 'Daily SEO crawl results with Core Web Vitals and scores. Written by the crawler (service); kept seo_retention_days (default 365).';
comment on column public.seo_audits.avg_inp_ms is 'Interaction to Next Paint, which replaced FID as a Core Web Vital in 2024; avg_fid_ms is kept for older crawls.';
comment on column public.seo_audits.overall_score is 'Mean of the technical, content and performance scores, rounded; NULL when one is missing.';
alter table public.seo_audits enable row level security;
grant select on public.seo_audits to authenticated;
select private.install_row_triggers('public.seo_audits');
select private.tenant_policy('public.seo_audits', 'select', 'viewer');

create index seo_audits_recent_idx on public.seo_audits (workspace_id, crawled_at desc);

create table public.seo_rankings (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  keyword text not null check (char_length(keyword) between 1 and 200 and keyword = lower(keyword)),
  search_engine public.search_engine not null default 'google',
  location text not null default 'us' check (char_length(location) between 1 and 64),
  device public.search_device not null default 'mobile',
  tracked_on date not null,
  position smallint check (position between 1 and 100),
  url text check (char_length(url) <= 2000),
  search_volume integer check (search_volume >= 0),
  featured_snippet boolean not null default false,
  created_at timestamptz not null default now(),
  unique (workspace_id, keyword, search_engine, location, device, tracked_on)
);
comment on table public.seo_rankings is 'Keyword positions per day: one row per keyword, engine, location, device and day. Written by the rank tracker (service, idempotent upsert); kept seo_retention_days (default 365).';
comment on column public.seo_rankings.position is 'Position 1-100 in the results; NULL when not in the top 100.';
comment on column public.seo_rankings.keyword is 'Lower-cased keyword.';
alter table public.seo_rankings enable row level security;
grant select on public.seo_rankings to authenticated;
select private.install_row_triggers('public.seo_rankings');
select private.tenant_policy('public.seo_rankings', 'select', 'viewer');

create index seo_rankings_history_idx on public.seo_rankings (workspace_id, keyword, tracked_on desc);

create index seo_rankings_top_idx on public.seo_rankings (workspace_id, tracked_on, position) where position is not null;

create function public.ingest_seo_rankings(p_workspace_id uuid, p_rows jsonb) returns integer
language plpgsql volatile set search_path = '' as $$
declare
  n integer;
  bad jsonb;
begin
  if p_workspace_id is null or p_rows is null or jsonb_typeof(p_rows) <> 'array' then
    raise exception 'a workspace and an array of rankings are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('rankings', jsonb_array_length(p_rows), 5000);
  select e into bad from jsonb_array_elements(p_rows) e
  where jsonb_typeof(e) <> 'object' or coalesce(btrim(e ->> 'keyword'), '') = '' or e ->> 'tracked_on' is null
     or (e ->> 'position' is not null and (e ->> 'position') !~ '^\d{1,3}$')
  limit 1;
  if bad is not null then
    raise exception 'each ranking needs keyword, tracked_on (a date) and an optional position 1-100: %', left(bad::text, 300)
      using errcode = '22023';
  end if;
  insert into public.seo_rankings as r (workspace_id, keyword, search_engine, location, device, tracked_on, position, url,
    search_volume, featured_snippet)
  select distinct on (lower(btrim(e ->> 'keyword')), coalesce(e ->> 'search_engine', 'google'), coalesce(e ->> 'location', 'us'),
                      coalesce(e ->> 'device', 'mobile'), (e ->> 'tracked_on')::date)
         p_workspace_id, lower(btrim(e ->> 'keyword')), coalesce(e ->> 'search_engine', 'google')::public.search_engine,
         coalesce(e ->> 'location', 'us'), coalesce(e ->> 'device', 'mobile')::public.search_device, (e ->> 'tracked_on')::date,
         (e ->> 'position')::smallint, e ->> 'url', (e ->> 'search_volume')::integer, coalesce((e ->> 'featured_snippet')::boolean, false)
  from jsonb_array_elements(p_rows) e
  on conflict (workspace_id, keyword, search_engine, location, device, tracked_on) do update set
    position = excluded.position, url = excluded.url, search_volume = excluded.search_volume,
    featured_snippet = excluded.featured_snippet;
  get diagnostics n = row_count;
  return n;
end $$;
comment on function public.ingest_seo_rankings(uuid, jsonb) is 'Service: upserts up to 5000 rankings [{keyword, tracked_on, position?, search_engine?, location?, device?, url?, search_volume?, featured_snippet?}] for one workspace; a repeated row replaces the earlier one. Returns rows written.';

create table public.keyword_research (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  keyword text not null check (char_length(keyword) between 1 and 200 and keyword = lower(keyword)),
  locale text not null default 'en-US' check (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
  search_volume integer check (search_volume >= 0),
  difficulty smallint check (difficulty between 0 and 100),
  cpc_cents bigint check (cpc_cents >= 0),
  currency char(3) check (currency ~ '^[A-Z]{3}$'),
  competition numeric(5, 4) check (competition between 0 and 1),
  intent public.search_intent,
  monthly_volumes jsonb not null default '[]'::jsonb check (jsonb_typeof(monthly_volumes) = 'array'),
  related_keywords text[] not null default '{}',
  source text check (char_length(source) <= 120),
  notes text check (char_length(notes) <= 4000),
  researched_at timestamptz not null default now(),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, keyword, locale),
  constraint "a cost per click has a currency" check (cpc_cents is null or currency is not null)
);
comment on table public.keyword_research is 'Keyword research results: volume, difficulty, CPC, intent, related keywords; one row per keyword and locale. Members research.';
comment on column public.keyword_research.monthly_volumes is 'Search volume per month, e.g. [{"month": "2026-10", "volume": 1900}].';
alter table public.keyword_research enable row level security;
grant select, insert, update, delete on public.keyword_research to authenticated;
select private.install_row_triggers('public.keyword_research');
select private.tenant_policies('public.keyword_research', 'viewer', 'member');

create index keyword_research_created_by_idx on public.keyword_research (created_by);

create trigger stamp_actor before insert on public.keyword_research for each row execute function private.stamp_actor('created_by');

-- ===== social
create type public.social_platform as enum (
  'instagram', 'facebook', 'tiktok', 'x', 'linkedin', 'youtube', 'pinterest', 'threads'
);

comment on type public.social_platform is 'Social networks posts are published to.';

create type public.social_post_status as enum ('draft', 'scheduled', 'published', 'failed', 'deleted');

comment on type public.social_post_status is 'Where a social post stands.';

create table public.social_posts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  platform public.social_platform not null,
  external_post_id text check (char_length(external_post_id) between 1 and 200),
  url text check (char_length(url) <= 2000),
  caption text check (char_length(caption) <= 10000),
  media_urls text[] not null default '{}',
  status public.social_post_status not null default 'draft',
  scheduled_at timestamptz,
  published_at timestamptz,
  campaign_id uuid,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, platform, external_post_id),
  unique (workspace_id, id),
  constraint "a scheduled post has a time" check (status <> 'scheduled' or scheduled_at is not null)
);
comment on table public.social_posts is 'Posts on social networks. Members draft and schedule; the publisher (service) records the external id and publication.';
comment on column public.social_posts.external_post_id is 'The network''s post id once published.';
comment on column public.social_posts.campaign_id is 'The marketing campaign the post belongs to (public.campaigns, marketing domain).';
alter table public.social_posts enable row level security;
grant select, insert, update, delete on public.social_posts to authenticated;
select private.install_row_triggers('public.social_posts');
select private.tenant_policies('public.social_posts', 'viewer', 'member');

create index social_posts_workspace_idx on public.social_posts (workspace_id, status, published_at desc);

create index social_posts_campaign_idx on public.social_posts (campaign_id);

create index social_posts_created_by_idx on public.social_posts (created_by);

create trigger stamp_actor before insert on public.social_posts for each row execute function private.stamp_actor('created_by');

create function private.stamp_social_publication() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status = 'published' and (tg_op = 'INSERT' or old.status is distinct from 'published') then
    new.published_at := coalesce(new.published_at, now());
  end if;
  return new;
end $$;
comment on function private.stamp_social_publication() is 'BEFORE INSERT/UPDATE on social_posts: a post becoming published gets published_at (unless given).';

create trigger stamp_social_publication before insert or update on public.social_posts
  for each row execute function private.stamp_social_publication();
select private.exempt_user_deletion('public.social_posts', 'stamp_social_publication');

create table public.social_analytics (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  social_post_id uuid not null,
  platform public.social_platform not null,
  measured_at timestamptz not null,
  views bigint not null default 0 check (views >= 0),
  likes bigint not null default 0 check (likes >= 0),
  comments bigint not null default 0 check (comments >= 0),
  shares bigint not null default 0 check (shares >= 0),
  saves bigint not null default 0 check (saves >= 0),
  clicks bigint not null default 0 check (clicks >= 0),
  reach bigint check (reach >= 0),
  impressions bigint check (impressions >= 0),
  engagements bigint not null default 0,
  engagement_rate numeric(12, 6),
  created_at timestamptz not null default now(),
  unique (social_post_id, measured_at),
  foreign key (workspace_id, social_post_id) references public.social_posts (workspace_id, id) on delete cascade
);
comment on table public.social_analytics is 'A post''s metrics as measured at a time; one row per post and measurement. Written by connectors (service); kept social_retention_days (default 365).';
comment on column public.social_analytics.platform is 'Copied from the post by trigger.';
comment on column public.social_analytics.engagements is 'likes + comments + shares + saves, by trigger.';
comment on column public.social_analytics.engagement_rate is 'engagements / reach, rounded to 6 decimals, by trigger; NULL when reach is 0 or unknown.';
alter table public.social_analytics enable row level security;
grant select on public.social_analytics to authenticated;
select private.install_row_triggers('public.social_analytics');
select private.tenant_policy('public.social_analytics', 'select', 'viewer');

create index social_analytics_post_idx on public.social_analytics (workspace_id, social_post_id, measured_at desc);

create index social_analytics_rate_idx on public.social_analytics (workspace_id, engagement_rate desc nulls last);

create function private.derive_social_engagement() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  select p.platform into new.platform from public.social_posts p where p.id = new.social_post_id;
  new.engagements := new.likes + new.comments + new.shares + new.saves;
  new.engagement_rate := case when coalesce(new.reach, 0) = 0 then null
                              else round(new.engagements::numeric / new.reach, 6) end;
  return new;
end $$;
comment on function private.derive_social_engagement() is 'BEFORE INSERT/UPDATE on social_analytics: copies the post''s platform and computes engagements and engagement_rate (NULL on zero or unknown reach).';

create trigger derive_social_engagement before insert or update on public.social_analytics
  for each row execute function private.derive_social_engagement();

-- ===== user analytics events (high volume: partitioned by month, workspace_id in the key)
create table public.user_analytics_events (
  id bigint generated always as identity,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  occurred_at timestamptz not null default now(),
  event_name text not null check (event_name ~ '^[a-z][a-z0-9_.:-]{0,99}$'),
  page text check (char_length(page) <= 2000),
  session_id text check (char_length(session_id) <= 200),
  properties jsonb not null default '{}'::jsonb check (jsonb_typeof(properties) = 'object'),
  created_at timestamptz not null default now(),
  primary key (workspace_id, occurred_at, id)
) partition by range (occurred_at);
comment on table public.user_analytics_events is 'What our users do in the app (e.g. form friction: {"form", "field", "friction"}), partitioned by month of occurred_at. Each user writes and reads their own; admins read the workspace''s. Kept events_retention_days (default 395).';
alter table public.user_analytics_events enable row level security;
grant select on public.user_analytics_events to authenticated;
grant insert (workspace_id, occurred_at, event_name, page, session_id, properties) on public.user_analytics_events to authenticated;
select private.install_row_triggers('public.user_analytics_events');
select private.tenant_policy('public.user_analytics_events', 'select', 'admin');

create index user_analytics_events_user_idx on public.user_analytics_events (user_id, occurred_at desc);

create index user_analytics_events_name_idx on public.user_analytics_events (workspace_id, event_name, occurred_at desc);

create table private.user_analytics_events_default partition of public.user_analytics_events default;
comment on table private.user_analytics_events_default is 'Catch-all partition of user_analytics_events for rows outside the monthly partitions made so far.';
alter table private.user_analytics_events_default enable row level security;

select private.ensure_monthly_partitions('public.user_analytics_events', (current_date - interval '1 month')::date, 4);

create trigger stamp_actor before insert on public.user_analytics_events
  for each row execute function private.stamp_actor('user_id');

create function public.track_events(p_workspace_id uuid, p_events jsonb) returns integer
language plpgsql volatile set search_path = '' as $$
declare
  n integer;
  bad jsonb;
begin
  if p_workspace_id is null or p_events is null or jsonb_typeof(p_events) <> 'array' then
    raise exception 'a workspace and an array of events are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('events', jsonb_array_length(p_events), 500);
  select e into bad from jsonb_array_elements(p_events) e
  where jsonb_typeof(e) <> 'object' or coalesce(e ->> 'event_name', '') !~ '^[a-z][a-z0-9_.:-]{0,99}$'
     or (e ? 'occurred_at' and not private.is_timestamptz(e ->> 'occurred_at'))
     or (e ? 'properties' and jsonb_typeof(e -> 'properties') <> 'object')
  limit 1;
  if bad is not null then
    raise exception 'each event needs event_name (lowercase, starting with a letter), optional page, session_id, properties (object) and occurred_at (ISO): %',
      left(bad::text, 300) using errcode = '22023';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'viewer');
  end if;
  insert into public.user_analytics_events (workspace_id, occurred_at, event_name, page, session_id, properties)
  select p_workspace_id, least(coalesce((e ->> 'occurred_at')::timestamptz, now()), now()), e ->> 'event_name',
         left(e ->> 'page', 2000), left(e ->> 'session_id', 200), coalesce(e -> 'properties', '{}')
  from jsonb_array_elements(p_events) e;
  get diagnostics n = row_count;
  return n;
end $$;
comment on function public.track_events(uuid, jsonb) is 'Any member: records up to 500 of the caller''s own events [{event_name, page?, session_id?, properties?, occurred_at?}] in a workspace (future times are clamped to now). Returns how many.';
grant execute on function public.track_events(uuid, jsonb) to authenticated;

-- ===== retention (pg_cron)
create function private.maintain_analytics_partitions() returns integer
language sql volatile security definer set search_path = '' as $$
  select private.ensure_monthly_partitions('public.user_analytics_events', current_date, 3)
$$;
comment on function private.maintain_analytics_partitions() is 'pg_cron job analytics-partitions (daily): partitions of user_analytics_events for this month and the next two.';
grant execute on function private.maintain_analytics_partitions() to service_role;

create function private.purge_analytics_data(p_now timestamptz default now()) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  total integer := 0;
  n integer;
  today date := (p_now at time zone 'UTC')::date;
begin
  delete from public.seo_audits a using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where a.workspace_id = w.id and a.crawled_at < p_now - make_interval(days => coalesce(s.seo_retention_days, 365));
  get diagnostics n = row_count; total := total + n;
  delete from public.seo_rankings r using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where r.workspace_id = w.id and r.tracked_on < today - coalesce(s.seo_retention_days, 365);
  get diagnostics n = row_count; total := total + n;
  delete from public.social_analytics a using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where a.workspace_id = w.id and a.measured_at < p_now - make_interval(days => coalesce(s.social_retention_days, 365));
  get diagnostics n = row_count; total := total + n;
  delete from public.ceo_briefings b using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where b.workspace_id = w.id and b.period_end < today - coalesce(s.briefing_retention_days, 365);
  get diagnostics n = row_count; total := total + n;
  delete from public.user_analytics_events e using public.workspaces w left join public.analytics_settings s on s.workspace_id = w.id
  where e.workspace_id = w.id and e.occurred_at < p_now - make_interval(days => coalesce(s.events_retention_days, 395));
  get diagnostics n = row_count; total := total + n;
  -- Whole months past the longest events window (730 days) go at once.
  perform private.drop_monthly_partitions('public.user_analytics_events', p_now - interval '731 days');
  return total;
end $$;
comment on function private.purge_analytics_data(timestamp with time zone) is 'pg_cron job analytics-retention (daily): deletes SEO audits and rankings, social analytics, CEO briefings and user events older than each workspace''s window (analytics_settings); drops event partitions past 731 days. Returns rows deleted.';
grant execute on function private.purge_analytics_data(timestamp with time zone) to service_role;

select cron.schedule('analytics-partitions', '12 0 * * *', 'select private.maintain_analytics_partitions()');

select cron.schedule('analytics-retention', '25 4 * * *', 'select private.purge_analytics_data()');

-- Events: each user their own; admins the workspace's.
create policy "users read their events" on public.user_analytics_events for select to authenticated
  using (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));

create policy "users record their events" on public.user_analytics_events for insert to authenticated
  with check (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));

-- The overview dashboard's tiles (revenue, inventory, ads ROAS, the approval queue as the
-- support tile), plus open ops work, as one RPC a frontend calls once. SECURITY INVOKER: the
-- caller's RLS decides what is counted; viewers and up may call it.
create type public.dashboard_tiles_row as (
  as_of date,
  revenue_currency char(3),
  revenue_cents bigint,
  previous_revenue_cents bigint,
  revenue_change numeric,
  orders bigint,
  average_order_cents bigint,
  skus_tracked integer,
  skus_below_reorder_point integer,
  lowest_weeks_of_supply numeric,
  reorder_points_computed_at timestamptz,
  ad_spend_cents bigint,
  ad_revenue_cents bigint,
  roas numeric,
  previous_roas numeric,
  roas_change numeric,
  pending_approvals integer,
  urgent_approvals integer,
  approvals_expiring_24h integer,
  oldest_pending_approval_at timestamptz,
  open_errors integer,
  open_alerts integer
);

comment on type public.dashboard_tiles_row is 'dashboard_tiles'' single row. Windows: the 30 days before as_of and the 30 days before those. Never null: as_of, the revenue and order sums, skus_tracked, skus_below_reorder_point, ad spend and revenue, the approval counts, open_errors, open_alerts. NULL: revenue_currency without orders, ratios and averages whose denominator is 0, lowest_weeks_of_supply and timestamps without data.';

create function private.dashboard_tiles(p_workspace_id uuid, p_today date)
returns public.dashboard_tiles_row
language plpgsql stable security definer set search_path = '' as $$declare
  t public.dashboard_tiles_row;
begin
  if p_workspace_id is null or p_today is null then
    raise exception 'workspace and date are required' using errcode = '22023';
  end if;
  perform private.require_reader(p_workspace_id);
  t.as_of := p_today;

  -- Revenue: net revenue of uncancelled orders, in the currency that sold most over both windows.
  with days as (
    select r.currency, r.day, r.orders, r.net_revenue_cents
    from public.order_revenue_daily r
    where r.workspace_id = p_workspace_id and r.day between p_today - 60 and p_today - 1
  ), main as (
    select d.currency from days d group by d.currency order by sum(d.net_revenue_cents) desc, d.currency limit 1
  )
  select m.currency,
         coalesce(sum(d.net_revenue_cents) filter (where d.day >= p_today - 30), 0)::bigint,
         coalesce(sum(d.net_revenue_cents) filter (where d.day < p_today - 30), 0)::bigint,
         coalesce(sum(d.orders) filter (where d.day >= p_today - 30), 0)::bigint
  into t.revenue_currency, t.revenue_cents, t.previous_revenue_cents, t.orders
  from main m join days d on d.currency = m.currency
  group by m.currency;
  t.revenue_cents := coalesce(t.revenue_cents, 0);
  t.previous_revenue_cents := coalesce(t.previous_revenue_cents, 0);
  t.orders := coalesce(t.orders, 0);
  t.revenue_change := case when t.previous_revenue_cents > 0
    then round((t.revenue_cents - t.previous_revenue_cents)::numeric / t.previous_revenue_cents, 4) end;
  t.average_order_cents := case when t.orders > 0 then round(t.revenue_cents::numeric / t.orders)::bigint end;

  -- Inventory: the latest reorder point computation.
  select count(*)::integer, (count(*) filter (where r.below_reorder_point))::integer, min(r.weeks_of_supply),
         max(r.computed_at)
  into t.skus_tracked, t.skus_below_reorder_point, t.lowest_weeks_of_supply, t.reorder_points_computed_at
  from public.reorder_points r where r.workspace_id = p_workspace_id;

  -- Ads: the landed ROAS tile (from the ads rollup).
  select a.spend_cents, a.revenue_cents, a.roas, a.previous_roas, a.change
  into t.ad_spend_cents, t.ad_revenue_cents, t.roas, t.previous_roas, t.roas_change
  from private.ads_roas_tile(p_workspace_id, p_today) a;

  -- The approval queue: what still waits (pending and not yet past its expiry).
  select count(*)::integer, (count(*) filter (where a.priority in ('high', 'urgent')))::integer,
         (count(*) filter (where a.expires_at <= now() + interval '24 hours'))::integer, min(a.created_at)
  into t.pending_approvals, t.urgent_approvals, t.approvals_expiring_24h, t.oldest_pending_approval_at
  from public.agent_approvals a
  where a.workspace_id = p_workspace_id and a.status = 'pending' and a.expires_at > now();

  select count(*)::integer into t.open_errors from public.ops_errors e
  where e.workspace_id = p_workspace_id and e.status in ('open', 'acknowledged');
  select count(*)::integer into t.open_alerts from public.ops_alerts a
  where a.workspace_id = p_workspace_id and a.status <> 'resolved';
  return t;
end $$;
comment on function private.dashboard_tiles(uuid, date) is 'What public.dashboard_tiles returns, read as the owner after one membership check (see the header).';
grant execute on function private.dashboard_tiles(uuid, date) to authenticated, service_role;

create function public.dashboard_tiles(p_workspace_id uuid, p_today date default current_date)
returns public.dashboard_tiles_row
language sql stable set search_path = '' as $$
  select private.dashboard_tiles(p_workspace_id, p_today)
$$;
comment on function public.dashboard_tiles(uuid, date) is 'The overview tiles in one call: revenue (30 days before p_today vs the 30 before, main currency, orders, AOV), inventory (reorder points), ads ROAS (public.ads_roas_tile), pending approvals, open errors and alerts. Viewers and up.';
grant execute on function public.dashboard_tiles(uuid, date) to authenticated;
