CREATE OR REPLACE FUNCTION private.knowledge_vector_candidates(p_query extensions.vector, p_count integer, p_workspace_ids uuid[], p_collection_ids uuid[], p_document_ids uuid[], p_tags text[], p_model public.embedding_model, p_use_index boolean)
 RETURNS SETOF private.knowledge_vector_candidate
 LANGUAGE plpgsql
 STABLE ROWS 20
 SET search_path TO ''
 SET "hnsw.iterative_scan" TO 'relaxed_order'
 SET "hnsw.ef_search" TO '40'
 SET enable_sort TO 'on'
AS $function$
declare
  filter text := private.knowledge_filter_sql(p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model);
begin
  if p_count < 1 or p_query is null then
    return;
  end if;
  if p_use_index then
    -- ef_search by the scope's share of the table (private.knowledge_ef_search); iterative scan
    -- continues past it while the filter rejects rows. With a workspace filter the planner prefers the b-tree plus a sort of the
    -- whole workspace (it underestimates the rows), which is the exact search this branch is
    -- here to avoid: sorting off leaves it the HNSW order. The SET clauses above restore all
    -- three settings when the function returns.
    perform set_config('hnsw.ef_search', private.knowledge_ef_search(p_count, p_workspace_ids, p_collection_ids)::text, true);
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
end $function$;
comment on function private.knowledge_vector_candidates(extensions.vector,integer,uuid[],uuid[],uuid[],text[],public.embedding_model,boolean) is 'The nearest chunks in scope with their cosine distance, best first: exact, or HNSW with iterative scan. Runs with the caller''s rights.';
grant execute on function private.knowledge_vector_candidates(extensions.vector,integer,uuid[],uuid[],uuid[],text[],public.embedding_model,boolean) to authenticated;
grant execute on function private.knowledge_vector_candidates(extensions.vector,integer,uuid[],uuid[],uuid[],text[],public.embedding_model,boolean) to service_role;
