create table public.analytics_settings (
  workspace_id uuid not null,
  seo_retention_days integer default 365 not null,
  social_retention_days integer default 365 not null,
  briefing_retention_days integer default 365 not null,
  events_retention_days integer default 395 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "analytics_settings_pkey" PRIMARY KEY (workspace_id),
  constraint "analytics_settings_briefing_retention_days_check" CHECK (((briefing_retention_days >= 30) AND (briefing_retention_days <= 3650))),
  constraint "analytics_settings_events_retention_days_check" CHECK (((events_retention_days >= 30) AND (events_retention_days <= 730))),
  constraint "analytics_settings_seo_retention_days_check" CHECK (((seo_retention_days >= 30) AND (seo_retention_days <= 3650))),
  constraint "analytics_settings_social_retention_days_check" CHECK (((social_retention_days >= 30) AND (social_retention_days <= 3650))),
  constraint "analytics_settings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.analytics_settings is 'Per-workspace analytics retention; without a row: SEO audits and rankings 365 days, social analytics 365 days, CEO briefings 365 days, user analytics events 395 days.';

alter table public.analytics_settings enable row level security;
grant insert, select, update, delete on public.analytics_settings to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.analytics_settings to service_role;

create policy "admins add" on public.analytics_settings for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.analytics_settings for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.analytics_settings for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.analytics_settings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.analytics_settings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.analytics_settings FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
