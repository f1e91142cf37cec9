CREATE OR REPLACE FUNCTION private.enqueue_chunk_embeddings(p_chunk_ids uuid[])
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  insert into private.embedding_jobs as j (workspace_id, chunk_id, content_sha256)
  select c.workspace_id, c.id, c.content_sha256
  from public.knowledge_chunks c
  where c.id = any (p_chunk_ids)
  order by c.id
  on conflict (chunk_id) where status in ('queued', 'running') do update
    set content_sha256 = excluded.content_sha256, status = 'queued', attempts = 0, visible_at = now(),
        lease_id = null, claimed_at = null, last_error = null
    where j.content_sha256 <> excluded.content_sha256;
  get diagnostics n = row_count;
  if n > 0 then
    perform private.wake_function('embed');
  end if;
  return n;
end $function$;
comment on function private.enqueue_chunk_embeddings(uuid[]) is 'Queues the chunks'' current text for embedding (an open job with other text is re-armed: its old lease no longer counts) and wakes the embed worker at commit.';
