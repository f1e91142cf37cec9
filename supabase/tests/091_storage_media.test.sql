-- Storage and media from the outside: buckets, storage.objects policies by bucket and path (rows
-- inserted and read as different users, as the Storage API does), quotas and usage; folders that
-- refuse cycles; private videos, shares and comments; Mux events; AI video projects and jobs.
begin;
set search_path = extensions, public;
select plan(63);

select tests.without_demo_data();  -- counts below are table-wide
select tests.two_workspaces();
with r as (insert into public.demos (workspace_id, name) values
  (tests.workspace_id('A'), 'A draft'),
  (tests.workspace_id('A'), 'A published'),
  (tests.workspace_id('B'), 'B demo') returning id, name)
select tests.remember(name, id) from r;
insert into public.demo_videos (workspace_id, demo_id, title, storage_path, order_index) values
  (tests.workspace_id('A'), tests.id('A published'), 'Intro',
   format('%s/%s/intro.mp4', tests.workspace_id('A'), tests.id('A published')), 0);
update public.demos set status = 'published' where id = tests.id('A published');

-- ---------- buckets
select results_eq($$ select id, public, file_size_limit from storage.buckets order by id $$,
  $$ values ('ai-videos', false, 524288000::bigint), ('data-exports', false, 1073741824), ('demo-videos', false, 104857600),
            ('knowledge-uploads', false, 52428800), ('marketing-assets', false, 104857600), ('review-media', false, 52428800) $$,
  'six private buckets; demo-videos takes 100 MB files');

-- ---------- workspace media buckets
select tests.authenticate_as('member-a');
select lives_ok($$ insert into storage.objects (bucket_id, name, owner, metadata) values
  ('ai-videos', tests.workspace_id('A') || '/p1/clip.mp4', tests.user_id('member-a'), '{"size": 1000}') $$,
  'a member uploads into their workspace''s folder');
select throws_ok($$ insert into storage.objects (bucket_id, name) values
  ('ai-videos', tests.workspace_id('B') || '/p1/clip.mp4') $$, '42501', null,
  'but not into another workspace''s folder');
select throws_ok($$ insert into storage.objects (bucket_id, name) values ('review-media', 'photo.jpg') $$, '42501', null,
  'nor outside any workspace folder');
select throws_ok($$ insert into storage.objects (bucket_id, name) values
  ('data-exports', tests.workspace_id('A') || '/privacy/x.json') $$, '42501', null,
  'nobody uploads export documents but the worker');
select tests.authenticate_as('viewer-a');
select results_eq($$ select name from storage.objects $$, $$ values (tests.workspace_id('A') || '/p1/clip.mp4') $$,
  'a viewer reads their workspace''s media');
select throws_ok($$ insert into storage.objects (bucket_id, name) values
  ('knowledge-uploads', tests.workspace_id('A') || '/doc.pdf') $$, '42501', null, 'a viewer cannot upload');
select tests.authenticate_as('owner-b');
select is_empty($$ select * from storage.objects where bucket_id = 'ai-videos' $$, 'another workspace''s owner reads nothing');
select is_empty($$ update storage.objects set metadata = '{"size": 1}' returning id $$, 'and changes nothing');
set local storage.allow_delete_query = 'true';
select is_empty($$ delete from storage.objects returning id $$, 'and deletes nothing');
select tests.authenticate_as_anon();
select is_empty($$ select * from storage.objects where bucket_id <> 'demo-videos' $$, 'anon reads no workspace media');

-- ---------- demo-videos: by demo, anon only for published demos
select tests.authenticate_as('member-a');
select lives_ok($$ insert into storage.objects (bucket_id, name, metadata) values
  ('demo-videos', format('%s/%s/draft.mp4', tests.workspace_id('A'), tests.id('A draft')), '{"size": 2000}'),
  ('demo-videos', format('%s/%s/intro.mp4', tests.workspace_id('A'), tests.id('A published')), '{"size": 3000}') $$,
  'a member uploads into their demos'' folders');
select throws_ok($$ insert into storage.objects (bucket_id, name) values
  ('demo-videos', format('%s/%s/x.mp4', tests.workspace_id('A'), gen_random_uuid())) $$, '42501', null,
  'not into a folder of a demo that does not exist');
select throws_ok($$ insert into storage.objects (bucket_id, name) values
  ('demo-videos', format('%s/%s/x.mp4', tests.workspace_id('B'), tests.id('B demo'))) $$, '42501', null,
  'nor into another workspace''s demo');
select throws_ok($$ insert into storage.objects (bucket_id, name) values
  ('demo-videos', format('%s/%s/x.mp4', tests.workspace_id('A'), tests.id('B demo'))) $$, '42501', null,
  'nor under their workspace with another workspace''s demo id');
