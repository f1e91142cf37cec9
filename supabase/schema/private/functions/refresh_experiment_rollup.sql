CREATE OR REPLACE FUNCTION private.refresh_experiment_rollup()
 RETURNS uuid[]
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ex uuid[];
  dy date[];
begin
  with taken as (delete from private.experiment_rollup_dirty returning experiment_id, day)
  select array_agg(t.experiment_id), array_agg(t.day) into ex, dy from taken t;
  if ex is null then
    return '{}'::uuid[];
  end if;
  delete from public.experiment_daily_metrics m
  using unnest(ex, dy) as t (experiment_id, day)
  where m.experiment_id = t.experiment_id and m.day = t.day;
  insert into public.experiment_daily_metrics select * from private.experiment_rollup_rows(ex, dy);
  return array(select distinct x from unnest(ex) x);
end $function$;
comment on function private.refresh_experiment_rollup() is 'Incremental rollup: recomputes only the (experiment, day) pairs queued in private.experiment_rollup_dirty; returns the experiments touched.';
grant execute on function private.refresh_experiment_rollup() to service_role;
