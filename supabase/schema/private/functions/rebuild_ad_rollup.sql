CREATE OR REPLACE FUNCTION private.rebuild_ad_rollup()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  delete from private.ad_rollup_dirty;
  delete from public.ad_metrics_rollup_daily;
  insert into public.ad_metrics_rollup_daily
    (workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns)
  select m.workspace_id, m.platform, m.day, sum(m.spend_cents), sum(m.impressions), sum(m.clicks),
         sum(m.conversions), sum(m.revenue_cents), count(*)
  from public.ad_metrics_daily m
  where m.level = 'campaign'
  group by m.workspace_id, m.platform, m.day;
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.rebuild_ad_rollup() is 'Recomputes ad_metrics_rollup_daily from scratch; the incremental refresh must give the same table.';
grant execute on function private.rebuild_ad_rollup() to service_role;
