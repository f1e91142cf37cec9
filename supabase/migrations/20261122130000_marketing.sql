-- Marketing campaigns: the brand's own initiatives (budget, channels, KPI targets, tasks), their
-- historical metrics, AI predictions and generated content. Ad campaigns (what the ad platforms
-- run) may belong to one through ad_campaigns.campaign_id. Also: leads with scoring, content,
-- email, strategy documents, onboarding and feature tours.

-- ===== shared row helpers for the marketing and automation domains
-- created_by is the caller for signed-in users, whatever the client sent.
create function private.stamp_created_by() returns trigger
language plpgsql set search_path = '' as $$
begin
  if private.is_end_user() then
    new := jsonb_populate_record(new, jsonb_build_object('created_by', (select auth.uid())));
  end if;
  return new;
end $$;
comment on function private.stamp_created_by() is 'BEFORE INSERT trigger: a signed-in user is always recorded as created_by (service_role and cron may name someone).';

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

-- ===== campaigns
-- Channels are public.marketing_channel, the one vocabulary shared with attribution.
create type public.campaign_status as enum ('draft', 'planned', 'active', 'paused', 'completed', 'archived');

comment on type public.campaign_status is 'draft -> planned -> active <-> paused -> completed -> archived; draft, planned and paused campaigns may also be archived directly.';

create type public.campaign_objective as enum (
  'awareness', 'consideration', 'lead_generation', 'conversion', 'retention', 'launch'
);

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
alter table public.campaigns enable row level security;
grant select, insert, update, delete on public.campaigns to authenticated;
alter publication supabase_realtime add table public.campaigns;
select private.install_row_triggers('public.campaigns');
select private.tenant_policies('public.campaigns', 'viewer', 'member');

-- An ad campaign may belong to a marketing campaign (same workspace, by the composite key).
alter table public.ad_campaigns add constraint ad_campaigns_campaign_id_fkey
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id);

create index campaigns_workspace_status_idx on public.campaigns (workspace_id, status);

create index campaigns_owner_id_idx on public.campaigns (owner_id);

create index campaigns_created_by_idx on public.campaigns (created_by);

create trigger stamp_created_by before insert on public.campaigns for each row execute function private.stamp_created_by();

create trigger require_members before insert or update of owner_id on public.campaigns
  for each row execute function private.require_members('owner_id');
select private.exempt_user_deletion('public.campaigns', 'require_members');

-- KPI targets: known keys with numbers in range.
create function private.kpi_targets_problem(p_targets jsonb) returns text
language sql immutable set search_path = '' as $$
  select case
    when p_targets is null or jsonb_typeof(p_targets) <> 'object' then 'must be a JSON object'
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
        from jsonb_each(p_targets) e
      ) m where msg is not null
    )
  end
$$;
comment on function private.kpi_targets_problem(jsonb) is 'Validates campaigns.kpi_targets; returns the problems as readable text or null.';
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

create trigger check_campaign before insert or update on public.campaigns
  for each row execute function private.check_campaign();
select private.exempt_user_deletion('public.campaigns', 'check_campaign');

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
alter table public.campaign_tasks enable row level security;
grant select, insert, update, delete on public.campaign_tasks to authenticated;
alter publication supabase_realtime add table public.campaign_tasks;
select private.install_row_triggers('public.campaign_tasks');
select private.tenant_policies('public.campaign_tasks', 'viewer', 'member');

create index campaign_tasks_campaign_id_idx on public.campaign_tasks (workspace_id, campaign_id, status, position);

-- "My open tasks by due date": only open tasks, which is what the list shows.
create index campaign_tasks_open_by_assignee_idx on public.campaign_tasks (assignee_id, due_date)
  where status in ('todo', 'in_progress', 'blocked');

-- The foreign key's own index: removing a user sets assignee_id null on done tasks too.
create index campaign_tasks_assignee_id_idx on public.campaign_tasks (assignee_id);

create index campaign_tasks_created_by_idx on public.campaign_tasks (created_by);

create trigger stamp_created_by before insert on public.campaign_tasks for each row execute function private.stamp_created_by();

create trigger require_members before insert or update of assignee_id on public.campaign_tasks
  for each row execute function private.require_members('assignee_id');
select private.exempt_user_deletion('public.campaign_tasks', 'require_members');

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

create trigger task_completion before insert or update on public.campaign_tasks
  for each row execute function private.task_completion();
select private.exempt_user_deletion('public.campaign_tasks', 'task_completion');

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
alter table public.campaign_metrics enable row level security;
grant select, insert, update, delete on public.campaign_metrics to authenticated;
select private.install_row_triggers('public.campaign_metrics');
select private.tenant_policies('public.campaign_metrics', 'viewer', 'member');

create index campaign_metrics_campaign_day_idx on public.campaign_metrics (workspace_id, campaign_id, day);

-- ===== predictions
create type public.prediction_metric as enum (
  'spend_cents', 'revenue_cents', 'roas', 'leads', 'conversions', 'clicks', 'impressions'
);

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
alter table public.campaign_predictions enable row level security;
grant select, insert, update, delete on public.campaign_predictions to authenticated;
select private.install_row_triggers('public.campaign_predictions');
select private.tenant_policies('public.campaign_predictions', 'viewer', 'member');

create index campaign_predictions_campaign_idx on public.campaign_predictions (workspace_id, campaign_id);

-- ===== generated content
create type public.generated_content_type as enum (
  'ad_copy', 'email', 'social_post', 'blog_post', 'landing_page', 'video_script', 'sms',
  'product_description'
);

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
alter table public.generated_content enable row level security;
grant select, insert, update, delete on public.generated_content to authenticated;
select private.install_row_triggers('public.generated_content');
select private.tenant_policies('public.generated_content', 'viewer', 'member');

create index generated_content_campaign_idx on public.generated_content (workspace_id, campaign_id);

create index generated_content_workspace_created_idx on public.generated_content (workspace_id, created_at desc);

create index generated_content_created_by_idx on public.generated_content (created_by);

create trigger stamp_created_by before insert on public.generated_content for each row execute function private.stamp_created_by();

-- Leads: the workspace's prospects, their activities (email opens and clicks, forms, calls ...)
-- and scoring rules. A lead's score is kept by triggers and always equals a full recomputation:
--   score = sum over the workspace's active rules of
--           points x min(number of the lead's activities the rule matches, max_occurrences)
-- A rule matches an activity when its activity_type is null or equal, and its conditions (the
-- shared condition language, private.conditions_match) hold for the activity's subject
-- {"activity_type": ..., "occurred_at": ..., "data": <activity_data>}.
-- Activities changing rescore their leads; rules changing rescore their workspace's leads.
-- From 003's leads, lead_activities and lead_scoring_rules.
create type public.lead_source as enum (
  'website', 'form', 'ads', 'email', 'social', 'referral', 'event', 'chat', 'import', 'api', 'manual',
  'other'
);

comment on type public.lead_source is 'Where a lead came from.';

create type public.lead_status as enum (
  'new', 'contacted', 'qualified', 'nurturing', 'converted', 'unqualified', 'lost'
);

comment on type public.lead_status is 'Pipeline state of a lead; converted sets converted_at.';

create type public.lead_activity_type as enum (
  'email_sent', 'email_open', 'email_click', 'email_reply', 'email_bounce', 'unsubscribe',
  'form_submit', 'page_view', 'download', 'demo_request', 'call', 'meeting', 'chat', 'purchase',
  'note', 'other'
);

comment on type public.lead_activity_type is 'Kinds of interaction recorded on a lead.';

create table public.leads (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  email text,
  first_name text,
  last_name text,
  company text,
  job_title text,
  phone text,
  source public.lead_source not null default 'manual',
  status public.lead_status not null default 'new',
  score integer not null default 0,
  score_updated_at timestamptz,
  last_activity_at timestamptz,
  converted_at timestamptz,
  campaign_id uuid,
  owner_id uuid references auth.users (id) on delete set null,
  tags text[] not null default '{}',
  notes text,
  custom_fields jsonb not null default '{}'::jsonb,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  constraint "a lead with this email already exists in this workspace" unique (workspace_id, email),
  constraint "email is a valid address" check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 320),
  constraint "a lead has an email, a phone or a name" check (
    email is not null or phone is not null or coalesce(first_name, last_name, company) is not null),
  constraint "names, company and title have at most 200 characters" check (
    char_length(first_name) <= 200 and char_length(last_name) <= 200 and char_length(company) <= 200
    and char_length(job_title) <= 200),
  constraint "phone has at most 40 characters" check (char_length(phone) <= 40),
  constraint "at most 50 tags of at most 64 characters" check (
    cardinality(tags) <= 50 and char_length(array_to_string(tags, '')) <= 50 * 64),
  constraint "notes have at most 20000 characters" check (char_length(notes) <= 20000),
  constraint "custom_fields is a JSON object" check (jsonb_typeof(custom_fields) = 'object')
);
comment on table public.leads is 'Prospects of a workspace. score, score_updated_at and last_activity_at are kept by triggers from lead_activities and lead_scoring_rules and cannot be written through the API.';
comment on column public.leads.email is 'Stored trimmed and lowercase; unique per workspace.';
comment on column public.leads.score is 'Sum over active scoring rules of points x min(matching activities, max_occurrences). Equal to private.lead_scores() at all times.';
comment on column public.leads.score_updated_at is 'When the score last changed.';
comment on column public.leads.last_activity_at is 'occurred_at of the latest activity.';
comment on column public.leads.converted_at is 'When the lead first became converted.';
comment on column public.leads.campaign_id is 'The marketing campaign that brought the lead in.';
comment on column public.leads.owner_id is 'The member working the lead.';
alter table public.leads enable row level security;
grant select, delete on public.leads to authenticated;
grant insert (id, workspace_id, email, first_name, last_name, company, job_title, phone, source, status, converted_at, campaign_id, owner_id, tags, notes, custom_fields, created_by) on public.leads to authenticated;
grant update (email, first_name, last_name, company, job_title, phone, source, status, converted_at, campaign_id, owner_id, tags, notes, custom_fields) on public.leads to authenticated;
alter publication supabase_realtime add table public.leads;
select private.install_row_triggers('public.leads');
select private.tenant_policies('public.leads', 'viewer', 'member');

