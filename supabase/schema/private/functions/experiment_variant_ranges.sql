CREATE OR REPLACE FUNCTION private.experiment_variant_ranges(p_experiment_id uuid)
 RETURNS TABLE(variant_id uuid, range_start numeric, range_end numeric)
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return query
  select s.id, s.start / 100, (s.start + s.weight * s.traffic / 100) / 100
  from (
    select v.id, v.weight, e.traffic_percentage as traffic,
           coalesce(sum(v.weight) over (order by v.key rows between unbounded preceding and 1 preceding), 0) as start
    from public.experiment_variants v
    join public.experiments e on e.id = v.experiment_id
    where v.experiment_id = p_experiment_id
  ) s
  where s.weight > 0;
end $function$;
comment on function private.experiment_variant_ranges(uuid) is 'Bucketing ranges: variants in key order own consecutive slices proportional to their weight, each shrunk to the traffic percentage from its start.';
grant execute on function private.experiment_variant_ranges(uuid) to authenticated;
grant execute on function private.experiment_variant_ranges(uuid) to service_role;
