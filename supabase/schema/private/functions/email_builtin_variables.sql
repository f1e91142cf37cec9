CREATE OR REPLACE FUNCTION private.email_builtin_variables()
 RETURNS text[]
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select array['first_name', 'last_name', 'email', 'workspace_name', 'unsubscribe_url']
$function$;
comment on function private.email_builtin_variables() is 'The variables every campaign and automation email provides.';
grant execute on function private.email_builtin_variables() to authenticated;
grant execute on function private.email_builtin_variables() to service_role;
