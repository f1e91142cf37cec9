CREATE OR REPLACE FUNCTION private.record_experiment_winner()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  best uuid;
  losers integer;
  compared integer;
begin
  delete from public.experiment_results where experiment_id = new.id;
  insert into public.experiment_results select * from private.compute_experiment_results(new.id);
  -- the significantly better variant with the largest uplift; the control when every variant is
  -- significantly worse; otherwise no winner
  select r.variant_id into best from public.experiment_results r
  where r.experiment_id = new.id and not r.is_control and r.significant and r.uplift > 0
  order by r.uplift desc, r.variant_key limit 1;
  if best is null then
    select count(*) filter (where r.significant and r.uplift < 0), count(*) into losers, compared
    from public.experiment_results r where r.experiment_id = new.id and not r.is_control and r.p_value_adjusted is not null;
    if compared > 0 and losers = compared then
      select v.id into best from public.experiment_variants v where v.experiment_id = new.id and v.is_control;
    end if;
  end if;
  new.winner_variant_id := best;
  return new;
end $function$;
comment on function private.record_experiment_winner() is 'BEFORE UPDATE OF status on experiments, when it becomes completed (after guard_experiment): stores the final results and sets winner_variant_id only when significant.';
