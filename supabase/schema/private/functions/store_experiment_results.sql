CREATE OR REPLACE FUNCTION private.store_experiment_results(p_experiment_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  delete from public.experiment_results where experiment_id = p_experiment_id;
  insert into public.experiment_results select * from private.compute_experiment_results(p_experiment_id);
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.store_experiment_results(uuid) is 'Replaces the stored results snapshot of one experiment with a fresh computation.';
grant execute on function private.store_experiment_results(uuid) to service_role;
