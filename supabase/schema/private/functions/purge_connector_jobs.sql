CREATE OR REPLACE FUNCTION private.purge_connector_jobs()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  delete from private.connector_jobs j using private.connector_queues q
  where j.queue = q.queue and ((j.status = 'done' and j.finished_at < now() - q.keep_done)
                               or (j.status = 'dead' and j.finished_at < now() - q.keep_dead));
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.purge_connector_jobs() is 'pg_cron (connector-jobs-retention, daily): deletes done jobs after their queue''s keep_done and dead letters after keep_dead; returns how many.';
