-- The human approval queue (seed 001's AgentApproval): agents, automations (the marketing
-- autopilot) and people propose actions; members approve or reject them; the service that owns
-- the action executes approved ones and reports the outcome; pending proposals past their expiry
-- expire by pg_cron. The state machine lives in a trigger:
--   pending -> approved | rejected | expired,  approved -> executed | failed.
-- decided_by / decided_at come from the session, never from the client. Every decision lands in
-- decision_log and queues an outbound webhook event (approval.decided). Published to Realtime.
--
-- For other domains: propose with private.propose_approval(...) (idempotent through dedupe_key),
-- or insert a pending row as service_role; execute approved rows of your action kinds (select
-- ... for update skip locked) and report with private.finish_approval(id, succeeded, result, error).

create type public.approval_status as enum ('pending', 'approved', 'rejected', 'expired', 'executed', 'failed');
comment on type public.approval_status is 'pending -> approved | rejected | expired; approved -> executed | failed. Enforced by private.guard_agent_approval().';
create type public.approval_decision as enum ('approved', 'rejected');
comment on type public.approval_decision is 'What a person decides about a pending approval.';
create type public.approval_action as enum (
  'pause_ad_campaign', 'resume_ad_campaign', 'change_ad_budget', 'shift_ad_budget',
  'pause_campaign', 'change_campaign_budget', 'send_email_campaign', 'publish_content',
  'send_customer_reply', 'reorder_inventory', 'apply_discount', 'update_product', 'run_workflow', 'other');
comment on type public.approval_action is 'The kind of action proposed; payload carries its parameters. A domain that proposes a new kind adds a value in its own migration.';
create type public.approval_priority as enum ('low', 'normal', 'high', 'urgent');
comment on type public.approval_priority is 'How soon a person should look at a proposal.';

