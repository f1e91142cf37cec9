CREATE OR REPLACE FUNCTION private.ai_cost_micros(p_model public.ai_models, p_input_tokens bigint, p_output_tokens bigint, p_cached_input_tokens bigint DEFAULT 0)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select round((
      (coalesce(p_input_tokens, 0) - coalesce(p_cached_input_tokens, 0))::numeric * p_model.input_price_per_mtok_micros
    + coalesce(p_cached_input_tokens, 0)::numeric
        * coalesce(p_model.cached_input_price_per_mtok_micros, p_model.input_price_per_mtok_micros)
    + coalesce(p_output_tokens, 0)::numeric * p_model.output_price_per_mtok_micros
  ) / 1000000)::bigint
$function$;
comment on function private.ai_cost_micros(public.ai_models,bigint,bigint,bigint) is 'Cost in micros of a call with these token counts at the model''s prices: round(((input - cached) x input price + cached x cached price + output x output price) / 1e6).';
grant execute on function private.ai_cost_micros(public.ai_models,bigint,bigint,bigint) to authenticated;
grant execute on function private.ai_cost_micros(public.ai_models,bigint,bigint,bigint) to service_role;
