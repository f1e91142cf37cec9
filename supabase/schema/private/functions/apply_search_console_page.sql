CREATE OR REPLACE FUNCTION private.apply_search_console_page(p_job_id bigint, p_lease_id uuid, p_rows jsonb, p_progress jsonb, p_api_calls integer DEFAULT 1)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs := private.begin_analytics_page(p_job_id, p_lease_id, p_progress, 'search_console');
  n integer := 0;
begin
  if jsonb_typeof(p_rows) is distinct from 'array' then
    raise exception 'p_rows must be an array of rankings' using errcode = '22023';
  end if;
  if jsonb_array_length(p_rows) > 0 then
    n := public.ingest_seo_rankings(j.workspace_id,
      (select jsonb_agg(e || '{"source": "search_console", "search_engine": "google"}') from jsonb_array_elements(p_rows) e));
  end if;
  perform private.count_analytics_page(j, p_api_calls, n);
  return n;
end $function$;
comment on function private.apply_search_console_page(bigint,uuid,jsonb,jsonb,integer) is 'The analytics sync''s apply for Search Console: under the job''s lease, writes one page of search analytics rows (as ingest_seo_rankings'' search_console rows) to the job''s workspace and counts it in the run. Returns rows inserted or changed.';
grant execute on function private.apply_search_console_page(bigint,uuid,jsonb,jsonb,integer) to service_role;
