CREATE OR REPLACE FUNCTION public.hybrid_search_knowledge_chunks(query_text text, query_embedding extensions.vector DEFAULT NULL::extensions.vector, match_count integer DEFAULT 10, full_text_weight double precision DEFAULT 1, semantic_weight double precision DEFAULT 1, rrf_k integer DEFAULT 50, min_similarity double precision DEFAULT 0, filter_workspace_id uuid DEFAULT NULL::uuid, filter_collection_ids uuid[] DEFAULT NULL::uuid[], filter_document_ids uuid[] DEFAULT NULL::uuid[], filter_tags text[] DEFAULT NULL::text[], filter_embedding_model public.embedding_model DEFAULT NULL::public.embedding_model)
 RETURNS SETOF public.knowledge_match_row
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
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
  return query select (row(q.*)::public.knowledge_match_row).* from (select * from private.knowledge_search_core(mode, query_text, query_embedding, match_count, min_similarity,
    ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model,
    full_text_weight, semantic_weight, rrf_k,
    mode <> 'text' and private.knowledge_use_index(ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model))) q;
end $function$;
comment on function public.hybrid_search_knowledge_chunks(text,extensions.vector,integer,double precision,double precision,integer,double precision,uuid,uuid[],uuid[],text[],public.embedding_model) is 'Hybrid search: full-text (any of the query''s words, English stems) and vector candidates fused by reciprocal rank fusion, score = semantic_weight/(rrf_k + vector rank) + full_text_weight/(rrf_k + text rank). Text only or embedding only also work. Same filters and rights as match_knowledge_chunks.';
grant execute on function public.hybrid_search_knowledge_chunks(text,extensions.vector,integer,double precision,double precision,integer,double precision,uuid,uuid[],uuid[],text[],public.embedding_model) to authenticated;
grant execute on function public.hybrid_search_knowledge_chunks(text,extensions.vector,integer,double precision,double precision,integer,double precision,uuid,uuid[],uuid[],text[],public.embedding_model) to service_role;
