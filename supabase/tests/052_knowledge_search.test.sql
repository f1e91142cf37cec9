-- The search family with hand-made vectors whose cosine similarities are known: a chunk at
-- (cos t, sin t) in its first two dimensions has similarity cos t to the query (1, 0). Hybrid
-- scores are reciprocal rank fusion computed by hand: 1/(50 + vector rank) + 1/(50 + text rank).
begin;
set search_path = extensions, public;
select plan(39);
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
grant execute on function pg_temp.vec(double precision, double precision) to authenticated, service_role;

-- A demo's id: a demo collection names it without a foreign key.
select tests.remember('demo', gen_random_uuid());
with r as (insert into public.knowledge_collections (workspace_id, scope, owner_id, name, embedding_model) values
  (tests.workspace_id('A'), 'general', null, 'A', 'local-lexical-v1'),
  (tests.workspace_id('A'), 'demo', tests.id('demo'), 'A demo', 'local-lexical-v1'),
  (tests.workspace_id('B'), 'general', null, 'B', 'local-lexical-v1') returning id, name)
select tests.remember('collection ' || name, id) from r;
with r as (insert into public.knowledge_documents (workspace_id, collection_id, document_key, title, tags) values
  (tests.workspace_id('A'), tests.id('collection A'), 'policies', 'Policies', '{policy}'),
  (tests.workspace_id('A'), tests.id('collection A'), 'notes', 'Notes', '{notes}'),
  (tests.workspace_id('A'), tests.id('collection A demo'), 'faq', 'Demo FAQ', '{}'),
  (tests.workspace_id('B'), tests.id('collection B'), 'policies', 'B policies', '{}') returning id, title)
