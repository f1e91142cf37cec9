CREATE OR REPLACE FUNCTION private.jsonb_texts(p_value jsonb)
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case jsonb_typeof(p_value)
           when 'array' then coalesce(array(select x from jsonb_array_elements_text(p_value) x where nullif(btrim(x), '') is not null), '{}')
           when 'string' then array_remove(array[nullif(btrim(p_value #>> '{}'), '')], null)
           when 'number' then array[p_value #>> '{}']
           else '{}'::text[] end
$function$;
comment on function private.jsonb_texts(jsonb) is 'The non-empty strings of a JSON array (or a single string or number) as text[].';
