-- Model discovery that runs itself: the model-discovery function lists the configured
-- OpenAI-compatible endpoint's models (GET /v1/models) and hands the list to
-- private.apply_model_discovery; a failure is a failed run (private.record_failed_model_discovery).
-- pg_cron asks for a run when the last success is a day old, and retries a failed one with backoff
-- (sooner never than the time a throttling answer named).
-- - A model list names ids, not prices or kinds: a model the registry knows keeps its prices and
--   type; a new one is added (active, as every discovered model is) with no price and its type
--   guessed from its id, and marked needs_review until the service reviews it
--   (private.review_ai_model: prices, type, whether it stays active).
-- - public.model_discovery_status shows the last run, the last success, failures in a row, when the
--   next try is due and how many models wait for review.

alter table public.ai_models add column needs_review boolean not null default false,
  add column reviewed_at timestamptz;
comment on column public.ai_models.needs_review is 'Found by a discovery run without prices or with a guessed model_type, and not yet reviewed (its costs count as 0 until then). private.review_ai_model clears it.';
comment on column public.ai_models.reviewed_at is 'When the service last reviewed the model (prices, type, activation).';
create index ai_models_needs_review_idx on public.ai_models (created_at) where needs_review;

create or replace function private.apply_model_discovery(p_providers public.ai_provider[], p_models jsonb,
  p_started_at timestamptz default now())
returns uuid
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

  -- What a provider did not list (prices, a type it only guessed) keeps its registry value.
  with incoming as (
    select distinct on (e ->> 'provider', e ->> 'model')
      (e ->> 'provider')::public.ai_provider as provider, e ->> 'model' as model, e ->> 'display_name' as display_name,
      (e ->> 'model_type')::public.ai_model_type as model_type, coalesce((e ->> 'model_type_guessed')::boolean, false) as guessed,
      (select array_agg(c::public.ai_model_capability) from jsonb_array_elements_text(e -> 'capabilities') c) as capabilities,
      (e ->> 'context_window')::integer as context_window, (e ->> 'max_output_tokens')::integer as max_output_tokens,
      (e ->> 'input_price_per_mtok_micros')::bigint as input_price,
      (e ->> 'cached_input_price_per_mtok_micros')::bigint as cached_price,
      (e ->> 'output_price_per_mtok_micros')::bigint as output_price
    from jsonb_array_elements(p_models) e
  ), changed as (
    update public.ai_models m set
      display_name = coalesce(i.display_name, m.display_name),
      model_type = case when i.guessed then m.model_type else i.model_type end,
      capabilities = coalesce(i.capabilities, m.capabilities), context_window = coalesce(i.context_window, m.context_window),
      max_output_tokens = coalesce(i.max_output_tokens, m.max_output_tokens),
      input_price_per_mtok_micros = coalesce(i.input_price, m.input_price_per_mtok_micros),
      cached_input_price_per_mtok_micros = coalesce(i.cached_price, m.cached_input_price_per_mtok_micros),
      output_price_per_mtok_micros = coalesce(i.output_price, m.output_price_per_mtok_micros),
      is_active = true, last_seen_at = now(), deprecated_at = null,
      -- a model whose type changed cannot keep a default flag meant for its old type
      is_default = m.is_default and (i.guessed or m.model_type = i.model_type)
    from incoming i
    where m.provider = i.provider and m.model = i.model
    returning m.provider::text || '/' || m.model as id
  ), created as (
    insert into public.ai_models (provider, model, display_name, model_type, capabilities, context_window,
      max_output_tokens, input_price_per_mtok_micros, cached_input_price_per_mtok_micros, output_price_per_mtok_micros,
      is_active, needs_review, last_seen_at)
    select i.provider, i.model, i.display_name, i.model_type, coalesce(i.capabilities, '{text}'), i.context_window,
           i.max_output_tokens, coalesce(i.input_price, 0), i.cached_price, coalesce(i.output_price, 0),
           -- a model listed with its prices and a known type needs no review; one from a bare list does
           true, i.guessed or i.input_price is null or i.output_price is null, now()
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
                                 'deprecated', coalesce(to_jsonb(gone), '[]'),
                                 'needs_review', coalesce((select jsonb_agg(m.provider::text || '/' || m.model order by m.model)
                                                           from public.ai_models m
                                                           where m.needs_review and m.provider = any (p_providers)), '[]'))
  where id = run_id;
  return run_id;
end $$;
comment on function private.apply_model_discovery(public.ai_provider[], jsonb, timestamp with time zone) is 'Service: records a discovery run; upserts the listed models ({provider, model, model_type, model_type_guessed?, display_name?, capabilities?, context_window?, max_output_tokens?, prices?}: a field not listed, and a guessed type, keep the registry''s value) and deactivates the checked providers'' models no longer listed. A new model without prices or with a guessed type is added and marked needs_review. Idempotent. Returns the run id.';

-- The service reviews a discovered model: its prices, type and whether agents may use it.
create function private.review_ai_model(p_model_id uuid, p_model_type public.ai_model_type,
  p_input_price_per_mtok_micros bigint, p_output_price_per_mtok_micros bigint,
  p_cached_input_price_per_mtok_micros bigint default null, p_is_active boolean default true)
returns public.ai_models
language plpgsql volatile security definer set search_path = '' as $$
declare
  m public.ai_models;