select tests.authenticate_as_anon();
select results_eq($$ select name from storage.objects $$,
  $$ values (format('%s/%s/intro.mp4', tests.workspace_id('A'), tests.id('A published'))) $$,
  'anon reads the published demo''s media and not the draft''s');
select throws_ok($$ insert into storage.objects (bucket_id, name) values
  ('demo-videos', format('%s/%s/evil.mp4', tests.workspace_id('A'), tests.id('A published'))) $$, '42501', null,
  'anon uploads nothing');
select tests.authenticate_as('member-a');
select is((select count(*) from storage.objects where bucket_id = 'demo-videos'), 2::bigint, 'the member reads both demos'' media');
set local storage.allow_delete_query = 'true';
select results_eq($$ delete from storage.objects where name like '%/draft.mp4' returning bucket_id $$, $$ values ('demo-videos') $$,
  'a member deletes their demo''s media (through the Storage API)');

-- ---------- usage and quota
select tests.clear_authentication();
-- Expected: ai-videos 1000 bytes / 1 object; demo-videos 3000 bytes / 1 object (2000 deleted).
select results_eq($$ select bucket_id, bytes, objects from public.workspace_storage_usage order by bucket_id $$,
  $$ values ('ai-videos', 1000::bigint, 1::bigint), ('demo-videos', 3000::bigint, 1::bigint) $$,
  'usage is counted per workspace and bucket, deletions included');
update storage.objects set metadata = '{"size": 1500}' where bucket_id = 'ai-videos';
select is((select bytes from public.workspace_storage_usage where bucket_id = 'ai-videos'), 1500::bigint,
  'a size filled in after upload replaces the first count');
select tests.authenticate_as('viewer-a');
select is((select sum(bytes) from public.workspace_storage_usage), 4500::numeric, 'viewers read usage');
select tests.authenticate_as('owner-b');
select is_empty($$ select * from public.workspace_storage_usage $$, 'of their workspace only');
select tests.clear_authentication();
update public.workspaces set storage_quota_bytes = 4500 where id = tests.workspace_id('A');
select tests.authenticate_as('member-a');
select throws_ok($$ insert into storage.objects (bucket_id, name) values ('ai-videos', tests.workspace_id('A') || '/p2/x.mp4') $$,
  '42501', null, 'a workspace at its quota (4500 of 4500 bytes) takes no more uploads');
select throws_ok($$ update public.workspaces set plan = 'enterprise' where id = tests.workspace_id('A') $$,
  '42501', null, 'members cannot change the plan');
select tests.authenticate_as_service_role();
select is((select storage_quota_bytes from private.set_workspace_plan(tests.workspace_id('A'), 'pro')), 107374182400::bigint,
  'billing sets the plan and its quota (pro: 100 GiB)');
select tests.authenticate_as('member-a');
select lives_ok($$ insert into storage.objects (bucket_id, name) values ('ai-videos', tests.workspace_id('A') || '/p2/x.mp4') $$,
  'with room again, uploads resume');

-- ---------- folders refuse cycles
select tests.authenticate_as('member-a');
with r as (insert into public.video_folders (workspace_id, parent_id, name) values (tests.workspace_id('A'), null, 'Root') returning id, name)
select tests.remember(name, id) from r;
with r as (insert into public.video_folders (workspace_id, parent_id, name) values (tests.workspace_id('A'), tests.id('Root'), 'Ads') returning id, name)
select tests.remember(name, id) from r;
with r as (insert into public.video_folders (workspace_id, parent_id, name) values (tests.workspace_id('A'), tests.id('Ads'), 'Meta') returning id, name)
select tests.remember(name, id) from r;
select throws_ok($$ update public.video_folders set parent_id = tests.id('Meta')
                    where id = tests.id('Root') $$, '22023',
  'a folder cannot be moved into itself or one of its own subfolders', 'moving a folder under its grandchild is refused');
select throws_ok($$ update public.video_folders set parent_id = id where id = tests.id('Ads') $$, '22023',
  null, 'a folder cannot be its own parent');
select lives_ok($$ update public.video_folders set parent_id = tests.id('Root')
                   where id = tests.id('Meta') $$, 'moving a folder up the tree is fine');
select throws_ok($$ insert into public.video_folders (workspace_id, parent_id, name)
                    values (tests.workspace_id('A'), tests.id('Root'), 'ADS') $$,
  '23505', null, 'two folders in one place cannot share a name (case-insensitive)');
