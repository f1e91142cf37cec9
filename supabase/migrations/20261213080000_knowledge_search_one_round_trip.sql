-- knowledge-search in one round trip: it looked up the model and the cached query embedding in
-- one transaction, searched in a second and stored a new embedding in a third (1.3-1.9x the
-- same search through PostgREST). private.knowledge_search_json does the lookup and the search
-- in one call and answers the JSON the function returns; when the query's embedding is not
-- cached it answers which model to embed with instead, and the function's second call passes
-- the embedding (and stores it, as the service, in the same transaction).

create function private.knowledge_search_json(
  p_workspace_id uuid, p_query_text text, p_query_embedding extensions.vector, p_default_model public.embedding_model,
  p_text_sha256 text, p_mode public.knowledge_search_mode, p_match_count integer, p_min_similarity double precision,
  p_collection_ids uuid[], p_document_ids uuid[], p_tags text[], p_full_text_weight double precision,
  p_semantic_weight double precision, p_embed_ms double precision)
returns json
language plpgsql volatile set search_path = '' as $$
declare
  ctx record;
  emb extensions.vector;
begin
  select * into ctx from private.knowledge_search_context(p_collection_ids, p_default_model, p_text_sha256);
  if p_mode <> 'text' then
    emb := coalesce(p_query_embedding, ctx.cached_embedding::extensions.vector);
    if emb is null then
      return json_build_object('model', ctx.embedding_model, 'needsEmbedding', true);
    end if;
  end if;
  return json_build_object(
    'model', ctx.embedding_model,
    'cachedEmbedding', p_mode <> 'text' and p_query_embedding is null,
    'results', coalesce((
      -- a function scan hands the rows over in the function's order (best first)
      select json_agg(r)
      from public.knowledge_search(p_workspace_id, p_query_text, emb, ctx.embedding_model, p_mode, p_match_count,
                                   p_min_similarity, p_collection_ids, p_document_ids, p_tags, p_full_text_weight,
                                   p_semantic_weight, p_embed_ms) r), '[]'::json));
end $$;
comment on function private.knowledge_search_json(uuid, text, extensions.vector, public.embedding_model, text, public.knowledge_search_mode, integer, double precision, uuid[], uuid[], text[], double precision, double precision, double precision) is 'knowledge-search in one call, as the caller: the collections'' model and the cached query embedding, then public.knowledge_search, answered as {model, cachedEmbedding, results}; {model, needsEmbedding: true} when the query must be embedded first (then call again with p_query_embedding).';
revoke all on function private.knowledge_search_json(uuid, text, extensions.vector, public.embedding_model, text, public.knowledge_search_mode, integer, double precision, uuid[], uuid[], text[], double precision, double precision, double precision) from public;
grant execute on function private.knowledge_search_json(uuid, text, extensions.vector, public.embedding_model, text, public.knowledge_search_mode, integer, double precision, uuid[], uuid[], text[], double precision, double precision, double precision) to authenticated;
