CREATE OR REPLACE FUNCTION public.knowledge_search(p_workspace_id uuid, p_query_text text, p_query_embedding extensions.vector DEFAULT NULL::extensions.vector, p_embedding_model public.embedding_model DEFAULT NULL::public.embedding_model, p_mode public.knowledge_search_mode DEFAULT 'hybrid'::public.knowledge_search_mode, p_match_count integer DEFAULT 10, p_min_similarity double precision DEFAULT 0, p_collection_ids uuid[] DEFAULT NULL::uuid[], p_document_ids uuid[] DEFAULT NULL::uuid[], p_tags text[] DEFAULT NULL::text[], p_full_text_weight double precision DEFAULT 1, p_semantic_weight double precision DEFAULT 1, p_embed_ms double precision DEFAULT 0)
 RETURNS SETOF public.knowledge_match_row
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  t0 timestamptz := clock_timestamp();
  ws uuid[] := array[p_workspace_id];
  use_index boolean := false;
  res private.knowledge_match_row[];
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
  return query select (row(q.*)::public.knowledge_match_row).* from (select * from unnest(res)) q;
end $function$;
comment on function public.knowledge_search(uuid,text,extensions.vector,public.embedding_model,public.knowledge_search_mode,integer,double precision,uuid[],uuid[],text[],double precision,double precision,double precision) is 'Search one workspace as the caller and record it in knowledge_access_logs (query hash, result ids, latency including p_embed_ms). The knowledge-search function''s one call; a workspace the caller does not belong to yields nothing.';
grant execute on function public.knowledge_search(uuid,text,extensions.vector,public.embedding_model,public.knowledge_search_mode,integer,double precision,uuid[],uuid[],text[],double precision,double precision,double precision) to authenticated;
grant execute on function public.knowledge_search(uuid,text,extensions.vector,public.embedding_model,public.knowledge_search_mode,integer,double precision,uuid[],uuid[],text[],double precision,double precision,double precision) to service_role;
