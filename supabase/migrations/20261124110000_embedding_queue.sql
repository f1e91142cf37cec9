-- The embedding queue: every chunk whose text is new or changed gets one open job; the embed
-- worker (functions/embed, service role) claims jobs with a lease (visibility timeout, FOR UPDATE
-- SKIP LOCKED), calls the embeddings API and reports back. A vector is written only while the
-- chunk's content hash is still the one that was embedded and the worker still holds the lease,
-- so nothing is embedded twice and nothing stale is written. Failures back off exponentially
-- and, after max_attempts (or at once when the provider says the input is bad), the job is dead:
-- kept with its last error, and its document turns failed. pg_cron wakes the worker every minute
-- when jobs are due, and new jobs wake it at commit (private.callable_functions, pg_net + Vault).

create type private.embedding_job_status as enum ('queued', 'running', 'done', 'dead');
comment on type private.embedding_job_status is 'queued (waiting until visible_at) -> running (leased until visible_at) -> done | dead (dead letter, last_error says why); a failed attempt goes back to queued.';

create table private.embedding_jobs (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  chunk_id uuid not null references public.knowledge_chunks (id) on delete cascade,
  content_sha256 text not null,
  status private.embedding_job_status not null default 'queued',
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 5 check (max_attempts between 1 and 50),
  visible_at timestamptz not null default now(),
  lease_id uuid,
  claimed_at timestamptz,
  completed_at timestamptz,
  last_error text,
  created_at timestamptz not null default now()
);
comment on table private.embedding_jobs is 'Embedding queue: one open (queued/running) job per chunk; done and dead jobs stay for a week (dead ones until retried or their chunk goes).';
comment on column private.embedding_jobs.content_sha256 is 'The chunk text this job embeds; a text change re-arms the open job with the new hash.';
comment on column private.embedding_jobs.visible_at is 'queued: not before this time (backoff); running: the lease ends, after which another worker may claim it (visibility timeout).';
comment on column private.embedding_jobs.lease_id is 'Issued at each claim; the worker''s report counts only with the current lease.';
comment on column private.embedding_jobs.last_error is 'The last failure (provider status and message, or timeout).';
create index embedding_jobs_workspace_id_idx on private.embedding_jobs (workspace_id);
create index embedding_jobs_chunk_id_idx on private.embedding_jobs (chunk_id);
create unique index embedding_jobs_one_open_per_chunk on private.embedding_jobs (chunk_id) where status in ('queued', 'running');
create index embedding_jobs_due_idx on private.embedding_jobs (visible_at, id) where status in ('queued', 'running');
create index embedding_jobs_completed_idx on private.embedding_jobs (completed_at) where status in ('done', 'dead');
alter table private.embedding_jobs enable row level security;
grant select on private.embedding_jobs to service_role;
select private.install_tenant_guard('private.embedding_jobs');

-- Query embeddings already computed, keyed by model and the query text's hash (knowledge-search).
create table private.query_embedding_cache (
  embedding_model public.embedding_model not null,
  text_sha256 text not null check (text_sha256 ~ '^[0-9a-f]{64}$'),
  embedding extensions.vector(1536) not null,
  created_at timestamptz not null default now(),
  used_at timestamptz not null default now(),
  primary key (embedding_model, text_sha256)
);
comment on table private.query_embedding_cache is 'Embeddings of search queries by (model, SHA-256 of the text), so a repeated query costs no API call; unused entries go after 30 days.';
alter table private.query_embedding_cache enable row level security;

-- ===== helpers
create function private.sha256_hex(p_text text) returns text
language sql immutable parallel safe set search_path = '' as $$
  select encode(sha256(convert_to(p_text, 'UTF8')), 'hex')
$$;
comment on function private.sha256_hex(text) is 'SHA-256 of the UTF-8 text, lowercase hex (the same as the functions compute).';

-- Backoff before the next attempt after n failed ones: 10 s x 2^(n-1), at most 1 h, times 0.75-1.25.
create function private.embedding_backoff(p_attempts integer, p_jitter double precision default random())
returns interval
language sql immutable set search_path = '' as $$
  select make_interval(secs => least(10 * power(2, greatest(p_attempts, 1) - 1), 3600) * (0.75 + 0.5 * p_jitter))
$$;
comment on function private.embedding_backoff(integer, double precision) is 'Exponential backoff with jitter for embedding retries: 10 s, 20 s, 40 s ... capped at 1 h.';

-- Chunk counts of documents and the status of current ones, from their chunks and the queue
-- (an older version keeps the status it had when it was replaced).
create function private.refresh_knowledge_documents(p_document_ids uuid[]) returns void
language sql volatile security definer set search_path = '' as $$
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
$$;
comment on function private.refresh_knowledge_documents(uuid[]) is 'Recomputes chunk_count, and for current versions status (embedding/ready/failed) and error, from the chunks and dead jobs.';

