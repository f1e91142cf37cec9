-- The AI video pipeline from the outside: starting a project queues its start; the worker's
-- begin makes the script step (under the lease only) and counts attempts; each finished stage
-- queues the next (voice, a clip per scene, the assembly) and the last completes the project
-- with its result; a retry puts a step back to pending with its error; a failed step fails the
-- project with the reason; nobody but the worker calls begin and finish; costs add up.
begin;
set search_path = extensions, public;
select plan(15);

select tests.two_workspaces();
create temp table claims (like private.connector_job_claim);
create function pg_temp.claim() returns void language sql as $$
  insert into pg_temp.claims select * from private.claim_connector_jobs('ai_video', 50) $$;
-- (the queue may hold other starts, e.g. the seed's projects: each test picks its own by payload)
create function pg_temp.job(p_type text, p_scene integer default null) returns uuid language sql as $$
  select j.id from public.ai_video_jobs j where j.job_type::text = p_type and j.scene_index is not distinct from p_scene
    and j.workspace_id = tests.workspace_id('A')
  order by j.created_at desc limit 1 $$;
-- one turn of the worker on a step: claim what is due, begin, finish with p_result
create function pg_temp.step(p_ai_job uuid, p_result jsonb) returns text language plpgsql as $$
declare
  c record;
begin
  perform pg_temp.claim();
  select * into c from pg_temp.claims where payload ->> 'ai_video_job_id' = p_ai_job::text order by job_id desc limit 1;
  perform private.begin_ai_video_step(c.job_id, c.lease_id, c.payload);
  return private.finish_ai_video_step(c.job_id, c.lease_id, p_ai_job, p_result);
end $$;

select tests.authenticate_as('member-a');
with r as (insert into public.ai_video_projects (workspace_id, title, goal, platform, duration_s)
           values (tests.workspace_id('A'), 'Teaser', 'Announce the balm', 'reels', 8) returning id, title)
select tests.remember(title, id) from r;
update public.ai_video_projects set status = 'planning' where id = tests.id('Teaser');
select throws_ok($$ select private.begin_ai_video_step(1, gen_random_uuid(), '{}') $$, '42501', null, 'members cannot work steps');

select tests.clear_authentication();
select results_eq($$ select payload ->> 'project_id', status::text from private.connector_jobs where queue = 'ai_video' and workspace_id = tests.workspace_id('A') $$,
  $$ values (tests.id('Teaser')::text, 'queued') $$, 'starting a project queues its start');
select pg_temp.claim();
select throws_ok($$ select private.begin_ai_video_step((select job_id from claims where payload ->> 'project_id' = tests.id('Teaser')::text), gen_random_uuid(), (select payload from claims where payload ->> 'project_id' = tests.id('Teaser')::text)) $$,
  'PT409', null, 'nothing begins under a lost lease');
select is((private.begin_ai_video_step((select job_id from claims where payload ->> 'project_id' = tests.id('Teaser')::text), (select lease_id from claims where payload ->> 'project_id' = tests.id('Teaser')::text),
  (select payload from claims where payload ->> 'project_id' = tests.id('Teaser')::text)) -> 'job' ->> 'job_type'), 'script', 'the start makes the script step');
select results_eq($$ select status::text, attempts, prompt from public.ai_video_jobs where workspace_id = tests.workspace_id('A') $$,
  $$ values ('processing', 1, 'Announce the balm') $$, 'processing, one attempt, the goal as its prompt');
select throws_ok($$ select private.finish_ai_video_step((select job_id from claims where payload ->> 'project_id' = tests.id('Teaser')::text), (select lease_id from claims where payload ->> 'project_id' = tests.id('Teaser')::text),
  pg_temp.job('script'), '{"status": "completed"}') $$, '22023', null, 'a script needs a scene plan');
select private.finish_ai_video_step((select job_id from claims where payload ->> 'project_id' = tests.id('Teaser')::text), (select lease_id from claims where payload ->> 'project_id' = tests.id('Teaser')::text), pg_temp.job('script'),
  '{"status": "completed", "cost_micros": 1200, "scene_plan": [{"index": 0, "prompt": "jar", "seconds": 4, "narration": "Meet Glow."},
    {"index": 1, "prompt": "hands", "seconds": 4, "narration": "Made to last."}]}');
