-- The embedding queue: leases (visibility timeout), writes only under a current lease and an
-- unchanged content hash, exponential backoff, Retry-After, dead letters, requeue, scheduling.
-- now() is fixed inside the test's transaction, so every visible_at is checked against it exactly.
begin;
set search_path = extensions, public;
select plan(36);
select tests.two_workspaces();

create function pg_temp.vec(x double precision, y double precision) returns extensions.vector
language plpgsql immutable as $$
declare
  a real[] := array_fill(0::real, array[1536]);
begin
  a[1] := x;
  a[2] := y;
  return a::extensions.vector;
end $$;
-- The worker's report for the open job of the chunk with this text.
create function pg_temp.report(p_content text, p_extra jsonb, p_lease uuid default null) returns jsonb
language sql as $$
  select jsonb_build_array(jsonb_build_object('job_id', j.id, 'lease_id', coalesce(p_lease, j.lease_id)) || p_extra)
  from private.embedding_jobs j join public.knowledge_chunks c on c.id = j.chunk_id
  where c.content = p_content and j.status in ('queued', 'running')
$$;
create function pg_temp.job(p_content text) returns private.embedding_jobs
language sql as $$
  select j.* from private.embedding_jobs j join public.knowledge_chunks c on c.id = j.chunk_id
  where c.content = p_content order by j.id desc limit 1
$$;
grant execute on function pg_temp.vec(double precision, double precision), pg_temp.report(text, jsonb, uuid),
  pg_temp.job(text) to service_role;

with r as (insert into public.knowledge_collections (workspace_id, name, embedding_model) values
  (tests.workspace_id('A'), 'A', 'local-lexical-v1') returning id)
select tests.remember('collection A', id) from r;
select tests.authenticate_as('member-a');
select results_eq(
  $$ select chunks_queued from public.ingest_knowledge_document(tests.id('collection A'), 'doc', 'one. two.',
       '[{"content": "one.", "token_count": 1}, {"content": "two.", "token_count": 1}]') $$,
  $$ values (2) $$, 'a document of two chunks queues two jobs');

select throws_ok($$ select * from private.claim_embedding_jobs(10) $$, '42501', null, 'a signed-in user cannot claim jobs');

-- ===== claim and finish
select tests.authenticate_as_service_role();
select results_eq(
  $$ select content, token_count, embedding_model::text, attempts, lease_id is not null
     from private.claim_embedding_jobs(10) order by content $$,
  $$ values ('one.', 1, 'local-lexical-v1', 1, true), ('two.', 1, 'local-lexical-v1', 1, true) $$,
  'a claim leases the due jobs with the chunk text and the collection''s model');
select is_empty($$ select * from private.claim_embedding_jobs(10) $$, 'leased jobs are not claimed again');

select results_eq(
  $$ select outcome from private.finish_embedding_jobs(pg_temp.report('one.',
       jsonb_build_object('model', 'local-lexical-v1', 'embedding', pg_temp.vec(1, 0)::text::jsonb))) $$,
  $$ values ('embedded') $$, 'a result under the current lease is embedded');
select results_eq(
  $$ select c.embedding = pg_temp.vec(1, 0), c.embedding_model::text, j.status::text, j.lease_id is null, d.status::text
     from public.knowledge_chunks c join private.embedding_jobs j on j.chunk_id = c.id
     join public.knowledge_documents d on d.id = c.document_id where c.content = 'one.' $$,
  $$ values (true, 'local-lexical-v1', 'done', true, 'embedding') $$,
  'the vector is written, the job is done; the document waits for its other chunk');

select results_eq(
  $$ select outcome from private.finish_embedding_jobs(pg_temp.report('two.',
       jsonb_build_object('model', 'local-lexical-v1', 'embedding', pg_temp.vec(0, 1)::text::jsonb), gen_random_uuid())) $$,
  $$ values ('lease_lost') $$, 'a result with another lease is refused');
select ok((select embedding is null from public.knowledge_chunks where content = 'two.'), '... and writes nothing');

