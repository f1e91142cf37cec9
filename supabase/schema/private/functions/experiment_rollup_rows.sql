CREATE OR REPLACE FUNCTION private.experiment_rollup_rows(p_experiment_ids uuid[], p_days date[])
 RETURNS SETOF public.experiment_daily_metrics
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  with pairs as (
    select distinct t.experiment_id, t.day from unnest(p_experiment_ids, p_days) as t (experiment_id, day)
  ), assigned as (
    select a.experiment_id, a.variant_id, p.day, count(*)::integer as n
    from pairs p
    join public.experiment_assignments a on a.experiment_id = p.experiment_id
      and a.assigned_at >= p.day::timestamp at time zone 'UTC' and a.assigned_at < (p.day + 1)::timestamp at time zone 'UTC'
    group by 1, 2, 3
  ), happened as (
    select ev.experiment_id, ev.variant_id, p.day,
           count(*) filter (where ev.event_type = 'exposure')::integer as exposures,
           count(*) filter (where ev.event_type = 'add_to_cart')::integer as add_to_carts,
           count(*) filter (where g.is_goal)::integer as goal_events,
           count(distinct ev.visitor_id) filter (where g.is_goal)::integer as converting_visitors,
           count(*) filter (where ev.event_type = 'purchase')::integer as purchases,
           coalesce(sum(ev.value_cents) filter (where ev.event_type = 'purchase'), 0)::bigint as revenue
    from pairs p
    join public.experiments e on e.id = p.experiment_id
    join public.experiment_events ev on ev.experiment_id = p.experiment_id
      and ev.occurred_at >= p.day::timestamp at time zone 'UTC' and ev.occurred_at < (p.day + 1)::timestamp at time zone 'UTC'
    cross join lateral (select (ev.event_type::text = e.goal_event and ev.event_type <> 'custom')
                               or (ev.event_type = 'custom' and ev.event_name = e.goal_event) as is_goal) g
    group by 1, 2, 3
  )
  select e.workspace_id, k.experiment_id, k.variant_id, k.day, coalesce(a.n, 0), coalesce(h.exposures, 0),
         coalesce(h.add_to_carts, 0), coalesce(h.goal_events, 0), coalesce(h.converting_visitors, 0),
         coalesce(h.purchases, 0), coalesce(h.revenue, 0), now()
  from (select experiment_id, variant_id, day from assigned union select experiment_id, variant_id, day from happened) k
  join public.experiments e on e.id = k.experiment_id
  left join assigned a using (experiment_id, variant_id, day)
  left join happened h using (experiment_id, variant_id, day)
$function$;
comment on function private.experiment_rollup_rows(uuid[],date[]) is 'Recomputes experiment_daily_metrics rows for (experiment, day) pairs from assignments and events.';
