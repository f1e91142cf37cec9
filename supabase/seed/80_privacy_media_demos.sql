-- Demo data for privacy, media, demos and the Slack cache in the demo workspace (local only).
-- Deterministic: fixed ids, generate_series and arithmetic; times relative to the reset.

-- ===== privacy: settings, and an export the member asked for (the privacy worker builds and stores it
-- once the stack runs: a completed request without its stored document is a state the code never makes)
insert into public.user_privacy_settings (user_id, data_processing_consent, marketing_consent, analytics_consent,
                                          third_party_consent, data_retention_days)
values ('00000000-0000-4000-8000-000000000001', true, true, true, false, 730),
       ('00000000-0000-4000-8000-000000000002', true, false, true, false, 730),
       ('00000000-0000-4000-8000-000000000003', true, false, false, false, 365),
       ('00000000-0000-4000-8000-000000000004', true, false, false, false, 90)
on conflict (user_id) do nothing;

insert into public.privacy_requests (id, kind, source, user_id, requested_by, subject_sha256, status, requested_at, started_at,
                                     attempts, export_path, export_bytes, download_expires_at)
values ('90000000-0000-4000-8000-000000000001', 'export', 'user', '00000000-0000-4000-8000-000000000003',
        '00000000-0000-4000-8000-000000000003', private.sha256_hex('00000000-0000-4000-8000-000000000003'), 'pending',
        now() - interval '2 days', null, 0, null, null, null)
on conflict (id) do nothing;

-- ===== videos: folders, videos (one private, shared with the viewer), comments
insert into public.video_folders (id, workspace_id, parent_id, name, created_by) values
  ('80000000-0000-4000-8000-00000000f001', '10000000-0000-4000-8000-000000000001', null, 'Brand', '00000000-0000-4000-8000-000000000002'),
  ('80000000-0000-4000-8000-00000000f002', '10000000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-00000000f001', 'Ads', '00000000-0000-4000-8000-000000000002'),
  ('80000000-0000-4000-8000-00000000f003', '10000000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-00000000f002', 'UGC', '00000000-0000-4000-8000-000000000003')
on conflict (id) do nothing;

insert into public.videos (id, workspace_id, folder_id, created_by, title, visibility, status, mux_asset_id, mux_playback_id,
                           duration_seconds, size_bytes, transcription_status, view_count)
select ('80000000-0000-4000-8000-0000000000' || lpad(i::text, 2, '0'))::uuid,
       '10000000-0000-4000-8000-000000000001',
       case when i <= 2 then '80000000-0000-4000-8000-00000000f002' when i <= 4 then '80000000-0000-4000-8000-00000000f003' end::uuid,
       case when i % 2 = 0 then '00000000-0000-4000-8000-000000000003' else '00000000-0000-4000-8000-000000000002' end::uuid,
       (array['Balm hook v1', 'Balm hook v2', 'Customer story: Jen', 'Customer story: Sam', 'Founder note', 'Rough cut: winter'])[i],
       case when i = 6 then 'private' else 'workspace' end::public.video_visibility,
       'ready', 'seed-asset-' || i, 'seed-playback-' || i,
       15 + i * 7.5, (15 + i * 7.5)::bigint * 400000, 'completed', i * 13
from generate_series(1, 6) i
on conflict (id) do nothing;

insert into public.video_permissions (workspace_id, video_id, user_id, permission_level, granted_by)
values ('10000000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000004',
        'comment', '00000000-0000-4000-8000-000000000003')
on conflict (video_id, user_id) do nothing;

insert into public.video_comments (id, workspace_id, video_id, user_id, body, timestamp_seconds, created_at)
select ('80000000-0000-4000-8000-0000000c00' || lpad(i::text, 2, '0'))::uuid, '10000000-0000-4000-8000-000000000001',
       ('80000000-0000-4000-8000-0000000000' || lpad((1 + i % 3)::text, 2, '0'))::uuid,
       ('00000000-0000-4000-8000-00000000000' || (1 + i % 4))::uuid,
       (array['Hook lands in the first 2 seconds', 'Music too loud here', 'Cut this pause', 'Add the price overlay',
              'Great reaction shot', 'Caption typo'])[i],
       i * 2.5, now() - (i || ' days')::interval
