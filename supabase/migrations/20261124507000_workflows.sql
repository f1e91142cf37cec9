-- Workflow engine (RAWDOG's workflow_rules, workflow_executions, scheduled_actions; its
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
  'campaign_status_changed', 'task_completed', 'manual');
comment on type public.workflow_trigger is 'The event a workflow rule reacts to; manual rules run through public.run_workflow_rule.';
create type public.workflow_action_type as enum ('create_task', 'update_lead_status', 'add_to_email_list', 'log_activity');
comment on type public.workflow_action_type is 'create_task {title, campaign_id?, priority?, due_in_days?, assignee_id?}; update_lead_status {status}; add_to_email_list {list_id}; log_activity {description}. Titles and descriptions may use {{ row.field }} placeholders.';
create type public.workflow_execution_status as enum ('running', 'succeeded', 'partially_failed', 'failed', 'cancelled');
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
revoke all on function private.render_template(text, jsonb) from public;
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
revoke all on function private.workflow_actions_problem(public.workflow_trigger, jsonb) from public;
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
create index workflow_rules_trigger_idx on public.workflow_rules (workspace_id, trigger_type) where active;
create index workflow_rules_created_by_idx on public.workflow_rules (created_by);
create trigger set_updated_at before update on public.workflow_rules for each row execute function private.set_updated_at();
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
revoke all on function private.check_workflow_rule() from public;
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
create index workflow_executions_rule_idx on public.workflow_executions (workspace_id, rule_id, started_at desc);
create index workflow_executions_workspace_started_idx on public.workflow_executions (workspace_id, started_at desc);
create trigger set_updated_at before update on public.workflow_executions for each row execute function private.set_updated_at();

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
create index scheduled_actions_due_idx on public.scheduled_actions (scheduled_for, id) where status = 'pending';
create index scheduled_actions_execution_idx on public.scheduled_actions (workspace_id, execution_id);
create trigger set_updated_at before update on public.scheduled_actions for each row execute function private.set_updated_at();

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
revoke all on function private.enqueue_workflow_runs(public.workflow_trigger, jsonb, uuid) from public;

-- Whether any active rule of a trigger exists in the given workspaces: the event triggers'
-- cheap early exit, so bulk imports into workspaces without rules pay one index probe.
create function private.has_workflow_rules(p_trigger public.workflow_trigger, p_workspace_ids uuid[]) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.workflow_rules r
                 where r.workspace_id = any (p_workspace_ids) and r.trigger_type = p_trigger and r.active)
$$;
comment on function private.has_workflow_rules(public.workflow_trigger, uuid[]) is 'True when one of the workspaces has an active rule for the trigger.';
revoke all on function private.has_workflow_rules(public.workflow_trigger, uuid[]) from public;

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
revoke all on function private.workflow_lead_events() from public;
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
revoke all on function private.workflow_activity_events() from public;
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
revoke all on function private.workflow_campaign_events() from public;
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
revoke all on function private.workflow_task_events() from public;
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
revoke all on function private.execute_workflow_action(public.scheduled_actions, public.workflow_executions) from public;

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
revoke all on function private.refresh_workflow_executions(uuid[]) from public;

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
revoke all on function private.process_scheduled_actions(integer) from public;
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
revoke all on function private.purge_workflow_history(interval) from public;
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
  if not found or (select auth.role()) = 'authenticated'
     and not (r.workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'no workflow rule %', p_rule_id using errcode = 'PT404';
  end if;
  if (select auth.role()) = 'authenticated' then
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
revoke all on function private.start_manual_workflow(uuid, jsonb, uuid) from public;
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
grant execute on function public.run_workflow_rule(uuid, jsonb, uuid) to authenticated, service_role;

create function private.cancel_scheduled_action(p_id bigint) returns public.scheduled_actions
language plpgsql volatile security definer set search_path = '' as $$
declare
  sa public.scheduled_actions;
begin
  select * into sa from public.scheduled_actions s where s.id = p_id for update;
  if not found or (select auth.role()) = 'authenticated'
     and not (sa.workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'no scheduled action %', p_id using errcode = 'PT404';
  end if;
  if (select auth.role()) = 'authenticated' then
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
revoke all on function private.cancel_scheduled_action(bigint) from public;
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
grant execute on function public.cancel_scheduled_action(bigint) to authenticated, service_role;

-- ===== access: members write rules; the engine writes executions and actions
alter table public.workflow_rules enable row level security;
alter table public.workflow_executions enable row level security;
alter table public.scheduled_actions enable row level security;
grant select, insert, update, delete on public.workflow_rules to authenticated;
grant select on public.workflow_executions, public.scheduled_actions to authenticated;
grant all on public.workflow_rules, public.workflow_executions, public.scheduled_actions to service_role;
select private.tenant_policies('public.workflow_rules', 'viewer', 'member');
create policy "viewers read workflow executions" on public.workflow_executions for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read scheduled actions" on public.scheduled_actions for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
select private.install_tenant_guard('public.workflow_executions');
select private.install_tenant_guard('public.scheduled_actions');
