-- The agent runtime's database side: runs that are claimed and worked, every model call logged
-- and priced, a monthly AI budget per workspace, the scope an agent's tools act under, proposals
-- filed by agents, chat turns, what scheduled runs produce, and the learning loop (feedback, a
-- weekly QC sample, decided proposals kept as training examples).
--
-- A run is claimed by the agent-runner function (private.claim_agent_runs: FOR UPDATE SKIP
-- LOCKED, a lease), which reads its context (private.agent_run_context), calls the model through
-- an OpenAI-compatible endpoint, logs each call (private.record_agent_query: tokens, latency and
-- cost in micros from the registry's prices, the lease extended, the budget and the run's own
-- limits checked) and finishes it (private.finish_agent_run), which also stores what the run
-- produced: a CEO briefing, report commentary, insights, predictions, generated content or a chat
-- answer, each pointing back at the run (model, cost and inputs).
--
-- Tools run as a workspace member under RLS, never as the service: the runtime sets the claims
-- {"sub": <the member who asked, or for scheduled runs the agent's creator or the owner>,
--  "role": "authenticated", "agent_run": {"id", "workspace_id"}}. With agent_run present,
-- private.workspace_ids and private.workspace_role see that one workspace only, and at most the
-- member role: a tool cannot read another workspace the person belongs to, nor do what only
-- admins may. The claim comes only from the runtime (a user's JWT is signed by the auth server).

-- ===== the scope of an agent's tools
create function private.agent_scope() returns uuid
language sql stable set search_path = '' as $$
  select case when (auth.jwt() #>> '{agent_run,workspace_id}') ~ '^[0-9a-fA-F-]{36}$'
              then (auth.jwt() #>> '{agent_run,workspace_id}')::uuid end
$$;
comment on function private.agent_scope() is 'The workspace an agent run''s tools are confined to (the agent_run claim the runtime sets), or null for every other caller.';
grant execute on function private.agent_scope() to authenticated, service_role;

create function private.agent_run_claim() returns uuid
language sql stable set search_path = '' as $$
  select case when (auth.jwt() #>> '{agent_run,id}') ~ '^[0-9a-fA-F-]{36}$' then (auth.jwt() #>> '{agent_run,id}')::uuid end
$$;
comment on function private.agent_run_claim() is 'The agent run whose tools are calling (the agent_run claim), or null.';
grant execute on function private.agent_run_claim() to authenticated, service_role;

create or replace function private.workspace_ids(p_min_role public.workspace_role default 'viewer')
returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
declare
  scope uuid := private.agent_scope();
begin
  if scope is not null and p_min_role > 'member' then
    return;  -- an agent's tools never act with more than the member role
  end if;
  return query
    select m.workspace_id
    from public.workspace_members m
    where m.user_id = (select auth.uid()) and m.role >= p_min_role
      and (scope is null or m.workspace_id = scope);
end $$;
comment on function private.workspace_ids(public.workspace_role) is 'The caller''s workspace ids with at least min_role; wrap in array(select ...) in policies. Under an agent run''s claims: only the run''s workspace, and nothing above member.';

create or replace function private.workspace_role(p_workspace_id uuid)
returns public.workspace_role
language plpgsql stable security definer set search_path = '' as $$
declare
  scope uuid := private.agent_scope();
  r public.workspace_role;
begin
  if scope is not null and p_workspace_id is distinct from scope then
    return null;
  end if;
  r := (select m.role from public.workspace_members m
        where m.workspace_id = p_workspace_id and m.user_id = (select auth.uid()));
  return case when scope is not null and r > 'member' then 'member'::public.workspace_role else r end;
end $$;
comment on function private.workspace_role(uuid) is 'The caller''s role in the given workspace, or null when not a member. PL/pgSQL so its plan is cached per session. Under an agent run''s claims: null outside the run''s workspace, at most member inside it.';

-- ===== agents: what each may propose
alter table public.agents add column allowed_actions public.approval_action[] not null default '{}'
  check (cardinality(allowed_actions) <= 30);
comment on column public.agents.allowed_actions is 'The approval kinds this agent may propose (its proposal tools, and private.propose_from_agent_run checks it). Empty: the agent only reads and writes.';

-- ===== runs: kinds, the model, the lease, who the tools act as
create type public.agent_run_kind as enum (
  'task', 'chat', 'ceo_briefing', 'report_commentary', 'anomaly_insights', 'campaign_prediction', 'generated_content'
);
comment on type public.agent_run_kind is 'What a run does: task (a member''s request, answered in output), chat (one answer in a chat session), and the scheduled kinds whose output is stored: ceo_briefing (ceo_briefings), report_commentary (autopilot_weekly_reports.ai_insights), anomaly_insights (ai_insights), campaign_prediction (campaign_predictions), generated_content (generated_content).';

alter table public.agent_runs
  add column kind public.agent_run_kind not null default 'task',
  add column dedupe_key text check (char_length(dedupe_key) between 1 and 200),
  add column acting_user_id uuid references auth.users (id) on delete set null,
  add column model text check (char_length(model) between 1 and 128),
  add column model_id uuid references public.ai_models (id) on delete set null,
  add column steps smallint not null default 0 check (steps >= 0),
  add column lease_expires_at timestamptz,
  add column chat_session_id uuid,
  add constraint agent_runs_chat_session_fkey foreign key (workspace_id, chat_session_id)
    references public.chat_sessions (workspace_id, id) on delete set null (chat_session_id);
comment on column public.agent_runs.kind is 'What the run does and where its output is stored (agent_run_kind).';
comment on column public.agent_runs.dedupe_key is 'Scheduled runs'' key (e.g. ceo_briefing:daily:2026-12-10): one run per workspace and key, ever.';
comment on column public.agent_runs.acting_user_id is 'The member the run''s tools act as under RLS: who asked, else the agent''s creator, else the workspace owner (private.agent_run_actor).';
comment on column public.agent_runs.model is 'The model the run called (the agent''s, the deployment''s AGENT_MODEL, or the default flagship).';
comment on column public.agent_runs.steps is 'Model calls the loop made (including failed ones).';
comment on column public.agent_runs.lease_expires_at is 'While running: when the runtime''s claim lapses (each model call extends it); a lapsed run fails.';
comment on column public.agent_runs.chat_session_id is 'The chat session a chat run answers in.';
create unique index agent_runs_dedupe_idx on public.agent_runs (workspace_id, dedupe_key) where dedupe_key is not null;
create index agent_runs_acting_user_idx on public.agent_runs (acting_user_id);
create index agent_runs_model_id_idx on public.agent_runs (model_id);
create index agent_runs_chat_session_idx on public.agent_runs (workspace_id, chat_session_id);
create index agent_runs_queued_idx on public.agent_runs (created_at) where status = 'queued';
create index agent_runs_leased_idx on public.agent_runs (lease_expires_at) where status = 'running';
grant insert (kind) on public.agent_runs to authenticated;

-- the history guard lets a user's deletion clear both user columns (exempt_user_deletion made it for triggered_by alone)
drop trigger guard_agent_run_update on public.agent_runs;
create trigger guard_agent_run_update before update on public.agent_runs for each row
  when (not ((old.acting_user_id is not null and new.acting_user_id is null or old.triggered_by is not null and new.triggered_by is null)
             and private.only_deleted_users_cleared(array[old.acting_user_id, old.triggered_by]::uuid[],
                                                    array[new.acting_user_id, new.triggered_by]::uuid[])))
  execute function private.guard_agent_run();

-- ===== the monthly AI budget
create function private.ai_spend_this_month(p_workspace_id uuid) returns bigint
language sql stable security definer set search_path = '' as $$
  select coalesce(sum(q.cost_micros), 0)::bigint from public.agent_queries q
  where q.workspace_id = p_workspace_id
    and q.created_at >= (date_trunc('month', now() at time zone 'UTC') at time zone 'UTC')
$$;
comment on function private.ai_spend_this_month(uuid) is 'What the workspace''s model calls cost this calendar month (UTC), in micros.';

create function private.ai_budget_problem(p_workspace_id uuid) returns text
language plpgsql stable security definer set search_path = '' as $$
declare
  budget bigint := (private.agent_settings_for(p_workspace_id)).monthly_budget_micros;
  spent bigint := private.ai_spend_this_month(p_workspace_id);
begin
  if spent >= budget then
    return format('the workspace has spent its monthly AI budget: $%s of $%s this month; an admin can raise agent_settings.monthly_budget_micros, or it renews on %s',
                  to_char(spent / 1e6, 'FM999999990.00'), to_char(budget / 1e6, 'FM999999990.00'),
                  to_char(date_trunc('month', now() at time zone 'UTC') + interval '1 month', 'YYYY-MM-DD'));
  end if;
  return null;
end $$;
comment on function private.ai_budget_problem(uuid) is 'The message refusing new AI work when the workspace''s model calls this month cost its monthly budget or more, else null.';

create type public.agent_budget_row as (
  monthly_budget_micros bigint,
  spent_micros bigint,
  remaining_micros bigint,
  period_start date,
  renews_on date,
  exhausted boolean
);
comment on type public.agent_budget_row is 'public.agent_budget''s row; no column is null.';

create function public.agent_budget(p_workspace_id uuid) returns public.agent_budget_row
language plpgsql stable set search_path = '' as $$
declare
  budget bigint;
  spent bigint;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'viewer');
  budget := (private.agent_settings_for(p_workspace_id)).monthly_budget_micros;
  spent := private.ai_spend_this_month(p_workspace_id);
  return row(budget, spent, greatest(budget - spent, 0), date_trunc('month', now() at time zone 'UTC')::date,
             (date_trunc('month', now() at time zone 'UTC') + interval '1 month')::date, spent >= budget)::public.agent_budget_row;
end $$;
comment on function public.agent_budget(uuid) is 'Viewers: this month''s AI budget, what model calls cost so far (micros of USD), what is left, and whether new runs are refused. 403 outside the workspace.';
grant execute on function public.agent_budget(uuid) to authenticated;

-- ===== runs: who may queue what, the budget, the state machine
create or replace function private.guard_agent_run() returns trigger
language plpgsql set search_path = '' as $$
declare
  signed_in boolean := private.is_end_user();
  problem text;
begin
  if tg_op = 'INSERT' then
    if signed_in then
      new.trigger := 'manual';
      new.triggered_by := (select auth.uid());
      if new.kind = 'chat' then
        raise exception 'chat runs start from the agent-chat function' using errcode = '22023';
      end if;
      if private.agent_run_claim() is not null then
        raise exception 'an agent run cannot queue runs' using errcode = '42501';
      end if;
    end if;
    if new.status <> 'queued' and signed_in then
      raise exception 'a run starts queued' using errcode = '22023';
    end if;
    -- (an agent the caller cannot see is left to the foreign key: 23503)
    if exists (select 1 from public.agents a
               where a.id = new.agent_id and a.workspace_id = new.workspace_id and a.status <> 'active') then
      raise exception 'this agent is not active; resume it before running it' using errcode = 'PT409';
    end if;
    problem := private.ai_budget_problem(new.workspace_id);
    if problem is not null then
      raise exception '%', problem using errcode = 'PT402', hint = 'raise the budget in agent_settings or wait for the new month';
    end if;
    return new;
  end if;
  if new.status is distinct from old.status then
    if signed_in and new.status <> 'cancelled' then
      raise exception 'only the agent runtime moves a run to %; you can cancel it', new.status using errcode = '42501';
    end if;
    if not (old.status = 'queued' and new.status in ('running', 'cancelled')
            or old.status = 'queued' and new.status = 'failed' and not signed_in
            or old.status = 'running' and new.status in ('succeeded', 'failed', 'cancelled')) then
      raise exception 'a % run cannot become %', old.status, new.status using errcode = 'PT409';
    end if;
    if new.status = 'running' then
      new.started_at := coalesce(new.started_at, now());
    elsif new.status in ('succeeded', 'failed', 'cancelled') then
      new.finished_at := coalesce(new.finished_at, now());
      new.lease_expires_at := null;
    end if;
  end if;
  return new;
end $$;
comment on function private.guard_agent_run() is 'BEFORE INSERT/UPDATE on agent_runs: signed-in users queue manual runs of active agents (not chat runs, never from an agent''s tools) and may only cancel; no run is queued when the workspace''s monthly AI budget is spent (PT402); status moves forward only (the runtime may fail a queued run it refuses); timings are stamped.';

-- ===== claiming runs
-- The member a run's tools act as: who asked (still a member), else the agent's creator (still
-- a member), else the workspace's first owner.
create function private.agent_run_actor(p_workspace_id uuid, p_triggered_by uuid, p_agent_created_by uuid) returns uuid
language sql stable security definer set search_path = '' as $$
  select coalesce(
    (select m.user_id from public.workspace_members m where m.workspace_id = p_workspace_id and m.user_id = p_triggered_by),
    (select m.user_id from public.workspace_members m where m.workspace_id = p_workspace_id and m.user_id = p_agent_created_by),
    (select m.user_id from public.workspace_members m where m.workspace_id = p_workspace_id and m.role = 'owner'
     order by m.created_at, m.user_id limit 1))
$$;
comment on function private.agent_run_actor(uuid, uuid, uuid) is 'Who a run''s tools act as: the member who asked, else the agent''s creator, else the first owner; only people who are members now.';

-- The registry model a run uses: the deployment's override, else the agent's, else the default openai flagship.
create function private.agent_run_model(p_agent public.agents, p_override text) returns public.ai_models
language sql stable security definer set search_path = '' as $$
  select m.* from public.ai_models m
  where case when p_override is not null then m.model = p_override
             when p_agent.model_id is not null then m.id = p_agent.model_id
             else m.provider = 'openai' and m.model_type = 'flagship' and m.is_default end
  order by m.is_active desc, m.provider = 'openai' desc
  limit 1
$$;
comment on function private.agent_run_model(public.agents, text) is 'The registry model a run calls: the deployment''s AGENT_MODEL when set, else the agent''s model, else the default openai flagship. A model outside the registry has no prices and is never used.';

create type private.agent_run_claim as (
  run_id uuid, workspace_id uuid, agent_id uuid, kind public.agent_run_kind, acting_user_id uuid,
  model text, model_id uuid, provider public.ai_provider, chat_session_id uuid, lease_expires_at timestamptz);
comment on type private.agent_run_claim is 'A run as private.claim_agent_runs hands it to the runtime.';

create function private.claim_agent_runs(p_limit integer default 4, p_lease_seconds integer default 300,
  p_model_override text default null)
returns setof private.agent_run_claim
language plpgsql volatile security definer set search_path = '' as $$
declare
  r record;
  m public.ai_models;
  actor uuid;
  why text;
begin
  if p_limit is null or p_limit < 1 or p_lease_seconds is null or p_lease_seconds not between 10 and 3600 then
    raise exception 'p_limit must be at least 1 and p_lease_seconds from 10 to 3600' using errcode = '22023';
  end if;
  perform private.require_batch_size('runs', p_limit, 50);
  -- runs whose runtime stopped without finishing them
  update public.agent_runs set status = 'failed',
    error = 'the agent runtime stopped before the run finished (its lease lapsed); queue it again'
  where status = 'running' and lease_expires_at <= now();

  for r in
    select x.*, to_jsonb(a) as agent_json from public.agent_runs x
    join public.agents a on a.workspace_id = x.workspace_id and a.id = x.agent_id
    where x.status = 'queued' and x.kind <> 'chat'
    order by x.created_at, x.id
    limit p_limit
    for update of x skip locked
  loop
    m := private.agent_run_model(jsonb_populate_record(null::public.agents, r.agent_json), p_model_override);
    actor := private.agent_run_actor(r.workspace_id, r.triggered_by, (r.agent_json ->> 'created_by')::uuid);
    why := coalesce(
      case when r.agent_json ->> 'status' <> 'active' then format('the agent is %s', r.agent_json ->> 'status') end,
      private.ai_budget_problem(r.workspace_id),
      case when m.id is null then format('the model %s is not in the model registry (it has no prices)',
                                         coalesce(p_model_override, 'of this agent')) end,
      case when actor is null then 'nobody in the workspace can act for this run' end);
    if why is not null then
      update public.agent_runs set status = 'failed', error = left(why, 4000) where id = r.id;
      continue;
    end if;
    update public.agent_runs set status = 'running', acting_user_id = actor, model = m.model, model_id = m.id,
      lease_expires_at = now() + make_interval(secs => p_lease_seconds)
    where id = r.id;
    return next row(r.id, r.workspace_id, r.agent_id, r.kind, actor, m.model, m.id, m.provider, r.chat_session_id,
                    now() + make_interval(secs => p_lease_seconds))::private.agent_run_claim;
  end loop;
end $$;
comment on function private.claim_agent_runs(integer, integer, text) is 'The agent runtime''s claim: fails runs whose lease lapsed, then leases up to p_limit queued runs (FOR UPDATE SKIP LOCKED), each with its model from the registry and the member its tools act as; a run it cannot start (agent paused, budget spent, model without prices, nobody to act as) fails with the reason.';

-- Everything the runtime needs to prompt a run: the agent with its personality, the model, the
-- workspace and its recent figures, the limits, a few training examples, the run's input.
create function private.agent_run_context(p_run_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.agent_runs;
  a public.agents;
  s public.agent_settings;
  ctx jsonb;
begin
  select * into r from public.agent_runs x where x.id = p_run_id;
  if not found or r.status <> 'running' then
    raise exception 'run % is not running', p_run_id using errcode = 'PT409';
  end if;
  select * into a from public.agents x where x.workspace_id = r.workspace_id and x.id = r.agent_id;
  s := private.agent_settings_for(r.workspace_id);
  with used as (
    update public.agent_training_examples t set usage_count = t.usage_count + 1
    where t.id in (select e.id from public.agent_training_examples e
                   where e.workspace_id = r.workspace_id and e.agent_id = r.agent_id and e.is_active and e.kind <> 'pattern'
                   order by e.created_at desc limit 5)
    returning t.kind, t.input, t.expected_output, t.was_correct
  )
  select jsonb_build_object(
    'run', jsonb_build_object('id', r.id, 'kind', r.kind, 'trigger', r.trigger, 'input', r.input, 'model', r.model,
                              'model_id', r.model_id, 'chat_session_id', r.chat_session_id, 'acting_user_id', r.acting_user_id),
    'agent', jsonb_build_object('id', a.id, 'key', a.key, 'name', a.name, 'role', a.role, 'description', a.description,
      'system_prompt', a.system_prompt, 'temperature', a.temperature, 'max_output_tokens', a.max_output_tokens,
      'formality', a.personality_formality, 'verbosity', a.personality_verbosity, 'warmth', a.personality_warmth,
      'greeting', a.preferred_greeting, 'signature', a.signature, 'capabilities', a.capabilities,
      'allowed_actions', a.allowed_actions),
    'workspace', (select jsonb_build_object('id', w.id, 'name', w.name, 'shop_domain', w.shop_domain,
                    'today', (now() at time zone 'UTC')::date,
                    'currency', (select o.currency from public.orders o where o.workspace_id = w.id order by o.processed_at desc limit 1),
                    'last_7_days', private.workspace_week_figures(w.id, (now() at time zone 'UTC')::date - 1))
                  from public.workspaces w where w.id = r.workspace_id),
    'limits', jsonb_build_object('max_steps', s.max_steps, 'max_run_tokens', s.max_run_tokens,
      'max_run_seconds', s.max_run_seconds, 'max_proposals_per_run', s.max_proposals_per_run,
      'monthly_budget_micros', s.monthly_budget_micros, 'spent_micros', private.ai_spend_this_month(r.workspace_id)),
    'examples', coalesce((select jsonb_agg(jsonb_build_object('kind', u.kind, 'input', u.input, 'expected', u.expected_output,
                                                             'approved', u.was_correct)) from used u), '[]'),
    'patterns', coalesce((select jsonb_agg(e.pattern) from public.agent_training_examples e
                          where e.workspace_id = r.workspace_id and e.agent_id = r.agent_id and e.is_active and e.kind = 'pattern'), '[]'))
  into ctx;
  return ctx;
end $$;
comment on function private.agent_run_context(uuid) is 'The runtime''s view of a running run: agent and personality, the actions it may propose, model, workspace with its last 7 days, limits and budget, up to five recent training examples (their usage counted) and learned patterns.';

-- Orders, revenue and ad figures of the 7 days ending p_to.
create function private.workspace_week_figures(p_workspace_id uuid, p_to date) returns jsonb
language sql stable security definer set search_path = '' as $$
  select jsonb_build_object(
    'orders', (select count(*) from public.orders o where o.workspace_id = p_workspace_id and o.cancelled_at is null
               and o.processed_at >= (p_to - 6)::timestamp at time zone 'UTC' and o.processed_at < (p_to + 1)::timestamp at time zone 'UTC'),
    'revenue_cents', (select coalesce(sum(o.total_price_cents - o.total_refunded_cents), 0) from public.orders o
               where o.workspace_id = p_workspace_id and o.cancelled_at is null
               and o.processed_at >= (p_to - 6)::timestamp at time zone 'UTC' and o.processed_at < (p_to + 1)::timestamp at time zone 'UTC'),
    'ad_spend_cents', coalesce(sum(r.spend_cents), 0), 'ad_revenue_cents', coalesce(sum(r.revenue_cents), 0),
    'roas', case when sum(r.spend_cents) > 0 then round(sum(r.revenue_cents)::numeric / sum(r.spend_cents), 2) end)
  from private.ad_rollup_current(p_workspace_id, p_to - 6, p_to) r
$$;
comment on function private.workspace_week_figures(uuid, date) is 'Orders, revenue (net of refunds) and ad spend, revenue and ROAS over the 7 days ending p_to (UTC), for prompts.';

-- ===== logging a model call
create type private.agent_query_logged as (
  query_id bigint, cost_micros bigint, run_cost_micros bigint, run_tokens bigint, month_spent_micros bigint,
  monthly_budget_micros bigint, run_status public.agent_run_status);
comment on type private.agent_query_logged is 'What private.record_agent_query tells the runtime after logging a call.';

create function private.record_agent_query(
  p_run_id uuid, p_purpose text, p_succeeded boolean, p_input_tokens integer, p_cached_input_tokens integer,
  p_output_tokens integer, p_latency_ms integer, p_request jsonb, p_response jsonb, p_error text default null,
  p_lease_seconds integer default 300
) returns private.agent_query_logged
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.agent_runs;
  q public.agent_queries;
  out_row private.agent_query_logged;
begin
  select * into r from public.agent_runs x where x.id = p_run_id for update;
  if not found then
    raise exception 'no run %', p_run_id using errcode = 'PT404';
  end if;
  insert into public.agent_queries (workspace_id, agent_id, run_id, provider, model, model_id, purpose, status,
    input_tokens, cached_input_tokens, output_tokens, latency_ms, request, response, error)
  select r.workspace_id, r.agent_id, r.id, coalesce(m.provider, 'openai'), coalesce(r.model, 'unknown'), r.model_id,
    left(p_purpose, 200), case when p_succeeded then 'succeeded' else 'failed' end::public.agent_query_status,
    greatest(coalesce(p_input_tokens, 0), 0), least(greatest(coalesce(p_cached_input_tokens, 0), 0), greatest(coalesce(p_input_tokens, 0), 0)),
    greatest(coalesce(p_output_tokens, 0), 0), greatest(p_latency_ms, 0), coalesce(p_request, '{}'), p_response, left(p_error, 4000)
  from (select 1) one left join public.ai_models m on m.id = r.model_id
  returning * into q;
  update public.agent_runs set steps = steps + 1,
    lease_expires_at = case when status = 'running' then greatest(lease_expires_at, now() + make_interval(secs => p_lease_seconds)) end
  where id = r.id
  returning * into r;
  out_row := row(q.id, coalesce(q.cost_micros, 0), r.cost_micros, r.input_tokens + r.output_tokens,
                 private.ai_spend_this_month(r.workspace_id),
                 (private.agent_settings_for(r.workspace_id)).monthly_budget_micros, r.status)::private.agent_query_logged;
  return out_row;
end $$;
comment on function private.record_agent_query(uuid, text, boolean, integer, integer, integer, integer, jsonb, jsonb, text, integer) is 'The runtime after each model call: logs it in agent_queries (priced from the registry, redacted), counts the step, extends the run''s lease and returns the call''s and the run''s cost and tokens and the month''s spend against the budget, and the run''s status (cancelled meanwhile: the loop stops).';

-- ===== proposals filed by an agent run (its tools, under the run's claims)
create function private.propose_from_agent_run(
  p_action public.approval_action, p_title text, p_payload jsonb, p_rationale text default null,
  p_confidence numeric default null, p_expected_impact jsonb default '{}', p_priority public.approval_priority default 'normal'
) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  run_id uuid := private.agent_run_claim();
  ws uuid := private.agent_scope();
  r public.agent_runs;
  a public.agents;
  problem text;
  subj record;
  filed integer;
  new_id uuid;
begin
  if not private.is_end_user() or run_id is null or ws is null then
    raise exception 'only an agent run''s tools propose through this path' using errcode = '42501';
  end if;
  select * into r from public.agent_runs x where x.id = run_id and x.workspace_id = ws;
  if not found or r.status <> 'running' then
    raise exception 'the run is not running' using errcode = 'PT409';
  end if;
  select * into a from public.agents x where x.workspace_id = ws and x.id = r.agent_id;
  if p_action is null or not (p_action = any (a.allowed_actions)) then
    raise exception 'agent % may not propose %; it may propose: %', a.key, coalesce(p_action::text, 'nothing'),
      coalesce(nullif(array_to_string(a.allowed_actions, ', '), ''), 'nothing') using errcode = '42501';
  end if;
  if p_title is null or char_length(btrim(p_title)) not between 1 and 200 then
    raise exception 'a proposal needs a title of 1 to 200 characters' using errcode = '22023';
  end if;
  problem := private.approval_payload_problem(ws, p_action, p_payload);
  if problem is not null then
    raise exception '%', problem using errcode = '22023';
  end if;
  select count(*) into filed from public.agent_approvals x where x.workspace_id = ws and x.run_id = r.id;
  if filed >= (private.agent_settings_for(ws)).max_proposals_per_run then
    raise exception 'this run has filed its % proposals', filed using errcode = '22023';
  end if;
  subj := private.approval_subject(ws, p_action, p_payload);
  insert into public.agent_approvals (workspace_id, agent_id, run_id, proposer_name, action, title, rationale, payload,
    subject_table, subject_id, priority, confidence, expected_impact, dedupe_key)
  values (ws, a.id, r.id, a.key, p_action, btrim(p_title), left(p_rationale, 20000), p_payload, subj.subject_table, subj.subject_id,
          coalesce(p_priority, 'normal'), least(greatest(p_confidence, 0), 1), coalesce(p_expected_impact, '{}'),
          'run:' || r.id || ':' || p_action || ':' || md5(p_payload::text))
  on conflict (workspace_id, dedupe_key) where status = 'pending' do nothing
  returning id into new_id;
  if new_id is null then
    select x.id into new_id from public.agent_approvals x
    where x.workspace_id = ws and x.dedupe_key = 'run:' || r.id || ':' || p_action || ':' || md5(p_payload::text) and x.status = 'pending';
  end if;
  return new_id;
end $$;
comment on function private.propose_from_agent_run(public.approval_action, text, jsonb, text, numeric, jsonb, public.approval_priority) is 'An agent''s proposal tool, under the run''s claims: files a pending approval for the run''s agent if it may propose that kind (42501), the payload is valid and names rows of the run''s workspace (22023), and the run has not filed its maximum; the same proposal twice in a run is one approval. The only way an agent acts: a person decides, the executor acts.';
grant execute on function private.propose_from_agent_run(public.approval_action, text, jsonb, text, numeric, jsonb, public.approval_priority) to authenticated;

-- ===== chat turns
-- Starts a chat answer as the service for a signed-in user: stores the user's message and a
-- running chat run of the session's agent (or the workspace's chat agent).
create function private.start_chat_turn(p_session_id uuid, p_user_id uuid, p_content text, p_lease_seconds integer default 180,
  p_model_override text default null)
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  s public.chat_sessions;
  a public.agents;
  m public.ai_models;
  msg_id bigint;
  run_id uuid;
  problem text;
begin
  if p_content is null or btrim(p_content) = '' or char_length(p_content) > 20000 then
    raise exception 'a message needs 1 to 20000 characters' using errcode = '22023';
  end if;
  select * into s from public.chat_sessions x where x.id = p_session_id and x.user_id = p_user_id;
  if not found or not exists (select 1 from public.workspace_members w where w.workspace_id = s.workspace_id and w.user_id = p_user_id) then
    raise exception 'no chat session %', p_session_id using errcode = 'PT404';
  end if;
  select * into a from public.agents x
  where x.workspace_id = s.workspace_id and x.id = coalesce(s.agent_id, (private.agent_settings_for(s.workspace_id)).chat_agent_id);
  if not found then
    raise exception 'the session names no agent and the workspace has no chat agent (agent_settings.chat_agent_id)' using errcode = 'PT409';
  end if;
  if a.status <> 'active' then
    raise exception 'agent % is %', a.name, a.status using errcode = 'PT409';
  end if;
  problem := private.ai_budget_problem(s.workspace_id);
  if problem is not null then
    raise exception '%', problem using errcode = 'PT402';
  end if;
  m := private.agent_run_model(a, p_model_override);
  if m.id is null then
    raise exception 'the model % is not in the model registry (it has no prices)', coalesce(p_model_override, 'of this agent')
      using errcode = 'PT409';
  end if;
  insert into public.chat_messages (workspace_id, session_id, role, content)
  values (s.workspace_id, s.id, 'user', p_content) returning id into msg_id;
  insert into public.agent_runs (workspace_id, agent_id, trigger, triggered_by, kind, chat_session_id, input)
  values (s.workspace_id, a.id, 'manual', p_user_id, 'chat', s.id, jsonb_build_object('message_id', msg_id))
  returning id into run_id;
  update public.agent_runs set status = 'running', acting_user_id = p_user_id, model = m.model, model_id = m.id,
    lease_expires_at = now() + make_interval(secs => p_lease_seconds)
  where id = run_id;
  return jsonb_build_object('run_id', run_id, 'workspace_id', s.workspace_id, 'agent_id', a.id, 'message_id', msg_id,
    'model', m.model, 'model_id', m.id, 'provider', m.provider,
    'history', coalesce((select jsonb_agg(jsonb_build_object('role', h.role, 'content', h.content) order by h.id)
                         from (select x.id, x.role, x.content from public.chat_messages x
                               where x.workspace_id = s.workspace_id and x.session_id = s.id and x.id < msg_id
                                 and x.role in ('user', 'assistant')
                               order by x.id desc limit 20) h), '[]'));
end $$;
comment on function private.start_chat_turn(uuid, uuid, text, integer, text) is 'The agent-chat function, for a signed-in user who owns the session and is a member: stores their message and starts a chat run of the session''s agent (else agent_settings.chat_agent_id); returns the run, the model and the last 20 messages. 404 not theirs, 409 no agent or inactive, 402 budget spent.';

-- ===== finishing a run and storing what it produced
create function private.finish_agent_run(p_run_id uuid, p_succeeded boolean, p_output jsonb default null, p_error text default null)
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.agent_runs;
  stored jsonb := '{}'::jsonb;
begin
  select * into r from public.agent_runs x where x.id = p_run_id for update;
  if not found then
    raise exception 'no run %', p_run_id using errcode = 'PT404';
  end if;
  if r.status <> 'running' then
    return jsonb_build_object('status', r.status);
  end if;
  if p_succeeded then
    begin
      stored := private.store_agent_run_output(r, coalesce(p_output, '{}'));
    exception when sqlstate '22023' or sqlstate '23503' or sqlstate '23514' or sqlstate '22P02' then
      p_succeeded := false;
      p_error := 'the output could not be stored: ' || sqlerrm;
    end;
  end if;
  update public.agent_runs set status = case when p_succeeded then 'succeeded' else 'failed' end::public.agent_run_status,
    output = case when p_output is null then output else p_output || jsonb_build_object('stored', stored) end,
    error = case when p_succeeded then null else left(coalesce(p_error, 'failed'), 4000) end
  where id = r.id;
  return jsonb_build_object('status', case when p_succeeded then 'succeeded' else 'failed' end, 'stored', stored);
end $$;
comment on function private.finish_agent_run(uuid, boolean, jsonb, text) is 'The runtime''s last word on a running run: succeeded with its output (stored where its kind goes, private.store_agent_run_output; output that cannot be stored fails the run) or failed with the error. A run that is no longer running is left as it is.';

create function private.store_agent_run_output(p_run public.agent_runs, p_output jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid := p_run.workspace_id;
  inp jsonb := p_run.input;
  new_id uuid;
  msg bigint;
  ids jsonb;
  q bigint;
begin
  case p_run.kind
  when 'task' then
    return '{}'::jsonb;
  when 'chat' then
    if not private.is_text(p_output -> 'content', 100000) then
      raise exception 'a chat answer needs content' using errcode = '22023';
    end if;
    select max(x.id) into q from public.agent_queries x where x.workspace_id = ws and x.run_id = p_run.id and x.status = 'succeeded';
    insert into public.chat_messages (workspace_id, session_id, role, content, query_id, metadata)
    values (ws, p_run.chat_session_id, 'assistant', p_output ->> 'content', q,
            jsonb_build_object('run_id', p_run.id, 'agent_id', p_run.agent_id,
              'citations', coalesce(p_output -> 'citations', '[]'), 'retrieved', coalesce(p_output -> 'retrieved', '[]')))
    returning id into msg;
    return jsonb_build_object('chat_message_id', msg);
  when 'ceo_briefing' then
    if not private.is_text(p_output -> 'executive_summary', 20000) then
      raise exception 'a briefing needs an executive_summary' using errcode = '22023';
    end if;
    insert into public.ceo_briefings (workspace_id, kind, period_start, period_end, executive_summary, key_metrics, insights,
      generation_model, model_id, generation_input_tokens, generation_output_tokens, run_id)
    values (ws, coalesce(inp ->> 'briefing_kind', 'daily')::public.briefing_kind, (inp ->> 'period_start')::date, (inp ->> 'period_end')::date,
            p_output ->> 'executive_summary', coalesce(inp -> 'facts', '{}'),
            case when jsonb_typeof(p_output -> 'insights') = 'array' then p_output -> 'insights' else '[]' end,
            p_run.model, p_run.model_id, least(p_run.input_tokens, 2147483647)::integer, least(p_run.output_tokens, 2147483647)::integer, p_run.id)
    on conflict (workspace_id, kind, period_end) do nothing
    returning id into new_id;
    return jsonb_build_object('ceo_briefing_id', new_id);
  when 'report_commentary' then
    if not private.is_text(p_output -> 'summary', 20000) then
      raise exception 'commentary needs a summary' using errcode = '22023';
    end if;
    update public.autopilot_weekly_reports w set ai_insights = jsonb_build_object('summary', p_output ->> 'summary',
        'highlights', coalesce(p_output -> 'highlights', '[]'), 'recommendations', coalesce(p_output -> 'recommendations', '[]'),
        'run_id', p_run.id, 'model', p_run.model, 'cost_micros', p_run.cost_micros, 'written_at', now()),
      commentary_run_id = p_run.id
    where w.workspace_id = ws and w.id = (inp ->> 'report_id')::uuid
    returning id into new_id;
    return jsonb_build_object('autopilot_weekly_report_id', new_id);
  when 'anomaly_insights' then
    if jsonb_typeof(p_output -> 'insights') <> 'array' or jsonb_array_length(p_output -> 'insights') not between 1 and 20 then
      raise exception 'insights: give 1 to 20' using errcode = '22023';
    end if;
    with ins as (
      insert into public.ai_insights (workspace_id, agent_id, kind, title, body, impact, confidence, metric, data, run_id)
      select ws, p_run.agent_id, coalesce(i ->> 'kind', 'anomaly')::public.insight_kind, left(i ->> 'title', 200), i ->> 'body',
             coalesce(i ->> 'impact', 'medium')::public.insight_impact, (i ->> 'confidence')::numeric, i ->> 'metric',
             coalesce(i -> 'data', '{}') || jsonb_build_object('inputs', inp -> 'facts'), p_run.id
      from jsonb_array_elements(p_output -> 'insights') i
      returning id
    )
    select jsonb_agg(id) into ids from ins;
    return jsonb_build_object('ai_insight_ids', ids);
  when 'campaign_prediction' then
    if jsonb_typeof(p_output -> 'predictions') <> 'array' or jsonb_array_length(p_output -> 'predictions') not between 1 and 100 then
      raise exception 'predictions: give 1 to 100' using errcode = '22023';
    end if;
    if exists (select 1 from jsonb_array_elements(p_output -> 'predictions') e
               where not coalesce(e ->> 'campaign_id' = any (array(select jsonb_array_elements_text(inp -> 'campaign_ids'))), false)) then
      raise exception 'predictions may only name the campaigns the run was given' using errcode = '22023';
    end if;
    with ins as (
      insert into public.campaign_predictions as c (workspace_id, campaign_id, metric, period_start, period_end, predicted_value,
        lower_bound, upper_bound, confidence, model, inputs, run_id)
      select ws, (e ->> 'campaign_id')::uuid, (e ->> 'metric')::public.prediction_metric, (inp ->> 'period_start')::date,
             (inp ->> 'period_end')::date, (e ->> 'predicted_value')::numeric, (e ->> 'lower_bound')::numeric,
             (e ->> 'upper_bound')::numeric, (e ->> 'confidence')::numeric, p_run.model,
             jsonb_build_object('run_id', p_run.id, 'history', inp -> 'facts'), p_run.id
      from jsonb_array_elements(p_output -> 'predictions') e
      on conflict (campaign_id, metric, period_start, period_end) do update set
        predicted_value = excluded.predicted_value, lower_bound = excluded.lower_bound, upper_bound = excluded.upper_bound,
        confidence = excluded.confidence, model = excluded.model, inputs = excluded.inputs, run_id = excluded.run_id
      returning c.id
    )
    select jsonb_agg(id) into ids from ins;
    return jsonb_build_object('campaign_prediction_ids', ids);
  when 'generated_content' then
    if not private.is_text(p_output -> 'body', 50000) then
      raise exception 'generated content needs a body' using errcode = '22023';
    end if;
    insert into public.generated_content (workspace_id, campaign_id, content_type, channel, title, body, prompt, model,
      cost_micros, metadata, run_id)
    select ws, c.campaign_id, c.content_type, c.channel, left(coalesce(p_output ->> 'title', c.title), 300), p_output ->> 'body',
           left(inp ->> 'brief', 20000), p_run.model, p_run.cost_micros,
           jsonb_build_object('content_calendar_id', c.id, 'run_id', p_run.id), p_run.id
    from public.content_calendar c where c.workspace_id = ws and c.id = (inp ->> 'content_calendar_id')::uuid
    returning id into new_id;
    if new_id is null then
      raise exception 'the calendar entry is gone' using errcode = '22023';
    end if;
    update public.content_calendar set generated_content_id = new_id
    where workspace_id = ws and id = (inp ->> 'content_calendar_id')::uuid and generated_content_id is null;
    return jsonb_build_object('generated_content_id', new_id);
  end case;
  return '{}'::jsonb;
end $$;
comment on function private.store_agent_run_output(public.agent_runs, jsonb) is 'Stores a succeeded run''s output where its kind goes, pointing back at the run: a chat answer (with its cited chunk ids), a CEO briefing (priced from the registry), weekly report commentary, insights, campaign predictions (only for the campaigns the run was given), or generated content linked to its calendar entry. Raises 22023 for output of the wrong shape.';

-- what scheduled runs produced points at the run (its model, cost and inputs)
alter table public.ceo_briefings add column run_id uuid,
  add constraint ceo_briefings_run_fkey foreign key (workspace_id, run_id) references public.agent_runs (workspace_id, id) on delete set null (run_id);
alter table public.ai_insights add column run_id uuid,
  add constraint ai_insights_run_fkey foreign key (workspace_id, run_id) references public.agent_runs (workspace_id, id) on delete set null (run_id);
alter table public.campaign_predictions add column run_id uuid,
  add constraint campaign_predictions_run_fkey foreign key (workspace_id, run_id) references public.agent_runs (workspace_id, id) on delete set null (run_id);
alter table public.generated_content add column run_id uuid,
  add constraint generated_content_run_fkey foreign key (workspace_id, run_id) references public.agent_runs (workspace_id, id) on delete set null (run_id);
alter table public.autopilot_weekly_reports add column commentary_run_id uuid,
  add constraint autopilot_weekly_reports_commentary_run_fkey foreign key (workspace_id, commentary_run_id)
    references public.agent_runs (workspace_id, id) on delete set null (commentary_run_id);
comment on column public.ceo_briefings.run_id is 'The agent run that wrote it (model, cost and inputs).';
comment on column public.ai_insights.run_id is 'The agent run that found it (model, cost and inputs).';
comment on column public.campaign_predictions.run_id is 'The agent run that forecast it (model, cost and inputs).';
comment on column public.generated_content.run_id is 'The agent run that wrote it (model, cost and inputs).';
comment on column public.autopilot_weekly_reports.commentary_run_id is 'The agent run that wrote ai_insights (model, cost and inputs).';
create index ceo_briefings_run_idx on public.ceo_briefings (workspace_id, run_id);
create index ai_insights_run_idx on public.ai_insights (workspace_id, run_id);
create index campaign_predictions_run_idx on public.campaign_predictions (workspace_id, run_id);
create index generated_content_run_idx on public.generated_content (workspace_id, run_id);
create index autopilot_weekly_reports_commentary_run_idx on public.autopilot_weekly_reports (workspace_id, commentary_run_id);

-- ===== waking the runner
insert into private.callable_functions (name, description)
values ('agent-runner', 'The agent runtime: works queued agent runs.');

create function private.wake_agent_runner() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from new_runs n where n.status = 'queued' and n.kind <> 'chat') then
    perform private.wake_function('agent-runner');
  end if;
  return null;
end $$;
comment on function private.wake_agent_runner() is 'AFTER INSERT on agent_runs (per statement): wakes the agent-runner function at commit when queued runs were added.';
create trigger wake_agent_runner after insert on public.agent_runs
  referencing new table as new_runs for each statement execute function private.wake_agent_runner();

create function private.agent_runs_due() returns integer
language plpgsql volatile security definer set search_path = '' as $$
begin
  if exists (select 1 from public.agent_runs r where r.status = 'queued')
     or exists (select 1 from public.agent_runs r where r.status = 'running' and r.lease_expires_at <= now()) then
    perform private.wake_function('agent-runner');
    return 1;
  end if;
  return 0;
end $$;
comment on function private.agent_runs_due() is 'pg_cron (agent-runner, every minute): wakes the agent runtime when runs wait or a lease lapsed.';
select cron.schedule('agent-runner', '* * * * *', 'select private.agent_runs_due()');

-- ===== learning: decided proposals become training examples
create function private.learn_from_decision() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  situation text;
begin
  select coalesce(r.input::text, '') into situation from public.agent_runs r where r.workspace_id = new.workspace_id and r.id = new.run_id;
  insert into public.agent_training_examples (workspace_id, agent_id, kind, source, input, expected_output, actual_output,
    was_correct, tags, created_by)
  values (new.workspace_id, new.agent_id,
    case when new.status = 'approved' then 'example' else 'correction' end::public.training_example_kind, 'approval',
    left(format('Situation: %s%sProposed %s: %s%s', coalesce(nullif(situation, ''), 'not recorded'), E'\n', new.action, new.title,
                coalesce(E'\nRationale: ' || new.rationale, '')), 50000),
    case when new.status = 'approved' then left(jsonb_build_object('action', new.action, 'payload', new.payload)::text, 50000)
         else left('Rejected' || coalesce(': ' || new.decision_note, ' without a note') || '. Do not propose this again in a like situation.', 50000) end,
    case when new.status = 'rejected' then left(jsonb_build_object('action', new.action, 'payload', new.payload)::text, 50000) end,
    new.status = 'approved', array['approval', new.action::text], new.decided_by);
  return null;
end $$;
comment on function private.learn_from_decision() is 'AFTER UPDATE on agent_approvals, when an agent''s proposal is approved or rejected: a training example of the agent (source approval): approved ones as examples of what to propose, rejected ones as corrections with the reason.';
create trigger learn_from_decision after update of status on public.agent_approvals
  for each row when (new.agent_id is not null and new.status in ('approved', 'rejected') and old.status = 'pending')
  execute function private.learn_from_decision();

-- ===== quality control: a weekly sample per agent, and the reviewer stamped
create function private.draw_qc_sample(p_week_start date default (date_trunc('week', now() at time zone 'UTC') - interval '7 days')::date)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  if p_week_start is null or extract(isodow from p_week_start) <> 1 then
    raise exception 'p_week_start must be a Monday' using errcode = '22023';
  end if;
  insert into public.agent_qc (workspace_id, run_id, check_name, result, details, checked_by)
  select s.workspace_id, s.id, 'weekly_sample', 'pending',
         jsonb_build_object('week_start', p_week_start, 'sampled', s.take, 'of', s.total), null
  from (
    select r.workspace_id, r.id, count(*) over w as total,
           least(5, greatest(1, ceil(count(*) over w * 0.1)))::integer as take,
           row_number() over (partition by r.workspace_id, r.agent_id order by md5(r.id::text || p_week_start::text)) as pick
    from public.agent_runs r
    where r.status = 'succeeded' and r.kind <> 'chat'
      and r.finished_at >= p_week_start::timestamp at time zone 'UTC'
      and r.finished_at < (p_week_start + 7)::timestamp at time zone 'UTC'
    window w as (partition by r.workspace_id, r.agent_id)
  ) s
  where s.pick <= s.take
  on conflict (run_id, check_name) do nothing;
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.draw_qc_sample(date) is 'pg_cron (agent-qc-sample, Mondays): for each agent, 10% (1 to 5) of its runs that succeeded in the week starting p_week_start, drawn by a hash of run id and week, become pending weekly_sample checks in agent_qc for a member to judge. Idempotent per run.';
select cron.schedule('agent-qc-sample', '30 6 * * 1', 'select private.draw_qc_sample()');

create function private.stamp_qc_reviewer() returns trigger
language plpgsql set search_path = '' as $$
begin
  if private.is_end_user() and (new.result, new.score, new.details) is distinct from (old.result, old.score, old.details) then
    new.checked_by := (select auth.uid());
  end if;
  return new;
end $$;
comment on function private.stamp_qc_reviewer() is 'BEFORE UPDATE on agent_qc: a signed-in reviewer who judges a check (result, score, details) is recorded as checked_by.';
create trigger stamp_qc_reviewer before update on public.agent_qc
  for each row execute function private.stamp_qc_reviewer();
select private.exempt_user_deletion('public.agent_qc', 'stamp_qc_reviewer');

-- ===== scheduled work: facts computed here, runs queued by pg_cron
-- The first active agent of the workspace with a capability (ceo briefings: write_briefing;
-- report commentary: report_commentary; insights: insights; predictions: forecast; content: write_content).
create function private.agent_with_capability(p_workspace_id uuid, p_capability text) returns uuid
language sql stable security definer set search_path = '' as $$
  select a.id from public.agents a
  where a.workspace_id = p_workspace_id and a.status = 'active' and p_capability = any (a.capabilities)
  order by a.created_at, a.id limit 1
$$;
comment on function private.agent_with_capability(uuid, text) is 'The workspace''s first active agent with a capability tag, or null: the agent that does that scheduled work.';

-- Queues one scheduled run, once per workspace and key, unless the budget is spent or no agent does the work.
create function private.queue_scheduled_run(p_workspace_id uuid, p_capability text, p_kind public.agent_run_kind,
  p_dedupe_key text, p_input jsonb) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  agent uuid := private.agent_with_capability(p_workspace_id, p_capability);
  new_id uuid;
begin
  if agent is null or private.ai_budget_problem(p_workspace_id) is not null then
    return null;
  end if;
  insert into public.agent_runs (workspace_id, agent_id, trigger, kind, dedupe_key, input)
  values (p_workspace_id, agent, 'schedule', p_kind, p_dedupe_key, p_input)
  on conflict (workspace_id, dedupe_key) where dedupe_key is not null do nothing
  returning id into new_id;
  return new_id;
end $$;
comment on function private.queue_scheduled_run(uuid, text, public.agent_run_kind, text, jsonb) is 'Queues a scheduled run for the workspace''s agent with the capability, once per dedupe key; nothing when no agent has it or the monthly AI budget is spent.';

-- Anomalies of one day against the 14 days before it: ad spend, ROAS, conversion rate, stock-outs.
create function private.detect_anomalies(p_workspace_id uuid, p_day date) returns jsonb
language sql stable security definer set search_path = '' as $$
  with ads as (
    select r.day, sum(r.spend_cents) as spend, sum(r.revenue_cents) as revenue
    from private.ad_rollup_current(p_workspace_id, p_day - 14, p_day) r group by r.day
  ), base as (
    select avg(spend) as spend, sum(revenue)::numeric / nullif(sum(spend), 0) as roas from ads where day < p_day
  ), today as (
    select coalesce(sum(spend), 0) as spend, sum(revenue)::numeric / nullif(sum(spend), 0) as roas from ads where day = p_day
  ), cr as (
    select avg(f.value) filter (where f.period_start < p_day::timestamp at time zone 'UTC') as base,
           avg(f.value) filter (where f.period_start = p_day::timestamp at time zone 'UTC') as today
    from public.dashboard_facts f
    where f.workspace_id = p_workspace_id and f.metric = 'conversion_rate_bp' and f.period = 'day' and f.dimensions = '{}'
      and f.period_start >= (p_day - 14)::timestamp at time zone 'UTC' and f.period_start < (p_day + 1)::timestamp at time zone 'UTC'
  ), found as (
    select jsonb_build_object('metric', 'ad_spend_cents', 'day', p_day, 'value', t.spend, 'baseline', round(b.spend),
             'change_pct', private.pct_change(b.spend, t.spend), 'direction', case when t.spend > b.spend then 'up' else 'down' end) as a
    from today t, base b where b.spend >= 1000 and private.pct_change(b.spend, t.spend) >= 50
    union all
    select jsonb_build_object('metric', 'roas', 'day', p_day, 'value', round(t.roas, 2), 'baseline', round(b.roas, 2),
             'change_pct', private.pct_change(b.roas, t.roas), 'direction', case when t.roas > b.roas then 'up' else 'down' end)
    from today t, base b where t.roas is not null and b.roas > 0 and private.pct_change(b.roas, t.roas) >= 40
    union all
    select jsonb_build_object('metric', 'conversion_rate_bp', 'day', p_day, 'value', round(c.today), 'baseline', round(c.base),
             'change_pct', private.pct_change(c.base, c.today), 'direction', case when c.today > c.base then 'up' else 'down' end)
    from cr c where c.base > 0 and c.today is not null and private.pct_change(c.base, c.today) >= 30
    union all
    select jsonb_build_object('metric', 'stock_out', 'product_id', p.id, 'product', p.title, 'sku', p.sku, 'on_hand', rp.on_hand,
             'weeks_of_supply', rp.weeks_of_supply, 'reorder_point', rp.reorder_point)
    from public.reorder_points rp join public.products p on p.workspace_id = rp.workspace_id and p.id = rp.product_id
    where rp.workspace_id = p_workspace_id and p.status = 'active'
      and (rp.on_hand <= 0 or (rp.below_reorder_point and rp.weeks_of_supply < 1))
  )
  select coalesce(jsonb_agg(a), '[]') from (select a from found limit 30) x
$$;
comment on function private.detect_anomalies(uuid, date) is 'What moved on p_day against the 14 days before: ad spend by 50% or more (from $10 a day), ROAS by 40% or more, conversion rate (dashboard_facts conversion_rate_bp) by 30% or more, and active products out of stock or under a week of supply below their reorder point. At most 30.';

create function private.queue_scheduled_agent_work(p_day date default ((now() at time zone 'UTC')::date - 1),
  p_workspace_id uuid default null) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  w record;
  anomalies jsonb;
  n integer := 0;
  c record;
  week date := (date_trunc('week', p_day::timestamp) - interval '7 days')::date;
begin
  for w in select x.id from public.workspaces x where p_workspace_id is null or x.id = p_workspace_id order by x.id loop
    -- the daily CEO briefing of p_day
    if private.queue_scheduled_run(w.id, 'write_briefing', 'ceo_briefing', 'ceo_briefing:daily:' || p_day,
         jsonb_build_object('briefing_kind', 'daily', 'period_start', p_day, 'period_end', p_day,
           'facts', private.workspace_week_figures(w.id, p_day) || jsonb_build_object(
             'day', p_day, 'pending_approvals', (select count(*) from public.agent_approvals a where a.workspace_id = w.id and a.status = 'pending'),
             'open_alerts', (select count(*) from public.ops_alerts a where a.workspace_id = w.id and a.status = 'open'),
             'anomalies', private.detect_anomalies(w.id, p_day)))) is not null then
      n := n + 1;
    end if;
    -- insights on what moved
    anomalies := private.detect_anomalies(w.id, p_day);
    if jsonb_array_length(anomalies) > 0 and private.queue_scheduled_run(w.id, 'insights', 'anomaly_insights',
         'anomaly_insights:' || p_day, jsonb_build_object('day', p_day, 'facts', anomalies)) is not null then
      n := n + 1;
    end if;
    -- commentary on last week's autopilot report, once it exists
    for c in select r.id, to_jsonb(r) - '{id,workspace_id,created_at,updated_at,ai_insights,commentary_run_id}'::text[] as facts
             from public.autopilot_weekly_reports r
             where r.workspace_id = w.id and r.week_start = week and r.ai_insights is null loop
      if private.queue_scheduled_run(w.id, 'report_commentary', 'report_commentary', 'report_commentary:' || c.id,
           jsonb_build_object('report_id', c.id, 'facts', c.facts)) is not null then
        n := n + 1;
      end if;
    end loop;
    -- forecasts of the active campaigns for the next 7 days
    if exists (select 1 from public.campaigns x where x.workspace_id = w.id and x.status = 'active') then
      if private.queue_scheduled_run(w.id, 'forecast', 'campaign_prediction', 'campaign_prediction:' || p_day,
           jsonb_build_object('period_start', p_day + 1, 'period_end', p_day + 7,
             'campaign_ids', (select jsonb_agg(x.id order by x.id) from public.campaigns x where x.workspace_id = w.id and x.status = 'active'),
             'facts', (select jsonb_agg(jsonb_build_object('campaign_id', x.id, 'name', x.name, 'budget_cents', x.budget_cents,
                        'last_28_days', (select jsonb_build_object('spend_cents', coalesce(sum(m.spend_cents), 0),
                           'revenue_cents', coalesce(sum(m.revenue_cents), 0), 'leads', coalesce(sum(m.leads), 0),
                           'conversions', coalesce(sum(m.conversions), 0), 'clicks', coalesce(sum(m.clicks), 0))
                          from public.campaign_metrics m where m.workspace_id = w.id and m.campaign_id = x.id
                            and m.day between p_day - 27 and p_day)) order by x.id)
                       from public.campaigns x where x.workspace_id = w.id and x.status = 'active'))) is not null then
        n := n + 1;
      end if;
    end if;
    -- drafts for calendar entries due within two weeks that have none
    for c in select e.id, e.title, e.description, e.content_type, e.channel, e.scheduled_for from public.content_calendar e
             where e.workspace_id = w.id and e.status in ('planned', 'in_progress') and e.generated_content_id is null
               and e.scheduled_for between now() and now() + interval '14 days'
             order by e.scheduled_for limit 10 loop
      if private.queue_scheduled_run(w.id, 'write_content', 'generated_content', 'generated_content:' || c.id,
           jsonb_build_object('content_calendar_id', c.id, 'brief', concat_ws(E'\n', c.title, c.description),
             'facts', jsonb_build_object('title', c.title, 'content_type', c.content_type, 'channel', c.channel,
                                         'scheduled_for', c.scheduled_for))) is not null then
        n := n + 1;
      end if;
    end loop;
  end loop;
  return n;
end $$;
comment on function private.queue_scheduled_agent_work(date, uuid) is 'pg_cron (agent-scheduled-work, daily 06:00 UTC): per workspace (or only p_workspace_id), queues (once per key) the daily CEO briefing of p_day, insights when private.detect_anomalies finds something, commentary on last week''s autopilot report, forecasts of active campaigns for the next 7 days and drafts for calendar entries due within 14 days, each for the agent with the matching capability and only within the AI budget. Returns how many runs it queued.';
select cron.schedule('agent-scheduled-work', '0 6 * * *', 'select private.queue_scheduled_agent_work()');

-- ===== grants
revoke all on function private.ai_spend_this_month(uuid), private.ai_budget_problem(uuid), public.agent_budget(uuid),
  private.agent_run_actor(uuid, uuid, uuid), private.agent_run_model(public.agents, text),
  private.claim_agent_runs(integer, integer, text), private.agent_run_context(uuid), private.workspace_week_figures(uuid, date),
  private.record_agent_query(uuid, text, boolean, integer, integer, integer, integer, jsonb, jsonb, text, integer),
  private.start_chat_turn(uuid, uuid, text, integer, text), private.finish_agent_run(uuid, boolean, jsonb, text),
  private.store_agent_run_output(public.agent_runs, jsonb), private.wake_agent_runner(), private.agent_runs_due(),
  private.learn_from_decision(), private.draw_qc_sample(date), private.stamp_qc_reviewer(),
  private.agent_with_capability(uuid, text), private.queue_scheduled_run(uuid, text, public.agent_run_kind, text, jsonb),
  private.detect_anomalies(uuid, date), private.queue_scheduled_agent_work(date, uuid) from public;
grant execute on function public.agent_budget(uuid), private.ai_spend_this_month(uuid), private.agent_settings_for(uuid)
  to authenticated;
grant execute on function private.ai_budget_problem(uuid) to authenticated;
grant execute on function private.claim_agent_runs(integer, integer, text), private.agent_run_context(uuid),
  private.record_agent_query(uuid, text, boolean, integer, integer, integer, integer, jsonb, jsonb, text, integer),
  private.start_chat_turn(uuid, uuid, text, integer, text), private.finish_agent_run(uuid, boolean, jsonb, text),
  private.agent_runs_due(), private.draw_qc_sample(date), private.queue_scheduled_agent_work(date, uuid),
  private.detect_anomalies(uuid, date)
  to service_role;
