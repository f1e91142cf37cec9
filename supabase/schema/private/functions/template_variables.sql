CREATE OR REPLACE FUNCTION private.template_variables(p_texts text[])
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select coalesce(array_agg(distinct m[1] order by m[1]), '{}')
  from unnest(p_texts) t, regexp_matches(coalesce(t, ''), '\{\{\s*([A-Za-z_][A-Za-z0-9_.]{0,63})\s*\}\}', 'g') m
$function$;
comment on function private.template_variables(text[]) is 'The distinct {{ variable }} names used in the given texts, sorted.';
grant execute on function private.template_variables(text[]) to authenticated;
grant execute on function private.template_variables(text[]) to service_role;