create index leads_workspace_status_score_idx on public.leads (workspace_id, status, score desc);

create index leads_workspace_created_idx on public.leads (workspace_id, created_at desc);

create index leads_campaign_id_idx on public.leads (workspace_id, campaign_id);

create index leads_owner_id_idx on public.leads (owner_id);

create index leads_created_by_idx on public.leads (created_by);

create trigger stamp_created_by before insert on public.leads for each row execute function private.stamp_created_by();

create trigger require_members before insert or update of owner_id on public.leads
  for each row execute function private.require_members('owner_id');
select private.exempt_user_deletion('public.leads', 'require_members');

create function private.normalize_lead() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.email := nullif(lower(btrim(new.email)), '');
  -- Computed columns: a new lead has no activities yet; afterwards only the rescoring
  -- (private.apply_lead_scores, which sets growthbase.rescoring) moves them, whoever updates.
  if tg_op = 'INSERT' then
    new.score := 0;
    new.score_updated_at := null;
    new.last_activity_at := null;
  elsif coalesce(current_setting('growthbase.rescoring', true), '') <> 'on' then
    new.score := old.score;
    new.score_updated_at := old.score_updated_at;
    new.last_activity_at := old.last_activity_at;
  end if;
  new.tags := array(select distinct btrim(t) from unnest(new.tags) t where btrim(t) <> '' order by 1);
  if new.status = 'converted' and (tg_op = 'INSERT' or old.status <> 'converted') then
    new.converted_at := coalesce(new.converted_at, now());
  end if;
  if new.email is not null and (tg_op = 'INSERT' or new.email is distinct from old.email) and exists (
    select 1 from public.leads l where l.workspace_id = new.workspace_id and l.email = new.email and l.id <> new.id
  ) then
    raise exception 'a lead with the email % already exists in this workspace', new.email using errcode = '23505';
  end if;
  return new;
end $$;
comment on function private.normalize_lead() is 'BEFORE INSERT/UPDATE on leads: lowercase email (23505 with a readable message when taken), clean tags, converted_at; score and last_activity_at only move through private.apply_lead_scores().';

create trigger normalize_lead before insert or update on public.leads
  for each row execute function private.normalize_lead();
select private.exempt_user_deletion('public.leads', 'normalize_lead');

create table public.lead_activities (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  lead_id uuid not null,
  activity_type public.lead_activity_type not null,
  occurred_at timestamptz not null default now(),
  activity_data jsonb not null default '{}'::jsonb,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  foreign key (workspace_id, lead_id) references public.leads (workspace_id, id) on delete cascade,
  constraint "activity_data is a JSON object of at most 16 kB" check (
    jsonb_typeof(activity_data) = 'object' and octet_length(activity_data::text) <= 16384)
);
comment on table public.lead_activities is 'Interaction history of a lead. Inserting, changing or deleting activities rescores their leads.';
comment on column public.lead_activities.activity_data is 'Details scoring rules and workflows can test, e.g. {"url": "/pricing", "subject": "..."}; addressed as data.<key> in conditions.';
alter table public.lead_activities enable row level security;
grant select, insert, update, delete on public.lead_activities to authenticated;
select private.install_row_triggers('public.lead_activities');
select private.tenant_policies('public.lead_activities', 'viewer', 'member');

create index lead_activities_lead_idx on public.lead_activities (workspace_id, lead_id, occurred_at desc);

create index lead_activities_workspace_occurred_idx on public.lead_activities (workspace_id, occurred_at desc);

create index lead_activities_created_by_idx on public.lead_activities (created_by);

create trigger stamp_created_by before insert on public.lead_activities for each row execute function private.stamp_created_by();

create table public.lead_scoring_rules (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  description text,
  activity_type public.lead_activity_type,
  conditions jsonb not null default '[]'::jsonb,
  points integer not null,
  max_occurrences integer,
  active boolean not null default true,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "scoring rule names are unique per workspace" unique (workspace_id, name),
  constraint "a rule name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "a rule description has at most 2000 characters" check (char_length(description) <= 2000),
  constraint "points are between -1000 and 1000 and not 0" check (points between -1000 and 1000 and points <> 0),
  constraint "max_occurrences is between 1 and 1000" check (max_occurrences between 1 and 1000)
);
comment on table public.lead_scoring_rules is 'How activities score leads: each matching activity adds points, at most max_occurrences times per lead. Any change rescores the workspace''s leads.';
comment on column public.lead_scoring_rules.activity_type is 'The activity type the rule applies to; null for every type.';
comment on column public.lead_scoring_rules.conditions is 'Condition list (private.conditions_problem validates it) evaluated against {"activity_type", "occurred_at", "data": activity_data}; [] matches every activity of the type.';
comment on column public.lead_scoring_rules.points is 'Added per matching activity; negative for signals like unsubscribes.';
comment on column public.lead_scoring_rules.max_occurrences is 'Counts at most this many matching activities per lead; null for no cap.';
alter table public.lead_scoring_rules enable row level security;
grant select, insert, update, delete on public.lead_scoring_rules to authenticated;
select private.install_row_triggers('public.lead_scoring_rules');
select private.tenant_policies('public.lead_scoring_rules', 'viewer', 'member');

create index lead_scoring_rules_workspace_idx on public.lead_scoring_rules (workspace_id) where active;

create index lead_scoring_rules_created_by_idx on public.lead_scoring_rules (created_by);

create trigger stamp_created_by before insert on public.lead_scoring_rules for each row execute function private.stamp_created_by();

create trigger check_rule_conditions before insert or update of conditions on public.lead_scoring_rules
  for each row execute function private.check_rule_conditions();

-- ===== scoring
-- What conditions see of an activity.
create function private.lead_activity_subject(p_type public.lead_activity_type, p_occurred_at timestamptz, p_data jsonb)
returns jsonb
language sql immutable parallel safe set search_path = '' as $$
  select jsonb_build_object('activity_type', p_type, 'occurred_at', p_occurred_at, 'data', p_data)
$$;
comment on function private.lead_activity_subject(public.lead_activity_type, timestamp with time zone, jsonb) is 'The object scoring-rule conditions are evaluated against for one activity.';
grant execute on function private.lead_activity_subject(public.lead_activity_type, timestamp with time zone, jsonb) to authenticated, service_role;

-- The full recomputation: each listed lead's score from scratch.
create function private.lead_scores(p_lead_ids uuid[])
returns table (lead_id uuid, score integer, last_activity_at timestamptz)
language sql stable security definer set search_path = '' as $$
  select l.id,
         greatest(least(coalesce((
           select sum(x.pts) from (
             select r.points::bigint * least(count(*), coalesce(r.max_occurrences, count(*))) as pts
             from public.lead_scoring_rules r
             join public.lead_activities a
               on a.workspace_id = l.workspace_id and a.lead_id = l.id
              and (r.activity_type is null or a.activity_type = r.activity_type)
             where r.workspace_id = l.workspace_id and r.active
               and (r.conditions = '[]'::jsonb
                    or private.conditions_match(r.conditions, private.lead_activity_subject(a.activity_type, a.occurred_at, a.activity_data)))
             group by r.id, r.points, r.max_occurrences
           ) x), 0), 2147483647), -2147483648)::integer,
         (select max(a.occurred_at) from public.lead_activities a where a.workspace_id = l.workspace_id and a.lead_id = l.id)
  from public.leads l
  where l.id = any (p_lead_ids)
$$;
comment on function private.lead_scores(uuid[]) is 'Recomputes the listed leads'' scores (and latest activity) from scratch; the triggers store exactly this.';
grant execute on function private.lead_scores(uuid[]) to service_role;

create function private.apply_lead_scores(p_lead_ids uuid[]) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  perform set_config('growthbase.rescoring', 'on', true);
  update public.leads l set
    score = s.score,
    score_updated_at = case when l.score is distinct from s.score then now() else l.score_updated_at end,
    last_activity_at = s.last_activity_at
  from private.lead_scores(p_lead_ids) s
  where l.id = s.lead_id
    and (l.score is distinct from s.score or l.last_activity_at is distinct from s.last_activity_at);
  get diagnostics n = row_count;
  perform set_config('growthbase.rescoring', 'off', true);
  return n;
end $$;
comment on function private.apply_lead_scores(uuid[]) is 'Stores private.lead_scores() for the listed leads where it differs; returns how many leads changed.';
grant execute on function private.apply_lead_scores(uuid[]) to service_role;

create function private.rescore_activity_leads() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  ids uuid[];
begin
  if tg_op = 'INSERT' then
    ids := array(select distinct n.lead_id from new_rows n);
  elsif tg_op = 'DELETE' then
    ids := array(select distinct o.lead_id from old_rows o);
  else
    ids := array(select n.lead_id from new_rows n union select o.lead_id from old_rows o);
  end if;
  perform private.apply_lead_scores(ids);
  return null;
end $$;
comment on function private.rescore_activity_leads() is 'Statement trigger on lead_activities: rescores every lead whose activities were inserted, changed or deleted.';

create trigger rescore_leads_ins after insert on public.lead_activities
  referencing new table as new_rows for each statement execute function private.rescore_activity_leads();

create trigger rescore_leads_upd after update on public.lead_activities
  referencing new table as new_rows old table as old_rows for each statement execute function private.rescore_activity_leads();

create trigger rescore_leads_del after delete on public.lead_activities
  referencing old table as old_rows for each statement execute function private.rescore_activity_leads();

