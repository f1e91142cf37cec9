CREATE OR REPLACE FUNCTION private.refresh_experiments()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ex uuid;
  n integer := 0;
begin
  for ex in select x.id from public.experiments x
            where x.id = any (private.refresh_experiment_rollup()) and x.status in ('running', 'paused') loop
    perform private.store_experiment_results(ex);
    n := n + 1;
  end loop;
  return n;
end $function$;
comment on function private.refresh_experiments() is 'pg_cron (job experiments-refresh, hourly): incremental daily rollup, then results snapshots of the running or paused experiments whose data changed; returns how many experiments it refreshed.';
grant execute on function private.refresh_experiments() to service_role;