-- the text changes while the worker holds the job
create temporary table held on commit drop as select lease_id from pg_temp.job('two.');
select tests.clear_authentication();
update public.knowledge_chunks set content = 'two, edited.' where content = 'two.';
select results_eq(
  $$ select status::text, lease_id is null, attempts, content_sha256 = encode(sha256(convert_to('two, edited.', 'UTF8')), 'hex')
     from pg_temp.job('two, edited.') $$,
  $$ values ('queued', true, 0, true) $$,
  'new text re-arms the open job: queued again, no lease, the new hash');
select tests.authenticate_as_service_role();
select results_eq(
  $$ select outcome from private.finish_embedding_jobs(pg_temp.report('two, edited.',
       jsonb_build_object('model', 'local-lexical-v1', 'embedding', pg_temp.vec(0, 1)::text::jsonb),
       (select lease_id from pg_temp.held))) $$,
  $$ values ('lease_lost') $$, 'the vector of the old text arrives too late and is refused');
select ok((select embedding is null from public.knowledge_chunks where content = 'two, edited.'),
  'nothing stale is written');

-- ===== failures: backoff, Retry-After, dead letter
select results_eq($$ select content, attempts from private.claim_embedding_jobs(10) $$, $$ values ('two, edited.', 1) $$,
  'the re-armed job is claimed with its new text');
select results_eq(
  $$ select outcome from private.finish_embedding_jobs(pg_temp.report('two, edited.',
       '{"error": "embeddings API HTTP 500: boom", "retryable": true}')) $$,
  $$ values ('retrying') $$, 'a retryable failure is retried');
-- backoff after 1 attempt: 10 s x (0.75 .. 1.25) = 7.5 .. 12.5 s
select results_eq(
  $$ select status::text, attempts, last_error, visible_at between now() + interval '7.5 s' and now() + interval '12.5 s'
     from pg_temp.job('two, edited.') $$,
  $$ values ('queued', 1, 'embeddings API HTTP 500: boom', true) $$,
  'it waits 10 s (+-25%) with the error kept');
select is_empty($$ select * from private.claim_embedding_jobs(10) $$, 'a job in backoff is not claimed');

select tests.clear_authentication();
update private.embedding_jobs set visible_at = now() - interval '1 s', max_attempts = 3 where status = 'queued';
select tests.authenticate_as_service_role();
select results_eq($$ select attempts from private.claim_embedding_jobs(10) $$, $$ values (2) $$,
  'once due it is claimed again (attempt 2)');
select results_eq(
  $$ select outcome from private.finish_embedding_jobs(pg_temp.report('two, edited.',
       '{"error": "embeddings API HTTP 429: slow down", "retryable": true, "retry_after_s": 120}')) $$,
  $$ values ('retrying') $$, 'a 429 is retried');
-- backoff after 2 attempts would be 15-25 s; the provider's Retry-After of 120 s wins
select ok((select visible_at = now() + interval '120 s' from pg_temp.job('two, edited.')),
  'Retry-After is honoured when longer than the backoff');

select tests.clear_authentication();
update private.embedding_jobs set visible_at = now() - interval '1 s' where status = 'queued';
select tests.authenticate_as_service_role();
select results_eq($$ select attempts from private.claim_embedding_jobs(10) $$, $$ values (3) $$, 'attempt 3 of 3');
select results_eq(
  $$ select outcome from private.finish_embedding_jobs(pg_temp.report('two, edited.',
       '{"error": "the embeddings API timed out", "retryable": true}')) $$,
  $$ values ('dead') $$, 'the last attempt''s failure dead-letters the job');
select results_eq(
  $$ select j.status::text, j.last_error, d.status::text, d.error
     from private.embedding_jobs j join public.knowledge_chunks c on c.id = j.chunk_id
     join public.knowledge_documents d on d.id = c.document_id where c.content = 'two, edited.' $$,
  $$ values ('dead', 'the embeddings API timed out', 'failed', 'the embeddings API timed out') $$,
  'the dead letter keeps its last error; the document is failed with it');

select tests.clear_authentication();
create temporary table doc on commit drop as select id from public.knowledge_documents where document_key = 'doc';
grant select on pg_temp.doc to authenticated;
select tests.authenticate_as('member-b');
select throws_ok($$ select public.requeue_knowledge_document((select id from pg_temp.doc)) $$,
  'PT404', 'document not found', 'another workspace''s document cannot be requeued');
