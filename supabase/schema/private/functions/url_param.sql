CREATE OR REPLACE FUNCTION private.url_param(p_url text, p_name text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select nullif(replace((regexp_match(p_url, '[?&]' || p_name || '=([^&#]*)'))[1], '+', ' '), '')
$function$;
comment on function private.url_param(text,text) is 'The raw value of one query parameter of a URL (plus signs as spaces, no percent-decoding), or null.';
grant execute on function private.url_param(text,text) to authenticated;
grant execute on function private.url_param(text,text) to service_role;
