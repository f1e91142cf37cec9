create table public.ops_logs (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  logged_at timestamp with time zone default now() not null,
  level public.log_level not null,
  source text not null,
  message text not null,
  metadata jsonb default '{}'::jsonb not null,
  request_id text,
  user_id uuid,
  created_at timestamp with time zone default now() not null,
  constraint "ops_logs_pkey" PRIMARY KEY (workspace_id, logged_at, id),
  constraint "ops_logs_message_check" CHECK (((char_length(message) >= 1) AND (char_length(message) <= 10000))),
  constraint "ops_logs_metadata_check" CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint "ops_logs_request_id_check" CHECK ((char_length(request_id) <= 200)),
  constraint "ops_logs_source_check" CHECK (((char_length(source) >= 1) AND (char_length(source) <= 120))),
  constraint "ops_logs_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
) partition by RANGE (logged_at);
-- partitions by month in private, made ahead and dropped by pg_cron (private.maintain_partitions)
comment on table public.ops_logs is 'Structured logs, partitioned by month of logged_at (partitions in private, made ahead by pg_cron, dropped by retention). Members read info and warn; admins read every level. Written by the service.';
comment on column public.ops_logs.source is 'The component that logged: an edge function, a cron job, a connector.';
comment on column public.ops_logs.user_id is 'The user the entry concerns, if any (not a foreign key: logs outlive users until retention).';

alter table public.ops_logs enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.ops_logs to service_role;
grant select on public.ops_logs to authenticated;

CREATE INDEX ops_logs_level_idx ON ONLY public.ops_logs USING btree (workspace_id, level, logged_at DESC);

create policy "admins read" on public.ops_logs for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "members read info and warn logs" on public.ops_logs for select to authenticated
  using (((level = ANY (ARRAY['info'::public.log_level, 'warn'::public.log_level])) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids)))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ops_logs FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
