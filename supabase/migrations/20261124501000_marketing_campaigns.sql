-- Marketing campaigns: the brand's own initiatives (budget, channels, KPI targets, tasks), their
-- historical metrics, AI predictions and generated content. Ad campaigns (what the ad platforms
-- run, landed with ads) may belong to one through ad_campaigns.campaign_id. From 003's
-- campaigns, campaign_tasks, campaign_metrics, campaign_performance_metrics,
-- campaign_performance_monitor, campaign_predictions and generated_content_pieces.

-- ===== shared row helpers for the marketing and automation domains
-- created_by is the caller for signed-in users, whatever the client sent.
create function private.stamp_created_by() returns trigger
language plpgsql set search_path = '' as $$
begin
  if (select auth.role()) = 'authenticated' then
    new := jsonb_populate_record(new, jsonb_build_object('created_by', (select auth.uid())));
  end if;
  return new;
end $$;
comment on function private.stamp_created_by() is 'BEFORE INSERT trigger: a signed-in user is always recorded as created_by (service_role and cron may name someone).';
revoke all on function private.stamp_created_by() from public;

-- Every user a row names (owner, assignee ...) belongs to the row's workspace. Trigger arguments
-- are the column names to check.
create function private.require_members() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  col text;
  uid uuid;
  r jsonb := to_jsonb(new);
begin
  foreach col in array tg_argv loop
    uid := (r ->> col)::uuid;
    if uid is not null and not exists (
      select 1 from public.workspace_members m where m.workspace_id = new.workspace_id and m.user_id = uid
    ) then
      raise exception '%: that user is not a member of this workspace', col using errcode = '22023';
    end if;
  end loop;
  return new;
end $$;
comment on function private.require_members() is 'BEFORE INSERT/UPDATE trigger: each user id in the named columns must be a member of the row''s workspace (22023 otherwise).';
revoke all on function private.require_members() from public;

-- ===== campaigns
-- Channels are public.marketing_channel, the one vocabulary shared with attribution (its migration).
create type public.campaign_status as enum ('draft', 'planned', 'active', 'paused', 'completed', 'archived');
comment on type public.campaign_status is 'draft -> planned -> active <-> paused -> completed -> archived; draft, planned and paused campaigns may also be archived directly.';
create type public.campaign_objective as enum ('awareness', 'consideration', 'lead_generation', 'conversion', 'retention', 'launch');
comment on type public.campaign_objective is 'What a marketing campaign is for.';

create table public.campaigns (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  description text,
  objective public.campaign_objective,
  channels public.marketing_channel[] not null default '{}',
  status public.campaign_status not null default 'draft',
  budget_cents bigint not null default 0,
  currency char(3) not null default 'USD',
  start_date date,
  end_date date,
  kpi_targets jsonb not null default '{}'::jsonb,
  auto_managed boolean not null default false,
  owner_id uuid references auth.users (id) on delete set null,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  constraint "campaign names are unique per workspace" unique (workspace_id, name),
  constraint "a campaign name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "a campaign description has at most 5000 characters" check (char_length(description) <= 5000),
  constraint "a campaign budget cannot be negative" check (budget_cents >= 0),
  constraint "currency is a three-letter ISO code" check (currency ~ '^[A-Z]{3}$'),
  constraint "a campaign ends on or after its start" check (end_date is null or start_date is null or end_date >= start_date)
);
comment on table public.campaigns is 'The brand''s marketing initiatives: budget, channels, KPI targets and tasks. Ad campaigns may belong to one (ad_campaigns.campaign_id). Names are unique per workspace.';
comment on column public.campaigns.channels is 'The channels the campaign uses; kept sorted and without duplicates.';
comment on column public.campaigns.budget_cents is 'Total budget for the campaign in currency cents.';
comment on column public.campaigns.kpi_targets is 'Targets, validated: {"target_roas": 3.5, "target_cpa_cents": 2500, "target_cpl_cents": 800, "target_leads": 200, "target_conversions": 50, "target_revenue_cents": 1000000, "target_ctr": 0.015, "target_cvr": 0.03}; every key optional.';
comment on column public.campaigns.auto_managed is 'The autopilot may propose changes to its ad campaigns (pause, budget shifts) as pending approvals.';
comment on column public.campaigns.owner_id is 'The member responsible for the campaign.';
create index campaigns_workspace_status_idx on public.campaigns (workspace_id, status);
create index campaigns_owner_id_idx on public.campaigns (owner_id);
create index campaigns_created_by_idx on public.campaigns (created_by);
create trigger set_updated_at before update on public.campaigns for each row execute function private.set_updated_at();
create trigger stamp_created_by before insert on public.campaigns for each row execute function private.stamp_created_by();
create trigger require_members before insert or update of owner_id on public.campaigns
  for each row execute function private.require_members('owner_id');

