create view public.knowledge_match_row with (security_invoker=true) as
 SELECT NULL::uuid::private.uuid_not_null AS id,
    NULL::uuid::private.uuid_not_null AS workspace_id,
    NULL::uuid::private.uuid_not_null AS collection_id,
    NULL::uuid::private.uuid_not_null AS document_id,
    NULL::text AS document_title,
    NULL::integer::private.integer_not_null AS chunk_index,
    NULL::text::private.text_not_null AS content,
    NULL::text AS question,
    NULL::text AS answer,
    NULL::text AS source,
    NULL::jsonb::private.jsonb_not_null AS metadata,
    NULL::double precision AS similarity,
    NULL::double precision AS text_rank,
    NULL::double precision::private.float8_not_null AS score
  WHERE false;
comment on view public.knowledge_match_row is 'A search result, best first: the chunk, its document''s title, cosine similarity to the query (null when not compared), full-text rank (null when the text did not match) and score (similarity for vector search, the reciprocal rank fusion score for hybrid search, the rank for text search). Never null: id, workspace_id, collection_id, document_id, chunk_index, content, metadata, score. Nullable: document_title, question, answer, source, similarity, text_rank. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.knowledge_match_row to service_role;
grant select on public.knowledge_match_row to authenticated;
