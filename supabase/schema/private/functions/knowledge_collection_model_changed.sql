CREATE OR REPLACE FUNCTION private.knowledge_collection_model_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if new.embedding_model is not distinct from old.embedding_model then
    return null;
  end if;
  update public.knowledge_chunks c set embedding = null where c.collection_id = new.id and c.embedding is not null;
  perform private.enqueue_chunk_embeddings(array(
    select c.id from public.knowledge_chunks c where c.collection_id = new.id));
  perform private.refresh_knowledge_documents(array(
    select d.id from public.knowledge_documents d where d.collection_id = new.id and d.is_current));
  return null;
end $function$;
comment on function private.knowledge_collection_model_changed() is 'AFTER UPDATE OF embedding_model on knowledge_collections: clear and re-queue every chunk of the collection.';
