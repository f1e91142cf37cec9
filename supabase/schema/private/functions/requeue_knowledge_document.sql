CREATE OR REPLACE FUNCTION private.requeue_knowledge_document(p_document_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid;
  n integer;
begin
  select d.workspace_id into ws from public.knowledge_documents d where d.id = p_document_id and d.is_current;
  if not found then
    raise exception 'document not found' using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(ws, 'member');
  end if;
  -- dead jobs of the current text go back to the queue; chunks without any open job get one
  update private.embedding_jobs j set status = 'queued', attempts = 0, visible_at = now(), completed_at = null,
    last_error = null, lease_id = null
  from public.knowledge_chunks c
  where c.document_id = p_document_id and j.chunk_id = c.id and j.status = 'dead' and j.content_sha256 = c.content_sha256
    and c.embedding is null
    and not exists (select 1 from private.embedding_jobs o where o.chunk_id = c.id and o.status in ('queued', 'running'));
  get diagnostics n = row_count;
  if n > 0 then
    perform private.wake_function('embed');
  end if;
  n := n + private.enqueue_chunk_embeddings(array(
    select c.id from public.knowledge_chunks c
    where c.document_id = p_document_id and c.embedding is null
      and not exists (select 1 from private.embedding_jobs o where o.chunk_id = c.id and o.status in ('queued', 'running'))));
  perform private.refresh_knowledge_documents(array[p_document_id]);
  return n;
end $function$;
comment on function private.requeue_knowledge_document(uuid) is 'Re-queues the unembedded chunks of a current document (dead letters included); returns how many jobs were opened.';
grant execute on function private.requeue_knowledge_document(uuid) to authenticated;
grant execute on function private.requeue_knowledge_document(uuid) to service_role;
