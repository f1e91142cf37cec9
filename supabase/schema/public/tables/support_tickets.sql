create table public.support_tickets (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  source public.support_ticket_source default 'app'::public.support_ticket_source not null,
  requester_email text not null,
  requester_name text,
  subject text not null,
  body text not null,
  category public.support_ticket_category default 'general'::public.support_ticket_category not null,
  status public.support_ticket_status default 'open'::public.support_ticket_status not null,
  priority public.support_ticket_priority default 'normal'::public.support_ticket_priority not null,
  order_number text,
  order_id uuid,
  assigned_to uuid,
  chatwoot_conversation_id text,
  resolved_at timestamp with time zone,
  closed_at timestamp with time zone,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "support_tickets_pkey" PRIMARY KEY (id),
  constraint "support_tickets_assigned_to_fkey" FOREIGN KEY (assigned_to) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "support_tickets_body_length" CHECK (((char_length(btrim(body)) >= 1) AND (char_length(btrim(body)) <= 10000))),
  constraint "support_tickets_chatwoot_conversation_id_check" CHECK (((char_length(chatwoot_conversation_id) >= 1) AND (char_length(chatwoot_conversation_id) <= 64))),
  constraint "support_tickets_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "support_tickets_order_number_length" CHECK ((char_length(order_number) <= 64)),
  constraint "support_tickets_requester_email_format" CHECK (((requester_email = lower(requester_email)) AND (char_length(requester_email) <= 254) AND (requester_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text))),
  constraint "support_tickets_requester_name_length" CHECK (((char_length(btrim(requester_name)) >= 1) AND (char_length(btrim(requester_name)) <= 100))),
  constraint "support_tickets_subject_length" CHECK (((char_length(btrim(subject)) >= 1) AND (char_length(btrim(subject)) <= 200))),
  constraint "support_tickets_workspace_id_chatwoot_conversation_id_key" UNIQUE (workspace_id, chatwoot_conversation_id),
  constraint "support_tickets_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "support_tickets_workspace_id_order_id_fkey" FOREIGN KEY (order_id, workspace_id) REFERENCES public.orders(id, workspace_id) ON DELETE SET NULL (order_id)
);
comment on table public.support_tickets is 'Customer support tickets. The storefront creates them anonymously through public.create_support_ticket (rate limited); members create and work them (status, priority, category, assignee); the status workflow is enforced by trigger and every status change is audited.';
comment on column public.support_tickets.requester_email is 'The customer to answer, lowercased. Readable by the workspace''s members, never by anon.';
comment on column public.support_tickets.order_number is 'The order the customer named, as typed.';
comment on column public.support_tickets.order_id is 'That order, linked only when its email hash matches the requester''s email.';
comment on column public.support_tickets.assigned_to is 'The member working the ticket (must belong to the workspace).';
comment on column public.support_tickets.chatwoot_conversation_id is 'The Chatwoot conversation handling the ticket; its status changes move the ticket.';
comment on column public.support_tickets.created_by is 'The member who logged it; null for storefront and Chatwoot tickets.';

alter table public.support_tickets enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.support_tickets to service_role;
grant select, delete on public.support_tickets to authenticated;
grant insert (workspace_id) on public.support_tickets to authenticated;
grant insert (requester_email) on public.support_tickets to authenticated;
grant insert (requester_name) on public.support_tickets to authenticated;
grant insert (subject) on public.support_tickets to authenticated;
grant insert (body) on public.support_tickets to authenticated;
grant insert, update (category) on public.support_tickets to authenticated;
grant update (status) on public.support_tickets to authenticated;
grant insert, update (priority) on public.support_tickets to authenticated;
grant insert (order_number) on public.support_tickets to authenticated;
grant insert, update (assigned_to) on public.support_tickets to authenticated;
grant insert, update (chatwoot_conversation_id) on public.support_tickets to authenticated;
alter publication supabase_realtime add table public.support_tickets;

CREATE INDEX support_tickets_assigned_to_idx ON public.support_tickets USING btree (assigned_to);
CREATE INDEX support_tickets_created_by_idx ON public.support_tickets USING btree (created_by);
CREATE INDEX support_tickets_order_idx ON public.support_tickets USING btree (order_id, workspace_id);
CREATE INDEX support_tickets_queue_idx ON public.support_tickets USING btree (workspace_id, status, created_at DESC);

create policy "admins remove" on public.support_tickets for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "members add" on public.support_tickets for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.support_tickets for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.support_tickets for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER audit AFTER DELETE OR UPDATE OF status ON public.support_tickets FOR EACH ROW EXECUTE FUNCTION private.audit_row('requester_email', 'body');
CREATE TRIGGER guard_support_ticket_status BEFORE UPDATE OF status ON public.support_tickets FOR EACH ROW EXECUTE FUNCTION private.guard_support_ticket_status();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.support_tickets FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER send_ticket_status_to_chatwoot AFTER UPDATE OF status ON public.support_tickets FOR EACH ROW WHEN (((new.chatwoot_conversation_id IS NOT NULL) AND (old.status IS DISTINCT FROM new.status))) EXECUTE FUNCTION private.send_ticket_status_to_chatwoot();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.support_tickets FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER support_ticket_before_write BEFORE INSERT ON public.support_tickets FOR EACH ROW EXECUTE FUNCTION private.support_ticket_before_write();
CREATE TRIGGER support_ticket_before_write_update BEFORE UPDATE OF assigned_to ON public.support_tickets FOR EACH ROW WHEN ((NOT ((((old.assigned_to IS NOT NULL) AND (new.assigned_to IS NULL)) OR ((old.created_by IS NOT NULL) AND (new.created_by IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.assigned_to, old.created_by], ARRAY[new.assigned_to, new.created_by])))) EXECUTE FUNCTION private.support_ticket_before_write();