create function private.rescore_rule_workspaces() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  ws uuid[];
begin
  if tg_op = 'INSERT' then
    ws := array(select distinct n.workspace_id from new_rows n where n.active);
  elsif tg_op = 'DELETE' then
    ws := array(select distinct o.workspace_id from old_rows o where o.active);
  else
    -- only changes that can move a score
    ws := array(
      select distinct n.workspace_id from new_rows n join old_rows o on o.id = n.id
      where (n.active or o.active)
        and (n.active, n.points, n.max_occurrences, n.activity_type, n.conditions)
            is distinct from (o.active, o.points, o.max_occurrences, o.activity_type, o.conditions));
  end if;
  if cardinality(ws) > 0 then
    perform private.apply_lead_scores(array(select l.id from public.leads l where l.workspace_id = any (ws)));
  end if;
  return null;
end $$;
comment on function private.rescore_rule_workspaces() is 'Statement trigger on lead_scoring_rules: rescores every lead of a workspace whose scoring rules changed in a way that can move a score.';

create trigger rescore_rules_ins after insert on public.lead_scoring_rules
  referencing new table as new_rows for each statement execute function private.rescore_rule_workspaces();

create trigger rescore_rules_upd after update on public.lead_scoring_rules
  referencing new table as new_rows old table as old_rows for each statement execute function private.rescore_rule_workspaces();

create trigger rescore_rules_del after delete on public.lead_scoring_rules
  referencing old table as old_rows for each statement execute function private.rescore_rule_workspaces();

-- campaign_performance_monitor: one row per marketing campaign with what it spent and earned
-- (its ad campaigns' campaign-level ad_metrics_daily plus its own campaign_metrics), ROAS
-- against its target, budget use, leads and task health. A view over the live tables (003's
-- "real-time monitoring" table becomes a query), run with the caller's rights so RLS applies.
create view public.campaign_performance_monitor with (security_invoker = true) as
select
  c.workspace_id,
  c.id as campaign_id,
  c.name,
  c.status,
  c.auto_managed,
  c.currency,
  c.budget_cents,
  c.start_date,
  c.end_date,
  coalesce(ad.ad_campaigns, 0) as ad_campaigns,
  coalesce(ad.spend, 0)::bigint as ad_spend_cents,
  coalesce(ad.revenue, 0)::bigint as ad_revenue_cents,
  coalesce(own.spend, 0)::bigint as other_spend_cents,
  coalesce(own.revenue, 0)::bigint as other_revenue_cents,
  (coalesce(ad.spend, 0) + coalesce(own.spend, 0))::bigint as spend_cents,
  (coalesce(ad.revenue, 0) + coalesce(own.revenue, 0))::bigint as revenue_cents,
  coalesce(ad.conversions, 0) + coalesce(own.conversions, 0) as conversions,
  case when coalesce(ad.spend, 0) + coalesce(own.spend, 0) > 0
       then round((coalesce(ad.revenue, 0) + coalesce(own.revenue, 0))::numeric
                  / (coalesce(ad.spend, 0) + coalesce(own.spend, 0)), 4) end as roas,
  (c.kpi_targets ->> 'target_roas')::numeric as target_roas,
  case when c.budget_cents > 0
       then round((coalesce(ad.spend, 0) + coalesce(own.spend, 0))::numeric / c.budget_cents, 4) end as budget_used,
  coalesce(ld.leads, 0) as leads,
  coalesce(ld.converted, 0) as converted_leads,
  coalesce(tk.open_tasks, 0) as open_tasks,
  coalesce(tk.overdue_tasks, 0) as overdue_tasks,
  coalesce(tk.done_tasks, 0) as done_tasks
from public.campaigns c
left join lateral (
  select count(distinct ac.id)::integer as ad_campaigns, sum(m.spend_cents) as spend, sum(m.revenue_cents) as revenue,
         sum(m.conversions) as conversions
  from public.ad_campaigns ac
  left join public.ad_metrics_daily m
    on m.workspace_id = ac.workspace_id and m.campaign_id = ac.id and m.level = 'campaign'
  where ac.workspace_id = c.workspace_id and ac.campaign_id = c.id
) ad on true
left join lateral (
  select sum(cm.spend_cents) as spend, sum(cm.revenue_cents) as revenue, sum(cm.conversions) as conversions
  from public.campaign_metrics cm
  where cm.workspace_id = c.workspace_id and cm.campaign_id = c.id
) own on true
left join lateral (
  select count(*)::integer as leads, (count(*) filter (where l.status = 'converted'))::integer as converted
  from public.leads l
  where l.workspace_id = c.workspace_id and l.campaign_id = c.id
) ld on true
left join lateral (
  select (count(*) filter (where t.status in ('todo', 'in_progress', 'blocked')))::integer as open_tasks,
         (count(*) filter (where t.status in ('todo', 'in_progress', 'blocked') and t.due_date < current_date))::integer
           as overdue_tasks,
         (count(*) filter (where t.status = 'done'))::integer as done_tasks
  from public.campaign_tasks t
  where t.workspace_id = c.workspace_id and t.campaign_id = c.id
) tk on true;
comment on view public.campaign_performance_monitor is 'Per marketing campaign: spend and revenue (linked ad campaigns'' campaign-level metrics + campaign_metrics), ROAS (NULL without spend) against kpi_targets.target_roas, budget_used = spend / budget (NULL without budget), leads, and open/overdue/done tasks (overdue: open with due_date before today). Runs with the caller''s rights.';
grant select on public.campaign_performance_monitor to authenticated;

-- Content and email: the content calendar, digital and brand assets, content and proposal
-- templates, email templates, contacts and lists, email campaigns and email automation rules.
-- From 003's content_calendar, digital_assets, brand_assets, content_templates,
-- proposal_templates (a template kind here), email_templates, email_contacts, email_campaigns
-- and email_automation_rules. Sending is not here: email dispatch is a queue worker.

-- {{ name }} placeholders of a template body, sorted and distinct.
create function private.template_variables(p_texts text[]) returns text[]
language sql immutable set search_path = '' as $$
  select coalesce(array_agg(distinct m[1] order by m[1]), '{}')
  from unnest(p_texts) t, regexp_matches(coalesce(t, ''), '\{\{\s*([A-Za-z_][A-Za-z0-9_.]{0,63})\s*\}\}', 'g') m
$$;
comment on function private.template_variables(text[]) is 'The distinct {{ variable }} names used in the given texts, sorted.';
grant execute on function private.template_variables(text[]) to authenticated, service_role;

-- ===== content calendar
create type public.calendar_status as enum (
  'idea', 'planned', 'in_progress', 'scheduled', 'published', 'cancelled'
);

comment on type public.calendar_status is 'Where a calendar entry stands; published sets published_at.';

create table public.content_calendar (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  title text not null,
  description text,
  content_type public.generated_content_type not null,
  channel public.marketing_channel,
  status public.calendar_status not null default 'idea',
  scheduled_for timestamptz,
  published_at timestamptz,
  campaign_id uuid,
  generated_content_id uuid,
  assignee_id uuid references auth.users (id) on delete set null,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  foreign key (workspace_id, generated_content_id) references public.generated_content (workspace_id, id)
    on delete set null (generated_content_id),
  constraint "a calendar title has 1 to 300 characters" check (char_length(btrim(title)) between 1 and 300),
  constraint "a calendar description has at most 10000 characters" check (char_length(description) <= 10000),
  constraint "a scheduled entry has a date" check (status <> 'scheduled' or scheduled_for is not null)
);
comment on table public.content_calendar is 'Publishing plan: what goes out on which channel when, optionally for a campaign and from a generated content piece.';
comment on column public.content_calendar.published_at is 'Set when the entry becomes published.';
alter table public.content_calendar enable row level security;
grant select, insert, update, delete on public.content_calendar to authenticated;
select private.install_row_triggers('public.content_calendar');
select private.tenant_policies('public.content_calendar', 'viewer', 'member');

create index content_calendar_workspace_scheduled_idx on public.content_calendar (workspace_id, scheduled_for);

create index content_calendar_campaign_idx on public.content_calendar (workspace_id, campaign_id);

create index content_calendar_generated_content_idx on public.content_calendar (workspace_id, generated_content_id);

create index content_calendar_assignee_id_idx on public.content_calendar (assignee_id);

create index content_calendar_created_by_idx on public.content_calendar (created_by);

create trigger stamp_created_by before insert on public.content_calendar for each row execute function private.stamp_created_by();

create trigger require_members before insert or update of assignee_id on public.content_calendar
  for each row execute function private.require_members('assignee_id');
select private.exempt_user_deletion('public.content_calendar', 'require_members');

create function private.calendar_published() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
    new.published_at := coalesce(new.published_at, now());
  end if;
  return new;
end $$;
comment on function private.calendar_published() is 'BEFORE INSERT/UPDATE on content_calendar: published_at when an entry is published.';

create trigger calendar_published before insert or update on public.content_calendar
  for each row execute function private.calendar_published();
select private.exempt_user_deletion('public.content_calendar', 'calendar_published');

-- ===== digital assets (files in Storage) and brand assets
create type public.asset_kind as enum ('image', 'video', 'audio', 'document', 'other');

comment on type public.asset_kind is 'What kind of file a digital asset is.';

create table public.digital_assets (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  kind public.asset_kind not null,
  storage_path text not null,
  mime_type text not null,
  size_bytes bigint not null default 0,
  width integer,
  height integer,
  duration_seconds numeric(10, 3),
  alt_text text,
  tags text[] not null default '{}',
  campaign_id uuid,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  constraint "an asset path is used once" unique (storage_path),
  constraint "an asset name has 1 to 300 characters" check (char_length(btrim(name)) between 1 and 300),
  constraint "the storage path starts with the workspace id" check (
    storage_path like workspace_id::text || '/_%' and char_length(storage_path) <= 1024),
  constraint "mime_type looks like type/subtype" check (mime_type ~ '^[a-z]+/[a-zA-Z0-9.+-]+$'),
  constraint "size and dimensions cannot be negative" check (
    size_bytes >= 0 and coalesce(width, 0) >= 0 and coalesce(height, 0) >= 0 and coalesce(duration_seconds, 0) >= 0),
  constraint "alt text has at most 1000 characters" check (char_length(alt_text) <= 1000),
  constraint "at most 50 tags" check (cardinality(tags) <= 50)
);
comment on table public.digital_assets is 'Uploaded files (images, videos, documents) used in campaigns; the file itself is in Storage at storage_path, which starts with the workspace id.';
comment on column public.digital_assets.storage_path is '<workspace_id>/<...>: the object''s path in its bucket.';
alter table public.digital_assets enable row level security;
grant select, insert, update, delete on public.digital_assets to authenticated;
select private.install_row_triggers('public.digital_assets');
select private.tenant_policies('public.digital_assets', 'viewer', 'member');

create index digital_assets_workspace_kind_idx on public.digital_assets (workspace_id, kind);

create index digital_assets_campaign_idx on public.digital_assets (workspace_id, campaign_id);

create index digital_assets_created_by_idx on public.digital_assets (created_by);

create trigger stamp_created_by before insert on public.digital_assets for each row execute function private.stamp_created_by();

create type public.brand_asset_kind as enum (
  'logo', 'color', 'font', 'tagline', 'tone_of_voice', 'guideline', 'imagery'
);

comment on type public.brand_asset_kind is 'Parts of a brand identity. color: value {"hex": "#RRGGBB"}; font: {"family": "..."}; tagline and tone_of_voice: {"text": "..."}; logo, guideline and imagery: a digital asset or {"url": "..."}.';

create table public.brand_assets (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  kind public.brand_asset_kind not null,
  name text not null,
  value jsonb not null default '{}'::jsonb,
  digital_asset_id uuid,
  is_primary boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, digital_asset_id) references public.digital_assets (workspace_id, id) on delete set null (digital_asset_id),
  constraint "brand asset names are unique per kind" unique (workspace_id, kind, name),
  constraint "a brand asset name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200)
);
comment on table public.brand_assets is 'The brand identity: logos, colors, fonts, taglines, tone of voice, guidelines. At most one primary asset per kind; value is validated per kind (see the brand_asset_kind type).';
comment on column public.brand_assets.value is 'Kind-specific details, validated by private.check_brand_asset().';
alter table public.brand_assets enable row level security;
grant select, insert, update, delete on public.brand_assets to authenticated;
select private.install_row_triggers('public.brand_assets');
select private.tenant_policies('public.brand_assets', 'viewer', 'member');

