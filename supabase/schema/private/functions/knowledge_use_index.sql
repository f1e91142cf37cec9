CREATE OR REPLACE FUNCTION private.knowledge_use_index(p_workspace_ids uuid[], p_collection_ids uuid[], p_document_ids uuid[], p_tags text[], p_model public.embedding_model)
 RETURNS boolean
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  cap integer := private.knowledge_index_threshold();
  n integer;
begin
  if p_document_ids is null and coalesce(cardinality(p_tags), 0) = 0 then
    return private.knowledge_scope_chunks(p_workspace_ids, p_collection_ids) >= cap;
  end if;
  execute format('select count(*) from (select 1 from public.knowledge_chunks c where %s limit $1) s',
                 private.knowledge_filter_sql(p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model))
    into n using cap, null::integer, p_workspace_ids, p_collection_ids, p_document_ids, p_tags, p_model;
  return n >= cap;
end $function$;
comment on function private.knowledge_use_index(uuid[],uuid[],uuid[],text[],public.embedding_model) is 'True when the chunks in scope reach private.knowledge_index_threshold(): workspaces and collections by their counts, documents and tags by counting.';
grant execute on function private.knowledge_use_index(uuid[],uuid[],uuid[],text[],public.embedding_model) to authenticated;
grant execute on function private.knowledge_use_index(uuid[],uuid[],uuid[],text[],public.embedding_model) to service_role;
