CREATE OR REPLACE FUNCTION private.function_round_started(p_name text)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  update private.callable_functions set wake_requested_at = null where name = p_name
$function$;
comment on function private.function_round_started(text) is 'Clears the pending wake-up of a function whose round has started.';
grant execute on function private.function_round_started(text) to service_role;
