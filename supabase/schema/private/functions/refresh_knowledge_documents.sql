CREATE OR REPLACE FUNCTION private.refresh_knowledge_documents(p_document_ids uuid[])
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  with s as (
    select d.id, d.is_current, count(c.id)::integer as total, count(c.id) filter (where c.embedding is null) as missing,
      (select j.last_error from private.embedding_jobs j join public.knowledge_chunks c2 on c2.id = j.chunk_id
       where c2.document_id = d.id and c2.embedding is null and j.status = 'dead' and j.content_sha256 = c2.content_sha256
       order by j.completed_at desc limit 1) as dead_error
    from public.knowledge_documents d
    left join public.knowledge_chunks c on c.document_id = d.id
    where d.id = any (p_document_ids)
    group by d.id
  ), n as (
    select s.id, s.total,
      case when s.total = 0 or not s.is_current then null
           when s.dead_error is not null then 'failed'
           when s.missing > 0 then 'embedding'
           else 'ready' end::public.knowledge_document_status as status,
      s.dead_error
    from s
  )
  update public.knowledge_documents d set
    chunk_count = n.total,
    status = coalesce(n.status, d.status),
    error = case when n.status is null then d.error when n.status = 'failed' then n.dead_error end
  from n
  where d.id = n.id
    and (d.chunk_count, d.status, d.error) is distinct from
        (n.total, coalesce(n.status, d.status), case when n.status is null then d.error when n.status = 'failed' then n.dead_error end)
$function$;
comment on function private.refresh_knowledge_documents(uuid[]) is 'Recomputes chunk_count, and for current versions status (embedding/ready/failed) and error, from the chunks and dead jobs.';
