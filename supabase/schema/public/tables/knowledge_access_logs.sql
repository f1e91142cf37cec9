create table public.knowledge_access_logs (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  user_id uuid,
  caller_role text not null,
  via text not null,
  mode public.knowledge_search_mode not null,
  strategy public.knowledge_search_strategy,
  query_sha256 text not null,
  embedding_model public.embedding_model,
  collection_ids uuid[],
  result_chunk_ids uuid[] default '{}'::uuid[] not null,
  result_count integer generated always as (cardinality(result_chunk_ids)) stored,
  latency_ms numeric(10,2) not null,
  created_at timestamp with time zone default now() not null,
  constraint "knowledge_access_logs_pkey" PRIMARY KEY (id),
  constraint "knowledge_access_logs_latency_ms_check" CHECK ((latency_ms >= (0)::numeric)),
  constraint "knowledge_access_logs_query_sha256_check" CHECK ((query_sha256 ~ '^[0-9a-f]{64}$'::text)),
  constraint "knowledge_access_logs_via_check" CHECK (((char_length(via) >= 1) AND (char_length(via) <= 100))),
  constraint "knowledge_access_logs_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.knowledge_access_logs is 'Search audit trail (003): one row per search, written by the search functions. The query itself is not stored, only its hash.';
comment on column public.knowledge_access_logs.user_id is 'auth.uid() of the searcher; null for anon and service callers. Not a foreign key: history outlives users.';
comment on column public.knowledge_access_logs.caller_role is 'The JWT role: authenticated, anon or service_role.';
comment on column public.knowledge_access_logs.via is 'Which entry point searched: knowledge-search, search_collection ...';
comment on column public.knowledge_access_logs.query_sha256 is 'SHA-256 (hex) of the query text (or of the query vector''s text form when no text was given).';
comment on column public.knowledge_access_logs.collection_ids is 'The collections the search was limited to; null: the whole workspace.';
comment on column public.knowledge_access_logs.result_chunk_ids is 'The chunks returned, best first.';
comment on column public.knowledge_access_logs.latency_ms is 'Time to answer: query embedding (when the caller reports it) plus the search itself.';

alter table public.knowledge_access_logs enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.knowledge_access_logs to service_role;
grant select on public.knowledge_access_logs to authenticated;

CREATE INDEX knowledge_access_logs_user_created_idx ON public.knowledge_access_logs USING btree (user_id, created_at DESC) WHERE (user_id IS NOT NULL);
CREATE INDEX knowledge_access_logs_workspace_created_idx ON public.knowledge_access_logs USING btree (workspace_id, created_at DESC);

create policy "admins read the workspace's searches, everyone their own" on public.knowledge_access_logs for select to authenticated
  using (((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))) OR ((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.knowledge_access_logs FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
