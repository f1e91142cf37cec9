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
  'website', 'form', 'ads', 'email', 'social', 'referral', 'event', 'chat', 'import', 'api', 'manual', 'other');
comment on type public.lead_source is 'Where a lead came from.';
create type public.lead_status as enum ('new', 'contacted', 'qualified', 'nurturing', 'converted', 'unqualified', 'lost');
comment on type public.lead_status is 'Pipeline state of a lead; converted sets converted_at.';
create type public.lead_activity_type as enum (
  'email_sent', 'email_open', 'email_click', 'email_reply', 'email_bounce', 'unsubscribe', 'form_submit',
  'page_view', 'download', 'demo_request', 'call', 'meeting', 'chat', 'purchase', 'note', 'other');
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
create index leads_workspace_status_score_idx on public.leads (workspace_id, status, score desc);
create index leads_workspace_created_idx on public.leads (workspace_id, created_at desc);
create index leads_campaign_id_idx on public.leads (workspace_id, campaign_id);
create index leads_owner_id_idx on public.leads (owner_id);
create index leads_created_by_idx on public.leads (created_by);
create trigger set_updated_at before update on public.leads for each row execute function private.set_updated_at();
create trigger stamp_created_by before insert on public.leads for each row execute function private.stamp_created_by();
create trigger require_members before insert or update of owner_id on public.leads
  for each row execute function private.require_members('owner_id');

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
revoke all on function private.normalize_lead() from public;
create trigger normalize_lead before insert or update on public.leads
  for each row execute function private.normalize_lead();

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
create index lead_scoring_rules_workspace_idx on public.lead_scoring_rules (workspace_id) where active;
create index lead_scoring_rules_created_by_idx on public.lead_scoring_rules (created_by);
create trigger set_updated_at before update on public.lead_scoring_rules for each row execute function private.set_updated_at();
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
comment on function private.lead_activity_subject(public.lead_activity_type, timestamptz, jsonb) is 'The object scoring-rule conditions are evaluated against for one activity.';

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

revoke all on function private.lead_activity_subject(public.lead_activity_type, timestamptz, jsonb) from public;
revoke all on function private.lead_scores(uuid[]) from public;
revoke all on function private.apply_lead_scores(uuid[]) from public;
revoke all on function private.rescore_activity_leads() from public;
revoke all on function private.rescore_rule_workspaces() from public;
grant execute on function private.lead_activity_subject(public.lead_activity_type, timestamptz, jsonb) to authenticated, service_role;
grant execute on function private.lead_scores(uuid[]) to service_role;
grant execute on function private.apply_lead_scores(uuid[]) to service_role;

-- ===== access: viewers read, members write; computed lead columns are not writable
alter table public.leads enable row level security;
alter table public.lead_activities enable row level security;
alter table public.lead_scoring_rules enable row level security;
grant select, delete on public.leads to authenticated;
grant insert (id, workspace_id, email, first_name, last_name, company, job_title, phone, source, status, converted_at,
              campaign_id, owner_id, tags, notes, custom_fields, created_by)
  on public.leads to authenticated;
grant update (email, first_name, last_name, company, job_title, phone, source, status, converted_at, campaign_id, owner_id,
              tags, notes, custom_fields)
  on public.leads to authenticated;
grant select, insert, update, delete on public.lead_activities, public.lead_scoring_rules to authenticated;
grant all on public.leads, public.lead_activities, public.lead_scoring_rules to service_role;
select private.tenant_policies('public.leads', 'viewer', 'member');
select private.tenant_policies('public.lead_activities', 'viewer', 'member');
select private.tenant_policies('public.lead_scoring_rules', 'viewer', 'member');

alter publication supabase_realtime add table public.leads;
