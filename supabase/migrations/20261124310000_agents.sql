-- AI agents: definitions with their personality (seed 000's ai_agents + agent_personalities),
-- runs (001's agent_run) with metrics views, every LLM call with redacted request and response
-- and its cost computed from the model registry (001's AgentQuery), QC checks (agent_qc),
-- feedback (001's AgentFeedback, 003's ai_interaction_feedback), training examples (000's
-- agent_training_examples, 003's agent_learning_data), and chat sessions and messages (003's
-- chat_sessions/chat_messages and campaign_copilot_sessions, as sessions with a purpose).
-- Agent memories are chunks in the agent's knowledge collection (knowledge domain: a
-- knowledge_collections row with scope 'agent' and owner_id = agents.id), not a table here.

-- ===== shared: stamp the acting user into columns the client may not choose
create function private.stamp_actor() returns trigger
language plpgsql set search_path = '' as $$
declare
  col text;
  stamped jsonb := '{}'::jsonb;
begin
  if (select auth.role()) = 'authenticated' then
    foreach col in array tg_argv loop
      stamped := stamped || jsonb_build_object(col, (select auth.uid()));
    end loop;
    new := jsonb_populate_record(new, stamped);
  end if;
  return new;
end $$;
comment on function private.stamp_actor() is 'BEFORE INSERT trigger: for signed-in callers, sets the named columns (created_by, user_id ...) to auth.uid() whatever the client sent. Service and cron writes keep what they give.';
revoke all on function private.stamp_actor() from public;

-- ===== redaction of what an LLM call carried
-- Values under secret-looking keys become "[redacted]"; in every string, email addresses,
-- bearer tokens, API keys (sk-..., key-...), card-like digit runs (13-19 digits) and phone numbers
-- (+ and 8 or more digits, or the 3-3-4 North American shape) are masked; dates are left alone.
create function private.redact_text(p text) returns text
language sql immutable set search_path = '' as $$
  select regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(p,
    '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}', '[email]', 'g'),
    '(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}', '\1 [token]', 'gi'),
    '\m(sk|pk|rk|key|xox[abp])[-_][A-Za-z0-9_-]{12,}', '[key]', 'g'),
    '\m\d(?:[ -]?\d){12,18}\M', '[number]', 'g'),
    '\+\d[\d ().-]{6,}\d', '[phone]', 'g'),
    '\(?\m\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\M', '[phone]', 'g')
$$;
comment on function private.redact_text(text) is 'Masks emails, bearer/basic tokens, API keys, card-like numbers and phone numbers in a string.';

create function private.redact_jsonb(p jsonb) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  k text;
  v jsonb;
  out_obj jsonb := '{}'::jsonb;
  out_arr jsonb := '[]'::jsonb;