-- KPI targets: known keys with numbers in range.
create function private.kpi_targets_problem(p jsonb) returns text
language sql immutable set search_path = '' as $$
  select case
    when p is null or jsonb_typeof(p) <> 'object' then 'must be a JSON object'
    else (
      select string_agg(msg, '; ' order by key) from (
        select e.key, case
          when e.key not in ('target_roas', 'target_cpa_cents', 'target_cpl_cents', 'target_leads', 'target_conversions',
                             'target_revenue_cents', 'target_ctr', 'target_cvr')
            then e.key || ': unknown target (known: target_roas, target_cpa_cents, target_cpl_cents, target_leads, target_conversions, target_revenue_cents, target_ctr, target_cvr)'
          when jsonb_typeof(e.value) <> 'number' then e.key || ': must be a number'
          when e.key in ('target_ctr', 'target_cvr') and (e.value::text::numeric not between 0 and 1)
            then e.key || ': is a ratio between 0 and 1'
          when e.key = 'target_roas' and (e.value::text::numeric <= 0 or e.value::text::numeric > 1000)
            then e.key || ': must be above 0 and at most 1000'
          when e.key in ('target_cpa_cents', 'target_cpl_cents', 'target_leads', 'target_conversions', 'target_revenue_cents')
               and (e.value::text !~ '^\d{1,15}$') then e.key || ': must be a non-negative whole number'
        end as msg
        from jsonb_each(p) e
      ) m where msg is not null
    )
  end
$$;
comment on function private.kpi_targets_problem(jsonb) is 'Validates campaigns.kpi_targets; returns the problems as readable text or null.';
revoke all on function private.kpi_targets_problem(jsonb) from public;
grant execute on function private.kpi_targets_problem(jsonb) to authenticated, service_role;

-- Campaign status changes follow the lifecycle; names are unique (a readable 23505 before the
-- index says so); channels are normalized; KPI targets are validated.
create function private.check_campaign() returns trigger
language plpgsql set search_path = '' as $$
declare
  problem text := private.kpi_targets_problem(new.kpi_targets);
begin
  if problem is not null then
    raise exception 'kpi_targets: %', problem using errcode = '22023';
  end if;
  new.channels := array(select distinct c from unnest(new.channels) c order by c);
  new.name := btrim(new.name);
  if (tg_op = 'INSERT' or new.name is distinct from old.name) and exists (
    select 1 from public.campaigns c where c.workspace_id = new.workspace_id and c.name = new.name and c.id <> new.id
  ) then
    raise exception 'a campaign named "%" already exists in this workspace', new.name using errcode = '23505';
  end if;
  if tg_op = 'UPDATE' and new.status <> old.status and not (
    (old.status = 'draft' and new.status in ('planned', 'active', 'archived'))
    or (old.status = 'planned' and new.status in ('draft', 'active', 'archived'))
    or (old.status = 'active' and new.status in ('paused', 'completed'))
    or (old.status = 'paused' and new.status in ('active', 'completed', 'archived'))
    or (old.status = 'completed' and new.status = 'archived')
  ) then
    raise exception 'a campaign cannot go from % to %', old.status, new.status using errcode = 'PT409',
      hint = 'draft -> planned -> active <-> paused -> completed -> archived';
  end if;
  return new;
end $$;
comment on function private.check_campaign() is 'BEFORE INSERT/UPDATE on campaigns: KPI targets, unique name (23505 with a readable message), status lifecycle (PT409).';
revoke all on function private.check_campaign() from public;
create trigger check_campaign before insert or update on public.campaigns
  for each row execute function private.check_campaign();

-- ===== ad campaigns may belong to a marketing campaign (same workspace, by the composite key)
alter table public.ad_campaigns add column campaign_id uuid;
alter table public.ad_campaigns add constraint ad_campaigns_campaign_id_fkey
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id);
comment on column public.ad_campaigns.campaign_id is 'The marketing campaign (public.campaigns) this ad campaign belongs to, in the same workspace; null when unassigned.';
create index ad_campaigns_campaign_id_idx on public.ad_campaigns (workspace_id, campaign_id);

