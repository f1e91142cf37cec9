create table private.ad_campaign_running_totals (
  workspace_id uuid not null,
  campaign_id uuid not null,
  day date not null,
  rows_upto bigint default 0 not null,
  spend_cents bigint default 0 not null,
  revenue_cents bigint default 0 not null,
  impressions bigint default 0 not null,
  clicks bigint default 0 not null,
  conversions numeric default 0 not null,
  constraint "ad_campaign_running_totals_pkey" PRIMARY KEY (workspace_id, campaign_id, day),
  constraint "ad_campaign_running_totals_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.ad_campaigns(workspace_id, id) ON DELETE CASCADE
);
comment on table private.ad_campaign_running_totals is 'Per campaign and day, dense from its first to its last day with campaign-level rows: the running totals of those rows up to and including that day (rows, spend, revenue, impressions, clicks, conversions). Kept by private.apply_ad_campaign_deltas (statement triggers on ad_metrics_daily); read by the campaign dashboard (private.ads_campaign_totals).';

alter table private.ad_campaign_running_totals enable row level security;

CREATE INDEX ad_campaign_running_totals_day_idx ON private.ad_campaign_running_totals USING btree (workspace_id, day) INCLUDE (campaign_id, rows_upto, spend_cents, revenue_cents, impressions, clicks, conversions);

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON private.ad_campaign_running_totals FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