select results_eq($$ select p.status::text, j.job_type::text, j.prompt from public.ai_video_projects p join public.ai_video_jobs j on j.project_id = p.id
  where j.status = 'pending' and p.workspace_id = tests.workspace_id('A') $$, $$ values ('generating_voice', 'voice', 'Meet Glow. Made to last.') $$,
  'the script done, the voice step is queued with the narration');

-- ================= a retry, then the voice
select is(pg_temp.step(pg_temp.job('voice'), '{"status": "pending", "error": "voice: the model answered 500"}'), 'pending', 'a retry');
select results_eq($$ select status::text, attempts, error from public.ai_video_jobs where id = pg_temp.job('voice') $$,
  $$ values ('pending', 1, 'voice: the model answered 500') $$, 'puts the step back to pending with its error');
update private.connector_jobs set next_attempt_at = now() where queue = 'ai_video' and status = 'queued';
select pg_temp.step(pg_temp.job('voice'), format('{"status": "completed", "cost_micros": 345, "result_path": "%s/%s/voice.mp3"}',
  tests.workspace_id('A'), tests.id('Teaser'))::jsonb);
select results_eq($$ select status::text, (select count(*)::int from public.ai_video_jobs where job_type = 'video_generation' and project_id = tests.id('Teaser'))
  from public.ai_video_projects where id = tests.id('Teaser') $$,
  $$ values ('generating_video', 2) $$, 'the voice done, a clip per scene');

-- ================= clips, then the assembly
select pg_temp.step(pg_temp.job('video_generation', 0), '{"status": "completed", "cost_micros": 1600000, "result_path": "c0.mp4"}');
select is((select status::text from public.ai_video_projects where id = tests.id('Teaser')), 'generating_video', 'one clip of two: still generating');
select pg_temp.step(pg_temp.job('video_generation', 1), '{"status": "completed", "cost_micros": 1600000, "result_path": "c1.mp4"}');
select is((select status::text from public.ai_video_projects where id = tests.id('Teaser')), 'assembling', 'both clips: assembling');
select pg_temp.step(pg_temp.job('assembly'), format('{"status": "completed", "cost_micros": 50000, "result_path": "%s/%s/final.mp4"}',
  tests.workspace_id('A'), tests.id('Teaser'))::jsonb);
select results_eq($$ select status::text, result_path, completed_at is not null from public.ai_video_projects where id = tests.id('Teaser') $$,
  $$ values ('completed', format('%s/%s/final.mp4', tests.workspace_id('A'), tests.id('Teaser')), true) $$,
  'the assembly completes the project with its result');
select tests.authenticate_as('viewer-a');
select results_eq($$ select completed, total_cost_micros, jobs from public.ai_video_stats where workspace_id = tests.workspace_id('A') $$,
  $$ values (1::bigint, 3251545::bigint, 5::bigint) $$, 'viewers see the costs in micros add up');

-- ================= a failed step fails the project with the reason
select tests.authenticate_as('member-a');
with r as (insert into public.ai_video_projects (workspace_id, title, goal, platform, duration_s)
           values (tests.workspace_id('A'), 'Second', 'Try', 'landscape', 4) returning id, title)
select tests.remember(title, id) from r;
update public.ai_video_projects set status = 'planning' where id = tests.id('Second');
select tests.clear_authentication();
select pg_temp.claim();
select private.begin_ai_video_step(c.job_id, c.lease_id, c.payload) from claims c where c.payload ->> 'project_id' = tests.id('Second')::text;
select private.finish_ai_video_step(c.job_id, c.lease_id, (select id from public.ai_video_jobs where project_id = tests.id('Second')),
  '{"status": "failed", "error": "script: the model answered 400"}')
from claims c where c.payload ->> 'project_id' = tests.id('Second')::text;
select results_eq($$ select status::text, error from public.ai_video_projects where id = tests.id('Second') $$,
  $$ values ('failed', 'script: the model answered 400') $$, 'a failed step fails its project with the reason');

select * from finish();
rollback;
