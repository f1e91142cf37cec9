create table public.campaign_metrics (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  campaign_id uuid not null,
  day date not null,
  channel public.marketing_channel not null,
  currency character(3) default 'USD'::bpchar not null,
  spend_cents bigint default 0 not null,
  revenue_cents bigint default 0 not null,
  impressions bigint default 0 not null,
  clicks bigint default 0 not null,
  engagements bigint default 0 not null,
  leads integer default 0 not null,
  conversions numeric(18,4) default 0 not null,
  metadata jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "campaign_metrics_pkey" PRIMARY KEY (id),
  constraint "campaign_metrics_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.campaigns(workspace_id, id) ON DELETE CASCADE,
  constraint "campaign_metrics_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "currency is a three-letter ISO code" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "metadata is a JSON object" CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint "metric counts and amounts cannot be negative" CHECK (((spend_cents >= 0) AND (revenue_cents >= 0) AND (impressions >= 0) AND (clicks >= 0) AND (engagements >= 0) AND (leads >= 0) AND (conversions >= (0)::numeric))),
  constraint "one metrics row per campaign, day and channel" UNIQUE (campaign_id, day, channel)
);
comment on table public.campaign_metrics is 'Daily figures of a marketing campaign per channel that no ad platform reports (email, events, influencers, organic) or that were entered by hand. Spend of linked ad campaigns comes from ad_metrics_daily; do not copy it here. Upsert on (campaign_id, day, channel).';
comment on column public.campaign_metrics.engagements is 'Likes, shares, replies, opens: interactions short of a click.';
comment on column public.campaign_metrics.conversions is 'Fractional under data-driven attribution.';

alter table public.campaign_metrics enable row level security;
grant insert, select, update, delete on public.campaign_metrics to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.campaign_metrics to service_role;

CREATE INDEX campaign_metrics_campaign_day_idx ON public.campaign_metrics USING btree (workspace_id, campaign_id, day);

create policy "members add" on public.campaign_metrics for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.campaign_metrics for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.campaign_metrics for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.campaign_metrics for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.campaign_metrics FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.campaign_metrics FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