create index brand_assets_digital_asset_idx on public.brand_assets (workspace_id, digital_asset_id);

create unique index brand_assets_one_primary_per_kind on public.brand_assets (workspace_id, kind) where is_primary;

create function private.check_brand_asset() returns trigger
language plpgsql set search_path = '' as $$
declare
  v jsonb := new.value;
  problem text;
begin
  problem := case
    when jsonb_typeof(v) is distinct from 'object' then 'must be a JSON object'
    when octet_length(v::text) > 8192 then 'is larger than 8 kB'
    when new.kind = 'color' and coalesce(v ->> 'hex', '') !~ '^#[0-9A-Fa-f]{6}$' then 'hex: a color needs "#RRGGBB"'
    when new.kind = 'font' and coalesce(btrim(v ->> 'family'), '') = '' then 'family: a font needs a family name'
    when new.kind in ('tagline', 'tone_of_voice') and coalesce(btrim(v ->> 'text'), '') = ''
      then 'text: a ' || replace(new.kind::text, '_', ' ') || ' needs text'
    when new.kind in ('logo', 'guideline', 'imagery') and new.digital_asset_id is null
         and coalesce(v ->> 'url', '') !~ '^https?://' then 'url: link a digital asset or give an http(s) url'
  end;
  if problem is not null then
    raise exception 'value.%', problem using errcode = '22023';
  end if;
  if new.is_primary and exists (select 1 from public.brand_assets b where b.workspace_id = new.workspace_id
                                and b.kind = new.kind and b.is_primary and b.id <> new.id) then
    raise exception 'there already is a primary %; unset it first', replace(new.kind::text, '_', ' ') using errcode = '23505';
  end if;
  return new;
end $$;
comment on function private.check_brand_asset() is 'BEFORE INSERT/UPDATE on brand_assets: validates value per kind (22023) and one primary per kind (23505).';

create trigger check_brand_asset before insert or update on public.brand_assets
  for each row execute function private.check_brand_asset();

-- ===== templates
create type public.template_kind as enum ('content', 'proposal');

comment on type public.template_kind is 'content: reusable copy for a content type; proposal: a sales proposal (003''s proposal_templates) with sections.';

create table public.content_templates (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  kind public.template_kind not null default 'content',
  content_type public.generated_content_type,
  name text not null,
  description text,
  body text not null,
  sections jsonb not null default '[]'::jsonb,
  variables text[] not null default '{}',
  is_active boolean not null default true,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "template names are unique per kind" unique (workspace_id, kind, name),
  constraint "a template name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "a template description has at most 2000 characters" check (char_length(description) <= 2000),
  constraint "a template body has at most 100000 characters" check (char_length(body) <= 100000),
  constraint "a content template names its content type" check (kind <> 'content' or content_type is not null)
);
comment on table public.content_templates is 'Reusable content and proposal templates with {{ variable }} placeholders.';
comment on column public.content_templates.sections is 'Proposal sections: [{"title": "...", "body": "..."}] (at most 50); [] for content templates.';
comment on column public.content_templates.variables is 'The {{ variable }} names used in body and sections, kept by trigger.';
alter table public.content_templates enable row level security;
grant select, insert, update, delete on public.content_templates to authenticated;
select private.install_row_triggers('public.content_templates');
select private.tenant_policies('public.content_templates', 'viewer', 'member');

create index content_templates_workspace_kind_idx on public.content_templates (workspace_id, kind);

create index content_templates_created_by_idx on public.content_templates (created_by);

create trigger stamp_created_by before insert on public.content_templates for each row execute function private.stamp_created_by();

create function private.check_content_template() returns trigger
language plpgsql set search_path = '' as $$
declare
  bad integer;
begin
  if jsonb_typeof(new.sections) is distinct from 'array' or jsonb_array_length(new.sections) > 50 then
    raise exception 'sections: must be an array of at most 50 sections' using errcode = '22023';
  end if;
  select min(e.ordinality - 1) into bad from jsonb_array_elements(new.sections) with ordinality e
  where jsonb_typeof(e.value) <> 'object' or coalesce(btrim(e.value ->> 'title'), '') = ''
     or jsonb_typeof(e.value -> 'body') is distinct from 'string';
  if bad is not null then
    raise exception 'sections[%]: needs a title and a body text', bad using errcode = '22023';
  end if;
  new.variables := private.template_variables(
    array[new.body] || array(select e.value ->> 'body' from jsonb_array_elements(new.sections) e));
  return new;
end $$;
comment on function private.check_content_template() is 'BEFORE INSERT/UPDATE on content_templates: sections shape (22023) and the variables list.';

create trigger check_content_template before insert or update on public.content_templates
  for each row execute function private.check_content_template();
select private.exempt_user_deletion('public.content_templates', 'check_content_template');

create table public.email_templates (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  category text,
  subject text not null,
  preheader text,
  body_html text,
  body_text text,
  variables text[] not null default '{}',
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  constraint "email template names are unique per workspace" unique (workspace_id, name),
  constraint "an email template name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "a category has at most 64 characters" check (char_length(category) <= 64),
  constraint "a subject has 1 to 300 characters" check (char_length(btrim(subject)) between 1 and 300),
  constraint "a preheader has at most 300 characters" check (char_length(preheader) <= 300),
  constraint "an email has an HTML or a text body" check (coalesce(body_html, body_text) is not null),
  constraint "an email body has at most 500000 characters" check (
    coalesce(char_length(body_html), 0) <= 500000 and coalesce(char_length(body_text), 0) <= 500000)
);
comment on table public.email_templates is 'Reusable emails with {{ variable }} placeholders in subject and bodies.';
comment on column public.email_templates.variables is 'The {{ variable }} names used in subject, preheader and bodies, kept by trigger.';
alter table public.email_templates enable row level security;
grant select, insert, update, delete on public.email_templates to authenticated;
select private.install_row_triggers('public.email_templates');
select private.tenant_policies('public.email_templates', 'viewer', 'member');

create index email_templates_created_by_idx on public.email_templates (created_by);

create trigger stamp_created_by before insert on public.email_templates for each row execute function private.stamp_created_by();

create function private.email_template_variables() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.variables := private.template_variables(array[new.subject, new.preheader, new.body_html, new.body_text]);
  return new;
end $$;
comment on function private.email_template_variables() is 'BEFORE INSERT/UPDATE on email_templates: the variables list.';

create trigger email_template_variables before insert or update on public.email_templates
  for each row execute function private.email_template_variables();
select private.exempt_user_deletion('public.email_templates', 'email_template_variables');

-- ===== contacts and lists
create type public.email_contact_status as enum ('subscribed', 'unsubscribed', 'bounced', 'complained');

comment on type public.email_contact_status is 'Only subscribed contacts are mailed.';

create table public.email_contacts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  email text not null,
  first_name text,
  last_name text,
  status public.email_contact_status not null default 'subscribed',
  subscribed_at timestamptz,
  unsubscribed_at timestamptz,
  source text,
  lead_id uuid,
  attributes jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, lead_id) references public.leads (workspace_id, id) on delete set null (lead_id),
  constraint "a contact with this email already exists in this workspace" unique (workspace_id, email),
  constraint "email is a valid address" check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and char_length(email) <= 320),
  constraint "names have at most 200 characters" check (char_length(first_name) <= 200 and char_length(last_name) <= 200),
  constraint "a source has at most 64 characters" check (char_length(source) <= 64),
  constraint "attributes is a JSON object" check (jsonb_typeof(attributes) = 'object')
);
comment on table public.email_contacts is 'People who receive emails; email stored lowercase, unique per workspace. subscribed_at / unsubscribed_at follow status.';
comment on column public.email_contacts.lead_id is 'The lead this contact is, when known.';
comment on column public.email_contacts.attributes is 'Merge fields for templates.';
alter table public.email_contacts enable row level security;
grant select, insert, update, delete on public.email_contacts to authenticated;
select private.install_row_triggers('public.email_contacts');
select private.tenant_policies('public.email_contacts', 'viewer', 'member');

