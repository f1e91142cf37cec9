CREATE OR REPLACE FUNCTION private.knowledge_search_core(p_mode public.knowledge_search_mode, p_query_text text, p_query_embedding extensions.vector, p_match_count integer, p_min_similarity double precision, p_workspace_ids uuid[], p_collection_ids uuid[], p_document_ids uuid[], p_tags text[], p_model public.embedding_model, p_full_text_weight double precision, p_semantic_weight double precision, p_rrf_k integer, p_use_index boolean)
 RETURNS SETOF private.knowledge_match_row
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.knowledge_search_core(public.knowledge_search_mode,text,extensions.vector,integer,double precision,uuid[],uuid[],uuid[],text[],public.embedding_model,double precision,double precision,integer,boolean) is 'The search every public search function wraps (vector, text or hybrid by RRF). Runs with the caller''s rights.';
grant execute on function private.knowledge_search_core(public.knowledge_search_mode,text,extensions.vector,integer,double precision,uuid[],uuid[],uuid[],text[],public.embedding_model,double precision,double precision,integer,boolean) to authenticated;
grant execute on function private.knowledge_search_core(public.knowledge_search_mode,text,extensions.vector,integer,double precision,uuid[],uuid[],uuid[],text[],public.embedding_model,double precision,double precision,integer,boolean) to service_role;
