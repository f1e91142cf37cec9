create table private.customer_contacts (
  workspace_id uuid not null,
  customer_id uuid not null,
  email text,
  phone text,
  consented_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "customer_contacts_pkey" PRIMARY KEY (workspace_id, customer_id),
  constraint "customer_contacts_check" CHECK (((email IS NOT NULL) OR (phone IS NOT NULL))),
  constraint "customer_contacts_email_check" CHECK (((char_length(email) <= 254) AND (email ~ '^[^@\s]+@[^@\s]+$'::text))),
  constraint "customer_contacts_phone_check" CHECK ((char_length(phone) <= 32)),
  constraint "customer_contacts_workspace_id_customer_id_fkey" FOREIGN KEY (workspace_id, customer_id) REFERENCES public.customers(workspace_id, id) ON DELETE CASCADE,
  constraint "customer_contacts_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table private.customer_contacts is 'Plaintext email/phone of customers who consented to email marketing (Shopify emailMarketingConsent SUBSCRIBED), kept only while they consent, for the email marketing sync. Service only; erasure deletes the row with the customer (catalog rule: it refers to customers).';

alter table private.customer_contacts enable row level security;
grant select on private.customer_contacts to service_role;

CREATE INDEX customer_contacts_updated_idx ON private.customer_contacts USING btree (workspace_id, updated_at, customer_id);

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON private.customer_contacts FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON private.customer_contacts FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
