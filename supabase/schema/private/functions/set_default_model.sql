CREATE OR REPLACE FUNCTION private.set_default_model(p_model_id uuid)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.set_default_model(uuid) is 'Service: makes a model the default of its provider and type, clearing the previous one.';
grant execute on function private.set_default_model(uuid) to service_role;