create index email_contacts_lead_idx on public.email_contacts (workspace_id, lead_id);

create index email_contacts_workspace_status_idx on public.email_contacts (workspace_id, status);

create function private.normalize_email_contact() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.email := lower(btrim(new.email));
  if new.status = 'subscribed' and (tg_op = 'INSERT' or old.status <> 'subscribed') then
    new.subscribed_at := coalesce(new.subscribed_at, now());
    new.unsubscribed_at := null;
  elsif new.status <> 'subscribed' and (tg_op = 'INSERT' or old.status = 'subscribed') then
    new.unsubscribed_at := now();
  end if;
  return new;
end $$;
comment on function private.normalize_email_contact() is 'BEFORE INSERT/UPDATE on email_contacts: lowercase email, subscription timestamps.';

create trigger normalize_email_contact before insert or update on public.email_contacts
  for each row execute function private.normalize_email_contact();

create table public.email_lists (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  description text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  constraint "email list names are unique per workspace" unique (workspace_id, name),
  constraint "a list name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "a list description has at most 2000 characters" check (char_length(description) <= 2000)
);
comment on table public.email_lists is 'Distribution lists of email contacts.';
alter table public.email_lists enable row level security;
grant select, insert, update, delete on public.email_lists to authenticated;
select private.install_row_triggers('public.email_lists');
select private.tenant_policies('public.email_lists', 'viewer', 'member');

create table public.email_list_members (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  list_id uuid not null,
  contact_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (list_id, contact_id),
  foreign key (workspace_id, list_id) references public.email_lists (workspace_id, id) on delete cascade,
  foreign key (workspace_id, contact_id) references public.email_contacts (workspace_id, id) on delete cascade
);
comment on table public.email_list_members is 'Which contacts are on which list; both in the same workspace.';
alter table public.email_list_members enable row level security;
grant select, insert, update, delete on public.email_list_members to authenticated;
select private.install_row_triggers('public.email_list_members');
select private.tenant_policies('public.email_list_members', 'viewer', 'member');

create index email_list_members_list_idx on public.email_list_members (workspace_id, list_id);

create index email_list_members_contact_idx on public.email_list_members (workspace_id, contact_id);

-- ===== email campaigns
create type public.email_campaign_status as enum (
  'draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'
);

comment on type public.email_campaign_status is 'draft <-> scheduled -> sending <-> paused -> sent; draft, scheduled and paused may be cancelled; cancelled may return to draft.';

