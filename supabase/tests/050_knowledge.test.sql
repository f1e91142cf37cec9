-- Knowledge: collections, documents, chunks and access logs from the outside (another workspace,
-- a viewer, anon), ingestion with versions that keep unchanged chunks, and the guards on columns
-- only the database writes. The queue is 051, search 052.
begin;
set search_path = extensions, public;
select plan(43);
select tests.two_workspaces();

-- A 1536-dimension vector with x and y in its first two places (cosine similarity by hand).
create function pg_temp.vec(x double precision, y double precision) returns extensions.vector
language plpgsql immutable as $$
declare
  a real[] := array_fill(0::real, array[1536]);
begin
  a[1] := x;
  a[2] := y;
  return a::extensions.vector;
end $$;
grant execute on function pg_temp.vec(double precision, double precision) to authenticated, service_role;

with r as (insert into public.knowledge_collections (workspace_id, name) values
  (tests.workspace_id('A'), 'A handbook'),
  (tests.workspace_id('B'), 'B handbook') returning id, name)
select tests.remember(name, id) from r;
-- A demo's and an agent's ids: collections name their owner without a foreign key.
select tests.remember('demo 1', gen_random_uuid()), tests.remember('agent', gen_random_uuid());

-- ===== collections
select tests.authenticate_as('member-a');
select throws_ok(
  $$ insert into public.knowledge_collections (workspace_id, scope, owner_id, name)
     values (tests.workspace_id('A'), 'general', gen_random_uuid(), 'x') $$,
  '22023', 'a general collection has no owner_id', 'a general collection cannot name an owner');
select throws_ok(
  $$ insert into public.knowledge_collections (workspace_id, scope, name) values (tests.workspace_id('A'), 'demo', 'x') $$,
  '22023', 'a demo collection needs owner_id: the id of its demo', 'a demo collection must name its demo');
select lives_ok(
  $$ with r as (insert into public.knowledge_collections (workspace_id, scope, owner_id, name)
     values (tests.workspace_id('A'), 'demo', tests.id('demo 1'), 'Demo 1') returning id)
     select tests.remember('Demo 1 collection', id) from r $$,
  'a member creates a demo collection');
select throws_ok(
  $$ insert into public.knowledge_collections (workspace_id, scope, owner_id, name)
     values (tests.workspace_id('A'), 'demo', tests.id('demo 1'), 'Demo 1 again') $$,
  '23505', null, 'one collection per demo');
select throws_ok(
  $$ insert into public.knowledge_collections (workspace_id, name) values (tests.workspace_id('B'), 'x') $$,
  '42501', null, 'a member of A cannot create a collection in B');

select tests.authenticate_as('viewer-a');
select throws_ok(
  $$ insert into public.knowledge_collections (workspace_id, name) values (tests.workspace_id('A'), 'x') $$,
  '42501', null, 'a viewer cannot create collections');
select results_eq($$ select name from public.knowledge_collections order by name $$,
  $$ values ('A handbook'), ('Demo 1') $$, 'a viewer reads their workspace''s collections');

select tests.authenticate_as('member-b');
select is_empty($$ select * from public.knowledge_collections where workspace_id = tests.workspace_id('A') $$,
  'another workspace''s collections are invisible');

select tests.authenticate_as('admin-a');
select throws_ok(
  $$ update public.knowledge_collections set workspace_id = tests.workspace_id('B')
     where id = tests.id('A handbook') $$,
  '42501', null, 'a collection never moves to another workspace');

select tests.authenticate_as_anon();
select throws_ok($$ select * from public.knowledge_chunks $$, '42501', null, 'anon reads no chunks');

-- ===== ingestion
select tests.authenticate_as('member-a');
select results_eq(
  $$ select version, status::text, unchanged, chunks_total, chunks_reused, chunks_queued
     from public.ingest_knowledge_document(tests.id('A handbook'), 'handbook',
       'Alpha shipping policy. Beta returns policy. Gamma storage.',
       '[{"content": "Alpha shipping policy.", "token_count": 4}, {"content": "Beta returns policy.", "token_count": 4},
         {"content": "Gamma storage.", "token_count": 3, "metadata": {"heading": "Storage"}}]',
       p_title => 'Handbook', p_tags => array['policy']) $$,
  $$ values (1, 'embedding', false, 3, 0, 3) $$,
  'a new document: version 1, three chunks queued');

select tests.clear_authentication();
select results_eq(
  $$ select c.chunk_index, j.status::text, j.content_sha256 = encode(sha256(convert_to(c.content, 'UTF8')), 'hex')
     from private.embedding_jobs j join public.knowledge_chunks c on c.id = j.chunk_id order by c.chunk_index $$,
  $$ values (0, 'queued', true), (1, 'queued', true), (2, 'queued', true) $$,
  'one queued job per chunk, carrying the SHA-256 of its text');

