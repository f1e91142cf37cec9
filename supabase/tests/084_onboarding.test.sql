-- Onboarding and feature tours from the outside: personal rows nobody else sees (not even the
-- workspace's owner), onboarding only in one's own workspaces, the RPCs' counting, tour rules.
begin;
set search_path = extensions, public;
select plan(30);

select tests.without_demo_data();
select tests.two_workspaces();
insert into public.onboarding_progress (user_id, workspace_id, step_key, step_order, status) values
  (tests.user_id('member-a'), tests.workspace_id('A'), 'connect_shop', 1, 'completed'),
  (tests.user_id('owner-a'), tests.workspace_id('A'), 'connect_shop', 1, 'in_progress');
insert into public.feature_tours (user_id, tour_key, tour_name, steps) values
  (tests.user_id('member-a'), 'dashboard', 'Dashboard tour', '[{"title": "KPIs", "body": "Your numbers"}, {"title": "Leads", "body": "Your inbox", "target": "#inbox"}]'),
  (tests.user_id('owner-a'), 'dashboard', 'Dashboard tour', '[{"title": "KPIs", "body": "Your numbers"}]');

-- ---------- personal: each user sees only their own rows
select tests.authenticate_as('member-a');
select results_eq($$ select user_id, step_key from public.onboarding_progress $$,
  $$ values (tests.user_id('member-a'), 'connect_shop'::text) $$, 'a member sees only their own onboarding');
select results_eq($$ select user_id from public.feature_tours $$, $$ values (tests.user_id('member-a')) $$,
  'a member sees only their own tours');
select tests.authenticate_as('owner-a');
select results_eq($$ select user_id from public.onboarding_progress $$, $$ values (tests.user_id('owner-a')) $$,
  'the workspace owner does not see a teammate''s onboarding');
select results_eq($$ select user_id from public.feature_tours $$, $$ values (tests.user_id('owner-a')) $$,
  'the workspace owner does not see a teammate''s tours');
select is_empty($$ update public.onboarding_progress set status = 'skipped' where user_id = tests.user_id('member-a') returning 1 $$,
  'the owner cannot change a teammate''s onboarding');
select is_empty($$ delete from public.feature_tours where user_id = tests.user_id('member-a') returning 1 $$,
  'the owner cannot delete a teammate''s tour');
select throws_ok($$ insert into public.onboarding_progress (user_id, workspace_id, step_key) values (tests.user_id('member-a'), tests.workspace_id('A'), 'x') $$,
  '42501', null, 'nobody writes onboarding rows for someone else');
select throws_ok($$ insert into public.feature_tours (user_id, tour_key, tour_name, steps) values (tests.user_id('member-a'), 'x', 'X', '[{"title": "a", "body": "b"}]') $$,
  '42501', null, 'nobody writes tours for someone else');
select throws_ok($$ update public.onboarding_progress set user_id = tests.user_id('member-a') $$,
  '42501', null, 'an onboarding row cannot be handed to someone else');
select tests.authenticate_as('owner-b');
select is_empty($$ select * from public.onboarding_progress $$, 'another workspace''s owner sees no onboarding of A');
select throws_ok($$ insert into public.onboarding_progress (workspace_id, step_key) values (tests.workspace_id('A'), 'spy') $$,
  '42501', null, 'onboarding happens only in one''s own workspaces');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.onboarding_progress $$, '42501', null, 'anon cannot read onboarding');
select throws_ok($$ select * from public.feature_tours $$, '42501', null, 'anon cannot read tours');
select throws_ok($$ select public.record_onboarding_step(tests.workspace_id('A'), 'x', 'in_progress') $$, '42501', null,
  'anon cannot record onboarding');
select tests.clear_authentication();

-- ---------- record_onboarding_step counts attempts and time
select tests.authenticate_as('viewer-a');
select results_eq($$ select status::text, attempts, time_spent_seconds, started_at is not null, completed_at is null
                     from public.record_onboarding_step(tests.workspace_id('A'), 'invite_team', 'in_progress', 30, 2) $$,
  $$ values ('in_progress'::text, 1, 30, true, true) $$, 'a viewer starts a step: attempt 1, 30 s');
select results_eq($$ select status::text, attempts, time_spent_seconds, step_order
                     from public.record_onboarding_step(tests.workspace_id('A'), 'invite_team', 'in_progress', 15) $$,
  $$ values ('in_progress'::text, 1, 45, 2) $$, 'still in progress: the same attempt, time adds up, the order is kept');
select results_eq($$ select status::text, attempts, completed_at is not null
                     from public.record_onboarding_step(tests.workspace_id('A'), 'invite_team', 'skipped', 5) $$,
  $$ values ('skipped'::text, 1, true) $$, 'skipping completes the step');
select results_eq($$ select status::text, attempts, time_spent_seconds, completed_at is null
                     from public.record_onboarding_step(tests.workspace_id('A'), 'invite_team', 'in_progress', 10) $$,
  $$ values ('in_progress'::text, 2, 60, true) $$, 'coming back to it is a second attempt; completed_at clears');
select throws_ok($$ select public.record_onboarding_step(tests.workspace_id('A'), 'invite_team', 'completed', -1) $$,
  '22023', 'p_seconds_spent: between 0 and 86400 seconds per call', 'negative time is refused');
select throws_ok($$ select public.record_onboarding_step(tests.workspace_id('B'), 'invite_team', 'completed') $$,
  '42501', null, 'no onboarding in a workspace one does not belong to');
select throws_ok($$ select public.record_onboarding_step(tests.workspace_id('A'), 'Bad Key', 'completed') $$,
  '23514', null, 'step keys are short lowercase keys');
select tests.authenticate_as('member-a');
select is_empty($$ select 1 from public.onboarding_progress where step_key = 'invite_team' $$, 'the viewer''s steps stay the viewer''s');

-- ---------- tours
select results_eq($$ select status::text, times_shown, last_shown_at is not null from public.track_feature_tour('dashboard', 'shown') $$,
  $$ values ('active'::text, 1, true) $$, 'shown: pending becomes active, times_shown counts');
select results_eq($$ select current_step, interactions from public.track_feature_tour('dashboard', 'step', 1) $$,
  $$ values (1, 1) $$, 'a step moves the tour and counts an interaction');
select throws_ok($$ select public.track_feature_tour('dashboard', 'step', 2) $$, '22023', 'current_step: the tour has 2 steps (0 to 1)',
  'the step must exist');
select results_eq($$ select status::text, completed_at is not null from public.track_feature_tour('dashboard', 'completed') $$,
  $$ values ('completed'::text, true) $$, 'completing stamps completed_at');
select throws_ok($$ select public.track_feature_tour('billing', 'shown') $$, 'PT404', 'you have no tour billing', 'an unknown tour is not found');
select throws_ok($$ insert into public.feature_tours (tour_key, tour_name, steps) values ('empty', 'Empty', '[]') $$,
  '22023', 'steps: give 1 to 50 steps', 'a tour has steps');
select throws_ok($$ insert into public.feature_tours (tour_key, tour_name, steps) values ('bad', 'Bad', '[{"title": "a"}]') $$,
  '22023', 'steps[0]: needs a title (up to 200 characters) and a body (up to 2000), optionally a target', 'steps have a title and a body');
select tests.authenticate_as('owner-a');
select results_eq($$ select times_shown, status::text from public.feature_tours $$, $$ values (0, 'pending'::text) $$,
  'a teammate''s tour events leave the owner''s own tour alone');
select tests.clear_authentication();

select * from finish();
rollback;