create table public.email_campaigns (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  campaign_id uuid,
  template_id uuid,
  list_id uuid,
  subject text,
  from_name text,
  from_email text,
  reply_to text,
  status public.email_campaign_status not null default 'draft',
  scheduled_for timestamptz,
  sent_at timestamptz,
  recipients integer not null default 0,
  delivered integer not null default 0,
  opens integer not null default 0,
  unique_opens integer not null default 0,
  clicks integer not null default 0,
  unique_clicks integer not null default 0,
  bounces integer not null default 0,
  unsubscribes integer not null default 0,
  complaints integer not null default 0,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  foreign key (workspace_id, template_id) references public.email_templates (workspace_id, id) on delete set null (template_id),
  foreign key (workspace_id, list_id) references public.email_lists (workspace_id, id) on delete set null (list_id),
  constraint "an email campaign name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "a subject has at most 300 characters" check (char_length(subject) <= 300),
  constraint "from_name has at most 200 characters" check (char_length(from_name) <= 200),
  constraint "from_email and reply_to are valid addresses" check (
    (from_email is null or from_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')
    and (reply_to is null or reply_to ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$')),
  constraint "delivery counts cannot be negative" check (
    recipients >= 0 and delivered >= 0 and opens >= 0 and unique_opens >= 0 and clicks >= 0 and unique_clicks >= 0
    and bounces >= 0 and unsubscribes >= 0 and complaints >= 0),
  constraint "unique counts do not exceed totals" check (
    unique_opens <= opens and unique_clicks <= clicks and delivered <= recipients and unique_opens <= delivered)
);
comment on table public.email_campaigns is 'One email send to a list, optionally for a marketing campaign. Status follows the lifecycle in email_campaign_status; scheduling needs a list, a template, a subject, a sender and a date.';
comment on column public.email_campaigns.subject is 'Overrides the template''s subject when set.';
comment on column public.email_campaigns.recipients is 'Contacts the send went to; the counts below come from the email provider''s events.';
alter table public.email_campaigns enable row level security;
grant select, insert, update, delete on public.email_campaigns to authenticated;
select private.install_row_triggers('public.email_campaigns');
select private.tenant_policies('public.email_campaigns', 'viewer', 'member');

create index email_campaigns_workspace_status_idx on public.email_campaigns (workspace_id, status, scheduled_for);

create index email_campaigns_campaign_idx on public.email_campaigns (workspace_id, campaign_id);

create index email_campaigns_template_idx on public.email_campaigns (workspace_id, template_id);

create index email_campaigns_list_idx on public.email_campaigns (workspace_id, list_id);

create index email_campaigns_created_by_idx on public.email_campaigns (created_by);

create trigger stamp_created_by before insert on public.email_campaigns for each row execute function private.stamp_created_by();

create function private.check_email_campaign() returns trigger
language plpgsql set search_path = '' as $$
declare
  was public.email_campaign_status := case when tg_op = 'UPDATE' then old.status else 'draft' end;
begin
  if new.status <> was and not (
    (was = 'draft' and new.status in ('scheduled', 'cancelled'))
    or (was = 'scheduled' and new.status in ('draft', 'sending', 'cancelled'))
    or (was = 'sending' and new.status in ('paused', 'sent'))
    or (was = 'paused' and new.status in ('sending', 'cancelled'))
    or (was = 'cancelled' and new.status = 'draft')
  ) then
    raise exception 'an email campaign cannot go from % to %', was, new.status using errcode = 'PT409',
      hint = 'draft <-> scheduled -> sending <-> paused -> sent; draft, scheduled and paused may be cancelled';
  end if;
  if new.status = 'scheduled' and new.status is distinct from (case when tg_op = 'UPDATE' then old.status end) then
    if new.list_id is null or new.template_id is null or new.from_email is null or new.scheduled_for is null then
      raise exception 'to schedule an email campaign give it a list, a template, a sender address and a date'
        using errcode = '22023';
    end if;
    if new.scheduled_for < now() - interval '1 minute' then
      raise exception 'scheduled_for is in the past' using errcode = '22023';
    end if;
  end if;
  if new.status = 'sent' and was <> 'sent' then
    new.sent_at := coalesce(new.sent_at, now());
  end if;
  return new;
end $$;
comment on function private.check_email_campaign() is 'BEFORE INSERT/UPDATE on email_campaigns: the status lifecycle (PT409), what scheduling needs (22023), sent_at.';

create trigger check_email_campaign before insert or update on public.email_campaigns
  for each row execute function private.check_email_campaign();
select private.exempt_user_deletion('public.email_campaigns', 'check_email_campaign');

-- ===== email automation rules
create type public.email_automation_trigger as enum (
  'contact_subscribed', 'lead_created', 'lead_status_changed', 'lead_score_reached', 'form_submitted',
  'purchase_made'
);

comment on type public.email_automation_trigger is 'The event that starts an automated email.';

create table public.email_automation_rules (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null,
  trigger_event public.email_automation_trigger not null,
  conditions jsonb not null default '[]'::jsonb,
  template_id uuid,
  list_id uuid,
  delay_minutes integer not null default 0,
  active boolean not null default true,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, template_id) references public.email_templates (workspace_id, id) on delete set null (template_id),
  foreign key (workspace_id, list_id) references public.email_lists (workspace_id, id) on delete set null (list_id),
  constraint "email automation names are unique per workspace" unique (workspace_id, name),
  constraint "an automation name has 1 to 200 characters" check (char_length(btrim(name)) between 1 and 200),
  constraint "delay_minutes is between 0 and 525600 (a year)" check (delay_minutes between 0 and 525600),
  constraint "an active automation has a template" check (not active or template_id is not null)
);
comment on table public.email_automation_rules is 'Send a template when an event happens and the conditions hold, after a delay; list_id limits it to that list''s contacts. Conditions use the shared condition language against the event''s subject.';
comment on column public.email_automation_rules.conditions is 'Condition list (private.conditions_problem validates it), e.g. [{"field": "row.score", "op": "gte", "value": 50}].';
alter table public.email_automation_rules enable row level security;
grant select, insert, update, delete on public.email_automation_rules to authenticated;
select private.install_row_triggers('public.email_automation_rules');
select private.tenant_policies('public.email_automation_rules', 'viewer', 'member');

create index email_automation_rules_workspace_idx on public.email_automation_rules (workspace_id, trigger_event) where active;

create index email_automation_rules_template_idx on public.email_automation_rules (workspace_id, template_id);

create index email_automation_rules_list_idx on public.email_automation_rules (workspace_id, list_id);

create index email_automation_rules_created_by_idx on public.email_automation_rules (created_by);

create trigger stamp_created_by before insert on public.email_automation_rules for each row execute function private.stamp_created_by();

create trigger check_rule_conditions before insert or update of conditions on public.email_automation_rules
  for each row execute function private.check_rule_conditions();

-- Strategy documents: 003's four strategy tables (brand_positioning_analyses, funnel_designs,
-- competitive_gap_analyses, performance_tracking_frameworks) as one table with a kind, each
-- kind's body validated in SQL (private.strategy_document_problem):
--   brand_positioning  {positioning_statement, differentiators[], three_cs{company, customer,
--                       competition}, brand_tone?{voice?, attributes[]?}, recommendations[]?}
--   funnel_design      {name?, stages[{stage: awareness|engagement|conversion|retention, goal,
--                       offers[]?, channels[]?, automation_tasks[]?}] in funnel order, each once}
--   competitive_gap    {our_brand, competitors[{name, strengths[]?, weaknesses[]?}],
--                       gap_analysis{messaging[]?, channels[]?, audience[]?, content[]?}, ownable_differentiator}
--   kpi_framework      {campaign_name?, channels[], kpis[{name, metric, target, unit?,
--                       frequency: daily|weekly|monthly|quarterly}]}
-- Unknown keys are refused, so a typo is an error rather than a silently ignored field.
create type public.strategy_document_kind as enum (
  'brand_positioning', 'funnel_design', 'competitive_gap', 'kpi_framework'
);

comment on type public.strategy_document_kind is 'brand_positioning: the 3Cs (company, customer, competition) and a positioning statement; funnel_design: awareness -> engagement -> conversion -> retention; competitive_gap: gaps against competitors; kpi_framework: KPI definitions and targets.';

create type public.strategy_document_status as enum ('draft', 'active', 'archived');

comment on type public.strategy_document_status is 'Only one active document per kind and campaign (or per kind for the workspace as a whole).';

-- A JSON array of n_min..n_max non-blank strings of at most 2000 characters each.
create function private.is_text_list(p_value jsonb, p_min integer, p_max integer) returns boolean
language sql immutable set search_path = '' as $$
  select jsonb_typeof(p_value) = 'array' and jsonb_array_length(p_value) between p_min and p_max
     and not exists (select 1 from jsonb_array_elements(p_value) e
                     where jsonb_typeof(e.value) <> 'string' or btrim(e.value #>> '{}') = ''
                        or char_length(e.value #>> '{}') > 2000)
$$;
comment on function private.is_text_list(jsonb, integer, integer) is 'True for a JSON array of p_min..p_max non-blank strings (each at most 2000 characters).';
grant execute on function private.is_text_list(jsonb, integer, integer) to authenticated, service_role;

-- A non-blank JSON string of at most p_max characters.
create function private.is_text(p_value jsonb, p_max integer default 2000) returns boolean
language sql immutable set search_path = '' as $$
  select coalesce(jsonb_typeof(p_value) = 'string' and btrim(p_value #>> '{}') <> '' and char_length(p_value #>> '{}') <= p_max, false)
$$;
comment on function private.is_text(jsonb, integer) is 'True for a non-blank JSON string of at most p_max characters.';
grant execute on function private.is_text(jsonb, integer) to authenticated, service_role;

-- Keys of an object outside the allowed set, as "a, b", or null.
create function private.unknown_keys(p_value jsonb, p_allowed text[]) returns text
language sql immutable set search_path = '' as $$
  select string_agg(k, ', ' order by k) from jsonb_object_keys(p_value) k where not (k = any (p_allowed))
$$;
comment on function private.unknown_keys(jsonb, text[]) is 'The keys of a JSON object not in p_allowed, comma-separated, or null.';
grant execute on function private.unknown_keys(jsonb, text[]) to authenticated, service_role;

create function private.strategy_document_problem(p_kind public.strategy_document_kind, p_body jsonb) returns text
language plpgsql stable set search_path = '' as $$
declare
  e record;
  extra text;
  stage_order constant text[] := array['awareness', 'engagement', 'conversion', 'retention'];
  last_stage integer := 0;
  pos integer;
begin
  if jsonb_typeof(p_body) is distinct from 'object' then
    return 'body: must be a JSON object';
  end if;
  if octet_length(p_body::text) > 262144 then
    return 'body: is larger than 256 kB';
  end if;

  if p_kind = 'brand_positioning' then
    extra := private.unknown_keys(p_body, array['positioning_statement', 'differentiators', 'three_cs', 'brand_tone', 'recommendations']);
    if extra is not null then return 'body: unknown keys ' || extra; end if;
    if not private.is_text(p_body -> 'positioning_statement') then
      return 'body.positioning_statement: is required (text up to 2000 characters)';
    end if;
    if not private.is_text_list(p_body -> 'differentiators', 1, 20) then
      return 'body.differentiators: give 1 to 20 differentiators as text';
    end if;
    if jsonb_typeof(p_body -> 'three_cs') is distinct from 'object' then
      return 'body.three_cs: is required: {"company": {...}, "customer": {...}, "competition": {...}}';
    end if;
    extra := private.unknown_keys(p_body -> 'three_cs', array['company', 'customer', 'competition']);
    if extra is not null then return 'body.three_cs: unknown keys ' || extra; end if;
    for e in select c from unnest(array['company', 'customer', 'competition']) c loop
      if jsonb_typeof(p_body -> 'three_cs' -> e.c) is distinct from 'object' or p_body -> 'three_cs' -> e.c = '{}'::jsonb then
        return format('body.three_cs.%s: is required and not empty', e.c);
      end if;
    end loop;
    if p_body ? 'brand_tone' then
      if jsonb_typeof(p_body -> 'brand_tone') <> 'object' then return 'body.brand_tone: must be an object'; end if;
      extra := private.unknown_keys(p_body -> 'brand_tone', array['voice', 'attributes']);
      if extra is not null then return 'body.brand_tone: unknown keys ' || extra; end if;
      if p_body -> 'brand_tone' ? 'voice' and not private.is_text(p_body -> 'brand_tone' -> 'voice') then
        return 'body.brand_tone.voice: must be text';
      end if;
      if p_body -> 'brand_tone' ? 'attributes' and not private.is_text_list(p_body -> 'brand_tone' -> 'attributes', 0, 20) then
        return 'body.brand_tone.attributes: at most 20 attributes as text';
      end if;
    end if;
    if p_body ? 'recommendations' and not private.is_text_list(p_body -> 'recommendations', 0, 50) then
      return 'body.recommendations: at most 50 recommendations as text';
    end if;

  elsif p_kind = 'funnel_design' then
    extra := private.unknown_keys(p_body, array['name', 'stages']);
    if extra is not null then return 'body: unknown keys ' || extra; end if;
    if p_body ? 'name' and not private.is_text(p_body -> 'name', 200) then return 'body.name: must be text up to 200 characters'; end if;
    if jsonb_typeof(p_body -> 'stages') is distinct from 'array' or jsonb_array_length(p_body -> 'stages') not between 1 and 4 then
      return 'body.stages: give 1 to 4 stages';
    end if;
    for e in select s.value as v, s.ordinality - 1 as i from jsonb_array_elements(p_body -> 'stages') with ordinality s loop
      if jsonb_typeof(e.v) <> 'object' then return format('body.stages[%s]: must be an object', e.i); end if;
      extra := private.unknown_keys(e.v, array['stage', 'goal', 'offers', 'channels', 'automation_tasks']);
      if extra is not null then return format('body.stages[%s]: unknown keys %s', e.i, extra); end if;
      pos := array_position(stage_order, e.v ->> 'stage');
      if pos is null then
        return format('body.stages[%s].stage: must be one of awareness, engagement, conversion, retention', e.i);
      end if;
      if pos <= last_stage then
        return format('body.stages[%s].stage: stages appear once each, in funnel order (awareness, engagement, conversion, retention)', e.i);
      end if;
      last_stage := pos;
      if not private.is_text(e.v -> 'goal') then return format('body.stages[%s].goal: is required text', e.i); end if;
      if e.v ? 'offers' and not private.is_text_list(e.v -> 'offers', 0, 20) then
        return format('body.stages[%s].offers: at most 20 offers as text', e.i);
      end if;
      if e.v ? 'channels' and not (private.is_text_list(e.v -> 'channels', 0, 15) and not exists (
          select 1 from jsonb_array_elements_text(e.v -> 'channels') ch
          where not (ch = any (enum_range(null::public.marketing_channel)::text[])))) then
        return format('body.stages[%s].channels: must be marketing channels (%s)', e.i,
                      array_to_string(enum_range(null::public.marketing_channel)::text[], ', '));
      end if;
      if e.v ? 'automation_tasks' and not private.is_text_list(e.v -> 'automation_tasks', 0, 20) then
        return format('body.stages[%s].automation_tasks: at most 20 tasks as text', e.i);
      end if;
    end loop;

  elsif p_kind = 'competitive_gap' then
    extra := private.unknown_keys(p_body, array['our_brand', 'competitors', 'gap_analysis', 'ownable_differentiator']);
    if extra is not null then return 'body: unknown keys ' || extra; end if;
    if not private.is_text(p_body -> 'our_brand', 200) then return 'body.our_brand: is required (text up to 200 characters)'; end if;
    if jsonb_typeof(p_body -> 'competitors') is distinct from 'array' or jsonb_array_length(p_body -> 'competitors') not between 1 and 20 then
      return 'body.competitors: give 1 to 20 competitors';
    end if;
    for e in select s.value as v, s.ordinality - 1 as i from jsonb_array_elements(p_body -> 'competitors') with ordinality s loop
      if jsonb_typeof(e.v) <> 'object' then return format('body.competitors[%s]: must be an object', e.i); end if;
      extra := private.unknown_keys(e.v, array['name', 'strengths', 'weaknesses']);
      if extra is not null then return format('body.competitors[%s]: unknown keys %s', e.i, extra); end if;
      if not private.is_text(e.v -> 'name', 200) then return format('body.competitors[%s].name: is required text', e.i); end if;
      if e.v ? 'strengths' and not private.is_text_list(e.v -> 'strengths', 0, 20) then
        return format('body.competitors[%s].strengths: at most 20 as text', e.i);
      end if;
      if e.v ? 'weaknesses' and not private.is_text_list(e.v -> 'weaknesses', 0, 20) then
        return format('body.competitors[%s].weaknesses: at most 20 as text', e.i);
      end if;
    end loop;
    if jsonb_typeof(p_body -> 'gap_analysis') is distinct from 'object' or p_body -> 'gap_analysis' = '{}'::jsonb then
      return 'body.gap_analysis: is required, with at least one of messaging, channels, audience, content';
    end if;
    extra := private.unknown_keys(p_body -> 'gap_analysis', array['messaging', 'channels', 'audience', 'content']);
    if extra is not null then return 'body.gap_analysis: unknown keys ' || extra; end if;
    for e in select g.key as k, g.value as v from jsonb_each(p_body -> 'gap_analysis') g loop
      if not private.is_text_list(e.v, 1, 20) then
        return format('body.gap_analysis.%s: give 1 to 20 gaps as text', e.k);
      end if;
    end loop;
    if not private.is_text(p_body -> 'ownable_differentiator') then
      return 'body.ownable_differentiator: is required text';
    end if;

  else -- kpi_framework
    extra := private.unknown_keys(p_body, array['campaign_name', 'channels', 'kpis']);
    if extra is not null then return 'body: unknown keys ' || extra; end if;
    if p_body ? 'campaign_name' and not private.is_text(p_body -> 'campaign_name', 200) then
      return 'body.campaign_name: must be text up to 200 characters';
    end if;
    if not private.is_text_list(p_body -> 'channels', 1, 20) then return 'body.channels: give 1 to 20 channels as text'; end if;
    if jsonb_typeof(p_body -> 'kpis') is distinct from 'array' or jsonb_array_length(p_body -> 'kpis') not between 1 and 50 then
      return 'body.kpis: give 1 to 50 KPIs';
    end if;
    for e in select s.value as v, s.ordinality - 1 as i from jsonb_array_elements(p_body -> 'kpis') with ordinality s loop
      if jsonb_typeof(e.v) <> 'object' then return format('body.kpis[%s]: must be an object', e.i); end if;
      extra := private.unknown_keys(e.v, array['name', 'metric', 'target', 'unit', 'frequency']);
      if extra is not null then return format('body.kpis[%s]: unknown keys %s', e.i, extra); end if;
      if not private.is_text(e.v -> 'name', 200) then return format('body.kpis[%s].name: is required text', e.i); end if;
      if not private.is_text(e.v -> 'metric', 200) then return format('body.kpis[%s].metric: is required text', e.i); end if;
      if jsonb_typeof(e.v -> 'target') is distinct from 'number' then
        return format('body.kpis[%s].target: is required and must be a number', e.i);
      end if;
      if e.v ? 'unit' and not private.is_text(e.v -> 'unit', 32) then
        return format('body.kpis[%s].unit: must be text up to 32 characters', e.i);
      end if;
      if coalesce(e.v ->> 'frequency', '') not in ('daily', 'weekly', 'monthly', 'quarterly') then
        return format('body.kpis[%s].frequency: must be daily, weekly, monthly or quarterly', e.i);
      end if;
    end loop;
    if (select count(distinct lower(k.value ->> 'name')) from jsonb_array_elements(p_body -> 'kpis') k) < jsonb_array_length(p_body -> 'kpis') then
      return 'body.kpis: KPI names must be unique';
    end if;
  end if;
  return null;
end $$;
comment on function private.strategy_document_problem(public.strategy_document_kind, jsonb) is 'Validates a strategy document body for its kind (see the migration header); returns the first problem as readable text naming the path, or null.';
grant execute on function private.strategy_document_problem(public.strategy_document_kind, jsonb) to authenticated, service_role;

create table public.strategy_documents (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  kind public.strategy_document_kind not null,
  title text not null,
  status public.strategy_document_status not null default 'draft',
  campaign_id uuid,
  body jsonb not null,
  version integer not null default 1,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, campaign_id) references public.campaigns (workspace_id, id) on delete set null (campaign_id),
  constraint "a document title has 1 to 200 characters" check (char_length(btrim(title)) between 1 and 200)
);
comment on table public.strategy_documents is 'Brand positioning (3Cs), funnel designs, competitive gap analyses and KPI frameworks of a workspace, optionally for one campaign; body validated per kind by private.strategy_document_problem(). The kind never changes.';
comment on column public.strategy_documents.body is 'The document, validated per kind (private.strategy_document_problem).';
comment on column public.strategy_documents.version is 'Starts at 1 and goes up by one each time the body changes.';
comment on column public.strategy_documents.campaign_id is 'The marketing campaign the document is for; null for the whole workspace.';
alter table public.strategy_documents enable row level security;
grant select, insert, update, delete on public.strategy_documents to authenticated;
select private.install_row_triggers('public.strategy_documents');
select private.tenant_policies('public.strategy_documents', 'viewer', 'member');

create index strategy_documents_workspace_kind_idx on public.strategy_documents (workspace_id, kind, status);

create index strategy_documents_campaign_idx on public.strategy_documents (workspace_id, campaign_id);

create index strategy_documents_created_by_idx on public.strategy_documents (created_by);

-- One active document per kind, per campaign or for the workspace as a whole.
create unique index strategy_documents_one_active on public.strategy_documents
  (workspace_id, kind, coalesce(campaign_id, '00000000-0000-0000-0000-000000000000'::uuid)) where status = 'active';

create trigger stamp_created_by before insert on public.strategy_documents for each row execute function private.stamp_created_by();

create function private.check_strategy_document() returns trigger
language plpgsql set search_path = '' as $$
declare
  problem text;
begin
  if tg_op = 'UPDATE' and new.kind <> old.kind then
    raise exception 'a document''s kind cannot change; create a new document' using errcode = '22023';
  end if;
  problem := private.strategy_document_problem(new.kind, new.body);
  if problem is not null then
    raise exception '%', problem using errcode = '22023';
  end if;
  if tg_op = 'INSERT' then
    new.version := 1;
  elsif new.body is distinct from old.body then
    new.version := old.version + 1;
  else
    new.version := old.version;
  end if;
  if new.status = 'active' and (tg_op = 'INSERT' or old.status <> 'active') and exists (
    select 1 from public.strategy_documents d
    where d.workspace_id = new.workspace_id and d.kind = new.kind and d.status = 'active' and d.id <> new.id
      and d.campaign_id is not distinct from new.campaign_id
  ) then
    raise exception 'another % document is already active here; archive it first', replace(new.kind::text, '_', ' ')
      using errcode = '23505';
  end if;
  return new;
end $$;
comment on function private.check_strategy_document() is 'BEFORE INSERT/UPDATE on strategy_documents: body valid for its kind (22023), kind fixed, version counting, one active per kind and scope (23505).';

create trigger check_strategy_document before insert or update on public.strategy_documents
  for each row execute function private.check_strategy_document();
select private.exempt_user_deletion('public.strategy_documents', 'check_strategy_document');

-- Onboarding progress and feature tours: personal rows. Only their user reads or
-- writes them; teammates, even admins, see nothing. Onboarding also carries the workspace it
-- happens in (a user may onboard into several); tours belong to the user alone.
create type public.onboarding_status as enum ('not_started', 'in_progress', 'completed', 'skipped');

comment on type public.onboarding_status is 'Where a user stands on one onboarding step.';

create type public.tour_status as enum ('pending', 'active', 'completed', 'dismissed');

comment on type public.tour_status is 'pending: not shown yet; active: being shown; completed or dismissed: done.';

create type public.tour_event as enum ('shown', 'step', 'completed', 'dismissed');

comment on type public.tour_event is 'What public.track_feature_tour records: the tour was shown, the user moved to a step, finished or dismissed it.';

create table public.onboarding_progress (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  step_key text not null,
  step_order integer not null default 0,
  status public.onboarding_status not null default 'not_started',
  attempts integer not null default 0,
  time_spent_seconds integer not null default 0,
  started_at timestamptz,
  completed_at timestamptz,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "one row per user, workspace and step" unique (user_id, workspace_id, step_key),
  constraint "step_key is a short lowercase key" check (step_key ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  constraint "attempts and time spent cannot be negative" check (attempts >= 0 and time_spent_seconds >= 0),
  constraint "metadata is a JSON object" check (jsonb_typeof(metadata) = 'object')
);
comment on table public.onboarding_progress is 'One user''s progress through one onboarding step in one workspace. Personal: visible only to that user. Written through public.record_onboarding_step (or directly by the user).';
comment on column public.onboarding_progress.attempts is 'How many times the user started the step (entered in_progress).';
comment on column public.onboarding_progress.time_spent_seconds is 'Seconds spent on the step, summed over attempts.';
comment on column public.onboarding_progress.completed_at is 'When the step was completed or skipped; cleared if it is reopened.';
alter table public.onboarding_progress enable row level security;
grant select, insert, update, delete on public.onboarding_progress to authenticated;
select private.install_row_triggers('public.onboarding_progress');

create index onboarding_progress_user_idx on public.onboarding_progress (user_id, workspace_id, step_order);

create index onboarding_progress_workspace_idx on public.onboarding_progress (workspace_id, status);

create function private.onboarding_timestamps() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'UPDATE' and new.user_id <> old.user_id then
    raise exception 'user_id cannot change once a row exists' using errcode = '42501';
  end if;
  if new.status = 'in_progress' and (tg_op = 'INSERT' or old.status <> 'in_progress') then
    new.started_at := coalesce(new.started_at, now());
    new.attempts := case when tg_op = 'INSERT' then greatest(new.attempts, 1) else old.attempts + 1 end;
  end if;
  if new.status in ('completed', 'skipped') and (tg_op = 'INSERT' or old.status not in ('completed', 'skipped')) then
    new.completed_at := now();
  elsif new.status not in ('completed', 'skipped') then
    new.completed_at := null;
  end if;
  return new;
end $$;
comment on function private.onboarding_timestamps() is 'BEFORE INSERT/UPDATE on onboarding_progress: user_id fixed, started_at, attempts (+1 per entry into in_progress), completed_at.';

create trigger onboarding_timestamps before insert or update on public.onboarding_progress
  for each row execute function private.onboarding_timestamps();

create table public.feature_tours (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  tour_key text not null,
  tour_name text not null,
  steps jsonb not null default '[]'::jsonb,
  status public.tour_status not null default 'pending',
  current_step integer not null default 0,
  times_shown integer not null default 0,
  interactions integer not null default 0,
  last_shown_at timestamptz,
  completed_at timestamptz,
  dismissed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "one row per user and tour" unique (user_id, tour_key),
  constraint "tour_key is a short lowercase key" check (tour_key ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  constraint "a tour name has 1 to 200 characters" check (char_length(btrim(tour_name)) between 1 and 200),
  constraint "counters cannot be negative" check (current_step >= 0 and times_shown >= 0 and interactions >= 0)
);
comment on table public.feature_tours is 'One user''s state in one interactive feature tour. Personal: visible only to that user.';
comment on column public.feature_tours.steps is 'The tour''s steps: [{"title": "...", "body": "...", "target": "css selector"?}], 1 to 50.';
comment on column public.feature_tours.current_step is 'Index into steps of the step being shown (0-based).';
comment on column public.feature_tours.interactions is 'Step changes recorded by public.track_feature_tour.';
alter table public.feature_tours enable row level security;
grant select, insert, update, delete on public.feature_tours to authenticated;
select private.install_row_triggers('public.feature_tours');

create index feature_tours_user_status_idx on public.feature_tours (user_id, status);

create index feature_tours_tour_key_idx on public.feature_tours (tour_key);

create function private.check_feature_tour() returns trigger
language plpgsql set search_path = '' as $$
declare
  bad integer;
begin
  if tg_op = 'UPDATE' and new.user_id <> old.user_id then
    raise exception 'user_id cannot change once a row exists' using errcode = '42501';
  end if;
  if jsonb_typeof(new.steps) is distinct from 'array' or jsonb_array_length(new.steps) not between 1 and 50 then
    raise exception 'steps: give 1 to 50 steps' using errcode = '22023';
  end if;
  select min(s.ordinality - 1) into bad from jsonb_array_elements(new.steps) with ordinality s
  where jsonb_typeof(s.value) <> 'object' or not private.is_text(s.value -> 'title', 200)
     or not private.is_text(s.value -> 'body', 2000)
     or (s.value ? 'target' and not private.is_text(s.value -> 'target', 500))
     or exists (select 1 from jsonb_object_keys(s.value) k where k not in ('title', 'body', 'target'));
  if bad is not null then
    raise exception 'steps[%]: needs a title (up to 200 characters) and a body (up to 2000), optionally a target', bad
      using errcode = '22023';
  end if;
  if new.current_step >= jsonb_array_length(new.steps) then
    raise exception 'current_step: the tour has % steps (0 to %)', jsonb_array_length(new.steps),
      jsonb_array_length(new.steps) - 1 using errcode = '22023';
  end if;
  if new.status = 'completed' and (tg_op = 'INSERT' or old.status <> 'completed') then
    new.completed_at := now();
  end if;
  if new.status = 'dismissed' and (tg_op = 'INSERT' or old.status <> 'dismissed') then
    new.dismissed_at := now();
  end if;
  return new;
end $$;
comment on function private.check_feature_tour() is 'BEFORE INSERT/UPDATE on feature_tours: user_id fixed, steps shape and current_step in range (22023), completed_at/dismissed_at.';

create trigger check_feature_tour before insert or update on public.feature_tours
  for each row execute function private.check_feature_tour();

-- ===== RPCs for the client (SECURITY INVOKER: RLS keeps them personal)
create function public.record_onboarding_step(
  p_workspace_id uuid, p_step_key text, p_status public.onboarding_status,
  p_seconds_spent integer default 0, p_step_order integer default null
) returns public.onboarding_progress
language plpgsql volatile set search_path = '' as $$
declare
  r public.onboarding_progress;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in to record onboarding' using errcode = '42501';
  end if;
  if p_workspace_id is null or p_step_key is null or p_status is null then
    raise exception 'workspace, step and status are required' using errcode = '22023';
  end if;
  if p_seconds_spent is null or p_seconds_spent not between 0 and 86400 then
    raise exception 'p_seconds_spent: between 0 and 86400 seconds per call' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'viewer');
  insert into public.onboarding_progress as o (user_id, workspace_id, step_key, step_order, status, time_spent_seconds)
  values ((select auth.uid()), p_workspace_id, p_step_key, coalesce(p_step_order, 0), p_status, p_seconds_spent)
  on conflict (user_id, workspace_id, step_key) do update set
    status = excluded.status,
    step_order = coalesce(p_step_order, o.step_order),
    time_spent_seconds = least(o.time_spent_seconds::bigint + excluded.time_spent_seconds, 2147483647)::integer
  returning * into r;
  return r;
end $$;
comment on function public.record_onboarding_step(uuid, text, public.onboarding_status, integer, integer) is 'The caller records a step of their onboarding in a workspace they belong to: sets its status and adds p_seconds_spent (0-86400). Entering in_progress counts an attempt.';
grant execute on function public.record_onboarding_step(uuid, text, public.onboarding_status, integer, integer) to authenticated;

create function public.track_feature_tour(p_tour_key text, p_event public.tour_event, p_step integer default null)
returns public.feature_tours
language plpgsql volatile set search_path = '' as $$
declare
  r public.feature_tours;
begin
  if p_tour_key is null or p_event is null then
    raise exception 'tour key and event are required' using errcode = '22023';
  end if;
  if p_event = 'step' and p_step is null then
    raise exception 'p_step: a step event names the step' using errcode = '22023';
  end if;
  update public.feature_tours t set
    times_shown = t.times_shown + case when p_event = 'shown' then 1 else 0 end,
    last_shown_at = case when p_event = 'shown' then now() else t.last_shown_at end,
    status = case p_event when 'shown' then case when t.status = 'pending' then 'active' else t.status end
                          when 'step' then 'active' when 'completed' then 'completed' else 'dismissed' end::public.tour_status,
    current_step = case when p_event = 'step' then p_step else t.current_step end,
    interactions = t.interactions + case when p_event = 'step' then 1 else 0 end
  where t.user_id = (select auth.uid()) and t.tour_key = p_tour_key
  returning * into r;
  if not found then
    raise exception 'you have no tour %', p_tour_key using errcode = 'PT404';
  end if;
  return r;
end $$;
comment on function public.track_feature_tour(text, public.tour_event, integer) is 'The caller records a tour event: shown (times_shown +1, pending -> active), step (moves to p_step, interactions +1), completed or dismissed.';
grant execute on function public.track_feature_tour(text, public.tour_event, integer) to authenticated;

create policy "users read their onboarding" on public.onboarding_progress for select to authenticated
  using (user_id = (select auth.uid()));

create policy "users record their onboarding in their workspaces" on public.onboarding_progress for insert to authenticated
  with check (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));

create policy "users change their onboarding" on public.onboarding_progress for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

create policy "users remove their onboarding" on public.onboarding_progress for delete to authenticated
  using (user_id = (select auth.uid()));

create policy "users read their tours" on public.feature_tours for select to authenticated
  using (user_id = (select auth.uid()));

create policy "users add their tours" on public.feature_tours for insert to authenticated
  with check (user_id = (select auth.uid()));

create policy "users change their tours" on public.feature_tours for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

create policy "users remove their tours" on public.feature_tours for delete to authenticated
  using (user_id = (select auth.uid()));

-- Deleting a file or a template that something still needs answered with another table's
-- validation: a digital asset that is the brand's logo (and the logo has no URL) gave 22023
-- "value.url: link a digital asset or give an http(s) url"; an email template that an active
-- automation sends gave 23514 from email_automation_rules. Both now refuse with 409 (PT409)
-- naming what uses them and what to do. Deleting the workspace deletes everything, as before.
create function private.refuse_deleting_brand_file() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  b record;
begin
  select ba.kind, ba.name into b
  from public.brand_assets ba
  where ba.workspace_id = old.workspace_id and ba.digital_asset_id = old.id
    and ba.kind in ('logo', 'guideline', 'imagery') and coalesce(ba.value ->> 'url', '') !~ '^https?://'
    and exists (select 1 from public.workspaces w where w.id = old.workspace_id)
  order by ba.name limit 1;
  if found then
    raise exception 'this file is the brand % "%"', replace(b.kind::text, '_', ' '), b.name using errcode = 'PT409',
      hint = 'give that brand asset another file or an http(s) url first';
  end if;
  return old;
end $$;
comment on function private.refuse_deleting_brand_file() is 'BEFORE DELETE on digital_assets: refuses (PT409) while a logo, guideline or imagery brand asset has this file and no URL.';

create trigger refuse_deleting_brand_file before delete on public.digital_assets
  for each row execute function private.refuse_deleting_brand_file();

create function private.refuse_deleting_template_in_use() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  rule_name text;
begin
  select r.name into rule_name
  from public.email_automation_rules r
  where r.workspace_id = old.workspace_id and r.template_id = old.id and r.active
    and exists (select 1 from public.workspaces w where w.id = old.workspace_id)
  order by r.name limit 1;
  if found then
    raise exception 'the active automation "%" sends this template', rule_name using errcode = 'PT409',
      hint = 'pause that automation or give it another template first';
  end if;
  return old;
end $$;
comment on function private.refuse_deleting_template_in_use() is 'BEFORE DELETE on email_templates: refuses (PT409) while an active automation sends the template.';

create trigger refuse_deleting_template_in_use before delete on public.email_templates
  for each row execute function private.refuse_deleting_template_in_use();
