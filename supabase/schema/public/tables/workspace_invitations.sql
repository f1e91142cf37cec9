create table public.workspace_invitations (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  email text not null,
  role public.workspace_role default 'member'::public.workspace_role not null,
  invited_by uuid default auth.uid(),
  expires_at timestamp with time zone default (now() + '7 days'::interval) not null,
  accepted_at timestamp with time zone,
  accepted_by uuid,
  created_at timestamp with time zone default now() not null,
  constraint "workspace_invitations_pkey" PRIMARY KEY (id),
  constraint "workspace_invitations_accepted_by_fkey" FOREIGN KEY (accepted_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "workspace_invitations_acceptor_has_time" CHECK (((accepted_by IS NULL) OR (accepted_at IS NOT NULL))),
  constraint "workspace_invitations_email_check" CHECK (((email = lower(email)) AND (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'::text))),
  constraint "workspace_invitations_invited_by_fkey" FOREIGN KEY (invited_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "workspace_invitations_role_check" CHECK ((role <> 'owner'::public.workspace_role)),
  constraint "workspace_invitations_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.workspace_invitations is 'Pending and accepted invitations, created by create_workspace_invitation. The token is shown once to the inviter; only its SHA-256 is kept (private.invitation_tokens).';

alter table public.workspace_invitations enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.workspace_invitations to service_role;
grant select, delete on public.workspace_invitations to authenticated;

CREATE INDEX workspace_invitations_accepted_by_idx ON public.workspace_invitations USING btree (accepted_by);
CREATE INDEX workspace_invitations_invited_by_idx ON public.workspace_invitations USING btree (invited_by);
CREATE UNIQUE INDEX workspace_invitations_one_open_per_email ON public.workspace_invitations USING btree (workspace_id, email) WHERE (accepted_at IS NULL);
CREATE INDEX workspace_invitations_workspace_id_idx ON public.workspace_invitations USING btree (workspace_id);

create policy "admins add" on public.workspace_invitations for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins read" on public.workspace_invitations for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.workspace_invitations for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER audit AFTER INSERT OR DELETE OR UPDATE ON public.workspace_invitations FOR EACH ROW EXECUTE FUNCTION private.audit_row();
CREATE TRIGGER guard_invitation BEFORE INSERT ON public.workspace_invitations FOR EACH ROW EXECUTE FUNCTION private.guard_invitation();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.workspace_invitations FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