begin
  case jsonb_typeof(p)
    when 'object' then
      for k, v in select * from jsonb_each(p) loop
        if k ~* '(pass(word)?|secret|token|api[_-]?key|authorization|cookie|credential|private[_-]?key)' then
          out_obj := out_obj || jsonb_build_object(k, '[redacted]');
        else
          out_obj := out_obj || jsonb_build_object(k, private.redact_jsonb(v));
        end if;
      end loop;
      return out_obj;
    when 'array' then
      for v in select * from jsonb_array_elements(p) loop
        out_arr := out_arr || jsonb_build_array(private.redact_jsonb(v));
      end loop;
      return out_arr;
    when 'string' then
      return to_jsonb(private.redact_text(p #>> '{}'));
    else
      return p;
  end case;
end $$;
comment on function private.redact_jsonb(jsonb) is 'Redacts a JSON document recursively: secret-named keys lose their values, strings are masked by private.redact_text().';
revoke all on function private.redact_text(text) from public;
revoke all on function private.redact_jsonb(jsonb) from public;
grant execute on function private.redact_text(text), private.redact_jsonb(jsonb) to service_role;

-- ===== agents
create type public.agent_status as enum ('active', 'paused', 'retired');
comment on type public.agent_status is 'active: runs and proposes; paused: no new runs; retired: kept for history.';

create table public.agents (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_-]{1,62}$'),
  name text not null check (char_length(btrim(name)) between 1 and 120),
  role text not null check (char_length(role) between 1 and 200),
  description text check (char_length(description) <= 4000),
  email text check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  status public.agent_status not null default 'active',
  capabilities text[] not null default '{}' check (cardinality(capabilities) <= 50),
  model_id uuid references public.ai_models (id) on delete set null,
  system_prompt text check (char_length(system_prompt) <= 50000),
  temperature numeric(3, 2) check (temperature between 0 and 2),
  max_output_tokens integer check (max_output_tokens between 1 and 200000),
  personality_formality smallint not null default 50 check (personality_formality between 0 and 100),
  personality_verbosity smallint not null default 50 check (personality_verbosity between 0 and 100),
  personality_warmth smallint not null default 50 check (personality_warmth between 0 and 100),
  preferred_greeting text check (char_length(preferred_greeting) <= 500),
  signature text check (char_length(signature) <= 500),
  requires_approval boolean not null default true,
  settings jsonb not null default '{}'::jsonb check (jsonb_typeof(settings) = 'object'),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, key),
  unique (workspace_id, id)
);
comment on table public.agents is 'AI agents of a workspace with their personality (seed 000''s ai_agents and agent_personalities). Viewers read; admins configure. Memories: the knowledge collection with scope agent and owner_id = id.';
comment on column public.agents.key is 'Stable handle used by code and prompts (e.g. cx-responder), unique in the workspace.';
comment on column public.agents.role is 'What the agent does, in words (support replies, ads optimisation ...).';
comment on column public.agents.email is 'The mailbox the agent writes from, if any.';
comment on column public.agents.capabilities is 'Skill tags the runtime checks before giving the agent a task (draft_reply, pause_campaign ...).';
comment on column public.agents.model_id is 'The registry model it uses; NULL means the provider''s default flagship (get_default_model).';
comment on column public.agents.personality_formality is 'Personality trait 0-100: 0 casual, 100 formal (seed 000 traitFormality).';
comment on column public.agents.personality_verbosity is 'Personality trait 0-100: 0 terse, 100 expansive (seed 000 traitVerbosity).';
comment on column public.agents.personality_warmth is 'Personality trait 0-100: 0 matter-of-fact, 100 warm.';
comment on column public.agents.requires_approval is 'Whether the agent''s actions go through the approval queue (agent_approvals) before they run.';
create index agents_model_id_idx on public.agents (model_id);
create index agents_created_by_idx on public.agents (created_by);
create trigger set_updated_at before update on public.agents for each row execute function private.set_updated_at();
create trigger stamp_actor before insert on public.agents for each row execute function private.stamp_actor('created_by');

-- ===== runs
create type public.agent_run_status as enum ('queued', 'running', 'succeeded', 'failed', 'cancelled');
comment on type public.agent_run_status is 'queued -> running -> succeeded | failed; queued or running -> cancelled.';
create type public.agent_run_trigger as enum ('manual', 'schedule', 'event', 'webhook', 'agent');
comment on type public.agent_run_trigger is 'What started a run: a person, pg_cron, a domain event, an inbound webhook, another agent.';

create table public.agent_runs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  agent_id uuid not null,
  trigger public.agent_run_trigger not null default 'manual',
  triggered_by uuid default auth.uid() references auth.users (id) on delete set null,
  status public.agent_run_status not null default 'queued',
  input jsonb not null default '{}'::jsonb,
  output jsonb,
  error text check (char_length(error) <= 4000),
  started_at timestamptz,
  finished_at timestamptz,
  duration_ms integer generated always as ((extract(epoch from (finished_at - started_at)) * 1000)::integer) stored,
  queries integer not null default 0,
  input_tokens bigint not null default 0,
  output_tokens bigint not null default 0,
  cost_micros bigint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, agent_id) references public.agents (workspace_id, id) on delete cascade
);
comment on table public.agent_runs is 'One execution of an agent (seed 001''s agent_run): trigger, status, timings, and token and cost totals summed from its agent_queries. Members queue manual runs and cancel; the agent runtime (service) moves them.';
comment on column public.agent_runs.duration_ms is 'finished_at - started_at in milliseconds, once both are set.';
comment on column public.agent_runs.queries is 'LLM calls made by the run (agent_queries rows), kept by trigger.';
comment on column public.agent_runs.cost_micros is 'Sum of its agent_queries.cost_micros (micros of USD), kept by trigger.';
create index agent_runs_agent_idx on public.agent_runs (workspace_id, agent_id, created_at desc);
create index agent_runs_triggered_by_idx on public.agent_runs (triggered_by);
create index agent_runs_active_idx on public.agent_runs (workspace_id, status) where status in ('queued', 'running');
create trigger set_updated_at before update on public.agent_runs for each row execute function private.set_updated_at();

