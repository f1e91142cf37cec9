CREATE OR REPLACE FUNCTION private.ingest_knowledge_document(p_collection_id uuid, p_document_key text, p_content text, p_chunks jsonb, p_title text DEFAULT NULL::text, p_source_type public.knowledge_source_type DEFAULT 'text'::public.knowledge_source_type, p_source_uri text DEFAULT NULL::text, p_document_type text DEFAULT NULL::text, p_tags text[] DEFAULT NULL::text[], p_metadata jsonb DEFAULT NULL::jsonb)
 RETURNS TABLE(document_id uuid, version integer, status public.knowledge_document_status, unchanged boolean, chunks_total integer, chunks_reused integer, chunks_queued integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.ingest_knowledge_document(uuid,text,text,jsonb,text,public.knowledge_source_type,text,text,text[],jsonb) is 'Writes a document version and its chunks: identical text adds nothing, unchanged chunks keep their embeddings, new or changed ones are queued. Members only (service role for the system).';
grant execute on function private.ingest_knowledge_document(uuid,text,text,jsonb,text,public.knowledge_source_type,text,text,text[],jsonb) to authenticated;
grant execute on function private.ingest_knowledge_document(uuid,text,text,jsonb,text,public.knowledge_source_type,text,text,text[],jsonb) to service_role;
