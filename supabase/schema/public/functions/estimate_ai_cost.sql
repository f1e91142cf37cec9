CREATE OR REPLACE FUNCTION public.estimate_ai_cost(p_provider public.ai_provider, p_model text, p_input_tokens bigint, p_output_tokens bigint, p_cached_input_tokens bigint DEFAULT 0)
 RETURNS bigint
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function public.estimate_ai_cost(public.ai_provider,text,bigint,bigint,bigint) is 'Cost in micros of a call with these token counts at the registry''s current prices.';
grant execute on function public.estimate_ai_cost(public.ai_provider,text,bigint,bigint,bigint) to authenticated;
grant execute on function public.estimate_ai_cost(public.ai_provider,text,bigint,bigint,bigint) to service_role;
