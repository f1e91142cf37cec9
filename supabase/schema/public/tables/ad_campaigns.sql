create table public.ad_campaigns (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  ad_account_id uuid,
  platform public.ad_platform not null,
  external_id text not null,
  name text not null,
  objective text,
  status public.ad_status default 'active'::public.ad_status not null,
  daily_budget_cents bigint,
  total_budget_cents bigint,
  bid_strategy text,
  target_roas numeric(10,2),
  start_date date,
  end_date date,
  utm_source text,
  utm_medium text,
  utm_campaign text,
  metadata jsonb default '{}'::jsonb not null,
  campaign_id uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  last_synced_at timestamp with time zone,
  constraint "ad_campaigns_pkey" PRIMARY KEY (id),
  constraint "ad_campaigns_bid_strategy_check" CHECK ((char_length(bid_strategy) <= 64)),
  constraint "ad_campaigns_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.campaigns(workspace_id, id) ON DELETE SET NULL (campaign_id),
  constraint "ad_campaigns_check" CHECK (((end_date IS NULL) OR (start_date IS NULL) OR (end_date >= start_date))),
  constraint "ad_campaigns_daily_budget_cents_check" CHECK ((daily_budget_cents >= 0)),
  constraint "ad_campaigns_external_id_check" CHECK (((char_length(external_id) >= 1) AND (char_length(external_id) <= 64))),
  constraint "ad_campaigns_metadata_check" CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint "ad_campaigns_name_check" CHECK (((char_length(name) >= 1) AND (char_length(name) <= 500))),
  constraint "ad_campaigns_objective_check" CHECK ((char_length(objective) <= 64)),
  constraint "ad_campaigns_target_roas_check" CHECK ((target_roas >= (0)::numeric)),
  constraint "ad_campaigns_total_budget_cents_check" CHECK ((total_budget_cents >= 0)),
  constraint "ad_campaigns_utm_campaign_check" CHECK ((char_length(utm_campaign) <= 256)),
  constraint "ad_campaigns_utm_medium_check" CHECK ((char_length(utm_medium) <= 256)),
  constraint "ad_campaigns_utm_source_check" CHECK ((char_length(utm_source) <= 256)),
  constraint "ad_campaigns_workspace_id_ad_account_id_fkey" FOREIGN KEY (workspace_id, ad_account_id) REFERENCES public.ad_accounts(workspace_id, id) ON DELETE SET NULL (ad_account_id),
  constraint "ad_campaigns_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "ad_campaigns_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "ad_campaigns_workspace_id_platform_external_id_key" UNIQUE (workspace_id, platform, external_id)
);
comment on table public.ad_campaigns is 'Campaigns as the platforms define them; one row per platform campaign.';
comment on column public.ad_campaigns.total_budget_cents is 'Lifetime budget, when the campaign has one instead of (or besides) a daily budget.';
comment on column public.ad_campaigns.target_roas is 'Target return on ad spend, e.g. 3.00 = 3x.';
comment on column public.ad_campaigns.utm_campaign is 'The utm_campaign its ads link with; joins orders to campaigns.';
comment on column public.ad_campaigns.campaign_id is 'The marketing campaign (public.campaigns) this ad campaign belongs to, in the same workspace; null when unassigned.';
comment on column public.ad_campaigns.last_synced_at is 'When the platform''s description of this campaign was fetched by the ads sync (null: entered by hand); an older page never overwrites a newer one.';

alter table public.ad_campaigns enable row level security;
grant insert, select, update, delete on public.ad_campaigns to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.ad_campaigns to service_role;

CREATE INDEX ad_campaigns_ad_account_id_idx ON public.ad_campaigns USING btree (workspace_id, ad_account_id);
CREATE INDEX ad_campaigns_campaign_id_idx ON public.ad_campaigns USING btree (workspace_id, campaign_id);
CREATE INDEX ad_campaigns_workspace_utm_idx ON public.ad_campaigns USING btree (workspace_id, utm_campaign) WHERE (utm_campaign IS NOT NULL);

create policy "members add" on public.ad_campaigns for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.ad_campaigns for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.ad_campaigns for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.ad_campaigns for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ad_campaigns FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ad_campaigns FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
