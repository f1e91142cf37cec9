CREATE OR REPLACE FUNCTION private.url_host(p_url text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select nullif(lower(regexp_replace((regexp_match(p_url, '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#:]+)'))[1], '^www\.', '')), '')
$function$;
comment on function private.url_host(text) is 'Lowercase host of an absolute URL without a leading www., or null.';
grant execute on function private.url_host(text) to authenticated;
grant execute on function private.url_host(text) to service_role;