create function private.guard_agent_run() returns trigger
language plpgsql set search_path = '' as $$
declare
  signed_in boolean := (select auth.role()) = 'authenticated';
begin
  if tg_op = 'INSERT' then
    if signed_in then
      new.trigger := 'manual';
      new.triggered_by := (select auth.uid());
    end if;
    if new.status <> 'queued' and signed_in then
      raise exception 'a run starts queued' using errcode = '22023';
    end if;
    -- (an agent the caller cannot see is left to the foreign key: 23503)
    if exists (select 1 from public.agents a
               where a.id = new.agent_id and a.workspace_id = new.workspace_id and a.status <> 'active') then
      raise exception 'this agent is not active; resume it before running it' using errcode = 'PT409';
    end if;
    return new;
  end if;
  if new.status is distinct from old.status then
    if signed_in and new.status <> 'cancelled' then
      raise exception 'only the agent runtime moves a run to %; you can cancel it', new.status using errcode = '42501';
    end if;
    if not (old.status = 'queued' and new.status in ('running', 'cancelled')
            or old.status = 'running' and new.status in ('succeeded', 'failed', 'cancelled')) then
      raise exception 'a % run cannot become %', old.status, new.status using errcode = 'PT409';
    end if;
    if new.status = 'running' then
      new.started_at := coalesce(new.started_at, now());
    elsif new.status in ('succeeded', 'failed', 'cancelled') then
      new.finished_at := coalesce(new.finished_at, now());
    end if;
  end if;
  return new;
end $$;
comment on function private.guard_agent_run() is 'BEFORE INSERT/UPDATE on agent_runs: signed-in users queue manual runs of active agents and may only cancel; status moves forward only; timings are stamped.';
revoke all on function private.guard_agent_run() from public;
create trigger guard_agent_run before insert or update on public.agent_runs
  for each row execute function private.guard_agent_run();

-- ===== LLM calls
create type public.agent_query_status as enum ('succeeded', 'failed');
comment on type public.agent_query_status is 'Whether the provider answered.';

create table public.agent_queries (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  agent_id uuid,
  run_id uuid,
  provider public.ai_provider not null,
  model text not null check (char_length(model) between 1 and 128),
  model_id uuid references public.ai_models (id) on delete set null,
  purpose text check (char_length(purpose) <= 200),
  status public.agent_query_status not null default 'succeeded',
  input_tokens integer not null default 0 check (input_tokens >= 0),
  cached_input_tokens integer not null default 0 check (cached_input_tokens >= 0),
  output_tokens integer not null default 0 check (output_tokens >= 0),
  latency_ms integer check (latency_ms >= 0),
  cost_micros bigint,
  request jsonb not null default '{}'::jsonb,
  response jsonb,
  error text check (char_length(error) <= 4000),
  created_at timestamptz not null default now(),
  unique (workspace_id, id),
  constraint "cached input tokens are part of the input tokens" check (cached_input_tokens <= input_tokens),
  foreign key (workspace_id, agent_id) references public.agents (workspace_id, id) on delete set null (agent_id),
  foreign key (workspace_id, run_id) references public.agent_runs (workspace_id, id) on delete set null (run_id)
);
comment on table public.agent_queries is 'Every LLM call (seed 001''s AgentQuery): provider, model, tokens, latency, cost and the redacted request and response. Written by the service; admins read.';
comment on column public.agent_queries.model_id is 'The registry entry priced; found from provider + model when not given.';
comment on column public.agent_queries.cost_micros is 'Computed on insert from the registry''s prices at that time (private.ai_cost_micros); NULL when the model is not in the registry. Never taken from the caller.';
comment on column public.agent_queries.request is 'The prompt sent, redacted on insert (private.redact_jsonb).';
comment on column public.agent_queries.response is 'The provider''s answer, redacted on insert.';
create index agent_queries_workspace_created_idx on public.agent_queries (workspace_id, created_at desc);
create index agent_queries_agent_idx on public.agent_queries (workspace_id, agent_id);
create index agent_queries_run_idx on public.agent_queries (workspace_id, run_id);
create index agent_queries_model_id_idx on public.agent_queries (model_id);

