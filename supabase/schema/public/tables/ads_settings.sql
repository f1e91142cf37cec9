create table public.ads_settings (
  workspace_id uuid not null,
  metrics_retention_days integer default 730 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "ads_settings_pkey" PRIMARY KEY (workspace_id),
  constraint "ads_settings_metrics_retention_days_check" CHECK (((metrics_retention_days >= 30) AND (metrics_retention_days <= 3650))),
  constraint "ads_settings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.ads_settings is 'Per-workspace ads settings; without a row the defaults apply (730 days of metrics).';
comment on column public.ads_settings.metrics_retention_days is 'Days of ad_metrics_daily (and its rollup) kept; older rows are purged daily by pg_cron (job ads-retention).';

alter table public.ads_settings enable row level security;
grant insert, select, update, delete on public.ads_settings to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.ads_settings to service_role;

create policy "admins add" on public.ads_settings for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.ads_settings for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.ads_settings for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.ads_settings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ads_settings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ads_settings FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
