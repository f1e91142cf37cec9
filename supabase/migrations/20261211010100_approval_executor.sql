-- The approval executor: ONE path by which an approved action happens.
--
--   pending -> approved -> executing -> executed | failed
--
-- When an approval becomes approved, a job is queued on the connector framework's queue
-- `approval_actions` (private.connector_jobs) with the idempotency key `approval:<id>`, recorded
-- before any provider is called, on the connection the action goes through (the ad account's, the
-- shop's, Slack's, Chatwoot's; none for actions that only change our own tables). The worker
-- (functions/approval-executor) claims the job and asks private.begin_approval_execution, which
-- re-checks at execution time that the approval is still approved, not past expires_at, that the
-- person who approved it still holds the member role in the workspace, that the payload is valid
-- and names rows of the workspace, and that the change is within the workspace's guardrails
-- (agent_settings: a budget change within max_budget_change_pct, a discount within
-- max_discount_percent ...). A refusal fails the approval with the reason and calls nothing.
-- Otherwise the approval moves to executing and what the action needs (the target, the account,
-- the value it replaces) is resolved once and saved on the job, so a retry acts on the same thing.
-- The worker's handler calls the provider with the key (or reconciles first when an earlier
-- attempt may have reached it), then private.complete_approval_execution records the outcome in
-- the same transaction that finishes the job: the provider's ids or the error, our own copy of
-- what changed (an ad campaign's budget, a product's price), and what the change replaced, so an
-- undo is one more approval (public.propose_undo). Actions on our own tables run entirely inside
-- that transaction. A job that dies (attempts spent, a permanent provider refusal) fails its
-- approval with the job's last error (a trigger on the job).

-- ===== what an approval carries for the executor
alter table public.agent_approvals
  add column replaced jsonb check (jsonb_typeof(replaced) = 'object'),
  add column undo_of_id uuid,
  add constraint agent_approvals_undo_of_fkey foreign key (workspace_id, undo_of_id)
    references public.agent_approvals (workspace_id, id) on delete set null (undo_of_id);
comment on column public.agent_approvals.replaced is 'What the executed change replaced (e.g. {"daily_budget_cents": 12000}), recorded by the executor; public.propose_undo proposes putting it back.';
comment on column public.agent_approvals.undo_of_id is 'The executed approval this proposal undoes (public.propose_undo).';
create index agent_approvals_undo_of_idx on public.agent_approvals (workspace_id, undo_of_id);
grant insert (undo_of_id) on public.agent_approvals to authenticated;

-- ===== per-workspace agent settings: budget, limits and the executor's guardrails
create table public.agent_settings (
  workspace_id uuid primary key references public.workspaces (id) on delete cascade,
  monthly_budget_micros bigint not null default 50000000 check (monthly_budget_micros >= 0),
  max_steps smallint not null default 8 check (max_steps between 1 and 50),
  max_run_tokens integer not null default 60000 check (max_run_tokens between 1000 and 5000000),
  max_run_seconds integer not null default 120 check (max_run_seconds between 5 and 900),
  max_proposals_per_run smallint not null default 5 check (max_proposals_per_run between 1 and 50),
  chat_agent_id uuid,
  max_budget_change_pct numeric(6, 2) not null default 50 check (max_budget_change_pct > 0 and max_budget_change_pct <= 1000),
  max_daily_budget_cents bigint check (max_daily_budget_cents > 0),
  max_price_change_pct numeric(6, 2) not null default 30 check (max_price_change_pct > 0 and max_price_change_pct <= 1000),
  max_discount_percent numeric(5, 2) not null default 30 check (max_discount_percent > 0 and max_discount_percent <= 100),
  max_gift_card_cents bigint not null default 10000 check (max_gift_card_cents > 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, chat_agent_id) references public.agents (workspace_id, id) on delete set null (chat_agent_id)
);
comment on table public.agent_settings is 'Per-workspace AI settings (one row, admins write, viewers read; without a row the column defaults apply, read through private.agent_settings_for): the monthly AI budget, a run''s limits, the chat agent, and the guardrails the approval executor re-checks before acting.';
comment on column public.agent_settings.monthly_budget_micros is 'What model calls may cost per calendar month (UTC), in micros of USD: $50 = 50000000. When spent, new runs are refused (PT402) until the month ends or an admin raises it.';
comment on column public.agent_settings.max_steps is 'Model calls one run may make (tool rounds included).';
comment on column public.agent_settings.max_run_tokens is 'Input plus output tokens one run may use over all its calls.';
comment on column public.agent_settings.max_run_seconds is 'Wall time one run may take.';
comment on column public.agent_settings.max_proposals_per_run is 'Approval requests one run may file.';
comment on column public.agent_settings.chat_agent_id is 'The agent that answers chat sessions that name none.';
comment on column public.agent_settings.max_budget_change_pct is 'Guardrail: an ad or campaign budget change moves the budget by at most this percentage of its current value.';
comment on column public.agent_settings.max_daily_budget_cents is 'Guardrail: no ad campaign''s daily budget above this (NULL: no ceiling).';
comment on column public.agent_settings.max_price_change_pct is 'Guardrail: a product price change moves the price by at most this percentage.';
comment on column public.agent_settings.max_discount_percent is 'Guardrail: the largest percentage discount the executor creates.';
comment on column public.agent_settings.max_gift_card_cents is 'Guardrail: the largest gift card the executor issues.';
alter table public.agent_settings enable row level security;
grant select, insert, update, delete on public.agent_settings to authenticated;
select private.install_row_triggers('public.agent_settings');
select private.tenant_policies('public.agent_settings', 'viewer', 'admin');
create index agent_settings_chat_agent_idx on public.agent_settings (workspace_id, chat_agent_id);

-- The workspace's settings, the column defaults where it has no row.
create function private.agent_settings_for(p_workspace_id uuid) returns public.agent_settings
language plpgsql stable security definer set search_path = '' as $$
declare
  s public.agent_settings;
begin
  select * into s from public.agent_settings a where a.workspace_id = p_workspace_id;
  if not found then
    -- the defaults, read from the table's own column defaults (one place for them)
    select * into s from jsonb_populate_record(null::public.agent_settings, (
      select jsonb_object_agg(c.column_name, d.value)
      from information_schema.columns c
      cross join lateral (select case when c.column_default is null then null
                                      else to_jsonb(private.column_default_value(c.column_default)) end as value) d
      where c.table_schema = 'public' and c.table_name = 'agent_settings' and c.column_default is not null
        and c.column_name not in ('created_at', 'updated_at')));
    s.workspace_id := p_workspace_id;
  end if;
  return s;
end $$;
comment on function private.agent_settings_for(uuid) is 'The workspace''s agent_settings row, or one holding the table''s column defaults when it has none.';

-- A numeric column default as text ('50000000'::bigint -> 50000000); the defaults of agent_settings are constants.
create function private.column_default_value(p_default text) returns numeric
language plpgsql immutable set search_path = '' as $$
begin
  return (regexp_match(p_default, '^\(?''?(-?[0-9.]+)''?'))[1]::numeric;
end $$;
comment on function private.column_default_value(text) is 'The number in a constant column default expression (''50''::numeric -> 50); private.agent_settings_for reads agent_settings'' defaults with it.';

-- ===== the state machine, extended with executing
create or replace function private.guard_agent_approval() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  signed_in boolean := private.is_end_user();
  uid uuid := (select auth.uid());
  agent_run uuid := nullif(auth.jwt() #>> '{agent_run,id}', '')::uuid;
  decided boolean;
begin
  if tg_op = 'INSERT' then
    if new.status <> 'pending' then
      raise exception 'an approval starts pending' using errcode = '22023';
    end if;
    if new.expires_at <= now() then
      raise exception 'expires_at must be in the future' using errcode = '22023';
    end if;
    if signed_in and agent_run is not null and new.run_id = agent_run and new.agent_id is not null then
      -- an agent run's proposal (private.propose_from_agent_run, under the run's scoped claims)
      new.proposer := 'agent';
      new.proposed_by := null;
    elsif signed_in then
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
    new.replaced := null;
    return new;
  end if;

  -- What was proposed never changes (a foreign key may still clear agent_id, run_id or undo_of_id).
  if (new.action, new.payload, new.subject_table, new.subject_id, new.proposer, new.proposed_by, new.title,
      new.rationale, new.expected_impact, new.dedupe_key)
     is distinct from (old.action, old.payload, old.subject_table, old.subject_id, old.proposer, old.proposed_by,
      old.title, old.rationale, old.expected_impact, old.dedupe_key)
     or new.agent_id is distinct from old.agent_id and new.agent_id is not null
     or new.run_id is distinct from old.run_id and new.run_id is not null
     or new.undo_of_id is distinct from old.undo_of_id and new.undo_of_id is not null then
    raise exception 'a proposal cannot be edited; reject it and propose a new one' using errcode = '42501';
  end if;

  if new.status is not distinct from old.status then
    if (new.decided_by, new.decided_at, new.decision_note, new.decision_log_id, new.executed_at, new.execution_result,
        new.execution_error, new.replaced)
       is distinct from (old.decided_by, old.decided_at, old.decision_note, old.decision_log_id, old.executed_at,
        old.execution_result, old.execution_error, old.replaced) then
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
          or old.status = 'approved' and new.status in ('executing', 'executed', 'failed')
          or old.status = 'executing' and new.status in ('executed', 'failed')) then
    raise exception 'an approval that is % cannot become %', old.status, new.status
      using errcode = 'PT409',
            hint = 'pending -> approved | rejected | expired; approved -> executing | executed | failed; executing -> executed | failed';
  end if;
  if new.execution_result is distinct from old.execution_result or new.execution_error is distinct from old.execution_error
     or new.executed_at is distinct from old.executed_at or new.replaced is distinct from old.replaced then
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
      if agent_run is not null then
        raise exception 'an agent run cannot decide approvals' using errcode = '42501';
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
    -- executing, executed, failed: the executing service's report
    if signed_in then
      raise exception 'only the service that executes the action reports its outcome' using errcode = '42501';
    end if;
    if new.decided_by is distinct from old.decided_by or new.decided_at is distinct from old.decided_at
       or new.decision_note is distinct from old.decision_note then
      raise exception 'the decision is kept as it was made' using errcode = 'PT409';
    end if;
    if new.status <> 'executing' then
      new.executed_at := now();
    end if;
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
comment on function private.guard_agent_approval() is 'BEFORE INSERT/UPDATE on agent_approvals: a proposal starts pending and never changes; the status moves pending -> approved | rejected | expired, approved -> executing | executed | failed, executing -> executed | failed; members decide (never an agent run), decided_by/decided_at come from the session, expiry only after expires_at, execution and its outcome from the service; an agent run''s proposal is recorded as the agent''s; each decision is written to decision_log.';

