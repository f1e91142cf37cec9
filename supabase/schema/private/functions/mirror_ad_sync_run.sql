CREATE OR REPLACE FUNCTION private.mirror_ad_sync_run()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.ad_sync_runs r set
    status = (case
      when new.status = 'running' then 'running'
      when new.status = 'done' then 'succeeded'
      when new.status = 'dead' then 'dead'
      when new.last_outcome = 'retry' then 'retrying'
      when new.last_outcome in ('wait', 'throttled') then 'waiting'
      else 'queued' end)::public.ad_sync_status,
    attempts = new.attempts,
    error = case when new.status = 'done' then null else coalesce(new.last_error, r.error) end,
    next_attempt_at = case when new.status = 'queued' then new.next_attempt_at end,
    started_at = case when new.status = 'running' then coalesce(r.started_at, now()) else r.started_at end,
    finished_at = case when new.status in ('done', 'dead') then now() end
  where r.job_id = new.id;
  return null;
end $function$;
comment on function private.mirror_ad_sync_run() is 'AFTER UPDATE on private.connector_jobs of the ads_sync queue: the run''s status, attempts, error and next attempt follow its job.';
