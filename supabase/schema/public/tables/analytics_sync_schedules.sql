create table public.analytics_sync_schedules (
  workspace_id uuid not null,
  connection_id uuid not null,
  source public.analytics_source not null,
  enabled boolean default true not null,
  recent_days integer not null,
  backfill_days integer not null,
  initial_queued_at timestamp with time zone,
  last_daily_queued_on date,
  last_synced_at timestamp with time zone,
  last_sync_status public.analytics_sync_status,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "analytics_sync_schedules_pkey" PRIMARY KEY (connection_id, source),
  constraint "analytics_sync_schedules_backfill_days_check" CHECK (((backfill_days >= 0) AND (backfill_days <= 480))),
  constraint "analytics_sync_schedules_recent_days_check" CHECK (((recent_days >= 1) AND (recent_days <= 30))),
  constraint "analytics_sync_schedules_workspace_id_connection_id_fkey" FOREIGN KEY (workspace_id, connection_id) REFERENCES public.integration_connections(workspace_id, id) ON DELETE CASCADE,
  constraint "analytics_sync_schedules_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.analytics_sync_schedules is 'One per connection and analytics source: what the analytics sync pulls and when. Made when the connection connects (private.analytics_connection_connected); admins may pause it or change its windows; viewers read when it last synced.';
comment on column public.analytics_sync_schedules.recent_days is 'The days before today pulled again every day (Search Console fills in the last 2-3 days late; social insights and survey responses keep changing for a while).';
comment on column public.analytics_sync_schedules.backfill_days is 'History pulled once, on connecting (Search Console keeps 16 months, Instagram account insights 30 days).';
comment on column public.analytics_sync_schedules.last_synced_at is 'When a pull of this source last succeeded.';
comment on column public.analytics_sync_schedules.last_sync_status is 'How the latest pull stands (its run''s status).';

alter table public.analytics_sync_schedules enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.analytics_sync_schedules to service_role;
grant select on public.analytics_sync_schedules to authenticated;
grant update (enabled) on public.analytics_sync_schedules to authenticated;
grant update (recent_days) on public.analytics_sync_schedules to authenticated;
grant update (backfill_days) on public.analytics_sync_schedules to authenticated;

CREATE INDEX analytics_sync_schedules_workspace_connection_idx ON public.analytics_sync_schedules USING btree (workspace_id, connection_id);

create policy "admins change" on public.analytics_sync_schedules for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.analytics_sync_schedules for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.analytics_sync_schedules FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.analytics_sync_schedules FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
