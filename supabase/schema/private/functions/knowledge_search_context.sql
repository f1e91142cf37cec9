CREATE OR REPLACE FUNCTION private.knowledge_search_context(p_collection_ids uuid[], p_default_model public.embedding_model, p_text_sha256 text)
 RETURNS TABLE(embedding_model public.embedding_model, cached_embedding text)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  models public.embedding_model[];
begin
  if p_default_model is null then
    raise exception 'the default model is required' using errcode = '22023';
  end if;
  select coalesce(array_agg(distinct coalesce(c.embedding_model, p_default_model)), '{}') into models
  from public.knowledge_collections c where c.id = any (p_collection_ids);
  if cardinality(models) > 1 then
    raise exception 'these collections are embedded with different models; search them one at a time'
      using errcode = '22023', detail = array_to_string(models, ', ');
  end if;
  return query select coalesce(models[1], p_default_model),
    private.cached_query_embedding(coalesce(models[1], p_default_model), p_text_sha256)::text;
end $function$;
comment on function private.knowledge_search_context(uuid[],public.embedding_model,text) is 'knowledge-search, as the caller: the model to embed the query with (the collections'' own, else the default) and its cached embedding.';
grant execute on function private.knowledge_search_context(uuid[],public.embedding_model,text) to authenticated;
grant execute on function private.knowledge_search_context(uuid[],public.embedding_model,text) to service_role;
