create table public.ad_metrics_rollup_daily (
  workspace_id uuid not null,
  platform public.ad_platform not null,
  day date not null,
  spend_cents bigint not null,
  impressions bigint not null,
  clicks bigint not null,
  conversions numeric(20,4) not null,
  revenue_cents bigint not null,
  campaigns integer not null,
  refreshed_at timestamp with time zone default now() not null,
  constraint "ad_metrics_rollup_daily_pkey" PRIMARY KEY (workspace_id, platform, day),
  constraint "ad_metrics_rollup_daily_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.ad_metrics_rollup_daily is 'Sum of campaign-level ad_metrics_daily per workspace, platform and day. Kept by private.refresh_ad_rollup() (pg_cron, hourly) for the days whose source rows changed; private.rebuild_ad_rollup() recomputes everything and must agree.';
comment on column public.ad_metrics_rollup_daily.campaigns is 'How many campaigns reported that day.';

alter table public.ad_metrics_rollup_daily enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.ad_metrics_rollup_daily to service_role;
grant select on public.ad_metrics_rollup_daily to authenticated;

create policy "viewers read" on public.ad_metrics_rollup_daily for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON public.ad_metrics_rollup_daily FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
