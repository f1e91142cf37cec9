CREATE OR REPLACE FUNCTION private.ad_campaign_delta_rows(p_workspace_ids uuid[], p_campaign_ids uuid[], p_days date[], p_rows bigint[], p_spend bigint[], p_revenue bigint[], p_impressions bigint[], p_clicks bigint[], p_conversions numeric[])
 RETURNS TABLE(workspace_id uuid, campaign_id uuid, day date, n bigint, spend bigint, revenue bigint, impr bigint, clk bigint, conv numeric)
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select d.w, d.c, d.d, sum(d.n)::bigint, sum(d.s)::bigint, sum(d.r)::bigint, sum(d.i)::bigint, sum(d.k)::bigint, sum(d.v)
  from unnest(p_workspace_ids, p_campaign_ids, p_days, p_rows, p_spend, p_revenue, p_impressions, p_clicks, p_conversions)
    as d (w, c, d, n, s, r, i, k, v)
  where exists (select 1 from public.ad_campaigns a where a.workspace_id = d.w and a.id = d.c)
  group by 1, 2, 3
$function$;
comment on function private.ad_campaign_delta_rows(uuid[],uuid[],date[],bigint[],bigint[],bigint[],bigint[],bigint[],numeric[]) is 'The given signed differences summed per (campaign, day), for campaigns that still exist.';
