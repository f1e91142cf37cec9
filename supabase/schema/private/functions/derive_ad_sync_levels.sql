CREATE OR REPLACE FUNCTION private.derive_ad_sync_levels(p_workspace_id uuid, p_ad_account_id uuid, p_platform public.ad_platform, p_from date, p_to date, p_derive_from text, p_currency text)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  rows private.ad_metric_row[];
  n integer;
begin
  with src as materialized (
    select m.campaign_id, m.ad_group_id, m.day, m.spend_cents, m.impressions, m.clicks, m.conversions, m.revenue_cents
    from public.ad_metrics_daily m
    where m.workspace_id = p_workspace_id and m.day between p_from and p_to and m.ad_account_id = p_ad_account_id
      and m.platform = p_platform and m.level = p_derive_from::public.ad_level
  ), sums as (
    select 'ad_group' as level, s.ad_group_id as object_id, s.day, sum(s.spend_cents)::bigint as spend,
      sum(s.impressions)::bigint as impressions, sum(s.clicks)::bigint as clicks, sum(s.conversions) as conversions,
      sum(s.revenue_cents)::bigint as revenue
    from src s where p_derive_from = 'ad' group by s.ad_group_id, s.day
    union all
    select 'campaign', s.campaign_id, s.day, sum(s.spend_cents)::bigint, sum(s.impressions)::bigint, sum(s.clicks)::bigint,
      sum(s.conversions), sum(s.revenue_cents)::bigint
    from src s group by s.campaign_id, s.day
  )
  select coalesce(array_agg(row(0, null, p_platform, x.level::public.ad_level, x.object_id, c.ad_account_id, c.id,
           g.id, null, x.day, p_currency, x.spend, x.impressions, x.clicks, x.conversions, x.revenue)::private.ad_metric_row), '{}')
  into rows
  from sums x
  left join public.ad_groups g on x.level = 'ad_group' and g.id = x.object_id
  left join public.ad_campaigns c on c.id = case x.level when 'campaign' then x.object_id else g.campaign_id end
  -- by the unique key, row by row (limit 1 keeps the planner from flattening it): with a new
  -- account's rows not yet analyzed, a plain join was planned as a pass over the workspace's
  -- rows for every sum
  left join lateral (select d.* from public.ad_metrics_daily d
                     where d.workspace_id = p_workspace_id and d.object_id = x.object_id and d.day = x.day limit 1) d on true
  where d.day is null
     or (d.spend_cents, d.impressions, d.clicks, d.conversions, d.revenue_cents, d.currency::text)
        is distinct from (x.spend, x.impressions, x.clicks, x.conversions, x.revenue, p_currency);
  select w.inserted + w.updated into n from private.write_ad_metric_rows(p_workspace_id, rows) w;
  return n;
end $function$;
comment on function private.derive_ad_sync_levels(uuid,uuid,public.ad_platform,date,date,text,text) is 'At the end of a synced window: the ad group rows (from ad rows) and campaign rows (from the rows of p_derive_from) of its days, summed, written where they changed; returns rows written.';
