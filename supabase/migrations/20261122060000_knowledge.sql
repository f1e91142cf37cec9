-- Knowledge: one model for every knowledge base. Collections (general, campaign, demo, agent)
-- hold versioned documents with tags; documents are split into chunks with a 1536-dimension
-- embedding and a full-text vector (a demo's chunks may carry question, answer and source; an
-- agent's memories are chunks of its collection); searches are logged.
--
-- Who writes what: members create collections and documents and may edit chunk text through
-- PostgREST; ingestion (knowledge-ingest -> public.ingest_knowledge_document) writes versions and
-- chunks; only the embed worker (service role, through private functions) writes embeddings.
-- Every chunk whose text changes is queued for embedding by a trigger (the embedding queue below).

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
alter table public.knowledge_collections enable row level security;
grant select, delete on public.knowledge_collections to authenticated;
grant insert (id, workspace_id, scope, owner_id, name, description, embedding_model, metadata) on public.knowledge_collections to authenticated;
grant update (name, description, embedding_model, metadata) on public.knowledge_collections to authenticated;
select private.install_row_triggers('public.knowledge_collections');
select private.tenant_policies('public.knowledge_collections', 'viewer', 'member');

create index knowledge_collections_created_by_idx on public.knowledge_collections (created_by);

-- One collection per demo and per agent (DESIGN.md); campaigns may have several.
create unique index knowledge_collections_one_per_owner on public.knowledge_collections (workspace_id, scope, owner_id)
  where scope in ('demo', 'agent');

create index knowledge_collections_owner_idx on public.knowledge_collections (owner_id) where owner_id is not null;

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
alter table public.knowledge_documents enable row level security;
grant select, delete on public.knowledge_documents to authenticated;
grant insert (id, workspace_id, collection_id, document_key, title, document_type, source_type, source_uri, storage_path, tags, metadata) on public.knowledge_documents to authenticated;
grant update (title, document_type, source_uri, storage_path, tags, metadata) on public.knowledge_documents to authenticated;
alter publication supabase_realtime add table public.knowledge_documents;
select private.install_row_triggers('public.knowledge_documents');
select private.tenant_policies('public.knowledge_documents', 'viewer', 'member');

create index knowledge_documents_workspace_collection_idx on public.knowledge_documents (workspace_id, collection_id);

create unique index knowledge_documents_one_current on public.knowledge_documents (collection_id, document_key) where is_current;

create index knowledge_documents_previous_version_id_idx on public.knowledge_documents (previous_version_id);

create index knowledge_documents_created_by_idx on public.knowledge_documents (created_by);

create index knowledge_documents_tags_idx on public.knowledge_documents using gin (tags);

create index knowledge_documents_workspace_type_idx on public.knowledge_documents (workspace_id, document_type);

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
alter table public.knowledge_chunks enable row level security;
grant select, delete on public.knowledge_chunks to authenticated;
grant insert (id, workspace_id, collection_id, document_id, chunk_index, content, question, answer, source, token_count, metadata) on public.knowledge_chunks to authenticated;
grant update (chunk_index, content, question, answer, source, token_count, metadata) on public.knowledge_chunks to authenticated;
select private.install_row_triggers('public.knowledge_chunks');
select private.tenant_policies('public.knowledge_chunks', 'viewer', 'member');

create index knowledge_chunks_workspace_document_idx on public.knowledge_chunks (workspace_id, document_id);

create index knowledge_chunks_collection_id_idx on public.knowledge_chunks (collection_id);

create index knowledge_chunks_fts_idx on public.knowledge_chunks using gin (fts);

-- HNSW, not IVFFlat: IVFFlat needs data before it is built and loses recall under filters.
create index knowledge_chunks_embedding_idx on public.knowledge_chunks
  using hnsw (embedding extensions.vector_cosine_ops) with (m = 16, ef_construction = 64);

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
comment on column public.knowledge_access_logs.result_chunk_ids is 'The chunks returned, best first.';
comment on column public.knowledge_access_logs.latency_ms is 'Time to answer: query embedding (when the caller reports it) plus the search itself.';
comment on column public.knowledge_access_logs.user_id is 'auth.uid() of the searcher; null for anon and service callers. Not a foreign key: history outlives users.';
comment on column public.knowledge_access_logs.caller_role is 'The JWT role: authenticated, anon or service_role.';
comment on column public.knowledge_access_logs.via is 'Which entry point searched: knowledge-search, search_collection ...';
comment on column public.knowledge_access_logs.query_sha256 is 'SHA-256 (hex) of the query text (or of the query vector''s text form when no text was given).';
comment on column public.knowledge_access_logs.collection_ids is 'The collections the search was limited to; null: the whole workspace.';
alter table public.knowledge_access_logs enable row level security;
grant select on public.knowledge_access_logs to authenticated;
select private.install_row_triggers('public.knowledge_access_logs');

create index knowledge_access_logs_workspace_created_idx on public.knowledge_access_logs (workspace_id, created_at desc);

create index knowledge_access_logs_user_created_idx on public.knowledge_access_logs (user_id, created_at desc) where user_id is not null;

create policy "admins read the workspace's searches, everyone their own" on public.knowledge_access_logs
  for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin')))
         or (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids('viewer')))));

-- The embedding queue: every chunk whose text is new or changed gets one open job; the embed
-- worker (functions/embed, service role) claims jobs with a lease (visibility timeout, FOR UPDATE
-- SKIP LOCKED), calls the embeddings API and reports back. A vector is written only while the
-- chunk's content hash is still the one that was embedded and the worker still holds the lease,
-- so nothing is embedded twice and nothing stale is written. Failures back off exponentially
-- and, after max_attempts (or at once when the provider says the input is bad), the job is dead:
-- kept with its last error, and its document turns failed. pg_cron wakes the worker every minute
-- when jobs are due, and new jobs wake it at commit (private.callable_functions, pg_net + Vault).
create type private.embedding_job_status as enum ('queued', 'running', 'done', 'dead');

comment on type private.embedding_job_status is 'queued (waiting until visible_at) -> running (leased until visible_at) -> done | dead (dead letter, last_error says why); a failed attempt goes back to queued.';

