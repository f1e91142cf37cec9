CREATE OR REPLACE FUNCTION private.request_user_agent()
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select left(nullif(current_setting('request.headers', true), '')::json ->> 'user-agent', 500)
$function$;
comment on function private.request_user_agent() is 'The User-Agent of the PostgREST request (500 chars at most), or null.';
grant execute on function private.request_user_agent() to authenticated;
grant execute on function private.request_user_agent() to service_role;
