CREATE OR REPLACE FUNCTION private.unknown_keys(p_value jsonb, p_allowed text[])
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select string_agg(k, ', ' order by k) from jsonb_object_keys(p_value) k where not (k = any (p_allowed))
$function$;
comment on function private.unknown_keys(jsonb,text[]) is 'The keys of a JSON object not in p_allowed, comma-separated, or null.';
grant execute on function private.unknown_keys(jsonb,text[]) to authenticated;
grant execute on function private.unknown_keys(jsonb,text[]) to service_role;