create table private.embedding_jobs (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  chunk_id uuid not null references public.knowledge_chunks (id) on delete cascade,
  content_sha256 text not null,
  status private.embedding_job_status not null default 'queued',
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 5 check (max_attempts between 1 and 50),
  visible_at timestamptz not null default now(),
  lease_id uuid,
  claimed_at timestamptz,
  completed_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
comment on table private.embedding_jobs is 'Embedding queue: one open (queued/running) job per chunk; done and dead jobs stay for a week (dead ones until retried or their chunk goes).';
comment on column private.embedding_jobs.content_sha256 is 'The chunk text this job embeds; a text change re-arms the open job with the new hash.';
comment on column private.embedding_jobs.visible_at is 'queued: not before this time (backoff); running: the lease ends, after which another worker may claim it (visibility timeout).';
comment on column private.embedding_jobs.lease_id is 'Issued at each claim; the worker''s report counts only with the current lease.';
comment on column private.embedding_jobs.last_error is 'The last failure (provider status and message, or timeout).';
alter table private.embedding_jobs enable row level security;
grant select on private.embedding_jobs to service_role;
select private.install_row_triggers('private.embedding_jobs');

create index embedding_jobs_workspace_id_idx on private.embedding_jobs (workspace_id);

create index embedding_jobs_chunk_id_idx on private.embedding_jobs (chunk_id);

create unique index embedding_jobs_one_open_per_chunk on private.embedding_jobs (chunk_id) where status in ('queued', 'running');

create index embedding_jobs_due_idx on private.embedding_jobs (visible_at, id) where status in ('queued', 'running');

create index embedding_jobs_completed_idx on private.embedding_jobs (completed_at) where status in ('done', 'dead');

-- Query embeddings already computed, keyed by model and the query text's hash (knowledge-search).
create table private.query_embedding_cache (
  embedding_model public.embedding_model not null,
  text_sha256 text not null check (text_sha256 ~ '^[0-9a-f]{64}$'),
  embedding extensions.vector(1536) not null,
  created_at timestamptz not null default now(),
  used_at timestamptz not null default now(),
  primary key (embedding_model, text_sha256)
);
comment on table private.query_embedding_cache is 'Embeddings of search queries by (model, SHA-256 of the text), so a repeated query costs no API call; unused entries go after 30 days.';
alter table private.query_embedding_cache enable row level security;

-- ===== helpers
create function private.sha256_hex(p_text text) returns text
language sql immutable parallel safe set search_path = '' as $$
  select encode(sha256(convert_to(p_text, 'UTF8')), 'hex')
$$;
comment on function private.sha256_hex(text) is 'SHA-256 of the UTF-8 text, lowercase hex (the same as the functions compute).';
grant execute on function private.sha256_hex(text) to authenticated, service_role;

-- Backoff before the next attempt after n failed ones: 10 s x 2^(n-1), at most 1 h, times 0.75-1.25.
create function private.embedding_backoff(p_attempts integer, p_jitter double precision default random())
returns interval
language sql immutable set search_path = '' as $$
  select make_interval(secs => least(10 * power(2, greatest(p_attempts, 1) - 1), 3600) * (0.75 + 0.5 * p_jitter))
$$;
comment on function private.embedding_backoff(integer, double precision) is 'Exponential backoff with jitter for embedding retries: 10 s, 20 s, 40 s ... capped at 1 h.';

-- Chunk counts of documents and the status of current ones, from their chunks and the queue
-- (an older version keeps the status it had when it was replaced).
create function private.refresh_knowledge_documents(p_document_ids uuid[]) returns void
language sql volatile security definer set search_path = '' as $$
  with s as (
    select d.id, d.is_current, count(c.id)::integer as total, count(c.id) filter (where c.embedding is null) as missing,
      (select j.last_error from private.embedding_jobs j join public.knowledge_chunks c2 on c2.id = j.chunk_id
       where c2.document_id = d.id and c2.embedding is null and j.status = 'dead' and j.content_sha256 = c2.content_sha256
       order by j.completed_at desc limit 1) as dead_error
    from public.knowledge_documents d
    left join public.knowledge_chunks c on c.document_id = d.id
    where d.id = any (p_document_ids)
    group by d.id
  ), n as (
    select s.id, s.total,
      case when s.total = 0 or not s.is_current then null
           when s.dead_error is not null then 'failed'
           when s.missing > 0 then 'embedding'
           else 'ready' end::public.knowledge_document_status as status,
      s.dead_error
    from s
  )
  update public.knowledge_documents d set
    chunk_count = n.total,
    status = coalesce(n.status, d.status),
    error = case when n.status is null then d.error when n.status = 'failed' then n.dead_error end
  from n
  where d.id = n.id
    and (d.chunk_count, d.status, d.error) is distinct from
        (n.total, coalesce(n.status, d.status), case when n.status is null then d.error when n.status = 'failed' then n.dead_error end)
$$;
comment on function private.refresh_knowledge_documents(uuid[]) is 'Recomputes chunk_count, and for current versions status (embedding/ready/failed) and error, from the chunks and dead jobs.';

-- Opens (or re-arms) one job per chunk for the chunk's current text.
create function private.enqueue_chunk_embeddings(p_chunk_ids uuid[]) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  insert into private.embedding_jobs as j (workspace_id, chunk_id, content_sha256)
  select c.workspace_id, c.id, c.content_sha256
  from public.knowledge_chunks c
  where c.id = any (p_chunk_ids)
  order by c.id
  on conflict (chunk_id) where status in ('queued', 'running') do update
    set content_sha256 = excluded.content_sha256, status = 'queued', attempts = 0, visible_at = now(),
        lease_id = null, claimed_at = null, last_error = null
    where j.content_sha256 <> excluded.content_sha256;
  get diagnostics n = row_count;
  if n > 0 then
    perform private.wake_function('embed');
  end if;
  return n;
end $$;
comment on function private.enqueue_chunk_embeddings(uuid[]) is 'Queues the chunks'' current text for embedding (an open job with other text is re-armed: its old lease no longer counts) and wakes the embed worker at commit.';

-- ===== chunk triggers
-- Before a row is written: workspace and collection come from the document; the content hash
-- is computed here; new text clears the old embedding.
create function private.prepare_knowledge_chunk() returns trigger
language plpgsql set search_path = '' as $$
declare
  d record;
begin
  if tg_op = 'INSERT' then
    select kd.workspace_id, kd.collection_id, kd.is_current into d
    from public.knowledge_documents kd where kd.id = new.document_id;
    if not found then
      raise exception 'document % not found', new.document_id using errcode = 'PT404';
    end if;
    if not d.is_current then
      raise exception 'this document version is no longer current; add chunks to the current version'
        using errcode = 'PT409';
    end if;
    if new.collection_id is not null and new.collection_id <> d.collection_id then
      raise exception 'collection_id does not match the document''s collection' using errcode = '22023';
    end if;
    new.workspace_id := coalesce(new.workspace_id, d.workspace_id);
    new.collection_id := d.collection_id;
  end if;
  if new.content is null or btrim(new.content) = '' then
    raise exception 'a chunk needs text' using errcode = '22023';
  end if;
  new.content_sha256 := private.sha256_hex(new.content);
  -- (an update that writes a vector also sets embedded_at; vectors are not compared here)
  if tg_op = 'UPDATE' and new.content_sha256 is distinct from old.content_sha256
     and new.embedded_at is not distinct from old.embedded_at then
    new.embedding := null;
    new.embedding_model := null;
    new.embedded_at := null;
  end if;
  if new.embedding is null then
    new.embedding_model := null;
    new.embedded_at := null;
  elsif new.embedded_at is null then
    new.embedded_at := now();
  end if;
  return new;
end $$;
comment on function private.prepare_knowledge_chunk() is 'BEFORE INSERT/UPDATE on knowledge_chunks: tenant keys from the document, content hash, stale embedding cleared.';

create trigger prepare_knowledge_chunk before insert or update on public.knowledge_chunks
  for each row execute function private.prepare_knowledge_chunk();

create function private.knowledge_chunks_inserted() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.enqueue_chunk_embeddings(array(select n.id from new_rows n where n.embedding is null));
  perform private.refresh_knowledge_documents(array(select distinct n.document_id from new_rows n));
  return null;
end $$;
comment on function private.knowledge_chunks_inserted() is 'AFTER INSERT (statement) on knowledge_chunks: queue the chunks without embedding, refresh their documents.';

create trigger knowledge_chunks_inserted after insert on public.knowledge_chunks
  referencing new table as new_rows for each statement execute function private.knowledge_chunks_inserted();

create function private.knowledge_chunks_updated() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.enqueue_chunk_embeddings(array(
    select n.id from new_rows n join old_rows o on o.id = n.id
    where n.embedding is null and n.content_sha256 <> o.content_sha256));
  -- a vector written for the current text (by the worker or anyone else) closes the open job
  update private.embedding_jobs j set status = 'done', completed_at = now(), lease_id = null, last_error = null
  from new_rows n join old_rows o on o.id = n.id
  where j.chunk_id = n.id and j.status in ('queued', 'running') and j.content_sha256 = n.content_sha256
    and n.embedding is not null and n.embedded_at is distinct from o.embedded_at;
  perform private.refresh_knowledge_documents(array(
    select n.document_id from new_rows n union select o.document_id from old_rows o));
  return null;
end $$;
comment on function private.knowledge_chunks_updated() is 'AFTER UPDATE (statement) on knowledge_chunks: queue chunks whose text changed, close jobs whose vector was written, refresh their documents (old and new, for moved chunks).';

create trigger knowledge_chunks_updated after update on public.knowledge_chunks
  referencing old table as old_rows new table as new_rows for each statement execute function private.knowledge_chunks_updated();

create function private.knowledge_chunks_deleted() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.refresh_knowledge_documents(array(select distinct o.document_id from old_rows o));
  return null;
end $$;
comment on function private.knowledge_chunks_deleted() is 'AFTER DELETE (statement) on knowledge_chunks: refresh the documents that lost chunks.';

create trigger knowledge_chunks_deleted after delete on public.knowledge_chunks
  referencing old table as old_rows for each statement execute function private.knowledge_chunks_deleted();

-- A collection that changes model is embedded again with the new one.
create function private.knowledge_collection_model_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.embedding_model is not distinct from old.embedding_model then
    return null;
  end if;
  update public.knowledge_chunks c set embedding = null where c.collection_id = new.id and c.embedding is not null;
  perform private.enqueue_chunk_embeddings(array(
    select c.id from public.knowledge_chunks c where c.collection_id = new.id));
  perform private.refresh_knowledge_documents(array(
    select d.id from public.knowledge_documents d where d.collection_id = new.id and d.is_current));
  return null;
end $$;
comment on function private.knowledge_collection_model_changed() is 'AFTER UPDATE OF embedding_model on knowledge_collections: clear and re-queue every chunk of the collection.';

create trigger knowledge_collection_model_changed after update of embedding_model on public.knowledge_collections
  for each row execute function private.knowledge_collection_model_changed();

-- ===== the worker's side
-- Leases up to p_limit due jobs. Jobs whose lease ran out max_attempts times are dead first.
create function private.claim_embedding_jobs(p_limit integer default 64, p_visibility_timeout interval default '2 minutes')
returns table (job_id bigint, lease_id uuid, chunk_id uuid, content_sha256 text, content text, token_count integer,
               embedding_model public.embedding_model, attempts integer)
language plpgsql volatile security definer set search_path = '' as $$
declare
  dead_docs uuid[];
begin
  if p_limit is null or p_limit < 1 then
    raise exception 'limit must be at least 1' using errcode = '22023';
  end if;
  perform private.require_batch_size('embedding jobs', p_limit, 2048);
  if p_visibility_timeout is null or p_visibility_timeout < interval '1 second' then
    raise exception 'the visibility timeout must be at least 1 second' using errcode = '22023';
  end if;

  with expired as (
    update private.embedding_jobs j set status = 'dead', completed_at = now(), lease_id = null,
      last_error = format('the worker did not report back within the visibility timeout (%s attempts)', j.attempts)
    where j.status = 'running' and j.visible_at <= now() and j.attempts >= j.max_attempts
    returning j.chunk_id
  )
  select array_agg(distinct c.document_id) into dead_docs
  from expired e join public.knowledge_chunks c on c.id = e.chunk_id;
  if dead_docs is not null then
    perform private.refresh_knowledge_documents(dead_docs);
  end if;

  return query
  with due as (
    select j.id from private.embedding_jobs j
    where j.status in ('queued', 'running') and j.visible_at <= now()
    order by j.visible_at, j.id
    limit p_limit
    for update skip locked
  ), claimed as (
    update private.embedding_jobs j
    set status = 'running', attempts = j.attempts + 1, lease_id = gen_random_uuid(), claimed_at = now(),
        visible_at = now() + p_visibility_timeout
    from due where j.id = due.id
    returning j.id, j.lease_id, j.chunk_id, j.content_sha256, j.attempts
  )
  select c.id, c.lease_id, c.chunk_id, c.content_sha256, k.content, k.token_count, col.embedding_model, c.attempts
  from claimed c
  join public.knowledge_chunks k on k.id = c.chunk_id
  join public.knowledge_collections col on col.id = k.collection_id
  order by c.id;
end $$;
comment on function private.claim_embedding_jobs(integer, interval) is 'Embed worker: leases up to p_limit due jobs (FOR UPDATE SKIP LOCKED) with their chunk text and the collection''s model (null: the deployment default).';
grant execute on function private.claim_embedding_jobs(integer, interval) to service_role;

-- The worker's report, one element per claimed job:
--   {"job_id": 1, "lease_id": "...", "embedding": [1536 numbers], "model": "text-embedding-3-small"}
--   {"job_id": 2, "lease_id": "...", "error": "HTTP 429 ...", "retryable": true, "retry_after_s": 20}
-- Returns each job's outcome: embedded, retrying, dead, or lease_lost (the job was re-armed for
-- newer text or claimed again after its lease ran out; nothing was written).
create function private.finish_embedding_jobs(p_results jsonb)
returns table (job_id bigint, chunk_id uuid, outcome text)
language plpgsql volatile security definer set search_path = '' as $$
declare
  held bigint[];
  res jsonb;
  failed_docs uuid[];