create or replace function private.approval_webhook_events() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    perform private.enqueue_webhook_event(new.workspace_id, 'approval.requested', private.approval_event(new));
  elsif new.status in ('approved', 'rejected', 'expired') then
    perform private.enqueue_webhook_event(new.workspace_id, 'approval.decided', private.approval_event(new));
  elsif new.status in ('executed', 'failed') then
    perform private.enqueue_webhook_event(new.workspace_id, 'approval.executed', private.approval_event(new));
  end if;
  return null;
end $$;
comment on function private.approval_webhook_events() is 'AFTER INSERT / status change on agent_approvals: queues approval.requested, approval.decided (approved, rejected, expired) or approval.executed (executed, failed; not the executing step) for subscribed endpoints.';

create or replace function private.approval_domain(p_action public.approval_action) returns public.decision_domain
language sql immutable set search_path = '' as $$
  select (case
    when p_action in ('pause_ad_campaign', 'resume_ad_campaign', 'change_ad_budget', 'shift_ad_budget') then 'ads'
    when p_action in ('pause_campaign', 'resume_campaign', 'change_campaign_budget', 'apply_discount', 'issue_gift_card',
                      'update_product') then 'growth'
    when p_action in ('send_email_campaign', 'enable_email_automation', 'disable_email_automation', 'publish_content',
                      'update_content_calendar', 'post_slack_message') then 'content'
    when p_action in ('send_customer_reply', 'publish_review_reply') then 'cx'
    when p_action = 'reorder_inventory' then 'inventory'
    else 'other' end)::public.decision_domain
$$;
comment on function private.approval_domain(public.approval_action) is 'Maps an approval action to the decision_log domain it is recorded under.';

-- ===== payloads: one shape per action kind, checked against the workspace's rows
-- The kinds of a payload field and whether a JSON value is one.
create function private.payload_value_problem(p_value jsonb, p_kind text) returns text
language plpgsql stable set search_path = '' as $$
declare
  s text := p_value #>> '{}';
begin
  case p_kind
  when 'uuid' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' then
      return 'must be an id (uuid)';
    end if;
  when 'text' then
    if not private.is_text(p_value, 200) then return 'must be text of 1 to 200 characters'; end if;
  when 'long_text' then
    if not private.is_text(p_value, 10000) then return 'must be text of 1 to 10000 characters'; end if;
  when 'cents' then
    if not private.is_whole_number(p_value, 0) then return 'must be a whole number of cents (0 or more)'; end if;
  when 'positive_cents' then
    if not private.is_whole_number(p_value, 1) then return 'must be a whole number of cents above 0'; end if;
  when 'count' then
    if not private.is_whole_number(p_value, 1) or s::numeric > 1000000 then return 'must be a whole number from 1 to 1000000'; end if;
  when 'percent' then
    if jsonb_typeof(p_value) <> 'number' or s::numeric <= 0 or s::numeric > 100 then return 'must be a number above 0 and at most 100'; end if;
  when 'timestamptz' then
    if jsonb_typeof(p_value) <> 'string' or not private.is_timestamptz(s) then return 'must be a timestamp (ISO 8601)'; end if;
  when 'date' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^\d{4}-\d{2}-\d{2}$' or not private.is_timestamptz(s) then return 'must be a date (YYYY-MM-DD)'; end if;
  when 'object' then
    if jsonb_typeof(p_value) <> 'object' or octet_length(p_value::text) > 16384 then return 'must be a JSON object of at most 16 kB'; end if;
  when 'boolean' then
    if jsonb_typeof(p_value) <> 'boolean' then return 'must be true or false'; end if;
  when 'currency' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^[A-Z]{3}$' then return 'must be a currency code (ISO 4217, e.g. USD)'; end if;
  when 'platform' then
    if jsonb_typeof(p_value) <> 'string' or s not in ('meta', 'google', 'tiktok') then return 'must be meta, google or tiktok'; end if;
  when 'external_id' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^[A-Za-z0-9_-]{1,64}$' then return 'must be the platform''s campaign id'; end if;
  when 'discount_code' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^[A-Za-z0-9_-]{3,40}$' then return 'must be a code of 3 to 40 letters, digits, _ or -'; end if;
  when 'slack_channel' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^[CGD][A-Z0-9]{2,20}$' then return 'must be a Slack channel id (C..., G... or D...)'; end if;
  when 'event_type' then
    if jsonb_typeof(p_value) <> 'string' or s !~ '^[a-z][a-z0-9_.-]{0,99}$' then return 'must be an event name (lowercase letters, digits, . _ -)'; end if;
  when 'calendar_status' then
    if jsonb_typeof(p_value) <> 'string' or not (s = any (enum_range(null::public.calendar_status)::text[])) then
      return 'must be one of ' || array_to_string(enum_range(null::public.calendar_status)::text[], ', ');
    end if;
  when 'marketing_channel' then
    if jsonb_typeof(p_value) <> 'string' or not (s = any (enum_range(null::public.marketing_channel)::text[])) then
      return 'must be a marketing channel';
    end if;
  when 'product_status' then
    if jsonb_typeof(p_value) <> 'string' or not (s = any (enum_range(null::public.product_status)::text[])) then
      return 'must be active, draft or archived';
    end if;
  else
    return 'has an unknown kind ' || p_kind;
  end case;
  return null;
end $$;
comment on function private.payload_value_problem(jsonb, text) is 'Why a JSON value is not of a payload field kind (uuid, text, cents, percent, timestamptz ...), or null.';

-- The fields of each action's payload: (key, kind, required, the table an id names).
create function private.approval_payload_fields(p_action public.approval_action)
returns table (key text, kind text, required boolean, names_table text)
language sql immutable set search_path = '' as $$
  select f.key, f.kind, f.required, f.names_table from (values
    ('change_ad_budget', 'daily_budget_cents', 'positive_cents', true, null),
    ('shift_ad_budget', 'daily_cents', 'positive_cents', true, null),
    ('pause_campaign', 'campaign_id', 'uuid', true, 'campaigns'),
    ('resume_campaign', 'campaign_id', 'uuid', true, 'campaigns'),
    ('change_campaign_budget', 'campaign_id', 'uuid', true, 'campaigns'),
    ('change_campaign_budget', 'budget_cents', 'cents', true, null),
    ('send_email_campaign', 'email_campaign_id', 'uuid', true, 'email_campaigns'),
    ('enable_email_automation', 'automation_rule_id', 'uuid', true, 'email_automation_rules'),
    ('disable_email_automation', 'automation_rule_id', 'uuid', true, 'email_automation_rules'),
    ('publish_content', 'content_calendar_id', 'uuid', true, 'content_calendar'),
    ('update_content_calendar', 'content_calendar_id', 'uuid', true, 'content_calendar'),
    ('update_content_calendar', 'scheduled_for', 'timestamptz', false, null),
    ('update_content_calendar', 'status', 'calendar_status', false, null),
    ('update_content_calendar', 'title', 'text', false, null),
    ('update_content_calendar', 'channel', 'marketing_channel', false, null),
    ('send_customer_reply', 'support_ticket_id', 'uuid', true, 'support_tickets'),
    ('send_customer_reply', 'body', 'long_text', true, null),
    ('publish_review_reply', 'review_id', 'uuid', true, 'reviews'),
    ('publish_review_reply', 'body', 'long_text', true, null),
    ('publish_review_reply', 'author_name', 'text', false, null),
    ('post_slack_message', 'channel', 'slack_channel', true, null),
    ('post_slack_message', 'text', 'long_text', true, null),
    ('reorder_inventory', 'product_id', 'uuid', true, 'products'),
    ('reorder_inventory', 'quantity', 'count', true, null),
    ('reorder_inventory', 'supplier_name', 'text', false, null),
    ('apply_discount', 'code', 'discount_code', true, null),
    ('apply_discount', 'percent', 'percent', true, null),
    ('apply_discount', 'title', 'text', false, null),
    ('apply_discount', 'starts_at', 'timestamptz', false, null),
    ('apply_discount', 'ends_at', 'timestamptz', false, null),
    ('apply_discount', 'usage_limit', 'count', false, null),
    ('apply_discount', 'once_per_customer', 'boolean', false, null),
    ('issue_gift_card', 'amount_cents', 'positive_cents', true, null),
    ('issue_gift_card', 'currency', 'currency', false, null),
    ('issue_gift_card', 'customer_id', 'uuid', false, 'customers'),
    ('issue_gift_card', 'note', 'text', false, null),
    ('issue_gift_card', 'expires_on', 'date', false, null),
    ('update_product', 'product_id', 'uuid', true, 'products'),
    ('update_product', 'price_cents', 'positive_cents', false, null),
    ('update_product', 'status', 'product_status', false, null),
    ('update_product', 'title', 'text', false, null),
    ('run_workflow', 'workflow_rule_id', 'uuid', true, 'workflow_rules'),
    ('run_workflow', 'subject', 'object', false, null),
    ('send_webhook', 'endpoint_id', 'uuid', true, 'webhook_endpoints'),
    ('send_webhook', 'event_type', 'event_type', true, null),
    ('send_webhook', 'data', 'object', true, null)
  ) f (action, key, kind, required, names_table)
  where f.action = p_action::text
