CREATE OR REPLACE FUNCTION private.begin_analytics_page(p_job_id bigint, p_lease_id uuid, p_progress jsonb, p_source public.analytics_source)
 RETURNS private.connector_jobs
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, p_progress);
  if j.queue <> 'analytics_sync' or j.payload ->> 'source' is distinct from p_source::text then
    raise exception 'job % is not a % pull', p_job_id, p_source using errcode = '22023';
  end if;
  return j;
end $function$;
comment on function private.begin_analytics_page(bigint,uuid,jsonb,public.analytics_source) is 'First step of every analytics apply function: saves the job''s progress under its lease (PT409 when the lease was lost, so nothing of the page is kept) and checks the job pulls this source; returns the job, whose workspace and connection the page is written to.';