begin
  if p_results is null or jsonb_typeof(p_results) <> 'array' then
    raise exception 'results must be a JSON array' using errcode = '22023';
  end if;
  perform private.require_batch_size('embedding results', jsonb_array_length(p_results), 2048);

  -- Lock the reported jobs, then keep those whose lease is still current.
  perform 1 from private.embedding_jobs j
  where j.id in (select (e ->> 'job_id')::bigint from jsonb_array_elements(p_results) e)
  order by j.id for update;
  select coalesce(array_agg(j.id), '{}') into held
  from jsonb_to_recordset(p_results) r (job_id bigint, lease_id uuid)
  join private.embedding_jobs j on j.id = r.job_id and j.lease_id = r.lease_id and j.status = 'running';

  -- The held results, checked: a wrong vector becomes a permanent error.
  select coalesce(jsonb_agg(jsonb_build_object('job_id', r.job_id, 'chunk_id', j.chunk_id, 'content_sha256', j.content_sha256,
           'embedding', r.embedding, 'model', r.model, 'error', v.error,
           -- what the worker sent is wrong: trying again would send the same
           'retryable', case when r.error is null then false else coalesce(r.retryable, true) end,
           'retry_after_s', r.retry_after_s, 'attempts', j.attempts, 'max_attempts', j.max_attempts)), '[]'::jsonb)
  into res
  from jsonb_to_recordset(p_results) r (job_id bigint, lease_id uuid, embedding jsonb, model public.embedding_model,
                                        error text, retryable boolean, retry_after_s double precision)
  join private.embedding_jobs j on j.id = r.job_id
  cross join lateral (select case
      when r.error is null and r.embedding is null then 'the worker reported neither an embedding nor an error'
      when r.error is null and jsonb_typeof(r.embedding) <> 'array' then 'the embedding is not an array'
      when r.error is null and jsonb_array_length(r.embedding) <> 1536
        then format('the provider returned %s dimensions, 1536 expected', jsonb_array_length(r.embedding))
      when r.error is null and r.model is null then 'the worker did not name the model'
      else left(r.error, 2000) end as error) v
  where r.job_id = any (held);

  -- The vector goes in only while the chunk still has the text that was embedded.
  update public.knowledge_chunks c
  set embedding = e.embedding::text::extensions.vector, embedding_model = e.model, embedded_at = now()
  from jsonb_to_recordset(res) e (chunk_id uuid, content_sha256 text, embedding jsonb, model public.embedding_model, error text)
  where e.error is null and c.id = e.chunk_id and c.content_sha256 = e.content_sha256;

  update private.embedding_jobs j
  set status = 'done', completed_at = now(), lease_id = null, last_error = null
  from jsonb_to_recordset(res) e (job_id bigint, error text)
  where e.error is null and j.id = e.job_id;

  update private.embedding_jobs j
  set status = case when not e.retryable or e.attempts >= e.max_attempts then 'dead' else 'queued' end::private.embedding_job_status,
      visible_at = now() + greatest(private.embedding_backoff(e.attempts), make_interval(secs => coalesce(e.retry_after_s, 0))),
      completed_at = case when not e.retryable or e.attempts >= e.max_attempts then now() end,
      lease_id = null, last_error = e.error
  from jsonb_to_recordset(res) e (job_id bigint, error text, retryable boolean, retry_after_s double precision,
                                  attempts integer, max_attempts integer)
  where e.error is not null and j.id = e.job_id;

  select array_agg(distinct c.document_id) into failed_docs
  from jsonb_to_recordset(res) e (chunk_id uuid, error text, retryable boolean, attempts integer, max_attempts integer)
  join public.knowledge_chunks c on c.id = e.chunk_id
  where e.error is not null and (not e.retryable or e.attempts >= e.max_attempts);
  if failed_docs is not null then
    perform private.refresh_knowledge_documents(failed_docs);
  end if;

  return query
  select r.job_id, j.chunk_id,
    case when not (r.job_id = any (held)) then 'lease_lost'
         when e.error is null then 'embedded'
         when not e.retryable or e.attempts >= e.max_attempts then 'dead'
         else 'retrying' end
  from jsonb_to_recordset(p_results) r (job_id bigint)
  left join private.embedding_jobs j on j.id = r.job_id
  left join jsonb_to_recordset(res) e (job_id bigint, error text, retryable boolean, attempts integer, max_attempts integer)
    on e.job_id = r.job_id
  order by r.job_id;
end $$;
comment on function private.finish_embedding_jobs(jsonb) is 'Embed worker: records a batch of results; writes vectors only under a current lease and an unchanged content hash; retries with backoff, dead-letters after max_attempts or a permanent error.';
grant execute on function private.finish_embedding_jobs(jsonb) to service_role;

-- Members: queue a document's chunks again (after a dead letter, or to refresh its vectors).
create function private.requeue_knowledge_document(p_document_id uuid) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid;
  n integer;
begin
  select d.workspace_id into ws from public.knowledge_documents d where d.id = p_document_id and d.is_current;
  if not found then
    raise exception 'document not found' using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(ws, 'member');
  end if;
  -- dead jobs of the current text go back to the queue; chunks without any open job get one
  update private.embedding_jobs j set status = 'queued', attempts = 0, visible_at = now(), completed_at = null,
    last_error = null, lease_id = null
  from public.knowledge_chunks c
  where c.document_id = p_document_id and j.chunk_id = c.id and j.status = 'dead' and j.content_sha256 = c.content_sha256
    and c.embedding is null
    and not exists (select 1 from private.embedding_jobs o where o.chunk_id = c.id and o.status in ('queued', 'running'));
  get diagnostics n = row_count;
  if n > 0 then
    perform private.wake_function('embed');
  end if;
  n := n + private.enqueue_chunk_embeddings(array(
    select c.id from public.knowledge_chunks c
    where c.document_id = p_document_id and c.embedding is null
      and not exists (select 1 from private.embedding_jobs o where o.chunk_id = c.id and o.status in ('queued', 'running'))));
  perform private.refresh_knowledge_documents(array[p_document_id]);
  return n;
end $$;
comment on function private.requeue_knowledge_document(uuid) is 'Re-queues the unembedded chunks of a current document (dead letters included); returns how many jobs were opened.';
grant execute on function private.requeue_knowledge_document(uuid) to authenticated, service_role;

create function public.requeue_knowledge_document(p_document_id uuid) returns integer
language plpgsql volatile set search_path = '' as $$
begin
  if p_document_id is null then
    raise exception 'document id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from public.knowledge_documents d where d.id = p_document_id) then
    raise exception 'document not found' using errcode = 'PT404';
  end if;
  return private.requeue_knowledge_document(p_document_id);
end $$;
comment on function public.requeue_knowledge_document(uuid) is 'Members: embed a document''s unembedded chunks again (e.g. after it failed); returns how many chunks were queued.';
grant execute on function public.requeue_knowledge_document(uuid) to authenticated;

-- ===== scheduling
-- The database may call the worker (pg_net + Vault in the cloud, the stand-in locally): new jobs
-- wake it at commit (private.wake_function, one pending call at a time); the pg_cron round below
-- sweeps up retries whose backoff has passed.
insert into private.callable_functions (name, description)
values ('embed', 'one run of the embedding queue worker (knowledge)')
on conflict (name) do nothing;

-- Every minute: wake the embed worker when jobs are due (nothing is sent while the queue is idle).
create function private.dispatch_embedding_worker() returns bigint
language plpgsql volatile security definer set search_path = '' as $$
begin
  if not exists (select 1 from private.embedding_jobs j where j.status in ('queued', 'running') and j.visible_at <= now()) then
    return null;
  end if;
  if to_regnamespace('net') is null then
    raise notice 'embedding jobs are due but pg_net is not installed: call the embed function directly';
    return null;
  end if;
  return private.invoke_function('embed');
end $$;
comment on function private.dispatch_embedding_worker() is 'pg_cron (knowledge-embed, every minute): calls the embed function through pg_net when jobs are due; a notice and nothing else where pg_net is absent.';

create function private.knowledge_housekeeping() returns void
language sql volatile security definer set search_path = '' as $$
  delete from private.embedding_jobs where status = 'done' and completed_at < now() - interval '7 days';
  delete from private.query_embedding_cache where used_at < now() - interval '30 days';
$$;
comment on function private.knowledge_housekeeping() is 'pg_cron (knowledge-housekeeping, daily): drops finished jobs after 7 days and query embeddings unused for 30 days.';

select cron.schedule('knowledge-embed', '* * * * *', $$select private.dispatch_embedding_worker()$$);

select cron.schedule('knowledge-housekeeping', '17 4 * * *', $$select private.knowledge_housekeeping()$$);

-- Ingestion: a document's normalised text and its chunks (split by knowledge-ingest) become a
-- new version in one call. Chunks whose text is unchanged (same content hash) move to the new
-- version with their embeddings; only new or changed chunks are queued. Identical text adds no
-- version. Also: get-or-create a demo's or agent's collection, and agent memories (000) as
-- one-chunk documents in the agent's collection.

-- Caps (documented in docs/api.md).
create function private.knowledge_limits() returns jsonb
language sql immutable set search_path = '' as $$
  select '{"document_chars": 2000000, "chunks_per_document": 5000, "chunk_chars": 20000, "tags": 50, "tag_chars": 100}'::jsonb
$$;
comment on function private.knowledge_limits() is 'Ingestion caps: characters per document and per chunk, chunks per document, tags per document.';
grant execute on function private.knowledge_limits() to authenticated, service_role;

create function private.ingest_knowledge_document(
  p_collection_id uuid,
  p_document_key text,
  p_content text,
  p_chunks jsonb,
  p_title text default null,
  p_source_type public.knowledge_source_type default 'text',
  p_source_uri text default null,
  p_document_type text default null,
  p_tags text[] default null,
  p_metadata jsonb default null
)
returns table (document_id uuid, version integer, status public.knowledge_document_status, unchanged boolean,
               chunks_total integer, chunks_reused integer, chunks_queued integer)
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_column
declare
  lim jsonb := private.knowledge_limits();
  col public.knowledge_collections;
  prev public.knowledge_documents;
  doc public.knowledge_documents;
  hash text;
  bad record;
  plan jsonb;
  n_total integer;
  n_reused integer;
  n_queued integer;
