create table public.email_lists (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  name text not null,
  description text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "email_lists_pkey" PRIMARY KEY (id),
  constraint "a list description has at most 2000 characters" CHECK ((char_length(description) <= 2000)),
  constraint "a list name has 1 to 200 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "email list names are unique per workspace" UNIQUE (workspace_id, name),
  constraint "email_lists_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "email_lists_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.email_lists is 'Distribution lists of email contacts.';

alter table public.email_lists enable row level security;
grant insert, select, update, delete on public.email_lists to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.email_lists to service_role;

create policy "members add" on public.email_lists for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.email_lists for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.email_lists for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.email_lists for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.email_lists FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.email_lists FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
