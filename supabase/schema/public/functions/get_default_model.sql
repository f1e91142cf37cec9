CREATE OR REPLACE FUNCTION public.get_default_model(p_provider public.ai_provider, p_type public.ai_model_type)
 RETURNS public.ai_models
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function public.get_default_model(public.ai_provider,public.ai_model_type) is 'The default model for a provider and type (at most one exists); PT404 when none is set.';
grant execute on function public.get_default_model(public.ai_provider,public.ai_model_type) to authenticated;
grant execute on function public.get_default_model(public.ai_provider,public.ai_model_type) to service_role;
