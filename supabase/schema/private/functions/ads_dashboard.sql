CREATE OR REPLACE FUNCTION private.ads_dashboard(p_workspace_id uuid, p_from date, p_to date, p_group_by public.ads_group_by)
 RETURNS SETOF private.ads_dashboard_row
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.ads_dashboard(uuid,date,date,public.ads_group_by) is 'What public.ads_dashboard returns, read as the owner after one membership check (see the header).';
grant execute on function private.ads_dashboard(uuid,date,date,public.ads_group_by) to authenticated;
grant execute on function private.ads_dashboard(uuid,date,date,public.ads_group_by) to service_role;
