CREATE OR REPLACE FUNCTION private.lag_status(p_lag interval)
 RETURNS public.health_status
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case when p_lag is null or p_lag < interval '5 minutes' then 'healthy'
              when p_lag < interval '30 minutes' then 'degraded' else 'down' end::public.health_status
$function$;
comment on function private.lag_status(interval) is 'A queue''s health by the age of its oldest due work: under 5 minutes healthy, under 30 degraded, else down.';