from generate_series(1, 6) i
on conflict (id) do nothing;

-- ===== AI video projects: one completed, one generating, one failed
insert into public.ai_video_projects (id, workspace_id, created_by, title, goal, platform, duration_s, brand_kit, status, auto_generated)
values
  ('80000000-0000-4000-8000-0000000a0001', '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003',
   'Balm in 15 seconds', 'Show the texture and the price', 'tiktok', 15, '{"colors": ["#1B1B1B", "#F4E9D8"], "tone": "warm"}', 'draft', false),
  ('80000000-0000-4000-8000-0000000a0002', '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003',
   'Winter bundle teaser', 'Announce the winter bundle', 'reels', 8, '{"tone": "playful"}', 'draft', true),
  ('80000000-0000-4000-8000-0000000a0003', '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
   'Founder story (landscape)', 'Why we started', 'landscape', 60, '{}', 'draft', false)
on conflict (id) do nothing;
update public.ai_video_projects set status = 'planning' where workspace_id = '10000000-0000-4000-8000-000000000001' and status = 'draft';
update public.ai_video_projects set status = 'generating_images', scene_plan = '[{"index": 0, "prompt": "jar on marble", "seconds": 4}]'
where workspace_id = '10000000-0000-4000-8000-000000000001' and status = 'planning';
update public.ai_video_projects set status = 'generating_video'
where id in ('80000000-0000-4000-8000-0000000a0001', '80000000-0000-4000-8000-0000000a0002') and status = 'generating_images';
insert into public.ai_video_jobs (id, workspace_id, project_id, job_type, external_operation_id, cost_micros, status)
values
  ('80000000-0000-4000-8000-0000000b0001', '10000000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-0000000a0001', 'image_generation', 'seed-op-1', 39000, 'pending'),
  ('80000000-0000-4000-8000-0000000b0002', '10000000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-0000000a0001', 'video_generation', 'seed-op-2', 6000000, 'pending'),
  ('80000000-0000-4000-8000-0000000b0003', '10000000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-0000000a0002', 'video_generation', 'seed-op-3', 0, 'pending'),
  ('80000000-0000-4000-8000-0000000b0004', '10000000-0000-4000-8000-000000000001', '80000000-0000-4000-8000-0000000a0003', 'image_generation', 'seed-op-4', 0, 'pending')
on conflict (id) do nothing;
update public.ai_video_jobs set status = 'processing' where workspace_id = '10000000-0000-4000-8000-000000000001' and status = 'pending';
update public.ai_video_jobs set status = 'completed',
  result_path = case when id = '80000000-0000-4000-8000-0000000b0002'
                     then '10000000-0000-4000-8000-000000000001/80000000-0000-4000-8000-0000000a0001/final.mp4' end
where id in ('80000000-0000-4000-8000-0000000b0001', '80000000-0000-4000-8000-0000000b0002') and status = 'processing';
update public.ai_video_jobs set status = 'failed', error = 'image provider quota exceeded'
where id = '80000000-0000-4000-8000-0000000b0004' and status = 'processing';

-- ===== demos: the published glow serum demo (its knowledge is the knowledge seed's demo collection,
-- 50000000-...-0002, owner 40000000-...-0001) with videos, a conversation and its transcript; a private draft
insert into public.demos (id, workspace_id, name, description, agent_name, agent_personality, agent_greeting, agent_objectives,
                          cta_text, cta_link, tavus_persona_id)
values
  ('40000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'Glow Serum walkthrough',
   'A three-minute tour of the vitamin C serum with Bea answering questions.', 'Bea',
   'Warm, concise, never pushy; a skincare chemist who names every active ingredient and its strength.',
   'Hi, I''m Bea! Want to see how Glow Serum fits into a morning routine?',
   array['explain the ingredients', 'offer the starter bundle'], 'Get 15% off', 'https://demo-brand.example/products/glow-serum?ref=demo',
   'p-seed-bea'),
  ('40000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'Spring bundle (draft)',
   'Not public yet.', 'Bea', 'Friendly and helpful', 'Hello!', '{}', null, null, null)
on conflict (id) do nothing;

