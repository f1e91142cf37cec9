CREATE OR REPLACE FUNCTION private.finish_embedding_jobs(p_results jsonb)
 RETURNS TABLE(job_id bigint, chunk_id uuid, outcome text)
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  held bigint[];
  res jsonb;
  failed_docs uuid[];
begin
  if p_results is null or jsonb_typeof(p_results) <> 'array' then
    raise exception 'results must be a JSON array' using errcode = '22023';
  end if;
  perform private.require_batch_size('embedding results', jsonb_array_length(p_results), 2048);

  -- Lock the reported jobs, then keep those whose lease is still current.
  perform 1 from private.embedding_jobs j
  where j.id in (select (e ->> 'job_id')::bigint from jsonb_array_elements(p_results) e)
  order by j.id for update;
  select coalesce(array_agg(j.id), '{}') into held
  from jsonb_to_recordset(p_results) r (job_id bigint, lease_id uuid)
  join private.embedding_jobs j on j.id = r.job_id and j.lease_id = r.lease_id and j.status = 'running';

  -- The held results, checked: a wrong vector becomes a permanent error.
  select coalesce(jsonb_agg(jsonb_build_object('job_id', r.job_id, 'chunk_id', j.chunk_id, 'content_sha256', j.content_sha256,
           'embedding', r.embedding, 'model', r.model, 'error', v.error,
           -- what the worker sent is wrong: trying again would send the same
           'retryable', case when r.error is null then false else coalesce(r.retryable, true) end,
           'retry_after_s', r.retry_after_s, 'attempts', j.attempts, 'max_attempts', j.max_attempts)), '[]'::jsonb)
  into res
  from jsonb_to_recordset(p_results) r (job_id bigint, lease_id uuid, embedding jsonb, model public.embedding_model,
                                        error text, retryable boolean, retry_after_s double precision)
  join private.embedding_jobs j on j.id = r.job_id
  cross join lateral (select case
      when r.error is null and r.embedding is null then 'the worker reported neither an embedding nor an error'
      when r.error is null and jsonb_typeof(r.embedding) <> 'array' then 'the embedding is not an array'
      when r.error is null and jsonb_array_length(r.embedding) <> 1536
        then format('the provider returned %s dimensions, 1536 expected', jsonb_array_length(r.embedding))
      when r.error is null and r.model is null then 'the worker did not name the model'
      else left(r.error, 2000) end as error) v
  where r.job_id = any (held);

  -- The vector goes in only while the chunk still has the text that was embedded.
  update public.knowledge_chunks c
  set embedding = e.embedding::text::extensions.vector, embedding_model = e.model, embedded_at = now()
  from jsonb_to_recordset(res) e (chunk_id uuid, content_sha256 text, embedding jsonb, model public.embedding_model, error text)
  where e.error is null and c.id = e.chunk_id and c.content_sha256 = e.content_sha256;

  update private.embedding_jobs j
  set status = 'done', completed_at = now(), lease_id = null, last_error = null
  from jsonb_to_recordset(res) e (job_id bigint, error text)
  where e.error is null and j.id = e.job_id;

  update private.embedding_jobs j
  set status = case when not e.retryable or e.attempts >= e.max_attempts then 'dead' else 'queued' end::private.embedding_job_status,
      visible_at = now() + greatest(private.embedding_backoff(e.attempts), make_interval(secs => coalesce(e.retry_after_s, 0))),
      completed_at = case when not e.retryable or e.attempts >= e.max_attempts then now() end,
      lease_id = null, last_error = e.error
  from jsonb_to_recordset(res) e (job_id bigint, error text, retryable boolean, retry_after_s double precision,
                                  attempts integer, max_attempts integer)
  where e.error is not null and j.id = e.job_id;

  select array_agg(distinct c.document_id) into failed_docs
  from jsonb_to_recordset(res) e (chunk_id uuid, error text, retryable boolean, attempts integer, max_attempts integer)
  join public.knowledge_chunks c on c.id = e.chunk_id
  where e.error is not null and (not e.retryable or e.attempts >= e.max_attempts);
  if failed_docs is not null then
    perform private.refresh_knowledge_documents(failed_docs);
  end if;

  return query
  select r.job_id, j.chunk_id,
    case when not (r.job_id = any (held)) then 'lease_lost'
         when e.error is null then 'embedded'
         when not e.retryable or e.attempts >= e.max_attempts then 'dead'
         else 'retrying' end
  from jsonb_to_recordset(p_results) r (job_id bigint)
  left join private.embedding_jobs j on j.id = r.job_id
  left join jsonb_to_recordset(res) e (job_id bigint, error text, retryable boolean, attempts integer, max_attempts integer)
    on e.job_id = r.job_id
  order by r.job_id;
end $function$;
comment on function private.finish_embedding_jobs(jsonb) is 'Embed worker: records a batch of results; writes vectors only under a current lease and an unchanged content hash; retries with backoff, dead-letters after max_attempts or a permanent error.';
grant execute on function private.finish_embedding_jobs(jsonb) to service_role;