begin
  select * into col from public.knowledge_collections c where c.id = p_collection_id;
  if not found then
    raise exception 'collection not found' using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(col.workspace_id, 'member');
  end if;

  -- validation: nothing is written unless all of it is acceptable
  if p_document_key is null or char_length(btrim(p_document_key)) not between 1 and 500 then
    raise exception 'document_key must be 1 to 500 characters' using errcode = '22023';
  end if;
  if p_content is null or btrim(p_content) = '' then
    raise exception 'the document has no text' using errcode = '22023';
  end if;
  if char_length(p_content) > (lim ->> 'document_chars')::integer then
    raise exception 'the document has % characters; at most % are accepted', char_length(p_content), lim ->> 'document_chars'
      using errcode = '22023';
  end if;
  if p_chunks is null or jsonb_typeof(p_chunks) <> 'array' or jsonb_array_length(p_chunks) = 0 then
    raise exception 'chunks must be a non-empty JSON array' using errcode = '22023';
  end if;
  perform private.require_batch_size('chunks', jsonb_array_length(p_chunks), (lim ->> 'chunks_per_document')::integer);
  select o - 1 as idx, e into bad
  from jsonb_array_elements(p_chunks) with ordinality x (e, o)
  where jsonb_typeof(e) <> 'object' or jsonb_typeof(e -> 'content') is distinct from 'string'
     or btrim(e ->> 'content') = '' or char_length(e ->> 'content') > (lim ->> 'chunk_chars')::integer
     or (e ? 'token_count' and case when jsonb_typeof(e -> 'token_count') = 'number' then (e ->> 'token_count')::numeric < 0 else true end)
     or (e ? 'metadata' and jsonb_typeof(e -> 'metadata') <> 'object')
     or char_length(e ->> 'question') > 4000 or char_length(e ->> 'answer') > 20000 or char_length(e ->> 'source') > 500
  order by o limit 1;
  if found then
    raise exception 'chunk % is not valid: it needs content of 1 to % characters, a non-negative token_count, an object as metadata',
      bad.idx, lim ->> 'chunk_chars' using errcode = '22023';
  end if;
  if cardinality(p_tags) > (lim ->> 'tags')::integer
     or exists (select 1 from unnest(p_tags) t where t is null or char_length(t) not between 1 and (lim ->> 'tag_chars')::integer) then
    raise exception 'tags: at most % tags of 1 to % characters', lim ->> 'tags', lim ->> 'tag_chars' using errcode = '22023';
  end if;
  if p_metadata is not null and jsonb_typeof(p_metadata) <> 'object' then
    raise exception 'metadata must be a JSON object' using errcode = '22023';
  end if;

  hash := private.sha256_hex(p_content);
  select * into prev from public.knowledge_documents d
  where d.collection_id = p_collection_id and d.document_key = p_document_key and d.is_current
  for update;

  -- identical text: no new version; descriptive fields are updated in place
  if found and prev.content_sha256 = hash then
    update public.knowledge_documents d set
      title = coalesce(p_title, d.title), source_uri = coalesce(p_source_uri, d.source_uri),
      document_type = coalesce(p_document_type, d.document_type), tags = coalesce(p_tags, d.tags),
      metadata = coalesce(p_metadata, d.metadata)
    where d.id = prev.id
    returning * into doc;
    return query select doc.id, doc.version, doc.status, true, doc.chunk_count, doc.chunk_count, 0;
    return;
  end if;

  if prev.id is not null then
    update public.knowledge_documents d set is_current = false where d.id = prev.id;
  end if;
  insert into public.knowledge_documents as d (workspace_id, collection_id, document_key, title, document_type, source_type,
    source_uri, content, content_sha256, version, is_current, previous_version_id, tags, metadata, status, created_by)
  values (col.workspace_id, col.id, p_document_key, coalesce(p_title, prev.title), coalesce(p_document_type, prev.document_type),
    coalesce(p_source_type, 'text'), coalesce(p_source_uri, prev.source_uri), p_content, hash,
    coalesce((select max(v.version) from public.knowledge_documents v
              where v.collection_id = p_collection_id and v.document_key = p_document_key), 0) + 1,
    true, prev.id, coalesce(p_tags, prev.tags, '{}'), coalesce(p_metadata, prev.metadata, '{}'), 'chunking',
    (select auth.uid()))
  returning * into doc;

  -- Unchanged chunks (same hash; the k-th repeat of a text matches the k-th old one) move over
  -- with their embeddings; the rest are inserted (and queued by trigger); leftovers go.
  select coalesce(jsonb_agg(jsonb_build_object('idx', n.idx, 'content', n.content, 'question', n.question,
           'answer', n.answer, 'source', n.source, 'token_count', n.token_count, 'metadata', n.metadata, 'old_id', o.id)
         order by n.idx), '[]'::jsonb)
  into plan
  from (select (x.o - 1)::integer as idx, x.e ->> 'content' as content, nullif(x.e ->> 'question', '') as question,
               nullif(x.e ->> 'answer', '') as answer, nullif(x.e ->> 'source', '') as source,
               coalesce((x.e ->> 'token_count')::numeric::integer, 0) as token_count,
               coalesce(x.e -> 'metadata', '{}'::jsonb) as metadata, private.sha256_hex(x.e ->> 'content') as sha,
               row_number() over (partition by private.sha256_hex(x.e ->> 'content') order by x.o) as occ
        from jsonb_array_elements(p_chunks) with ordinality x (e, o)) n
  left join (select c.id, c.content_sha256,
                    row_number() over (partition by c.content_sha256 order by c.chunk_index) as occ
             from public.knowledge_chunks c where c.document_id = prev.id) o
    on o.content_sha256 = n.sha and o.occ = n.occ;

  if prev.id is not null then
    update public.knowledge_chunks c set document_id = doc.id, chunk_index = n.idx, question = n.question,
      answer = n.answer, source = n.source, token_count = n.token_count, metadata = n.metadata
    from jsonb_to_recordset(plan) n (idx integer, question text, answer text, source text, token_count integer,
                                     metadata jsonb, old_id uuid)
    where n.old_id = c.id;
    delete from public.knowledge_chunks c where c.document_id = prev.id;
  end if;

  insert into public.knowledge_chunks (workspace_id, collection_id, document_id, chunk_index, content, question, answer,
    source, token_count, metadata)
  select col.workspace_id, col.id, doc.id, n.idx, n.content, n.question, n.answer, n.source, n.token_count, n.metadata
  from jsonb_to_recordset(plan) n (idx integer, content text, question text, answer text, source text, token_count integer,
                                   metadata jsonb, old_id uuid)
  where n.old_id is null
  order by n.idx;

  select count(*)::integer, count(n.old_id)::integer, count(*) filter (where n.old_id is null)::integer
  into n_total, n_reused, n_queued from jsonb_to_recordset(plan) n (old_id uuid);
  perform private.refresh_knowledge_documents(array[doc.id]);
  select * into doc from public.knowledge_documents d where d.id = doc.id;
  return query select doc.id, doc.version, doc.status, false, n_total, n_reused, n_queued;
end $$;
comment on function private.ingest_knowledge_document(uuid, text, text, jsonb, text, public.knowledge_source_type, text, text, text[], jsonb) is 'Writes a document version and its chunks: identical text adds nothing, unchanged chunks keep their embeddings, new or changed ones are queued. Members only (service role for the system).';
grant execute on function private.ingest_knowledge_document(uuid, text, text, jsonb, text, public.knowledge_source_type, text, text, text[], jsonb) to authenticated, service_role;

create function public.ingest_knowledge_document(
  p_collection_id uuid,
  p_document_key text,
  p_content text,
  p_chunks jsonb,
  p_title text default null,
  p_source_type public.knowledge_source_type default 'text',
  p_source_uri text default null,
  p_document_type text default null,
  p_tags text[] default null,
  p_metadata jsonb default null
)
returns table (document_id uuid, version integer, status public.knowledge_document_status, unchanged boolean,
               chunks_total integer, chunks_reused integer, chunks_queued integer)
language plpgsql volatile set search_path = '' as $$
#variable_conflict use_column
begin
  if p_collection_id is null then
    raise exception 'collection id is required' using errcode = '22023';
  end if;
  -- visible to the caller under RLS, or it does not exist for them
  if not exists (select 1 from public.knowledge_collections c where c.id = p_collection_id) then
    raise exception 'collection not found' using errcode = 'PT404';
  end if;
  return query select * from private.ingest_knowledge_document(p_collection_id, p_document_key, p_content, p_chunks, p_title,
    p_source_type, p_source_uri, p_document_type, p_tags, p_metadata);
end $$;
comment on function public.ingest_knowledge_document(uuid, text, text, jsonb, text, public.knowledge_source_type, text, text, text[], jsonb) is 'Members: store a document''s text and chunks as its next version (knowledge-ingest calls this after splitting). Chunks: [{content, question?, answer?, source?, token_count?, metadata?}], at most 5000.';
grant execute on function public.ingest_knowledge_document(uuid, text, text, jsonb, text, public.knowledge_source_type, text, text, text[], jsonb) to authenticated;

-- The demo's or agent's collection, created on first use (one per owner).
create function public.ensure_knowledge_collection(p_workspace_id uuid, p_scope public.knowledge_scope, p_owner_id uuid,
                                                   p_name text default null)
returns public.knowledge_collections
language plpgsql volatile set search_path = '' as $$
declare
  c public.knowledge_collections;
