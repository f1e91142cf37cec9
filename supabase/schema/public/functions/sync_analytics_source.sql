CREATE OR REPLACE FUNCTION public.sync_analytics_source(p_connection_id uuid, p_source public.analytics_source)
 RETURNS bigint
 LANGUAGE sql
 SET search_path TO ''
AS $function$
  select private.sync_analytics_source(p_connection_id, p_source)
$function$;
comment on function public.sync_analytics_source(uuid,public.analytics_source) is 'Admins: pulls a source of a connection now (the last recent_days); while a manual pull is still pending, returns that one. Returns the job id (analytics_sync_runs.job_id). 22023 missing input, PT404 unknown source (or not yours), 42501 not an admin, PT409 the connection is not active.';
grant execute on function public.sync_analytics_source(uuid,public.analytics_source) to authenticated;
grant execute on function public.sync_analytics_source(uuid,public.analytics_source) to service_role;
