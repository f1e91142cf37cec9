-- Live demo conversations from the outside: what anon may start (published demos with a persona),
-- the per-demo starts an hour and minutes budget (reservations count until linked or released),
-- linking and releasing by the service only, calls to action, transcripts of live conversations
-- queued once for analysis and ingested into the demo's knowledge, the analysis applied under
-- the job's lease, and the stats.
begin;
set search_path = extensions, public;
select plan(22);

select tests.two_workspaces();
select tests.authenticate_as('member-a');
with r as (insert into public.demos (workspace_id, name, agent_name, agent_personality, tavus_persona_id, conversation_minutes_budget,
                                     max_conversation_minutes, max_conversations_per_hour)
           values (tests.workspace_id('A'), 'Live', 'Bea', 'Warm', 'p_1', 25, 10, 3),
                  (tests.workspace_id('A'), 'Bare', 'Bo', 'Dry', null, 300, 10, 30),
                  (tests.workspace_id('A'), 'Draft', 'Di', 'Shy', 'p_2', 300, 10, 30) returning id, name)
select tests.remember(name, id) from r;
insert into public.demo_videos (workspace_id, demo_id, title, storage_path, order_index)
select tests.workspace_id('A'), d, 'v', tests.workspace_id('A') || '/' || d || '/v.mp4', 0
from unnest(array[tests.id('Live'), tests.id('Bare')]) d;
update public.demos set status = 'published' where id in (tests.id('Live'), tests.id('Bare'));
select throws_ok($$ update public.demos set conversation_minutes_budget = 0 where id = tests.id('Live') $$, '23514', null,
  'a budget is at least a minute');

-- ================= starting as anon
select tests.authenticate_as_anon();
select set_config('request.headers', '{"x-forwarded-for": "198.51.100.1"}', true);
select throws_ok($$ select public.start_demo_conversation(tests.id('Draft')) $$, 'PT404', null, 'a draft cannot be talked to');
select throws_ok($$ select public.start_demo_conversation(tests.id('Bare')) $$, 'PT409', null, 'nor a demo without a persona or replica');
create temp table s1 as select public.start_demo_conversation(tests.id('Live')) as r;
grant select on s1 to public;
select results_eq($$ select r ->> 'persona_id', (r ->> 'max_minutes')::int, r ->> 'context' like 'You are Bea. Warm%' from s1 $$,
  $$ values ('p_1', 10, true) $$, 'a start answers what Tavus needs: persona, length, context');
select throws_ok($$ select * from private.demo_conversation_starts $$, '42501', null, 'anon reads no reservations');
select throws_ok($$ select private.link_started_conversation((select (r ->> 'start_id')::uuid from s1), 'c_x', null) $$, '42501', null,
  'nor links conversations');
create temp table s2 as select public.start_demo_conversation(tests.id('Live')) as r;
grant select on s2 to public;
select throws_like($$ select public.start_demo_conversation(tests.id('Live')) $$, '%minutes for this month are used up%',
  'two reservations of 10 minutes leave no room for a third in 25');

-- ================= linking, releasing
select tests.authenticate_as_service_role();
select results_eq($$ select conversation_id, max_minutes, status::text from private.link_started_conversation(
  (select (r ->> 'start_id')::uuid from s1), 'c_live', 'https://tavus.test/c_live') $$,
  $$ values ('c_live', 10, 'created') $$, 'Tavus'' conversation becomes the demo''s, with its length');
select throws_ok($$ select private.link_started_conversation((select (r ->> 'start_id')::uuid from s1), 'c_again', null) $$, 'PT409', null,
  'a reservation is linked once');
select private.release_conversation_start((select (r ->> 'start_id')::uuid from s2));
select tests.clear_authentication();
select is(private.demo_minutes_used(tests.id('Live')), 10::numeric, 'a released start gives its minutes back');
update public.demos set conversation_minutes_budget = 1000 where id = tests.id('Live');
select tests.authenticate_as_anon();
select set_config('request.headers', '{"x-forwarded-for": "198.51.100.2"}', true);
create temp table s3 as select public.start_demo_conversation(tests.id('Live')) as r
  union all select public.start_demo_conversation(tests.id('Live'));
grant select on s3 to public;
select throws_like($$ select public.start_demo_conversation(tests.id('Live')) $$, '%at most 3 conversations start an hour%',
  'the demo''s starts an hour are counted across visitors');