$$;
comment on function private.approval_payload_fields(public.approval_action) is 'The payload fields of an action kind: key, kind (private.payload_value_problem), whether required, and the table (in the approval''s workspace) an id names. Ad actions also name their ad campaign (ad_campaign_id, or platform + external_campaign_id); shift_ad_budget names two (from, to).';

-- The ad campaign a payload (or a part of one) names: {ad_campaign_id} or {platform, external_campaign_id}.
create function private.approval_ad_campaign(p_workspace_id uuid, p_ref jsonb) returns public.ad_campaigns
language sql stable security definer set search_path = '' as $$
  select c.* from public.ad_campaigns c
  where c.workspace_id = p_workspace_id
    and case when p_ref ? 'ad_campaign_id'
             then c.id::text = lower(p_ref ->> 'ad_campaign_id')
             else c.platform::text = p_ref ->> 'platform' and c.external_id = p_ref ->> 'external_campaign_id' end
$$;
comment on function private.approval_ad_campaign(uuid, jsonb) is 'The workspace''s ad campaign a payload names by ad_campaign_id or by platform and external_campaign_id (no row: null fields).';

create function private.ad_ref_problem(p_workspace_id uuid, p_ref jsonb, p_where text) returns text
language plpgsql stable set search_path = '' as $$
declare
  problem text;
begin
  if jsonb_typeof(p_ref) is distinct from 'object' then
    return p_where || ': must name an ad campaign';
  end if;
  if p_ref ? 'ad_campaign_id' then
    problem := private.payload_value_problem(p_ref -> 'ad_campaign_id', 'uuid');
    if problem is not null then return p_where || 'ad_campaign_id ' || problem; end if;
  else
    problem := coalesce('platform ' || private.payload_value_problem(p_ref -> 'platform', 'platform'),
                        'external_campaign_id ' || private.payload_value_problem(p_ref -> 'external_campaign_id', 'external_id'));
    if problem is not null then
      return p_where || problem || ' (or give ad_campaign_id)';
    end if;
  end if;
  if (private.approval_ad_campaign(p_workspace_id, p_ref)).id is null then
    return p_where || 'names no ad campaign of this workspace';
  end if;
  if (private.approval_ad_campaign(p_workspace_id, p_ref)).platform not in ('meta', 'google', 'tiktok') then
    return p_where || 'names a campaign on a platform the executor cannot change';
  end if;
  return null;
end $$;
comment on function private.ad_ref_problem(uuid, jsonb, text) is 'Why a payload part does not name an ad campaign of the workspace on Meta, Google or TikTok, or null.';

-- Why a payload cannot be executed as it is (format and the rows it names), or null.
create function private.approval_payload_problem(p_workspace_id uuid, p_action public.approval_action, p_payload jsonb)
returns text
language plpgsql stable security definer set search_path = '' as $$
declare
  f record;
  problem text;
  allowed text[];
  found_row boolean;
begin
  if jsonb_typeof(p_payload) is distinct from 'object' then
    return 'the payload must be a JSON object';
  end if;
  if p_action = 'other' then
    return 'an approval of kind other has no automatic executor: carry it out by hand';
  end if;
  allowed := array(select x.key from private.approval_payload_fields(p_action) x);
  if p_action in ('pause_ad_campaign', 'resume_ad_campaign', 'change_ad_budget') then
    allowed := allowed || array['ad_campaign_id', 'platform', 'external_campaign_id'];
    problem := private.ad_ref_problem(p_workspace_id, p_payload, '');
    if problem is not null then return 'payload: ' || btrim(problem); end if;
  elsif p_action = 'shift_ad_budget' then
    allowed := allowed || array['from', 'to'];
    problem := coalesce(private.ad_ref_problem(p_workspace_id, p_payload -> 'from', 'from.'),
                        private.ad_ref_problem(p_workspace_id, p_payload -> 'to', 'to.'));
    if problem is not null then return 'payload.' || problem; end if;
    if (private.approval_ad_campaign(p_workspace_id, p_payload -> 'from')).id
       = (private.approval_ad_campaign(p_workspace_id, p_payload -> 'to')).id then
      return 'payload: from and to name the same ad campaign';
    end if;
  end if;
  problem := private.unknown_keys(p_payload, allowed);
  if problem is not null then
    return 'payload: unknown keys ' || problem || '; ' || p_action || ' takes ' || array_to_string(allowed, ', ');
  end if;
  for f in select * from private.approval_payload_fields(p_action) loop
    if not p_payload ? f.key then
      if f.required then return format('payload.%s is required', f.key); end if;
      continue;
    end if;
    problem := private.payload_value_problem(p_payload -> f.key, f.kind);
    if problem is not null then return format('payload.%s %s', f.key, problem); end if;
    if f.names_table is not null then
      -- the table comes from the fixed list above, never from the payload
      execute format('select exists (select 1 from public.%I t where t.workspace_id = $1 and t.id = $2)', f.names_table)
        into found_row using p_workspace_id, (p_payload ->> f.key)::uuid;
      if not found_row then
        return format('payload.%s names no %s row of this workspace', f.key, f.names_table);
      end if;
    end if;
  end loop;
  if p_action in ('update_content_calendar', 'update_product')
     and not exists (select 1 from private.approval_payload_fields(p_action) x where not x.required and p_payload ? x.key) then
    return format('payload: %s changes nothing; give at least one of %s', p_action,
                  (select string_agg(x.key, ', ') from private.approval_payload_fields(p_action) x where not x.required));
  end if;
  return null;
end $$;
comment on function private.approval_payload_problem(uuid, public.approval_action, jsonb) is 'Why an action''s payload cannot be executed (a missing or malformed field, an unknown key, a row that is not in the workspace, kind other), or null. Agent proposals are checked with it when filed, and every approval again before it executes.';

-- What the approval's subject is, from its payload (for approvals filed by agents).
create function private.approval_subject(p_workspace_id uuid, p_action public.approval_action, p_payload jsonb,
  out subject_table text, out subject_id text)
language plpgsql stable security definer set search_path = '' as $$
declare
  f record;
begin
  if p_action in ('pause_ad_campaign', 'resume_ad_campaign', 'change_ad_budget') then
    subject_table := 'ad_campaigns';
    subject_id := (private.approval_ad_campaign(p_workspace_id, p_payload)).id::text;
    return;
  end if;
  select x.names_table, p_payload ->> x.key as id into f
  from private.approval_payload_fields(p_action) x where x.names_table is not null and x.required limit 1;
  if f.id is not null then
    subject_table := f.names_table;
    subject_id := f.id;
  end if;
end $$;
comment on function private.approval_subject(uuid, public.approval_action, jsonb) is 'The table and id an action is about, from its payload (ad actions: the ad campaign; others: the first row their payload names); nulls when it names none.';

-- ===== purchase orders: what an approved reorder becomes
create type public.purchase_order_status as enum ('ordered', 'received', 'cancelled');
comment on type public.purchase_order_status is 'ordered (by an approved reorder_inventory) -> received | cancelled (by a member).';

