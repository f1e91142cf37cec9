create table public.email_contacts (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  email text not null,
  first_name text,
  last_name text,
  status public.email_contact_status default 'subscribed'::public.email_contact_status not null,
  subscribed_at timestamp with time zone,
  unsubscribed_at timestamp with time zone,
  source text,
  lead_id uuid,
  attributes jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "email_contacts_pkey" PRIMARY KEY (id),
  constraint "a contact with this email already exists in this workspace" UNIQUE (workspace_id, email),
  constraint "a source has at most 64 characters" CHECK ((char_length(source) <= 64)),
  constraint "attributes is a JSON object" CHECK ((jsonb_typeof(attributes) = 'object'::text)),
  constraint "email is a valid address" CHECK (((email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text) AND (char_length(email) <= 320))),
  constraint "email_contacts_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "email_contacts_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "email_contacts_workspace_id_lead_id_fkey" FOREIGN KEY (workspace_id, lead_id) REFERENCES public.leads(workspace_id, id) ON DELETE SET NULL (lead_id),
  constraint "names have at most 200 characters" CHECK (((char_length(first_name) <= 200) AND (char_length(last_name) <= 200)))
);
comment on table public.email_contacts is 'People who receive emails; email stored lowercase, unique per workspace. subscribed_at / unsubscribed_at follow status.';
comment on column public.email_contacts.lead_id is 'The lead this contact is, when known.';
comment on column public.email_contacts.attributes is 'Merge fields for templates.';

alter table public.email_contacts enable row level security;
grant insert, select, update, delete on public.email_contacts to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.email_contacts to service_role;

CREATE INDEX email_contacts_lead_idx ON public.email_contacts USING btree (workspace_id, lead_id);
CREATE INDEX email_contacts_workspace_status_idx ON public.email_contacts USING btree (workspace_id, status);

create policy "members add" on public.email_contacts for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.email_contacts for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.email_contacts for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.email_contacts for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER enqueue_automation_emails AFTER INSERT OR UPDATE OF status ON public.email_contacts FOR EACH ROW WHEN ((new.status = 'subscribed'::public.email_contact_status)) EXECUTE FUNCTION private.enqueue_automation_emails();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.email_contacts FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER normalize_email_contact BEFORE INSERT OR UPDATE ON public.email_contacts FOR EACH ROW EXECUTE FUNCTION private.normalize_email_contact();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.email_contacts FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
