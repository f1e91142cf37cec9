create table public.ad_sync_schedules (
  connection_id uuid not null,
  workspace_id uuid not null,
  ad_account_id uuid not null,
  platform public.ad_platform not null,
  enabled boolean default true not null,
  recent_days integer default 3 not null,
  restatement_days integer not null,
  backfill_days integer default 730 not null,
  backfill_chunk_days integer default 30 not null,
  structure_synced_at timestamp with time zone,
  last_recent_queued_at timestamp with time zone,
  last_restatement_queued_at timestamp with time zone,
  backfill_queued_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "ad_sync_schedules_pkey" PRIMARY KEY (connection_id),
  constraint "ad_sync_schedules_backfill_chunk_days_check" CHECK (((backfill_chunk_days >= 1) AND (backfill_chunk_days <= 90))),
  constraint "ad_sync_schedules_backfill_days_check" CHECK (((backfill_days >= 0) AND (backfill_days <= 730))),
  constraint "ad_sync_schedules_recent_days_check" CHECK (((recent_days >= 1) AND (recent_days <= 7))),
  constraint "ad_sync_schedules_restatement_days_check" CHECK (((restatement_days >= 1) AND (restatement_days <= 90))),
  constraint "ad_sync_schedules_workspace_id_ad_account_id_fkey" FOREIGN KEY (workspace_id, ad_account_id) REFERENCES public.ad_accounts(workspace_id, id) ON DELETE CASCADE,
  constraint "ad_sync_schedules_workspace_id_connection_id_fkey" FOREIGN KEY (workspace_id, connection_id) REFERENCES public.integration_connections(workspace_id, id) ON DELETE CASCADE,
  constraint "ad_sync_schedules_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.ad_sync_schedules is 'One per connected ad account: what the ads sync queues and when. Made when the connection connects; admins may pause it or change its windows.';
comment on column public.ad_sync_schedules.recent_days is 'The last days (today included, in the account''s time zone) synced every hour.';
comment on column public.ad_sync_schedules.restatement_days is 'How far back the platform revises numbers: the days before the recent ones synced again daily (Meta 28; Google the longest conversion window of the account, kept up to date by the sync; TikTok 7).';
comment on column public.ad_sync_schedules.backfill_days is 'History fetched once, on first connect (at most 730 days), in chunks of backfill_chunk_days.';
comment on column public.ad_sync_schedules.structure_synced_at is 'When campaigns, ad groups and ads were last listed in full.';

alter table public.ad_sync_schedules enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.ad_sync_schedules to service_role;
grant select on public.ad_sync_schedules to authenticated;
grant update (enabled) on public.ad_sync_schedules to authenticated;
grant update (recent_days) on public.ad_sync_schedules to authenticated;
grant update (restatement_days) on public.ad_sync_schedules to authenticated;

CREATE INDEX ad_sync_schedules_workspace_connection_idx ON public.ad_sync_schedules USING btree (workspace_id, connection_id);
CREATE INDEX ad_sync_schedules_workspace_id_idx ON public.ad_sync_schedules USING btree (workspace_id, ad_account_id);

create policy "admins read sync schedules" on public.ad_sync_schedules for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins tune sync schedules" on public.ad_sync_schedules for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ad_sync_schedules FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ad_sync_schedules FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
