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
  if (select auth.role()) = 'authenticated' then
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
  if (select auth.role()) = 'authenticated' then
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

revoke all on function private.knowledge_limits() from public;
revoke all on function private.ingest_knowledge_document(uuid, text, text, jsonb, text, public.knowledge_source_type, text, text, text[], jsonb) from public;
revoke all on function public.ingest_knowledge_document(uuid, text, text, jsonb, text, public.knowledge_source_type, text, text, text[], jsonb) from public;
revoke all on function public.ensure_knowledge_collection(uuid, public.knowledge_scope, uuid, text) from public;
revoke all on function public.add_agent_memory(uuid, uuid, text, text) from public;
grant execute on function private.knowledge_limits() to authenticated, service_role;
grant execute on function private.ingest_knowledge_document(uuid, text, text, jsonb, text, public.knowledge_source_type, text, text, text[], jsonb)
  to authenticated, service_role;
grant execute on function public.ingest_knowledge_document(uuid, text, text, jsonb, text, public.knowledge_source_type, text, text, text[], jsonb)
  to authenticated, service_role;
grant execute on function public.ensure_knowledge_collection(uuid, public.knowledge_scope, uuid, text) to authenticated, service_role;
grant execute on function public.add_agent_memory(uuid, uuid, text, text) to authenticated, service_role;
