CREATE OR REPLACE FUNCTION private.knowledge_chunks_deleted()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.refresh_knowledge_documents(array(select distinct o.document_id from old_rows o));
  return null;
end $function$;
comment on function private.knowledge_chunks_deleted() is 'AFTER DELETE (statement) on knowledge_chunks: refresh the documents that lost chunks.';
