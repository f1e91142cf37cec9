CREATE OR REPLACE FUNCTION public.get_experiment_results(p_experiment_id uuid)
 RETURNS SETOF public.experiment_results
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  if p_experiment_id is null then
    raise exception 'p_experiment_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from public.experiments e where e.id = p_experiment_id) then
    raise exception 'no such experiment' using errcode = 'PT404';
  end if;
  return query select * from private.compute_experiment_results(p_experiment_id);
end $function$;
comment on function public.get_experiment_results(uuid) is 'Live results of an experiment (one row per variant, control first): conversion rate, revenue per visitor, AOV, uplift with fixed-horizon and always-valid intervals, p-values (Holm-adjusted), CUPED variance reduction and the SRM check. Viewers of the workspace; PT404 when the experiment does not exist or is not visible.';
grant execute on function public.get_experiment_results(uuid) to authenticated;
grant execute on function public.get_experiment_results(uuid) to service_role;
