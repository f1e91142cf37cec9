create table public.products (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  shopify_product_id text not null,
  shopify_variant_id text not null,
  sku text,
  title text not null,
  variant_title text,
  price_cents bigint default 0 not null,
  cost_cents bigint,
  currency character(3) default 'USD'::bpchar not null,
  status public.product_status default 'active'::public.product_status not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  shopify_inventory_item_id text,
  source_updated_at timestamp with time zone,
  constraint "products_pkey" PRIMARY KEY (id),
  constraint "products_cost_cents_check" CHECK ((cost_cents >= 0)),
  constraint "products_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "products_price_cents_check" CHECK ((price_cents >= 0)),
  constraint "products_shopify_inventory_item_id_check" CHECK (((char_length(shopify_inventory_item_id) >= 1) AND (char_length(shopify_inventory_item_id) <= 64))),
  constraint "products_shopify_product_id_check" CHECK (((char_length(shopify_product_id) >= 1) AND (char_length(shopify_product_id) <= 64))),
  constraint "products_shopify_variant_id_check" CHECK (((char_length(shopify_variant_id) >= 1) AND (char_length(shopify_variant_id) <= 64))),
  constraint "products_sku_check" CHECK (((char_length(sku) >= 1) AND (char_length(sku) <= 128))),
  constraint "products_title_check" CHECK (((char_length(title) >= 1) AND (char_length(title) <= 500))),
  constraint "products_variant_title_check" CHECK ((char_length(variant_title) <= 500)),
  constraint "products_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "products_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "products_workspace_id_shopify_product_id_shopify_variant_id_key" UNIQUE (workspace_id, shopify_product_id, shopify_variant_id)
);
comment on table public.products is 'Catalogue, one row per sellable Shopify variant (the unit inventory and line items count).';
comment on column public.products.cost_cents is 'Unit cost of goods, when known (for margin and inventory value).';
comment on column public.products.shopify_inventory_item_id is 'The variant''s Shopify inventory item (numeric id): inventory levels and inventory_items webhooks find the variant by it.';
comment on column public.products.source_updated_at is 'Shopify''s updatedAt of the version stored (the later of product and variant); an older version never overwrites it.';

alter table public.products enable row level security;
grant insert, select, update, delete on public.products to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.products to service_role;

CREATE UNIQUE INDEX products_workspace_inventory_item_key ON public.products USING btree (workspace_id, shopify_inventory_item_id) WHERE (shopify_inventory_item_id IS NOT NULL);
CREATE UNIQUE INDEX products_workspace_sku_key ON public.products USING btree (workspace_id, sku) WHERE (sku IS NOT NULL);
CREATE INDEX products_workspace_variant_idx ON public.products USING btree (workspace_id, shopify_variant_id);

create policy "members add" on public.products for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.products for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.products for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.products for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.products FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.products FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
