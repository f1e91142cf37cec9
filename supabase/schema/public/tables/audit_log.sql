create table public.audit_log (
  id bigint generated always as identity not null,
  workspace_id uuid,
  table_name text not null,
  record_id text,
  action public.audit_action not null,
  actor_id uuid,
  actor_role text not null,
  old_data jsonb,
  new_data jsonb,
  reason text,
  created_at timestamp with time zone default now() not null,
  constraint "audit_log_pkey" PRIMARY KEY (id),
  constraint "audit_log_reason_check" CHECK ((char_length(reason) <= 200)),
  constraint "audit_log_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.audit_log is 'Append-only change history written by private.audit_row(); workspace admins read their workspace''s entries.';
comment on column public.audit_log.record_id is 'The changed row''s id (or composite key as text).';
comment on column public.audit_log.actor_id is 'auth.uid() of the caller; null for service_role, cron and migrations. Not a foreign key: history outlives users.';
comment on column public.audit_log.actor_role is 'The JWT role (authenticated, service_role) or, without one, the database role.';
comment on column public.audit_log.reason is 'Why a credential was used or changed (oauth connect, token refresh, revoke at provider, app uninstalled ...).';

alter table public.audit_log enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.audit_log to service_role;
grant select on public.audit_log to authenticated;

CREATE INDEX audit_log_workspace_id_created_at_idx ON public.audit_log USING btree (workspace_id, created_at DESC);

create policy "admins read" on public.audit_log for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.audit_log FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
