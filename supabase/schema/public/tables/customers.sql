create table public.customers (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  shopify_customer_id text,
  email_sha256 text,
  phone_sha256 text,
  accepts_marketing boolean default false not null,
  orders_count integer default 0 not null,
  total_spent_cents bigint default 0 not null,
  currency character(3),
  first_order_at timestamp with time zone,
  last_order_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  source_updated_at timestamp with time zone,
  constraint "customers_pkey" PRIMARY KEY (id),
  constraint "customers_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "customers_email_sha256_check" CHECK ((email_sha256 ~ '^[0-9a-f]{64}$'::text)),
  constraint "customers_orders_count_check" CHECK ((orders_count >= 0)),
  constraint "customers_phone_sha256_check" CHECK ((phone_sha256 ~ '^[0-9a-f]{64}$'::text)),
  constraint "customers_shopify_customer_id_check" CHECK (((char_length(shopify_customer_id) >= 1) AND (char_length(shopify_customer_id) <= 64))),
  constraint "customers_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "customers_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "customers_workspace_id_shopify_customer_id_key" UNIQUE (workspace_id, shopify_customer_id)
);
comment on table public.customers is 'Shop customers. No plaintext email or phone: only hashes, for matching orders, attribution and ad audiences.';
comment on column public.customers.email_sha256 is 'private.email_sha256(email): hex SHA-256 of the trimmed lowercase address.';
comment on column public.customers.phone_sha256 is 'private.phone_sha256(phone): hex SHA-256 of +digits.';
comment on column public.customers.total_spent_cents is 'Net revenue (total minus refunds) of the customer''s orders that are not cancelled, kept by upsert_orders.';
comment on column public.customers.source_updated_at is 'Shopify''s updatedAt of the customer version stored by the sync or a customers/* webhook; an older version never overwrites it.';

alter table public.customers enable row level security;
grant insert, select, update, delete on public.customers to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.customers to service_role;

CREATE INDEX customers_workspace_email_idx ON public.customers USING btree (workspace_id, email_sha256) WHERE (email_sha256 IS NOT NULL);
CREATE INDEX customers_workspace_phone_idx ON public.customers USING btree (workspace_id, phone_sha256) WHERE (phone_sha256 IS NOT NULL);

create policy "members add" on public.customers for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.customers for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.customers for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.customers for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.customers FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.customers FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
