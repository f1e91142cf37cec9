CREATE OR REPLACE FUNCTION private.is_text(p_value jsonb, p_max integer DEFAULT 2000)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select coalesce(jsonb_typeof(p_value) = 'string' and btrim(p_value #>> '{}') <> '' and char_length(p_value #>> '{}') <= p_max, false)
$function$;
comment on function private.is_text(jsonb,integer) is 'True for a non-blank JSON string of at most p_max characters.';
grant execute on function private.is_text(jsonb,integer) to authenticated;
grant execute on function private.is_text(jsonb,integer) to service_role;
