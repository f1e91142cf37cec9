CREATE OR REPLACE FUNCTION private.is_timestamptz(p_value text)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  perform p_value::timestamptz;
  return true;
exception when others then
  return false;
end $function$;
comment on function private.is_timestamptz(text) is 'True when the text casts to timestamptz.';
grant execute on function private.is_timestamptz(text) to authenticated;
grant execute on function private.is_timestamptz(text) to service_role;
