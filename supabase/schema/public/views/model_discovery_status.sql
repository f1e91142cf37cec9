create view public.model_discovery_status with (security_invoker=true) as
 WITH last_run AS (
         SELECT r.id,
            r.status,
            r.providers_checked,
            r.models_discovered,
            r.models_added,
            r.models_updated,
            r.models_deprecated,
            r.started_at,
            r.finished_at,
            r.execution_time_ms,
            r.error,
            r.details,
            r.created_at
           FROM public.ai_model_discovery_runs r
          ORDER BY r.started_at DESC, r.created_at DESC
         LIMIT 1
        ), last_ok AS (
         SELECT max(r.started_at) AS at
           FROM public.ai_model_discovery_runs r
          WHERE r.status = 'succeeded'::public.discovery_run_status
        )
 SELECT l.status AS last_status,
    l.started_at AS last_run_at,
    l.error AS last_error,
    o.at AS last_success_at,
    ( SELECT count(*)::integer AS count
           FROM public.ai_model_discovery_runs f
          WHERE f.status = 'failed'::public.discovery_run_status AND (o.at IS NULL OR f.started_at > o.at)) AS consecutive_failures,
    private.model_discovery_due() AS due_now,
    ( SELECT count(*)::integer AS count
           FROM public.ai_models m
          WHERE m.needs_review) AS models_needing_review
   FROM last_ok o
     LEFT JOIN last_run l ON true;
comment on view public.model_discovery_status is 'The model discovery source at a glance (one row): the last run''s status, time and error, the last success, failed runs since it, whether a run is due now and how many models wait for review. Every signed-in user reads it (the registry is global).';
grant insert, select, update, delete, truncate, references, trigger on public.model_discovery_status to service_role;
grant select on public.model_discovery_status to authenticated;