-- the worker's part, done by hand: every chunk gets a vector
update public.knowledge_chunks set embedding = pg_temp.vec(chunk_index + 1, 1), embedding_model = 'local-lexical-v1';
select is((select status::text from public.knowledge_documents where document_key = 'handbook'), 'ready',
  'the document is ready once its last chunk is embedded');

select tests.authenticate_as('member-a');
select results_eq(
  $$ select version, status::text, unchanged, chunks_total, chunks_reused, chunks_queued
     from public.ingest_knowledge_document(tests.id('A handbook'), 'handbook',
       'Alpha shipping policy. Beta returns policy. Gamma storage.',
       '[{"content": "Alpha shipping policy."}, {"content": "Beta returns policy."}, {"content": "Gamma storage."}]',
       p_tags => array['policy', 'v1']) $$,
  $$ values (1, 'ready', true, 3, 3, 0) $$,
  'identical text adds no version and queues nothing');

create temporary table v1_chunks on commit drop as
  select c.chunk_index, c.id, c.embedding::text as embedding from public.knowledge_chunks c order by c.chunk_index;
select results_eq(
  $$ select version, status::text, unchanged, chunks_total, chunks_reused, chunks_queued
     from public.ingest_knowledge_document(tests.id('A handbook'), 'handbook',
       'Alpha shipping policy. Beta returns policy, now 60 days. Gamma storage.',
       '[{"content": "Alpha shipping policy."}, {"content": "Beta returns policy, now 60 days."}, {"content": "Gamma storage."}]') $$,
  $$ values (2, 'embedding', false, 3, 2, 1) $$,
  'changed text: version 2, two chunks reused, one queued');
select results_eq(
  $$ select c.chunk_index, c.id = v.id, c.embedding::text = v.embedding
     from public.knowledge_chunks c join pg_temp.v1_chunks v on v.chunk_index = c.chunk_index
     where c.chunk_index in (0, 2) order by 1 $$,
  $$ values (0, true, true), (2, true, true) $$,
  'unchanged chunks keep their row and their embedding');
select results_eq(
  $$ select version, is_current, chunk_count, (select count(*)::integer from public.knowledge_documents n where n.previous_version_id = d.id)
     from public.knowledge_documents d where document_key = 'handbook' order by version $$,
  $$ values (1, false, 0, 1), (2, true, 3, 0) $$,
  'the old version stays as history without chunks; the new one points back to it');
select is((select tags from public.knowledge_documents where document_key = 'handbook' and is_current), array['policy', 'v1'],
  'a new version inherits the tags it was not given');

select tests.clear_authentication();
select results_eq(
  $$ select c.content from private.embedding_jobs j join public.knowledge_chunks c on c.id = j.chunk_id
     where j.status = 'queued' $$,
  $$ values ('Beta returns policy, now 60 days.') $$,
  'only the changed chunk is queued');

select tests.authenticate_as('viewer-a');
select throws_ok(
  $$ select * from public.ingest_knowledge_document(tests.id('A handbook'), 'bad', 'text', '[{"content": "text"}]') $$,
  '42501', 'you need the member role in this workspace', 'a viewer cannot ingest');
select tests.authenticate_as('member-b');
select throws_ok(
  $$ select * from public.ingest_knowledge_document(tests.id('A handbook'), 'bad', 'text', '[{"content": "text"}]') $$,
  'PT404', 'collection not found', 'another workspace''s collection does not exist for the caller');
select tests.authenticate_as('member-a');
select throws_ok(
  $$ select * from public.ingest_knowledge_document(tests.id('A handbook'), 'bad', '   ', '[{"content": "x"}]') $$,
  '22023', 'the document has no text', 'an empty document is refused');
select throws_ok(
  $$ select * from public.ingest_knowledge_document(tests.id('A handbook'), 'bad', 'text',
       '[{"content": "fine"}, {"content": " "}]') $$,
  '22023', null, 'an empty chunk is refused');
select throws_ok(
  $$ select * from public.ingest_knowledge_document(tests.id('A handbook'), 'bad', 'text',
       (select jsonb_agg(jsonb_build_object('content', 'chunk ' || i)) from generate_series(1, 5001) i)) $$,
  'PT413', 'too many chunks: 5001 given, at most 5000 per call', 'more than 5000 chunks is over the cap');
select is((select count(*)::integer from public.knowledge_documents where document_key = 'bad'), 0,
  'refused ingestions store nothing');

-- ===== chunk edits and the columns only the database writes
select tests.clear_authentication();
update public.knowledge_chunks set embedding = pg_temp.vec(5, 5), embedding_model = 'local-lexical-v1' where embedding is null;
select tests.authenticate_as('member-a');
update public.knowledge_chunks set content = 'Gamma storage, below 25 degrees.' where chunk_index = 2;
select tests.clear_authentication();
select results_eq(
  $$ select c.embedding is null, c.embedding_model is null, j.status::text,
            j.content_sha256 = encode(sha256(convert_to('Gamma storage, below 25 degrees.', 'UTF8')), 'hex'),
            d.status::text
     from public.knowledge_chunks c
     join private.embedding_jobs j on j.chunk_id = c.id and j.status in ('queued', 'running')
     join public.knowledge_documents d on d.id = c.document_id
     where c.chunk_index = 2 $$,
  $$ values (true, true, 'queued', true, 'embedding') $$,
  'editing a chunk''s text clears its vector, queues the new text and puts the document back to embedding');

