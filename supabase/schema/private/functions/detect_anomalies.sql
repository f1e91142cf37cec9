CREATE OR REPLACE FUNCTION private.detect_anomalies(p_workspace_id uuid, p_day date)
 RETURNS jsonb
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  with ads as (
    select r.day, sum(r.spend_cents) as spend, sum(r.revenue_cents) as revenue
    from private.ad_rollup_current(p_workspace_id, p_day - 14, p_day) r group by r.day
  ), base as (
    select avg(spend) as spend, sum(revenue)::numeric / nullif(sum(spend), 0) as roas from ads where day < p_day
  ), today as (
    select coalesce(sum(spend), 0) as spend, sum(revenue)::numeric / nullif(sum(spend), 0) as roas from ads where day = p_day
  ), cr as (
    select avg(f.value) filter (where f.period_start < p_day::timestamp at time zone 'UTC') as base,
           avg(f.value) filter (where f.period_start = p_day::timestamp at time zone 'UTC') as today
    from public.dashboard_facts f
    where f.workspace_id = p_workspace_id and f.metric = 'conversion_rate_bp' and f.period = 'day' and f.dimensions = '{}'
      and f.period_start >= (p_day - 14)::timestamp at time zone 'UTC' and f.period_start < (p_day + 1)::timestamp at time zone 'UTC'
  ), found as (
    select jsonb_build_object('metric', 'ad_spend_cents', 'day', p_day, 'value', t.spend, 'baseline', round(b.spend),
             'change_pct', private.pct_change(b.spend, t.spend), 'direction', case when t.spend > b.spend then 'up' else 'down' end) as a
    from today t, base b where b.spend >= 1000 and private.pct_change(b.spend, t.spend) >= 50
    union all
    select jsonb_build_object('metric', 'roas', 'day', p_day, 'value', round(t.roas, 2), 'baseline', round(b.roas, 2),
             'change_pct', private.pct_change(b.roas, t.roas), 'direction', case when t.roas > b.roas then 'up' else 'down' end)
    from today t, base b where t.roas is not null and b.roas > 0 and private.pct_change(b.roas, t.roas) >= 40
    union all
    select jsonb_build_object('metric', 'conversion_rate_bp', 'day', p_day, 'value', round(c.today), 'baseline', round(c.base),
             'change_pct', private.pct_change(c.base, c.today), 'direction', case when c.today > c.base then 'up' else 'down' end)
    from cr c where c.base > 0 and c.today is not null and private.pct_change(c.base, c.today) >= 30
    union all
    select jsonb_build_object('metric', 'stock_out', 'product_id', p.id, 'product', p.title, 'sku', p.sku, 'on_hand', rp.on_hand,
             'weeks_of_supply', rp.weeks_of_supply, 'reorder_point', rp.reorder_point)
    from public.reorder_points rp join public.products p on p.workspace_id = rp.workspace_id and p.id = rp.product_id
    where rp.workspace_id = p_workspace_id and p.status = 'active'
      and (rp.on_hand <= 0 or (rp.below_reorder_point and rp.weeks_of_supply < 1))
  )
  select coalesce(jsonb_agg(a), '[]') from (select a from found limit 30) x
$function$;
comment on function private.detect_anomalies(uuid,date) is 'What moved on p_day against the 14 days before: ad spend by 50% or more (from $10 a day), ROAS by 40% or more, conversion rate (dashboard_facts conversion_rate_bp) by 30% or more, and active products out of stock or under a week of supply below their reorder point. At most 30.';
grant execute on function private.detect_anomalies(uuid,date) to service_role;
