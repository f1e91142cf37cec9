-- Video transcripts from the outside: Mux's track.ready queues one job per track; the worker's
-- apply stores timed segments, the transcript and its knowledge under the job's lease only;
-- readers of the video read its segments, nobody writes them; a demo's video goes into the
-- demo's collection, others into the workspace's video transcripts collection.
begin;
set search_path = extensions, public;
select plan(13);

select tests.two_workspaces();
select tests.authenticate_as('member-a');
select tests.remember('team video', (public.create_video_upload(tests.workspace_id('A'), 'Team video', 100)).id);
select tests.remember('private video', (public.create_video_upload(tests.workspace_id('A'), 'Private video', 100, null, 'private')).id);
select tests.clear_authentication();
update public.videos set mux_asset_id = 'as_team', mux_playback_id = 'pb_team', status = 'ready' where id = tests.id('team video');
update public.videos set mux_asset_id = 'as_priv', mux_playback_id = 'pb_priv', status = 'ready' where id = tests.id('private video');

-- ================= track ready -> one job per track
select private.receive_webhook('mux', 'video.asset.track.ready', 't1', repeat('a', 64),
  '{"type": "video.asset.track.ready", "data": {"id": "tr_1", "type": "text", "asset_id": "as_team", "language_code": "en"}}');
select private.receive_webhook('mux', 'video.asset.track.ready', 't2', repeat('b', 64),
  '{"type": "video.asset.track.ready", "data": {"id": "tr_1", "type": "text", "asset_id": "as_team", "language_code": "en"}}');
select private.receive_webhook('mux', 'video.asset.track.ready', 't3', repeat('c', 64),
  '{"type": "video.asset.track.ready", "data": {"id": "tr_audio", "type": "audio", "asset_id": "as_team"}}');
select results_eq($$ select idempotency_key, payload ->> 'video_id', payload ->> 'language' from private.connector_jobs where queue = 'mux_transcripts' $$,
  $$ values ('track:tr_1', tests.id('team video')::text, 'en') $$, 'a text track queues one job, whatever the redeliveries; audio none');
select is((select transcription_status::text from public.videos where id = tests.id('team video')), 'processing',
  'the video''s transcription is processing');

-- ================= the worker's apply, under its lease
create temp table claimed as select * from private.claim_connector_jobs('mux_transcripts', 10);
select is((select count(*)::int from claimed), 1, 'the worker claims the job');
select throws_ok($$ select private.apply_video_transcript((select job_id from claimed), gen_random_uuid(), tests.id('team video'), 'en', '[]') $$,
  'PT409', null, 'nothing is applied under a lost lease');
select is(private.apply_video_transcript((select job_id from claimed), (select lease_id from claimed), tests.id('team video'), 'en',
  '[{"start": 0, "end": 2.5, "text": "Welcome to Glow."}, {"start": 2.5, "end": 6.25, "text": "Tins are recyclable."},
    {"start": 7, "end": 8, "text": "  "}, {"start": "x", "end": 9, "text": "bad time"}]'), 2, 'two cues with text and times are stored');
select results_eq($$ select segment_index, start_seconds, end_seconds, content from public.video_transcript_segments order by 1 $$,
  $$ values (0, 0.000::numeric, 2.500::numeric, 'Welcome to Glow.'), (1, 2.500, 6.250, 'Tins are recyclable.') $$, 'with their timings');
select results_eq($$ select transcription_status::text, transcription_text from public.videos where id = tests.id('team video') $$,
  $$ values ('completed', 'Welcome to Glow. Tins are recyclable.') $$, 'the video has its transcript');
select results_eq($$ select c.name, d.document_key, (k.metadata ->> 'start_seconds')::numeric, (k.metadata ->> 'end_seconds')::numeric
  from public.knowledge_documents d join public.knowledge_collections c on c.id = d.collection_id
  join public.knowledge_chunks k on k.document_id = d.id where d.workspace_id = tests.workspace_id('A') $$,
  $$ values ('Video transcripts', 'video:' || tests.id('team video'), 0::numeric, 6.25::numeric) $$,
  'the transcript is a document of the workspace''s video transcripts collection, its chunk spanning the cues'' seconds');

-- ================= who reads segments
insert into public.video_transcript_segments (workspace_id, video_id, segment_index, start_seconds, end_seconds, content)
values (tests.workspace_id('A'), tests.id('private video'), 0, 0, 1, 'secret plans');
select tests.authenticate_as('viewer-a');
select results_eq($$ select content from public.video_transcript_segments order by video_id, segment_index $$,
  $$ values ('Welcome to Glow.'), ('Tins are recyclable.') $$, 'a viewer reads workspace videos'' transcripts, not private ones');
select throws_ok($$ insert into public.video_transcript_segments (workspace_id, video_id, segment_index, start_seconds, end_seconds, content)
  values (tests.workspace_id('A'), tests.id('team video'), 5, 0, 1, 'x') $$, '42501', null, 'nobody but the worker writes them');
select tests.authenticate_as('owner-b');
select is_empty($$ select * from public.video_transcript_segments $$, 'another workspace reads none');

-- ================= a demo's video goes into the demo's knowledge
select tests.authenticate_as('member-a');
with r as (insert into public.demos (workspace_id, name) values (tests.workspace_id('A'), 'Glow tour') returning id)
select tests.remember('demo', id) from r;
insert into public.demo_videos (workspace_id, demo_id, title, storage_path, order_index, video_id)
values (tests.workspace_id('A'), tests.id('demo'), 'Intro', tests.workspace_id('A') || '/' || tests.id('demo') || '/intro.mp4', 0,
        tests.id('team video'));
select results_eq($$ select transcript, processing_status::text, duration_seconds from public.demo_videos where demo_id = tests.id('demo') $$,
  $$ values ('Welcome to Glow. Tins are recyclable.', 'completed', null::integer) $$, 'the demo video takes the transcript');
select results_eq($$ select d.document_key from public.knowledge_documents d join public.knowledge_collections c on c.id = d.collection_id
  where c.scope = 'demo' and c.owner_id = tests.id('demo') $$,
  $$ values ('video:' || tests.id('team video')) $$, 'and the demo''s collection the document');

select * from finish();
rollback;