begin
  if p_workspace_id is null or p_owner_id is null then
    raise exception 'workspace and owner ids are required' using errcode = '22023';
  end if;
  if p_scope is null or p_scope not in ('demo', 'agent') then
    raise exception 'only demo and agent collections are one per owner; insert other collections directly'
      using errcode = '22023';
  end if;
  select * into c from public.knowledge_collections k
  where k.workspace_id = p_workspace_id and k.scope = p_scope and k.owner_id = p_owner_id;
  if found then
    return c;
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  insert into public.knowledge_collections as k (workspace_id, scope, owner_id, name)
  values (p_workspace_id, p_scope, p_owner_id, coalesce(nullif(btrim(p_name), ''), initcap(p_scope::text) || ' ' || p_owner_id))
  on conflict (workspace_id, scope, owner_id) where scope in ('demo', 'agent') do nothing;
  select * into c from public.knowledge_collections k
  where k.workspace_id = p_workspace_id and k.scope = p_scope and k.owner_id = p_owner_id;
  return c;
end $$;
comment on function public.ensure_knowledge_collection(uuid, public.knowledge_scope, uuid, text) is 'Members: the collection of a demo or agent, created on first call (idempotent).';
grant execute on function public.ensure_knowledge_collection(uuid, public.knowledge_scope, uuid, text) to authenticated;

-- 000's agent memories: one chunk each, in the agent's collection, queued for embedding.
create function public.add_agent_memory(p_workspace_id uuid, p_agent_id uuid, p_content text, p_memory_type text default 'fact')
returns uuid
language plpgsql volatile set search_path = '' as $$
declare
  c public.knowledge_collections;
  doc_id uuid;
  chunk uuid;
begin
  if p_content is null or btrim(p_content) = '' or char_length(p_content) > 20000 then
    raise exception 'a memory needs 1 to 20000 characters of text' using errcode = '22023';
  end if;
  if p_memory_type is null or char_length(p_memory_type) not between 1 and 100 then
    raise exception 'memory type must be 1 to 100 characters' using errcode = '22023';
  end if;
  c := public.ensure_knowledge_collection(p_workspace_id, 'agent', p_agent_id);
  select i.document_id into doc_id from private.ingest_knowledge_document(
    c.id, 'memory:' || gen_random_uuid(), btrim(p_content),
    jsonb_build_array(jsonb_build_object('content', btrim(p_content), 'token_count', ceil(char_length(p_content) / 4.0))),
    left(btrim(p_content), 80), 'memory', null, p_memory_type) i;
  select k.id into chunk from public.knowledge_chunks k where k.document_id = doc_id;
  return chunk;
end $$;
comment on function public.add_agent_memory(uuid, uuid, text, text) is 'Members (and agents acting for them): remember a fact for an agent; returns the chunk id. The memory type becomes the document_type.';
grant execute on function public.add_agent_memory(uuid, uuid, text, text) to authenticated;

-- Search: one family. match_knowledge_chunks (vector) and hybrid_search_knowledge_chunks
-- (full text + vector by reciprocal rank fusion) run with the caller's rights, so RLS decides
-- what is searched; 003's user-scoped and 004's demo-scoped searches are thin wrappers;
-- knowledge_search is what the knowledge-search function calls (search and log in one call);
-- private.search_collection is the SECURITY DEFINER search of one collection that a narrow anon
-- path (published demos) calls after its own checks.
--
-- Small scopes are searched exactly, large ones through HNSW. DESIGN.md measured that HNSW under
-- a tenant filter loses recall when the tenant is a small share of the table (0.72-0.88 at 1%),
-- while exact search of a small tenant takes milliseconds. So every search first counts the
-- chunks in scope (stopping at the threshold) and uses the index only at or above
-- private.knowledge_index_threshold(); index scans are iterative (pgvector 0.8, relaxed order,
-- re-sorted afterwards) with ef_search at least twice the number of candidates, so a filtered
-- search still returns match_count rows when that many match.
create type public.knowledge_match_row as (
  id uuid,
  workspace_id uuid,
  collection_id uuid,
  document_id uuid,
  document_title text,
  chunk_index integer,
  content text,
  question text,
  answer text,
  source text,
  metadata jsonb,
  similarity double precision,
  text_rank double precision,
  score double precision
);

comment on type public.knowledge_match_row is 'A search result, best first: the chunk, its document''s title, cosine similarity to the query (null when not compared), full-text rank (null when the text did not match) and score (similarity for vector search, the reciprocal rank fusion score for hybrid search, the rank for text search). Never null: id, workspace_id, collection_id, document_id, chunk_index, content, metadata, score. Nullable: document_title, question, answer, source, similarity, text_rank.';

-- The scope size at which the index pays off: 5% of all chunks (the HNSW recall under a filter
-- depends on the scope's share of the table), at least 5,000 (exact search of up to 5,000 chunks
-- takes milliseconds), at most 50,000 (beyond that an exact search is too slow whatever the share).
create function private.knowledge_index_threshold() returns integer
language sql stable set search_path = '' as $$
  select least(greatest(5000, ceil(0.05 * greatest(c.reltuples, 0))), 50000)::integer
  from pg_catalog.pg_class c where c.oid = 'public.knowledge_chunks'::regclass
$$;
comment on function private.knowledge_index_threshold() is 'Chunks in scope from which a vector search uses the HNSW index instead of exact search: 5% of the table''s estimated rows, clamped to 5,000-50,000.';
grant execute on function private.knowledge_index_threshold() to authenticated, service_role;

-- Chunks per collection, kept by statement triggers, so the size of a workspace or collection
-- is known without counting rows at every search. (Chunks never change workspace or collection.)
create table private.knowledge_chunk_counts (
  collection_id uuid primary key references public.knowledge_collections (id) on delete cascade,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  chunks bigint not null default 0 check (chunks >= 0)
);
comment on table private.knowledge_chunk_counts is 'How many chunks each collection has (all versions'' current chunks), for the exact-or-index decision of searches.';
alter table private.knowledge_chunk_counts enable row level security;
select private.install_row_triggers('private.knowledge_chunk_counts');

create index knowledge_chunk_counts_workspace_id_idx on private.knowledge_chunk_counts (workspace_id);

create function private.count_knowledge_chunks() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    insert into private.knowledge_chunk_counts as k (collection_id, workspace_id, chunks)
    select n.collection_id, n.workspace_id, count(*) from new_rows n group by 1, 2 order by 1
    on conflict (collection_id) do update set chunks = k.chunks + excluded.chunks;
  else
    update private.knowledge_chunk_counts k set chunks = greatest(k.chunks - o.n, 0)
    from (select o.collection_id, count(*) as n from old_rows o group by 1) o
    where k.collection_id = o.collection_id;
  end if;
  return null;
end $$;
comment on function private.count_knowledge_chunks() is 'AFTER INSERT/DELETE (statement) on knowledge_chunks: keeps private.knowledge_chunk_counts.';

create trigger count_inserted_knowledge_chunks after insert on public.knowledge_chunks
  referencing new table as new_rows for each statement execute function private.count_knowledge_chunks();

create trigger count_deleted_knowledge_chunks after delete on public.knowledge_chunks
  referencing old table as old_rows for each statement execute function private.count_knowledge_chunks();

-- Chunks in the given workspaces and/or collections (null: any), from the counts.
create function private.knowledge_scope_chunks(p_workspace_ids uuid[], p_collection_ids uuid[]) returns bigint
language sql stable security definer set search_path = '' as $$
  select coalesce(sum(k.chunks), 0)::bigint from private.knowledge_chunk_counts k
  where (p_workspace_ids is null or k.workspace_id = any (p_workspace_ids))
    and (p_collection_ids is null or k.collection_id = any (p_collection_ids))
$$;
comment on function private.knowledge_scope_chunks(uuid[], uuid[]) is 'How many chunks the given workspaces/collections hold (a size, not their content: searches decide exact or index by it).';
grant execute on function private.knowledge_scope_chunks(uuid[], uuid[]) to authenticated, service_role;

-- Filters shared by the helpers below, as SQL text over knowledge_chunks c with parameters
-- $3 workspaces, $4 collections, $5 documents, $6 tags, $7 model. Only fixed text is appended.
create function private.knowledge_filter_sql(p_workspace_ids uuid[], p_collection_ids uuid[], p_document_ids uuid[],
                                             p_tags text[], p_model public.embedding_model)
returns text
language sql immutable set search_path = '' as $$
  select concat_ws(' and ', 'true',
    case when p_workspace_ids is not null then 'c.workspace_id = any ($3)' end,
    case when p_collection_ids is not null then 'c.collection_id = any ($4)' end,
    case when p_document_ids is not null then 'c.document_id = any ($5)' end,
    case when cardinality(p_tags) > 0 then
      'exists (select 1 from public.knowledge_documents d where d.id = c.document_id and d.tags @> $6)' end,
    case when p_model is not null then 'c.embedding_model = $7' end)
$$;
comment on function private.knowledge_filter_sql(uuid[], uuid[], uuid[], text[], public.embedding_model) is 'The WHERE clause for the given filters (fixed text with numbered parameters; no value is ever spliced in).';
grant execute on function private.knowledge_filter_sql(uuid[], uuid[], uuid[], text[], public.embedding_model) to authenticated, service_role;

-- Does this scope use the index? The size of its workspaces/collections from the counts; scopes
-- narrowed to documents or tags are counted (up to the threshold) among the chunks the caller sees.
create function private.knowledge_use_index(p_workspace_ids uuid[], p_collection_ids uuid[], p_document_ids uuid[],
                                            p_tags text[], p_model public.embedding_model)
returns boolean
language plpgsql stable set search_path = '' as $$
declare
  cap integer := private.knowledge_index_threshold();
  n integer;
begin
  if p_document_ids is null and coalesce(cardinality(p_tags), 0) = 0 then
    return private.knowledge_scope_chunks(p_workspace_ids, p_collection_ids) >= cap;
  end if;
  execute format('select count(*) from (select 1 from public.knowledge_chunks c where %s limit $1) s',
                 private.knowledge_filter_sql(p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model))
    into n using cap, null::integer, p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model;
  return n >= cap;
end $$;
comment on function private.knowledge_use_index(uuid[], uuid[], uuid[], text[], public.embedding_model) is 'True when the chunks in scope reach private.knowledge_index_threshold(): workspaces and collections by their counts, documents and tags by counting.';
grant execute on function private.knowledge_use_index(uuid[], uuid[], uuid[], text[], public.embedding_model) to authenticated, service_role;

