CREATE OR REPLACE FUNCTION public.match_knowledge_chunks(query_embedding extensions.vector, match_count integer DEFAULT 10, min_similarity double precision DEFAULT 0, filter_workspace_id uuid DEFAULT NULL::uuid, filter_collection_ids uuid[] DEFAULT NULL::uuid[], filter_document_ids uuid[] DEFAULT NULL::uuid[], filter_tags text[] DEFAULT NULL::text[], filter_embedding_model public.embedding_model DEFAULT NULL::public.embedding_model)
 RETURNS SETOF public.knowledge_match_row
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  ws uuid[] := private.search_workspaces(filter_workspace_id);
begin
  if query_embedding is null then
    raise exception 'query_embedding is required' using errcode = '22023';
  end if;
  perform private.check_search_args(query_embedding, match_count, min_similarity);
  return query select (row(q.*)::public.knowledge_match_row).* from (select * from private.knowledge_search_core('vector', null, query_embedding, match_count, min_similarity,
    ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model, 0, 1, 50,
    private.knowledge_use_index(ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model))) q;
end $function$;
comment on function public.match_knowledge_chunks(extensions.vector,integer,double precision,uuid,uuid[],uuid[],text[],public.embedding_model) is 'The chunks nearest to query_embedding (cosine, 1536 dimensions) with similarity >= min_similarity, best first; at most match_count (1-200). Filters: workspace, collections, documents, tags (documents having all of them), embedding model. Runs as the caller: only chunks RLS lets them read.';
grant execute on function public.match_knowledge_chunks(extensions.vector,integer,double precision,uuid,uuid[],uuid[],text[],public.embedding_model) to authenticated;
grant execute on function public.match_knowledge_chunks(extensions.vector,integer,double precision,uuid,uuid[],uuid[],text[],public.embedding_model) to service_role;
