create table public.klaviyo_sync_states (
  connection_id uuid not null,
  workspace_id uuid not null,
  profiles_cursor timestamp with time zone,
  profiles_cursor_id text,
  orders_cursor timestamp with time zone,
  orders_cursor_id text,
  profiles_synced bigint default 0 not null,
  events_sent bigint default 0 not null,
  last_synced_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "klaviyo_sync_states_pkey" PRIMARY KEY (connection_id),
  constraint "klaviyo_sync_states_events_sent_check" CHECK ((events_sent >= 0)),
  constraint "klaviyo_sync_states_profiles_synced_check" CHECK ((profiles_synced >= 0)),
  constraint "klaviyo_sync_states_workspace_id_connection_id_fkey" FOREIGN KEY (workspace_id, connection_id) REFERENCES public.integration_connections(workspace_id, id) ON DELETE CASCADE,
  constraint "klaviyo_sync_states_workspace_id_connection_id_key" UNIQUE (workspace_id, connection_id),
  constraint "klaviyo_sync_states_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.klaviyo_sync_states is 'Where each Klaviyo connection''s sync stands: the last profile (consent change) and order (update) sent, and totals. Admins read; the klaviyo-sync worker writes.';
comment on column public.klaviyo_sync_states.profiles_cursor_id is 'The customer id (as text: a keyset tie-breaker, not a reference) of the last profile sent at profiles_cursor.';
comment on column public.klaviyo_sync_states.orders_cursor_id is 'The order id (as text: a keyset tie-breaker, not a reference) of the last order sent at orders_cursor.';

alter table public.klaviyo_sync_states enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.klaviyo_sync_states to service_role;
grant select on public.klaviyo_sync_states to authenticated;

create policy "admins read" on public.klaviyo_sync_states for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.klaviyo_sync_states FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.klaviyo_sync_states FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
