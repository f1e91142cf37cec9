create view public.order_revenue_daily with (security_invoker=true) as
 SELECT o.workspace_id,
    (o.processed_at AT TIME ZONE 'UTC'::text)::date AS day,
    o.currency,
    count(*)::integer AS orders,
    sum(o.total_price_cents - o.total_refunded_cents)::bigint AS net_revenue_cents
   FROM public.orders o
  WHERE o.cancelled_at IS NULL
  GROUP BY o.workspace_id, ((o.processed_at AT TIME ZONE 'UTC'::text)::date), o.currency;
comment on view public.order_revenue_daily is 'Orders and net revenue per workspace, UTC day and currency (cancelled orders excluded). Runs with the caller''s rights, so RLS applies.';
grant insert, select, update, delete, truncate, references, trigger on public.order_revenue_daily to service_role;
grant select on public.order_revenue_daily to authenticated;
