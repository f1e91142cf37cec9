create table public.gift_card_transactions (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  order_id uuid,
  shopify_order_id text,
  gift_card_product_id uuid,
  amount_cents bigint not null,
  currency character(3) not null,
  source public.gift_card_source not null,
  status public.gift_card_status default 'pending'::public.gift_card_status not null,
  shopify_gift_card_id text,
  last_error text,
  issued_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  code_last_characters text,
  constraint "gift_card_transactions_pkey" PRIMARY KEY (id),
  constraint "gift_card_transactions_amount_cents_check" CHECK ((amount_cents > 0)),
  constraint "gift_card_transactions_code_last_characters_check" CHECK ((code_last_characters ~ '^[A-Za-z0-9]{4}$'::text)),
  constraint "gift_card_transactions_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "gift_card_transactions_gift_card_product_id_fkey" FOREIGN KEY (gift_card_product_id, workspace_id) REFERENCES public.gift_card_products(id, workspace_id) ON DELETE SET NULL (gift_card_product_id),
  constraint "gift_card_transactions_last_error_check" CHECK ((char_length(last_error) <= 2000)),
  constraint "gift_card_transactions_order_id_fkey" FOREIGN KEY (order_id, workspace_id) REFERENCES public.orders(id, workspace_id) ON DELETE SET NULL (order_id),
  constraint "gift_card_transactions_shopify_gift_card_id_check" CHECK ((char_length(shopify_gift_card_id) <= 64)),
  constraint "gift_card_transactions_shopify_order_id_check" CHECK ((char_length(shopify_order_id) <= 64)),
  constraint "gift_card_transactions_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "gift_card_transactions_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "gift_card_transactions_workspace_id_shopify_order_id_source_key" UNIQUE (workspace_id, shopify_order_id, source)
);
comment on table public.gift_card_transactions is 'Gift cards earned or granted; one per order and source. Written by the award trigger and the issuing worker (service_role).';
comment on column public.gift_card_transactions.code_last_characters is 'The last four characters of the card''s code, as Shopify shows them; the code itself is never stored in plain text.';

alter table public.gift_card_transactions enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.gift_card_transactions to service_role;
grant select on public.gift_card_transactions to authenticated;

CREATE INDEX gift_card_transactions_gift_card_product_id_workspace_id_idx ON public.gift_card_transactions USING btree (gift_card_product_id, workspace_id);
CREATE INDEX gift_card_transactions_order_id_workspace_id_idx ON public.gift_card_transactions USING btree (order_id, workspace_id);
CREATE INDEX gift_card_transactions_pending_idx ON public.gift_card_transactions USING btree (workspace_id, created_at) WHERE (status = 'pending'::public.gift_card_status);

create policy "viewers read" on public.gift_card_transactions for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER gift_card_awarded AFTER INSERT ON public.gift_card_transactions FOR EACH ROW WHEN ((new.status = 'pending'::public.gift_card_status)) EXECUTE FUNCTION private.gift_card_awarded();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.gift_card_transactions FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.gift_card_transactions FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
