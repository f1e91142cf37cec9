-- Knowledge: one model for every seed's knowledge base. Collections (general, campaign, demo,
-- agent) hold versioned documents; documents are split into chunks with a 1536-dimension
-- embedding and a full-text vector; searches are logged. 001's documents/chunks/metadata, 002's
-- versioned knowledge_base with tags, 003's buckets and access logs, 004's demo chunks with
-- question/answer/source, 000's agent memories (chunks of an agent collection).
--
-- Who writes what: members create collections and documents and may edit chunk text through
-- PostgREST; ingestion (knowledge-ingest -> public.ingest_knowledge_document) writes versions and
-- chunks; only the embed worker (service role, through private functions) writes embeddings.
-- Every chunk whose text changes is queued for embedding by a trigger (20261124110000).

-- ===== closed sets
create type public.knowledge_scope as enum ('general', 'campaign', 'demo', 'agent');
comment on type public.knowledge_scope is 'What a collection belongs to: the workspace in general, or one campaign, demo or agent (owner_id names it).';

create type public.knowledge_document_status as enum ('pending', 'chunking', 'embedding', 'ready', 'failed');
comment on type public.knowledge_document_status is 'pending (row created, no text yet) -> chunking -> embedding (chunks wait for vectors) -> ready (every chunk embedded) | failed (a chunk''s embedding was dead-lettered; error says why).';

create type public.knowledge_source_type as enum ('text', 'markdown', 'html', 'url', 'file', 'qa', 'memory');
comment on type public.knowledge_source_type is 'Where a document''s text came from: pasted text, markdown, HTML, a fetched URL, a file in storage, question/answer pairs (004), or an agent memory (000).';

create type public.embedding_model as enum ('text-embedding-3-small', 'local-lexical-v1');
comment on type public.embedding_model is 'Embedding models the embed worker can call, all 1536 dimensions: OpenAI text-embedding-3-small, and local-lexical-v1, a deterministic lexical feature-hashing model (not semantic) for offline stacks and tests.';

-- ===== collections
create table public.knowledge_collections (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  scope public.knowledge_scope not null default 'general',
  owner_id uuid,
  name text not null check (char_length(btrim(name)) between 1 and 200),
  description text check (char_length(description) <= 4000),
  embedding_model public.embedding_model,
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint knowledge_collections_owner_matches_scope check ((scope = 'general') = (owner_id is null)),
  unique (workspace_id, id)
);
comment on table public.knowledge_collections is 'A knowledge base (003''s buckets): general, or one campaign''s, demo''s or agent''s. Chunks of one collection are embedded with one model.';
comment on column public.knowledge_collections.owner_id is 'The campaign, demo or agent this collection belongs to (null for general). Not a foreign key: those tables live in other domains.';
comment on column public.knowledge_collections.embedding_model is 'The model every chunk of this collection is embedded with; null means the deployment''s default (EMBEDDING_MODEL of the functions). Changing it re-embeds the collection.';
comment on column public.knowledge_collections.metadata is 'Free-form settings and labels.';
create index knowledge_collections_created_by_idx on public.knowledge_collections (created_by);
-- One collection per demo and per agent (DESIGN.md); campaigns may have several.
create unique index knowledge_collections_one_per_owner on public.knowledge_collections (workspace_id, scope, owner_id)
  where scope in ('demo', 'agent');
create index knowledge_collections_owner_idx on public.knowledge_collections (owner_id) where owner_id is not null;
create trigger set_updated_at before update on public.knowledge_collections
  for each row execute function private.set_updated_at();

create function private.check_knowledge_collection() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.scope = 'general' and new.owner_id is not null then
    raise exception 'a general collection has no owner_id' using errcode = '22023',
      hint = 'use scope campaign, demo or agent to attach the collection to one of them';
  end if;
  if new.scope <> 'general' and new.owner_id is null then
    raise exception 'a % collection needs owner_id: the id of its %', new.scope, new.scope using errcode = '22023';
  end if;
  return new;
