CREATE OR REPLACE FUNCTION private.search_collection(p_collection_id uuid, p_query_embedding extensions.vector, p_query_text text DEFAULT NULL::text, p_match_count integer DEFAULT 5, p_min_similarity double precision DEFAULT 0.7, p_via text DEFAULT 'search_collection'::text)
 RETURNS SETOF private.knowledge_match_row
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  t0 timestamptz := clock_timestamp();
  col public.knowledge_collections;
  has_text boolean := p_query_text is not null and btrim(p_query_text) <> '';
  mode public.knowledge_search_mode;
  use_index boolean := false;
  res private.knowledge_match_row[];
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
end $function$;
comment on function private.search_collection(uuid,extensions.vector,text,integer,double precision,text) is 'SECURITY DEFINER: searches one collection whatever the caller''s rights and logs it (caller role and via). For the demos domain''s published-demo search, after it has checked publication and rate limits. Service role only.';
grant execute on function private.search_collection(uuid,extensions.vector,text,integer,double precision,text) to service_role;