-- Opens (or re-arms) one job per chunk for the chunk's current text.
create function private.enqueue_chunk_embeddings(p_chunk_ids uuid[]) returns integer
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.enqueue_chunk_embeddings(uuid[]) is 'Queues the chunks'' current text for embedding (an open job with other text is re-armed: its old lease no longer counts) and wakes the embed worker at commit.';

-- ===== chunk triggers
-- Before a row is written: workspace and collection come from the document; the content hash
-- is computed here; new text clears the old embedding.
create function private.prepare_knowledge_chunk() returns trigger
language plpgsql set search_path = '' as $$
declare
  d record;
begin
  if tg_op = 'INSERT' then
    select kd.workspace_id, kd.collection_id, kd.is_current into d
    from public.knowledge_documents kd where kd.id = new.document_id;
    if not found then
      raise exception 'document % not found', new.document_id using errcode = 'PT404';
    end if;
    if not d.is_current then
      raise exception 'this document version is no longer current; add chunks to the current version'
        using errcode = 'PT409';
    end if;
    if new.collection_id is not null and new.collection_id <> d.collection_id then
      raise exception 'collection_id does not match the document''s collection' using errcode = '22023';
    end if;
    new.workspace_id := coalesce(new.workspace_id, d.workspace_id);
    new.collection_id := d.collection_id;
  end if;
  if new.content is null or btrim(new.content) = '' then
    raise exception 'a chunk needs text' using errcode = '22023';
  end if;
  new.content_sha256 := private.sha256_hex(new.content);
  -- (an update that writes a vector also sets embedded_at; vectors are not compared here)
  if tg_op = 'UPDATE' and new.content_sha256 is distinct from old.content_sha256
     and new.embedded_at is not distinct from old.embedded_at then
    new.embedding := null;
    new.embedding_model := null;
    new.embedded_at := null;
  end if;
  if new.embedding is null then
    new.embedding_model := null;
    new.embedded_at := null;
  elsif new.embedded_at is null then
    new.embedded_at := now();
  end if;
  return new;
end $$;
comment on function private.prepare_knowledge_chunk() is 'BEFORE INSERT/UPDATE on knowledge_chunks: tenant keys from the document, content hash, stale embedding cleared.';
create trigger prepare_knowledge_chunk before insert or update on public.knowledge_chunks
  for each row execute function private.prepare_knowledge_chunk();

create function private.knowledge_chunks_inserted() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.enqueue_chunk_embeddings(array(select n.id from new_rows n where n.embedding is null));
  perform private.refresh_knowledge_documents(array(select distinct n.document_id from new_rows n));
  return null;
end $$;
comment on function private.knowledge_chunks_inserted() is 'AFTER INSERT (statement) on knowledge_chunks: queue the chunks without embedding, refresh their documents.';
create trigger knowledge_chunks_inserted after insert on public.knowledge_chunks
  referencing new table as new_rows for each statement execute function private.knowledge_chunks_inserted();

create function private.knowledge_chunks_updated() returns trigger
language plpgsql security definer set search_path = '' as $$
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
end $$;
comment on function private.knowledge_chunks_updated() is 'AFTER UPDATE (statement) on knowledge_chunks: queue chunks whose text changed, close jobs whose vector was written, refresh their documents (old and new, for moved chunks).';
create trigger knowledge_chunks_updated after update on public.knowledge_chunks
  referencing old table as old_rows new table as new_rows for each statement execute function private.knowledge_chunks_updated();

create function private.knowledge_chunks_deleted() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.refresh_knowledge_documents(array(select distinct o.document_id from old_rows o));
  return null;
end $$;
comment on function private.knowledge_chunks_deleted() is 'AFTER DELETE (statement) on knowledge_chunks: refresh the documents that lost chunks.';
create trigger knowledge_chunks_deleted after delete on public.knowledge_chunks
  referencing old table as old_rows for each statement execute function private.knowledge_chunks_deleted();

-- A collection that changes model is embedded again with the new one.
create function private.knowledge_collection_model_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
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
end $$;
comment on function private.knowledge_collection_model_changed() is 'AFTER UPDATE OF embedding_model on knowledge_collections: clear and re-queue every chunk of the collection.';
create trigger knowledge_collection_model_changed after update of embedding_model on public.knowledge_collections
  for each row execute function private.knowledge_collection_model_changed();

-- ===== the worker's side
-- Leases up to p_limit due jobs. Jobs whose lease ran out max_attempts times are dead first.
create function private.claim_embedding_jobs(p_limit integer default 64, p_visibility_timeout interval default '2 minutes')
returns table (job_id bigint, lease_id uuid, chunk_id uuid, content_sha256 text, content text, token_count integer,
               embedding_model public.embedding_model, attempts integer)
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.claim_embedding_jobs(integer, interval) is 'Embed worker: leases up to p_limit due jobs (FOR UPDATE SKIP LOCKED) with their chunk text and the collection''s model (null: the deployment default).';