insert into public.demo_videos (id, workspace_id, demo_id, title, storage_path, order_index, duration_seconds, processing_status, transcript)
select ('40000000-0000-4000-8000-0000000001' || lpad(i::text, 2, '0'))::uuid, '10000000-0000-4000-8000-000000000001',
       '40000000-0000-4000-8000-000000000001',
       (array['Product Demo', 'Routine', 'Ingredients and price'])[i],
       '10000000-0000-4000-8000-000000000001/40000000-0000-4000-8000-000000000001/part-' || i || '.mp4',
       i - 1, 40 + i * 20, 'completed',
       (array['Three drops every morning on clean, dry skin, then moisturiser and sunscreen.',
              'Use it in the morning and keep retinol for the night; a 30 ml bottle lasts about two months.',
              '15% vitamin C, ferulic acid and vitamin E, vegan and fragrance free. 32 for 30 ml.'])[i]
from generate_series(1, 3) i
on conflict (id) do nothing;
update public.demos set status = 'published' where id = '40000000-0000-4000-8000-000000000001' and status = 'draft';

insert into public.demo_conversations (id, workspace_id, demo_id, conversation_id, status, started_at, ended_at, shutdown_reason,
                                       transcript_ready_at, last_event_at)
values ('40000000-0000-4000-8000-000000000c01', '10000000-0000-4000-8000-000000000001', '40000000-0000-4000-8000-000000000001',
        'c-seed-0001', 'ended', now() - interval '3 hours', now() - interval '3 hours' + interval '6 minutes', 'participant left',
        now() - interval '3 hours' + interval '7 minutes', now() - interval '3 hours' + interval '7 minutes')
on conflict (workspace_id, conversation_id) do nothing;
insert into public.conversation_messages (workspace_id, conversation_id, message_index, role, content, occurred_at, sentiment, intent, confidence)
select '10000000-0000-4000-8000-000000000001', 'c-seed-0001', m.i - 1, m.role::public.conversation_role, m.content,
       now() - interval '3 hours' + (m.i * 40 || ' seconds')::interval, m.sentiment, m.intent, m.confidence
from (values (1, 'assistant', 'Hi, I''m Bea! Want to see how Glow Serum fits into a morning routine?', 'positive', 'greeting', 0.95),
             (2, 'user', 'Yes. Can I use it with my retinol?', 'neutral', 'product_question', 0.88),
             (3, 'assistant', 'Yes, but not at the same time: Glow Serum in the morning, retinol at night.', 'positive', 'answer', 0.91),
             (4, 'user', 'How much is it?', 'neutral', 'pricing_question', 0.97),
             (5, 'assistant', '32 for 30 ml, about two months of mornings, and 15% off from this demo.', 'positive', 'answer', 0.93))
     as m (i, role, content, sentiment, intent, confidence)
on conflict (workspace_id, conversation_id, message_index) do nothing;

-- ===== Slack cache: channels, people, two weeks of messages, a kept thread, a poll, a transcript
insert into public.slack_channels (workspace_id, team_id, slack_channel_id, name, is_private, member_count)
values ('10000000-0000-4000-8000-000000000001', 'TDEMO1', 'CGROWTH1', 'growth', false, 6),
       ('10000000-0000-4000-8000-000000000001', 'TDEMO1', 'CADS0001', 'ads-alerts', false, 4),
       ('10000000-0000-4000-8000-000000000001', 'TDEMO1', 'CLEAD001', 'leadership', true, 3)
on conflict (workspace_id, slack_channel_id) do nothing;
insert into public.slack_users (workspace_id, team_id, slack_user_id, name, real_name, email, is_admin, is_bot)
values ('10000000-0000-4000-8000-000000000001', 'TDEMO1', 'UOLIVE01', 'olive', 'Olive Owner', 'owner@demo.test', true, false),
       ('10000000-0000-4000-8000-000000000001', 'TDEMO1', 'UADAM001', 'adam', 'Adam Admin', 'admin@demo.test', false, false),
       ('10000000-0000-4000-8000-000000000001', 'TDEMO1', 'UMIA0001', 'mia', 'Mia Member', 'member@demo.test', false, false),
       ('10000000-0000-4000-8000-000000000001', 'TDEMO1', 'UBRI0001', 'bri', 'Bri (assistant)', null, false, true)
