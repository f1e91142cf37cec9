-- Demos from the outside: who builds them, the constraints a form can hit, publishing, what anon
-- sees, Tavus conversations and their messages, get_demo_stats against hand-computed numbers,
-- reordering, realtime.
begin;
set search_path = extensions, public;
select plan(50);

select tests.without_demo_data();  -- counts below are table-wide
select tests.two_workspaces();

-- ---------- building a demo
select tests.authenticate_as('member-a');
with r as (insert into public.demos (workspace_id, name, agent_name, agent_objectives, cta_text, cta_link) values
  (tests.workspace_id('A'), 'Balm walkthrough', 'Bea',
   array['book a call'], 'Buy now', 'https://shop.example.com/balm') returning id, name)
select tests.remember(name, id) from r;
select throws_ok($$ insert into public.demos (workspace_id, name) values (tests.workspace_id('A'), '') $$,
  '23514', 'new row for relation "demos" violates check constraint "demo name must be 1-255 characters"',
  'an empty name is refused with a readable constraint name');
select throws_ok($$ insert into public.demos (workspace_id, name) values (tests.workspace_id('A'), repeat('x', 256)) $$,
  '23514', null, 'so is a name over 255 characters');
select lives_ok($$ insert into public.demos (workspace_id, name) values (tests.workspace_id('A'), repeat('x', 255)) $$,
  '255 characters are fine');
select throws_ok($$ insert into public.demos (workspace_id, name, cta_link) values (tests.workspace_id('A'), 'x', 'javascript:alert(1)') $$,
  '23514', null, 'a call-to-action link must be http(s)');
select throws_ok($$ insert into public.demos (workspace_id, name, status) values (tests.workspace_id('A'), 'x', 'published') $$,
  'PT409', null, 'a demo starts as a draft');
select throws_ok($$ update public.demos set status = 'published' where id = tests.id('Balm walkthrough') $$,
  'PT409', 'add at least one video before publishing the demo', 'a demo without videos cannot be published');
select throws_ok($$ insert into public.demo_videos (workspace_id, demo_id, title, storage_path, order_index)
                    values (tests.workspace_id('A'), tests.id('Balm walkthrough'), 'v', format('%s/%s/v.mp4', tests.workspace_id('A'), tests.id('Balm walkthrough')), -1) $$,
  '23514', null, 'order index cannot be negative');
select throws_ok($$ insert into public.demo_videos (workspace_id, demo_id, title, storage_path, order_index, duration_seconds)
                    values (tests.workspace_id('A'), tests.id('Balm walkthrough'), 'v', format('%s/%s/v.mp4', tests.workspace_id('A'), tests.id('Balm walkthrough')), 0, 0) $$,
  '23514', null, 'duration must be positive');
select throws_ok($$ insert into public.demo_videos (workspace_id, demo_id, title, storage_path, order_index)
                    values (tests.workspace_id('A'), tests.id('Balm walkthrough'), 'v', 'elsewhere/v.mp4', 0) $$,
  '23514', null, 'a video lives under <workspace_id>/<demo_id>/');
with r as (insert into public.demo_videos (workspace_id, demo_id, title, storage_path, order_index, duration_seconds, processing_status) values
  (tests.workspace_id('A'), tests.id('Balm walkthrough'), 'Intro',
   format('%s/%s/intro.mp4', tests.workspace_id('A'), tests.id('Balm walkthrough')), 0, 42, 'completed'),
  (tests.workspace_id('A'), tests.id('Balm walkthrough'), 'Texture',
   format('%s/%s/texture.mp4', tests.workspace_id('A'), tests.id('Balm walkthrough')), 1, 75, 'pending'),
  (tests.workspace_id('A'), tests.id('Balm walkthrough'), 'Price',
   format('%s/%s/price.mp4', tests.workspace_id('A'), tests.id('Balm walkthrough')), 2, null, 'pending') returning id, title)
select tests.remember(title, id) from r;
select throws_ok($$ insert into public.demo_videos (workspace_id, demo_id, title, storage_path, order_index)
                    values (tests.workspace_id('A'), tests.id('Balm walkthrough'), 'v', format('%s/%s/v.mp4', tests.workspace_id('A'), tests.id('Balm walkthrough')), 1) $$,
  '23505', null, 'two videos cannot share a place');

