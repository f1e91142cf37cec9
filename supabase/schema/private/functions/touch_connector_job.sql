CREATE OR REPLACE FUNCTION private.touch_connector_job(p_job_id bigint, p_lease_id uuid, p_progress jsonb DEFAULT NULL::jsonb)
 RETURNS private.connector_jobs
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
begin
  update private.connector_jobs t set progress = coalesce(p_progress, t.progress),
    lease_expires_at = greatest(t.lease_expires_at, now() + (select q.lease from private.connector_queues q where q.queue = t.queue))
  where t.id = p_job_id and t.lease_id = p_lease_id and t.status = 'running'
  returning t.* into j;
  if not found then
    raise exception 'job % is no longer leased to this worker', p_job_id using errcode = 'PT409';
  end if;
  return j;
end $function$;
comment on function private.touch_connector_job(bigint,uuid,jsonb) is 'Within the worker''s transaction: saves the job''s progress and extends its lease; PT409 when the lease was lost (another worker has the job), so nothing of that transaction is kept.';
grant execute on function private.touch_connector_job(bigint,uuid,jsonb) to service_role;