-- ===== tasks
create type public.task_status as enum ('todo', 'in_progress', 'blocked', 'done', 'cancelled');
comment on type public.task_status is 'A task is open while todo, in_progress or blocked.';
create type public.task_priority as enum ('low', 'medium', 'high', 'urgent');
comment on type public.task_priority is 'Ordered: low < medium < high < urgent.';

create table public.campaign_tasks (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null,
  title text not null,
  description text,
  status public.task_status not null default 'todo',
  priority public.task_priority not null default 'medium',
  assignee_id uuid references auth.users (id) on delete set null,
  due_date date,
  completed_at timestamptz,
  position integer not null default 0,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete cascade,
  constraint "a task title has 1 to 300 characters" check (char_length(btrim(title)) between 1 and 300),
  constraint "a task description has at most 10000 characters" check (char_length(description) <= 10000)
);
comment on table public.campaign_tasks is 'Work items of a marketing campaign. completed_at is set when a task becomes done and cleared when it reopens.';
comment on column public.campaign_tasks.assignee_id is 'A member of the workspace, or null.';
comment on column public.campaign_tasks.position is 'Order within the campaign''s board column, lowest first.';
comment on column public.campaign_tasks.completed_at is 'When the task became done; kept by trigger.';
create index campaign_tasks_campaign_id_idx on public.campaign_tasks (workspace_id, campaign_id, status, position);
-- "My open tasks by due date": only open tasks, which is what the list shows.
create index campaign_tasks_open_by_assignee_idx on public.campaign_tasks (assignee_id, due_date)
  where status in ('todo', 'in_progress', 'blocked');
-- The foreign key's own index: removing a user sets assignee_id null on done tasks too.
create index campaign_tasks_assignee_id_idx on public.campaign_tasks (assignee_id);
create index campaign_tasks_created_by_idx on public.campaign_tasks (created_by);
create trigger set_updated_at before update on public.campaign_tasks for each row execute function private.set_updated_at();
create trigger stamp_created_by before insert on public.campaign_tasks for each row execute function private.stamp_created_by();
create trigger require_members before insert or update of assignee_id on public.campaign_tasks
  for each row execute function private.require_members('assignee_id');

create function private.task_completion() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status = 'done' and (tg_op = 'INSERT' or old.status <> 'done') then
    new.completed_at := now();
  elsif new.status <> 'done' then
    new.completed_at := null;
  elsif tg_op = 'UPDATE' then
    new.completed_at := old.completed_at;
  end if;
  return new;
end $$;
comment on function private.task_completion() is 'BEFORE INSERT/UPDATE on campaign_tasks: completed_at follows status done.';
revoke all on function private.task_completion() from public;
create trigger task_completion before insert or update on public.campaign_tasks
  for each row execute function private.task_completion();

-- ===== historical metrics (channels not on an ad platform, or figures entered by hand)
create table public.campaign_metrics (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null,
  day date not null,
  channel public.marketing_channel not null,
  currency char(3) not null default 'USD',
  spend_cents bigint not null default 0,
  revenue_cents bigint not null default 0,
  impressions bigint not null default 0,
  clicks bigint not null default 0,
  engagements bigint not null default 0,
  leads integer not null default 0,
  conversions numeric(18, 4) not null default 0,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete cascade,
  constraint "one metrics row per campaign, day and channel" unique (campaign_id, day, channel),
  constraint "metric counts and amounts cannot be negative" check (
    spend_cents >= 0 and revenue_cents >= 0 and impressions >= 0 and clicks >= 0 and engagements >= 0
    and leads >= 0 and conversions >= 0),
  constraint "currency is a three-letter ISO code" check (currency ~ '^[A-Z]{3}$'),
  constraint "metadata is a JSON object" check (jsonb_typeof(metadata) = 'object')
);
comment on table public.campaign_metrics is 'Daily figures of a marketing campaign per channel that no ad platform reports (email, events, influencers, organic) or that were entered by hand. Spend of linked ad campaigns comes from ad_metrics_daily; do not copy it here. Upsert on (campaign_id, day, channel).';
comment on column public.campaign_metrics.engagements is 'Likes, shares, replies, opens: interactions short of a click.';
comment on column public.campaign_metrics.conversions is 'Fractional under data-driven attribution.';
create index campaign_metrics_campaign_day_idx on public.campaign_metrics (workspace_id, campaign_id, day);
create trigger set_updated_at before update on public.campaign_metrics for each row execute function private.set_updated_at();

-- ===== predictions
create type public.prediction_metric as enum ('spend_cents', 'revenue_cents', 'roas', 'leads', 'conversions', 'clicks', 'impressions');
comment on type public.prediction_metric is 'What a campaign prediction forecasts.';

