-- Mux uploads and playback from the outside: who may start an upload, the plan's quota, what
-- members may not write (status, Mux ids), binding the upload once, webhook events matched by
-- upload, asset or passthrough and never undoing a finished state, and playback ids only for
-- those who may see the video.
begin;
set search_path = extensions, public;
select plan(23);

select tests.two_workspaces();

-- ================= starting an upload
select tests.authenticate_as('member-a');
select tests.remember('private cut', (public.create_video_upload(tests.workspace_id('A'), 'Private cut', 1000, null, 'private')).id);
select results_eq($$ select status::text, created_by, size_bytes, visibility::text from public.videos where id = tests.id('private cut') $$,
  $$ values ('uploading', tests.user_id('member-a'), 1000::bigint, 'private') $$, 'a member''s upload starts as an uploading video of theirs');
select throws_ok($$ select public.create_video_upload(tests.workspace_id('A'), 'x', 0) $$, '22023', null, 'the size is required and positive');
select throws_ok($$ select public.create_video_upload(null, 'x', 10) $$, '22023', null, 'the workspace is required');
select tests.authenticate_as('viewer-a');
select throws_ok($$ select public.create_video_upload(tests.workspace_id('A'), 'x', 10) $$, '42501', null, 'a viewer cannot upload');
select tests.authenticate_as('owner-b');
select throws_ok($$ select public.create_video_upload(tests.workspace_id('A'), 'x', 10) $$, '42501', null,
  'another workspace''s owner cannot upload here');
select tests.authenticate_as_anon();
select throws_ok($$ select public.create_video_upload(tests.workspace_id('A'), 'x', 10) $$, '42501', null, 'anon cannot upload');

-- ================= quota by plan (free: 5 GiB), counting storage objects and live videos
select tests.clear_authentication();
select private.set_workspace_plan(tests.workspace_id('A'), 'free');
select tests.authenticate_as('member-a');
select lives_ok($$ select public.create_video_upload(tests.workspace_id('A'), 'Big', (4::bigint << 30)) $$, '4 GiB fits in 5 GiB');
select throws_like($$ select public.create_video_upload(tests.workspace_id('A'), 'Bigger', (2::bigint << 30)) $$,
  '%storage quota is full%', 'two more GiB do not (PT413)');
select throws_ok($$ select public.create_video_upload(tests.workspace_id('A'), 'Bigger', (2::bigint << 30)) $$, 'PT413', null,
  'the quota error is PT413');
select tests.clear_authentication();
update public.videos set status = 'errored' where title = 'Big';
select tests.authenticate_as('member-a');
select lives_ok($$ select public.create_video_upload(tests.workspace_id('A'), 'Bigger', (2::bigint << 30)) $$,
  'an errored video stops counting');

-- ================= members cannot write what Mux decides
select throws_ok($$ insert into public.videos (workspace_id, title, status) values (tests.workspace_id('A'), 'forged', 'ready') $$,
  '42501', null, 'a member cannot insert a ready video');
select throws_ok($$ insert into public.videos (workspace_id, title, mux_playback_id) values (tests.workspace_id('A'), 'forged', 'pb_other') $$,
  '42501', null, 'nor one with a playback id');
select throws_ok($$ update public.videos set mux_playback_id = 'pb_other' where id = tests.id('private cut') $$,
  '42501', null, 'nor point their video at another playback id');
select lives_ok($$ update public.videos set title = 'Private cut v2' where id = tests.id('private cut') $$, 'titles stay theirs to edit');

-- ================= binding the upload, once
select tests.authenticate_as_service_role();
select is((private.attach_mux_upload(tests.id('private cut'), 'up_1')).mux_upload_id, 'up_1', 'the upload is bound to the video');
select throws_ok($$ select private.attach_mux_upload(tests.id('private cut'), 'up_2') $$, 'PT409', null, 'and only once');
select tests.authenticate_as('member-a');
select throws_ok($$ select private.attach_mux_upload(tests.id('private cut'), 'up_3') $$, '42501', null, 'members cannot bind uploads');

-- ================= events: by upload, then by passthrough; never back from ready
select tests.clear_authentication();
select private.receive_webhook('mux', 'video.upload.asset_created', 'e1', repeat('a', 64),
  '{"type": "video.upload.asset_created", "data": {"id": "up_1", "asset_id": "as_1"}}');
select private.receive_webhook('mux', 'video.asset.ready', 'e2', repeat('b', 64), jsonb_build_object('type', 'video.asset.ready',
  'data', jsonb_build_object('id', 'as_other', 'passthrough', tests.id('private cut'), 'duration', 9.5,
  'playback_ids', jsonb_build_array(jsonb_build_object('id', 'pb_public', 'policy', 'public'), jsonb_build_object('id', 'pb_signed', 'policy', 'signed')))));
select results_eq($$ select status::text, mux_asset_id, mux_playback_id, duration_seconds from public.videos where id = tests.id('private cut') $$,
  $$ values ('ready', 'as_1', 'pb_signed', 9.500::numeric) $$, 'ready with its signed playback id, found by passthrough');
select private.receive_webhook('mux', 'video.asset.errored', 'e3', repeat('c', 64),
  '{"type": "video.asset.errored", "data": {"id": "as_1", "errors": {"messages": ["late"]}}}');
select is((select status::text from public.videos where id = tests.id('private cut')), 'ready', 'a late error never undoes ready');

-- ================= playback for those who may see the video
select tests.authenticate_as('member-a');
select results_eq($$ select mux_playback_id, visibility::text from public.video_playback(tests.id('private cut')) $$,
  $$ values ('pb_signed', 'private') $$, 'the creator gets the playback id');
select tests.authenticate_as('viewer-a');
select throws_ok($$ select public.video_playback(tests.id('private cut')) $$, 'PT404', null, 'a viewer without a share does not');
select tests.authenticate_as('owner-b');
select throws_ok($$ select public.video_playback(tests.id('private cut')) $$, 'PT404', null, 'nor another workspace');
select tests.authenticate_as('member-a');
select throws_ok($$ select public.video_playback(v.id) from public.videos v where v.title = 'Bigger' $$, 'PT409', null,
  'a video still uploading has nothing to play');

select * from finish();
rollback;