select tests.authenticate_as('owner-b');
select throws_ok($$ insert into public.video_folders (workspace_id, parent_id, name)
                    values (tests.workspace_id('B'), tests.id('Root'), 'Steal') $$,
  '23503', null, 'a folder cannot sit in another workspace''s folder');
select is_empty($$ select * from public.video_folders $$, 'another workspace sees no folders');

-- ---------- videos: visibility and shares
select tests.authenticate_as('member-a');
with r as (insert into public.videos (workspace_id, folder_id, title, visibility, duration_seconds) values
  (tests.workspace_id('A'), tests.id('Ads'), 'Team cut', 'workspace', 60),
  (tests.workspace_id('A'), null, 'Rough cut', 'private', 30) returning id, title)
select tests.remember(title, id) from r;
select throws_ok($$ insert into public.videos (workspace_id, title, created_by)
                    values (tests.workspace_id('A'), 'spoof', tests.user_id('admin-a')) $$,
  '42501', null, 'a member adds videos as themselves only');
select tests.authenticate_as('viewer-a');
select results_eq($$ select title from public.videos $$, $$ values ('Team cut') $$, 'a viewer sees workspace videos, not private ones');
select tests.authenticate_as('admin-a');
select is((select count(*) from public.videos), 2::bigint, 'an admin sees private videos too');
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.video_permissions (workspace_id, video_id, user_id)
                    values (tests.workspace_id('A'), tests.id('Rough cut'), tests.user_id('owner-b')) $$,
  '22023', 'a video can only be shared with members of its workspace', 'no sharing outside the workspace');
insert into public.video_permissions (workspace_id, video_id, user_id, permission_level)
  values (tests.workspace_id('A'), tests.id('Rough cut'), tests.user_id('viewer-a'), 'view');
select tests.authenticate_as('viewer-a');
select is((select count(*) from public.videos), 2::bigint, 'a view share shows the private video');
select throws_ok($$ insert into public.video_comments (workspace_id, video_id, body)
                    values (tests.workspace_id('A'), tests.id('Rough cut'), 'hi') $$,
  '42501', null, 'a viewer with a view share cannot comment');
select tests.authenticate_as('member-a');
update public.video_permissions set permission_level = 'comment' where user_id = tests.user_id('viewer-a');
select tests.authenticate_as('viewer-a');
select lives_ok($$ insert into public.video_comments (workspace_id, video_id, body, timestamp_seconds, user_id)
                   values (tests.workspace_id('A'), tests.id('Rough cut'), 'cut here', 12.5,
                           tests.user_id('member-a')) $$, 'a comment share can comment');
select results_eq($$ select user_id, timestamp_seconds from public.video_comments $$,
  $$ values (tests.user_id('viewer-a'), 12.500::numeric) $$, 'as themselves, whatever user_id they send');
select throws_ok($$ insert into public.video_comments (workspace_id, video_id, body, timestamp_seconds)
                    values (tests.workspace_id('A'), tests.id('Rough cut'), 'late', 31) $$,
  '22023', null, 'a comment cannot point past the end of the video (30 s)');
select is_empty($$ update public.videos set title = 'mine now' where id = tests.id('Rough cut') returning id $$,
  'a comment share cannot edit the video');
select tests.authenticate_as('owner-b');
select is_empty($$ select * from public.videos $$, 'another workspace sees no videos');
select is_empty($$ select * from public.video_comments $$, 'nor comments');
select throws_ok($$ select public.record_video_view(tests.id('Team cut')) $$, 'PT404', null,
  'nor counts views of them');
select tests.authenticate_as('viewer-a');
select is(public.record_video_view(tests.id('Team cut')), 1::bigint, 'a viewer''s view is counted');

-- ---------- Mux events move videos along
select tests.clear_authentication();
update public.videos set mux_upload_id = 'up_1' where id = tests.id('Team cut');
select private.receive_webhook('mux', 'video.upload.asset_created', 'ev1', repeat('a', 64),
  '{"type": "video.upload.asset_created", "data": {"id": "up_1", "asset_id": "as_1"}}');
select results_eq($$ select status::text, mux_asset_id from public.videos where id = tests.id('Team cut') $$,
  $$ values ('processing', 'as_1') $$, 'an upload''s asset links to the video');
select private.receive_webhook('mux', 'video.asset.ready', 'ev2', repeat('b', 64),
  '{"type": "video.asset.ready", "data": {"id": "as_1", "duration": 61.25, "playback_ids": [{"id": "pb_1"}]}}');
select results_eq($$ select status::text, duration_seconds, mux_playback_id from public.videos where id = tests.id('Team cut') $$,
  $$ values ('ready', 61.250::numeric, 'pb_1') $$, 'a ready asset makes the video playable with its duration');