create table public.purchase_orders (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  product_id uuid not null,
  approval_id uuid,
  supplier_name text check (char_length(supplier_name) between 1 and 200),
  quantity integer not null check (quantity between 1 and 1000000),
  status public.purchase_order_status not null default 'ordered',
  expected_at date,
  ordered_at timestamptz not null default now(),
  received_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, product_id) references public.products (workspace_id, id) on delete cascade,
  foreign key (workspace_id, approval_id) references public.agent_approvals (workspace_id, id) on delete set null (approval_id)
);
comment on table public.purchase_orders is 'Stock ordered from a supplier: written by the approval executor when a reorder_inventory approval executes (one per approval), read by viewers, received or cancelled by members. The inventory page shows what is on order.';
comment on column public.purchase_orders.expected_at is 'Ordered date plus the primary supplier''s lead time, when known.';
alter table public.purchase_orders enable row level security;
grant select on public.purchase_orders to authenticated;
grant update (status) on public.purchase_orders to authenticated;
select private.install_row_triggers('public.purchase_orders');
select private.tenant_policy('public.purchase_orders', 'select', 'viewer');
select private.tenant_policy('public.purchase_orders', 'update', 'member');
create index purchase_orders_product_idx on public.purchase_orders (workspace_id, product_id, ordered_at desc);
create unique index purchase_orders_one_per_approval on public.purchase_orders (workspace_id, approval_id);

create function private.guard_purchase_order() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status is distinct from old.status then
    if old.status <> 'ordered' then
      raise exception 'a purchase order that is % stays so', old.status using errcode = 'PT409';
    end if;
    if new.status = 'received' then
      new.received_at := now();
    end if;
  end if;
  return new;
end $$;
comment on function private.guard_purchase_order() is 'BEFORE UPDATE on purchase_orders: ordered -> received (stamped) | cancelled, and no further.';
create trigger guard_purchase_order before update on public.purchase_orders
  for each row execute function private.guard_purchase_order();

-- ===== the executor's queue
select private.register_connector_queue('approval_actions', 'approval-executor',
  'Approved actions, one job per approval (key approval:<id>), on the connection the action goes through.',
  p_lease => interval '2 minutes', p_max_attempts => 6, p_backoff_base => interval '30 seconds',
  p_backoff_cap => interval '1 hour', p_one_per_connection => true, p_keep_done => interval '30 days',
  p_keep_dead => interval '90 days');

-- The connection an action goes through: the ad account's, the workspace's Shopify, Slack or
-- Chatwoot connection; null for actions on our own tables and for email (a deployment key).
create function private.approval_connection(p_workspace_id uuid, p_action public.approval_action, p_payload jsonb)
returns uuid
language plpgsql stable security definer set search_path = '' as $$
declare
  wanted public.integration_provider;
begin
  if p_action in ('pause_ad_campaign', 'resume_ad_campaign', 'change_ad_budget', 'shift_ad_budget') then
    return (select a.integration_connection_id from public.ad_accounts a
            where a.workspace_id = p_workspace_id
              and a.id = (private.approval_ad_campaign(p_workspace_id,
                            case when p_action = 'shift_ad_budget' then p_payload -> 'from' else p_payload end)).ad_account_id);
  end if;
  wanted := case
    when p_action in ('apply_discount', 'issue_gift_card', 'update_product') then 'shopify'
    when p_action = 'post_slack_message' then 'slack'
    when p_action = 'send_customer_reply' then 'chatwoot' end::public.integration_provider;
  if wanted is null then
    return null;
  end if;
  return (select c.id from public.integration_connections c
          where c.workspace_id = p_workspace_id and c.provider = wanted
          order by (c.status = 'active') desc, c.created_at desc limit 1);
end $$;
comment on function private.approval_connection(uuid, public.approval_action, jsonb) is 'The integration connection an approved action is executed through (ad account, Shopify, Slack, Chatwoot), or null for actions on our own tables and email.';

create function private.queue_approved_action() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.enqueue_connector_job('approval_actions', new.workspace_id,
    private.approval_connection(new.workspace_id, new.action, new.payload),
    'approval:' || new.id, jsonb_build_object('approval_id', new.id, 'action', new.action));
  return null;
end $$;
comment on function private.queue_approved_action() is 'AFTER UPDATE to approved on agent_approvals (every kind but other, which a person carries out and a service reports with private.finish_approval): queues the approval''s job (key approval:<id>, recorded before anything is called) on the approval_actions queue, which wakes the executor at commit.';
create trigger queue_approved_action after update of status on public.agent_approvals
  for each row when (new.status = 'approved' and old.status is distinct from new.status and new.action <> 'other')
  execute function private.queue_approved_action();

-- ===== preparing: the target, the value it replaces, the guardrails
create function private.pct_change(p_from numeric, p_to numeric) returns numeric
language sql immutable set search_path = '' as $$
  select case when p_from > 0 then round(abs(p_to - p_from) * 100 / p_from, 2) end
$$;
comment on function private.pct_change(numeric, numeric) is 'How far p_to is from p_from, in percent of p_from (null when p_from is 0 or null).';

-- An ad campaign as the handlers need it: platform, account, connection, current budget and status.
create function private.ad_target(p_campaign public.ad_campaigns) returns jsonb
language sql stable security definer set search_path = '' as $$
  select jsonb_build_object('ad_campaign_id', p_campaign.id, 'platform', p_campaign.platform,
    'external_campaign_id', p_campaign.external_id, 'name', p_campaign.name,
    'account', a.external_account_id, 'currency', coalesce(a.currency, 'USD'),
    'exponent', coalesce(private.currency_exponent(coalesce(a.currency, 'USD')), 2), 'connection_id', a.integration_connection_id,
    'daily_budget_cents', p_campaign.daily_budget_cents, 'status', p_campaign.status)
  from (select 1) one left join public.ad_accounts a
    on a.workspace_id = p_campaign.workspace_id and a.id = p_campaign.ad_account_id
$$;
comment on function private.ad_target(public.ad_campaigns) is 'What an ad handler needs of a campaign: platform, external ids, account, currency and its minor-unit exponent, connection, our copy of its daily budget (minor units) and status.';

-- Returns {"prepared": {...}} or {"refused": "why"}.
create function private.prepare_approval_action(p_approval public.agent_approvals) returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  ws uuid := p_approval.workspace_id;
  p jsonb := p_approval.payload;
  s public.agent_settings := private.agent_settings_for(p_approval.workspace_id);
  problem text := private.approval_payload_problem(p_approval.workspace_id, p_approval.action, p_approval.payload);
  ac public.ad_campaigns;
  ac2 public.ad_campaigns;
  target jsonb;
  cur bigint;
  want bigint;
  row_json jsonb;
