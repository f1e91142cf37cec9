create table public.survey_sync_state (
  workspace_id uuid not null,
  source text default 'fairing'::text not null,
  cursor text,
  last_synced_at timestamp with time zone,
  last_response_at timestamp with time zone,
  responses_synced bigint default 0 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "survey_sync_state_pkey" PRIMARY KEY (workspace_id, source),
  constraint "survey_sync_state_cursor_check" CHECK ((char_length(cursor) <= 1000)),
  constraint "survey_sync_state_responses_synced_check" CHECK ((responses_synced >= 0)),
  constraint "survey_sync_state_source_check" CHECK ((source ~ '^[a-z0-9_-]{1,32}$'::text)),
  constraint "survey_sync_state_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.survey_sync_state is 'Where the survey sync stands per workspace and tool: the tool''s paging cursor, last sync, newest response seen, responses stored. Written by public.import_survey.';
comment on column public.survey_sync_state.cursor is 'The survey tool''s paging cursor to resume from.';

alter table public.survey_sync_state enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.survey_sync_state to service_role;
grant select on public.survey_sync_state to authenticated;

create policy "viewers read" on public.survey_sync_state for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.survey_sync_state FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.survey_sync_state FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
