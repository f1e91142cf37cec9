-- Agents: the AI model registry, agents with their runs, model calls, feedback, quality checks
-- and training examples, chat with our AI, and the human approval queue.
--
-- AI model registry (global): which models exist per provider, their type, capabilities,
-- context window and per-token prices, and the monthly discovery runs that keep it current.
-- Readable by every signed-in user,
-- written by the service only. Per-workspace choices (an agent's model) live in workspace tables.
--
-- Prices: a token costs fractions of a micro (gpt-5-nano input is $0.05 per million tokens,
-- 0.05 micros per token), so prices are stored as micros per MILLION tokens (bigint, exact) and
-- a query's cost in micros is round(sum(tokens x price per million) / 1e6), computed in SQL.
create type public.ai_provider as enum ('openai', 'anthropic', 'google', 'mistral');

comment on type public.ai_provider is 'AI model providers the registry tracks.';

create type public.ai_model_type as enum ('flagship', 'fast', 'reasoning', 'legacy');

comment on type public.ai_model_type is 'flagship: the best general model; fast: cheap and quick; reasoning: thinks before answering; legacy: kept for existing agents.';

create type public.ai_model_capability as enum (
  'text', 'vision', 'audio', 'function_calling', 'json_mode', 'streaming', 'reasoning', 'web_search'
);

comment on type public.ai_model_capability is 'What a model can do, as providers document it.';

create type public.discovery_run_status as enum ('running', 'succeeded', 'failed');

comment on type public.discovery_run_status is 'Where a model discovery run stands.';

create table public.ai_models (
  id uuid primary key default gen_random_uuid(),
  provider public.ai_provider not null,
  model text not null check (model ~ '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$'),
  display_name text check (char_length(display_name) between 1 and 200),
  model_type public.ai_model_type not null,
  is_active boolean not null default true,
  is_default boolean not null default false,
  capabilities public.ai_model_capability[] not null default '{text}',
  context_window integer check (context_window > 0),
  max_output_tokens integer check (max_output_tokens > 0),
  input_price_per_mtok_micros bigint not null default 0 check (input_price_per_mtok_micros >= 0),
  cached_input_price_per_mtok_micros bigint check (cached_input_price_per_mtok_micros >= 0),
  output_price_per_mtok_micros bigint not null default 0 check (output_price_per_mtok_micros >= 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  last_seen_at timestamptz,
  deprecated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (provider, model),
  constraint "a default model must be active" check (not is_default or is_active)
);
comment on table public.ai_models is 'Global registry of AI models (provider + model unique). Every signed-in user reads it; only the service writes it (discovery runs, private.set_default_model).';
comment on column public.ai_models.model is 'The provider''s model id as sent in API calls, e.g. gpt-5-mini, claude-sonnet-4-5.';
comment on column public.ai_models.is_default is 'The model used for this provider and type when nothing else is chosen; at most one per provider and type.';
comment on column public.ai_models.input_price_per_mtok_micros is 'Price of one million input tokens in micros (millionths) of currency: $1.25 per 1M tokens = 1250000.';
comment on column public.ai_models.cached_input_price_per_mtok_micros is 'Price of one million cached input tokens in micros; NULL means cached tokens cost the input price.';
comment on column public.ai_models.output_price_per_mtok_micros is 'Price of one million output tokens in micros of currency.';
comment on column public.ai_models.last_seen_at is 'When a discovery run last found the model at its provider.';
comment on column public.ai_models.deprecated_at is 'When a discovery run stopped finding it (it was then deactivated).';
alter table public.ai_models enable row level security;
grant select on public.ai_models to authenticated;
select private.install_row_triggers('public.ai_models');

create unique index ai_models_one_default on public.ai_models (provider, model_type) where is_default;

create table public.ai_model_discovery_runs (
  id uuid primary key default gen_random_uuid(),
  status public.discovery_run_status not null default 'running',
  providers_checked public.ai_provider[] not null default '{}',
  models_discovered integer not null default 0 check (models_discovered >= 0),
  models_added integer not null default 0 check (models_added >= 0),
  models_updated integer not null default 0 check (models_updated >= 0),
  models_deprecated integer not null default 0 check (models_deprecated >= 0),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  execution_time_ms integer check (execution_time_ms >= 0),
  error text check (char_length(error) <= 2000),
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object'),
  created_at timestamptz not null default now()
);
comment on table public.ai_model_discovery_runs is 'Log of model discovery runs: which providers were checked and what changed. Global; written by the service.';
comment on column public.ai_model_discovery_runs.details is 'Model ids added, updated and deprecated, per provider.';
alter table public.ai_model_discovery_runs enable row level security;
grant select on public.ai_model_discovery_runs to authenticated;

create index ai_model_discovery_runs_started_at_idx on public.ai_model_discovery_runs (started_at desc);

-- ===== cost arithmetic
-- Cost in micros of one call: input tokens include cached ones (as OpenAI and Anthropic report
-- them); cached tokens cost the cached price (or the input price when none is set).
-- round() on numeric rounds half away from zero: 0.5 micros becomes 1.
create function private.ai_cost_micros(
  p_model public.ai_models, p_input_tokens bigint, p_output_tokens bigint, p_cached_input_tokens bigint default 0
) returns bigint
language sql immutable set search_path = '' as $$
  select round((
      (coalesce(p_input_tokens, 0) - coalesce(p_cached_input_tokens, 0))::numeric * p_model.input_price_per_mtok_micros
    + coalesce(p_cached_input_tokens, 0)::numeric
        * coalesce(p_model.cached_input_price_per_mtok_micros, p_model.input_price_per_mtok_micros)
    + coalesce(p_output_tokens, 0)::numeric * p_model.output_price_per_mtok_micros
  ) / 1000000)::bigint
$$;
comment on function private.ai_cost_micros(public.ai_models, bigint, bigint, bigint) is 'Cost in micros of a call with these token counts at the model''s prices: round(((input - cached) x input price + cached x cached price + output x output price) / 1e6).';
grant execute on function private.ai_cost_micros(public.ai_models, bigint, bigint, bigint) to authenticated, service_role;

-- The default model of a provider and type; 404 when there is none.
create function public.get_default_model(p_provider public.ai_provider, p_type public.ai_model_type)
returns public.ai_models
language plpgsql stable set search_path = '' as $$
declare
  m public.ai_models;
begin
  if p_provider is null or p_type is null then
    raise exception 'provider and type are required' using errcode = '22023';
  end if;
  select * into m from public.ai_models a where a.provider = p_provider and a.model_type = p_type and a.is_default;
  if not found then
    raise exception 'no default % model for %', p_type, p_provider using errcode = 'PT404';
  end if;
  return m;
end $$;
comment on function public.get_default_model(public.ai_provider, public.ai_model_type) is 'The default model for a provider and type (at most one exists); PT404 when none is set.';
grant execute on function public.get_default_model(public.ai_provider, public.ai_model_type) to authenticated;

-- What a call would cost, for frontends that show estimates.
create function public.estimate_ai_cost(
  p_provider public.ai_provider, p_model text, p_input_tokens bigint, p_output_tokens bigint,
  p_cached_input_tokens bigint default 0
) returns bigint
language plpgsql stable set search_path = '' as $$
declare
  m public.ai_models;
begin
  if p_input_tokens is null or p_output_tokens is null or p_input_tokens < 0 or p_output_tokens < 0
     or coalesce(p_cached_input_tokens, 0) < 0 or coalesce(p_cached_input_tokens, 0) > p_input_tokens then
    raise exception 'token counts must be non-negative, cached tokens at most the input tokens' using errcode = '22023';
  end if;
  select * into m from public.ai_models a where a.provider = p_provider and a.model = p_model;
  if not found then
    raise exception 'unknown model % of %', p_model, p_provider using errcode = 'PT404';
  end if;
  return private.ai_cost_micros(m, p_input_tokens, p_output_tokens, coalesce(p_cached_input_tokens, 0));
end $$;
comment on function public.estimate_ai_cost(public.ai_provider, text, bigint, bigint, bigint) is 'Cost in micros of a call with these token counts at the registry''s current prices.';
grant execute on function public.estimate_ai_cost(public.ai_provider, text, bigint, bigint, bigint) to authenticated;

-- ===== service writes
-- Makes one model the default of its provider and type, clearing the previous default in the
-- same transaction (the partial unique index allows only one).
create function private.set_default_model(p_model_id uuid) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  m public.ai_models;
begin
  select * into m from public.ai_models where id = p_model_id for update;
  if not found then
    raise exception 'no model %', p_model_id using errcode = 'PT404';
  end if;
  if not m.is_active then
    raise exception 'model % is inactive and cannot be the default', m.model using errcode = 'PT409';
  end if;
  update public.ai_models set is_default = false
  where provider = m.provider and model_type = m.model_type and is_default and id <> m.id;
  update public.ai_models set is_default = true where id = m.id and not is_default;
end $$;
comment on function private.set_default_model(uuid) is 'Service: makes a model the default of its provider and type, clearing the previous one.';
grant execute on function private.set_default_model(uuid) to service_role;

-- One discovery run: p_models is what the providers in p_providers list now, as
-- [{provider, model, model_type, display_name?, capabilities?, context_window?, max_output_tokens?,
--   input_price_per_mtok_micros?, cached_input_price_per_mtok_micros?, output_price_per_mtok_micros?}].
-- Listed models are upserted (idempotent); active models of a checked provider that are no
-- longer listed are deactivated (and lose their default flag). Returns the run id.
create function private.apply_model_discovery(
  p_providers public.ai_provider[], p_models jsonb, p_started_at timestamptz default now()
) returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  run_id uuid;
  added text[];
  updated text[];
  gone text[];
  bad jsonb;
begin
  if p_providers is null or cardinality(p_providers) = 0 or p_models is null or jsonb_typeof(p_models) <> 'array' then
    raise exception 'providers and a models array are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('models', jsonb_array_length(p_models), 1000);
  select e into bad from jsonb_array_elements(p_models) e
  where jsonb_typeof(e) <> 'object'
     or not (e ->> 'provider' = any (p_providers::text[]))
     or coalesce(e ->> 'model', '') !~ '^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$'
     or not (coalesce(e ->> 'model_type', '') = any (enum_range(null::public.ai_model_type)::text[]))
  limit 1;
  if bad is not null then
    raise exception 'invalid model entry (provider must be one of the checked providers, model an id, model_type one of %): %',
      enum_range(null::public.ai_model_type), left(bad::text, 300) using errcode = '22023';
  end if;

  insert into public.ai_model_discovery_runs (status, providers_checked, started_at)
  values ('running', p_providers, p_started_at) returning id into run_id;

  -- Fields a provider did not list (prices are rarely listed) keep their registry values.
  with incoming as (
    select distinct on (e ->> 'provider', e ->> 'model')
      (e ->> 'provider')::public.ai_provider as provider, e ->> 'model' as model, e ->> 'display_name' as display_name,
      (e ->> 'model_type')::public.ai_model_type as model_type,
      (select array_agg(c::public.ai_model_capability) from jsonb_array_elements_text(e -> 'capabilities') c) as capabilities,
      (e ->> 'context_window')::integer as context_window, (e ->> 'max_output_tokens')::integer as max_output_tokens,
      (e ->> 'input_price_per_mtok_micros')::bigint as input_price,
      (e ->> 'cached_input_price_per_mtok_micros')::bigint as cached_price,
      (e ->> 'output_price_per_mtok_micros')::bigint as output_price
    from jsonb_array_elements(p_models) e
  ), changed as (
    update public.ai_models m set
      display_name = coalesce(i.display_name, m.display_name), model_type = i.model_type,
      capabilities = coalesce(i.capabilities, m.capabilities), context_window = coalesce(i.context_window, m.context_window),
      max_output_tokens = coalesce(i.max_output_tokens, m.max_output_tokens),
      input_price_per_mtok_micros = coalesce(i.input_price, m.input_price_per_mtok_micros),
      cached_input_price_per_mtok_micros = coalesce(i.cached_price, m.cached_input_price_per_mtok_micros),
      output_price_per_mtok_micros = coalesce(i.output_price, m.output_price_per_mtok_micros),
      is_active = true, last_seen_at = now(), deprecated_at = null,
      -- a model whose type changed cannot keep a default flag meant for its old type
      is_default = m.is_default and m.model_type = i.model_type
    from incoming i
    where m.provider = i.provider and m.model = i.model
    returning m.provider::text || '/' || m.model as id
  ), created as (
    insert into public.ai_models (provider, model, display_name, model_type, capabilities, context_window,
      max_output_tokens, input_price_per_mtok_micros, cached_input_price_per_mtok_micros, output_price_per_mtok_micros,
      is_active, last_seen_at)
    select i.provider, i.model, i.display_name, i.model_type, coalesce(i.capabilities, '{text}'), i.context_window,
           i.max_output_tokens, coalesce(i.input_price, 0), i.cached_price, coalesce(i.output_price, 0), true, now()
    from incoming i
    where not exists (select 1 from public.ai_models m where m.provider = i.provider and m.model = i.model)
    on conflict (provider, model) do nothing
    returning provider::text || '/' || model as id
  )
  select (select array_agg(c.id order by c.id) from created c), (select array_agg(u.id order by u.id) from changed u)
  into added, updated;

  with retired as (
    update public.ai_models m set is_active = false, is_default = false, deprecated_at = now()
    where m.provider = any (p_providers) and m.is_active
      and not exists (select 1 from jsonb_array_elements(p_models) e
                      where e ->> 'provider' = m.provider::text and e ->> 'model' = m.model)
    returning m.provider::text || '/' || m.model as id
  )
  select array_agg(r.id order by r.id) into gone from retired r;

  update public.ai_model_discovery_runs set
    status = 'succeeded', finished_at = now(),
    models_discovered = (select count(distinct (e ->> 'provider', e ->> 'model')) from jsonb_array_elements(p_models) e),
    models_added = coalesce(cardinality(added), 0), models_updated = coalesce(cardinality(updated), 0),
    models_deprecated = coalesce(cardinality(gone), 0),
    execution_time_ms = greatest(0, round(extract(epoch from clock_timestamp() - p_started_at) * 1000))::integer,
    details = jsonb_build_object('added', coalesce(to_jsonb(added), '[]'), 'updated', coalesce(to_jsonb(updated), '[]'),
                                 'deprecated', coalesce(to_jsonb(gone), '[]'))
  where id = run_id;
  return run_id;
end $$;
comment on function private.apply_model_discovery(public.ai_provider[], jsonb, timestamp with time zone) is 'Service: records a discovery run; upserts the listed models and deactivates the checked providers'' models no longer listed. Idempotent. Returns the run id.';
grant execute on function private.apply_model_discovery(public.ai_provider[], jsonb, timestamp with time zone) to service_role;

-- A run that failed before it had a model list (provider API down) is still logged.
create function private.record_failed_model_discovery(p_providers public.ai_provider[], p_error text,
  p_started_at timestamptz default now()) returns uuid
language sql volatile security definer set search_path = '' as $$
  insert into public.ai_model_discovery_runs (status, providers_checked, started_at, finished_at, execution_time_ms, error)
  values ('failed', coalesce(p_providers, '{}'), p_started_at, now(),
          greatest(0, round(extract(epoch from clock_timestamp() - p_started_at) * 1000))::integer, left(p_error, 2000))
  returning id
$$;
comment on function private.record_failed_model_discovery(public.ai_provider[], text, timestamp with time zone) is 'Service: logs a discovery run that failed, with the error.';
grant execute on function private.record_failed_model_discovery(public.ai_provider[], text, timestamp with time zone) to service_role;

create policy "signed-in users read the model registry" on public.ai_models
  for select to authenticated using (true);

create policy "signed-in users read discovery runs" on public.ai_model_discovery_runs
  for select to authenticated using (true);

-- AI agents: definitions with their personality,
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
  if private.is_end_user() then
    foreach col in array tg_argv loop
      stamped := stamped || jsonb_build_object(col, (select auth.uid()));
    end loop;
    new := jsonb_populate_record(new, stamped);
  end if;
  return new;
end $$;
comment on function private.stamp_actor() is 'BEFORE INSERT trigger: for signed-in callers, sets the named columns (created_by, user_id ...) to auth.uid() whatever the client sent. Service and cron writes keep what they give.';

-- ===== redaction of what an LLM call carried
-- Values under secret-looking keys become "[redacted]"; in every string, email addresses,
-- bearer tokens, API keys (sk-..., key-...), card-like digit runs (13-19 digits) and phone numbers
-- (+ and 8 or more digits, or the 3-3-4 North American shape) are masked; dates are left alone.
create function private.redact_text(p_text text) returns text
language sql immutable set search_path = '' as $$
  select regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(p_text,
    '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}', '[email]', 'g'),
    '(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}', '\1 [token]', 'gi'),
    '\m(sk|pk|rk|key|xox[abp])[-_][A-Za-z0-9_-]{12,}', '[key]', 'g'),
    '\m\d(?:[ -]?\d){12,18}\M', '[number]', 'g'),
    '\+\d[\d ().-]{6,}\d', '[phone]', 'g'),
    '\(?\m\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\M', '[phone]', 'g')