-- ---------- AI video projects and jobs
select tests.authenticate_as('member-a');
with r as (insert into public.ai_video_projects (workspace_id, title, goal, platform, duration_s) values
  (tests.workspace_id('A'), 'Launch teaser', 'Announce the new balm', 'tiktok', 15) returning id, title)
select tests.remember(title, id) from r;
select throws_ok($$ insert into public.ai_video_projects (workspace_id, title, goal, platform, duration_s)
                    values (tests.workspace_id('A'), 'x', 'y', 'reels', 121) $$, '23514', null,
  'duration is 1-120 seconds');
select throws_ok($$ insert into public.ai_video_projects (workspace_id, title, goal, platform, duration_s, status)
                    values (tests.workspace_id('A'), 'x', 'y', 'reels', 10, 'completed') $$, '22023', null,
  'a new project is a draft');
select lives_ok($$ update public.ai_video_projects set status = 'planning' $$, 'a member starts a draft');
select throws_ok($$ update public.ai_video_projects set status = 'generating_images' $$, '42501', null,
  'members cannot move generation along');
select throws_ok($$ update public.ai_video_projects set goal = 'changed' $$, 'PT409', null, 'a started project cannot be edited');
select tests.authenticate_as_service_role();
update public.ai_video_projects set status = 'generating_images', scene_plan = '[{"index": 0, "prompt": "jar on marble"}]';
insert into public.ai_video_jobs (workspace_id, project_id, job_type, external_operation_id) values
  (tests.workspace_id('A'), tests.id('Launch teaser'), 'image_generation', 'op-img-1'),
  (tests.workspace_id('A'), tests.id('Launch teaser'), 'image_generation', 'op-img-2'),
  (tests.workspace_id('A'), tests.id('Launch teaser'), 'video_generation', 'op-vid-1');
update public.ai_video_jobs set status = 'processing';
select is(private.report_ai_video_operation('op-img-1', 'completed', 39000)::text, 'completed', 'an image job reports $0.039');
select is(private.report_ai_video_operation('op-img-1', 'completed', 99999)::text, 'completed', 'a repeated report is ignored');
select private.report_ai_video_operation('op-img-2', 'completed', 39000);
update public.ai_video_projects set status = 'generating_video';
select private.report_ai_video_operation('op-vid-1', 'completed', 6000000, null,
  format('%s/%s/final.mp4', tests.workspace_id('A'), tests.id('Launch teaser')));
select results_eq($$ select status::text, result_path, completed_at is not null from public.ai_video_projects $$,
  $$ values ('completed', format('%s/%s/final.mp4', tests.workspace_id('A'), tests.id('Launch teaser')), true) $$,
  'the video job''s completion completes the project with its result');
select throws_ok($$ update public.ai_video_projects set status = 'planning' $$, 'PT409', null, 'completed is final');
-- a second project whose job fails
with r as (insert into public.ai_video_projects (workspace_id, title, goal, platform, duration_s, status) values
  (tests.workspace_id('A'), 'Second', 'Try again', 'landscape', 8, 'draft') returning id, title)
select tests.remember(title, id) from r;
update public.ai_video_projects set status = 'planning' where id = tests.id('Second');
insert into public.ai_video_jobs (workspace_id, project_id, job_type, external_operation_id, status) values
  (tests.workspace_id('A'), tests.id('Second'), 'image_generation', 'op-img-3', 'pending');
update public.ai_video_jobs set status = 'processing' where external_operation_id = 'op-img-3';
select private.report_ai_video_operation('op-img-3', 'failed', 0, null, null, 'quota exceeded');
select results_eq($$ select status::text, error from public.ai_video_projects where id = tests.id('Second') $$,
  $$ values ('failed', 'quota exceeded') $$, 'a failed job fails its project with the reason');
select tests.authenticate_as('member-a');
select lives_ok($$ update public.ai_video_projects set status = 'draft' where id = tests.id('Second') $$,
  'a member retries a failed project as a draft');
-- Expected: 2 projects, 1 completed, 0 failed (retried), 0 in progress; cost 39000 + 39000 + 6000000 + 0 = 6078000 micros over 4 jobs.
select results_eq($$ select projects, completed, failed, in_progress, total_cost_micros, jobs from public.ai_video_stats $$,
  $$ values (2::bigint, 1::bigint, 0::bigint, 0::bigint, 6078000::bigint, 4::bigint) $$, 'ai_video_stats adds it up');
select tests.authenticate_as('owner-b');
select is_empty($$ select * from public.ai_video_stats $$, 'another workspace sees no stats');
select is_empty($$ select * from public.ai_video_jobs $$, 'nor jobs');

select * from finish();
rollback;
