create table public.order_line_items (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  order_id uuid not null,
  product_id uuid,
  shopify_product_id text,
  shopify_variant_id text,
  sku text,
  title text,
  quantity integer not null,
  price_cents bigint default 0 not null,
  created_at timestamp with time zone default now() not null,
  constraint "order_line_items_pkey" PRIMARY KEY (id),
  constraint "order_line_items_order_id_fkey" FOREIGN KEY (order_id, workspace_id) REFERENCES public.orders(id, workspace_id) ON DELETE CASCADE,
  constraint "order_line_items_price_cents_check" CHECK ((price_cents >= 0)),
  constraint "order_line_items_product_id_fkey" FOREIGN KEY (product_id, workspace_id) REFERENCES public.products(id, workspace_id) ON DELETE SET NULL (product_id),
  constraint "order_line_items_quantity_check" CHECK ((quantity > 0)),
  constraint "order_line_items_shopify_product_id_check" CHECK ((char_length(shopify_product_id) <= 64)),
  constraint "order_line_items_shopify_variant_id_check" CHECK ((char_length(shopify_variant_id) <= 64)),
  constraint "order_line_items_sku_check" CHECK ((char_length(sku) <= 128)),
  constraint "order_line_items_title_check" CHECK ((char_length(title) <= 500)),
  constraint "order_line_items_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.order_line_items is 'What each order contained; replaced wholesale whenever its order is upserted with line items. Demand for inventory comes from here.';
comment on column public.order_line_items.price_cents is 'Unit price before order-level discounts.';

alter table public.order_line_items enable row level security;
grant insert, select, update, delete on public.order_line_items to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.order_line_items to service_role;

CREATE INDEX order_line_items_order_id_workspace_id_idx ON public.order_line_items USING btree (order_id, workspace_id);
CREATE INDEX order_line_items_product_id_workspace_id_idx ON public.order_line_items USING btree (product_id, workspace_id);
CREATE INDEX order_line_items_workspace_id_idx ON public.order_line_items USING btree (workspace_id);

create policy "members add" on public.order_line_items for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.order_line_items for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.order_line_items for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.order_line_items for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_line_item_tenant BEFORE INSERT OR UPDATE ON public.order_line_items FOR EACH ROW EXECUTE FUNCTION private.check_line_item_tenant();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.order_line_items FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