$$;
comment on function private.redact_text(text) is 'Masks emails, bearer/basic tokens, API keys, card-like numbers and phone numbers in a string.';
grant execute on function private.redact_text(text) to service_role;

create function private.redact_jsonb(p_value jsonb) returns jsonb
language plpgsql immutable set search_path = '' as $$
declare
  k text;
  v jsonb;
  out_obj jsonb := '{}'::jsonb;
  out_arr jsonb := '[]'::jsonb;
begin
  case jsonb_typeof(p_value)
    when 'object' then
      for k, v in select * from jsonb_each(p_value) loop
        if k ~* '(pass(word)?|secret|token|api[_-]?key|authorization|cookie|credential|private[_-]?key)' then
          out_obj := out_obj || jsonb_build_object(k, '[redacted]');
        else
          out_obj := out_obj || jsonb_build_object(k, private.redact_jsonb(v));
        end if;
      end loop;
      return out_obj;
    when 'array' then
      for v in select * from jsonb_array_elements(p_value) loop
        out_arr := out_arr || jsonb_build_array(private.redact_jsonb(v));
      end loop;
      return out_arr;
    when 'string' then
      return to_jsonb(private.redact_text(p_value #>> '{}'));
    else
      return p_value;
  end case;
end $$;
comment on function private.redact_jsonb(jsonb) is 'Redacts a JSON document recursively: secret-named keys lose their values, strings are masked by private.redact_text().';
grant execute on function private.redact_jsonb(jsonb) to service_role;

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
comment on table public.agents is 'AI agents of a workspace with their personality. Viewers read; admins configure. Memories: the knowledge collection with scope agent and owner_id = id.';
comment on column public.agents.key is 'Stable handle used by code and prompts (e.g. cx-responder), unique in the workspace.';
comment on column public.agents.role is 'What the agent does, in words (support replies, ads optimisation ...).';
comment on column public.agents.email is 'The mailbox the agent writes from, if any.';
comment on column public.agents.capabilities is 'Skill tags the runtime checks before giving the agent a task (draft_reply, pause_campaign ...).';
comment on column public.agents.model_id is 'The registry model it uses; NULL means the provider''s default flagship (get_default_model).';
comment on column public.agents.personality_formality is 'Personality trait 0-100: 0 casual, 100 formal.';
comment on column public.agents.personality_verbosity is 'Personality trait 0-100: 0 terse, 100 expansive.';
comment on column public.agents.personality_warmth is 'Personality trait 0-100: 0 matter-of-fact, 100 warm.';
comment on column public.agents.requires_approval is 'Whether the agent''s actions go through the approval queue (agent_approvals) before they run.';
alter table public.agents enable row level security;
grant select, insert, update, delete on public.agents to authenticated;
select private.install_row_triggers('public.agents');
select private.tenant_policies('public.agents', 'viewer', 'admin');

create index agents_model_id_idx on public.agents (model_id);

create index agents_created_by_idx on public.agents (created_by);

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
comment on table public.agent_runs is 'One execution of an agent: trigger, status, timings, and token and cost totals summed from its agent_queries. Members queue manual runs and cancel; the agent runtime (service) moves them.';
comment on column public.agent_runs.duration_ms is 'finished_at - started_at in milliseconds, once both are set.';
comment on column public.agent_runs.queries is 'LLM calls made by the run (agent_queries rows), kept by trigger.';
comment on column public.agent_runs.cost_micros is 'Sum of its agent_queries.cost_micros (micros of USD), kept by trigger.';
alter table public.agent_runs enable row level security;
grant select on public.agent_runs to authenticated;
grant insert (id, workspace_id, agent_id, input) on public.agent_runs to authenticated;
grant update (status) on public.agent_runs to authenticated;
select private.install_row_triggers('public.agent_runs');
select private.tenant_policy('public.agent_runs', 'select', 'viewer');
select private.tenant_policy('public.agent_runs', 'insert', 'member');
select private.tenant_policy('public.agent_runs', 'update', 'member');

create index agent_runs_agent_idx on public.agent_runs (workspace_id, agent_id, created_at desc);

create index agent_runs_triggered_by_idx on public.agent_runs (triggered_by);

create index agent_runs_active_idx on public.agent_runs (workspace_id, status) where status in ('queued', 'running');

create function private.guard_agent_run() returns trigger
language plpgsql set search_path = '' as $$
declare
  signed_in boolean := private.is_end_user();
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

create trigger guard_agent_run before insert or update on public.agent_runs
  for each row execute function private.guard_agent_run();
select private.exempt_user_deletion('public.agent_runs', 'guard_agent_run');

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
comment on table public.agent_queries is 'Every LLM call: provider, model, tokens, latency, cost and the redacted request and response. Written by the service; admins read.';
comment on column public.agent_queries.model_id is 'The registry entry priced; found from provider + model when not given.';
comment on column public.agent_queries.cost_micros is 'Computed on insert from the registry''s prices at that time (private.ai_cost_micros); NULL when the model is not in the registry. Never taken from the caller.';
comment on column public.agent_queries.request is 'The prompt sent, redacted on insert (private.redact_jsonb).';
comment on column public.agent_queries.response is 'The provider''s answer, redacted on insert.';
alter table public.agent_queries enable row level security;
grant select on public.agent_queries to authenticated;
select private.install_row_triggers('public.agent_queries');
select private.tenant_policy('public.agent_queries', 'select', 'admin');

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
comment on table public.agent_qc is 'Quality checks of a run''s output: automatic checks by the service (checked_by NULL) or a person''s review. One result per run and check.';
comment on column public.agent_qc.score is 'Check score from 0 to 1, when the check scores.';
alter table public.agent_qc enable row level security;
grant select, insert, update, delete on public.agent_qc to authenticated;
select private.install_row_triggers('public.agent_qc');
select private.tenant_policies('public.agent_qc', 'viewer', 'member');

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
comment on table public.chat_sessions is 'A user''s conversation with our AI. Personal: only the user who owns it reads or writes it, and only while a member of its workspace.';
comment on column public.chat_sessions.campaign_id is 'The marketing campaign a copilot session designs or discusses (public.campaigns, marketing domain).';
comment on column public.chat_sessions.state is 'Copilot working state: current step, the campaign draft, choices made.';
comment on column public.chat_sessions.message_count is 'Messages in the session, kept by trigger.';
alter table public.chat_sessions enable row level security;
grant select, delete on public.chat_sessions to authenticated;
grant insert (id, workspace_id, agent_id, purpose, campaign_id, title, state) on public.chat_sessions to authenticated;
grant update (agent_id, purpose, campaign_id, title, status, state) on public.chat_sessions to authenticated;
select private.install_row_triggers('public.chat_sessions');

create index chat_sessions_user_idx on public.chat_sessions (user_id, workspace_id, updated_at desc);

create index chat_sessions_workspace_agent_idx on public.chat_sessions (workspace_id, agent_id);

create index chat_sessions_campaign_idx on public.chat_sessions (campaign_id);

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
comment on column public.chat_messages.metadata is 'Citations (knowledge chunk ids), tool calls, attachments.';
comment on column public.chat_messages.query_id is 'The LLM call that produced an assistant message.';
alter table public.chat_messages enable row level security;
grant select on public.chat_messages to authenticated;
grant insert (workspace_id, session_id, role, content, metadata) on public.chat_messages to authenticated;
select private.install_row_triggers('public.chat_messages');

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
  if private.is_end_user() and new.role in ('system', 'tool') then
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

create trigger chat_message_from_session before insert on public.chat_messages
  for each row execute function private.chat_message_from_session();

create trigger count_chat_message after insert on public.chat_messages
  for each row execute function private.count_chat_message();

-- ===== feedback and training examples (the learning loop)
create type public.agent_feedback_kind as enum (
  'thumbs_up', 'thumbs_down', 'rating', 'correction', 'comment'
);

comment on type public.agent_feedback_kind is 'What a person said about an agent''s output.';

create type public.training_example_kind as enum ('example', 'correction', 'pattern');

comment on type public.training_example_kind is 'example: input and the expected output; correction: what the agent should have said; pattern: a learned pattern.';

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
  foreign key (workspace_id, agent_id) references public.agents (workspace_id, id) on delete set null (agent_id),
  foreign key (workspace_id, run_id) references public.agent_runs (workspace_id, id) on delete set null (run_id),
  foreign key (workspace_id, query_id) references public.agent_queries (workspace_id, id) on delete set null (query_id),
  foreign key (workspace_id, chat_message_id) references public.chat_messages (workspace_id, id)
    on delete set null (chat_message_id),
  unique (workspace_id, id)
);
comment on table public.agent_feedback is 'Operators'' feedback on agent output. A correction becomes a training example. Members give feedback; each person edits only their own.';
comment on column public.agent_feedback.prompt_excerpt is 'What the agent was asked, for corrections the training example keeps (defaults to the run''s input).';
alter table public.agent_feedback enable row level security;
grant select, delete on public.agent_feedback to authenticated;
grant insert (id, workspace_id, agent_id, run_id, query_id, chat_message_id, kind, rating, comment, correction, prompt_excerpt) on public.agent_feedback to authenticated;
grant update (rating, comment, correction) on public.agent_feedback to authenticated;
select private.install_row_triggers('public.agent_feedback');
select private.tenant_policy('public.agent_feedback', 'select', 'viewer');
select private.tenant_policy('public.agent_feedback', 'insert', 'member');

create index agent_feedback_workspace_idx on public.agent_feedback (workspace_id, created_at desc);

create index agent_feedback_agent_idx on public.agent_feedback (workspace_id, agent_id);

create index agent_feedback_run_idx on public.agent_feedback (workspace_id, run_id);

create index agent_feedback_query_idx on public.agent_feedback (workspace_id, query_id);

create index agent_feedback_message_idx on public.agent_feedback (workspace_id, chat_message_id);

create index agent_feedback_user_id_idx on public.agent_feedback (user_id);

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
comment on table public.agent_training_examples is 'What an agent learns from: curated examples, corrections from feedback, learned patterns with confidence.';
comment on column public.agent_training_examples.actual_output is 'What the agent said, for corrections.';
comment on column public.agent_training_examples.pattern is 'A learned pattern: e.g. {"when": "refund asked", "prefer": "store credit offer"}.';
comment on column public.agent_training_examples.usage_count is 'How often the runtime put this example into a prompt.';
alter table public.agent_training_examples enable row level security;
grant select, insert, update, delete on public.agent_training_examples to authenticated;
select private.install_row_triggers('public.agent_training_examples');
select private.tenant_policies('public.agent_training_examples', 'viewer', 'member');

create index agent_training_examples_agent_idx on public.agent_training_examples (workspace_id, agent_id) where is_active;

create index agent_training_examples_feedback_idx on public.agent_training_examples (workspace_id, feedback_id);

create index agent_training_examples_created_by_idx on public.agent_training_examples (created_by);

create trigger stamp_actor before insert on public.agent_training_examples
  for each row execute function private.stamp_actor('created_by');

-- Chats are personal: feedback may name a chat message only from the caller's own chats (the
-- foreign key alone would accept any message id of the workspace, and a correction copies the
-- message into a training example every viewer reads).
create function private.guard_feedback_message() returns trigger
language plpgsql set search_path = '' as $$
begin
  if private.is_end_user() and new.chat_message_id is not null
     and not exists (select 1 from public.chat_messages m
                     where m.id = new.chat_message_id and m.user_id = (select auth.uid())) then
    raise exception 'feedback can name messages of your own chats only' using errcode = '42501';
  end if;
  return new;
