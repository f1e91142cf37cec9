CREATE OR REPLACE FUNCTION private.count_analytics_page(p_job private.connector_jobs, p_api_calls integer, p_rows integer)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  update public.analytics_sync_runs r set pages = r.pages + 1, api_calls = r.api_calls + greatest(coalesce(p_api_calls, 0), 0),
    rows_written = r.rows_written + greatest(coalesce(p_rows, 0), 0)
  where r.workspace_id = p_job.workspace_id and r.job_id = p_job.id
$function$;
comment on function private.count_analytics_page(private.connector_jobs,integer,integer) is 'Last step of every analytics apply function: counts the page, its provider calls and the rows it wrote in the job''s run.';