-- ---------- reordering
select tests.authenticate_as('viewer-a');
select throws_ok($$ select * from public.reorder_demo_videos(tests.id('Balm walkthrough'),
  array[tests.id('Price'), tests.id('Intro'), tests.id('Texture')]::uuid[]) $$,
  '42501', null, 'a viewer cannot reorder');
select tests.authenticate_as('member-a');
select throws_ok($$ select * from public.reorder_demo_videos(tests.id('Balm walkthrough'),
  array[tests.id('Price'), tests.id('Intro')]::uuid[]) $$,
  '22023', 'list every video of the demo exactly once', 'a partial list is refused');
select results_eq($$ select title, order_index from public.reorder_demo_videos(tests.id('Balm walkthrough'),
  array[tests.id('Price'), tests.id('Intro'), tests.id('Texture')]::uuid[])
  order by order_index $$,
  $$ values ('Price', 0), ('Intro', 1), ('Texture', 2) $$, 'videos take the order of the list, swaps included');
select throws_ok($$ select * from public.reorder_demo_videos(tests.id('Balm walkthrough'), array_fill(gen_random_uuid(), array[201])) $$,
  'PT413', null, 'at most 200 videos per call');

-- ---------- publishing and what anon sees
select lives_ok($$ update public.demos set status = 'published' where id = tests.id('Balm walkthrough') $$,
  'with videos, the demo is published');
select ok((select published_at is not null from public.demos where id = tests.id('Balm walkthrough')), 'published_at is stamped');
select tests.authenticate_as_anon();
select results_eq($$ select name, agent_name, cta_link, jsonb_array_length(videos), videos -> 0 ->> 'title'
                     from public.get_public_demo(tests.id('Balm walkthrough')) $$,
  $$ values ('Balm walkthrough', 'Bea', 'https://shop.example.com/balm', 3, 'Price') $$,
  'anon reads a published demo with its videos in play order');
select throws_ok($$ select * from public.demos $$, '42501', null, 'anon cannot read the demos table itself');
select tests.clear_authentication();
with r as (insert into public.demos (workspace_id, name) values (tests.workspace_id('A'), 'Secret draft') returning id, name)
select tests.remember(name, id) from r;
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.get_public_demo(tests.id('Secret draft')) $$, 'PT404', 'no such demo',
  'a draft is not public');
select throws_ok($$ select * from public.get_public_demo(gen_random_uuid()) $$, 'PT404', 'no such demo', 'nor is an unknown id');
select throws_ok($$ select * from public.get_demo_stats(tests.id('Balm walkthrough')) $$, '42501', null,
  'anon gets no stats');
select tests.authenticate_as('member-a');
select lives_ok($$ update public.demos set status = 'archived' where id = tests.id('Secret draft') $$, 'a draft can be archived');
select throws_ok($$ update public.demos set status = 'published' where id = tests.id('Secret draft') $$, 'PT409',
  'a demo cannot move from archived to published', 'an archived demo goes back to draft before it is published again');

-- ---------- access across workspaces and roles
select tests.authenticate_as('viewer-a');
select throws_ok($$ insert into public.demos (workspace_id, name) values (tests.workspace_id('A'), 'viewer demo') $$,
  '42501', null, 'a viewer cannot create demos');
select is((select count(*) from public.demos), 3::bigint, 'a viewer reads the workspace''s demos, drafts included');
select tests.authenticate_as('owner-b');
select is_empty($$ select * from public.demos $$, 'another workspace sees no demos');
select is_empty($$ select * from public.demo_videos $$, 'nor their videos');
select throws_ok($$ select * from public.get_demo_stats(tests.id('Balm walkthrough')) $$, 'PT404', null,
  'nor their stats');

