CREATE OR REPLACE FUNCTION private.record_failed_model_discovery(p_providers public.ai_provider[], p_error text, p_started_at timestamp with time zone DEFAULT now())
 RETURNS uuid
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  insert into public.ai_model_discovery_runs (status, providers_checked, started_at, finished_at, execution_time_ms, error)
  values ('failed', coalesce(p_providers, '{}'), p_started_at, now(),
          greatest(0, round(extract(epoch from clock_timestamp() - p_started_at) * 1000))::integer, left(p_error, 2000))
  returning id
$function$;
comment on function private.record_failed_model_discovery(public.ai_provider[],text,timestamp with time zone) is 'Service: logs a discovery run that failed, with the error.';
grant execute on function private.record_failed_model_discovery(public.ai_provider[],text,timestamp with time zone) to service_role;
