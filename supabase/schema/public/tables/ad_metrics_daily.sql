create table public.ad_metrics_daily (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  platform public.ad_platform not null,
  level public.ad_level not null,
  object_id uuid not null,
  ad_account_id uuid,
  campaign_id uuid,
  ad_group_id uuid,
  ad_id uuid,
  day date not null,
  currency character(3) default 'USD'::bpchar not null,
  spend_cents bigint default 0 not null,
  impressions bigint default 0 not null,
  clicks bigint default 0 not null,
  conversions numeric(18,4) default 0 not null,
  revenue_cents bigint default 0 not null,
  cpc_cents numeric(20,2),
  cpa_cents numeric(20,2),
  cpm_cents numeric(20,2),
  roas numeric(20,4),
  ctr numeric(12,6),
  cvr numeric(20,6),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "ad_metrics_daily_pkey" PRIMARY KEY (id),
  constraint "ad_metrics_daily_check" CHECK ((clicks <= impressions)),
  constraint "ad_metrics_daily_clicks_check" CHECK ((clicks >= 0)),
  constraint "ad_metrics_daily_conversions_check" CHECK ((conversions >= (0)::numeric)),
  constraint "ad_metrics_daily_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "ad_metrics_daily_impressions_check" CHECK ((impressions >= 0)),
  constraint "ad_metrics_daily_revenue_cents_check" CHECK ((revenue_cents >= 0)),
  constraint "ad_metrics_daily_spend_cents_check" CHECK ((spend_cents >= 0)),
  constraint "ad_metrics_daily_workspace_id_ad_account_id_fkey" FOREIGN KEY (workspace_id, ad_account_id) REFERENCES public.ad_accounts(workspace_id, id) ON DELETE CASCADE,
  constraint "ad_metrics_daily_workspace_id_ad_group_id_fkey" FOREIGN KEY (workspace_id, ad_group_id) REFERENCES public.ad_groups(workspace_id, id) ON DELETE CASCADE,
  constraint "ad_metrics_daily_workspace_id_ad_id_fkey" FOREIGN KEY (workspace_id, ad_id) REFERENCES public.ads(workspace_id, id) ON DELETE CASCADE,
  constraint "ad_metrics_daily_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.ad_campaigns(workspace_id, id) ON DELETE CASCADE,
  constraint "ad_metrics_daily_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "ad_metrics_daily_workspace_id_object_id_day_key" UNIQUE (workspace_id, object_id, day),
  constraint "an ad metric's object is its level's object" CHECK ((NOT (object_id IS DISTINCT FROM
CASE level
    WHEN 'account'::public.ad_level THEN ad_account_id
    WHEN 'campaign'::public.ad_level THEN campaign_id
    WHEN 'ad_group'::public.ad_level THEN ad_group_id
    ELSE ad_id
END)))
);
comment on table public.ad_metrics_daily is 'One row per ad object (account, campaign, ad group or ad) per day. KPIs are derived by private.derive_ad_kpis(); each is NULL when its denominator is zero.';
comment on column public.ad_metrics_daily.object_id is 'The id of the row''s level object (ad_account_id, campaign_id, ad_group_id or ad_id, which must be set and belongs to the same workspace); one row per workspace, object and day.';
comment on column public.ad_metrics_daily.conversions is 'Platform-reported conversions; fractional under data-driven attribution.';
comment on column public.ad_metrics_daily.cpc_cents is 'spend_cents / clicks, rounded half away from zero to 2 decimals (hundredths of a cent); NULL when clicks = 0.';
comment on column public.ad_metrics_daily.cpa_cents is 'spend_cents / conversions, rounded half away from zero to 2 decimals; NULL when conversions = 0.';
comment on column public.ad_metrics_daily.cpm_cents is 'spend_cents * 1000 / impressions, rounded half away from zero to 2 decimals; NULL when impressions = 0.';
comment on column public.ad_metrics_daily.roas is 'revenue_cents / spend_cents, rounded half away from zero to 4 decimals; NULL when spend_cents = 0.';
comment on column public.ad_metrics_daily.ctr is 'clicks / impressions as a ratio (0.0123 = 1.23%), rounded half away from zero to 6 decimals; NULL when impressions = 0.';
comment on column public.ad_metrics_daily.cvr is 'conversions / clicks as a ratio, rounded half away from zero to 6 decimals; may exceed 1 (view-through conversions); NULL when clicks = 0.';

alter table public.ad_metrics_daily enable row level security;
grant insert, select, update, delete on public.ad_metrics_daily to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.ad_metrics_daily to service_role;

CREATE INDEX ad_metrics_daily_ad_account_id_idx ON public.ad_metrics_daily USING btree (workspace_id, ad_account_id);
CREATE INDEX ad_metrics_daily_ad_group_id_idx ON public.ad_metrics_daily USING btree (workspace_id, ad_group_id);
CREATE INDEX ad_metrics_daily_ad_id_idx ON public.ad_metrics_daily USING btree (workspace_id, ad_id);
CREATE INDEX ad_metrics_daily_campaign_day_idx ON public.ad_metrics_daily USING btree (workspace_id, campaign_id, day);
CREATE INDEX ad_metrics_daily_campaign_level_idx ON public.ad_metrics_daily USING btree (workspace_id, day) INCLUDE (campaign_id, spend_cents, revenue_cents, impressions, clicks, conversions) WHERE (level = 'campaign'::public.ad_level);
comment on index public.ad_metrics_daily_campaign_level_idx is 'Campaign-level rows by workspace and day, covering what ads_dashboard by campaign sums (index-only scans).';
CREATE INDEX ad_metrics_daily_workspace_day_idx ON public.ad_metrics_daily USING btree (workspace_id, day);

create policy "members add" on public.ad_metrics_daily for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.ad_metrics_daily for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.ad_metrics_daily for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.ad_metrics_daily for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER ad_campaign_totals_del AFTER DELETE ON public.ad_metrics_daily REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.ad_campaign_rows_changed();
CREATE TRIGGER ad_campaign_totals_ins AFTER INSERT ON public.ad_metrics_daily REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.ad_campaign_rows_changed();
CREATE TRIGGER ad_campaign_totals_upd AFTER UPDATE ON public.ad_metrics_daily REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.ad_campaign_rows_changed();
CREATE TRIGGER derive_ad_kpis BEFORE INSERT OR UPDATE ON public.ad_metrics_daily FOR EACH ROW EXECUTE FUNCTION private.derive_ad_kpis();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ad_metrics_daily FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER mark_ad_rollup_dirty_del AFTER DELETE ON public.ad_metrics_daily REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.mark_ad_rollup_dirty();
CREATE TRIGGER mark_ad_rollup_dirty_ins AFTER INSERT ON public.ad_metrics_daily REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.mark_ad_rollup_dirty();
CREATE TRIGGER mark_ad_rollup_dirty_upd AFTER UPDATE ON public.ad_metrics_daily REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.mark_ad_rollup_dirty();
CREATE TRIGGER note_ad_metric_currencies_ins AFTER INSERT ON public.ad_metrics_daily REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.note_ad_metric_currencies();
CREATE TRIGGER note_ad_metric_currencies_upd AFTER UPDATE ON public.ad_metrics_daily REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.note_ad_metric_currencies();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ad_metrics_daily FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
