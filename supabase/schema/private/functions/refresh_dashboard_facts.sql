CREATE OR REPLACE FUNCTION private.refresh_dashboard_facts(p_day date DEFAULT (CURRENT_DATE - 1))
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
  day_start timestamptz := p_day::timestamp at time zone 'UTC';
  day_end timestamptz := (p_day + 1)::timestamp at time zone 'UTC';
begin
  insert into public.dashboard_facts as f (workspace_id, metric, period, period_start, dimensions, value, unit, currency, source)
  select x.workspace_id, x.metric, 'day', day_start, x.dimensions, x.value, x.unit, x.currency, 'refresh_dashboard_facts'
  from (
    select r.workspace_id, 'revenue.net' as metric, jsonb_build_object('currency', r.currency) as dimensions,
           r.net_revenue_cents::numeric as value, 'cents' as unit, r.currency::char(3) as currency
    from public.order_revenue_daily r where r.day = p_day
    union all
    select r.workspace_id, 'orders', jsonb_build_object('currency', r.currency), r.orders, 'count', null
    from public.order_revenue_daily r where r.day = p_day
    union all
    select a.workspace_id, 'ads.spend', jsonb_build_object('platform', a.platform), a.spend_cents, 'cents', null
    from public.ad_metrics_rollup_daily a where a.day = p_day
    union all
    select a.workspace_id, 'ads.revenue', jsonb_build_object('platform', a.platform), a.revenue_cents, 'cents', null
    from public.ad_metrics_rollup_daily a where a.day = p_day
    union all
    select a.workspace_id, 'approvals.proposed', '{}'::jsonb, count(*), 'count', null
    from public.agent_approvals a where a.created_at >= day_start and a.created_at < day_end group by a.workspace_id
    union all
    select a.workspace_id, 'approvals.decided', jsonb_build_object('status', a.status), count(*), 'count', null
    from public.agent_approvals a
    where a.decided_at >= day_start and a.decided_at < day_end and a.status in ('approved', 'rejected', 'expired')
    group by a.workspace_id, a.status
    union all
    select q.workspace_id, 'agents.cost', '{}'::jsonb, sum(q.cost_micros), 'micros', 'USD'
    from public.agent_queries q where q.created_at >= day_start and q.created_at < day_end and q.cost_micros is not null
    group by q.workspace_id
  ) x
  on conflict (workspace_id, metric, period, period_start, dimensions) do update set
    value = excluded.value, unit = excluded.unit, currency = excluded.currency, computed_at = now();
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.refresh_dashboard_facts(date) is 'pg_cron job dashboard-facts (daily, for yesterday): upserts the standard daily facts of every workspace (revenue.net and orders per currency, ads.spend and ads.revenue per platform, approvals.proposed, approvals.decided per status, agents.cost). Idempotent; returns rows written.';
grant execute on function private.refresh_dashboard_facts(date) to service_role;
