CREATE OR REPLACE FUNCTION private.experiment_moments_scan(p_experiment_id uuid)
 RETURNS SETOF private.variant_moments
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
 SET work_mem TO '32MB'
AS $function$
declare
  ws uuid;
  goal text;
  cuped boolean;
  lookback interval;
begin
  select x.workspace_id, x.goal_event, x.cuped_enabled, make_interval(days => x.cuped_lookback_days)
    into ws, goal, cuped, lookback
  from public.experiments x where x.id = p_experiment_id;
  if not found then
    return;
  end if;
  return query
  with a as (
    select a.visitor_id, a.variant_id, a.assigned_at
    from public.experiment_assignments a
    where a.workspace_id = ws and a.experiment_id = p_experiment_id
  ), did as (
    -- one pass over the experiment's events: purchase revenue and count, and whether a goal event happened
    select ev.visitor_id,
           coalesce(sum(ev.value_cents) filter (where ev.event_type = 'purchase'), 0)::double precision as x,
           (count(*) filter (where ev.event_type = 'purchase'))::double precision as o,
           bool_or((ev.event_type::text = goal and ev.event_type <> 'custom')
                   or (ev.event_type = 'custom' and ev.event_name = goal)) as converted
    from public.experiment_events ev
    where ev.workspace_id = ws and ev.experiment_id = p_experiment_id
    group by ev.visitor_id
  ), prior_orders as (
    -- orders before the assignment, within the CUPED lookback, by the visitor id or by the
    -- customer of the visitor's identity (each order once)
    select a.visitor_id, o.id, o.total_price_cents - o.total_refunded_cents as net
    from a
    join public.orders o on o.workspace_id = ws and o.visitor_id = a.visitor_id
    where cuped and o.cancelled_at is null and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - lookback
    union
    select a.visitor_id, o.id, o.total_price_cents - o.total_refunded_cents
    from a
    join public.visitors v on v.workspace_id = ws and v.visitor_id = a.visitor_id
    join public.customer_identities i on i.id = v.identity_id
    join public.orders o on o.customer_id = i.customer_id
    where cuped and o.cancelled_at is null and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - lookback
  ), covariate as (
    select p.visitor_id, sum(p.net)::double precision as c from prior_orders p group by p.visitor_id
  ), per_visitor as (
    select a.variant_id, coalesce(d.x, 0) as x, coalesce(d.o, 0) as o, coalesce(cv.c, 0) as c,
           coalesce(d.converted, false) as converted
    from a
    left join did d on d.visitor_id = a.visitor_id
    left join covariate cv on cv.visitor_id = a.visitor_id
  )
  select v.id, v.key, v.is_control, v.weight,
         count(p.variant_id), count(*) filter (where p.converted),
         coalesce(sum(p.x), 0), coalesce(sum(p.x * p.x), 0), coalesce(sum(p.o), 0), coalesce(sum(p.o * p.o), 0),
         coalesce(sum(p.x * p.o), 0), coalesce(sum(p.c), 0), coalesce(sum(p.c * p.c), 0), coalesce(sum(p.x * p.c), 0)
  from public.experiment_variants v
  left join per_visitor p on p.variant_id = v.id
  where v.experiment_id = p_experiment_id
  group by v.id, v.key, v.is_control, v.weight
  order by v.key;
end $function$;
comment on function private.experiment_moments_scan(uuid) is 'Sufficient statistics per variant computed from raw assignments, events and orders (one pass; what results were computed from before the maintained statistics). The reference for checking private.experiment_moments. Runs with the caller''s rights.';
grant execute on function private.experiment_moments_scan(uuid) to authenticated;
grant execute on function private.experiment_moments_scan(uuid) to service_role;
