CREATE OR REPLACE FUNCTION private.ads_campaign_totals(p_workspace_id uuid, p_from date, p_to date)
 RETURNS TABLE(campaign_id uuid, spend_cents bigint, revenue_cents bigint, impressions bigint, clicks bigint, conversions numeric)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
#variable_conflict use_column
begin
  -- PL/pgSQL keeps the plan (a SQL definer function is planned on every call)
  return query
  select s.campaign_id,
         coalesce(h.spend_cents, s.spend_cents) - coalesce(l.spend_cents, 0),
         coalesce(h.revenue_cents, s.revenue_cents) - coalesce(l.revenue_cents, 0),
         coalesce(h.impressions, s.impressions) - coalesce(l.impressions, 0),
         coalesce(h.clicks, s.clicks) - coalesce(l.clicks, 0),
         coalesce(h.conversions, s.conversions) - coalesce(l.conversions, 0)
  from private.ad_campaign_spans s
  left join (select t.* from private.ad_campaign_running_totals t where t.workspace_id = p_workspace_id and t.day = p_to) h
    on h.campaign_id = s.campaign_id
  left join (select t.* from private.ad_campaign_running_totals t where t.workspace_id = p_workspace_id and t.day = p_from - 1) l
    on l.campaign_id = s.campaign_id
  where s.workspace_id = p_workspace_id and s.first_day <= p_to and s.last_day >= p_from
    and coalesce(h.rows_upto, s.rows_total) - coalesce(l.rows_upto, 0) > 0;
end $function$;
comment on function private.ads_campaign_totals(uuid,date,date) is 'Per campaign with campaign-level rows in [from, to]: the sums over the range from the running totals (total at to minus total before from). No membership check: only private.ads_dashboard calls it, after its own.';
