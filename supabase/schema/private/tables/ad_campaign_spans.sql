create table private.ad_campaign_spans (
  campaign_id uuid not null,
  workspace_id uuid not null,
  first_day date not null,
  last_day date not null,
  rows_total bigint default 0 not null,
  spend_cents bigint default 0 not null,
  revenue_cents bigint default 0 not null,
  impressions bigint default 0 not null,
  clicks bigint default 0 not null,
  conversions numeric default 0 not null,
  constraint "ad_campaign_spans_pkey" PRIMARY KEY (workspace_id, campaign_id),
  constraint "ad_campaign_spans_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.ad_campaigns(workspace_id, id) ON DELETE CASCADE
);
comment on table private.ad_campaign_spans is 'Per campaign: the days its running totals cover (first to last day with campaign-level rows, never shrinking) and its totals (= the running totals of the last day). Kept with private.ad_campaign_running_totals.';

alter table private.ad_campaign_spans enable row level security;

CREATE INDEX ad_campaign_spans_workspace_idx ON private.ad_campaign_spans USING btree (workspace_id, first_day);

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON private.ad_campaign_spans FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