create function private.price_agent_query() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  m public.ai_models;
begin
  if new.model_id is not null then
    select * into m from public.ai_models a where a.id = new.model_id;
  else
    select * into m from public.ai_models a where a.provider = new.provider and a.model = new.model;
  end if;
  new.model_id := m.id;
  new.cost_micros := case when m.id is not null
    then private.ai_cost_micros(m, new.input_tokens, new.output_tokens, new.cached_input_tokens) end;
  new.request := private.redact_jsonb(new.request);
  new.response := private.redact_jsonb(new.response);
  return new;
end $$;
comment on function private.price_agent_query() is 'BEFORE INSERT on agent_queries: prices the call from the registry and redacts request and response.';

create function private.add_query_to_run() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.agent_runs r set queries = r.queries + 1,
    input_tokens = r.input_tokens + new.input_tokens, output_tokens = r.output_tokens + new.output_tokens,
    cost_micros = r.cost_micros + coalesce(new.cost_micros, 0)
  where r.id = new.run_id;
  return null;
end $$;
comment on function private.add_query_to_run() is 'AFTER INSERT on agent_queries: adds the call''s tokens and cost to its run.';
revoke all on function private.price_agent_query() from public;
revoke all on function private.add_query_to_run() from public;
create trigger price_agent_query before insert on public.agent_queries
  for each row execute function private.price_agent_query();
create trigger add_query_to_run after insert on public.agent_queries
  for each row when (new.run_id is not null) execute function private.add_query_to_run();
create function private.freeze_agent_query() returns trigger
language plpgsql set search_path = '' as $$
begin
  -- Only a foreign key's ON DELETE SET NULL may touch a logged call (its agent, run or model went).
  if to_jsonb(new) - '{agent_id,run_id,model_id}'::text[] <> to_jsonb(old) - '{agent_id,run_id,model_id}'::text[]
     or new.agent_id is distinct from old.agent_id and new.agent_id is not null
     or new.run_id is distinct from old.run_id and new.run_id is not null
     or new.model_id is distinct from old.model_id and new.model_id is not null then
    raise exception 'agent queries are an append-only log' using errcode = '42501';
  end if;
  return new;
end $$;
comment on function private.freeze_agent_query() is 'BEFORE UPDATE on agent_queries: the log is append-only (cost and redaction happen once, on insert); only clearing a deleted agent, run or model is allowed.';
revoke all on function private.freeze_agent_query() from public;
create trigger freeze_agent_query before update on public.agent_queries
  for each row execute function private.freeze_agent_query();

-- ===== QC checks on agent output
create type public.qc_result as enum ('pass', 'warn', 'fail');
comment on type public.qc_result is 'Outcome of a quality check.';

create table public.agent_qc (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  run_id uuid not null,
  check_name text not null check (char_length(check_name) between 1 and 120),
  result public.qc_result not null,
  score numeric(5, 4) check (score between 0 and 1),
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object'),
  checked_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (run_id, check_name),
  foreign key (workspace_id, run_id) references public.agent_runs (workspace_id, id) on delete cascade
);
comment on table public.agent_qc is 'Quality checks of a run''s output (seed 001''s agent_qc): automatic checks by the service (checked_by NULL) or a person''s review. One result per run and check.';
comment on column public.agent_qc.score is 'Check score from 0 to 1, when the check scores.';
create index agent_qc_run_idx on public.agent_qc (workspace_id, run_id);
create index agent_qc_checked_by_idx on public.agent_qc (checked_by);
create trigger stamp_actor before insert on public.agent_qc for each row execute function private.stamp_actor('checked_by');

-- ===== chat sessions (copilot sessions are chat sessions with purpose campaign_copilot)
create type public.chat_purpose as enum ('chat', 'campaign_copilot', 'research', 'support');
comment on type public.chat_purpose is 'Why a chat exists: general chat, designing a campaign with the copilot, research, support.';
create type public.chat_session_status as enum ('active', 'archived');
comment on type public.chat_session_status is 'Archived sessions are kept but hidden from the default list.';
create type public.chat_role as enum ('user', 'assistant', 'system', 'tool');
comment on type public.chat_role is 'Who wrote a chat message.';

