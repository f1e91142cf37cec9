CREATE OR REPLACE FUNCTION private.record_failed_model_discovery(p_providers public.ai_provider[], p_error text, p_started_at timestamp with time zone DEFAULT now(), p_retry_at timestamp with time zone DEFAULT NULL::timestamp with time zone)
 RETURNS uuid
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  insert into public.ai_model_discovery_runs (status, providers_checked, started_at, finished_at, execution_time_ms, error, details)
  values ('failed', coalesce(p_providers, '{}'), p_started_at, now(),
          greatest(0, round(extract(epoch from clock_timestamp() - p_started_at) * 1000))::integer, left(p_error, 2000),
          case when p_retry_at is null then '{}'::jsonb else jsonb_build_object('retry_at', p_retry_at) end)
  returning id
$function$;
comment on function private.record_failed_model_discovery(public.ai_provider[],text,timestamp with time zone,timestamp with time zone) is 'Service: logs a discovery run that failed, with the error, and when the provider allows the next try (details.retry_at) if it said.';
grant execute on function private.record_failed_model_discovery(public.ai_provider[],text,timestamp with time zone,timestamp with time zone) to service_role;