begin
  if p_model_id is null or p_model_type is null or p_input_price_per_mtok_micros is null or p_output_price_per_mtok_micros is null then
    raise exception 'a model, its type and its input and output prices are required' using errcode = '22023';
  end if;
  update public.ai_models a set model_type = p_model_type, input_price_per_mtok_micros = p_input_price_per_mtok_micros,
    output_price_per_mtok_micros = p_output_price_per_mtok_micros,
    cached_input_price_per_mtok_micros = p_cached_input_price_per_mtok_micros,
    is_active = coalesce(p_is_active, true) and a.deprecated_at is null, is_default = a.is_default and coalesce(p_is_active, true),
    needs_review = false, reviewed_at = now()
  where a.id = p_model_id
  returning a.* into m;
  if not found then
    raise exception 'no model %', p_model_id using errcode = 'PT404';
  end if;
  return m;
end $$;
comment on function private.review_ai_model(uuid, public.ai_model_type, bigint, bigint, bigint, boolean) is 'Service: reviews a model (usually one discovery added): sets its type and prices, keeps it active unless p_is_active is false (or the provider no longer lists it) and clears needs_review.';

-- When pg_cron should ask for a run: a day after the last success; after a failure, with backoff
-- (30 minutes doubling to 12 hours, never before a time the provider named).
create function private.model_discovery_due(p_now timestamptz default now()) returns boolean
language sql stable security definer set search_path = '' as $$
  with last_ok as (
    select max(r.started_at) as at from public.ai_model_discovery_runs r where r.status = 'succeeded'
  ), fails as (
    select count(*)::int as n, max(r.started_at) as last_at,
           max((r.details ->> 'retry_at')::timestamptz) as retry_at
    from public.ai_model_discovery_runs r, last_ok
    where r.status = 'failed' and (last_ok.at is null or r.started_at > last_ok.at)
  )
  select not exists (select 1 from public.ai_model_discovery_runs r
                     where r.status = 'running' and r.started_at > p_now - interval '10 minutes')
     and (select at is null or at <= p_now - interval '23 hours' from last_ok)
     and (select n = 0 or (last_at <= p_now - private.retry_backoff(n, interval '30 minutes', interval '12 hours', 0, 0.5)
                           and (retry_at is null or retry_at <= p_now))
          from fails)
$$;
comment on function private.model_discovery_due(timestamp with time zone) is 'Whether a model discovery run is due: no run started in the last 10 minutes is still running, the last success is 23 hours old (or there is none), and failures since then have waited their backoff (30 minutes doubling to 12 hours) and any time the provider named (details.retry_at).';

create function private.wake_model_discovery() returns bigint
language sql volatile security definer set search_path = '' as $$
  select private.wake_function('model-discovery') where private.model_discovery_due()
$$;
comment on function private.wake_model_discovery() is 'pg_cron (model-discovery, every 15 minutes): wakes the model-discovery function when a run is due (private.model_discovery_due); returns the pg_net request id, or null.';

insert into private.callable_functions (name, description)
values ('model-discovery', 'one model discovery run: the configured OpenAI-compatible endpoint''s model list into the registry')
on conflict (name) do nothing;
select cron.schedule('model-discovery', '*/15 * * * *', $$select private.wake_model_discovery()$$);

-- A failed run may name when to try again (a throttling answer's time).
create or replace function private.record_failed_model_discovery(p_providers public.ai_provider[], p_error text,
  p_started_at timestamptz default now(), p_retry_at timestamptz default null)
returns uuid
language sql volatile security definer set search_path = '' as $$
  insert into public.ai_model_discovery_runs (status, providers_checked, started_at, finished_at, execution_time_ms, error, details)
  values ('failed', coalesce(p_providers, '{}'), p_started_at, now(),
          greatest(0, round(extract(epoch from clock_timestamp() - p_started_at) * 1000))::integer, left(p_error, 2000),
          case when p_retry_at is null then '{}'::jsonb else jsonb_build_object('retry_at', p_retry_at) end)
  returning id
$$;
drop function private.record_failed_model_discovery(public.ai_provider[], text, timestamptz);
comment on function private.record_failed_model_discovery(public.ai_provider[], text, timestamptz, timestamptz) is 'Service: logs a discovery run that failed, with the error, and when the provider allows the next try (details.retry_at) if it said.';

-- ===== what an admin screen reads
create view public.model_discovery_status with (security_invoker = true) as
  with last_run as (
    select r.* from public.ai_model_discovery_runs r order by r.started_at desc, r.created_at desc limit 1
  ), last_ok as (
    select max(r.started_at) as at from public.ai_model_discovery_runs r where r.status = 'succeeded'
  )
  select l.status as last_status, l.started_at as last_run_at, l.error as last_error, o.at as last_success_at,
         (select count(*)::int from public.ai_model_discovery_runs f
          where f.status = 'failed' and (o.at is null or f.started_at > o.at)) as consecutive_failures,
         private.model_discovery_due() as due_now,
         (select count(*)::int from public.ai_models m where m.needs_review) as models_needing_review
  from last_ok o left join last_run l on true;
comment on view public.model_discovery_status is 'The model discovery source at a glance (one row): the last run''s status, time and error, the last success, failed runs since it, whether a run is due now and how many models wait for review. Every signed-in user reads it (the registry is global).';
grant select on public.model_discovery_status to authenticated;

revoke all on function private.review_ai_model(uuid, public.ai_model_type, bigint, bigint, bigint, boolean) from public;
revoke all on function private.model_discovery_due(timestamptz) from public;
revoke all on function private.wake_model_discovery() from public;
revoke all on function private.record_failed_model_discovery(public.ai_provider[], text, timestamptz, timestamptz) from public;
grant execute on function private.review_ai_model(uuid, public.ai_model_type, bigint, bigint, bigint, boolean),
  private.record_failed_model_discovery(public.ai_provider[], text, timestamptz, timestamptz),
  private.model_discovery_due(timestamptz) to service_role;
grant execute on function private.model_discovery_due(timestamptz) to authenticated;
