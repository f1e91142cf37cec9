CREATE OR REPLACE FUNCTION private.is_end_user()
 RETURNS boolean
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select coalesce(auth.role() = 'authenticated', false)
$function$;
comment on function private.is_end_user() is 'True when the request comes from a signed-in user (JWT role authenticated), also inside SECURITY DEFINER functions; false for service_role, pg_cron, migrations and the storefront functions anon calls.';
grant execute on function private.is_end_user() to authenticated;
grant execute on function private.is_end_user() to service_role;
