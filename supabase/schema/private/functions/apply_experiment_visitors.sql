CREATE OR REPLACE FUNCTION private.apply_experiment_visitors(p_experiment_ids uuid[], p_visitor_ids text[])
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
declare
  ex uuid[];
  vi text[];
begin
  -- experiments that still exist (a deleted experiment's rows go by cascade)
  select array_agg(t.e order by t.e, t.v), array_agg(t.v order by t.e, t.v) into ex, vi
  from (select distinct u.e, u.v from unnest(p_experiment_ids, p_visitor_ids) as u (e, v)
        where u.e is not null and u.v is not null and exists (select 1 from public.experiments x where x.id = u.e)) t;
  if ex is null then
    return;
  end if;
  if cardinality(ex) > 200 then
    perform pg_advisory_xact_lock(28, hashtext(e::text)) from (select distinct u.e from unnest(ex) u (e) order by 1) s;
  else
    perform pg_advisory_xact_lock_shared(28, hashtext(e::text)) from (select distinct u.e from unnest(ex) u (e) order by 1) s;
    perform pg_advisory_xact_lock(k) from (
      select distinct hashtextextended(u.e::text || '/' || u.v, 28) as k from unnest(ex, vi) u (e, v) order by 1) s;
  end if;
  -- a new statement, so a new snapshot: it sees what earlier lock holders committed
  with fresh as (
    select * from private.experiment_visitor_rows(ex, vi)
  ), old as (
    select s.* from unnest(ex, vi) as u (e, v)
    join private.experiment_visitor_stats s on s.experiment_id = u.e and s.visitor_id = u.v
  ), diff as (
    select coalesce(f.experiment_id, o.experiment_id) as experiment_id, coalesce(f.visitor_id, o.visitor_id) as visitor_id,
           f.workspace_id as f_ws, f.variant_id as f_variant, f.day as f_day, f.x as f_x, f.o as f_o, f.c as f_c, f.converted as f_conv,
           o.workspace_id as o_ws, o.variant_id as o_variant, o.day as o_day, o.x as o_x, o.o as o_o, o.c as o_c, o.converted as o_conv
    from fresh f
    full join old o on o.experiment_id = f.experiment_id and o.visitor_id = f.visitor_id
    where (f.variant_id, f.day, f.x, f.o, f.c, f.converted) is distinct from (o.variant_id, o.day, o.x, o.o, o.c, o.converted)
  ), gone as (
    delete from private.experiment_visitor_stats s using diff d
    where d.f_variant is null and s.experiment_id = d.experiment_id and s.visitor_id = d.visitor_id
  ), changed as (
    update private.experiment_visitor_stats s
    set variant_id = d.f_variant, day = d.f_day, x = d.f_x, o = d.f_o, c = d.f_c, converted = d.f_conv
    from diff d
    where d.f_variant is not null and d.o_variant is not null and s.experiment_id = d.experiment_id and s.visitor_id = d.visitor_id
  ), added as (
    insert into private.experiment_visitor_stats (experiment_id, visitor_id, workspace_id, variant_id, day, x, o, c, converted)
    select d.experiment_id, d.visitor_id, d.f_ws, d.f_variant, d.f_day, d.f_x, d.f_o, d.f_c, d.f_conv
    from diff d where d.o_variant is null
  ), terms as (
    select d.experiment_id, d.f_ws as ws, d.f_variant as variant_id, d.f_day as day, d.visitor_id, 1 as s,
           d.f_conv as conv, d.f_x::numeric as x, d.f_o::numeric as o, d.f_c::numeric as c
    from diff d where d.f_variant is not null
    union all
    select d.experiment_id, d.o_ws, d.o_variant, d.o_day, d.visitor_id, -1, d.o_conv, d.o_x, d.o_o, d.o_c
    from diff d where d.o_variant is not null
  )
  insert into private.experiment_variant_stats as vs
    (experiment_id, variant_id, day, stripe, workspace_id, n, conversions,
     sum_x, sum_xx, sum_o, sum_oo, sum_xo, sum_c, sum_cc, sum_xc)
  select t.experiment_id, t.variant_id, t.day, (hashtext(t.visitor_id) & 7)::smallint, min(t.ws::text)::uuid,
         sum(t.s), sum(t.s * t.conv::integer),
         sum(t.s * t.x), sum(t.s * t.x * t.x), sum(t.s * t.o), sum(t.s * t.o * t.o), sum(t.s * t.x * t.o),
         sum(t.s * t.c), sum(t.s * t.c * t.c), sum(t.s * t.x * t.c)
  from terms t
  group by t.experiment_id, t.variant_id, t.day, (hashtext(t.visitor_id) & 7)::smallint
  order by 1, 2, 3, 4
  on conflict (experiment_id, variant_id, day, stripe) do update
  set n = vs.n + excluded.n, conversions = vs.conversions + excluded.conversions,
      sum_x = vs.sum_x + excluded.sum_x, sum_xx = vs.sum_xx + excluded.sum_xx,
      sum_o = vs.sum_o + excluded.sum_o, sum_oo = vs.sum_oo + excluded.sum_oo, sum_xo = vs.sum_xo + excluded.sum_xo,
      sum_c = vs.sum_c + excluded.sum_c, sum_cc = vs.sum_cc + excluded.sum_cc, sum_xc = vs.sum_xc + excluded.sum_xc;
end $function$;
comment on function private.apply_experiment_visitors(uuid[],text[]) is 'Recomputes the given (experiment, visitor) pairs from the sources under advisory locks, stores their new state and adds the difference to private.experiment_variant_stats. Called by the source tables'' statement triggers.';
