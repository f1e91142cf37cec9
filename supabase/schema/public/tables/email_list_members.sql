create table public.email_list_members (
  workspace_id uuid not null,
  list_id uuid not null,
  contact_id uuid not null,
  created_at timestamp with time zone default now() not null,
  constraint "email_list_members_pkey" PRIMARY KEY (list_id, contact_id),
  constraint "email_list_members_workspace_id_contact_id_fkey" FOREIGN KEY (workspace_id, contact_id) REFERENCES public.email_contacts(workspace_id, id) ON DELETE CASCADE,
  constraint "email_list_members_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "email_list_members_workspace_id_list_id_fkey" FOREIGN KEY (workspace_id, list_id) REFERENCES public.email_lists(workspace_id, id) ON DELETE CASCADE
);
comment on table public.email_list_members is 'Which contacts are on which list; both in the same workspace.';

alter table public.email_list_members enable row level security;
grant insert, select, update, delete on public.email_list_members to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.email_list_members to service_role;

CREATE INDEX email_list_members_contact_idx ON public.email_list_members USING btree (workspace_id, contact_id);
CREATE INDEX email_list_members_list_idx ON public.email_list_members USING btree (workspace_id, list_id);

create policy "members add" on public.email_list_members for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.email_list_members for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.email_list_members for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.email_list_members for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.email_list_members FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
