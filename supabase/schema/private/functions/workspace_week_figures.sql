CREATE OR REPLACE FUNCTION private.workspace_week_figures(p_workspace_id uuid, p_to date)
 RETURNS jsonb
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select jsonb_build_object(
    'orders', (select count(*) from public.orders o where o.workspace_id = p_workspace_id and o.cancelled_at is null
               and o.processed_at >= (p_to - 6)::timestamp at time zone 'UTC' and o.processed_at < (p_to + 1)::timestamp at time zone 'UTC'),
    'revenue_cents', (select coalesce(sum(o.total_price_cents - o.total_refunded_cents), 0) from public.orders o
               where o.workspace_id = p_workspace_id and o.cancelled_at is null
               and o.processed_at >= (p_to - 6)::timestamp at time zone 'UTC' and o.processed_at < (p_to + 1)::timestamp at time zone 'UTC'),
    'ad_spend_cents', coalesce(sum(r.spend_cents), 0), 'ad_revenue_cents', coalesce(sum(r.revenue_cents), 0),
    'roas', case when sum(r.spend_cents) > 0 then round(sum(r.revenue_cents)::numeric / sum(r.spend_cents), 2) end)
  from private.ad_rollup_current(p_workspace_id, p_to - 6, p_to) r
$function$;
comment on function private.workspace_week_figures(uuid,date) is 'Orders, revenue (net of refunds) and ad spend, revenue and ROAS over the 7 days ending p_to (UTC), for prompts.';
