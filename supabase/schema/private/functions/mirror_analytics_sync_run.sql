CREATE OR REPLACE FUNCTION private.mirror_analytics_sync_run()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  st public.analytics_sync_status := (case
    when new.status = 'running' then 'running'
    when new.status = 'done' then 'succeeded'
    when new.status = 'dead' then 'dead'
    when new.last_outcome = 'retry' then 'retrying'
    when new.last_outcome in ('wait', 'throttled') then 'waiting'
    else 'queued' end)::public.analytics_sync_status;
  r public.analytics_sync_runs;
begin
  update public.analytics_sync_runs a set
    status = st,
    attempts = new.attempts,
    error = case when new.status = 'done' then null else coalesce(new.last_error, a.error) end,
    next_attempt_at = case when new.status = 'queued' then new.next_attempt_at end,
    started_at = case when new.status = 'running' then coalesce(a.started_at, now()) else a.started_at end,
    finished_at = case when new.status in ('done', 'dead') then now() end
  where a.workspace_id = new.workspace_id and a.job_id = new.id
  returning a.* into r;
  if found then
    update public.analytics_sync_schedules s set
      last_sync_status = st,
      last_synced_at = case when st = 'succeeded' then now() else s.last_synced_at end
    where s.connection_id = r.connection_id and s.source = r.source
      and not exists (select 1 from public.analytics_sync_runs later
                      where later.workspace_id = r.workspace_id and later.connection_id = r.connection_id
                        and later.source = r.source and later.id > r.id and later.status <> 'queued');
  end if;
  return null;
end $function$;
comment on function private.mirror_analytics_sync_run() is 'AFTER UPDATE on private.connector_jobs of the analytics_sync queue: the run''s status, attempts, error and next attempt follow its job, and its schedule''s last_sync_status (and last_synced_at on success) follow the latest run that started.';
