CREATE OR REPLACE FUNCTION private.experiment_moments(p_experiment_id uuid)
 RETURNS SETOF private.variant_moments
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid;
begin
  select x.workspace_id into ws from public.experiments x where x.id = p_experiment_id;
  if not found then
    return;
  end if;
  perform private.require_reader(ws);
  return query
  select v.id, v.key, v.is_control, v.weight,
         coalesce(sum(s.n), 0)::bigint, coalesce(sum(s.conversions), 0)::bigint,
         coalesce(sum(s.sum_x), 0)::double precision, coalesce(sum(s.sum_xx), 0)::double precision,
         coalesce(sum(s.sum_o), 0)::double precision, coalesce(sum(s.sum_oo), 0)::double precision,
         coalesce(sum(s.sum_xo), 0)::double precision, coalesce(sum(s.sum_c), 0)::double precision,
         coalesce(sum(s.sum_cc), 0)::double precision, coalesce(sum(s.sum_xc), 0)::double precision
  from public.experiment_variants v
  left join private.experiment_variant_stats s on s.experiment_id = v.experiment_id and s.variant_id = v.id
  where v.experiment_id = p_experiment_id
  group by v.id, v.key, v.is_control, v.weight
  order by v.key;
end $function$;
comment on function private.experiment_moments(uuid) is 'Sufficient statistics per variant of an experiment from the maintained sums (private.experiment_variant_stats): what private.compute_experiment_results reads. Checks that a signed-in caller can view the workspace.';
grant execute on function private.experiment_moments(uuid) to authenticated;
grant execute on function private.experiment_moments(uuid) to service_role;
