create table public.purchase_orders (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  product_id uuid not null,
  approval_id uuid,
  supplier_name text,
  quantity integer not null,
  status public.purchase_order_status default 'ordered'::public.purchase_order_status not null,
  expected_at date,
  ordered_at timestamp with time zone default now() not null,
  received_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "purchase_orders_pkey" PRIMARY KEY (id),
  constraint "purchase_orders_quantity_check" CHECK (((quantity >= 1) AND (quantity <= 1000000))),
  constraint "purchase_orders_supplier_name_check" CHECK (((char_length(supplier_name) >= 1) AND (char_length(supplier_name) <= 200))),
  constraint "purchase_orders_workspace_id_approval_id_fkey" FOREIGN KEY (workspace_id, approval_id) REFERENCES public.agent_approvals(workspace_id, id) ON DELETE SET NULL (approval_id),
  constraint "purchase_orders_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "purchase_orders_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "purchase_orders_workspace_id_product_id_fkey" FOREIGN KEY (workspace_id, product_id) REFERENCES public.products(workspace_id, id) ON DELETE CASCADE
);
comment on table public.purchase_orders is 'Stock ordered from a supplier: written by the approval executor when a reorder_inventory approval executes (one per approval), read by viewers, received or cancelled by members. The inventory page shows what is on order.';
comment on column public.purchase_orders.expected_at is 'Ordered date plus the primary supplier''s lead time, when known.';

alter table public.purchase_orders enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.purchase_orders to service_role;
grant select on public.purchase_orders to authenticated;
grant update (status) on public.purchase_orders to authenticated;

CREATE UNIQUE INDEX purchase_orders_one_per_approval ON public.purchase_orders USING btree (workspace_id, approval_id);
CREATE INDEX purchase_orders_product_idx ON public.purchase_orders USING btree (workspace_id, product_id, ordered_at DESC);

create policy "members change" on public.purchase_orders for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.purchase_orders for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER guard_purchase_order BEFORE UPDATE ON public.purchase_orders FOR EACH ROW EXECUTE FUNCTION private.guard_purchase_order();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.purchase_orders FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.purchase_orders FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