-- ---------- Tavus conversations and messages
select tests.authenticate_as_service_role();
select private.link_demo_conversation(tests.id('Balm walkthrough'), 'c-1', 'https://tavus.daily.co/c-1');
select private.link_demo_conversation(tests.id('Balm walkthrough'), 'c-1', null);
select is((select count(*) from public.demo_conversations), 1::bigint, 'linking a conversation twice keeps one row');
select private.receive_webhook('tavus', 'system.replica_joined', 'h1', repeat('1', 64),
  '{"event_type": "system.replica_joined", "conversation_id": "c-1", "timestamp": "2026-11-20T10:00:00Z"}',
  tests.workspace_id('A'));
select private.receive_webhook('tavus', 'application.transcription_ready', 'h2', repeat('2', 64),
  '{"event_type": "application.transcription_ready", "conversation_id": "c-1", "timestamp": "2026-11-20T10:06:00Z",
    "properties": {"transcript": [{"role": "system", "content": "You are Bea."}, {"role": "user", "content": "Is it vegan?"},
                                  {"role": "assistant", "content": "Yes, fully."}]}}',
  tests.workspace_id('A'));
select private.receive_webhook('tavus', 'system.shutdown', 'h3', repeat('3', 64),
  '{"event_type": "system.shutdown", "conversation_id": "c-1", "timestamp": "2026-11-20T10:05:30Z", "properties": {"shutdown_reason": "participant left"}}',
  tests.workspace_id('A'));
select results_eq($$ select status::text, started_at, ended_at, shutdown_reason, last_event_at from public.demo_conversations $$,
  $$ values ('ended', '2026-11-20T10:00:00Z'::timestamptz, '2026-11-20T10:06:00Z'::timestamptz, 'participant left',
             '2026-11-20T10:06:00Z'::timestamptz) $$,
  'Tavus events move the conversation: joined, transcript ready (ended), shutdown reason; the latest event time');
select is((select count(*) from public.conversation_messages where demo_id = tests.id('Balm walkthrough')), 3::bigint,
  'the transcript''s messages belong to the demo');
-- A conversation whose messages arrive before the link.
select private.receive_webhook('tavus', 'application.transcription_ready', 'h4', repeat('4', 64),
  '{"event_type": "application.transcription_ready", "conversation_id": "c-2", "timestamp": "2026-11-21T09:00:00Z",
    "properties": {"transcript": [{"role": "user", "content": "Price?"}]}}', tests.workspace_id('A'));
select private.link_demo_conversation(tests.id('Balm walkthrough'), 'c-2');
select is((select demo_id from public.conversation_messages where conversation_id = 'c-2'),
  tests.id('Balm walkthrough'), 'messages that came first are linked when the conversation is');

-- ---------- stats, against numbers computed by hand
select tests.authenticate_as('viewer-a');
-- videos: 3 (one transcribed); duration 42 + 75 + (null) = 117 s; conversations c-1, c-2; messages 3 + 1 = 4;
-- last conversation: c-1's last event 10:06 on the 20th vs c-2 (no event of its own after linking: its
-- link time, now()) -> now().
select results_eq($$ select video_count, ready_video_count, total_video_duration, knowledge_chunk_count, conversation_count, message_count
                     from public.get_demo_stats(tests.id('Balm walkthrough')) $$,
  $$ values (3::bigint, 1::bigint, 117::bigint, 0::bigint, 2::bigint, 4::bigint) $$, 'get_demo_stats counts videos, seconds, conversations and messages');
select is((select last_conversation_at from public.get_demo_stats(tests.id('Balm walkthrough'))), now(),
  'the last conversation is the most recent one');
select tests.authenticate_as('member-a');
insert into public.demo_videos (workspace_id, demo_id, title, storage_path, order_index, duration_seconds) values
  (tests.workspace_id('A'), tests.id('Balm walkthrough'), 'Outro',
   format('%s/%s/outro.mp4', tests.workspace_id('A'), tests.id('Balm walkthrough')), 3, 8);
select is((select total_video_duration from public.get_demo_stats(tests.id('Balm walkthrough'))), 125::bigint,
  'stats are fresh: a new 8 s video makes 125 s at once');
select tests.authenticate_as('owner-b');
select is_empty($$ select * from public.conversation_messages $$, 'another workspace reads no transcripts');
select is_empty($$ select * from public.demo_conversations $$, 'nor conversations');

