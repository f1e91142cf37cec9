CREATE OR REPLACE FUNCTION private.order_experiment_purchases()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if new.visitor_id is null or new.cancelled_at is not null then
    return null;
  end if;
  if tg_op = 'UPDATE' and old.visitor_id is not distinct from new.visitor_id and old.cancelled_at is null then
    return null;  -- already handled when the visitor id arrived
  end if;
  with fresh as (
    insert into public.experiment_purchases as p
      (workspace_id, experiment_id, order_id, visitor_id, variant_id, revenue_cents, currency, ordered_at)
    select a.workspace_id, a.experiment_id, new.id, a.visitor_id, a.variant_id, new.total_price_cents, new.currency,
           new.processed_at
    from public.experiment_assignments a
    join public.experiments e on e.id = a.experiment_id and e.status in ('running', 'paused')
    where a.workspace_id = new.workspace_id and a.visitor_id = new.visitor_id and a.assigned_at <= new.processed_at
    on conflict (experiment_id, order_id) do nothing
    returning p.*
  )
  insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, value_cents,
                                        currency, order_id, occurred_at)
  select f.workspace_id, f.experiment_id, f.variant_id, f.visitor_id, 'purchase', f.revenue_cents, f.currency, f.order_id,
         f.ordered_at
  from fresh f;
  return null;
end $function$;
comment on function private.order_experiment_purchases() is 'AFTER INSERT/UPDATE OF visitor_id, cancelled_at on orders: records the order as a purchase (and purchase event) of each running or paused experiment its visitor was assigned to before ordering; idempotent by (experiment, order).';
