CREATE OR REPLACE FUNCTION private.rebuild_experiment_rollup()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  delete from private.experiment_rollup_dirty;
  delete from public.experiment_daily_metrics;
  insert into public.experiment_daily_metrics
  select r.* from (
    select array_agg(d.experiment_id) as ex, array_agg(d.day) as dy from (
      select a.experiment_id, (a.assigned_at at time zone 'UTC')::date as day from public.experiment_assignments a
      union
      select ev.experiment_id, (ev.occurred_at at time zone 'UTC')::date from public.experiment_events ev
    ) d
  ) all_pairs
  cross join lateral private.experiment_rollup_rows(all_pairs.ex, all_pairs.dy) r;
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.rebuild_experiment_rollup() is 'Recomputes experiment_daily_metrics from scratch; the incremental refresh must give the same table.';
grant execute on function private.rebuild_experiment_rollup() to service_role;
