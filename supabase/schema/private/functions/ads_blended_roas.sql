CREATE OR REPLACE FUNCTION private.ads_blended_roas(p_workspace_id uuid, p_from date, p_to date)
 RETURNS SETOF private.ads_blended_roas_row
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.ads_blended_roas(uuid,date,date) is 'What public.ads_blended_roas returns, read as the owner after one membership check (see the header).';
grant execute on function private.ads_blended_roas(uuid,date,date) to authenticated;
grant execute on function private.ads_blended_roas(uuid,date,date) to service_role;
