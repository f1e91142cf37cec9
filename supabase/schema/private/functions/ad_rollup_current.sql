CREATE OR REPLACE FUNCTION private.ad_rollup_current(p_workspace_id uuid, p_from date, p_to date)
 RETURNS TABLE(platform public.ad_platform, day date, spend_cents bigint, impressions bigint, clicks bigint, conversions numeric, revenue_cents bigint, campaigns integer)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
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
end $function$;
comment on function private.ad_rollup_current(uuid,date,date) is 'The ads rollup of one workspace and date range as of now: stored days, with the days still queued for the hourly refresh recomputed from campaign-level rows. No membership check: only the private dashboard readers call it, after theirs.';
grant execute on function private.ad_rollup_current(uuid,date,date) to service_role;