create table public.agent_approvals (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  agent_id uuid,
  run_id uuid,
  proposer public.actor_kind not null default 'system',
  proposer_name text check (char_length(proposer_name) between 1 and 200),
  proposed_by uuid default auth.uid() references auth.users (id) on delete set null,
  action public.approval_action not null,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  rationale text check (char_length(rationale) <= 20000),
  payload jsonb not null default '{}'::jsonb check (jsonb_typeof(payload) = 'object'),
  subject_table text check (subject_table ~ '^[a-z_][a-z0-9_]{0,62}$'),
  subject_id text check (char_length(subject_id) between 1 and 200),
  priority public.approval_priority not null default 'normal',
  confidence numeric(5, 4) check (confidence between 0 and 1),
  expected_impact jsonb not null default '{}'::jsonb check (jsonb_typeof(expected_impact) = 'object'),
  dedupe_key text check (char_length(dedupe_key) between 1 and 200),
  status public.approval_status not null default 'pending',
  expires_at timestamptz not null default now() + interval '72 hours',
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  decision_note text check (char_length(decision_note) <= 4000),
  decision_log_id uuid references public.decision_log (id) on delete set null,
  executed_at timestamptz,
  execution_result jsonb,
  execution_error text check (char_length(execution_error) <= 4000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  constraint "subject table and subject id go together" check ((subject_table is null) = (subject_id is null)),
  constraint "an approval expires after it was proposed" check (expires_at > created_at),
  foreign key (workspace_id, agent_id) references public.agents (workspace_id, id) on delete set null (agent_id),
  foreign key (workspace_id, run_id) references public.agent_runs (workspace_id, id) on delete set null (run_id)
);
comment on table public.agent_approvals is 'Human approval queue: proposed actions (by agents, automations or people) that wait for a member''s decision. Viewers read; members propose and decide; the owning service executes approved ones. Realtime.';
comment on column public.agent_approvals.agent_id is 'The proposing agent; NULL for system proposals (autopilot, workflows) and people.';
comment on column public.agent_approvals.proposer is 'Who proposed, set by trigger: agent (agent_id given), user (a signed-in caller, or proposed_by given by the service) or system (an automation, named in proposer_name).';
comment on column public.agent_approvals.proposer_name is 'The agent or automation that proposed, e.g. autopilot-optimizer.';
comment on column public.agent_approvals.payload is 'The proposed action''s parameters, e.g. {"ad_campaign_id": "...", "daily_budget_cents": 5000}. Never changes after insert.';
comment on column public.agent_approvals.subject_table is 'What the action is about (table name), with subject_id, e.g. ad_campaigns.';
comment on column public.agent_approvals.expected_impact is 'The proposer''s estimate, e.g. {"savings_cents": 12000, "roas_7d": 0.8}.';
comment on column public.agent_approvals.dedupe_key is 'Proposer''s idempotency key: at most one pending approval per workspace and key.';
comment on column public.agent_approvals.decided_by is 'Who approved or rejected: the signed-in caller (set by trigger); NULL for expiry.';
comment on column public.agent_approvals.decision_log_id is 'The decision_log entry recording the decision.';
comment on column public.agent_approvals.execution_result is 'What the executing service reported (approved -> executed | failed).';
create index agent_approvals_queue_idx on public.agent_approvals (workspace_id, status, created_at desc);
create index agent_approvals_agent_idx on public.agent_approvals (workspace_id, agent_id);
create index agent_approvals_run_idx on public.agent_approvals (workspace_id, run_id);
create index agent_approvals_proposed_by_idx on public.agent_approvals (proposed_by);
create index agent_approvals_decided_by_idx on public.agent_approvals (decided_by);
create index agent_approvals_decision_log_id_idx on public.agent_approvals (decision_log_id);
create index agent_approvals_expiry_idx on public.agent_approvals (expires_at) where status = 'pending';
create index agent_approvals_approved_idx on public.agent_approvals (action, created_at) where status = 'approved';
create unique index agent_approvals_pending_dedupe on public.agent_approvals (workspace_id, dedupe_key)
  where status = 'pending';
create trigger set_updated_at before update on public.agent_approvals for each row execute function private.set_updated_at();

-- The decision log domain of an action.
create function private.approval_domain(p_action public.approval_action) returns public.decision_domain
language sql immutable set search_path = '' as $$
  select (case
    when p_action in ('pause_ad_campaign', 'resume_ad_campaign', 'change_ad_budget', 'shift_ad_budget') then 'ads'
    when p_action in ('pause_campaign', 'change_campaign_budget', 'apply_discount', 'update_product') then 'growth'
    when p_action in ('send_email_campaign', 'publish_content') then 'content'
    when p_action = 'send_customer_reply' then 'cx'
    when p_action = 'reorder_inventory' then 'inventory'
    else 'other' end)::public.decision_domain
$$;
comment on function private.approval_domain(public.approval_action) is 'Maps an approval action to the decision_log domain it is recorded under.';

create function private.approval_event(a public.agent_approvals) returns jsonb
language sql stable set search_path = '' as $$
  select jsonb_build_object('id', a.id, 'action', a.action, 'status', a.status, 'title', a.title,
    'agent_id', a.agent_id, 'subject_table', a.subject_table, 'subject_id', a.subject_id, 'payload', a.payload,
    'expires_at', a.expires_at, 'decided_by', a.decided_by, 'decided_at', a.decided_at, 'executed_at', a.executed_at)
$$;
comment on function private.approval_event(public.agent_approvals) is 'The data of an approval.* outbound webhook event.';

-- ===== the state machine
create function private.guard_agent_approval() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  signed_in boolean := (select auth.role()) = 'authenticated';
  uid uuid := (select auth.uid());
  decided boolean;
begin
  if tg_op = 'INSERT' then
    if new.status <> 'pending' then
      raise exception 'an approval starts pending' using errcode = '22023';
    end if;
    if new.expires_at <= now() then
      raise exception 'expires_at must be in the future' using errcode = '22023';
    end if;
    if signed_in then
      new.proposer := 'user';
      new.proposed_by := uid;
    else
      new.proposer := case when new.agent_id is not null then 'agent'
                           when new.proposed_by is not null then 'user' else 'system' end;
    end if;
    new.decided_by := null;
    new.decided_at := null;
    new.decision_log_id := null;
    new.executed_at := null;
    new.execution_result := null;
    new.execution_error := null;
    return new;
  end if;

  -- What was proposed never changes (a foreign key may still clear agent_id or run_id).
  if (new.action, new.payload, new.subject_table, new.subject_id, new.proposer, new.proposed_by, new.title,
      new.rationale, new.expected_impact, new.dedupe_key)
     is distinct from (old.action, old.payload, old.subject_table, old.subject_id, old.proposer, old.proposed_by,
      old.title, old.rationale, old.expected_impact, old.dedupe_key)
     or new.agent_id is distinct from old.agent_id and new.agent_id is not null
     or new.run_id is distinct from old.run_id and new.run_id is not null then
    raise exception 'a proposal cannot be edited; reject it and propose a new one' using errcode = '42501';
  end if;

  if new.status is not distinct from old.status then
    if (new.decided_by, new.decided_at, new.decision_note, new.decision_log_id, new.executed_at, new.execution_result,
        new.execution_error)
       is distinct from (old.decided_by, old.decided_at, old.decision_note, old.decision_log_id, old.executed_at,
        old.execution_result, old.execution_error) then
      raise exception 'a decision and its outcome are recorded only by changing the status' using errcode = 'PT409';
    end if;
    if new.expires_at is distinct from old.expires_at and (signed_in or old.status <> 'pending') then
      raise exception 'only the proposer''s service can extend a pending approval' using errcode = '42501';
    end if;
    return new;
  end if;

  if old.status = 'expired' and new.status in ('approved', 'rejected') then
    raise exception 'this approval expired at %; it can no longer be decided', old.expires_at
      using errcode = 'PT410', hint = 'ask the proposer to propose it again';
  end if;
  if not (old.status = 'pending' and new.status in ('approved', 'rejected', 'expired')
          or old.status = 'approved' and new.status in ('executed', 'failed')) then
    raise exception 'an approval that is % cannot become %', old.status, new.status
      using errcode = 'PT409', hint = 'pending -> approved | rejected | expired; approved -> executed | failed';
  end if;
  if new.execution_result is distinct from old.execution_result or new.execution_error is distinct from old.execution_error
     or new.executed_at is distinct from old.executed_at then
    if new.status not in ('executed', 'failed') then
      raise exception 'an execution outcome is reported with executed or failed' using errcode = 'PT409';
    end if;
  end if;

  decided := new.status in ('approved', 'rejected');
  if decided then
    if signed_in then
      if private.workspace_role(new.workspace_id) is null or private.workspace_role(new.workspace_id) < 'member' then
        raise exception 'deciding approvals needs the member role' using errcode = '42501';
      end if;
      if new.decided_by is distinct from old.decided_by and new.decided_by is distinct from uid then
        raise exception 'decided_by is taken from your session and cannot name someone else' using errcode = '42501';
      end if;
      new.decided_by := uid;
    end if;
    if old.expires_at <= now() then
      raise exception 'this approval expired at %; it can no longer be decided', old.expires_at
        using errcode = 'PT410', hint = 'ask the proposer to propose it again';
    end if;
    new.decided_at := now();
  elsif new.status = 'expired' then
    if signed_in then
      raise exception 'approvals expire on their own when expires_at passes' using errcode = '42501';
    end if;
    if old.expires_at > now() then
      raise exception 'this approval expires at %, not yet', old.expires_at using errcode = 'PT409';
    end if;
    new.decided_by := null;
    new.decided_at := now();
  else
    if signed_in then
      raise exception 'only the service that executes the action reports its outcome' using errcode = '42501';
    end if;
    if new.decided_by is distinct from old.decided_by or new.decided_at is distinct from old.decided_at
       or new.decision_note is distinct from old.decision_note then
      raise exception 'the decision is kept as it was made' using errcode = 'PT409';
    end if;
    new.executed_at := now();
    return new;
  end if;

  if new.decision_note is distinct from old.decision_note and new.status = 'expired' then
    raise exception 'an expiry carries no note' using errcode = 'PT409';
  end if;

  -- Record the decision (the decision log's own trigger records a signed-in caller as themselves).
  insert into public.decision_log (workspace_id, domain, actor_kind, actor_id, actor_name, decision, rationale,
    inputs, outcome, subject_table, subject_id)
  values (new.workspace_id, private.approval_domain(new.action),
    case when new.decided_by is null then 'system' else 'user' end::public.actor_kind, new.decided_by,
    case when new.status = 'expired' then 'approval-expiry' end,
    left(initcap(new.status::text) || ': ' || new.title, 2000), new.decision_note,
    jsonb_build_object('approval_id', new.id, 'action', new.action, 'payload', new.payload,
      'expected_impact', new.expected_impact, 'agent_id', new.agent_id, 'proposer', new.proposer,
      'proposer_name', new.proposer_name),
    jsonb_build_object('status', new.status),
    coalesce(new.subject_table, 'agent_approvals'), coalesce(new.subject_id, new.id::text))
  returning id into new.decision_log_id;
  return new;
end $$;
comment on function private.guard_agent_approval() is 'BEFORE INSERT/UPDATE on agent_approvals: a proposal starts pending and never changes; the status moves pending -> approved | rejected | expired, approved -> executed | failed; members decide, decided_by/decided_at come from the session, expiry only after expires_at, outcomes from the service; each decision is written to decision_log.';

create function private.approval_webhook_events() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    perform private.enqueue_webhook_event(new.workspace_id, 'approval.requested', private.approval_event(new));
  elsif new.status in ('approved', 'rejected', 'expired') then
    perform private.enqueue_webhook_event(new.workspace_id, 'approval.decided', private.approval_event(new));
  else
    perform private.enqueue_webhook_event(new.workspace_id, 'approval.executed', private.approval_event(new));
  end if;
  return null;
end $$;
comment on function private.approval_webhook_events() is 'AFTER INSERT / status change on agent_approvals: queues approval.requested, approval.decided (approved, rejected, expired) or approval.executed (executed, failed) for subscribed endpoints.';

revoke all on function private.approval_domain(public.approval_action) from public;
revoke all on function private.approval_event(public.agent_approvals) from public;
revoke all on function private.guard_agent_approval() from public;
revoke all on function private.approval_webhook_events() from public;
create trigger guard_agent_approval before insert or update on public.agent_approvals
  for each row execute function private.guard_agent_approval();
create trigger approval_webhook_events_insert after insert on public.agent_approvals
  for each row execute function private.approval_webhook_events();
create trigger approval_webhook_events_update after update of status on public.agent_approvals
  for each row when (old.status is distinct from new.status) execute function private.approval_webhook_events();
create trigger audit after insert or update or delete on public.agent_approvals
  for each row execute function private.audit_row();

-- ===== proposing and executing (for other domains' services and cron jobs)
-- Idempotent: a pending approval with the same dedupe_key in the workspace is returned instead
-- of a second one.
create function private.propose_approval(
  p_workspace_id uuid, p_action public.approval_action, p_title text, p_payload jsonb,
  p_subject_table text default null, p_subject_id text default null, p_agent_id uuid default null,
  p_rationale text default null, p_priority public.approval_priority default 'normal',
  p_expires_at timestamptz default now() + interval '72 hours', p_dedupe_key text default null,
  p_proposer_name text default null, p_expected_impact jsonb default '{}', p_confidence numeric default null,
  p_run_id uuid default null
) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  new_id uuid;
begin
  insert into public.agent_approvals (workspace_id, agent_id, run_id, proposer, proposer_name, proposed_by, action, title,
    rationale, payload, subject_table, subject_id, priority, confidence, expected_impact, dedupe_key, expires_at)
  values (p_workspace_id, p_agent_id, p_run_id, 'system', p_proposer_name, null, p_action, p_title, p_rationale,
    coalesce(p_payload, '{}'), p_subject_table, p_subject_id, coalesce(p_priority, 'normal'), p_confidence, coalesce(p_expected_impact, '{}'), p_dedupe_key, p_expires_at)
  on conflict (workspace_id, dedupe_key) where status = 'pending' do nothing
  returning id into new_id;
  if new_id is null then
    select a.id into new_id from public.agent_approvals a
    where a.workspace_id = p_workspace_id and a.dedupe_key = p_dedupe_key and a.status = 'pending';
  end if;
  return new_id;
end $$;
comment on function private.propose_approval(uuid, public.approval_action, text, jsonb, text, text, uuid, text, public.approval_priority, timestamptz, text, text, jsonb, numeric, uuid) is 'Service and cron: proposes an action (proposer agent when p_agent_id is given, else system). With p_dedupe_key it is idempotent: the pending approval with that key is returned instead of a new one.';

-- The executing service reports the outcome of an approved action.
create function private.finish_approval(p_approval_id uuid, p_succeeded boolean, p_result jsonb default null,
  p_error text default null) returns public.approval_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  s public.approval_status;
begin
  select a.status into s from public.agent_approvals a where a.id = p_approval_id for update;
  if not found then
    raise exception 'no approval %', p_approval_id using errcode = 'PT404';
  end if;
  if s <> 'approved' then
    raise exception 'approval % is %, not approved', p_approval_id, s using errcode = 'PT409';
  end if;
  update public.agent_approvals set
    status = case when p_succeeded then 'executed' else 'failed' end::public.approval_status,
    execution_result = p_result, execution_error = left(p_error, 4000)
  where id = p_approval_id
  returning status into s;
  return s;
end $$;
comment on function private.finish_approval(uuid, boolean, jsonb, text) is 'Service: records the outcome of an approved action (executed or failed) with its result or error.';

-- pg_cron: pending approvals whose expires_at passed become expired.
create function private.expire_approvals() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  update public.agent_approvals set status = 'expired' where status = 'pending' and expires_at <= now();
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.expire_approvals() is 'pg_cron job approvals-expiry (every minute): expires pending approvals past expires_at; returns how many.';

revoke all on function private.propose_approval(uuid, public.approval_action, text, jsonb, text, text, uuid, text, public.approval_priority, timestamptz, text, text, jsonb, numeric, uuid) from public;
revoke all on function private.finish_approval(uuid, boolean, jsonb, text) from public;
revoke all on function private.expire_approvals() from public;
grant execute on function
  private.propose_approval(uuid, public.approval_action, text, jsonb, text, text, uuid, text, public.approval_priority, timestamptz, text, text, jsonb, numeric, uuid),
  private.finish_approval(uuid, boolean, jsonb, text),
  private.expire_approvals()
  to service_role;
select cron.schedule('approvals-expiry', '* * * * *', 'select private.expire_approvals()');

-- ===== deciding (SECURITY INVOKER: RLS, grants and the trigger decide)
create function public.decide_approvals(p_approval_ids uuid[], p_decision public.approval_decision,
  p_note text default null)
returns setof public.agent_approvals
language plpgsql volatile set search_path = '' as $$
declare
  n integer := coalesce(cardinality(p_approval_ids), 0);
  ws uuid;
  missing uuid;
begin
  if n = 0 or p_decision is null then
    raise exception 'approval ids and a decision (approved or rejected) are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('approvals', n, 100);
  if p_note is not null and char_length(p_note) > 4000 then
    raise exception 'a note has at most 4000 characters' using errcode = '22023';
  end if;
  select i into missing from unnest(p_approval_ids) i
  where not exists (select 1 from public.agent_approvals a where a.id = i) limit 1;
  if missing is not null then
    raise exception 'no approval %', missing using errcode = 'PT404';
  end if;
  for ws in select distinct a.workspace_id from public.agent_approvals a where a.id = any (p_approval_ids) loop
    perform private.require_workspace_role(ws, 'member');
  end loop;
  return query
    update public.agent_approvals a set status = p_decision::text::public.approval_status, decision_note = p_note
    where a.id = any (p_approval_ids)
    returning a.*;
end $$;
comment on function public.decide_approvals(uuid[], public.approval_decision, text) is 'Members: approve or reject up to 100 pending approvals at once (all or none). 404 when one is not visible, 403 for viewers, 409 when one is already decided, 410 when one has expired.';

create function public.decide_approval(p_approval_id uuid, p_decision public.approval_decision, p_note text default null)
returns public.agent_approvals
language plpgsql volatile set search_path = '' as $$
declare
  a public.agent_approvals;
begin
  if p_approval_id is null then
    raise exception 'an approval id is required' using errcode = '22023';
  end if;
  select * into a from public.decide_approvals(array[p_approval_id], p_decision, p_note);
  return a;
end $$;
comment on function public.decide_approval(uuid, public.approval_decision, text) is 'Members: approve or reject one pending approval with an optional note; returns it. 404 not visible, 403 viewer, 409 already decided, 410 expired.';

grant execute on function public.decide_approvals(uuid[], public.approval_decision, text),
  public.decide_approval(uuid, public.approval_decision, text) to authenticated, service_role;

-- ===== access: viewers read the queue; members propose and decide; nobody deletes history
alter table public.agent_approvals enable row level security;
grant select on public.agent_approvals to authenticated;
grant insert (id, workspace_id, agent_id, run_id, proposer_name, action, title, rationale, payload, subject_table, subject_id,
  priority, confidence, expected_impact, dedupe_key, expires_at) on public.agent_approvals to authenticated;
grant update (status, decision_note) on public.agent_approvals to authenticated;
grant all on public.agent_approvals to service_role;
create policy "viewers read approvals" on public.agent_approvals for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "members propose actions" on public.agent_approvals for insert to authenticated
  with check (workspace_id = any (array(select private.workspace_ids('member'))));
create policy "members decide approvals" on public.agent_approvals for update to authenticated
  using (workspace_id = any (array(select private.workspace_ids('member'))))
  with check (workspace_id = any (array(select private.workspace_ids('member'))));
select private.install_tenant_guard('public.agent_approvals');

alter publication supabase_realtime add table public.agent_approvals;
