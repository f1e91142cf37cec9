CREATE OR REPLACE FUNCTION private.apply_model_discovery(p_providers public.ai_provider[], p_models jsonb, p_started_at timestamp with time zone DEFAULT now())
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.apply_model_discovery(public.ai_provider[],jsonb,timestamp with time zone) is 'Service: records a discovery run; upserts the listed models ({provider, model, model_type, model_type_guessed?, display_name?, capabilities?, context_window?, max_output_tokens?, prices?}: a field not listed, and a guessed type, keep the registry''s value) and deactivates the checked providers'' models no longer listed. A new model without prices or with a guessed type is added and marked needs_review. Idempotent. Returns the run id.';
grant execute on function private.apply_model_discovery(public.ai_provider[],jsonb,timestamp with time zone) to service_role;
