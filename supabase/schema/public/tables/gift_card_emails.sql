create table public.gift_card_emails (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  transaction_id uuid not null,
  status public.email_delivery_status default 'queued'::public.email_delivery_status not null,
  provider_message_id text,
  attempts integer default 0 not null,
  last_error text,
  sent_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "gift_card_emails_pkey" PRIMARY KEY (id),
  constraint "gift_card_emails_attempts_check" CHECK ((attempts >= 0)),
  constraint "gift_card_emails_last_error_check" CHECK ((char_length(last_error) <= 2000)),
  constraint "gift_card_emails_provider_message_id_check" CHECK ((char_length(provider_message_id) <= 256)),
  constraint "gift_card_emails_transaction_id_fkey" FOREIGN KEY (transaction_id, workspace_id) REFERENCES public.gift_card_transactions(id, workspace_id) ON DELETE CASCADE,
  constraint "gift_card_emails_transaction_id_key" UNIQUE (transaction_id),
  constraint "gift_card_emails_transaction_id_workspace_id_key" UNIQUE (transaction_id, workspace_id),
  constraint "gift_card_emails_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "gift_card_emails_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.gift_card_emails is 'Delivery of a gift card to its customer (Resend); the recipient address lives in private.gift_card_recipients.';

alter table public.gift_card_emails enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.gift_card_emails to service_role;
grant select on public.gift_card_emails to authenticated;

CREATE INDEX gift_card_emails_workspace_id_idx ON public.gift_card_emails USING btree (workspace_id);

create policy "viewers read" on public.gift_card_emails for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER gift_card_email_sent AFTER UPDATE OF status ON public.gift_card_emails FOR EACH ROW WHEN (((new.status = ANY (ARRAY['sent'::public.email_delivery_status, 'delivered'::public.email_delivery_status])) AND (old.status <> ALL (ARRAY['sent'::public.email_delivery_status, 'delivered'::public.email_delivery_status])))) EXECUTE FUNCTION private.gift_card_email_sent();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.gift_card_emails FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.gift_card_emails FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
