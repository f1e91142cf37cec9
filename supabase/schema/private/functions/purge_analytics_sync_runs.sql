CREATE OR REPLACE FUNCTION private.purge_analytics_sync_runs()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  delete from public.analytics_sync_runs r where r.finished_at < now() - interval '90 days';
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.purge_analytics_sync_runs() is 'pg_cron (analytics-sync-runs-retention, daily): deletes runs finished more than 90 days ago; returns how many.';
grant execute on function private.purge_analytics_sync_runs() to service_role;