-- ================= transcripts of live conversations
select tests.clear_authentication();
select private.receive_webhook('tavus', 'system.replica_joined', 'j1', repeat('1', 64),
  '{"event_type": "system.replica_joined", "conversation_id": "c_live", "timestamp": "2026-12-01T10:00:00Z"}', tests.workspace_id('A'));
select private.receive_webhook('tavus', 'application.transcription_ready', 'j2', repeat('2', 64),
  '{"event_type": "application.transcription_ready", "conversation_id": "c_live", "timestamp": "2026-12-01T10:04:30Z",
    "properties": {"transcript": [{"role": "system", "content": "be nice"}, {"role": "assistant", "content": "Hello!"},
                                  {"role": "user", "content": "What does the balm cost?"}]}}', tests.workspace_id('A'));
select results_eq($$ select idempotency_key, payload ->> 'conversation_id' from private.connector_jobs where queue = 'demo_conversation_analysis' $$,
  $$ values ('analysis:c_live', 'c_live') $$, 'the transcript queues its analysis');
select results_eq($$ select d.document_key, d.title from public.knowledge_documents d join public.knowledge_collections c on c.id = d.collection_id
  where c.scope = 'demo' and c.owner_id = tests.id('Live') $$,
  $$ values ('conversation:c_live', 'Conversation c_live') $$, 'and goes into the demo''s knowledge');
select is((select count(*)::int from public.knowledge_chunks k join public.knowledge_documents d on d.id = k.document_id
           where d.document_key = 'conversation:c_live'), 2, 'one chunk per spoken message (system prompts left out)');
-- a conversation we did not start live (linked the old way) is left as it was
select private.link_demo_conversation(tests.id('Live'), 'c_old');
select private.receive_webhook('tavus', 'application.transcription_ready', 'j3', repeat('3', 64),
  '{"event_type": "application.transcription_ready", "conversation_id": "c_old", "properties": {"transcript": [{"role": "user", "content": "hi"}]}}',
  tests.workspace_id('A'));
select is((select count(*)::int from private.connector_jobs where queue = 'demo_conversation_analysis'), 1,
  'only live conversations are analysed');

-- ================= the analysis, under the job's lease
create temp table claimed as select * from private.claim_connector_jobs('demo_conversation_analysis', 5);
grant select on claimed to public;
select throws_ok($$ select private.apply_conversation_analysis((select job_id from claimed), gen_random_uuid(), tests.workspace_id('A'), 'c_live', '[]') $$,
  'PT409', null, 'nothing is applied under a lost lease');
select is(private.apply_conversation_analysis((select job_id from claimed), (select lease_id from claimed), tests.workspace_id('A'), 'c_live',
  '[{"index": 1, "sentiment": "positive", "intent": "greeting", "confidence": 0.8},
    {"index": 2, "sentiment": "furious", "intent": "pricing_question", "confidence": 7}]'), 2, 'two messages labelled');
select results_eq($$ select message_index, sentiment, intent, confidence from public.conversation_messages
  where conversation_id = 'c_live' order by 1 $$,
  $$ values (0, null::text, null::text, null::numeric), (1, 'positive', 'greeting', 0.80), (2, null, 'pricing_question', 1.00) $$,
  'labels outside the closed set are dropped, confidence kept within 0-1');

-- ================= calls to action and stats
select tests.authenticate_as_anon();
select set_config('request.headers', '{"x-forwarded-for": "198.51.100.3"}', true);
select throws_ok($$ select public.record_demo_cta_click('c_nope') $$, 'PT404', null, 'an unknown conversation has no call to action');
select ok(public.record_demo_cta_click('c_live'), 'a visitor''s click on the call to action counts');
select tests.authenticate_as('viewer-a');
select results_eq($$ select conversation_count, conversation_minutes, positive_messages, cta_clicks, cta_conversion_rate
  from public.get_demo_stats(tests.id('Live')) $$,
  $$ values (2::bigint, 4.5::numeric, 1::bigint, 1::bigint, 0.5000::numeric) $$,
  'stats: two conversations, 4.5 minutes talked, one positive message, one of two followed the call to action');
select tests.authenticate_as('owner-b');
select throws_ok($$ select public.get_demo_stats(tests.id('Live')) $$, 'PT404', null, 'another workspace sees no stats');

select * from finish();
rollback;
