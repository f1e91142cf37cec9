CREATE OR REPLACE FUNCTION private.rebuild_experiment_stats(p_experiment_ids uuid[])
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  perform pg_advisory_xact_lock(28, hashtext(e::text)) from (select distinct u.e from unnest(p_experiment_ids) u (e) order by 1) s;
  delete from private.experiment_visitor_stats s where s.experiment_id = any (p_experiment_ids);
  delete from private.experiment_variant_stats s where s.experiment_id = any (p_experiment_ids);
  insert into private.experiment_visitor_stats (experiment_id, visitor_id, workspace_id, variant_id, day, x, o, c, converted)
  select r.* from (select distinct u.e from unnest(p_experiment_ids) u (e)) x
  cross join lateral private.experiment_all_visitor_rows(x.e) r;
  get diagnostics n = row_count;
  insert into private.experiment_variant_stats
    (experiment_id, variant_id, day, stripe, workspace_id, n, conversions,
     sum_x, sum_xx, sum_o, sum_oo, sum_xo, sum_c, sum_cc, sum_xc)
  select s.experiment_id, s.variant_id, s.day, (hashtext(s.visitor_id) & 7)::smallint, min(s.workspace_id::text)::uuid,
         count(*), count(*) filter (where s.converted),
         sum(s.x), sum(s.x::numeric * s.x), sum(s.o), sum(s.o::numeric * s.o), sum(s.x::numeric * s.o),
         sum(s.c), sum(s.c::numeric * s.c), sum(s.x::numeric * s.c)
  from private.experiment_visitor_stats s
  where s.experiment_id = any (p_experiment_ids)
  group by 1, 2, 3, 4;
  return n;
end $function$;
comment on function private.rebuild_experiment_stats(uuid[]) is 'Recomputes the maintained statistics of whole experiments from the sources; returns the visitors stored. Used when an experiment''s goal or CUPED settings change, and for repair.';
grant execute on function private.rebuild_experiment_stats(uuid[]) to service_role;
