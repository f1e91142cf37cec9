CREATE OR REPLACE FUNCTION private.model_discovery_due(p_now timestamp with time zone DEFAULT now())
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  with last_ok as (
    select max(r.started_at) as at from public.ai_model_discovery_runs r where r.status = 'succeeded'
  ), fails as (
    select count(*)::int as n, max(r.started_at) as last_at,
           max((r.details ->> 'retry_at')::timestamptz) as retry_at
    from public.ai_model_discovery_runs r, last_ok
    where r.status = 'failed' and (last_ok.at is null or r.started_at > last_ok.at)
  )
  select not exists (select 1 from public.ai_model_discovery_runs r
                     where r.status = 'running' and r.started_at > p_now - interval '10 minutes')
     and (select at is null or at <= p_now - interval '23 hours' from last_ok)
     and (select n = 0 or (last_at <= p_now - private.retry_backoff(n, interval '30 minutes', interval '12 hours', 0, 0.5)
                           and (retry_at is null or retry_at <= p_now))
          from fails)
$function$;
comment on function private.model_discovery_due(timestamp with time zone) is 'Whether a model discovery run is due: no run started in the last 10 minutes is still running, the last success is 23 hours old (or there is none), and failures since then have waited their backoff (30 minutes doubling to 12 hours) and any time the provider named (details.retry_at).';
grant execute on function private.model_discovery_due(timestamp with time zone) to authenticated;
grant execute on function private.model_discovery_due(timestamp with time zone) to service_role;
