CREATE OR REPLACE FUNCTION private.is_whole_number(p_value jsonb, p_min numeric DEFAULT 0)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select jsonb_typeof(p_value) = 'number' and (p_value #>> '{}')::numeric >= p_min
     and (p_value #>> '{}')::numeric = trunc((p_value #>> '{}')::numeric)
     and (p_value #>> '{}')::numeric <= 9007199254740991
$function$;
comment on function private.is_whole_number(jsonb,numeric) is 'True for a JSON number that is a whole number >= p_min (and a safe integer).';
grant execute on function private.is_whole_number(jsonb,numeric) to authenticated;
grant execute on function private.is_whole_number(jsonb,numeric) to service_role;
