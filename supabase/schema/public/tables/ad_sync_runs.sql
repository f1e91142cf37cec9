create table public.ad_sync_runs (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  connection_id uuid not null,
  ad_account_id uuid,
  platform public.ad_platform not null,
  kind public.ad_sync_kind not null,
  window_from date not null,
  window_to date not null,
  status public.ad_sync_status default 'queued'::public.ad_sync_status not null,
  attempts integer default 0 not null,
  pages integer default 0 not null,
  api_calls integer default 0 not null,
  rows_applied integer default 0 not null,
  rows_unchanged integer default 0 not null,
  rows_rejected integer default 0 not null,
  rejections jsonb default '[]'::jsonb not null,
  error text,
  next_attempt_at timestamp with time zone,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  job_id bigint not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "ad_sync_runs_pkey" PRIMARY KEY (id),
  constraint "ad_sync_runs_api_calls_check" CHECK ((api_calls >= 0)),
  constraint "ad_sync_runs_attempts_check" CHECK ((attempts >= 0)),
  constraint "ad_sync_runs_check" CHECK ((window_to >= window_from)),
  constraint "ad_sync_runs_error_check" CHECK ((char_length(error) <= 2000)),
  constraint "ad_sync_runs_pages_check" CHECK ((pages >= 0)),
  constraint "ad_sync_runs_rejections_check" CHECK ((jsonb_typeof(rejections) = 'array'::text)),
  constraint "ad_sync_runs_rows_applied_check" CHECK ((rows_applied >= 0)),
  constraint "ad_sync_runs_rows_rejected_check" CHECK ((rows_rejected >= 0)),
  constraint "ad_sync_runs_rows_unchanged_check" CHECK ((rows_unchanged >= 0)),
  constraint "ad_sync_runs_workspace_id_ad_account_id_fkey" FOREIGN KEY (workspace_id, ad_account_id) REFERENCES public.ad_accounts(workspace_id, id) ON DELETE SET NULL (ad_account_id),
  constraint "ad_sync_runs_workspace_id_connection_id_fkey" FOREIGN KEY (workspace_id, connection_id) REFERENCES public.integration_connections(workspace_id, id) ON DELETE CASCADE,
  constraint "ad_sync_runs_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "ad_sync_runs_workspace_id_job_id_key" UNIQUE (workspace_id, job_id)
);
comment on table public.ad_sync_runs is 'One row per synced window of an ad account: status, progress and what went wrong. Written by the ads sync; viewers read. Kept 90 days.';
comment on column public.ad_sync_runs.attempts is 'Failed attempts so far, the one running included (throttled and waiting turns do not count).';
comment on column public.ad_sync_runs.api_calls is 'Provider requests made for this window, failed ones included.';
comment on column public.ad_sync_runs.rows_applied is 'Objects and daily rows written because the platform changed them (new, restated, renamed ...).';
comment on column public.ad_sync_runs.rows_unchanged is 'Rows the platform sent again unchanged: nothing was written for them.';
comment on column public.ad_sync_runs.rejections is 'The first 100 rejected rows: [{"kind": "metric" | "campaign" | "ad_group" | "ad" | "account", "index", "external_id", "day", "reason"}].';
comment on column public.ad_sync_runs.error is 'The last failure (provider message, throttling, token) while retrying or waiting, or why it is dead.';
comment on column public.ad_sync_runs.next_attempt_at is 'While queued, waiting or retrying: when the window runs next.';

alter table public.ad_sync_runs enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.ad_sync_runs to service_role;
grant select on public.ad_sync_runs to authenticated;
alter publication supabase_realtime add table public.ad_sync_runs;

CREATE INDEX ad_sync_runs_ad_account_id_idx ON public.ad_sync_runs USING btree (workspace_id, ad_account_id);
CREATE INDEX ad_sync_runs_connection_idx ON public.ad_sync_runs USING btree (connection_id, created_at DESC);
CREATE INDEX ad_sync_runs_job_id_idx ON public.ad_sync_runs USING btree (job_id);
CREATE INDEX ad_sync_runs_workspace_connection_idx ON public.ad_sync_runs USING btree (workspace_id, connection_id);
CREATE INDEX ad_sync_runs_workspace_idx ON public.ad_sync_runs USING btree (workspace_id, created_at DESC);

create policy "viewers read sync runs" on public.ad_sync_runs for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ad_sync_runs FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ad_sync_runs FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
