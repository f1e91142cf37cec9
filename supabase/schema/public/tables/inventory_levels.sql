create table public.inventory_levels (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  product_id uuid,
  shopify_inventory_item_id text not null,
  shopify_location_id text not null,
  location_name text,
  available integer not null,
  on_hand integer,
  source_updated_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "inventory_levels_pkey" PRIMARY KEY (id),
  constraint "inventory_levels_location_name_check" CHECK ((char_length(location_name) <= 255)),
  constraint "inventory_levels_shopify_inventory_item_id_check" CHECK (((char_length(shopify_inventory_item_id) >= 1) AND (char_length(shopify_inventory_item_id) <= 64))),
  constraint "inventory_levels_shopify_location_id_check" CHECK (((char_length(shopify_location_id) >= 1) AND (char_length(shopify_location_id) <= 64))),
  constraint "inventory_levels_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "inventory_levels_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "inventory_levels_workspace_id_product_id_fkey" FOREIGN KEY (workspace_id, product_id) REFERENCES public.products(workspace_id, id) ON DELETE SET NULL (product_id),
  constraint "inventory_levels_workspace_id_shopify_inventory_item_id_sho_key" UNIQUE (workspace_id, shopify_inventory_item_id, shopify_location_id)
);
comment on table public.inventory_levels is 'Current stock of one Shopify inventory item at one location, from the backfill and inventory_levels/* webhooks (newest version wins). The daily snapshot copies it into inventory_snapshots. Viewers read; the sync writes.';
comment on column public.inventory_levels.product_id is 'The variant whose inventory item this is (null until the variant is known).';
comment on column public.inventory_levels.available is 'Shopify''s available quantity (can be negative when oversold).';
comment on column public.inventory_levels.on_hand is 'Shopify''s on_hand quantity where known (available plus committed and reserved); the snapshot uses it, else available.';

alter table public.inventory_levels enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.inventory_levels to service_role;
grant select on public.inventory_levels to authenticated;

CREATE INDEX inventory_levels_product_idx ON public.inventory_levels USING btree (workspace_id, product_id);

create policy "viewers read" on public.inventory_levels for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.inventory_levels FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.inventory_levels FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