select tests.authenticate_as('member-a');
select is(public.requeue_knowledge_document((select id from public.knowledge_documents where document_key = 'doc')), 1,
  'a member requeues the failed chunk');
select tests.clear_authentication();
select results_eq(
  $$ select j.status::text, j.attempts, j.last_error, d.status::text
     from private.embedding_jobs j join public.knowledge_chunks c on c.id = j.chunk_id
     join public.knowledge_documents d on d.id = c.document_id where c.content = 'two, edited.' $$,
  $$ values ('queued', 0, null::text, 'embedding') $$,
  'the job starts over and the document is embedding again');

select tests.authenticate_as_service_role();
select results_eq($$ select count(*)::integer from private.claim_embedding_jobs(10) $$, $$ values (1) $$, 'claimed again');
select results_eq(
  $$ select outcome from private.finish_embedding_jobs(pg_temp.report('two, edited.',
       jsonb_build_object('model', 'local-lexical-v1', 'embedding', '[1, 2, 3]'::jsonb))) $$,
  $$ values ('dead') $$, 'a vector of the wrong size is a permanent failure');
select is((pg_temp.job('two, edited.')).last_error, 'the provider returned 3 dimensions, 1536 expected',
  '... with the reason');

-- ===== leases that run out
select tests.clear_authentication();
update public.knowledge_chunks set content = 'three.' where content = 'two, edited.';
update private.embedding_jobs set max_attempts = 2 where status = 'queued';
select tests.authenticate_as_service_role();
create temporary table first_lease on commit drop as
  select lease_id from private.claim_embedding_jobs(10, interval '30 s');
select tests.clear_authentication();
update private.embedding_jobs set visible_at = now() - interval '1 s' where status = 'running';
select tests.authenticate_as_service_role();
select results_eq(
  $$ select attempts, lease_id <> (select lease_id from pg_temp.first_lease) from private.claim_embedding_jobs(10) $$,
  $$ values (2, true) $$, 'a job whose worker went silent is claimed again after the visibility timeout, with a new lease');
select results_eq(
  $$ select outcome from private.finish_embedding_jobs(pg_temp.report('three.',
       jsonb_build_object('model', 'local-lexical-v1', 'embedding', pg_temp.vec(1, 1)::text::jsonb),
       (select lease_id from pg_temp.first_lease))) $$,
  $$ values ('lease_lost') $$, 'the first worker''s late result is refused: nothing is embedded twice');
select tests.clear_authentication();
update private.embedding_jobs set visible_at = now() - interval '1 s' where status = 'running';
select tests.authenticate_as_service_role();
select is_empty($$ select * from private.claim_embedding_jobs(10) $$,
  'a job that ran out of its lease max_attempts times is not claimed again');
select results_eq($$ select status::text, last_error from pg_temp.job('three.') $$,
  $$ values ('dead', 'the worker did not report back within the visibility timeout (2 attempts)') $$,
  '... it is dead with the reason');

-- ===== arguments and helpers
select throws_ok($$ select * from private.claim_embedding_jobs(0) $$, '22023', 'limit must be at least 1', 'a claim of 0 jobs is refused');
select throws_ok($$ select * from private.claim_embedding_jobs(3000) $$, 'PT413', null, 'a claim over 2048 jobs is refused');
select throws_ok($$ select * from private.finish_embedding_jobs('{}') $$, '22023', 'results must be a JSON array',
  'a report must be an array');
select tests.clear_authentication();
-- 10 s x 2^(n-1) x (0.75 + 0.5 x jitter), capped at 3600 s before the jitter
select results_eq(
  $$ select extract(epoch from private.embedding_backoff(n, j))::numeric
     from (values (1, 0.5), (2, 0.5), (4, 0.0), (4, 1.0), (20, 0.5)) v (n, j) $$,
  $$ values (10.0), (20.0), (60.0), (100.0), (3600.0) $$,
  'backoff: 10 s, 20 s, 80 s x 0.75 and x 1.25, capped at an hour');

-- ===== scheduling
select ok(exists (select 1 from private.callable_functions where name = 'embed'), 'the database may call the embed worker');

select * from finish();
rollback;
