CREATE OR REPLACE FUNCTION private.knowledge_filter_sql(p_workspace_ids uuid[], p_collection_ids uuid[], p_document_ids uuid[], p_tags text[], p_model public.embedding_model)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select concat_ws(' and ', 'true',
    case when p_workspace_ids is not null then 'c.workspace_id = any ($3)' end,
    case when p_collection_ids is not null then 'c.collection_id = any ($4)' end,
    case when p_document_ids is not null then 'c.document_id = any ($5)' end,
    case when cardinality(p_tags) > 0 then
      'exists (select 1 from public.knowledge_documents d where d.id = c.document_id and d.tags @> $6)' end,
    case when p_model is not null then 'c.embedding_model = $7' end)
$function$;
comment on function private.knowledge_filter_sql(uuid[],uuid[],uuid[],text[],public.embedding_model) is 'The WHERE clause for the given filters (fixed text with numbered parameters; no value is ever spliced in).';
grant execute on function private.knowledge_filter_sql(uuid[],uuid[],uuid[],text[],public.embedding_model) to authenticated;
grant execute on function private.knowledge_filter_sql(uuid[],uuid[],uuid[],text[],public.embedding_model) to service_role;
