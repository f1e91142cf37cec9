create table public.analytics_sync_runs (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  connection_id uuid not null,
  source public.analytics_source not null,
  kind public.analytics_sync_kind not null,
  window_from date not null,
  window_to date not null,
  status public.analytics_sync_status default 'queued'::public.analytics_sync_status not null,
  attempts integer default 0 not null,
  pages integer default 0 not null,
  api_calls integer default 0 not null,
  rows_written integer default 0 not null,
  error text,
  next_attempt_at timestamp with time zone,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  job_id bigint not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "analytics_sync_runs_pkey" PRIMARY KEY (id),
  constraint "a window ends on or after it starts" CHECK ((window_to >= window_from)),
  constraint "analytics_sync_runs_api_calls_check" CHECK ((api_calls >= 0)),
  constraint "analytics_sync_runs_attempts_check" CHECK ((attempts >= 0)),
  constraint "analytics_sync_runs_error_check" CHECK ((char_length(error) <= 2000)),
  constraint "analytics_sync_runs_pages_check" CHECK ((pages >= 0)),
  constraint "analytics_sync_runs_rows_written_check" CHECK ((rows_written >= 0)),
  constraint "analytics_sync_runs_workspace_id_connection_id_fkey" FOREIGN KEY (workspace_id, connection_id) REFERENCES public.integration_connections(workspace_id, id) ON DELETE CASCADE,
  constraint "analytics_sync_runs_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "analytics_sync_runs_workspace_id_job_id_key" UNIQUE (workspace_id, job_id)
);
comment on table public.analytics_sync_runs is 'One row per analytics pull (a source, a window of days): status, pages, provider calls, rows written and what went wrong, mirrored from its connector job. Written by the analytics sync; viewers read. Kept 90 days.';
comment on column public.analytics_sync_runs.attempts is 'Failed attempts so far, the one running included (throttled and waiting turns do not count).';
comment on column public.analytics_sync_runs.api_calls is 'Provider requests made for this pull that were applied (a failed request is counted in the connection''s health, not here).';
comment on column public.analytics_sync_runs.rows_written is 'Rows the pull inserted or changed in the analytics tables.';
comment on column public.analytics_sync_runs.error is 'The last failure (provider message, throttling, token) while retrying or waiting, or why it is dead.';
comment on column public.analytics_sync_runs.next_attempt_at is 'While queued, waiting or retrying: when the pull runs next.';
comment on column public.analytics_sync_runs.job_id is 'Its job on the connector queue analytics_sync (private.connector_jobs).';

alter table public.analytics_sync_runs enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.analytics_sync_runs to service_role;
grant select on public.analytics_sync_runs to authenticated;

CREATE INDEX analytics_sync_runs_connection_idx ON public.analytics_sync_runs USING btree (workspace_id, connection_id, source, created_at DESC);
CREATE INDEX analytics_sync_runs_finished_idx ON public.analytics_sync_runs USING btree (finished_at) WHERE (finished_at IS NOT NULL);
CREATE INDEX analytics_sync_runs_workspace_idx ON public.analytics_sync_runs USING btree (workspace_id, created_at DESC);

create policy "viewers read" on public.analytics_sync_runs for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.analytics_sync_runs FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.analytics_sync_runs FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
