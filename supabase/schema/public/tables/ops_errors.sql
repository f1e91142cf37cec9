create table public.ops_errors (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  fingerprint text not null,
  error_type text not null,
  source text not null,
  message text not null,
  stack text,
  severity public.ops_severity default 'medium'::public.ops_severity not null,
  status public.ops_error_status default 'open'::public.ops_error_status not null,
  occurrence_count bigint default 1 not null,
  first_seen_at timestamp with time zone default now() not null,
  last_seen_at timestamp with time zone default now() not null,
  last_context jsonb default '{}'::jsonb not null,
  resolved_at timestamp with time zone,
  resolved_by uuid,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "ops_errors_pkey" PRIMARY KEY (id),
  constraint "ops_errors_error_type_check" CHECK (((char_length(error_type) >= 1) AND (char_length(error_type) <= 200))),
  constraint "ops_errors_fingerprint_check" CHECK ((fingerprint ~ '^[0-9a-f]{64}$'::text)),
  constraint "ops_errors_last_context_check" CHECK ((jsonb_typeof(last_context) = 'object'::text)),
  constraint "ops_errors_message_check" CHECK (((char_length(message) >= 1) AND (char_length(message) <= 10000))),
  constraint "ops_errors_occurrence_count_check" CHECK ((occurrence_count > 0)),
  constraint "ops_errors_resolved_by_fkey" FOREIGN KEY (resolved_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "ops_errors_source_check" CHECK (((char_length(source) >= 1) AND (char_length(source) <= 120))),
  constraint "ops_errors_stack_check" CHECK ((char_length(stack) <= 50000)),
  constraint "ops_errors_workspace_id_fingerprint_key" UNIQUE (workspace_id, fingerprint),
  constraint "ops_errors_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "ops_errors_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.ops_errors is 'Errors deduplicated by fingerprint: one row per distinct error per workspace, counted by public.report_error(). Members triage (status); the service and signed-in members report.';
comment on column public.ops_errors.fingerprint is 'SHA-256 (hex) of the error''s identity: type, source and the message with numbers, ids and hex strings masked, or of the caller''s own key.';
comment on column public.ops_errors.occurrence_count is 'How many times it was reported; incremented atomically by report_error.';
comment on column public.ops_errors.last_context is 'Context of the latest occurrence (request id, url, user agent ...).';

alter table public.ops_errors enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.ops_errors to service_role;
grant select on public.ops_errors to authenticated;
grant update (status) on public.ops_errors to authenticated;

CREATE INDEX ops_errors_resolved_by_idx ON public.ops_errors USING btree (resolved_by);
CREATE INDEX ops_errors_triage_idx ON public.ops_errors USING btree (workspace_id, status, last_seen_at DESC);

create policy "members change" on public.ops_errors for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.ops_errors for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER guard_ops_error BEFORE UPDATE ON public.ops_errors FOR EACH ROW WHEN ((NOT ((old.resolved_by IS NOT NULL) AND (new.resolved_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.resolved_by], ARRAY[new.resolved_by])))) EXECUTE FUNCTION private.guard_ops_error();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ops_errors FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ops_errors FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