begin
  if problem is not null then
    return jsonb_build_object('refused', problem);
  end if;
  case p_approval.action
  when 'change_ad_budget', 'pause_ad_campaign', 'resume_ad_campaign' then
    ac := private.approval_ad_campaign(ws, p);
    target := private.ad_target(ac);
    if target ->> 'connection_id' is null then
      return jsonb_build_object('refused', format('the %s ad account of campaign %s has no connection to act through',
                                                  ac.platform, ac.name));
    end if;
    if p_approval.action = 'change_ad_budget' then
      want := (p ->> 'daily_budget_cents')::bigint;
      problem := private.budget_guardrail_problem(s, ac.daily_budget_cents, want, ac.name);
      if problem is not null then return jsonb_build_object('refused', problem); end if;
      return jsonb_build_object('prepared', target || jsonb_build_object(
        'target', jsonb_build_object('daily_budget_cents', want), 'max_change_pct', s.max_budget_change_pct,
        'replaced', jsonb_build_object('daily_budget_cents', ac.daily_budget_cents)));
    end if;
    return jsonb_build_object('prepared', target || jsonb_build_object(
      'target', jsonb_build_object('status', case when p_approval.action = 'pause_ad_campaign' then 'paused' else 'active' end),
      'replaced', jsonb_build_object('status', ac.status)));
  when 'shift_ad_budget' then
    ac := private.approval_ad_campaign(ws, p -> 'from');
    ac2 := private.approval_ad_campaign(ws, p -> 'to');
    want := (p ->> 'daily_cents')::bigint;
    if coalesce(ac.daily_budget_cents, 0) <= want then
      return jsonb_build_object('refused', format('%s has a daily budget of %s cents; it cannot give %s', ac.name,
                                                  coalesce(ac.daily_budget_cents::text, 'no'), want));
    end if;
    problem := coalesce(private.budget_guardrail_problem(s, ac.daily_budget_cents, ac.daily_budget_cents - want, ac.name),
                        private.budget_guardrail_problem(s, ac2.daily_budget_cents, coalesce(ac2.daily_budget_cents, 0) + want, ac2.name));
    if problem is not null then return jsonb_build_object('refused', problem); end if;
    if private.ad_target(ac) ->> 'connection_id' is null or private.ad_target(ac2) ->> 'connection_id' is null then
      return jsonb_build_object('refused', 'both ad accounts need a connection to act through');
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('max_change_pct', s.max_budget_change_pct, 'daily_cents', want,
      'from', private.ad_target(ac) || jsonb_build_object('target', jsonb_build_object('daily_budget_cents', ac.daily_budget_cents - want)),
      'to', private.ad_target(ac2) || jsonb_build_object('target', jsonb_build_object('daily_budget_cents', coalesce(ac2.daily_budget_cents, 0) + want)),
      'replaced', jsonb_build_object('from', jsonb_build_object('daily_budget_cents', ac.daily_budget_cents),
                                     'to', jsonb_build_object('daily_budget_cents', ac2.daily_budget_cents))));
  when 'pause_campaign', 'resume_campaign', 'change_campaign_budget' then
    select to_jsonb(c) into row_json from public.campaigns c where c.workspace_id = ws and c.id = (p ->> 'campaign_id')::uuid;
    if p_approval.action = 'pause_campaign' and row_json ->> 'status' <> 'active' then
      return jsonb_build_object('refused', format('the campaign is %s, not active', row_json ->> 'status'));
    elsif p_approval.action = 'resume_campaign' and row_json ->> 'status' <> 'paused' then
      return jsonb_build_object('refused', format('the campaign is %s, not paused', row_json ->> 'status'));
    elsif p_approval.action = 'change_campaign_budget' then
      problem := private.budget_guardrail_problem(s, (row_json ->> 'budget_cents')::bigint, (p ->> 'budget_cents')::bigint,
                                                  row_json ->> 'name', false);
      if problem is not null then return jsonb_build_object('refused', problem); end if;
      return jsonb_build_object('prepared', jsonb_build_object('campaign_id', row_json ->> 'id',
        'replaced', jsonb_build_object('budget_cents', (row_json ->> 'budget_cents')::bigint)));
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('campaign_id', row_json ->> 'id',
      'replaced', jsonb_build_object('status', row_json ->> 'status')));
  when 'send_email_campaign' then
    select to_jsonb(e) into row_json from public.email_campaigns e where e.workspace_id = ws and e.id = (p ->> 'email_campaign_id')::uuid;
    if row_json ->> 'status' not in ('draft', 'scheduled') then
      return jsonb_build_object('refused', format('the email campaign is %s; only a draft or scheduled one is sent', row_json ->> 'status'));
    end if;
    if row_json ->> 'list_id' is null or row_json ->> 'template_id' is null or row_json ->> 'from_email' is null then
      return jsonb_build_object('refused', 'the email campaign needs a list, a template and a sender address');
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('email_campaign_id', row_json ->> 'id',
      'recipients', private.email_campaign_recipient_count(ws, (row_json ->> 'list_id')::uuid)));
  when 'enable_email_automation', 'disable_email_automation' then
    select to_jsonb(r) into row_json from public.email_automation_rules r
    where r.workspace_id = ws and r.id = (p ->> 'automation_rule_id')::uuid;
    if p_approval.action = 'enable_email_automation' and row_json ->> 'template_id' is null then
      return jsonb_build_object('refused', 'the automation has no template to send; give it one first');
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('automation_rule_id', row_json ->> 'id',
      'replaced', jsonb_build_object('active', (row_json ->> 'active')::boolean)));
  when 'publish_content', 'update_content_calendar' then
    select to_jsonb(c) into row_json from public.content_calendar c where c.workspace_id = ws and c.id = (p ->> 'content_calendar_id')::uuid;
    if p_approval.action = 'publish_content' and row_json ->> 'status' in ('published', 'cancelled') then
      return jsonb_build_object('refused', format('the calendar entry is already %s', row_json ->> 'status'));
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('content_calendar_id', row_json ->> 'id',
      'replaced', (select jsonb_object_agg(k, row_json -> k) from unnest(array['scheduled_for', 'status', 'title', 'channel']) k
                   where p_approval.action = 'publish_content' and k = 'status' or p ? k)));
  when 'send_customer_reply' then
    select to_jsonb(t) into row_json from public.support_tickets t where t.workspace_id = ws and t.id = (p ->> 'support_ticket_id')::uuid;
    if row_json ->> 'chatwoot_conversation_id' is null then
      return jsonb_build_object('refused', 'the ticket is not linked to a Chatwoot conversation');
    end if;
    target := (select jsonb_build_object('connection_id', c.id, 'account', c.external_account_id, 'base_url', c.metadata ->> 'base_url')
               from public.integration_connections c where c.id = private.approval_connection(ws, p_approval.action, p));
    if target is null then
      return jsonb_build_object('refused', 'the workspace has no Chatwoot connection');
    end if;
    return jsonb_build_object('prepared', target || jsonb_build_object('support_ticket_id', row_json ->> 'id',
      'conversation_id', row_json ->> 'chatwoot_conversation_id'));
  when 'publish_review_reply' then
    return jsonb_build_object('prepared', jsonb_build_object('review_id', p ->> 'review_id',
      'replaced', (select jsonb_build_object('body', r.body, 'author_name', r.author_name) from public.review_responses r
                   where r.workspace_id = ws and r.review_id = (p ->> 'review_id')::uuid)));
  when 'post_slack_message', 'apply_discount', 'issue_gift_card', 'update_product' then
    target := (select jsonb_build_object('connection_id', c.id, 'account', c.external_account_id)
               from public.integration_connections c where c.id = private.approval_connection(ws, p_approval.action, p));
    if target is null then
      return jsonb_build_object('refused', format('the workspace has no %s connection',
        case when p_approval.action = 'post_slack_message' then 'Slack' else 'Shopify' end));
    end if;
    if p_approval.action = 'apply_discount' and (p ->> 'percent')::numeric > s.max_discount_percent then
      return jsonb_build_object('refused', format('a %s%% discount is above the workspace''s guardrail of %s%%',
                                                  p ->> 'percent', s.max_discount_percent));
    elsif p_approval.action = 'issue_gift_card' and (p ->> 'amount_cents')::bigint > s.max_gift_card_cents then
      return jsonb_build_object('refused', format('a gift card of %s cents is above the workspace''s guardrail of %s cents',
                                                  p ->> 'amount_cents', s.max_gift_card_cents));
    elsif p_approval.action = 'update_product' then
      select to_jsonb(x) into row_json from public.products x where x.workspace_id = ws and x.id = (p ->> 'product_id')::uuid;
      if p ? 'price_cents' then
        cur := (row_json ->> 'price_cents')::bigint;
        want := (p ->> 'price_cents')::bigint;
        if private.pct_change(cur, want) is null or private.pct_change(cur, want) > s.max_price_change_pct then
          return jsonb_build_object('refused', format('a price change from %s to %s cents is beyond the workspace''s guardrail of %s%%',
                                                      cur, want, s.max_price_change_pct));
        end if;
      end if;
      return jsonb_build_object('prepared', target || jsonb_build_object('product_id', row_json ->> 'id',
        'shopify_product_id', row_json ->> 'shopify_product_id', 'shopify_variant_id', row_json ->> 'shopify_variant_id',
        'currency', row_json ->> 'currency', 'exponent', coalesce(private.currency_exponent(row_json ->> 'currency'), 2),
        'replaced', (select jsonb_object_agg(k, row_json -> k) from unnest(array['price_cents', 'status', 'title']) k where p ? k)));
    elsif p_approval.action = 'issue_gift_card' then
      target := target || jsonb_build_object('currency', coalesce(p ->> 'currency',
        (select o.currency from public.orders o where o.workspace_id = ws order by o.created_at desc limit 1), 'USD'),
        'exponent', coalesce(private.currency_exponent(coalesce(p ->> 'currency',
          (select o.currency from public.orders o where o.workspace_id = ws order by o.created_at desc limit 1), 'USD')), 2),
        'customer', (select jsonb_build_object('id', c.id, 'shopify_customer_id', c.shopify_customer_id)
                     from public.customers c where c.workspace_id = ws and c.id = (p ->> 'customer_id')::uuid));
    end if;
    return jsonb_build_object('prepared', target);
  when 'reorder_inventory' then
    return jsonb_build_object('prepared', jsonb_build_object('product_id', p ->> 'product_id'));
  when 'run_workflow' then
    if not exists (select 1 from public.workflow_rules w where w.workspace_id = ws and w.id = (p ->> 'workflow_rule_id')::uuid
                   and w.trigger_type = 'manual' and w.active) then
      return jsonb_build_object('refused', 'the workflow rule is not an active manual rule');
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('workflow_rule_id', p ->> 'workflow_rule_id'));
  when 'send_webhook' then
    if not exists (select 1 from public.webhook_endpoints e where e.workspace_id = ws and e.id = (p ->> 'endpoint_id')::uuid and e.enabled) then
      return jsonb_build_object('refused', 'the webhook endpoint is disabled');
    end if;
    return jsonb_build_object('prepared', jsonb_build_object('endpoint_id', p ->> 'endpoint_id'));
  else
    return jsonb_build_object('refused', format('no executor for %s', p_approval.action));
  end case;
end $$;
comment on function private.prepare_approval_action(public.agent_approvals) is 'The executor''s preparation of an approved action, at execution time: {"prepared": what the handler needs (target, account, connection, the value it replaces)} or {"refused": why} (invalid payload, a row in the wrong state, beyond a guardrail, no connection).';

create function private.budget_guardrail_problem(p_settings public.agent_settings, p_current bigint, p_new bigint,
  p_name text, p_daily boolean default true) returns text
