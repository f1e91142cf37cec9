CREATE OR REPLACE FUNCTION private.knowledge_chunks_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.enqueue_chunk_embeddings(array(select n.id from new_rows n where n.embedding is null));
  perform private.refresh_knowledge_documents(array(select distinct n.document_id from new_rows n));
  return null;
end $function$;
comment on function private.knowledge_chunks_inserted() is 'AFTER INSERT (statement) on knowledge_chunks: queue the chunks without embedding, refresh their documents.';
