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
    select c.id::text, c.name, s.spend_cents, s.revenue_cents, s.impressions, s.clicks, s.conversions,
           case when s.spend_cents > 0 then round(s.revenue_cents::numeric / s.spend_cents, 4) end,
           case when s.conversions > 0 then round(s.spend_cents / s.conversions, 2) end,
           case when s.impressions > 0 then round(s.clicks::numeric / s.impressions, 6) end
    from private.ads_campaign_totals(p_workspace_id, p_from, p_to) s
    join public.ad_campaigns c on c.workspace_id = p_workspace_id and c.id = s.campaign_id
    order by s.spend_cents desc, c.name;
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
