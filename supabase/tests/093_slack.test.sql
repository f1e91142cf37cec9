-- Slack cache from the outside: ingestion by the sync worker (idempotent, capped, validated),
-- thread reply counts, the 30-day purge that keeps preserved threads, who reads and who writes,
-- polls, assistant settings and meeting transcripts.
begin;
set search_path = extensions, public;
select plan(27);

select tests.without_demo_data();  -- counts below are table-wide
select tests.two_workspaces();

-- ---------- ingestion (service role)
select tests.authenticate_as_service_role();
select is(public.ingest_slack_channels(tests.workspace_id('A'),
  '[{"team_id": "T1", "slack_channel_id": "C1", "name": "growth"}, {"team_id": "T1", "slack_channel_id": "C2", "name": "random"}]'), 2,
  'channels are cached');
select is(public.ingest_slack_users(tests.workspace_id('A'),
  '[{"team_id": "T1", "slack_user_id": "U1", "name": "ann", "email": "Ann@Brand.com"}, {"team_id": "T1", "slack_user_id": "U2", "name": "bob"}]'), 2,
  'users are cached');
select is((select email from public.slack_users where slack_user_id = 'U1'), 'ann@brand.com', 'emails are kept lowercase');
-- A thread: parent 1000 s ago by U1, replies by U2, U1, U2. Timestamps relative to now so the
-- 30-day window is exercised below.
create temp table t0 as select floor(extract(epoch from now()))::bigint - 1000 as t;
grant select on t0 to service_role, authenticated;
select is(public.ingest_slack_messages(tests.workspace_id('A'), jsonb_build_array(
  jsonb_build_object('slack_channel_id', 'C1', 'ts', (select t from t0) || '.000100', 'thread_ts', (select t from t0) || '.000100', 'slack_user_id', 'U1', 'text', 'launch plan?'),
  jsonb_build_object('slack_channel_id', 'C1', 'ts', (select t + 10 from t0) || '.000100', 'thread_ts', (select t from t0) || '.000100', 'slack_user_id', 'U2', 'text', 'friday'),
  jsonb_build_object('slack_channel_id', 'C1', 'ts', (select t + 20 from t0) || '.000100', 'thread_ts', (select t from t0) || '.000100', 'slack_user_id', 'U1', 'text', 'ok'),
  jsonb_build_object('slack_channel_id', 'C1', 'ts', (select t + 30 from t0) || '.000100', 'thread_ts', (select t from t0) || '.000100', 'slack_user_id', 'U2', 'text', 'done'),
  jsonb_build_object('slack_channel_id', 'C2', 'ts', (select t from t0) || '.000200', 'slack_user_id', 'U2', 'text', 'lunch?'))), 5,
  'messages are cached');
-- Expected: 3 replies (every message of the thread but the parent), participants in order of first reply: U2, U1.
select results_eq($$ select reply_count, participant_ids, last_reply_at from public.slack_threads $$,
  $$ select 3, array['U2', 'U1'], to_timestamp((select t + 30 from t0)::numeric + 0.0001) $$,
  'the thread counts its replies, participants and last reply');
select is(public.ingest_slack_messages(tests.workspace_id('A'), jsonb_build_array(
  jsonb_build_object('slack_channel_id', 'C1', 'ts', (select t + 10 from t0) || '.000100', 'thread_ts', (select t from t0) || '.000100', 'slack_user_id', 'U2', 'text', 'friday'))),
  0, 're-syncing an unchanged message writes nothing');
select is(public.ingest_slack_messages(tests.workspace_id('A'), jsonb_build_array(
  jsonb_build_object('slack_channel_id', 'C1', 'ts', (select t + 10 from t0) || '.000100', 'thread_ts', (select t from t0) || '.000100', 'slack_user_id', 'U2',
                     'text', 'friday 10am', 'edited_ts', (select t + 40 from t0) || '.000000'))),
  1, 'an edit updates the message in place');
select is((select reply_count from public.slack_threads), 3, 'and the count stays right');
select is(public.ingest_slack_messages(tests.workspace_id('A'),
  jsonb_build_array(jsonb_build_object('slack_channel_id', 'C1', 'ts', '1000000000.000100', 'text', 'ancient'))), 0,
  'a message older than 30 days is not cached');
