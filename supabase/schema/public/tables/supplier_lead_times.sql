create table public.supplier_lead_times (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  product_id uuid not null,
  supplier_name text not null,
  lead_time_days numeric(6,2) not null,
  lead_time_stddev_days numeric(6,2),
  min_order_qty integer,
  is_primary boolean default false not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "supplier_lead_times_pkey" PRIMARY KEY (id),
  constraint "supplier_lead_times_lead_time_days_check" CHECK ((lead_time_days > (0)::numeric)),
  constraint "supplier_lead_times_lead_time_stddev_days_check" CHECK ((lead_time_stddev_days >= (0)::numeric)),
  constraint "supplier_lead_times_min_order_qty_check" CHECK ((min_order_qty > 0)),
  constraint "supplier_lead_times_supplier_name_check" CHECK (((char_length(supplier_name) >= 1) AND (char_length(supplier_name) <= 200))),
  constraint "supplier_lead_times_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "supplier_lead_times_workspace_id_product_id_fkey" FOREIGN KEY (workspace_id, product_id) REFERENCES public.products(workspace_id, id) ON DELETE CASCADE,
  constraint "supplier_lead_times_workspace_id_product_id_supplier_name_key" UNIQUE (workspace_id, product_id, supplier_name)
);
comment on table public.supplier_lead_times is 'Who supplies a variant and how long an order takes to arrive. The primary supplier (or else the fastest) drives the reorder point.';
comment on column public.supplier_lead_times.lead_time_stddev_days is 'Variability of the lead time, when known (recorded; the reorder point uses demand variability only).';

alter table public.supplier_lead_times enable row level security;
grant insert, select, update, delete on public.supplier_lead_times to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.supplier_lead_times to service_role;

CREATE UNIQUE INDEX supplier_lead_times_one_primary ON public.supplier_lead_times USING btree (workspace_id, product_id) WHERE is_primary;

create policy "members add" on public.supplier_lead_times for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.supplier_lead_times for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.supplier_lead_times for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.supplier_lead_times for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.supplier_lead_times FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.supplier_lead_times FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
