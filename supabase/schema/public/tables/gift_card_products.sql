create table public.gift_card_products (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  shopify_product_id text not null,
  shopify_variant_id text not null,
  amount_cents bigint not null,
  currency character(3) default 'USD'::bpchar not null,
  min_order_subtotal_cents bigint default 0 not null,
  active boolean default true not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "gift_card_products_pkey" PRIMARY KEY (id),
  constraint "gift_card_products_amount_cents_check" CHECK ((amount_cents > 0)),
  constraint "gift_card_products_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "gift_card_products_min_order_subtotal_cents_check" CHECK ((min_order_subtotal_cents >= 0)),
  constraint "gift_card_products_shopify_product_id_check" CHECK (((char_length(shopify_product_id) >= 1) AND (char_length(shopify_product_id) <= 64))),
  constraint "gift_card_products_shopify_variant_id_check" CHECK (((char_length(shopify_variant_id) >= 1) AND (char_length(shopify_variant_id) <= 64))),
  constraint "gift_card_products_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "gift_card_products_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "gift_card_products_workspace_id_shopify_variant_id_key" UNIQUE (workspace_id, shopify_variant_id)
);
comment on table public.gift_card_products is 'Gift card offers: a paid order whose subtotal reaches min_order_subtotal_cents earns amount_cents (the highest qualifying offer, once per order).';

alter table public.gift_card_products enable row level security;
grant insert, select, update, delete on public.gift_card_products to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.gift_card_products to service_role;

create policy "admins add" on public.gift_card_products for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.gift_card_products for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.gift_card_products for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.gift_card_products for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.gift_card_products FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.gift_card_products FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
