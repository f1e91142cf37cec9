CREATE OR REPLACE FUNCTION private.review_ai_model(p_model_id uuid, p_model_type public.ai_model_type, p_input_price_per_mtok_micros bigint, p_output_price_per_mtok_micros bigint, p_cached_input_price_per_mtok_micros bigint DEFAULT NULL::bigint, p_is_active boolean DEFAULT true)
 RETURNS public.ai_models
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.review_ai_model(uuid,public.ai_model_type,bigint,bigint,bigint,boolean) is 'Service: reviews a model (usually one discovery added): sets its type and prices, keeps it active unless p_is_active is false (or the provider no longer lists it) and clears needs_review.';
grant execute on function private.review_ai_model(uuid,public.ai_model_type,bigint,bigint,bigint,boolean) to service_role;
