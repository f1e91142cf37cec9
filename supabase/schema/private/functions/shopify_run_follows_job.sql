CREATE OR REPLACE FUNCTION private.shopify_run_follows_job()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  run public.shopify_sync_runs;
begin
  if new.status = 'done' then
    update public.shopify_sync_runs r set status = 'completed', finished_at = now(), last_error = null
    where r.id = (new.payload ->> 'run_id')::uuid returning * into run;
    if found then
      perform private.snapshot_inventory(run.workspace_id, current_date);
      perform private.compute_reorder_points(run.workspace_id, current_date);
    end if;
  elsif new.status = 'dead' then
    update public.shopify_sync_runs r set status = 'failed', finished_at = now(), last_error = new.last_error
    where r.id = (new.payload ->> 'run_id')::uuid;
  elsif new.status = 'queued' and new.last_error is not null then
    update public.shopify_sync_runs r set last_error = new.last_error
    where r.id = (new.payload ->> 'run_id')::uuid and r.last_error is distinct from new.last_error;
  end if;
  return null;
end $function$;
comment on function private.shopify_run_follows_job() is 'AFTER UPDATE OF status on private.connector_jobs (queue shopify_sync): a finished job completes its run (then snapshots the real inventory levels and recomputes reorder points), a dead one fails it with the job''s last error.';