create table public.chat_sessions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  agent_id uuid,
  purpose public.chat_purpose not null default 'chat',
  campaign_id uuid,
  title text check (char_length(title) <= 200),
  status public.chat_session_status not null default 'active',
  state jsonb not null default '{}'::jsonb check (jsonb_typeof(state) = 'object'),
  message_count integer not null default 0,
  last_message_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, agent_id) references public.agents (workspace_id, id) on delete set null (agent_id)
);
comment on table public.chat_sessions is 'A user''s conversation with our AI (seed 003''s chat_sessions; its campaign_copilot_sessions are sessions with purpose campaign_copilot). Personal: only the user who owns it reads or writes it, and only while a member of its workspace.';
comment on column public.chat_sessions.campaign_id is 'The marketing campaign a copilot session designs or discusses (public.campaigns, marketing domain).';
comment on column public.chat_sessions.state is 'Copilot working state: current step, the campaign draft, choices made.';
comment on column public.chat_sessions.message_count is 'Messages in the session, kept by trigger.';
create index chat_sessions_user_idx on public.chat_sessions (user_id, workspace_id, updated_at desc);
create index chat_sessions_workspace_agent_idx on public.chat_sessions (workspace_id, agent_id);
create index chat_sessions_campaign_idx on public.chat_sessions (campaign_id);
create trigger set_updated_at before update on public.chat_sessions for each row execute function private.set_updated_at();
create trigger stamp_actor before insert on public.chat_sessions for each row execute function private.stamp_actor('user_id');

create table public.chat_messages (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  session_id uuid not null,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  role public.chat_role not null,
  content text not null check (char_length(content) <= 100000),
  query_id bigint,
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  created_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, session_id) references public.chat_sessions (workspace_id, id) on delete cascade,
  foreign key (workspace_id, query_id) references public.agent_queries (workspace_id, id) on delete set null (query_id)
);
comment on table public.chat_messages is 'Messages of a chat session (workspace_id must be the session''s; user_id is set to the session''s owner on insert). The session''s user reads them.';
comment on column public.chat_messages.query_id is 'The LLM call that produced an assistant message.';
comment on column public.chat_messages.metadata is 'Citations (knowledge chunk ids), tool calls, attachments.';
create index chat_messages_session_idx on public.chat_messages (workspace_id, session_id, id);
create index chat_messages_user_id_idx on public.chat_messages (user_id);
create index chat_messages_query_idx on public.chat_messages (workspace_id, query_id);

create function private.chat_message_from_session() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  s public.chat_sessions;
begin
  select * into s from public.chat_sessions where id = new.session_id;
  if not found then
    raise exception 'no chat session %', new.session_id using errcode = 'PT404';
  end if;
  new.user_id := s.user_id;
  if (select auth.role()) = 'authenticated' and new.role in ('system', 'tool') then
    raise exception 'system and tool messages are written by the service' using errcode = '42501';
  end if;
  return new;
end $$;
comment on function private.chat_message_from_session() is 'BEFORE INSERT on chat_messages: the message belongs to the session''s owner (the composite foreign key keeps its workspace the session''s); signed-in users write user and assistant messages only.';

create function private.count_chat_message() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.chat_sessions s set message_count = s.message_count + 1,
    last_message_at = greatest(coalesce(s.last_message_at, new.created_at), new.created_at)
  where s.id = new.session_id;
  return null;
end $$;
comment on function private.count_chat_message() is 'AFTER INSERT on chat_messages: counts the message on its session.';
revoke all on function private.chat_message_from_session() from public;
revoke all on function private.count_chat_message() from public;
create trigger chat_message_from_session before insert on public.chat_messages
  for each row execute function private.chat_message_from_session();
create trigger count_chat_message after insert on public.chat_messages
  for each row execute function private.count_chat_message();

-- ===== feedback and training examples (the learning loop)
create type public.agent_feedback_kind as enum ('thumbs_up', 'thumbs_down', 'rating', 'correction', 'comment');
comment on type public.agent_feedback_kind is 'What a person said about an agent''s output.';
create type public.training_example_kind as enum ('example', 'correction', 'pattern');
comment on type public.training_example_kind is 'example: input and the expected output; correction: what the agent should have said; pattern: a learned pattern (seed 003''s agent_learning_data).';
create type public.training_example_source as enum ('manual', 'feedback', 'learned');
comment on type public.training_example_source is 'Where a training example came from.';