select tests.authenticate_as('member-a');
select throws_ok($$ update public.knowledge_chunks set embedding = pg_temp.vec(1, 0) $$, '42501', null,
  'members cannot write embeddings');
select throws_ok($$ update public.knowledge_documents set status = 'ready' $$, '42501', null,
  'members cannot set a document''s status');
select throws_ok(
  $$ insert into public.knowledge_chunks (document_id, chunk_index, content)
     select id, 9, 'late' from public.knowledge_documents where document_key = 'handbook' and version = 1 $$,
  'PT409', 'this document version is no longer current; add chunks to the current version',
  'chunks go to the current version only');

select tests.authenticate_as('member-b');
select is_empty($$ select * from public.knowledge_chunks $$, 'another workspace''s chunks are invisible');
select is_empty($$ update public.knowledge_chunks set content = 'defaced' returning id $$,
  'updating another workspace''s chunks touches nothing');

select tests.authenticate_as('member-a');
update public.knowledge_collections set embedding_model = 'text-embedding-3-small' where id = tests.id('A handbook');
select tests.clear_authentication();
select results_eq(
  $$ select count(*)::integer, count(*) filter (where c.embedding is null)::integer,
            count(j.id)::integer
     from public.knowledge_chunks c
     left join private.embedding_jobs j on j.chunk_id = c.id and j.status = 'queued'
     where c.collection_id = tests.id('A handbook') $$,
  $$ values (3, 3, 3) $$,
  'a collection that changes model has every chunk cleared and queued again');

-- ===== demo and agent collections
select tests.authenticate_as('member-a');
select is(
  (public.ensure_knowledge_collection(tests.workspace_id('A'), 'demo', tests.id('demo 1'))).id,
  tests.id('Demo 1 collection'), 'ensure_knowledge_collection returns the demo''s existing collection');
select throws_ok(
  $$ select public.ensure_knowledge_collection(tests.workspace_id('A'), 'general', gen_random_uuid()) $$,
  '22023', null, 'only demo and agent collections are ensured');
select isnt(public.add_agent_memory(tests.workspace_id('A'), tests.id('agent'),
  'Prefers email over phone calls.', 'preference'), null, 'an agent memory is stored');
select isnt(public.add_agent_memory(tests.workspace_id('A'), tests.id('agent'),
  'Ships to the Netherlands.', 'fact'), null, 'a second memory is stored');
select tests.clear_authentication();
select results_eq(
  $$ select count(distinct col.id)::integer, count(c.id)::integer, string_agg(d.document_type, ',' order by d.document_type),
            bool_and(d.source_type = 'memory'), count(j.id)::integer
     from public.knowledge_collections col
     join public.knowledge_chunks c on c.collection_id = col.id
     join public.knowledge_documents d on d.id = c.document_id
     left join private.embedding_jobs j on j.chunk_id = c.id and j.status = 'queued'
     where col.scope = 'agent' and col.owner_id = tests.id('agent') $$,
  $$ values (1, 2, 'fact,preference', true, 2) $$,
  'memories are queued chunks in the agent''s one collection, typed by document_type');

-- ===== access logs
insert into public.knowledge_access_logs (workspace_id, user_id, caller_role, via, mode, query_sha256, latency_ms) values
  (tests.workspace_id('A'), tests.user_id('member-a'), 'authenticated', 'test', 'vector', repeat('a', 64), 1),
  (tests.workspace_id('A'), tests.user_id('viewer-a'), 'authenticated', 'test', 'vector', repeat('b', 64), 1);
select tests.authenticate_as('member-a');
select results_eq($$ select query_sha256 from public.knowledge_access_logs $$, $$ values (repeat('a', 64)) $$,
  'a member reads their own searches only');
select tests.authenticate_as('admin-a');
select results_eq($$ select count(*)::integer from public.knowledge_access_logs $$, $$ values (2) $$,
  'an admin reads the workspace''s searches');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.knowledge_access_logs $$, 'another workspace''s searches are invisible');
select throws_ok(
  $$ insert into public.knowledge_access_logs (workspace_id, caller_role, via, mode, query_sha256, latency_ms)
     values (tests.workspace_id('B'), 'authenticated', 'forged', 'vector', repeat('c', 64), 1) $$,
  '42501', null, 'nobody writes the access log directly');

-- ===== catalog
select tests.clear_authentication();
select ok(exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and tablename = 'knowledge_documents'),
  'document status changes are published to Realtime');
select ok(exists (select 1 from pg_indexes where indexname = 'knowledge_chunks_embedding_idx'
                  and indexdef like '%USING hnsw (embedding %vector_cosine_ops)%'),
  'chunks have an HNSW cosine index');

select * from finish();
rollback;