-- ---------- the demo's knowledge: a collection made with it, searchable by anyone once published
select tests.clear_authentication();
select is((select count(*) from public.knowledge_collections where scope = 'demo' and owner_id = tests.id('Balm walkthrough')),
  1::bigint, 'every demo gets its knowledge collection');
update public.knowledge_collections set embedding_model = 'local-lexical-v1' where owner_id = tests.id('Balm walkthrough');
with r as (insert into public.knowledge_documents (workspace_id, collection_id, document_key, title, source_type)
  select workspace_id, id, 'faq', 'FAQ', 'qa'
  from public.knowledge_collections where owner_id = tests.id('Balm walkthrough') returning id, title)
select tests.remember(title, id) from r;
insert into public.knowledge_chunks (workspace_id, collection_id, document_id, chunk_index, content, content_sha256, embedding, embedding_model)
  select c.workspace_id, c.id, tests.id('FAQ'), x.i, x.t, private.sha256_hex(x.t),
         private.local_lexical_embedding(x.t), 'local-lexical-v1'
  from public.knowledge_collections c,
       (values (0, 'Q: Can I use the balm with retinol? A: Yes, at night.'), (1, 'Q: Is it vegan? A: Yes, fully vegan.'),
               (2, 'Q: How long does a tin last? A: About three months.')) x (i, t)
  where c.owner_id = tests.id('Balm walkthrough');
select tests.authenticate_as_anon();
select set_config('request.headers', '{"x-forwarded-for": "198.51.100.23"}', true);
select results_eq($$ select chunk_index::integer from public.search_public_demo(tests.id('Balm walkthrough'), 'is the balm vegan?') limit 1 $$,
  $$ values (1) $$, 'anon searches a published demo''s knowledge: the vegan answer comes first');
select throws_ok($$ select * from public.search_public_demo(tests.id('Secret draft'), 'vegan?') $$, 'PT404', 'no such demo',
  'an unpublished demo''s knowledge is not searchable');
select throws_ok($$ select * from public.search_public_demo(tests.id('Balm walkthrough'), 'vegan?', null, 11) $$, 'PT413', null,
  'at most 10 results');
select throws_ok($$ select * from public.search_public_demo(tests.id('Balm walkthrough'), '  ') $$, '22023', null,
  'an empty question is refused');
select throws_ok($$ select * from public.knowledge_chunks $$, '42501', null, 'anon cannot read knowledge directly');
select tests.clear_authentication();
update private.rate_limit_rules set max_hits = 2 where bucket = 'demo_knowledge_search';
select tests.authenticate_as_anon();
select set_config('request.headers', '{"x-forwarded-for": "203.0.113.99"}', true);
select lives_ok($$ select * from public.search_public_demo(tests.id('Balm walkthrough'), 'vegan?') $$, 'a visitor searches');
select lives_ok($$ select * from public.search_public_demo(tests.id('Balm walkthrough'), 'tin?') $$, 'twice');
select throws_ok($$ select * from public.search_public_demo(tests.id('Balm walkthrough'), 'retinol?') $$, 'PGRST', null,
  'the third search in the window (limit lowered to 2 for the test) is rate limited');
select set_config('request.headers', '{"x-forwarded-for": "203.0.113.100"}', true);
select lives_ok($$ select * from public.search_public_demo(tests.id('Balm walkthrough'), 'retinol?') $$,
  'another address is not');
select tests.authenticate_as('viewer-a');
select is((select knowledge_chunk_count from public.get_demo_stats(tests.id('Balm walkthrough'))), 3::bigint,
  'stats count the three chunks of the demo''s knowledge');
select tests.authenticate_as('member-a');
delete from public.demos where id = tests.id('Secret draft');
select tests.clear_authentication();
select is((select count(*) from public.knowledge_collections where owner_id = tests.id('Secret draft')), 0::bigint,
  'a deleted demo''s knowledge goes with it');

-- ---------- realtime
select ok((select count(*) = 3 from pg_publication_tables where pubname = 'supabase_realtime'
           and tablename in ('demos', 'demo_conversations', 'conversation_messages')),
  'demos, their conversations and messages are published to Realtime');

select * from finish();
rollback;
