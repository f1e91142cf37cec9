-- Dashboards that are fresh and typed truthfully.
-- 1. Fresh: the platform/day views, blended ROAS and the ROAS tile read the per-day rollup,
--    which pg_cron refreshes hourly; right after ingest_ad_metrics they showed zeros. They now
--    read private.ad_rollup_current(), the rollup with every still-queued day recomputed from
--    the campaign-level rows at read time (the queue is small: what changed since the last
--    refresh). The hourly refresh stays for bulk, and incremental = full rebuild still holds.
-- 2. Typed: `returns table (...)` makes the generator type every column non-null, but ROAS, CPA,
--    CTR, MER ... are NULL on a zero denominator. The RPCs now return composite types, whose
--    attributes the generator types as nullable (the only nullable row shape it honours besides
--    views), so `row.mer.toFixed(2)` no longer compiles.

create function private.ad_rollup_current(p_workspace_id uuid, p_from date, p_to date)
returns table (platform public.ad_platform, day date, spend_cents bigint, impressions bigint, clicks bigint,
               conversions numeric, revenue_cents bigint, campaigns integer)
language plpgsql stable security definer set search_path = '' as $$
begin
  -- Signed-in users and anon must be viewers of the workspace; service_role and jobs read any.
  if coalesce((select auth.role()), '') in ('authenticated', 'anon')
     and not (p_workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'you need the viewer role in this workspace' using errcode = '42501';
  end if;
  return query
    select r.platform, r.day, r.spend_cents, r.impressions, r.clicks, r.conversions, r.revenue_cents, r.campaigns
    from public.ad_metrics_rollup_daily r
    where r.workspace_id = p_workspace_id and r.day between p_from and p_to
      and not exists (select 1 from private.ad_rollup_dirty d
                      where d.workspace_id = r.workspace_id and d.platform = r.platform and d.day = r.day)
    union all
    select m.platform, m.day, sum(m.spend_cents)::bigint, sum(m.impressions)::bigint, sum(m.clicks)::bigint,
           sum(m.conversions), sum(m.revenue_cents)::bigint, count(*)::integer
    from private.ad_rollup_dirty d
    join public.ad_metrics_daily m
      on m.workspace_id = d.workspace_id and m.platform = d.platform and m.day = d.day and m.level = 'campaign'
    where d.workspace_id = p_workspace_id and d.day between p_from and p_to
    group by m.platform, m.day;
end $$;
comment on function private.ad_rollup_current(uuid, date, date) is 'The ads rollup of one workspace and date range as of now: stored days, with the days still queued for the hourly refresh recomputed from campaign-level rows. For viewers of the workspace.';
revoke all on function private.ad_rollup_current(uuid, date, date) from public;
grant execute on function private.ad_rollup_current(uuid, date, date) to authenticated, service_role;

create type public.ads_dashboard_row as (
  key text, label text, spend_cents bigint, revenue_cents bigint, impressions bigint, clicks bigint,
  conversions numeric, roas numeric, cpa_cents numeric, ctr numeric);
comment on type public.ads_dashboard_row is 'One row of ads_dashboard. Never null: key, label and the sums. NULL on a zero denominator: roas (no spend), cpa_cents (no conversions), ctr (no impressions).';

create type public.ads_blended_roas_row as (
  ad_spend_cents bigint, platform_revenue_cents bigint, order_revenue_cents bigint, orders bigint,
  platform_roas numeric, mer numeric);
comment on type public.ads_blended_roas_row is 'ads_blended_roas'' single row. The sums are never null (0 without data); platform_roas and mer are NULL without spend.';

create type public.ads_roas_tile_row as (
  spend_cents bigint, revenue_cents bigint, roas numeric, previous_roas numeric, change numeric);
comment on type public.ads_roas_tile_row is 'ads_roas_tile''s single row. spend and revenue never null; roas NULL without spend in the last 30 days, previous_roas without spend in the 30 before, change when either is NULL or previous_roas is 0.';

drop function public.ads_dashboard(uuid, date, date, public.ads_group_by);
create function public.ads_dashboard(p_workspace_id uuid, p_from date, p_to date, p_group_by public.ads_group_by)
returns setof public.ads_dashboard_row
language plpgsql stable set search_path = '' as $$
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  if p_group_by is null then
    raise exception 'p_group_by is required: platform, campaign or day' using errcode = '22023';
  end if;
  if p_group_by = 'campaign' then
    return query
    select c.id::text, c.name, s.spend, s.revenue, s.impr, s.clk, s.conv,
           case when s.spend > 0 then round(s.revenue::numeric / s.spend, 4) end,
           case when s.conv > 0 then round(s.spend / s.conv, 2) end,
           case when s.impr > 0 then round(s.clk::numeric / s.impr, 6) end
    from (
      select m.campaign_id, sum(m.spend_cents)::bigint as spend, sum(m.revenue_cents)::bigint as revenue,
             sum(m.impressions)::bigint as impr, sum(m.clicks)::bigint as clk, sum(m.conversions) as conv
      from public.ad_metrics_daily m
      where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between p_from and p_to
      group by m.campaign_id
    ) s join public.ad_campaigns c on c.workspace_id = p_workspace_id and c.id = s.campaign_id
    order by s.spend desc, c.name;
  else
    return query
    select s.k, s.k, s.spend, s.revenue, s.impr, s.clk, s.conv,
           case when s.spend > 0 then round(s.revenue::numeric / s.spend, 4) end,
           case when s.conv > 0 then round(s.spend / s.conv, 2) end,
           case when s.impr > 0 then round(s.clk::numeric / s.impr, 6) end
    from (
      select case when p_group_by = 'platform' then r.platform::text else r.day::text end as k,
             sum(r.spend_cents)::bigint as spend, sum(r.revenue_cents)::bigint as revenue,
             sum(r.impressions)::bigint as impr, sum(r.clicks)::bigint as clk, sum(r.conversions) as conv
      from private.ad_rollup_current(p_workspace_id, p_from, p_to) r
      group by 1
    ) s
    order by case when p_group_by = 'day' then s.k end, s.spend desc;
  end if;
end $$;
comment on function public.ads_dashboard(uuid, date, date, public.ads_group_by) is 'Spend, revenue, ROAS, CPA and CTR for a date range (at most 732 days), one row per platform, campaign or day (trend). Reflects every committed write. Viewers and up.';

drop function public.ads_blended_roas(uuid, date, date);
create function public.ads_blended_roas(p_workspace_id uuid, p_from date, p_to date)
returns setof public.ads_blended_roas_row
language plpgsql stable set search_path = '' as $$
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  return query
  with spend as (
    select coalesce(sum(r.spend_cents), 0)::bigint as spend, coalesce(sum(r.revenue_cents), 0)::bigint as revenue
    from private.ad_rollup_current(p_workspace_id, p_from, p_to) r
  ), sales as (
    select coalesce(sum(o.net_revenue_cents), 0)::bigint as revenue, coalesce(sum(o.orders), 0)::bigint as n
    from public.order_revenue_daily o
    where o.workspace_id = p_workspace_id and o.day between p_from and p_to
  )
  select spend.spend, spend.revenue, sales.revenue, sales.n,
         case when spend.spend > 0 then round(spend.revenue::numeric / spend.spend, 4) end,
         case when spend.spend > 0 then round(sales.revenue::numeric / spend.spend, 4) end
  from spend, sales;
end $$;
comment on function public.ads_blended_roas(uuid, date, date) is 'Blended view: ad spend against the platforms'' claimed revenue (platform ROAS) and against all order revenue (MER = order revenue / ad spend). NULL ratios when there was no spend. Assumes one currency per workspace.';

drop function public.ads_roas_tile(uuid, date);
create function public.ads_roas_tile(p_workspace_id uuid, p_today date default current_date)
returns setof public.ads_roas_tile_row
language plpgsql stable set search_path = '' as $$
begin
  if p_today is null then
    raise exception 'p_today is required' using errcode = '22023';
  end if;
  perform private.check_date_range(p_workspace_id, p_today - 60, p_today - 1);
  return query
  with w as (
    select sum(r.spend_cents) filter (where r.day >= p_today - 30) as spend,
           sum(r.revenue_cents) filter (where r.day >= p_today - 30) as revenue,
           sum(r.spend_cents) filter (where r.day < p_today - 30) as prev_spend,
           sum(r.revenue_cents) filter (where r.day < p_today - 30) as prev_revenue
    from private.ad_rollup_current(p_workspace_id, p_today - 60, p_today - 1) r
  ), k as (
    select coalesce(w.spend, 0)::bigint as spend, coalesce(w.revenue, 0)::bigint as revenue,
           case when w.spend > 0 then round(w.revenue::numeric / w.spend, 4) end as roas,
           case when w.prev_spend > 0 then round(w.prev_revenue::numeric / w.prev_spend, 4) end as prev
    from w
  )
  select k.spend, k.revenue, k.roas, k.prev,
         case when k.prev > 0 then round((k.roas - k.prev) / k.prev, 4) end
  from k;
end $$;
comment on function public.ads_roas_tile(uuid, date) is 'HotDash''s "ROAS tile: last 30 days": spend, revenue and ROAS of the 30 days before p_today (days p_today-30 .. p_today-1), the 30 days before that (p_today-60 .. p_today-31), and the relative change.';

grant execute on function public.ads_dashboard(uuid, date, date, public.ads_group_by) to authenticated, service_role;
grant execute on function public.ads_blended_roas(uuid, date, date) to authenticated, service_role;
grant execute on function public.ads_roas_tile(uuid, date) to authenticated, service_role;

-- ===== reorder points: sku, on_hand, reorder_point and weeks_of_supply can be NULL
create type public.reorder_point_row as (
  product_id uuid, sku text, title text, on_hand integer, reorder_point numeric, weeks_of_supply numeric);
comment on type public.reorder_point_row is 'A SKU below its reorder point. product_id and title never null; sku NULL for variants without one, on_hand without a snapshot, reorder_point without a lead time, weeks_of_supply without demand.';

drop function public.recompute_reorder_points(uuid, date);
create function public.recompute_reorder_points(p_workspace_id uuid, p_as_of date default current_date)
returns setof public.reorder_point_row
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null or p_as_of is null then
    raise exception 'workspace and as_of are required' using errcode = '22023';
  end if;
  if current_user in ('authenticated', 'anon') then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  perform private.compute_reorder_points(p_workspace_id, p_as_of);
  return query
  select r.product_id, p.sku, p.title, r.on_hand, r.reorder_point, r.weeks_of_supply
  from public.reorder_points r join public.products p on p.id = r.product_id
  where r.workspace_id = p_workspace_id and r.below_reorder_point
  order by r.weeks_of_supply nulls first, p.sku;
end $$;
comment on function public.recompute_reorder_points(uuid, date) is 'Members: recompute the workspace''s reorder points as of a day and list the SKUs below their reorder point.';
grant execute on function public.recompute_reorder_points(uuid, date) to authenticated, service_role;
