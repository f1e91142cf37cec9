create table public.ops_settings (
  workspace_id uuid not null,
  log_retention_days integer default 30 not null,
  resolved_error_retention_days integer default 90 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "ops_settings_pkey" PRIMARY KEY (workspace_id),
  constraint "ops_settings_log_retention_days_check" CHECK (((log_retention_days >= 1) AND (log_retention_days <= 365))),
  constraint "ops_settings_resolved_error_retention_days_check" CHECK (((resolved_error_retention_days >= 1) AND (resolved_error_retention_days <= 3650))),
  constraint "ops_settings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.ops_settings is 'Per-workspace ops retention; without a row: logs 30 days, resolved or ignored errors 90 days after they were last seen.';

alter table public.ops_settings enable row level security;
grant insert, select, update, delete on public.ops_settings to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.ops_settings to service_role;

create policy "admins add" on public.ops_settings for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.ops_settings for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.ops_settings for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.ops_settings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ops_settings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ops_settings FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