create type private.knowledge_vector_candidate as (chunk_id uuid, distance double precision);

comment on type private.knowledge_vector_candidate is 'A chunk and its cosine distance to the query.';

create type private.knowledge_text_candidate as (chunk_id uuid, rank double precision);

comment on type private.knowledge_text_candidate is 'A chunk and its full-text rank for the query.';

-- The p_count nearest chunks by cosine distance, exactly or through the index.
create function private.knowledge_vector_candidates(p_query extensions.vector, p_count integer, p_workspace_ids uuid[],
  p_collection_ids uuid[], p_document_ids uuid[], p_tags text[], p_model public.embedding_model, p_use_index boolean)
returns setof private.knowledge_vector_candidate
language plpgsql stable rows 20 set search_path = ''
set hnsw.iterative_scan = 'relaxed_order' set hnsw.ef_search = '40' set enable_sort = 'on'
as $$
declare
  filter text := private.knowledge_filter_sql(p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model);
begin
  if p_count < 1 or p_query is null then
    return;
  end if;
  if p_use_index then
    -- ef_search at least twice the candidates; iterative scan continues past it while the filter
    -- rejects rows. With a workspace filter the planner prefers the b-tree plus a sort of the
    -- whole workspace (it underestimates the rows), which is the exact search this branch is
    -- here to avoid: sorting off leaves it the HNSW order. The SET clauses above restore all
    -- three settings when the function returns.
    perform set_config('hnsw.ef_search', greatest(2 * p_count, 100)::text, true);
    perform set_config('enable_sort', 'off', true);
    return query execute format(
      'select s.id, s.distance from (
         select c.id, c.embedding operator(extensions.<=>) $1 as distance from public.knowledge_chunks c
         where c.embedding is not null and %s
         order by c.embedding operator(extensions.<=>) $1 limit $2) s
       order by s.distance, s.id', filter)
      using p_query, p_count, p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model;
  else
    -- "+ 0" keeps the planner off the HNSW index: every chunk in scope is compared.
    return query execute format(
      'select c.id, c.embedding operator(extensions.<=>) $1 from public.knowledge_chunks c
       where c.embedding is not null and %s
       order by (c.embedding operator(extensions.<=>) $1) + 0, c.id limit $2', filter)
      using p_query, p_count, p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model;
  end if;
end $$;
comment on function private.knowledge_vector_candidates(extensions.vector, integer, uuid[], uuid[], uuid[], text[], public.embedding_model, boolean) is 'The nearest chunks in scope with their cosine distance, best first: exact, or HNSW with iterative scan. Runs with the caller''s rights.';
grant execute on function private.knowledge_vector_candidates(extensions.vector, integer, uuid[], uuid[], uuid[], text[], public.embedding_model, boolean) to authenticated, service_role;

-- The tsquery of a search: any of the query's words (English stems), so a question in plain words
-- finds chunks that share some of them; ts_rank_cd ranks chunks with more of them higher.
create function private.knowledge_tsquery(p_query text) returns tsquery
language sql immutable set search_path = '' as $$
  select replace(plainto_tsquery('english'::regconfig, coalesce(p_query, ''))::text, ' & ', ' | ')::tsquery
$$;
comment on function private.knowledge_tsquery(text) is 'Full-text query of a search: the English stems of its words joined by OR.';
grant execute on function private.knowledge_tsquery(text) to authenticated, service_role;

-- The p_count best full-text matches.
create function private.knowledge_text_candidates(p_query text, p_count integer, p_workspace_ids uuid[],
  p_collection_ids uuid[], p_document_ids uuid[], p_tags text[])
returns setof private.knowledge_text_candidate
language plpgsql stable rows 20 set search_path = '' as $$
begin
  if p_count < 1 or p_query is null or btrim(p_query) = '' then
    return;
  end if;
  return query execute format(
    'select c.id, ts_rank_cd(c.fts, q)::double precision from public.knowledge_chunks c,
       private.knowledge_tsquery($1) q
     where c.fts @@ q and %s
     order by 2 desc, c.id limit $2',
    private.knowledge_filter_sql(p_workspace_ids, p_collection_ids, p_document_ids, p_tags, null))
    using p_query, p_count, p_workspace_ids, p_collection_ids, p_document_ids, p_tags;
end $$;
comment on function private.knowledge_text_candidates(text, integer, uuid[], uuid[], uuid[], text[]) is 'The best full-text matches in scope with their ts_rank_cd, best first. Runs with the caller''s rights.';
grant execute on function private.knowledge_text_candidates(text, integer, uuid[], uuid[], uuid[], text[]) to authenticated, service_role;

-- One implementation behind every search. Vector: the nearest chunks at or above min_similarity.
-- Hybrid: the two candidate lists (2 x match_count each) fused by reciprocal rank fusion,
-- score = semantic_weight / (rrf_k + vector rank) + full_text_weight / (rrf_k + text rank).
create function private.knowledge_search_core(
  p_mode public.knowledge_search_mode,
  p_query_text text,
  p_query_embedding extensions.vector,
  p_match_count integer,
  p_min_similarity double precision,
  p_workspace_ids uuid[],
  p_collection_ids uuid[],
  p_document_ids uuid[],
  p_tags text[],
  p_model public.embedding_model,
  p_full_text_weight double precision,
  p_semantic_weight double precision,
  p_rrf_k integer,
  p_use_index boolean
)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
begin
  -- PL/pgSQL, not SQL: the plan of this query is kept for the session instead of made per call
  return query
  with sem as (
    select v.chunk_id, v.distance, row_number() over (order by v.distance, v.chunk_id) as r
    from private.knowledge_vector_candidates(p_query_embedding,
           case p_mode when 'vector' then p_match_count when 'text' then 0 else 2 * p_match_count end,
           p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model, p_use_index) v
    where 1 - v.distance >= p_min_similarity
  ), txt as (
    select t.chunk_id, t.rank, row_number() over (order by t.rank desc, t.chunk_id) as r
    from private.knowledge_text_candidates(p_query_text, case when p_mode = 'vector' then 0 else 2 * p_match_count end,
                                           p_workspace_ids, p_collection_ids, p_document_ids, p_tags) t
  ), fused as materialized (
    select coalesce(s.chunk_id, t.chunk_id) as chunk_id, s.distance, t.rank as text_rank,
      case p_mode
        when 'vector' then 1 - s.distance
        when 'text' then t.rank
        else coalesce(p_semantic_weight / (p_rrf_k + s.r), 0) + coalesce(p_full_text_weight / (p_rrf_k + t.r), 0)
      end as score
    from sem s full join txt t on t.chunk_id = s.chunk_id
  )
  -- the few fused rows look their chunk and document up by key ("offset 0" keeps these lookups
  -- per row; flattened, the planner joins the whole scope's chunks instead)
  select c.id, c.workspace_id, c.collection_id, c.document_id, d.title, c.chunk_index, c.content, c.question, c.answer,
    c.source, c.metadata,
    case when f.distance is not null then 1 - f.distance
         when p_query_embedding is not null and c.embedding is not null
              and (p_model is null or c.embedding_model = p_model)
         then 1 - (c.embedding operator(extensions.<=>) p_query_embedding) end,
    f.text_rank, f.score
  from fused f
  cross join lateral (select k.id, k.workspace_id, k.collection_id, k.document_id, k.chunk_index, k.content, k.question,
                             k.answer, k.source, k.metadata, k.embedding, k.embedding_model
                      from public.knowledge_chunks k where k.id = f.chunk_id offset 0) c
  left join lateral (select kd.title from public.knowledge_documents kd where kd.id = c.document_id offset 0) d on true
  order by f.score desc, c.id
  limit p_match_count;
end $$;
comment on function private.knowledge_search_core(public.knowledge_search_mode, text, extensions.vector, integer, double precision, uuid[], uuid[], uuid[], text[], public.embedding_model, double precision, double precision, integer, boolean) is 'The search every public search function wraps (vector, text or hybrid by RRF). Runs with the caller''s rights.';
grant execute on function private.knowledge_search_core(public.knowledge_search_mode, text, extensions.vector, integer, double precision, uuid[], uuid[], uuid[], text[], public.embedding_model, double precision, double precision, integer, boolean) to authenticated, service_role;

-- Argument checks shared by the public functions (22023 with a readable message; PT413 over the cap).
create function private.check_search_args(p_query_embedding extensions.vector, p_match_count integer,
                                          p_min_similarity double precision)
returns void
language plpgsql immutable set search_path = '' as $$
begin
  if p_query_embedding is not null and extensions.vector_dims(p_query_embedding) <> 1536 then
    raise exception 'query_embedding has % dimensions; 1536 expected', extensions.vector_dims(p_query_embedding)
      using errcode = '22023';
  end if;
  if p_match_count is null or p_match_count < 1 then
    raise exception 'match_count must be at least 1' using errcode = '22023';
  end if;
  perform private.require_batch_size('matches', p_match_count, 200);
  if p_min_similarity is null or p_min_similarity not between -1 and 1 then
    raise exception 'min_similarity must be between -1 and 1' using errcode = '22023';
  end if;
end $$;
comment on function private.check_search_args(extensions.vector, integer, double precision) is 'Validates a search''s embedding (1536 dimensions), match_count (1-200, PT413 above) and min_similarity (-1..1).';
grant execute on function private.check_search_args(extensions.vector, integer, double precision) to authenticated, service_role;

-- The workspaces a search covers: the one asked for, else the caller's (null for the service role and the system: all).
create function private.search_workspaces(p_workspace_id uuid) returns uuid[]
language sql stable set search_path = '' as $$
  select case when p_workspace_id is not null then array[p_workspace_id]
              when private.is_end_user() then array(select private.workspace_ids('viewer'))
              end
$$;
comment on function private.search_workspaces(uuid) is 'The workspace filter of a search: the given one, else every workspace a signed-in caller can read, else (service role, system) none. RLS applies in any case.';
grant execute on function private.search_workspaces(uuid) to authenticated, service_role;

-- ===== the base: vector search with the caller's rights
create function public.match_knowledge_chunks(
  query_embedding extensions.vector,
  match_count integer default 10,
  min_similarity double precision default 0,
  filter_workspace_id uuid default null,
  filter_collection_ids uuid[] default null,
  filter_document_ids uuid[] default null,
  filter_tags text[] default null,
  filter_embedding_model public.embedding_model default null
)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
declare
  ws uuid[] := private.search_workspaces(filter_workspace_id);
begin
  if query_embedding is null then
    raise exception 'query_embedding is required' using errcode = '22023';
  end if;
  perform private.check_search_args(query_embedding, match_count, min_similarity);
  return query select * from private.knowledge_search_core('vector', null, query_embedding, match_count, min_similarity,
    ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model, 0, 1, 50,
    private.knowledge_use_index(ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model));
end $$;
comment on function public.match_knowledge_chunks(extensions.vector, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model) is 'The chunks nearest to query_embedding (cosine, 1536 dimensions) with similarity >= min_similarity, best first; at most match_count (1-200). Filters: workspace, collections, documents, tags (documents having all of them), embedding model. Runs as the caller: only chunks RLS lets them read.';
grant execute on function public.match_knowledge_chunks(extensions.vector, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model) to authenticated;

-- ===== hybrid: full text and vector, fused by reciprocal rank fusion
create function public.hybrid_search_knowledge_chunks(
  query_text text,
  query_embedding extensions.vector default null,
  match_count integer default 10,
  full_text_weight double precision default 1,
  semantic_weight double precision default 1,
  rrf_k integer default 50,
  min_similarity double precision default 0,
  filter_workspace_id uuid default null,
  filter_collection_ids uuid[] default null,
  filter_document_ids uuid[] default null,
  filter_tags text[] default null,
  filter_embedding_model public.embedding_model default null
)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
declare
  ws uuid[] := private.search_workspaces(filter_workspace_id);
  has_text boolean := query_text is not null and btrim(query_text) <> '';
  mode public.knowledge_search_mode;
begin
  if not has_text and query_embedding is null then
    raise exception 'give query_text, query_embedding or both' using errcode = '22023';
  end if;
  if char_length(query_text) > 2000 then
    raise exception 'query_text is over 2000 characters' using errcode = '22023';
  end if;
  if full_text_weight is null or semantic_weight is null or full_text_weight < 0 or semantic_weight < 0
     or full_text_weight + semantic_weight = 0 then
    raise exception 'weights must be non-negative and not both zero' using errcode = '22023';
  end if;
  if rrf_k is null or rrf_k < 1 then
    raise exception 'rrf_k must be at least 1' using errcode = '22023';
  end if;
  perform private.check_search_args(query_embedding, match_count, min_similarity);
  mode := (case when not has_text then 'vector' when query_embedding is null then 'text' else 'hybrid' end)::public.knowledge_search_mode;
  return query select * from private.knowledge_search_core(mode, query_text, query_embedding, match_count, min_similarity,
    ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model,
    full_text_weight, semantic_weight, rrf_k,
    mode <> 'text' and private.knowledge_use_index(ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model));
end $$;
comment on function public.hybrid_search_knowledge_chunks(text, extensions.vector, integer, double precision, double precision, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model) is 'Hybrid search: full-text (any of the query''s words, English stems) and vector candidates fused by reciprocal rank fusion, score = semantic_weight/(rrf_k + vector rank) + full_text_weight/(rrf_k + text rank). Text only or embedding only also work. Same filters and rights as match_knowledge_chunks.';
grant execute on function public.hybrid_search_knowledge_chunks(text, extensions.vector, integer, double precision, double precision, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model) to authenticated;

-- ===== 003's user-scoped form: everything the user can read
create function public.search_user_knowledge(
  p_user_id uuid,
  p_query_embedding extensions.vector,
  p_limit integer default 10,
  p_similarity_threshold double precision default 0.7
)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
begin
  if p_user_id is distinct from (select auth.uid()) then
    raise exception 'you can search only your own knowledge' using errcode = '42501';
  end if;
  return query select * from public.match_knowledge_chunks(p_query_embedding, p_limit, p_similarity_threshold);
end $$;
comment on function public.search_user_knowledge(uuid, extensions.vector, integer, double precision) is '003''s search_knowledge_chunks(p_user_id, p_query_embedding, p_limit 10, p_similarity_threshold 0.7): the chunks of every workspace the caller belongs to. p_user_id must be the caller.';
grant execute on function public.search_user_knowledge(uuid, extensions.vector, integer, double precision) to authenticated;

-- ===== 004's demo-scoped form: one demo's collection
create function public.search_demo_knowledge(
  query_embedding extensions.vector,
  demo_id uuid,
  match_threshold double precision default 0.7,
  match_count integer default 5
)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
declare
  col uuid;
begin
  if demo_id is null then
    raise exception 'demo_id is required' using errcode = '22023';
  end if;
  select c.id into col from public.knowledge_collections c
  where (c.scope = 'demo' and c.owner_id = search_demo_knowledge.demo_id) or c.id = search_demo_knowledge.demo_id
  order by (c.id = search_demo_knowledge.demo_id) desc
  limit 1;
  if col is null then
    raise exception 'no knowledge collection for this demo' using errcode = 'PT404';
  end if;
  return query select * from public.match_knowledge_chunks(query_embedding, match_count, match_threshold,
    filter_collection_ids => array[col]);
end $$;
comment on function public.search_demo_knowledge(extensions.vector, uuid, double precision, integer) is '004''s search_knowledge_chunks(query_embedding, demo_id, match_threshold 0.7, match_count 5) for workspace members: demo_id is the demo (its demo collection) or the collection id itself.';
grant execute on function public.search_demo_knowledge(extensions.vector, uuid, double precision, integer) to authenticated;

-- ===== logging
create function private.log_knowledge_access(p_workspace_id uuid, p_via text, p_mode public.knowledge_search_mode,
  p_strategy public.knowledge_search_strategy, p_query_sha256 text, p_model public.embedding_model, p_collection_ids uuid[],
  p_result_ids uuid[], p_latency_ms double precision)
returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  if private.is_end_user()
     and not (p_workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'not a member of this workspace' using errcode = '42501';
  end if;
  insert into public.knowledge_access_logs (workspace_id, user_id, caller_role, via, mode, strategy, query_sha256,
    embedding_model, collection_ids, result_chunk_ids, latency_ms)
  values (p_workspace_id, (select auth.uid()), coalesce(nullif((select auth.role()), ''), current_user::text), p_via, p_mode,
    p_strategy, p_query_sha256, p_model, p_collection_ids, coalesce(p_result_ids, '{}'),
    round(greatest(p_latency_ms, 0)::numeric, 2));
end $$;
comment on function private.log_knowledge_access(uuid, text, public.knowledge_search_mode, public.knowledge_search_strategy, text, public.embedding_model, uuid[], uuid[], double precision) is 'Writes one knowledge_access_logs row as the caller (user id and role from the JWT); a signed-in caller only into a workspace they belong to.';
grant execute on function private.log_knowledge_access(uuid, text, public.knowledge_search_mode, public.knowledge_search_strategy, text, public.embedding_model, uuid[], uuid[], double precision) to authenticated, service_role;

-- ===== what knowledge-search calls: search one workspace as the caller and log it
create function public.knowledge_search(
  p_workspace_id uuid,
  p_query_text text,
  p_query_embedding extensions.vector default null,
  p_embedding_model public.embedding_model default null,
  p_mode public.knowledge_search_mode default 'hybrid',
  p_match_count integer default 10,
  p_min_similarity double precision default 0,
  p_collection_ids uuid[] default null,
  p_document_ids uuid[] default null,
  p_tags text[] default null,
  p_full_text_weight double precision default 1,
  p_semantic_weight double precision default 1,
  p_embed_ms double precision default 0
)
returns setof public.knowledge_match_row
language plpgsql volatile set search_path = '' as $$
declare
  t0 timestamptz := clock_timestamp();
  ws uuid[] := array[p_workspace_id];
  use_index boolean := false;
  res public.knowledge_match_row[];
begin
  if p_workspace_id is null then
    raise exception 'workspace id is required' using errcode = '22023';
  end if;
  if p_query_text is null or btrim(p_query_text) = '' or char_length(p_query_text) > 2000 then
    raise exception 'the query must be 1 to 2000 characters' using errcode = '22023';
  end if;
  if p_mode is null or (p_mode <> 'text' and p_query_embedding is null) then
    raise exception 'a % search needs the query embedding', coalesce(p_mode::text, 'null') using errcode = '22023';
  end if;
  if p_full_text_weight is null or p_semantic_weight is null or p_full_text_weight < 0 or p_semantic_weight < 0
     or p_full_text_weight + p_semantic_weight = 0 then
    raise exception 'weights must be non-negative and not both zero' using errcode = '22023';
  end if;
  perform private.check_search_args(p_query_embedding, p_match_count, p_min_similarity);
  -- Another workspace's search finds nothing and leaves no trace.
  if private.is_end_user() and not (p_workspace_id = any (array(select private.workspace_ids('viewer')))) then
    return;
  end if;
  if p_mode <> 'text' then
    use_index := private.knowledge_use_index(ws, p_collection_ids, p_document_ids, p_tags, p_embedding_model);
  end if;
  select coalesce(array_agg(m), '{}') into res
  from private.knowledge_search_core(p_mode, p_query_text, p_query_embedding, p_match_count, p_min_similarity, ws,
    p_collection_ids, p_document_ids, p_tags, p_embedding_model, p_full_text_weight, p_semantic_weight, 50, use_index) m;
  perform private.log_knowledge_access(p_workspace_id, 'knowledge-search', p_mode,
    case when p_mode <> 'text' then (case when use_index then 'index' else 'exact' end)::public.knowledge_search_strategy end,
    private.sha256_hex(p_query_text), p_embedding_model, p_collection_ids, array(select r.id from unnest(res) r),
    coalesce(p_embed_ms, 0) + extract(epoch from clock_timestamp() - t0) * 1000);
  return query select * from unnest(res);
end $$;
comment on function public.knowledge_search(uuid, text, extensions.vector, public.embedding_model, public.knowledge_search_mode, integer, double precision, uuid[], uuid[], text[], double precision, double precision, double precision) is 'Search one workspace as the caller and record it in knowledge_access_logs (query hash, result ids, latency including p_embed_ms). The knowledge-search function''s one call; a workspace the caller does not belong to yields nothing.';
grant execute on function public.knowledge_search(uuid, text, extensions.vector, public.embedding_model, public.knowledge_search_mode, integer, double precision, uuid[], uuid[], text[], double precision, double precision, double precision) to authenticated;

-- What knowledge-search needs before embedding the query: the model of the collections searched
-- (the deployment default unless they name one) and the cached embedding of this text, if any.
create function private.cached_query_embedding(p_model public.embedding_model, p_text_sha256 text)
returns extensions.vector
language sql volatile security definer set search_path = '' as $$
  update private.query_embedding_cache q set used_at = now()
  where q.embedding_model = p_model and q.text_sha256 = p_text_sha256
  returning q.embedding
$$;
comment on function private.cached_query_embedding(public.embedding_model, text) is 'The cached embedding of a query text (by model and SHA-256), touching its last use; null when not cached.';
grant execute on function private.cached_query_embedding(public.embedding_model, text) to authenticated, service_role;

create function private.store_query_embedding(p_model public.embedding_model, p_text_sha256 text, p_embedding extensions.vector)
returns void
language sql volatile security definer set search_path = '' as $$
  insert into private.query_embedding_cache (embedding_model, text_sha256, embedding)
  values (p_model, p_text_sha256, p_embedding)
  on conflict (embedding_model, text_sha256) do update set used_at = now()
$$;
comment on function private.store_query_embedding(public.embedding_model, text, extensions.vector) is 'Caches a query embedding; the service role only (a user could otherwise plant a wrong vector for others'' queries).';
grant execute on function private.store_query_embedding(public.embedding_model, text, extensions.vector) to service_role;

create function private.knowledge_search_context(p_collection_ids uuid[], p_default_model public.embedding_model,
                                                 p_text_sha256 text)
returns table (embedding_model public.embedding_model, cached_embedding text)
language plpgsql volatile set search_path = '' as $$
declare
  models public.embedding_model[];
begin
  if p_default_model is null then
    raise exception 'the default model is required' using errcode = '22023';
  end if;
  select coalesce(array_agg(distinct coalesce(c.embedding_model, p_default_model)), '{}') into models
  from public.knowledge_collections c where c.id = any (p_collection_ids);
  if cardinality(models) > 1 then
    raise exception 'these collections are embedded with different models; search them one at a time'
      using errcode = '22023', detail = array_to_string(models, ', ');
  end if;
  return query select coalesce(models[1], p_default_model),
    private.cached_query_embedding(coalesce(models[1], p_default_model), p_text_sha256)::text;
end $$;
comment on function private.knowledge_search_context(uuid[], public.embedding_model, text) is 'knowledge-search, as the caller: the model to embed the query with (the collections'' own, else the default) and its cached embedding.';
grant execute on function private.knowledge_search_context(uuid[], public.embedding_model, text) to authenticated, service_role;

-- ===== the anon path's building block (demos): one collection, regardless of RLS
-- The caller (a narrow RPC or function of the demos domain) must first check that the demo is
-- published and rate-limit the visitor; this function only searches and logs.
create function private.search_collection(
  p_collection_id uuid,
  p_query_embedding extensions.vector,
  p_query_text text default null,
  p_match_count integer default 5,
  p_min_similarity double precision default 0.7,
  p_via text default 'search_collection'
)
returns setof public.knowledge_match_row
language plpgsql volatile security definer set search_path = '' as $$
declare
  t0 timestamptz := clock_timestamp();
  col public.knowledge_collections;
  has_text boolean := p_query_text is not null and btrim(p_query_text) <> '';
  mode public.knowledge_search_mode;
  use_index boolean := false;
  res public.knowledge_match_row[];
begin
  select * into col from public.knowledge_collections c where c.id = p_collection_id;
  if not found then
    raise exception 'collection not found' using errcode = 'PT404';
  end if;
  if not has_text and p_query_embedding is null then
    raise exception 'give a query text, a query embedding or both' using errcode = '22023';
  end if;
  if char_length(p_query_text) > 2000 then
    raise exception 'the query is over 2000 characters' using errcode = '22023';
  end if;
  perform private.check_search_args(p_query_embedding, p_match_count, p_min_similarity);
  mode := (case when not has_text then 'vector' when p_query_embedding is null then 'text' else 'hybrid' end)::public.knowledge_search_mode;
  if mode <> 'text' then
    use_index := private.knowledge_use_index(null, array[col.id], null, null, col.embedding_model);
  end if;
  select coalesce(array_agg(m), '{}') into res
  from private.knowledge_search_core(mode, p_query_text, p_query_embedding, p_match_count, p_min_similarity, null,
    array[col.id], null, null, col.embedding_model, 1, 1, 50, use_index) m;
  perform private.log_knowledge_access(col.workspace_id, coalesce(p_via, 'search_collection'), mode,
    case when mode <> 'text' then (case when use_index then 'index' else 'exact' end)::public.knowledge_search_strategy end,
    private.sha256_hex(coalesce(nullif(btrim(p_query_text), ''), p_query_embedding::text)), col.embedding_model, array[col.id],
    array(select r.id from unnest(res) r), extract(epoch from clock_timestamp() - t0) * 1000);
  return query select * from unnest(res);
end $$;
comment on function private.search_collection(uuid, extensions.vector, text, integer, double precision, text) is 'SECURITY DEFINER: searches one collection whatever the caller''s rights and logs it (caller role and via). For the demos domain''s published-demo search, after it has checked publication and rate limits. Service role only.';
grant execute on function private.search_collection(uuid, extensions.vector, text, integer, double precision, text) to service_role;

-- local-lexical-v1 in SQL: the same vectors as functions/_shared/embeddings_local.ts, so the
-- demo seed and tests can embed in the database and search with vectors the functions compute.
-- Lexical, not semantic: texts are similar when they share words and word pairs.
--
-- The recipe (both implementations follow it step by step):
--   1. NFKD, drop combining marks (U+0300-U+036F), every run of characters other than A-Z a-z 0-9
--      becomes one space, lowercase, split on spaces;
--   2. drop stopwords (the list below) and one-character words that are not digits;
--   3. stem: -ies -> -y (5+ letters), -ing (5+), -ed (4+), -s but not -ss (4+) removed;
--   4. features: "w:<word>" (weight 1) and "b:<word>_<next word>" (weight 0.5); a feature seen n
--      times counts weight x (1 + ln n); a text without features is the single feature "empty:";
--   5. each feature's SHA-256: bytes 0-3 (big-endian, unsigned) mod 1536 pick the dimension,
--      bit 0 of byte 4 the sign (1: negative); values add up; the vector is L2-normalised.
create function private.local_lexical_stopwords() returns text[]
language sql immutable parallel safe set search_path = '' as $$
  select array['a', 'about', 'all', 'am', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'but', 'by', 'can',
    'do', 'does', 'for', 'from', 'had', 'has', 'have', 'he', 'her', 'his', 'how', 'i', 'if', 'in', 'into', 'is', 'it',
    'its', 'me', 'my', 'no', 'not', 'of', 'on', 'or', 'our', 'she', 'so', 'than', 'that', 'the', 'their', 'them',
    'then', 'there', 'these', 'they', 'this', 'to', 'us', 'was', 'we', 'were', 'what', 'when', 'where', 'which',
    'who', 'why', 'will', 'with', 'you', 'your']
$$;
comment on function private.local_lexical_stopwords() is 'Words local-lexical-v1 ignores (the same list as functions/_shared/embeddings_local.ts).';
grant execute on function private.local_lexical_stopwords() to authenticated, service_role;

create function private.local_lexical_embedding(p_text text) returns extensions.vector
language sql immutable parallel safe set search_path = '' as $$
  with words as (
    select x.w, x.o
    from regexp_split_to_table(lower(regexp_replace(
           regexp_replace(normalize(coalesce(p_text, ''), NFKD), '[\u0300-\u036f]', '', 'g'),
           '[^A-Za-z0-9]+', ' ', 'g')), ' ') with ordinality x (w, o)
  ), kept as (
    select case when length(w) >= 5 and w like '%ies' then left(w, -3) || 'y'
                when length(w) >= 5 and w like '%ing' then left(w, -3)
                when length(w) >= 4 and w like '%ed' then left(w, -2)
                when length(w) >= 4 and w like '%s' and w not like '%ss' then left(w, -1)
                else w end as t,
           row_number() over (order by o) as k
    from words
    where w <> '' and (length(w) >= 2 or w ~ '^[0-9]$') and not (w = any (private.local_lexical_stopwords()))
  ), feats as (
    select 'w:' || t as key, 1.0::double precision as weight from kept
    union all
    select 'b:' || a.t || '_' || b.t, 0.5 from kept a join kept b on b.k = a.k + 1
  ), agg as (
    select f.key, max(f.weight) * (1 + ln(count(*)::double precision)) as value from feats f group by f.key
    union all
    select 'empty:', 1.0 where not exists (select 1 from feats)
  ), hashed as (
    select sha256(convert_to(a.key, 'UTF8')) as h, a.value from agg a
  ), dims as (
    select ((get_byte(h, 0)::bigint << 24) | (get_byte(h, 1) << 16) | (get_byte(h, 2) << 8) | get_byte(h, 3)) % 1536 as i,
           sum(case when get_byte(h, 4) & 1 = 1 then -value else value end) as v
    from hashed group by 1
  ), norm as (
    select sqrt(sum(d.v * d.v)) as n from dims d
  )
  select array_agg(coalesce(d.v / nullif(norm.n, 0), 0)::real order by g.i)::real[]::extensions.vector
  from generate_series(0, 1535) g (i)
  left join dims d on d.i = g.i
  cross join norm
$$;
comment on function private.local_lexical_embedding(text) is 'local-lexical-v1: a deterministic lexical embedding (feature-hashed words and word pairs, 1536 dimensions, unit length); identical to the functions'' local provider.';
grant execute on function private.local_lexical_embedding(text) to authenticated, service_role;
