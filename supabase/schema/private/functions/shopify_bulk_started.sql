CREATE OR REPLACE FUNCTION private.shopify_bulk_started(p_job_id bigint, p_lease_id uuid, p_phase text, p_progress jsonb)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, p_progress);
  update public.shopify_sync_runs r set status = 'running', phase = p_phase, started_at = coalesce(r.started_at, now()),
    bulk_operation_id = p_progress ->> 'op_id'
  where r.id = (j.payload ->> 'run_id')::uuid;
end $function$;
comment on function private.shopify_bulk_started(bigint,uuid,text,jsonb) is 'The shopify-sync worker records, under the job''s lease, the bulk operation it started (or adopted after a crash) for a phase.';
grant execute on function private.shopify_bulk_started(bigint,uuid,text,jsonb) to service_role;