end $$;
comment on function private.guard_feedback_message() is 'BEFORE INSERT on agent_feedback: a signed-in user''s feedback may only name a message of their own chats.';

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

create trigger learn_from_feedback after insert on public.agent_feedback
  for each row when (new.kind = 'correction') execute function private.learn_from_feedback();

-- ===== metrics (views over runs; RLS of the caller applies)
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
grant select on public.agent_metrics to authenticated;

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
grant select on public.agent_metrics_daily to authenticated;

create policy "users read their chats" on public.chat_sessions for select to authenticated
  using (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));

create policy "users start chats" on public.chat_sessions for insert to authenticated
  with check (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));

create policy "users change their chats" on public.chat_sessions for update to authenticated
  using (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))))
  with check (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));

create policy "users delete their chats" on public.chat_sessions for delete to authenticated
  using (user_id = (select auth.uid()));

create policy "users read their chat messages" on public.chat_messages for select to authenticated
  using (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));

create policy "users write to their chats" on public.chat_messages for insert to authenticated
  with check (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer'))));

create policy "members change their feedback" on public.agent_feedback for update to authenticated
  using (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('member'))))
  with check (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('member'))));

create policy "members remove their feedback" on public.agent_feedback for delete to authenticated
  using (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('member'))));

-- The human approval queue: agents, automations (the marketing
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
create type public.approval_status as enum (
  'pending', 'approved', 'rejected', 'expired', 'executed', 'failed'
);

comment on type public.approval_status is 'pending -> approved | rejected | expired; approved -> executed | failed. Enforced by private.guard_agent_approval().';

create type public.approval_decision as enum ('approved', 'rejected');

comment on type public.approval_decision is 'What a person decides about a pending approval.';

create type public.approval_action as enum (
  'pause_ad_campaign', 'resume_ad_campaign', 'change_ad_budget', 'shift_ad_budget', 'pause_campaign',
  'change_campaign_budget', 'send_email_campaign', 'publish_content', 'send_customer_reply',
  'reorder_inventory', 'apply_discount', 'update_product', 'run_workflow', 'other'
);

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
alter table public.agent_approvals enable row level security;
grant select on public.agent_approvals to authenticated;
grant insert (id, workspace_id, agent_id, run_id, proposer_name, action, title, rationale, payload, subject_table, subject_id, priority, confidence, expected_impact, dedupe_key, expires_at) on public.agent_approvals to authenticated;
grant update (status, decision_note) on public.agent_approvals to authenticated;
alter publication supabase_realtime add table public.agent_approvals;
select private.install_row_triggers('public.agent_approvals');
select private.tenant_policy('public.agent_approvals', 'select', 'viewer');
select private.tenant_policy('public.agent_approvals', 'insert', 'member');
select private.tenant_policy('public.agent_approvals', 'update', 'member');

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

create function private.approval_event(p_approval public.agent_approvals) returns jsonb
language sql stable set search_path = '' as $$
  select jsonb_build_object('id', p_approval.id, 'action', p_approval.action, 'status', p_approval.status, 'title', p_approval.title,
    'agent_id', p_approval.agent_id, 'subject_table', p_approval.subject_table, 'subject_id', p_approval.subject_id, 'payload', p_approval.payload,
    'expires_at', p_approval.expires_at, 'decided_by', p_approval.decided_by, 'decided_at', p_approval.decided_at, 'executed_at', p_approval.executed_at)
$$;
comment on function private.approval_event(public.agent_approvals) is 'The data of an approval.* outbound webhook event.';

-- ===== the state machine
create function private.guard_agent_approval() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  signed_in boolean := private.is_end_user();
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

create trigger guard_agent_approval before insert or update on public.agent_approvals
  for each row execute function private.guard_agent_approval();
select private.exempt_user_deletion('public.agent_approvals', 'guard_agent_approval');

create trigger approval_webhook_events_insert after insert on public.agent_approvals
  for each row execute function private.approval_webhook_events();

create trigger approval_webhook_events_update after update of status on public.agent_approvals
  for each row when (old.status is distinct from new.status) execute function private.approval_webhook_events();

select private.enable_audit('public.agent_approvals');

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
comment on function private.propose_approval(uuid, public.approval_action, text, jsonb, text, text, uuid, text, public.approval_priority, timestamp with time zone, text, text, jsonb, numeric, uuid) is 'Service and cron: proposes an action (proposer agent when p_agent_id is given, else system). With p_dedupe_key it is idempotent: the pending approval with that key is returned instead of a new one.';
grant execute on function private.propose_approval(uuid, public.approval_action, text, jsonb, text, text, uuid, text, public.approval_priority, timestamp with time zone, text, text, jsonb, numeric, uuid) to service_role;

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
grant execute on function private.finish_approval(uuid, boolean, jsonb, text) to service_role;

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
grant execute on function private.expire_approvals() to service_role;

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
grant execute on function public.decide_approvals(uuid[], public.approval_decision, text) to authenticated;

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
grant execute on function public.decide_approval(uuid, public.approval_decision, text) to authenticated;

-- Outbound webhook endpoints may subscribe to the approval queue's events:
--   approval.requested  a proposal entered the queue (pending)
--   approval.decided    approved, rejected or expired
--   approval.executed   an approved action was executed or failed
insert into public.webhook_event_types (name, description) values
  ('approval.requested', 'a proposal entered the approval queue'),
  ('approval.decided', 'an approval was approved, rejected or expired'),
  ('approval.executed', 'an approved action was executed or failed')
on conflict (name) do nothing;

create function private.require_feedback_subject() returns trigger
language plpgsql set search_path = '' as $$
begin
  if num_nonnulls(new.agent_id, new.run_id, new.query_id, new.chat_message_id) = 0 then
    raise exception 'feedback is about an agent, run, call or message' using errcode = '23514',
      hint = 'set agent_id, run_id, query_id or chat_message_id';
  end if;
  return new;
end $$;
comment on function private.require_feedback_subject() is 'BEFORE INSERT on agent_feedback: feedback names an agent, run, call or message (23514).';

create trigger require_feedback_subject before insert on public.agent_feedback
  for each row execute function private.require_feedback_subject();

-- Users change only rating, comment and correction: the subjects become null only through their
-- foreign keys (ON DELETE SET NULL), in whatever order the deletions cascade.
create function private.drop_feedback_without_subject() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.agent_feedback f where f.id = new.id;
  return null;
end $$;
comment on function private.drop_feedback_without_subject() is 'AFTER UPDATE on agent_feedback, when agent, run, call and message are all gone: deletes the feedback.';

create trigger drop_feedback_without_subject after update on public.agent_feedback
  for each row when (num_nonnulls(new.agent_id, new.run_id, new.query_id, new.chat_message_id) = 0)
  execute function private.drop_feedback_without_subject();
