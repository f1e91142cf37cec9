CREATE OR REPLACE FUNCTION private.connection_callable(p_status public.connection_status, p_health public.connection_health, p_throttled_until timestamp with time zone)
 RETURNS boolean
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select p_status = 'active' and p_health <> 'reauth_required' and (p_throttled_until is null or p_throttled_until <= now())
$function$;
comment on function private.connection_callable(public.connection_status,public.connection_health,timestamp with time zone) is 'True when work through a connection may run now: active, not waiting for re-authorisation, not throttled. Queue claims filter with it.';
grant execute on function private.connection_callable(public.connection_status,public.connection_health,timestamp with time zone) to service_role;