select tests.remember(title, id) from r;
-- Chunks are labelled a1..a5 (A's general collection), d1, d2 (its demo) and b1 (B), and results
-- name them by label. Equal ranks break ties by id, so the ids ascend in that order.
select tests.remember_in_order('a1', 'a2', 'a3', 'a4', 'a5', 'd1', 'd2', 'b1');
insert into public.knowledge_chunks (id, document_id, chunk_index, content, question, answer, source, embedding, embedding_model) values
  (tests.id('a1'), tests.id('Policies'), 0, 'Free shipping on orders over fifty.', null, null, null, pg_temp.vec(1, 0), 'local-lexical-v1'),
  (tests.id('a2'), tests.id('Policies'), 1, 'Returns are accepted within thirty days.', null, null, null, pg_temp.vec(0.8, 0.6), 'local-lexical-v1'),
  (tests.id('a3'), tests.id('Policies'), 2, 'Store the serum away from sunlight.', null, null, null, pg_temp.vec(0.6, 0.8), 'local-lexical-v1'),
  (tests.id('a4'), tests.id('Policies'), 3, 'Our brand voice is warm.', null, null, null, pg_temp.vec(0, 1), 'local-lexical-v1'),
  (tests.id('a5'), tests.id('Notes'), 0, 'Shipping labels are printed at noon.', null, null, null, pg_temp.vec(-1, 0), 'local-lexical-v1'),
  (tests.id('d1'), tests.id('Demo FAQ'), 0, 'Q: Can I use it with retinol? A: Yes, at night.',
   'Can I use it with retinol?', 'Yes, at night.', 'Video: Product Demo', pg_temp.vec(0.9, 0.435889894354067), 'local-lexical-v1'),
  (tests.id('d2'), tests.id('Demo FAQ'), 1, 'Q: Is it vegan? A: Yes.',
   'Is it vegan?', 'Yes.', 'Video: Product Demo', pg_temp.vec(0.5, 0.866025403784439), 'local-lexical-v1'),
  (tests.id('b1'), tests.id('B policies'), 0, 'Free shipping everywhere.', null, null, null, pg_temp.vec(1, 0), 'local-lexical-v1');

-- ===== match_knowledge_chunks: the caller's rights decide
select tests.authenticate_as('viewer-a');
select results_eq(
  $$ select tests.label(id), round(similarity::numeric, 6), round(score::numeric, 6), document_title
     from public.match_knowledge_chunks(pg_temp.vec(1, 0), 10, 0.5, filter_collection_ids => array[tests.id('collection A')]) $$,
  $$ values ('a1', 1.0, 1.0, 'Policies'), ('a2', 0.8, 0.8, 'Policies'), ('a3', 0.6, 0.6, 'Policies') $$,
  'a viewer finds the chunks at or above min_similarity, best first, with cosine similarity 1, 0.8, 0.6');
select results_eq(
  $$ select tests.label(id), round(similarity::numeric, 6) from public.match_knowledge_chunks(pg_temp.vec(1, 0), 10, 0.55) $$,
  $$ values ('a1', 1.0), ('d1', 0.9), ('a2', 0.8), ('a3', 0.6) $$,
  'without filters: every collection of the caller''s workspaces');
select results_eq($$ select tests.label(id) from public.match_knowledge_chunks(pg_temp.vec(1, 0), 2) $$,
  $$ values ('a1'), ('d1') $$, 'match_count limits the rows');
select results_eq(
  $$ select tests.label(id), round(similarity::numeric, 6)
     from public.match_knowledge_chunks(pg_temp.vec(1, 0), 10, -1, filter_tags => array['notes']) $$,
  $$ values ('a5', -1.0) $$, 'tags filter by the document''s tags (opposite vector: similarity -1)');
select results_eq(
  $$ select tests.label(id) from public.match_knowledge_chunks(pg_temp.vec(1, 0), 10, -1,
       filter_document_ids => array[tests.id('Demo FAQ')]) $$,
  $$ values ('d1'), ('d2') $$, 'documents filter');
select is_empty(
  $$ select * from public.match_knowledge_chunks(pg_temp.vec(1, 0), 10, -1, filter_embedding_model => 'text-embedding-3-small') $$,
  'vectors of another model are never compared');

select tests.authenticate_as('member-b');
select results_eq($$ select tests.label(id) from public.match_knowledge_chunks(pg_temp.vec(1, 0), 10, -1) $$,
  $$ values ('b1') $$, 'another workspace''s member finds only their own chunks');
select is_empty(
  $$ select * from public.match_knowledge_chunks(pg_temp.vec(1, 0), 10, -1, filter_workspace_id => tests.workspace_id('A')) $$,
  'asking for another workspace returns nothing');

select tests.authenticate_as('member-a');
select throws_ok($$ select * from public.match_knowledge_chunks('[1,0,0]', 5) $$, '22023',
  'query_embedding has 3 dimensions; 1536 expected', 'a vector of the wrong size is refused');
select throws_ok($$ select * from public.match_knowledge_chunks(pg_temp.vec(1, 0), 201) $$, 'PT413',
  'too many matches: 201 given, at most 200 per call', 'more than 200 matches is over the cap');
select throws_ok($$ select * from public.match_knowledge_chunks(pg_temp.vec(1, 0), 0) $$, '22023',
  'match_count must be at least 1', 'zero matches is refused');
select throws_ok($$ select * from public.match_knowledge_chunks(null, 5) $$, '22023', 'query_embedding is required',
  'an embedding is required');

-- ===== hybrid search
-- collection A: vector ranks a1, a2, a3, a4, a5; the text "shipping" ranks a1 then a5 (equal
-- ts_rank_cd, ties by id). Scores: a1 = 1/51 + 1/51, a5 = 1/55 + 1/52, a2 = 1/52.
select results_eq(
  $$ select tests.label(id), round(score::numeric, 6), round(similarity::numeric, 6), text_rank is not null
     from public.hybrid_search_knowledge_chunks('shipping', pg_temp.vec(1, 0), 3, min_similarity => -1,
       filter_collection_ids => array[tests.id('collection A')]) $$,
  $$ values ('a1', round(2 / 51.0, 6), 1.0, true), ('a5', round(1 / 55.0 + 1 / 52.0, 6), -1.0, true),
            ('a2', round(1 / 52.0, 6), 0.8, false) $$,
  'hybrid: reciprocal rank fusion of the vector and text ranks');
select results_eq(
  $$ select tests.label(id) from public.hybrid_search_knowledge_chunks('shipping', pg_temp.vec(1, 0), 3,
       full_text_weight => 0, min_similarity => -1, filter_collection_ids => array[tests.id('collection A')]) $$,
  $$ values ('a1'), ('a2'), ('a3') $$, 'with the text weight at 0 the vector order decides');
select results_eq(
  $$ select tests.label(id), similarity is null, round(score::numeric, 6) = round(text_rank::numeric, 6)
     from public.hybrid_search_knowledge_chunks('shipping', null, 5) $$,
  $$ values ('a1', true, true), ('a5', true, true) $$, 'text only: the chunks that share a word, ranked by ts_rank_cd');
select throws_ok($$ select * from public.hybrid_search_knowledge_chunks(null, null) $$, '22023',
  'give query_text, query_embedding or both', 'a search needs something to search with');

-- ===== 004's demo-scoped and 003's user-scoped forms
select results_eq(
  $$ select tests.label(id), question, answer, source, round(similarity::numeric, 6)
     from public.search_demo_knowledge(pg_temp.vec(1, 0), tests.id('demo')) $$,
  $$ values ('d1', 'Can I use it with retinol?', 'Yes, at night.', 'Video: Product Demo', 0.9) $$,
  'demo search: the demo''s collection, threshold 0.7 by default (d2 at 0.5 is left out)');
select results_eq(
  $$ select tests.label(id) from public.search_demo_knowledge(pg_temp.vec(1, 0), tests.id('collection A demo'), 0.4) $$,
  $$ values ('d1'), ('d2') $$, 'the collection id works too');
select throws_ok($$ select * from public.search_demo_knowledge(pg_temp.vec(1, 0), gen_random_uuid()) $$, 'PT404',
  'no knowledge collection for this demo', 'an unknown demo is not found');
select results_eq(
  $$ select tests.label(id) from public.search_user_knowledge(tests.user_id('member-a'), pg_temp.vec(1, 0)) $$,
  $$ values ('a1'), ('d1'), ('a2') $$, 'user search: everything the user can read at or above 0.7');
select throws_ok(
  $$ select * from public.search_user_knowledge(tests.user_id('viewer-a'), pg_temp.vec(1, 0)) $$,
  '42501', 'you can search only your own knowledge', 'nobody searches as someone else');
select tests.authenticate_as('member-b');
select throws_ok($$ select * from public.search_demo_knowledge(pg_temp.vec(1, 0), tests.id('demo')) $$,
  'PT404', 'no knowledge collection for this demo', 'another workspace''s demo is not found');

-- ===== knowledge_search: search and log
select tests.authenticate_as('member-a');
select results_eq(
  $$ select tests.label(id) from public.knowledge_search(tests.workspace_id('A'), 'free shipping',
       pg_temp.vec(1, 0), 'local-lexical-v1', 'vector', 2, p_embed_ms => 12.5) $$,
  $$ values ('a1'), ('d1') $$, 'knowledge_search returns the matches');
select tests.clear_authentication();
select results_eq(
  $$ select user_id, caller_role, via, mode::text, strategy::text, query_sha256, embedding_model::text,
            result_chunk_ids, result_count, latency_ms >= 12.5
     from public.knowledge_access_logs where workspace_id = tests.workspace_id('A') $$,
  $$ values (tests.user_id('member-a'), 'authenticated', 'knowledge-search', 'vector', 'exact',
             encode(sha256('free shipping'::bytea), 'hex'), 'local-lexical-v1',
             array[tests.id('a1'), tests.id('d1')]::uuid[], 2, true) $$,
  '... and logs who, the query''s hash, the results and the latency (embedding time included)');
select tests.authenticate_as('member-b');
select is_empty(
  $$ select * from public.knowledge_search(tests.workspace_id('A'), 'free shipping', pg_temp.vec(1, 0),
       'local-lexical-v1', 'hybrid') $$,
  'searching another workspace returns nothing');
select tests.clear_authentication();
select is((select count(*)::integer from public.knowledge_access_logs where workspace_id = tests.workspace_id('A')), 1,
  '... and leaves no trace in its log');

-- ===== the anon path's building block
select tests.authenticate_as('member-a');
select throws_ok(
  $$ select * from private.search_collection(tests.id('collection A demo'), pg_temp.vec(1, 0)) $$,
  '42501', null, 'signed-in users cannot call the definer search');
select tests.authenticate_as_service_role();
select results_eq(
  $$ select tests.label(id) from private.search_collection(tests.id('collection A demo'), pg_temp.vec(1, 0),
       'retinol', 5, 0.7, 'demo-test') $$,
  $$ values ('d1') $$, 'search_collection searches one collection whatever the caller''s rights');
select tests.clear_authentication();
select results_eq(
  $$ select user_id, caller_role, via, mode::text, collection_ids from public.knowledge_access_logs where via = 'demo-test' $$,
  $$ values (null::uuid, 'service_role', 'demo-test', 'hybrid', array[tests.id('collection A demo')]::uuid[]) $$,
  '... and logs the caller''s role and entry point');

-- ===== exact or index
select is(private.knowledge_index_threshold(), 5000, 'below 100,000 chunks the index is used from 5,000 chunks in scope');
-- A: 5 chunks in the general collection, 2 in the demo one; B: 1 (inserted above)
select results_eq(
  $$ select private.knowledge_scope_chunks(array[tests.workspace_id('A')], null),
            private.knowledge_scope_chunks(null, array[tests.id('collection A demo')]),
            private.knowledge_scope_chunks(array[tests.workspace_id('B')], null) $$,
  $$ values (7::bigint, 2::bigint, 1::bigint) $$, 'chunk counts per workspace and collection follow inserts');
delete from public.knowledge_chunks where id = tests.id('a4');
select is(private.knowledge_scope_chunks(array[tests.workspace_id('A')], null), 6::bigint,
  '... and deletes');
select is(private.knowledge_use_index(array[tests.workspace_id('A')], null, null, null, null), false,
  'a scope of 6 chunks is searched exactly');
select results_eq(
  $$ select chunk_id from private.knowledge_vector_candidates(pg_temp.vec(1, 0), 3, array[tests.workspace_id('A')],
       null, null, null, null, true) $$,
  $$ select chunk_id from private.knowledge_vector_candidates(pg_temp.vec(1, 0), 3, array[tests.workspace_id('A')],
       null, null, null, null, false) $$,
  'the index path (iterative scan under a tenant filter) returns the same rows as the exact one here');

-- ===== query embedding context and cache
update public.knowledge_collections set embedding_model = null where id = tests.id('collection B');
update public.knowledge_collections set embedding_model = 'text-embedding-3-small' where id = tests.id('collection A demo');
select tests.authenticate_as('member-a');
select throws_ok(
  $$ select * from private.knowledge_search_context(array[tests.id('collection A'),
       tests.id('collection A demo')], 'text-embedding-3-small', repeat('0', 64)) $$,
  '22023', 'these collections are embedded with different models; search them one at a time',
  'collections of different models cannot be searched together');
select tests.clear_authentication();
select lives_ok($$ select private.store_query_embedding('local-lexical-v1', repeat('0', 64), pg_temp.vec(0.6, 0.8)) $$,
  'the service caches a query embedding');
select tests.authenticate_as('member-a');
select results_eq(
  $$ select embedding_model::text, cached_embedding::extensions.vector = pg_temp.vec(0.6, 0.8)
     from private.knowledge_search_context(array[tests.id('collection A')], 'text-embedding-3-small', repeat('0', 64)) $$,
  $$ values ('local-lexical-v1', true) $$, 'the collection''s own model wins over the default, with the cached vector');
select tests.authenticate_as('member-b');
select results_eq(
  $$ select embedding_model::text, cached_embedding is null
     from private.knowledge_search_context(array[tests.id('collection B')], 'text-embedding-3-small', repeat('0', 64)) $$,
  $$ values ('text-embedding-3-small', true) $$, 'a collection without a model uses the default (nothing cached for it)');

-- ===== local-lexical-v1 in SQL
-- "free shipping": w:free, w:shipp (1 each), b:free_shipp (0.5): norm 1.5; "shipping costs 5":
-- w:shipp, w:cost, w:5 (1 each), b:shipp_cost, b:cost_5 (0.5 each): norm sqrt(3.5); they share
-- w:shipp only, so cosine = 1 / (1.5 x sqrt(3.5)) = 0.356348.
select is(round((1 - (private.local_lexical_embedding('free shipping') operator(extensions.<=>)
                      private.local_lexical_embedding('shipping costs 5')))::numeric, 6),
  round(1 / (1.5 * sqrt(3.5)), 6), 'local-lexical-v1 similarity follows the recipe');

select * from finish();
rollback;
