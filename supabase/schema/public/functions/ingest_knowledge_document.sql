CREATE OR REPLACE FUNCTION public.ingest_knowledge_document(p_collection_id uuid, p_document_key text, p_content text, p_chunks jsonb, p_title text DEFAULT NULL::text, p_source_type public.knowledge_source_type DEFAULT 'text'::public.knowledge_source_type, p_source_uri text DEFAULT NULL::text, p_document_type text DEFAULT NULL::text, p_tags text[] DEFAULT NULL::text[], p_metadata jsonb DEFAULT NULL::jsonb)
 RETURNS TABLE(document_id uuid, version integer, status public.knowledge_document_status, unchanged boolean, chunks_total integer, chunks_reused integer, chunks_queued integer)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
#variable_conflict use_column
begin
  if p_collection_id is null then
    raise exception 'collection id is required' using errcode = '22023';
  end if;
  -- visible to the caller under RLS, or it does not exist for them
  if not exists (select 1 from public.knowledge_collections c where c.id = p_collection_id) then
    raise exception 'collection not found' using errcode = 'PT404';
  end if;
  return query select * from private.ingest_knowledge_document(p_collection_id, p_document_key, p_content, p_chunks, p_title,
    p_source_type, p_source_uri, p_document_type, p_tags, p_metadata);
end $function$;
comment on function public.ingest_knowledge_document(uuid,text,text,jsonb,text,public.knowledge_source_type,text,text,text[],jsonb) is 'Members: store a document''s text and chunks as its next version (knowledge-ingest calls this after splitting). Chunks: [{content, question?, answer?, source?, token_count?, metadata?}], at most 5000.';
grant execute on function public.ingest_knowledge_document(uuid,text,text,jsonb,text,public.knowledge_source_type,text,text,text[],jsonb) to authenticated;
grant execute on function public.ingest_knowledge_document(uuid,text,text,jsonb,text,public.knowledge_source_type,text,text,text[],jsonb) to service_role;