create table public.campaign_predictions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null,
  metric public.prediction_metric not null,
  period_start date not null,
  period_end date not null,
  predicted_value numeric(20, 4) not null,
  lower_bound numeric(20, 4),
  upper_bound numeric(20, 4),
  confidence numeric(5, 4),
  model text not null default 'unspecified',
  inputs jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete cascade,
  constraint "one prediction per campaign, metric and period" unique (campaign_id, metric, period_start, period_end),
  constraint "a prediction period ends on or after it starts" check (period_end >= period_start),
  constraint "the prediction lies within its bounds" check (
    (lower_bound is null or lower_bound <= predicted_value) and (upper_bound is null or predicted_value <= upper_bound)),
  constraint "confidence is between 0 and 1" check (confidence between 0 and 1),
  constraint "a model name has 1 to 100 characters" check (char_length(model) between 1 and 100),
  constraint "inputs is a JSON object" check (jsonb_typeof(inputs) = 'object')
);
comment on table public.campaign_predictions is 'AI forecasts of a campaign metric over a period, with an optional interval; regenerating a forecast upserts on (campaign_id, metric, period_start, period_end).';
comment on column public.campaign_predictions.confidence is 'The interval''s confidence level, e.g. 0.9 for a 90% interval.';
comment on column public.campaign_predictions.inputs is 'What the model was given (history window, assumptions).';
create index campaign_predictions_campaign_idx on public.campaign_predictions (workspace_id, campaign_id);
create trigger set_updated_at before update on public.campaign_predictions for each row execute function private.set_updated_at();

-- ===== generated content
create type public.generated_content_type as enum (
  'ad_copy', 'email', 'social_post', 'blog_post', 'landing_page', 'video_script', 'sms', 'product_description');
comment on type public.generated_content_type is 'What a generated content piece (or template) is for.';
create type public.content_status as enum ('draft', 'approved', 'rejected', 'published', 'archived');
comment on type public.content_status is 'Review state of a content piece.';

create table public.generated_content (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid,
  content_type public.generated_content_type not null,
  channel public.marketing_channel,
  title text,
  body text not null,
  prompt text,
  model text,
  status public.content_status not null default 'draft',
  cost_micros bigint not null default 0,
  metadata jsonb not null default '{}'::jsonb,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  constraint "a content title has at most 300 characters" check (char_length(title) <= 300),
  constraint "content has 1 to 100000 characters" check (char_length(body) between 1 and 100000),
  constraint "a prompt has at most 20000 characters" check (char_length(prompt) <= 20000),
  constraint "a model name has at most 100 characters" check (char_length(model) <= 100),
  constraint "cost cannot be negative" check (cost_micros >= 0),
  constraint "metadata is a JSON object" check (jsonb_typeof(metadata) = 'object')
);
comment on table public.generated_content is 'AI-generated content pieces (003''s generated_content_pieces), optionally for a campaign, reviewed before use.';
comment on column public.generated_content.cost_micros is 'What generating it cost, in millionths of the currency unit.';
comment on column public.generated_content.metadata is 'Generation parameters (tone, length, variants).';
create index generated_content_campaign_idx on public.generated_content (workspace_id, campaign_id);
create index generated_content_workspace_created_idx on public.generated_content (workspace_id, created_at desc);
create index generated_content_created_by_idx on public.generated_content (created_by);
create trigger set_updated_at before update on public.generated_content for each row execute function private.set_updated_at();
create trigger stamp_created_by before insert on public.generated_content for each row execute function private.stamp_created_by();

-- ===== access: viewers read, members write day-to-day data
alter table public.campaigns enable row level security;
alter table public.campaign_tasks enable row level security;
alter table public.campaign_metrics enable row level security;
alter table public.campaign_predictions enable row level security;
alter table public.generated_content enable row level security;
grant select, insert, update, delete on public.campaigns, public.campaign_tasks, public.campaign_metrics,
  public.campaign_predictions, public.generated_content to authenticated;
grant all on public.campaigns, public.campaign_tasks, public.campaign_metrics, public.campaign_predictions,
  public.generated_content to service_role;
select private.tenant_policies('public.campaigns', 'viewer', 'member');
select private.tenant_policies('public.campaign_tasks', 'viewer', 'member');
select private.tenant_policies('public.campaign_metrics', 'viewer', 'member');
select private.tenant_policies('public.campaign_predictions', 'viewer', 'member');
select private.tenant_policies('public.generated_content', 'viewer', 'member');

alter publication supabase_realtime add table public.campaigns, public.campaign_tasks;