language plpgsql immutable set search_path = '' as $$
begin
  if p_daily and p_settings.max_daily_budget_cents is not null and p_new > p_settings.max_daily_budget_cents then
    return format('%s cents a day for %s is above the workspace''s ceiling of %s cents', p_new, p_name,
                  p_settings.max_daily_budget_cents);
  end if;
  if coalesce(p_current, 0) = 0 then
    return format('%s has no current budget to change by a percentage; set it by hand first', p_name);
  end if;
  if private.pct_change(p_current, p_new) > p_settings.max_budget_change_pct then
    return format('changing %s from %s to %s cents is a %s%% change, beyond the workspace''s guardrail of %s%%',
                  p_name, p_current, p_new, private.pct_change(p_current, p_new), p_settings.max_budget_change_pct);
  end if;
  return null;
end $$;
comment on function private.budget_guardrail_problem(public.agent_settings, bigint, bigint, text, boolean) is 'Why a budget change from p_current to p_new breaks the workspace''s guardrails (percentage change, daily ceiling), or null.';

-- ===== begin and complete (the worker's two calls around the provider)
-- Returns {"approval": row, "prepared": ..., "reconcile": bool} or {"refused": why} (the approval
-- is then failed, or already finished) for the job under its lease.
create function private.begin_approval_execution(p_job_id bigint, p_lease_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs;
  a public.agent_approvals;
  approver_role public.workspace_role;
  prep jsonb;
  why text;
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, null);
  if j.queue <> 'approval_actions' then
    raise exception 'job % is not an approval job', p_job_id using errcode = '22023';
  end if;
  select * into a from public.agent_approvals x
  where x.workspace_id = j.workspace_id and x.id = (j.payload ->> 'approval_id')::uuid for update;
  if not found then
    return jsonb_build_object('refused', 'the approval no longer exists');
  end if;
  if a.status = 'executing' then
    -- an earlier attempt may have reached the provider: the handler reconciles before calling
    return jsonb_build_object('approval', to_jsonb(a), 'prepared', j.progress -> 'prepared', 'progress', j.progress,
                              'reconcile', true);
  end if;
  if a.status <> 'approved' then
    return jsonb_build_object('refused', format('the approval is %s, not approved', a.status));
  end if;

  select m.role into approver_role from public.workspace_members m where m.workspace_id = a.workspace_id and m.user_id = a.decided_by;
  why := case
    when a.expires_at <= now() then format('the approval expired at %s before it could be executed', a.expires_at)
    when a.decided_by is null then 'the approval records no approver'
    when approver_role is null then 'the person who approved it is no longer a member of the workspace'
    when approver_role < 'member' then format('the person who approved it is now a %s and can no longer approve', approver_role)
  end;
  if why is null then
    prep := private.prepare_approval_action(a);
    why := prep ->> 'refused';
  end if;
  if why is not null then
    update public.agent_approvals set status = 'failed', execution_error = left('refused at execution: ' || why, 4000)
    where id = a.id;
    return jsonb_build_object('refused', why, 'failed', true);
  end if;

  update public.agent_approvals set status = 'executing' where id = a.id returning * into a;
  j := private.touch_connector_job(p_job_id, p_lease_id,
    j.progress || jsonb_build_object('prepared', prep -> 'prepared', 'began_at', now()));
  return jsonb_build_object('approval', to_jsonb(a), 'prepared', prep -> 'prepared', 'progress', j.progress, 'reconcile', false);
end $$;
comment on function private.begin_approval_execution(bigint, uuid) is 'The executor, under the job''s lease: re-checks an approved action (still approved, not past expires_at, its approver still a member or above, payload valid, within guardrails) and moves it to executing with what it acts on saved on the job; a failed check fails the approval with the reason. An approval already executing is handed back to reconcile.';

-- Applies what an executed action changed in our own tables; returns what to add to its result.
create function private.apply_approval_action(p_approval public.agent_approvals, p_prepared jsonb, p_result jsonb)
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid := p_approval.workspace_id;
  p jsonb := p_approval.payload;
  new_id uuid;
  n bigint;
begin
  case p_approval.action
  when 'change_ad_budget' then
    update public.ad_campaigns set daily_budget_cents = (p_prepared #>> '{target,daily_budget_cents}')::bigint
    where workspace_id = ws and id = (p_prepared ->> 'ad_campaign_id')::uuid;
  when 'pause_ad_campaign', 'resume_ad_campaign' then
    update public.ad_campaigns set status = (p_prepared #>> '{target,status}')::public.ad_status
    where workspace_id = ws and id = (p_prepared ->> 'ad_campaign_id')::uuid;
  when 'shift_ad_budget' then
    update public.ad_campaigns c set daily_budget_cents = (t.value #>> '{target,daily_budget_cents}')::bigint
    from jsonb_each(p_prepared) t
    where t.key in ('from', 'to') and c.workspace_id = ws and c.id = (t.value ->> 'ad_campaign_id')::uuid;
  when 'pause_campaign', 'resume_campaign' then
    update public.campaigns set status = case when p_approval.action = 'pause_campaign' then 'paused' else 'active' end::public.campaign_status
    where workspace_id = ws and id = (p ->> 'campaign_id')::uuid;
  when 'change_campaign_budget' then
    update public.campaigns set budget_cents = (p ->> 'budget_cents')::bigint where workspace_id = ws and id = (p ->> 'campaign_id')::uuid;
  when 'enable_email_automation', 'disable_email_automation' then
    update public.email_automation_rules set active = (p_approval.action = 'enable_email_automation')
    where workspace_id = ws and id = (p ->> 'automation_rule_id')::uuid;
  when 'publish_content' then
    update public.content_calendar set status = 'published' where workspace_id = ws and id = (p ->> 'content_calendar_id')::uuid;
  when 'update_content_calendar' then
    update public.content_calendar c set
      scheduled_for = case when p ? 'scheduled_for' then (p ->> 'scheduled_for')::timestamptz else c.scheduled_for end,
      status = case when p ? 'status' then (p ->> 'status')::public.calendar_status else c.status end,
      title = case when p ? 'title' then p ->> 'title' else c.title end,
      channel = case when p ? 'channel' then (p ->> 'channel')::public.marketing_channel else c.channel end
    where c.workspace_id = ws and c.id = (p ->> 'content_calendar_id')::uuid;
  when 'publish_review_reply' then
    insert into public.review_responses as r (workspace_id, review_id, author_name, body)
    values (ws, (p ->> 'review_id')::uuid,
            coalesce(p ->> 'author_name', (select w.name from public.workspaces w where w.id = ws)), p ->> 'body')
    on conflict (review_id, workspace_id) do update set body = excluded.body, author_name = excluded.author_name
    returning r.id into new_id;
    return jsonb_build_object('review_response_id', new_id);
  when 'reorder_inventory' then
    insert into public.purchase_orders (workspace_id, product_id, approval_id, supplier_name, quantity, expected_at)
    select ws, pr.id, p_approval.id, coalesce(p ->> 'supplier_name', s.supplier_name), (p ->> 'quantity')::integer,
           (now() at time zone 'UTC')::date + ceil(s.lead_time_days)::integer
    from public.products pr
    left join lateral (select l.supplier_name, l.lead_time_days from public.supplier_lead_times l
                       where l.workspace_id = ws and l.product_id = pr.id order by l.is_primary desc, l.lead_time_days limit 1) s on true
    where pr.workspace_id = ws and pr.id = (p ->> 'product_id')::uuid
    returning id into new_id;
    return jsonb_build_object('purchase_order_id', new_id);
  when 'run_workflow' then
    return jsonb_build_object('workflow_execution_id',
      private.start_manual_workflow((p ->> 'workflow_rule_id')::uuid, coalesce(p -> 'subject', '{}'), null));
  when 'send_webhook' then
    insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
    values (ws, (p ->> 'endpoint_id')::uuid, p ->> 'event_type',
            jsonb_build_object('type', p ->> 'event_type', 'timestamp', now(), 'data', p -> 'data'))
    returning id into n;
    return jsonb_build_object('webhook_delivery_id', n);
  when 'send_email_campaign' then
    update public.email_campaigns set status = 'sent', recipients = coalesce((p_result ->> 'recipients')::integer, recipients)
    where workspace_id = ws and id = (p ->> 'email_campaign_id')::uuid;
  when 'update_product' then
    update public.products x set
      price_cents = case when p ? 'price_cents' then (p ->> 'price_cents')::bigint else x.price_cents end,
      status = case when p ? 'status' then (p ->> 'status')::public.product_status else x.status end,
      title = case when p ? 'title' then p ->> 'title' else x.title end
    where x.workspace_id = ws and x.id = (p ->> 'product_id')::uuid;
  when 'issue_gift_card' then
    insert into public.gift_card_transactions (workspace_id, amount_cents, currency, source, status, shopify_gift_card_id, issued_at)
    values (ws, (p ->> 'amount_cents')::bigint, p_prepared ->> 'currency', 'manual', 'issued', p_result ->> 'gift_card_id', now())
    returning id into new_id;
    return jsonb_build_object('gift_card_transaction_id', new_id);
  else
    -- post_slack_message, apply_discount, send_customer_reply: the provider holds the result
    null;
  end case;
  return '{}'::jsonb;
end $$;
comment on function private.apply_approval_action(public.agent_approvals, jsonb, jsonb) is 'The database side of an executed action, in the transaction that records it: our copies of what a provider changed (ad budgets and statuses, product fields, a gift card issued) and the whole of actions on our own tables (campaigns, automations, the content calendar, review replies, purchase orders, workflows, webhook deliveries). Returns ids to add to the result.';

-- Records the outcome in the worker's finishing transaction (under the job's lease).
create function private.complete_approval_execution(p_job_id bigint, p_lease_id uuid, p_succeeded boolean,
  p_result jsonb default '{}', p_error text default null) returns public.approval_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs;
  a public.agent_approvals;
  extra jsonb;
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, null);
  select * into a from public.agent_approvals x
  where x.workspace_id = j.workspace_id and x.id = (j.payload ->> 'approval_id')::uuid for update;
  if not found or a.status <> 'executing' then
    raise exception 'approval % is %, not executing', j.payload ->> 'approval_id', coalesce(a.status::text, 'gone')
      using errcode = 'PT409';
  end if;
  if not p_succeeded then
    update public.agent_approvals set status = 'failed', execution_error = left(coalesce(p_error, 'failed'), 4000),
      execution_result = nullif(coalesce(p_result, '{}'), '{}')
    where id = a.id returning status into a.status;
    return a.status;
  end if;
  extra := private.apply_approval_action(a, j.progress -> 'prepared', coalesce(p_result, '{}'));
  update public.agent_approvals set status = 'executed',
    execution_result = (coalesce(p_result, '{}') - 'replaced') || coalesce(extra, '{}') || jsonb_build_object('idempotency_key', j.idempotency_key),
    replaced = nullif(coalesce(p_result -> 'replaced', j.progress #> '{prepared,replaced}'), 'null'::jsonb)
  where id = a.id returning status into a.status;
  return a.status;
end $$;
comment on function private.complete_approval_execution(bigint, uuid, boolean, jsonb, text) is 'The executor, in the transaction that finishes the job: executed with the provider''s ids (and our tables changed, private.apply_approval_action) and what the change replaced (the provider''s live value in p_result.replaced when the handler read one, else our copy at preparation), or failed with the error. PT409 when the approval is not executing; the job''s lease is checked first.';

-- A job that died (attempts spent, a permanent refusal, a lapsed lease on its last attempt) fails its approval.
create function private.fail_approval_of_dead_job() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.agent_approvals a set status = 'failed',
    execution_error = left('the executor gave up: ' || coalesce(new.last_error, 'no error recorded'), 4000)
  where a.workspace_id = new.workspace_id and a.id = (new.payload ->> 'approval_id')::uuid
    and a.status in ('approved', 'executing');
  return null;
end $$;
comment on function private.fail_approval_of_dead_job() is 'AFTER UPDATE on connector_jobs of the approval_actions queue, when a job becomes dead: its approval fails with the job''s last error.';
create trigger fail_approval_of_dead_job after update of status on private.connector_jobs
  for each row when (new.queue = 'approval_actions' and new.status = 'dead' and old.status <> 'dead')
  execute function private.fail_approval_of_dead_job();

-- ===== email campaigns: the recipients and one batch of rendered messages
create function private.email_campaign_recipient_count(p_workspace_id uuid, p_list_id uuid) returns integer
language sql stable security definer set search_path = '' as $$
  select count(*)::integer from public.email_list_members m
  join public.email_contacts c on c.workspace_id = m.workspace_id and c.id = m.contact_id
  where m.workspace_id = p_workspace_id and m.list_id = p_list_id and c.status = 'subscribed'
$$;
comment on function private.email_campaign_recipient_count(uuid, uuid) is 'Subscribed contacts of an email list.';

-- Batch p_batch (from 0) of an executing send_email_campaign approval: up to p_size messages,
-- recipients in a stable order (contact id), subject and bodies rendered from the template with
-- the contact's fields ({{ first_name }} ...; HTML-escaped in the HTML body).
create function private.email_campaign_batch(p_approval_id uuid, p_batch integer, p_size integer default 100)
returns jsonb
language plpgsql stable security definer set search_path = '' as $$
declare
  a public.agent_approvals;
  e public.email_campaigns;
  t public.email_templates;
begin
  select * into a from public.agent_approvals x where x.id = p_approval_id and x.action = 'send_email_campaign' and x.status = 'executing';
  if not found then
    raise exception 'approval % is not an executing email send', p_approval_id using errcode = 'PT409';
  end if;
  perform private.require_batch_size('messages', p_size::bigint, 100::bigint);
  select * into e from public.email_campaigns x where x.workspace_id = a.workspace_id and x.id = (a.payload ->> 'email_campaign_id')::uuid;
  select * into t from public.email_templates x where x.workspace_id = a.workspace_id and x.id = e.template_id;
  return coalesce((
    select jsonb_agg(jsonb_build_object(
      'from', case when e.from_name is null then e.from_email else format('%s <%s>', e.from_name, e.from_email) end,
      'to', jsonb_build_array(r.email),
      'subject', private.render_template(coalesce(e.subject, t.subject), r.fields),
      'html', private.render_template(coalesce(t.body_html, ''), r.html_fields),
      'text', private.render_template(coalesce(t.body_text, ''), r.fields),
      'reply_to', e.reply_to,
      'tags', jsonb_build_array(jsonb_build_object('name', 'email_campaign', 'value', replace(e.id::text, '-', '_')))) order by r.id)
    from (
      select c.id, c.email,
             jsonb_build_object('first_name', coalesce(c.first_name, ''), 'last_name', coalesce(c.last_name, ''), 'email', c.email) as fields,
             jsonb_build_object('first_name', private.html_escape(coalesce(c.first_name, '')),
                                'last_name', private.html_escape(coalesce(c.last_name, '')), 'email', private.html_escape(c.email)) as html_fields
      from public.email_list_members m
      join public.email_contacts c on c.workspace_id = m.workspace_id and c.id = m.contact_id
      where m.workspace_id = a.workspace_id and m.list_id = e.list_id and c.status = 'subscribed'
      order by c.id
      offset p_batch * p_size limit p_size
    ) r), '[]'::jsonb);
end $$;
comment on function private.email_campaign_batch(uuid, integer, integer) is 'Messages of batch p_batch (0-based, up to p_size <= 100) of an executing send_email_campaign approval, rendered for the provider''s batch endpoint; [] past the last.';

-- (private.html_escape is the email sender's, 20261210020100_email_sender.sql)

-- Moves an email campaign to sending when its send begins (draft -> scheduled -> sending).
create function private.start_email_campaign_send(p_approval_id uuid) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  a public.agent_approvals;
begin
  select * into a from public.agent_approvals x where x.id = p_approval_id and x.action = 'send_email_campaign' and x.status = 'executing';
  if not found then
    raise exception 'approval % is not an executing email send', p_approval_id using errcode = 'PT409';
  end if;
  update public.email_campaigns set scheduled_for = coalesce(scheduled_for, now()), status = 'scheduled'
  where workspace_id = a.workspace_id and id = (a.payload ->> 'email_campaign_id')::uuid and status = 'draft';
  update public.email_campaigns set status = 'sending'
  where workspace_id = a.workspace_id and id = (a.payload ->> 'email_campaign_id')::uuid and status = 'scheduled';
end $$;
comment on function private.start_email_campaign_send(uuid) is 'The email handler, before its first batch: the campaign goes draft -> scheduled -> sending.';

-- ===== undo: one more approval that puts back what an executed change replaced
create function private.approval_undo(p_approval public.agent_approvals) returns jsonb
language plpgsql stable set search_path = '' as $$
declare
  p jsonb := p_approval.payload;
  r jsonb := p_approval.replaced;
begin
  if p_approval.status <> 'executed' or r is null then
    return null;
  end if;
  return case p_approval.action
    when 'change_ad_budget' then case when r ->> 'daily_budget_cents' is not null then jsonb_build_object('action', 'change_ad_budget',
      'payload', (p - 'daily_budget_cents') || jsonb_build_object('daily_budget_cents', (r ->> 'daily_budget_cents')::bigint)) end
    when 'pause_ad_campaign' then jsonb_build_object('action', 'resume_ad_campaign', 'payload', p)
    when 'resume_ad_campaign' then jsonb_build_object('action', 'pause_ad_campaign', 'payload', p)
    when 'shift_ad_budget' then jsonb_build_object('action', 'shift_ad_budget',
      'payload', jsonb_build_object('from', p -> 'to', 'to', p -> 'from', 'daily_cents', (p ->> 'daily_cents')::bigint))
    when 'pause_campaign' then jsonb_build_object('action', 'resume_campaign', 'payload', jsonb_build_object('campaign_id', p ->> 'campaign_id'))
    when 'resume_campaign' then jsonb_build_object('action', 'pause_campaign', 'payload', jsonb_build_object('campaign_id', p ->> 'campaign_id'))
    when 'change_campaign_budget' then jsonb_build_object('action', 'change_campaign_budget',
      'payload', jsonb_build_object('campaign_id', p ->> 'campaign_id', 'budget_cents', (r ->> 'budget_cents')::bigint))
    when 'enable_email_automation' then jsonb_build_object('action', 'disable_email_automation', 'payload', p)
    when 'disable_email_automation' then jsonb_build_object('action', 'enable_email_automation', 'payload', p)
    when 'publish_content' then jsonb_build_object('action', 'update_content_calendar',
      'payload', jsonb_build_object('content_calendar_id', p ->> 'content_calendar_id') || jsonb_strip_nulls(r))
    when 'update_content_calendar' then jsonb_build_object('action', 'update_content_calendar',
      'payload', jsonb_build_object('content_calendar_id', p ->> 'content_calendar_id') || jsonb_strip_nulls(r))
    when 'update_product' then jsonb_build_object('action', 'update_product',
      'payload', jsonb_build_object('product_id', p ->> 'product_id') || jsonb_strip_nulls(r))
    when 'publish_review_reply' then case when r ->> 'body' is not null then jsonb_build_object('action', 'publish_review_reply',
      'payload', jsonb_build_object('review_id', p ->> 'review_id', 'body', r ->> 'body', 'author_name', r ->> 'author_name')) end
  end;
end $$;
comment on function private.approval_undo(public.agent_approvals) is 'The action and payload that undo an executed approval from what it replaced ({"action", "payload"}), or null where the provider allows no undo (an email sent, a Slack post, a gift card, a discount, a webhook) or nothing was replaced.';

create function public.propose_undo(p_approval_id uuid, p_note text default null)
returns public.agent_approvals
language plpgsql volatile set search_path = '' as $$
declare
  a public.agent_approvals;
  u jsonb;
  s record;
  created public.agent_approvals;
begin
  if p_approval_id is null then
    raise exception 'an approval id is required' using errcode = '22023';
  end if;
  select * into a from public.agent_approvals x where x.id = p_approval_id;
  if not found then
    raise exception 'no approval %', p_approval_id using errcode = 'PT404';
  end if;
  perform private.require_workspace_role(a.workspace_id, 'member');
  u := private.approval_undo(a);
  if u is null then
    raise exception 'approval % cannot be undone: %', p_approval_id,
      case when a.status <> 'executed' then 'it is ' || a.status || ', not executed'
           else 'the change it made has no inverse the executor can run' end using errcode = 'PT409';
  end if;
  s := private.approval_subject(a.workspace_id, (u ->> 'action')::public.approval_action, u -> 'payload');
  insert into public.agent_approvals (workspace_id, action, title, rationale, payload, subject_table, subject_id,
    undo_of_id, dedupe_key, priority)
  values (a.workspace_id, (u ->> 'action')::public.approval_action, left('Undo: ' || a.title, 200),
          coalesce(p_note, 'Puts back what approval ' || a.id || ' replaced.'), u -> 'payload', s.subject_table, s.subject_id,
          a.id, 'undo:' || a.id, a.priority)
  on conflict (workspace_id, dedupe_key) where status = 'pending' do nothing
  returning * into created;
  if created.id is null then
    raise exception 'an undo of approval % is already waiting for a decision', p_approval_id using errcode = 'PT409';
  end if;
  return created;
end $$;
comment on function public.propose_undo(uuid, text) is 'Members: proposes undoing an executed approval (a new pending approval that puts back what it replaced: the previous budget, status or fields). 404 unseen, 403 viewers, 409 when it cannot be undone or an undo already waits.';
grant execute on function public.propose_undo(uuid, text) to authenticated;

-- ===== the workflow engine's outbound webhook action
create or replace function private.workflow_actions_problem(p_trigger public.workflow_trigger, p_actions jsonb) returns text
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
    when 'send_webhook' then
      extra := private.unknown_keys(prm, array['endpoint_id', 'event_type']);
      if extra is not null then return format('actions[%s].params: unknown keys %s', a.i, extra); end if;
      if coalesce(prm ->> 'endpoint_id', '') !~ uuid_re then
        return format('actions[%s].params.endpoint_id: is required (a webhook endpoint id)', a.i);
      end if;
      if prm ? 'event_type' and coalesce(prm ->> 'event_type', '') !~ '^[a-z][a-z0-9_.-]{0,99}$' then
        return format('actions[%s].params.event_type: an event name (lowercase letters, digits, . _ -)', a.i);
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
comment on function private.workflow_actions_problem(public.workflow_trigger, jsonb) is 'Validates a workflow rule''s actions for its trigger; returns the first problem naming the action and field, or null. send_webhook {endpoint_id, event_type?} delivers the event to one of the workspace''s webhook endpoints.';

create or replace function private.check_workflow_rule() returns trigger
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
    if a ? 'endpoint_id' and not exists (select 1 from public.webhook_endpoints w
                                         where w.workspace_id = new.workspace_id and w.id = (a ->> 'endpoint_id')::uuid) then
      raise exception 'actions: webhook endpoint % is not in this workspace', a ->> 'endpoint_id' using errcode = '22023';
    end if;
  end loop;
  return new;
end $$;
comment on function private.check_workflow_rule() is 'BEFORE INSERT/UPDATE on workflow_rules: actions valid for the trigger, and the campaigns, lists, assignees and webhook endpoints they name in the rule''s workspace (22023).';

create or replace function private.execute_workflow_action(p_action public.scheduled_actions, p_execution public.workflow_executions)
returns jsonb
language plpgsql security definer set search_path = '' as $$
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
  delivery bigint;
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

  if p_action.action_type = 'send_webhook' then
    if not exists (select 1 from public.webhook_endpoints e where e.workspace_id = ws and e.id = (prm ->> 'endpoint_id')::uuid and e.enabled) then
      raise exception 'send_webhook: the endpoint is gone or disabled';
    end if;
    insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
    values (ws, (prm ->> 'endpoint_id')::uuid, coalesce(prm ->> 'event_type', 'workflow.action'),
            jsonb_build_object('type', coalesce(prm ->> 'event_type', 'workflow.action'), 'timestamp', now(),
              'data', jsonb_build_object('rule_id', p_execution.rule_id, 'execution_id', p_execution.id,
                                         'trigger', p_execution.trigger_type, 'subject', subj)))
    returning id into delivery;
    return jsonb_build_object('webhook_delivery_id', delivery, 'endpoint_id', prm ->> 'endpoint_id');
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
comment on function private.execute_workflow_action(public.scheduled_actions, public.workflow_executions) is 'Performs one scheduled action and returns what it did; raises when it cannot (the processor records the error and retries). send_webhook queues a signed delivery of the event to its endpoint (the webhook dispatcher sends it).';

comment on type public.workflow_action_type is 'create_task {title, campaign_id?, priority?, due_in_days?, assignee_id?}; update_lead_status {status}; add_to_email_list {list_id}; log_activity {description}; send_webhook {endpoint_id, event_type?} (the event with the rule, execution and subject, signed and delivered by the webhook dispatcher). Titles and descriptions may use {{ row.field }} placeholders.';
comment on type public.approval_status is 'pending -> approved | rejected | expired; approved -> executing (the executor claimed it; its idempotency key is recorded) -> executed | failed; approved -> executed | failed for services that act in one step. Enforced by private.guard_agent_approval().';
comment on type public.approval_action is 'The kind of action proposed; payload carries its parameters (private.approval_payload_fields). Every kind but other has an executor (functions/approval-executor).';

-- ===== grants
revoke all on function private.agent_settings_for(uuid), private.column_default_value(text),
  private.payload_value_problem(jsonb, text), private.approval_payload_fields(public.approval_action),
  private.approval_ad_campaign(uuid, jsonb), private.ad_ref_problem(uuid, jsonb, text),
  private.approval_payload_problem(uuid, public.approval_action, jsonb),
  private.approval_subject(uuid, public.approval_action, jsonb), private.guard_purchase_order(),
  private.approval_connection(uuid, public.approval_action, jsonb), private.queue_approved_action(),
  private.pct_change(numeric, numeric), private.ad_target(public.ad_campaigns),
  private.prepare_approval_action(public.agent_approvals),
  private.budget_guardrail_problem(public.agent_settings, bigint, bigint, text, boolean),
  private.begin_approval_execution(bigint, uuid), private.apply_approval_action(public.agent_approvals, jsonb, jsonb),
  private.complete_approval_execution(bigint, uuid, boolean, jsonb, text), private.fail_approval_of_dead_job(),
  private.email_campaign_recipient_count(uuid, uuid), private.email_campaign_batch(uuid, integer, integer),
  private.html_escape(text), private.start_email_campaign_send(uuid), private.approval_undo(public.agent_approvals),
  public.propose_undo(uuid, text) from public;
grant execute on function public.propose_undo(uuid, text) to authenticated;
grant execute on function private.approval_undo(public.agent_approvals), private.approval_subject(uuid, public.approval_action, jsonb)
  to authenticated;
grant execute on function private.begin_approval_execution(bigint, uuid),
  private.complete_approval_execution(bigint, uuid, boolean, jsonb, text),
  private.email_campaign_batch(uuid, integer, integer), private.start_email_campaign_send(uuid),
  private.approval_payload_problem(uuid, public.approval_action, jsonb), private.agent_settings_for(uuid)
  to service_role;
