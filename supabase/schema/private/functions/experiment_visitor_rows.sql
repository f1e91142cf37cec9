CREATE OR REPLACE FUNCTION private.experiment_visitor_rows(p_experiment_ids uuid[], p_visitor_ids text[])
 RETURNS TABLE(experiment_id uuid, visitor_id text, workspace_id uuid, variant_id uuid, day date, x bigint, o bigint, c bigint, converted boolean)
 LANGUAGE plpgsql
 STABLE ROWS 5
 SET search_path TO ''
 SET plan_cache_mode TO 'force_generic_plan'
AS $function$
#variable_conflict use_column
begin
  return query
  select a.experiment_id, a.visitor_id, a.workspace_id, a.variant_id, (a.assigned_at at time zone 'UTC')::date,
         coalesce(d.x, 0), coalesce(d.o, 0), coalesce(cv.c, 0), coalesce(d.converted, false)
  from (select distinct t.e, t.v from unnest(p_experiment_ids, p_visitor_ids) as t (e, v)) p
  join public.experiments x on x.id = p.e
  join public.experiment_assignments a on a.workspace_id = x.workspace_id and a.experiment_id = p.e and a.visitor_id = p.v
  cross join lateral (
    select coalesce(sum(ev.value_cents) filter (where ev.event_type = 'purchase'), 0)::bigint as x,
           count(*) filter (where ev.event_type = 'purchase') as o,
           bool_or((ev.event_type::text = x.goal_event and ev.event_type <> 'custom')
                   or (ev.event_type = 'custom' and ev.event_name = x.goal_event)) as converted
    from public.experiment_events ev
    where ev.workspace_id = a.workspace_id and ev.experiment_id = a.experiment_id and ev.visitor_id = a.visitor_id
  ) d
  left join lateral (
    select sum(po.net)::bigint as c from (
      select o.id, o.total_price_cents - o.total_refunded_cents as net
      from public.orders o
      where o.workspace_id = a.workspace_id and o.visitor_id = a.visitor_id and o.cancelled_at is null
        and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - make_interval(days => x.cuped_lookback_days)
      union
      select o.id, o.total_price_cents - o.total_refunded_cents
      from public.visitors v
      join public.customer_identities i on i.id = v.identity_id
      join public.orders o on o.customer_id = i.customer_id
      where v.workspace_id = a.workspace_id and v.visitor_id = a.visitor_id and o.cancelled_at is null
        and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - make_interval(days => x.cuped_lookback_days)
    ) po
  ) cv on x.cuped_enabled;
end $function$;
comment on function private.experiment_visitor_rows(uuid[],text[]) is 'Per-visitor state (variant, assignment day, x, o, c, converted) of the given (experiment, visitor) pairs, computed from assignments, events and orders as private.experiment_moments_scan defines them.';