select throws_ok($$ select public.ingest_slack_messages(tests.workspace_id('A'), '[{"slack_channel_id": "C1", "ts": "yesterday"}]') $$,
  '22023', null, 'a message without a Slack ts is refused');
select throws_ok($$ select public.ingest_slack_messages(tests.workspace_id('A'),
  (select jsonb_agg(jsonb_build_object('slack_channel_id', 'C1', 'ts', i || '.000001')) from generate_series(1, 1001) i)) $$,
  'PT413', null, 'at most 1000 messages per call');
select throws_ok($$ select public.ingest_slack_messages(tests.workspace_id('A'),
  jsonb_build_array(jsonb_build_object('slack_channel_id', 'C9', 'ts', (select t from t0) || '.000900'))) $$,
  '23503', null, 'messages of an uncached channel are refused');

-- ---------- who reads, who writes
select tests.authenticate_as('viewer-a');
select is((select count(*) from public.slack_messages), 5::bigint, 'a viewer reads the cache');
select throws_ok($$ select public.ingest_slack_messages(tests.workspace_id('A'), '[]') $$, '42501', null,
  'only the sync worker ingests');
select throws_ok($$ select public.preserve_slack_thread((select id from public.slack_threads)) $$, '42501', null,
  'a viewer cannot keep a thread');
select tests.authenticate_as('owner-b');
select is_empty($$ select * from public.slack_messages $$, 'another workspace reads no messages');
select throws_ok($$ select public.preserve_slack_thread((select id from public.slack_threads)) $$, 'PT404', null,
  'nor keeps their threads');

-- ---------- the 30-day purge keeps preserved threads
select tests.authenticate_as('member-a');
select ok((select preserved and preserved_by = tests.user_id('member-a')
           from public.preserve_slack_thread((select id from public.slack_threads))), 'a member keeps the thread');
select tests.clear_authentication();
set local session_replication_role = replica;
update public.slack_messages set posted_at = posted_at - interval '31 days';
update public.slack_threads set last_reply_at = last_reply_at - interval '31 days', created_at = created_at - interval '31 days';
set local session_replication_role = origin;
select is(private.purge_slack_messages(), 1, 'only the message outside the preserved thread is purged');
select is((select count(*) from public.slack_messages where slack_channel_id = 'C1'), 4::bigint, 'the preserved thread keeps its messages');
update public.slack_threads set preserved = false;
select is(private.purge_slack_messages(), 4, 'released, the thread''s old messages go');
select is_empty($$ select * from public.slack_threads $$, 'and the empty thread with them');

-- ---------- polls, settings, transcripts
insert into public.slack_poll_states (workspace_id, poll_id, slack_channel_id, question, options)
  values (tests.workspace_id('A'), 'p1', 'C1', 'Launch day?', array['Thu', 'Fri']);
select tests.authenticate_as_service_role();
select public.record_slack_poll_response(tests.workspace_id('A'), 'p1', 'U1', 1);
select is(public.record_slack_poll_response(tests.workspace_id('A'), 'p1', 'U2', 0), '{"U1": 1, "U2": 0}'::jsonb,
  'answers accumulate, one per Slack user');
select throws_ok($$ select public.record_slack_poll_response(tests.workspace_id('A'), 'p1', 'U2', 2) $$, '22023', null,
  'an option outside the poll is refused');
update public.slack_poll_states set closed_at = now();
select throws_ok($$ select public.record_slack_poll_response(tests.workspace_id('A'), 'p1', 'U3', 0) $$, 'PT409', null,
  'a closed poll takes no answers');
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.slack_assistant_settings (workspace_id, setting_key, setting_value)
                    values (tests.workspace_id('A'), 'digest.channel', '"C1"') $$, '42501', null,
  'members cannot configure the assistant');
insert into public.meeting_transcripts (workspace_id, title, transcript_text, action_items)
  values (tests.workspace_id('A'), 'Weekly growth', 'We agreed to launch Friday.', '[{"owner": "ann", "task": "brief"}]');
select tests.authenticate_as('owner-b');
select is_empty($$ select * from public.meeting_transcripts $$, 'another workspace reads no meeting transcripts');

select * from finish();
rollback;