end $$;
comment on function private.check_knowledge_collection() is 'BEFORE INSERT/UPDATE on knowledge_collections: scope and owner_id agree, with a readable message.';
create trigger check_knowledge_collection before insert or update of scope, owner_id on public.knowledge_collections
  for each row execute function private.check_knowledge_collection();

-- ===== documents (versioned: one row per version, one current row per document key)
create table public.knowledge_documents (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  collection_id uuid not null,
  document_key text not null check (char_length(document_key) between 1 and 500),
  title text check (char_length(title) <= 500),
  document_type text check (char_length(document_type) between 1 and 100),
  source_type public.knowledge_source_type not null default 'text',
  source_uri text check (char_length(source_uri) <= 2048),
  storage_path text check (char_length(storage_path) <= 1024),
  content text,
  content_sha256 text check (content_sha256 ~ '^[0-9a-f]{64}$'),
  version integer not null default 1 check (version >= 1),
  is_current boolean not null default true,
  previous_version_id uuid references public.knowledge_documents (id) on delete set null,
  tags text[] not null default '{}',
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  status public.knowledge_document_status not null default 'pending',
  error text,
  chunk_count integer not null default 0,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, collection_id) references public.knowledge_collections (workspace_id, id) on delete cascade,
  unique (collection_id, document_key, version),
  unique (workspace_id, id)
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
create index knowledge_documents_workspace_collection_idx on public.knowledge_documents (workspace_id, collection_id);
create unique index knowledge_documents_one_current on public.knowledge_documents (collection_id, document_key) where is_current;
create index knowledge_documents_previous_version_id_idx on public.knowledge_documents (previous_version_id);
create index knowledge_documents_created_by_idx on public.knowledge_documents (created_by);
create index knowledge_documents_tags_idx on public.knowledge_documents using gin (tags);
create index knowledge_documents_workspace_type_idx on public.knowledge_documents (workspace_id, document_type);
create trigger set_updated_at before update on public.knowledge_documents
  for each row execute function private.set_updated_at();

