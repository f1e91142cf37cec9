-- AI model registry (global): which models exist per provider, their type, capabilities,
-- context window and per-token prices, and the monthly discovery runs that keep it current
-- (seed 003's ai_model_configs and ai_model_update_logs). Readable by every signed-in user,
-- written by the service only. Per-workspace choices (an agent's model) live in workspace tables.
--
-- Prices: a token costs fractions of a micro (gpt-5-nano input is $0.05 per million tokens,
-- 0.05 micros per token), so prices are stored as micros per MILLION tokens (bigint, exact) and
-- a query's cost in micros is round(sum(tokens x price per million) / 1e6), computed in SQL.

create type public.ai_provider as enum ('openai', 'anthropic', 'google', 'mistral');
comment on type public.ai_provider is 'AI model providers the registry tracks.';
create type public.ai_model_type as enum ('flagship', 'fast', 'reasoning', 'legacy');
comment on type public.ai_model_type is 'flagship: the best general model; fast: cheap and quick; reasoning: thinks before answering; legacy: kept for existing agents.';
create type public.ai_model_capability as enum
  ('text', 'vision', 'audio', 'function_calling', 'json_mode', 'streaming', 'reasoning', 'web_search');
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
create unique index ai_models_one_default on public.ai_models (provider, model_type) where is_default;
create trigger set_updated_at before update on public.ai_models for each row execute function private.set_updated_at();

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
comment on table public.ai_model_discovery_runs is 'Log of model discovery runs (seed 003''s ai_model_update_logs): which providers were checked and what changed. Global; written by the service.';
comment on column public.ai_model_discovery_runs.details is 'Model ids added, updated and deprecated, per provider.';
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
revoke all on function private.ai_cost_micros(public.ai_models, bigint, bigint, bigint) from public;
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
grant execute on function public.get_default_model(public.ai_provider, public.ai_model_type) to authenticated, service_role;

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
grant execute on function public.estimate_ai_cost(public.ai_provider, text, bigint, bigint, bigint) to authenticated, service_role;

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
comment on function private.apply_model_discovery(public.ai_provider[], jsonb, timestamptz) is 'Service: records a discovery run; upserts the listed models and deactivates the checked providers'' models no longer listed. Idempotent. Returns the run id.';

-- A run that failed before it had a model list (provider API down) is still logged.
create function private.record_failed_model_discovery(p_providers public.ai_provider[], p_error text,
  p_started_at timestamptz default now()) returns uuid
language sql volatile security definer set search_path = '' as $$
  insert into public.ai_model_discovery_runs (status, providers_checked, started_at, finished_at, execution_time_ms, error)
  values ('failed', coalesce(p_providers, '{}'), p_started_at, now(),
          greatest(0, round(extract(epoch from clock_timestamp() - p_started_at) * 1000))::integer, left(p_error, 2000))
  returning id
$$;
comment on function private.record_failed_model_discovery(public.ai_provider[], text, timestamptz) is 'Service: logs a discovery run that failed, with the error.';

revoke all on function private.set_default_model(uuid) from public;
revoke all on function private.apply_model_discovery(public.ai_provider[], jsonb, timestamptz) from public;
revoke all on function private.record_failed_model_discovery(public.ai_provider[], text, timestamptz) from public;
grant execute on function private.set_default_model(uuid),
  private.apply_model_discovery(public.ai_provider[], jsonb, timestamptz),
  private.record_failed_model_discovery(public.ai_provider[], text, timestamptz) to service_role;

-- ===== access: every signed-in user reads; only the service writes
alter table public.ai_models enable row level security;
alter table public.ai_model_discovery_runs enable row level security;
grant select on public.ai_models, public.ai_model_discovery_runs to authenticated;
grant all on public.ai_models, public.ai_model_discovery_runs to service_role;
create policy "signed-in users read the model registry" on public.ai_models
  for select to authenticated using (true);
create policy "signed-in users read discovery runs" on public.ai_model_discovery_runs
  for select to authenticated using (true);