create table public.agent_feedback (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  agent_id uuid,
  run_id uuid,
  query_id bigint,
  chat_message_id bigint,
  user_id uuid default auth.uid() references auth.users (id) on delete set null,
  kind public.agent_feedback_kind not null,
  rating smallint check (rating between 1 and 5),
  comment text check (char_length(comment) <= 4000),
  correction text check (char_length(correction) <= 20000),
  prompt_excerpt text check (char_length(prompt_excerpt) <= 20000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "a rating needs a value from 1 to 5" check (kind <> 'rating' or rating is not null),
  constraint "a correction needs the corrected text" check (kind <> 'correction' or correction is not null),
  constraint "feedback is about an agent, run, call or message"
    check (num_nonnulls(agent_id, run_id, query_id, chat_message_id) > 0),
  foreign key (workspace_id, agent_id) references public.agents (workspace_id, id) on delete set null (agent_id),
  foreign key (workspace_id, run_id) references public.agent_runs (workspace_id, id) on delete set null (run_id),
  foreign key (workspace_id, query_id) references public.agent_queries (workspace_id, id) on delete set null (query_id),
  foreign key (workspace_id, chat_message_id) references public.chat_messages (workspace_id, id)
    on delete set null (chat_message_id),
  unique (workspace_id, id)
);
comment on table public.agent_feedback is 'Operators'' feedback on agent output (seed 001''s AgentFeedback, 003''s ai_interaction_feedback). A correction becomes a training example. Members give feedback; each person edits only their own.';
comment on column public.agent_feedback.prompt_excerpt is 'What the agent was asked, for corrections the training example keeps (defaults to the run''s input).';
create index agent_feedback_workspace_idx on public.agent_feedback (workspace_id, created_at desc);
create index agent_feedback_agent_idx on public.agent_feedback (workspace_id, agent_id);
create index agent_feedback_run_idx on public.agent_feedback (workspace_id, run_id);
create index agent_feedback_query_idx on public.agent_feedback (workspace_id, query_id);
create index agent_feedback_message_idx on public.agent_feedback (workspace_id, chat_message_id);
create index agent_feedback_user_id_idx on public.agent_feedback (user_id);
create trigger set_updated_at before update on public.agent_feedback for each row execute function private.set_updated_at();
create trigger stamp_actor before insert on public.agent_feedback for each row execute function private.stamp_actor('user_id');

create table public.agent_training_examples (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  agent_id uuid not null,
  kind public.training_example_kind not null default 'example',
  source public.training_example_source not null default 'manual',
  input text check (char_length(input) <= 50000),
  expected_output text check (char_length(expected_output) <= 50000),
  actual_output text check (char_length(actual_output) <= 50000),
  was_correct boolean,
  pattern jsonb check (jsonb_typeof(pattern) = 'object'),
  confidence numeric(5, 4) check (confidence between 0 and 1),
  usage_count integer not null default 0 check (usage_count >= 0),
  feedback_id uuid,
  tags text[] not null default '{}',
  is_active boolean not null default true,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "an example or correction needs input and expected output"
    check (kind = 'pattern' or (input is not null and expected_output is not null)),
  constraint "a pattern needs its pattern document" check (kind <> 'pattern' or pattern is not null),
  foreign key (workspace_id, agent_id) references public.agents (workspace_id, id) on delete cascade,
  foreign key (workspace_id, feedback_id) references public.agent_feedback (workspace_id, id) on delete set null (feedback_id)
);
comment on table public.agent_training_examples is 'What an agent learns from (seed 000''s agent_training_examples, 003''s agent_learning_data): curated examples, corrections from feedback, learned patterns with confidence.';
comment on column public.agent_training_examples.actual_output is 'What the agent said, for corrections.';
comment on column public.agent_training_examples.pattern is 'A learned pattern (seed 003): e.g. {"when": "refund asked", "prefer": "store credit offer"}.';
comment on column public.agent_training_examples.usage_count is 'How often the runtime put this example into a prompt.';
create index agent_training_examples_agent_idx on public.agent_training_examples (workspace_id, agent_id) where is_active;
create index agent_training_examples_feedback_idx on public.agent_training_examples (workspace_id, feedback_id);
create index agent_training_examples_created_by_idx on public.agent_training_examples (created_by);
create trigger set_updated_at before update on public.agent_training_examples
  for each row execute function private.set_updated_at();
create trigger stamp_actor before insert on public.agent_training_examples
  for each row execute function private.stamp_actor('created_by');

-- Chats are personal: feedback may name a chat message only from the caller's own chats (the
-- foreign key alone would accept any message id of the workspace, and a correction copies the
-- message into a training example every viewer reads).
create function private.guard_feedback_message() returns trigger
language plpgsql set search_path = '' as $$
begin
  if (select auth.role()) = 'authenticated' and new.chat_message_id is not null
     and not exists (select 1 from public.chat_messages m
                     where m.id = new.chat_message_id and m.user_id = (select auth.uid())) then
    raise exception 'feedback can name messages of your own chats only' using errcode = '42501';
  end if;
  return new;
