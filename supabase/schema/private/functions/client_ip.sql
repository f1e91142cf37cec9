CREATE OR REPLACE FUNCTION private.client_ip()
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select coalesce(
    nullif(btrim(h.headers ->> 'cf-connecting-ip'), ''),
    nullif(btrim(split_part(coalesce(h.headers ->> 'x-forwarded-for', ''), ',', 1)), ''))
  from (select nullif(current_setting('request.headers', true), '')::json as headers) h
$function$;
comment on function private.client_ip() is 'The client address: CF-Connecting-IP when present (hosted), else the first X-Forwarded-For entry; null outside PostgREST.';