-- ===== chunks
create table public.knowledge_chunks (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  collection_id uuid not null references public.knowledge_collections (id) on delete cascade,
  document_id uuid not null,
  chunk_index integer not null,
  content text not null,
  question text check (char_length(question) <= 4000),
  answer text check (char_length(answer) <= 20000),
  source text check (char_length(source) <= 500),
  token_count integer not null default 0,
  content_sha256 text not null,
  embedding extensions.vector(1536),
  embedding_model public.embedding_model,
  embedded_at timestamptz,
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  fts tsvector generated always as (to_tsvector('english'::regconfig, content)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, document_id) references public.knowledge_documents (workspace_id, id) on delete cascade,
  constraint knowledge_chunks_index_not_negative check (chunk_index >= 0),
  constraint knowledge_chunks_content_length check (char_length(content) between 1 and 20000),
  constraint knowledge_chunks_token_count_not_negative check (token_count >= 0),
  constraint knowledge_chunks_embedding_has_model check ((embedding is null) = (embedding_model is null)),
  unique (document_id, chunk_index)
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
create index knowledge_chunks_workspace_document_idx on public.knowledge_chunks (workspace_id, document_id);
create index knowledge_chunks_collection_id_idx on public.knowledge_chunks (collection_id);
create index knowledge_chunks_fts_idx on public.knowledge_chunks using gin (fts);
-- HNSW, not IVFFlat: IVFFlat needs data before it is built and loses recall under filters.
create index knowledge_chunks_embedding_idx on public.knowledge_chunks
  using hnsw (embedding extensions.vector_cosine_ops) with (m = 16, ef_construction = 64);
create trigger set_updated_at before update on public.knowledge_chunks
  for each row execute function private.set_updated_at();

-- ===== access logs: who searched what (by hash), what came back, how long it took
create type public.knowledge_search_mode as enum ('vector', 'hybrid', 'text');
comment on type public.knowledge_search_mode is 'vector: embedding similarity; text: full-text rank; hybrid: both fused by reciprocal rank fusion.';
create type public.knowledge_search_strategy as enum ('exact', 'index');
comment on type public.knowledge_search_strategy is 'How the vector part ran: exact (every chunk in scope compared, for small scopes) or index (HNSW with iterative scan, for large ones).';

create table public.knowledge_access_logs (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  user_id uuid,
  caller_role text not null,
  via text not null check (char_length(via) between 1 and 100),
  mode public.knowledge_search_mode not null,
  strategy public.knowledge_search_strategy,
  query_sha256 text not null check (query_sha256 ~ '^[0-9a-f]{64}$'),
  embedding_model public.embedding_model,
  collection_ids uuid[],
  result_chunk_ids uuid[] not null default '{}',
  result_count integer generated always as (cardinality(result_chunk_ids)) stored,
  latency_ms numeric(10, 2) not null check (latency_ms >= 0),
  created_at timestamptz not null default now()
);
comment on table public.knowledge_access_logs is 'Search audit trail (003): one row per search, written by the search functions. The query itself is not stored, only its hash.';
comment on column public.knowledge_access_logs.user_id is 'auth.uid() of the searcher; null for anon and service callers. Not a foreign key: history outlives users.';
comment on column public.knowledge_access_logs.caller_role is 'The JWT role: authenticated, anon or service_role.';
comment on column public.knowledge_access_logs.via is 'Which entry point searched: knowledge-search, search_collection ...';
comment on column public.knowledge_access_logs.query_sha256 is 'SHA-256 (hex) of the query text (or of the query vector''s text form when no text was given).';
comment on column public.knowledge_access_logs.collection_ids is 'The collections the search was limited to; null: the whole workspace.';
comment on column public.knowledge_access_logs.result_chunk_ids is 'The chunks returned, best first.';
comment on column public.knowledge_access_logs.latency_ms is 'Time to answer: query embedding (when the caller reports it) plus the search itself.';
create index knowledge_access_logs_workspace_created_idx on public.knowledge_access_logs (workspace_id, created_at desc);
create index knowledge_access_logs_user_created_idx on public.knowledge_access_logs (user_id, created_at desc) where user_id is not null;

-- ===== access
alter table public.knowledge_collections enable row level security;
alter table public.knowledge_documents enable row level security;
alter table public.knowledge_chunks enable row level security;
alter table public.knowledge_access_logs enable row level security;

grant select, delete on public.knowledge_collections, public.knowledge_documents, public.knowledge_chunks to authenticated;
grant insert (id, workspace_id, scope, owner_id, name, description, embedding_model, metadata)
  on public.knowledge_collections to authenticated;
grant update (name, description, embedding_model, metadata) on public.knowledge_collections to authenticated;
grant insert (id, workspace_id, collection_id, document_key, title, document_type, source_type, source_uri, storage_path, tags, metadata)
  on public.knowledge_documents to authenticated;
grant update (title, document_type, source_uri, storage_path, tags, metadata) on public.knowledge_documents to authenticated;
grant insert (id, workspace_id, collection_id, document_id, chunk_index, content, question, answer, source, token_count, metadata)
  on public.knowledge_chunks to authenticated;
grant update (chunk_index, content, question, answer, source, token_count, metadata) on public.knowledge_chunks to authenticated;
grant select on public.knowledge_access_logs to authenticated;
grant all on public.knowledge_collections, public.knowledge_documents, public.knowledge_chunks, public.knowledge_access_logs
  to service_role;

select private.tenant_policies('public.knowledge_collections', 'viewer', 'member');
select private.tenant_policies('public.knowledge_documents', 'viewer', 'member');
select private.tenant_policies('public.knowledge_chunks', 'viewer', 'member');

create policy "admins read the workspace's searches, everyone their own" on public.knowledge_access_logs
  for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin')))
         or (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer')))));
select private.install_tenant_guard('public.knowledge_access_logs');

alter publication supabase_realtime add table public.knowledge_documents;
