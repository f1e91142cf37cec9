create table public.inventory_settings (
  workspace_id uuid not null,
  demand_window_days integer default 28 not null,
  service_level_z numeric(4,3) default 1.650 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "inventory_settings_pkey" PRIMARY KEY (workspace_id),
  constraint "inventory_settings_demand_window_days_check" CHECK (((demand_window_days >= 7) AND (demand_window_days <= 365))),
  constraint "inventory_settings_service_level_z_check" CHECK (((service_level_z >= (0)::numeric) AND (service_level_z <= (4)::numeric))),
  constraint "inventory_settings_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.inventory_settings is 'Per-workspace reorder settings; without a row: 28-day demand window, z = 1.65 (about 95% cycle service level).';

alter table public.inventory_settings enable row level security;
grant insert, select, update, delete on public.inventory_settings to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.inventory_settings to service_role;

create policy "admins add" on public.inventory_settings for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.inventory_settings for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.inventory_settings for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.inventory_settings for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.inventory_settings FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.inventory_settings FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