-- The worker's report, one element per claimed job:
--   {"job_id": 1, "lease_id": "...", "embedding": [1536 numbers], "model": "text-embedding-3-small"}
--   {"job_id": 2, "lease_id": "...", "error": "HTTP 429 ...", "retryable": true, "retry_after_s": 20}
-- Returns each job's outcome: embedded, retrying, dead, or lease_lost (the job was re-armed for
-- newer text or claimed again after its lease ran out; nothing was written).
create function private.finish_embedding_jobs(p_results jsonb)
returns table (job_id bigint, chunk_id uuid, outcome text)
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.finish_embedding_jobs(jsonb) is 'Embed worker: records a batch of results; writes vectors only under a current lease and an unchanged content hash; retries with backoff, dead-letters after max_attempts or a permanent error.';

-- Members: queue a document's chunks again (after a dead letter, or to refresh its vectors).
create function private.requeue_knowledge_document(p_document_id uuid) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid;
  n integer;
begin
  select d.workspace_id into ws from public.knowledge_documents d where d.id = p_document_id and d.is_current;
  if not found then
    raise exception 'document not found' using errcode = 'PT404';
  end if;
  if (select auth.role()) = 'authenticated' then
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
end $$;
comment on function private.requeue_knowledge_document(uuid) is 'Re-queues the unembedded chunks of a current document (dead letters included); returns how many jobs were opened.';

create function public.requeue_knowledge_document(p_document_id uuid) returns integer
language plpgsql volatile set search_path = '' as $$
begin
  if p_document_id is null then
    raise exception 'document id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from public.knowledge_documents d where d.id = p_document_id) then
    raise exception 'document not found' using errcode = 'PT404';
  end if;
  return private.requeue_knowledge_document(p_document_id);
end $$;
comment on function public.requeue_knowledge_document(uuid) is 'Members: embed a document''s unembedded chunks again (e.g. after it failed); returns how many chunks were queued.';

-- ===== scheduling
-- The database may call the worker (pg_net + Vault in the cloud, the stand-in locally): new jobs
-- wake it at commit (private.wake_function, one pending call at a time); the pg_cron round below
-- sweeps up retries whose backoff has passed.
insert into private.callable_functions (name, description)
values ('embed', 'one run of the embedding queue worker (knowledge)')
on conflict (name) do nothing;

-- Every minute: wake the embed worker when jobs are due (nothing is sent while the queue is idle).
create function private.dispatch_embedding_worker() returns bigint
language plpgsql volatile security definer set search_path = '' as $$
begin
  if not exists (select 1 from private.embedding_jobs j where j.status in ('queued', 'running') and j.visible_at <= now()) then
    return null;
  end if;
  if to_regnamespace('net') is null then
    raise notice 'embedding jobs are due but pg_net is not installed: call the embed function directly';
    return null;
  end if;
  return private.invoke_function('embed');
end $$;
comment on function private.dispatch_embedding_worker() is 'pg_cron (knowledge-embed, every minute): calls the embed function through pg_net when jobs are due; a notice and nothing else where pg_net is absent.';

create function private.knowledge_housekeeping() returns void
language sql volatile security definer set search_path = '' as $$
  delete from private.embedding_jobs where status = 'done' and completed_at < now() - interval '7 days';
  delete from private.query_embedding_cache where used_at < now() - interval '30 days';
$$;
comment on function private.knowledge_housekeeping() is 'pg_cron (knowledge-housekeeping, daily): drops finished jobs after 7 days and query embeddings unused for 30 days.';

select cron.schedule('knowledge-embed', '* * * * *', $$select private.dispatch_embedding_worker()$$);
select cron.schedule('knowledge-housekeeping', '17 4 * * *', $$select private.knowledge_housekeeping()$$);

-- ===== grants
revoke all on function private.sha256_hex(text) from public;
revoke all on function private.embedding_backoff(integer, double precision) from public;
revoke all on function private.refresh_knowledge_documents(uuid[]) from public;
revoke all on function private.enqueue_chunk_embeddings(uuid[]) from public;
revoke all on function private.prepare_knowledge_chunk() from public;
revoke all on function private.knowledge_chunks_inserted() from public;
revoke all on function private.knowledge_chunks_updated() from public;
revoke all on function private.knowledge_chunks_deleted() from public;
revoke all on function private.knowledge_collection_model_changed() from public;
revoke all on function private.check_knowledge_collection() from public;
revoke all on function private.claim_embedding_jobs(integer, interval) from public;
revoke all on function private.finish_embedding_jobs(jsonb) from public;
revoke all on function private.requeue_knowledge_document(uuid) from public;
revoke all on function public.requeue_knowledge_document(uuid) from public;
revoke all on function private.dispatch_embedding_worker() from public;
revoke all on function private.knowledge_housekeeping() from public;
grant execute on function private.sha256_hex(text) to authenticated, service_role;
grant execute on function private.claim_embedding_jobs(integer, interval), private.finish_embedding_jobs(jsonb)
  to service_role;
grant execute on function private.requeue_knowledge_document(uuid) to authenticated, service_role;
grant execute on function public.requeue_knowledge_document(uuid) to authenticated, service_role;