end $$;
comment on function private.guard_feedback_message() is 'BEFORE INSERT on agent_feedback: a signed-in user''s feedback may only name a message of their own chats.';
revoke all on function private.guard_feedback_message() from public;
create trigger guard_feedback_message before insert on public.agent_feedback
  for each row execute function private.guard_feedback_message();

-- A correction teaches the agent: it becomes a training example (kind correction, source feedback).
create function private.learn_from_feedback() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  agent uuid := new.agent_id;
  prompt text := new.prompt_excerpt;
  said text;
begin
  if new.run_id is not null then
    select coalesce(agent, r.agent_id), coalesce(prompt, r.input::text), r.output::text into agent, prompt, said
    from public.agent_runs r where r.id = new.run_id;
  end if;
  if new.chat_message_id is not null then
    select coalesce(agent, s.agent_id), m.content into agent, said
    from public.chat_messages m join public.chat_sessions s on s.id = m.session_id
    where m.id = new.chat_message_id;
  end if;
  if agent is null then
    return null;
  end if;
  insert into public.agent_training_examples (workspace_id, agent_id, kind, source, input, expected_output,
    actual_output, was_correct, feedback_id, created_by)
  values (new.workspace_id, agent, 'correction', 'feedback', coalesce(prompt, ''), new.correction, said, false,
          new.id, new.user_id);
  return null;
end $$;
comment on function private.learn_from_feedback() is 'AFTER INSERT on agent_feedback (corrections): records a training example for the agent named by the feedback, its run or its chat session; without an agent nothing is recorded.';
revoke all on function private.learn_from_feedback() from public;
create trigger learn_from_feedback after insert on public.agent_feedback
  for each row when (new.kind = 'correction') execute function private.learn_from_feedback();

