CREATE OR REPLACE FUNCTION private.claim_embedding_jobs(p_limit integer DEFAULT 64, p_visibility_timeout interval DEFAULT '00:02:00'::interval)
 RETURNS TABLE(job_id bigint, lease_id uuid, chunk_id uuid, content_sha256 text, content text, token_count integer, embedding_model public.embedding_model, attempts integer)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  dead_docs uuid[];
begin
  if p_limit is null or p_limit < 1 then
    raise exception 'limit must be at least 1' using errcode = '22023';
  end if;
  perform private.require_batch_size('embedding jobs', p_limit, 2048);
  if p_visibility_timeout is null or p_visibility_timeout < interval '1 second' then
    raise exception 'the visibility timeout must be at least 1 second' using errcode = '22023';
  end if;

  with expired as (
    update private.embedding_jobs j set status = 'dead', completed_at = now(), lease_id = null,
      last_error = format('the worker did not report back within the visibility timeout (%s attempts)', j.attempts)
    where j.status = 'running' and j.visible_at <= now() and j.attempts >= j.max_attempts
    returning j.chunk_id
  )
  select array_agg(distinct c.document_id) into dead_docs
  from expired e join public.knowledge_chunks c on c.id = e.chunk_id;
  if dead_docs is not null then
    perform private.refresh_knowledge_documents(dead_docs);
  end if;

  return query
  with due as (
    select j.id from private.embedding_jobs j
    where j.status in ('queued', 'running') and j.visible_at <= now()
    order by j.visible_at, j.id
    limit p_limit
    for update skip locked
  ), claimed as (
    update private.embedding_jobs j
    set status = 'running', attempts = j.attempts + 1, lease_id = gen_random_uuid(), claimed_at = now(),
        visible_at = now() + p_visibility_timeout
    from due where j.id = due.id
    returning j.id, j.lease_id, j.chunk_id, j.content_sha256, j.attempts
  )
  select c.id, c.lease_id, c.chunk_id, c.content_sha256, k.content, k.token_count, col.embedding_model, c.attempts
  from claimed c
  join public.knowledge_chunks k on k.id = c.chunk_id
  join public.knowledge_collections col on col.id = k.collection_id
  order by c.id;
end $function$;
comment on function private.claim_embedding_jobs(integer,interval) is 'Embed worker: leases up to p_limit due jobs (FOR UPDATE SKIP LOCKED) with their chunk text and the collection''s model (null: the deployment default).';
grant execute on function private.claim_embedding_jobs(integer,interval) to service_role;
