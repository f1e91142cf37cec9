CREATE OR REPLACE FUNCTION private.experiment_all_visitor_rows(p_experiment_id uuid)
 RETURNS TABLE(experiment_id uuid, visitor_id text, workspace_id uuid, variant_id uuid, day date, x bigint, o bigint, c bigint, converted boolean)
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
 SET work_mem TO '32MB'
AS $function$
#variable_conflict use_column
begin
  return query
  with a as (
    select a.workspace_id, a.experiment_id, a.visitor_id, a.variant_id, a.assigned_at,
           x.goal_event as goal, x.cuped_enabled as cuped, make_interval(days => x.cuped_lookback_days) as lookback
    from public.experiments x
    join public.experiment_assignments a on a.workspace_id = x.workspace_id and a.experiment_id = x.id
    where x.id = p_experiment_id
  ), did as (
    select a.experiment_id, a.visitor_id,
           coalesce(sum(ev.value_cents) filter (where ev.event_type = 'purchase'), 0)::bigint as x,
           count(*) filter (where ev.event_type = 'purchase') as o,
           bool_or((ev.event_type::text = a.goal and ev.event_type <> 'custom')
                   or (ev.event_type = 'custom' and ev.event_name = a.goal)) as converted
    from a
    join public.experiment_events ev
      on ev.workspace_id = a.workspace_id and ev.experiment_id = a.experiment_id and ev.visitor_id = a.visitor_id
    group by a.experiment_id, a.visitor_id
  ), prior_orders as (
    select a.experiment_id, a.visitor_id, o.id, o.total_price_cents - o.total_refunded_cents as net
    from a
    join public.orders o on o.workspace_id = a.workspace_id and o.visitor_id = a.visitor_id
    where a.cuped and o.cancelled_at is null and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - a.lookback
    union
    select a.experiment_id, a.visitor_id, o.id, o.total_price_cents - o.total_refunded_cents
    from a
    join public.visitors v on v.workspace_id = a.workspace_id and v.visitor_id = a.visitor_id
    join public.customer_identities i on i.id = v.identity_id
    join public.orders o on o.customer_id = i.customer_id
    where a.cuped and o.cancelled_at is null and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - a.lookback
  ), covariate as (
    select po.experiment_id, po.visitor_id, sum(po.net)::bigint as c from prior_orders po group by 1, 2
  )
  select a.experiment_id, a.visitor_id, a.workspace_id, a.variant_id, (a.assigned_at at time zone 'UTC')::date,
         coalesce(d.x, 0), coalesce(d.o, 0), coalesce(cv.c, 0), coalesce(d.converted, false)
  from a
  left join did d on d.experiment_id = a.experiment_id and d.visitor_id = a.visitor_id
  left join covariate cv on cv.experiment_id = a.experiment_id and cv.visitor_id = a.visitor_id;
end $function$;
comment on function private.experiment_all_visitor_rows(uuid) is 'Per-visitor state of every assigned visitor of an experiment in one set-based pass (what private.experiment_visitor_rows gives visitor by visitor).';