-- ===== metrics (seed 001's agent metrics, as views over runs; RLS of the caller applies)
create view public.agent_metrics with (security_invoker = true) as
  select a.workspace_id, a.id as agent_id, a.key, a.name, a.status,
         count(r.id)::integer as runs,
         (count(r.id) filter (where r.status = 'succeeded'))::integer as succeeded,
         (count(r.id) filter (where r.status = 'failed'))::integer as failed,
         round((count(r.id) filter (where r.status = 'succeeded'))::numeric
               / nullif(count(r.id) filter (where r.status in ('succeeded', 'failed')), 0), 4) as success_rate,
         round(avg(r.duration_ms))::integer as avg_duration_ms,
         (percentile_disc(0.95) within group (order by r.duration_ms))::integer as p95_duration_ms,
         coalesce(sum(r.input_tokens + r.output_tokens), 0)::bigint as tokens,
         coalesce(sum(r.cost_micros), 0)::bigint as cost_micros,
         max(r.created_at) as last_run_at
  from public.agents a
  left join public.agent_runs r on r.workspace_id = a.workspace_id and r.agent_id = a.id
  group by a.workspace_id, a.id;
comment on view public.agent_metrics is 'Per agent: runs, outcomes, success rate (succeeded / finished), average and p95 duration (nearest rank), tokens and cost. Security invoker: the caller''s RLS applies.';

create view public.agent_metrics_daily with (security_invoker = true) as
  select r.workspace_id, r.agent_id, (r.created_at at time zone 'UTC')::date as day,
         count(*)::integer as runs,
         (count(*) filter (where r.status = 'succeeded'))::integer as succeeded,
         (count(*) filter (where r.status = 'failed'))::integer as failed,
         round(avg(r.duration_ms))::integer as avg_duration_ms,
         sum(r.input_tokens + r.output_tokens)::bigint as tokens,
         sum(r.cost_micros)::bigint as cost_micros
  from public.agent_runs r
  group by 1, 2, 3;
comment on view public.agent_metrics_daily is 'Runs per agent and UTC day (by created_at) with outcomes, average duration, tokens and cost. Security invoker.';

-- ===== access
alter table public.agents enable row level security;
alter table public.agent_runs enable row level security;
alter table public.agent_queries enable row level security;
alter table public.agent_qc enable row level security;
alter table public.chat_sessions enable row level security;
alter table public.chat_messages enable row level security;
alter table public.agent_feedback enable row level security;
alter table public.agent_training_examples enable row level security;

grant select, insert, update, delete on public.agents, public.agent_qc, public.agent_training_examples to authenticated;
grant select on public.agent_runs, public.agent_queries to authenticated;
grant insert (id, workspace_id, agent_id, input) on public.agent_runs to authenticated;
grant update (status) on public.agent_runs to authenticated;
grant select, delete on public.chat_sessions to authenticated;
grant insert (id, workspace_id, agent_id, purpose, campaign_id, title, state) on public.chat_sessions to authenticated;
grant update (agent_id, purpose, campaign_id, title, status, state) on public.chat_sessions to authenticated;
grant select on public.chat_messages to authenticated;
grant insert (workspace_id, session_id, role, content, metadata) on public.chat_messages to authenticated;
grant select, delete on public.agent_feedback to authenticated;
grant insert (id, workspace_id, agent_id, run_id, query_id, chat_message_id, kind, rating, comment, correction, prompt_excerpt)
  on public.agent_feedback to authenticated;
grant update (rating, comment, correction) on public.agent_feedback to authenticated;
grant select on public.agent_metrics, public.agent_metrics_daily to authenticated;
grant all on public.agents, public.agent_runs, public.agent_queries, public.agent_qc, public.chat_sessions,
  public.chat_messages, public.agent_feedback, public.agent_training_examples to service_role;
grant select on public.agent_metrics, public.agent_metrics_daily to service_role;

-- Agents are configuration: admins. QC reviews and training data: members.
select private.tenant_policies('public.agents', 'viewer', 'admin');
select private.tenant_policies('public.agent_qc', 'viewer', 'member');
select private.tenant_policies('public.agent_training_examples', 'viewer', 'member');

create policy "viewers read runs" on public.agent_runs for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "members queue runs" on public.agent_runs for insert to authenticated
  with check (workspace_id = any (array(select private.workspace_ids('member'))));
create policy "members cancel runs" on public.agent_runs for update to authenticated
  using (workspace_id = any (array(select private.workspace_ids('member'))))
  with check (workspace_id = any (array(select private.workspace_ids('member'))));
select private.install_tenant_guard('public.agent_runs');

create policy "admins read LLM calls" on public.agent_queries for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin'))));
select private.install_tenant_guard('public.agent_queries');

create policy "users read their chats" on public.chat_sessions for select to authenticated
  using (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "users start chats" on public.chat_sessions for insert to authenticated
  with check (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "users change their chats" on public.chat_sessions for update to authenticated
  using (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))))
  with check (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "users delete their chats" on public.chat_sessions for delete to authenticated
  using (user_id = (select auth.uid()));
select private.install_tenant_guard('public.chat_sessions');

create policy "users read their chat messages" on public.chat_messages for select to authenticated
  using (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "users write to their chats" on public.chat_messages for insert to authenticated
  with check (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));
select private.install_tenant_guard('public.chat_messages');

create policy "viewers read feedback" on public.agent_feedback for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "members give feedback" on public.agent_feedback for insert to authenticated
  with check (workspace_id = any (array(select private.workspace_ids('member'))));
create policy "members change their feedback" on public.agent_feedback for update to authenticated
  using (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('member'))))
  with check (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('member'))));
create policy "members remove their feedback" on public.agent_feedback for delete to authenticated
  using (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('member'))));
select private.install_tenant_guard('public.agent_feedback');
