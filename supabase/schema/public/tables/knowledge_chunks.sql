create table public.knowledge_chunks (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  collection_id uuid not null,
  document_id uuid not null,
  chunk_index integer not null,
  content text not null,
  question text,
  answer text,
  source text,
  token_count integer default 0 not null,
  content_sha256 text not null,
  embedding extensions.vector(1536),
  embedding_model public.embedding_model,
  embedded_at timestamp with time zone,
  metadata jsonb default '{}'::jsonb not null,
  fts tsvector generated always as (to_tsvector('english'::regconfig, content)) stored,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "knowledge_chunks_pkey" PRIMARY KEY (id),
  constraint "knowledge_chunks_answer_check" CHECK ((char_length(answer) <= 20000)),
  constraint "knowledge_chunks_collection_id_fkey" FOREIGN KEY (collection_id, workspace_id) REFERENCES public.knowledge_collections(id, workspace_id) ON DELETE CASCADE,
  constraint "knowledge_chunks_content_length" CHECK (((char_length(content) >= 1) AND (char_length(content) <= 20000))),
  constraint "knowledge_chunks_document_id_chunk_index_key" UNIQUE (document_id, chunk_index),
  constraint "knowledge_chunks_embedding_has_model" CHECK (((embedding IS NULL) = (embedding_model IS NULL))),
  constraint "knowledge_chunks_index_not_negative" CHECK ((chunk_index >= 0)),
  constraint "knowledge_chunks_metadata_check" CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint "knowledge_chunks_question_check" CHECK ((char_length(question) <= 4000)),
  constraint "knowledge_chunks_source_check" CHECK ((char_length(source) <= 500)),
  constraint "knowledge_chunks_token_count_not_negative" CHECK ((token_count >= 0)),
  constraint "knowledge_chunks_workspace_id_document_id_fkey" FOREIGN KEY (workspace_id, document_id) REFERENCES public.knowledge_documents(workspace_id, id) ON DELETE CASCADE,
  constraint "knowledge_chunks_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "knowledge_chunks_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.knowledge_chunks is 'A piece of a document''s current version with its embedding and full-text vector; what searches return. 004''s demo chunks (question/answer/source) and 000''s agent memories are chunks too.';
comment on column public.knowledge_chunks.workspace_id is 'Copied from the document: searches filter on it without a join.';
comment on column public.knowledge_chunks.collection_id is 'Copied from the document: searches filter on it without a join.';
comment on column public.knowledge_chunks.content is 'The text that is embedded and full-text indexed (for Q&A chunks: question and answer together).';
comment on column public.knowledge_chunks.question is 'For question/answer chunks (004): the question.';
comment on column public.knowledge_chunks.answer is 'For question/answer chunks (004): the answer.';
comment on column public.knowledge_chunks.source is 'Where the text came from, for citations (004), e.g. "Video: Product Demo" or a section title.';
comment on column public.knowledge_chunks.token_count is 'Estimated tokens of content (for the embedding API''s batch limits).';
comment on column public.knowledge_chunks.content_sha256 is 'SHA-256 (hex) of content, set by the database. An embedding is written only while it still matches.';
comment on column public.knowledge_chunks.embedding is 'The content''s embedding (cosine); null until the embed worker has written it.';
comment on column public.knowledge_chunks.embedding_model is 'Which model produced embedding; searches compare only vectors of one model.';
comment on column public.knowledge_chunks.fts is 'English full-text vector of content, for hybrid search.';

alter table public.knowledge_chunks enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.knowledge_chunks to service_role;
grant select, delete on public.knowledge_chunks to authenticated;
grant insert (id) on public.knowledge_chunks to authenticated;
grant insert (workspace_id) on public.knowledge_chunks to authenticated;
grant insert (collection_id) on public.knowledge_chunks to authenticated;
grant insert (document_id) on public.knowledge_chunks to authenticated;
grant insert, update (chunk_index) on public.knowledge_chunks to authenticated;
grant insert, update (content) on public.knowledge_chunks to authenticated;
grant insert, update (question) on public.knowledge_chunks to authenticated;
grant insert, update (answer) on public.knowledge_chunks to authenticated;
grant insert, update (source) on public.knowledge_chunks to authenticated;
grant insert, update (token_count) on public.knowledge_chunks to authenticated;
grant insert, update (metadata) on public.knowledge_chunks to authenticated;

CREATE INDEX knowledge_chunks_collection_id_workspace_id_idx ON public.knowledge_chunks USING btree (collection_id, workspace_id);
CREATE INDEX knowledge_chunks_embedding_idx ON public.knowledge_chunks USING hnsw (embedding extensions.vector_cosine_ops) WITH (m='16', ef_construction='64');
CREATE INDEX knowledge_chunks_fts_idx ON public.knowledge_chunks USING gin (fts);
CREATE INDEX knowledge_chunks_workspace_document_idx ON public.knowledge_chunks USING btree (workspace_id, document_id);

create policy "members add" on public.knowledge_chunks for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.knowledge_chunks for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.knowledge_chunks for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.knowledge_chunks for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER count_deleted_knowledge_chunks AFTER DELETE ON public.knowledge_chunks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.count_knowledge_chunks();
CREATE TRIGGER count_inserted_knowledge_chunks AFTER INSERT ON public.knowledge_chunks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.count_knowledge_chunks();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.knowledge_chunks FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER knowledge_chunks_deleted AFTER DELETE ON public.knowledge_chunks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.knowledge_chunks_deleted();
CREATE TRIGGER knowledge_chunks_inserted AFTER INSERT ON public.knowledge_chunks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.knowledge_chunks_inserted();
CREATE TRIGGER knowledge_chunks_updated AFTER UPDATE ON public.knowledge_chunks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.knowledge_chunks_updated();
CREATE TRIGGER move_knowledge_chunk_counts AFTER UPDATE ON public.knowledge_chunks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.move_knowledge_chunk_counts();
CREATE TRIGGER prepare_knowledge_chunk BEFORE INSERT OR UPDATE ON public.knowledge_chunks FOR EACH ROW EXECUTE FUNCTION private.prepare_knowledge_chunk();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.knowledge_chunks FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
