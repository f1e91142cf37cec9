create table public.workspace_members (
  workspace_id uuid not null,
  user_id uuid not null,
  role public.workspace_role default 'member'::public.workspace_role not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "workspace_members_pkey" PRIMARY KEY (workspace_id, user_id),
  constraint "workspace_members_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint "workspace_members_user_id_profile_fkey" FOREIGN KEY (user_id) REFERENCES public.profiles(id) ON DELETE CASCADE,
  constraint "workspace_members_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.workspace_members is 'Who belongs to which workspace, with which role. Guarded by private.guard_workspace_member().';

alter table public.workspace_members enable row level security;
grant insert, select, delete on public.workspace_members to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.workspace_members to service_role;
grant update (role) on public.workspace_members to authenticated;
alter publication supabase_realtime add table public.workspace_members;

CREATE INDEX workspace_members_user_id_idx ON public.workspace_members USING btree (user_id);

create policy "admins change others, anyone lowers their own" on public.workspace_members for update to authenticated
  using (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) OR (user_id = ( SELECT auth.uid() AS uid))))
  with check ((((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) AND (user_id <> ( SELECT auth.uid() AS uid))) OR ((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids(workspace_members.role) AS workspace_ids))))));
create policy "admins remove members and anyone leaves" on public.workspace_members for delete to authenticated
  using (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) OR (user_id = ( SELECT auth.uid() AS uid))));
create policy "viewers read" on public.workspace_members for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER audit AFTER INSERT OR DELETE OR UPDATE ON public.workspace_members FOR EACH ROW EXECUTE FUNCTION private.audit_row();
CREATE TRIGGER guard_workspace_member BEFORE INSERT OR DELETE OR UPDATE ON public.workspace_members FOR EACH ROW EXECUTE FUNCTION private.guard_workspace_member();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.workspace_members FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.workspace_members FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
