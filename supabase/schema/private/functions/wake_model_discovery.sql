CREATE OR REPLACE FUNCTION private.wake_model_discovery()
 RETURNS bigint
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select private.wake_function('model-discovery') where private.model_discovery_due()
$function$;
comment on function private.wake_model_discovery() is 'pg_cron (model-discovery, every 15 minutes): wakes the model-discovery function when a run is due (private.model_discovery_due); returns the pg_net request id, or null.';