on conflict (workspace_id, slack_user_id) do nothing;

-- One message a day for 14 days in #growth; days 3 and 9 start threads with 2 and 4 replies.
insert into public.slack_messages (workspace_id, slack_channel_id, ts, thread_ts, slack_user_id, text, posted_at)
select '10000000-0000-4000-8000-000000000001', 'CGROWTH1', b.ts, case when d in (3, 9) then b.ts end,
       (array['UOLIVE01', 'UADAM001', 'UMIA0001'])[1 + d % 3],
       'Daily growth note #' || d || ': ROAS ' || (2.1 + d * 0.05)::numeric(4, 2), to_timestamp(b.epoch)
from generate_series(1, 14) d
cross join lateral (select floor(extract(epoch from date_trunc('hour', now()) - (d || ' days')::interval))::bigint as epoch) e
cross join lateral (select e.epoch || '.000100' as ts, e.epoch) b
on conflict (workspace_id, slack_channel_id, ts) do nothing;
insert into public.slack_messages (workspace_id, slack_channel_id, ts, thread_ts, slack_user_id, text, posted_at)
select '10000000-0000-4000-8000-000000000001', 'CGROWTH1', (p.epoch + r * 60) || '.000200', p.epoch || '.000100',
       (array['UADAM001', 'UMIA0001', 'UBRI0001', 'UOLIVE01'])[r], 'Reply ' || r || ' to day ' || p.d, to_timestamp(p.epoch + r * 60)
from (select d, floor(extract(epoch from date_trunc('hour', now()) - (d || ' days')::interval))::bigint as epoch
      from unnest(array[3, 9]) d) p
cross join generate_series(1, case when p.d = 3 then 2 else 4 end) r
on conflict (workspace_id, slack_channel_id, ts) do nothing;
update public.slack_threads set preserved = true, preserved_by = '00000000-0000-4000-8000-000000000002'
where workspace_id = '10000000-0000-4000-8000-000000000001' and reply_count = 4;

insert into public.slack_assistant_settings (workspace_id, setting_key, setting_value, updated_by)
values ('10000000-0000-4000-8000-000000000001', 'digest.channel', '"CGROWTH1"', '00000000-0000-4000-8000-000000000002'),
       ('10000000-0000-4000-8000-000000000001', 'standup.time', '"09:30"', '00000000-0000-4000-8000-000000000002')
on conflict (workspace_id, setting_key) do nothing;
insert into public.slack_poll_states (workspace_id, poll_id, slack_channel_id, thread_ts, question, options, responses, closes_at)
values ('10000000-0000-4000-8000-000000000001', 'poll-launch-day', 'CGROWTH1', null, 'Which day do we launch the winter bundle?',
        array['Thursday', 'Friday', 'Monday'], '{"UOLIVE01": 1, "UADAM001": 1, "UMIA0001": 0}', now() + interval '2 days')
on conflict (workspace_id, poll_id) do nothing;
insert into public.meeting_transcripts (id, workspace_id, title, created_by, slack_channel_id, meeting_at, duration_seconds,
                                        participants, transcript_text, key_insights, action_items)
values ('80000000-0000-4000-8000-0000000e0001', '10000000-0000-4000-8000-000000000001', 'Weekly growth sync',
        '00000000-0000-4000-8000-000000000002', 'CGROWTH1', date_trunc('day', now()) - interval '1 day' + interval '9 hours', 1800,
        array['Olive', 'Adam', 'Mia'],
        'Olive: ROAS held at 2.6. Adam: Meta CPMs are up 12 percent. Mia: the balm demo converts at 4 percent.',
        array['Demo traffic converts above paid social', 'CPMs rising into Q4'],
        '[{"owner": "Mia", "task": "Add the demo link to the welcome email", "due": "next Friday"},
          {"owner": "Adam", "task": "Shift 10 percent of Meta budget to Google Shopping"}]')
on conflict (id) do nothing;

-- The completed AI video took 14 minutes (triggers stamp times; seeding happens in one instant).
set session_replication_role = replica;
update public.ai_video_projects set started_at = completed_at - interval '14 minutes'
where id = '80000000-0000-4000-8000-0000000a0001' and completed_at - started_at < interval '1 minute';
set session_replication_role = origin;
