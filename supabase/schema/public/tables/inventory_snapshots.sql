create table public.inventory_snapshots (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  product_id uuid not null,
  location text default 'default'::text not null,
  day date not null,
  on_hand integer not null,
  available integer,
  incoming integer default 0 not null,
  created_at timestamp with time zone default now() not null,
  constraint "inventory_snapshots_pkey" PRIMARY KEY (id),
  constraint "inventory_snapshots_incoming_check" CHECK ((incoming >= 0)),
  constraint "inventory_snapshots_location_check" CHECK (((char_length(location) >= 1) AND (char_length(location) <= 128))),
  constraint "inventory_snapshots_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "inventory_snapshots_workspace_id_product_id_fkey" FOREIGN KEY (workspace_id, product_id) REFERENCES public.products(workspace_id, id) ON DELETE CASCADE,
  constraint "inventory_snapshots_workspace_id_product_id_location_day_key" UNIQUE (workspace_id, product_id, location, day)
);
comment on table public.inventory_snapshots is 'Stock of one variant at one location at the end of one day (Shopify inventory levels). One row per product, location and day.';
comment on column public.inventory_snapshots.on_hand is 'Units physically held; may be negative when Shopify oversold.';
comment on column public.inventory_snapshots.available is 'on_hand minus units committed to unfulfilled orders, when reported.';
comment on column public.inventory_snapshots.incoming is 'Units on open purchase orders.';

alter table public.inventory_snapshots enable row level security;
grant insert, select, update, delete on public.inventory_snapshots to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.inventory_snapshots to service_role;

CREATE INDEX inventory_snapshots_workspace_day_idx ON public.inventory_snapshots USING btree (workspace_id, day);

create policy "members add" on public.inventory_snapshots for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.inventory_snapshots for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.inventory_snapshots for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.inventory_snapshots for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.inventory_snapshots FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
