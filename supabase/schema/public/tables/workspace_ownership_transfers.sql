create table public.workspace_ownership_transfers (
  workspace_id uuid not null,
  from_user_id uuid not null,
  to_user_id uuid not null,
  created_at timestamp with time zone default now() not null,
  expires_at timestamp with time zone default (now() + '7 days'::interval) not null,
  constraint "workspace_ownership_transfers_pkey" PRIMARY KEY (workspace_id),
  constraint "an owner cannot offer ownership to themselves" CHECK ((from_user_id <> to_user_id)),
  constraint "workspace_ownership_transfers_from_user_id_fkey" FOREIGN KEY (from_user_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint "workspace_ownership_transfers_to_user_id_fkey" FOREIGN KEY (to_user_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint "workspace_ownership_transfers_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.workspace_ownership_transfers is 'An owner''s pending offer of the workspace''s ownership to another member (one per workspace, 7 days; acceptable only while the offering member is still an owner and the recipient still a member). Written by transfer_workspace_ownership; the recipient accepts with accept_workspace_ownership (they become owner, the offering owner admin); the owner withdraws or the recipient declines by deleting the row. Read by the workspace''s owners and the recipient.';
comment on column public.workspace_ownership_transfers.expires_at is 'An offer not accepted by then can no longer be accepted (PT410); a new offer replaces it.';

alter table public.workspace_ownership_transfers enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.workspace_ownership_transfers to service_role;
grant select, delete on public.workspace_ownership_transfers to authenticated;

CREATE INDEX workspace_ownership_transfers_from_user_id_idx ON public.workspace_ownership_transfers USING btree (from_user_id);
CREATE INDEX workspace_ownership_transfers_to_user_id_idx ON public.workspace_ownership_transfers USING btree (to_user_id);

create policy "owners and the recipient see the offer" on public.workspace_ownership_transfers for select to authenticated
  using (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('owner'::public.workspace_role) AS workspace_ids))) OR (to_user_id = ( SELECT auth.uid() AS uid))));
create policy "owners withdraw and the recipient declines" on public.workspace_ownership_transfers for delete to authenticated
  using (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('owner'::public.workspace_role) AS workspace_ids))) OR (to_user_id = ( SELECT auth.uid() AS uid))));

CREATE TRIGGER audit AFTER INSERT OR DELETE OR UPDATE ON public.workspace_ownership_transfers FOR EACH ROW EXECUTE FUNCTION private.audit_row();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.workspace_ownership_transfers FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
