CREATE OR REPLACE FUNCTION private.purge_cron_history()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  delete from cron.job_run_details where end_time < now() - interval '3 days';
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.purge_cron_history() is 'Deletes pg_cron run records older than three days.';
