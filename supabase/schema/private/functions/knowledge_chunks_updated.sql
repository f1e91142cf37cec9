CREATE OR REPLACE FUNCTION private.knowledge_chunks_updated()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.enqueue_chunk_embeddings(array(
    select n.id from new_rows n join old_rows o on o.id = n.id
    where n.embedding is null and n.content_sha256 <> o.content_sha256));
  -- a vector written for the current text (by the worker or anyone else) closes the open job
  update private.embedding_jobs j set status = 'done', completed_at = now(), lease_id = null, last_error = null
  from new_rows n join old_rows o on o.id = n.id
  where j.chunk_id = n.id and j.status in ('queued', 'running') and j.content_sha256 = n.content_sha256
    and n.embedding is not null and n.embedded_at is distinct from o.embedded_at;
  perform private.refresh_knowledge_documents(array(
    select n.document_id from new_rows n union select o.document_id from old_rows o));
  return null;
end $function$;
comment on function private.knowledge_chunks_updated() is 'AFTER UPDATE (statement) on knowledge_chunks: queue chunks whose text changed, close jobs whose vector was written, refresh their documents (old and new, for moved chunks).';
