-- The campaign dashboard flat in data size. It sums campaign-level rows per campaign over the
-- date range, but `level` was in no index: a year of one workspace's rows was read from the heap
-- with every ad-level row of those days (1M rows, 365 days: 231 ms). A partial covering index
-- on the campaign-level rows answers it from the index alone, reading campaigns x days entries
-- whatever the number of ad, ad group and account rows beside them.
create index ad_metrics_daily_campaign_level_idx on public.ad_metrics_daily (workspace_id, day)
  include (campaign_id, spend_cents, revenue_cents, impressions, clicks, conversions)
  where level = 'campaign';
comment on index public.ad_metrics_daily_campaign_level_idx is 'Campaign-level rows by workspace and day, covering what ads_dashboard by campaign sums (index-only scans).';
