create table public.knowledge_documents (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  collection_id uuid not null,
  document_key text not null,
  title text,
  document_type text,
  source_type public.knowledge_source_type default 'text'::public.knowledge_source_type not null,
  source_uri text,
  storage_path text,
  content text,
  content_sha256 text,
  version integer default 1 not null,
  is_current boolean default true not null,
  previous_version_id uuid,
  tags text[] default '{}'::text[] not null,
  metadata jsonb default '{}'::jsonb not null,
  status public.knowledge_document_status default 'pending'::public.knowledge_document_status not null,
  error text,
  chunk_count integer default 0 not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "knowledge_documents_pkey" PRIMARY KEY (id),
  constraint "knowledge_documents_collection_id_document_key_version_key" UNIQUE (collection_id, document_key, version),
  constraint "knowledge_documents_content_sha256_check" CHECK ((content_sha256 ~ '^[0-9a-f]{64}$'::text)),
  constraint "knowledge_documents_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "knowledge_documents_document_key_check" CHECK (((char_length(document_key) >= 1) AND (char_length(document_key) <= 500))),
  constraint "knowledge_documents_document_type_check" CHECK (((char_length(document_type) >= 1) AND (char_length(document_type) <= 100))),
  constraint "knowledge_documents_metadata_check" CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint "knowledge_documents_previous_version_id_fkey" FOREIGN KEY (previous_version_id, workspace_id) REFERENCES public.knowledge_documents(id, workspace_id) ON DELETE SET NULL (previous_version_id),
  constraint "knowledge_documents_source_uri_check" CHECK ((char_length(source_uri) <= 2048)),
  constraint "knowledge_documents_storage_path_check" CHECK ((char_length(storage_path) <= 1024)),
  constraint "knowledge_documents_title_check" CHECK ((char_length(title) <= 500)),
  constraint "knowledge_documents_version_check" CHECK ((version >= 1)),
  constraint "knowledge_documents_workspace_id_collection_id_fkey" FOREIGN KEY (workspace_id, collection_id) REFERENCES public.knowledge_collections(workspace_id, id) ON DELETE CASCADE,
  constraint "knowledge_documents_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "knowledge_documents_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.knowledge_documents is 'A document version in a collection (002''s versioned knowledge_base, 003''s documents with chunking status). Re-ingesting changed text adds a version; only the current version has chunks.';
comment on column public.knowledge_documents.document_key is 'Stable key across versions (a URL, a file path, a title); unique per collection among current versions.';
comment on column public.knowledge_documents.document_type is 'Free-form category (policy, faq, product, research_note, an agent memory type ...), 002''s document_type.';
comment on column public.knowledge_documents.storage_path is 'For files: <workspace_id>/... in storage.';
comment on column public.knowledge_documents.content is 'The normalised text of this version (what was chunked).';
comment on column public.knowledge_documents.content_sha256 is 'SHA-256 (hex) of content; re-ingesting identical text adds no version.';
comment on column public.knowledge_documents.is_current is 'True for the latest version of a document key; older versions keep their text but no chunks.';
comment on column public.knowledge_documents.previous_version_id is 'The version this one replaced.';
comment on column public.knowledge_documents.metadata is '001''s knowledge_metadata: free-form attributes for display and filtering.';
comment on column public.knowledge_documents.status is 'Kept by the database from the chunks and the embedding queue; not writable by API roles.';
comment on column public.knowledge_documents.error is 'Why the document failed (the last dead-lettered embedding error).';
comment on column public.knowledge_documents.chunk_count is 'How many chunks the current version has; kept by triggers.';

alter table public.knowledge_documents enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.knowledge_documents to service_role;
grant select, delete on public.knowledge_documents to authenticated;
grant insert (id) on public.knowledge_documents to authenticated;
grant insert (workspace_id) on public.knowledge_documents to authenticated;
grant insert (collection_id) on public.knowledge_documents to authenticated;
grant insert (document_key) on public.knowledge_documents to authenticated;
grant insert, update (title) on public.knowledge_documents to authenticated;
grant insert, update (document_type) on public.knowledge_documents to authenticated;
grant insert (source_type) on public.knowledge_documents to authenticated;
grant insert, update (source_uri) on public.knowledge_documents to authenticated;
grant insert, update (storage_path) on public.knowledge_documents to authenticated;
grant insert, update (tags) on public.knowledge_documents to authenticated;
grant insert, update (metadata) on public.knowledge_documents to authenticated;
alter publication supabase_realtime add table public.knowledge_documents;

CREATE INDEX knowledge_documents_created_by_idx ON public.knowledge_documents USING btree (created_by);
CREATE UNIQUE INDEX knowledge_documents_one_current ON public.knowledge_documents USING btree (collection_id, document_key) WHERE is_current;
CREATE INDEX knowledge_documents_previous_version_id_workspace_id_idx ON public.knowledge_documents USING btree (previous_version_id, workspace_id);
CREATE INDEX knowledge_documents_tags_idx ON public.knowledge_documents USING gin (tags);
CREATE INDEX knowledge_documents_workspace_collection_idx ON public.knowledge_documents USING btree (workspace_id, collection_id);
CREATE INDEX knowledge_documents_workspace_type_idx ON public.knowledge_documents USING btree (workspace_id, document_type);

create policy "members add" on public.knowledge_documents for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.knowledge_documents for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.knowledge_documents for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.knowledge_documents for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.knowledge_documents FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.knowledge_documents FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
