CREATE OR REPLACE FUNCTION private.is_text_list(p_value jsonb, p_min integer, p_max integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select jsonb_typeof(p_value) = 'array' and jsonb_array_length(p_value) between p_min and p_max
     and not exists (select 1 from jsonb_array_elements(p_value) e
                     where jsonb_typeof(e.value) <> 'string' or btrim(e.value #>> '{}') = ''
                        or char_length(e.value #>> '{}') > 2000)
$function$;
comment on function private.is_text_list(jsonb,integer,integer) is 'True for a JSON array of p_min..p_max non-blank strings (each at most 2000 characters).';
grant execute on function private.is_text_list(jsonb,integer,integer) to authenticated;
grant execute on function private.is_text_list(jsonb,integer,integer) to service_role;
