-- AI video jobs whose worker never reports back: the queue's claim turns a lease that ran out on
-- the last attempt into a dead letter, and that fails the step (and so the project) with the
-- reason, instead of leaving the project in its stage forever. Both kinds of job: a start (no
-- script step made yet) and a step (a voice step begun, then lost).
begin;
set search_path = extensions, public;
select plan(4);

select tests.two_workspaces();
-- the worker died holding these jobs on their last attempt: their leases have run out
create function pg_temp.lose(p_project_id uuid) returns void language sql as $$
  update private.connector_jobs set status = 'running', attempts = max_attempts, lease_id = gen_random_uuid(),
    lease_expires_at = now() - interval '1 second'
  where queue = 'ai_video' and status in ('queued', 'running') and workspace_id = tests.workspace_id('A')
    and (payload ->> 'project_id' = p_project_id::text
         or payload ->> 'ai_video_job_id' in (select id::text from public.ai_video_jobs where project_id = p_project_id)) $$;

select tests.authenticate_as('member-a');
with r as (insert into public.ai_video_projects (workspace_id, title, goal, platform, duration_s)
           values (tests.workspace_id('A'), 'Lost start', 'Announce the balm', 'reels', 8),
                  (tests.workspace_id('A'), 'Lost voice', 'Announce the refill', 'reels', 8) returning id, title)
select tests.remember(title, id) from r;
update public.ai_video_projects set status = 'planning' where id in (tests.id('Lost start'), tests.id('Lost voice'));
select tests.clear_authentication();

-- 'Lost voice' gets through its script; its voice step is begun, then lost
create temp table claims as select * from private.claim_connector_jobs('ai_video', 50);
select private.begin_ai_video_step(c.job_id, c.lease_id, c.payload) from claims c
where c.payload ->> 'project_id' = tests.id('Lost voice')::text;
select private.finish_ai_video_step(c.job_id, c.lease_id,
  (select j.id from public.ai_video_jobs j where j.project_id = tests.id('Lost voice') and j.job_type::text = 'script'),
  '{"status": "completed", "scene_plan": [{"index": 0, "prompt": "jar", "seconds": 4, "narration": "Meet Glow."}]}')
from claims c where c.payload ->> 'project_id' = tests.id('Lost voice')::text;
select private.finish_connector_job(c.job_id, c.lease_id, 'done', null, null, null, null)
from claims c where c.payload ->> 'project_id' = tests.id('Lost voice')::text;
delete from claims;
insert into claims select * from private.claim_connector_jobs('ai_video', 50);
select private.begin_ai_video_step(c.job_id, c.lease_id, c.payload) from claims c
where c.payload ->> 'ai_video_job_id' in (select id::text from public.ai_video_jobs where project_id = tests.id('Lost voice'));
select is((select status::text from public.ai_video_jobs where project_id = tests.id('Lost voice') and job_type::text = 'voice'),
  'processing', 'the voice step is being worked');

-- both lost on their last attempt; the next claim finds them
select pg_temp.lose(tests.id('Lost start'));
select pg_temp.lose(tests.id('Lost voice'));
select private.claim_connector_jobs('ai_video', 50);

select results_eq($$ select title, status::text, error like 'dead letter: the worker did not report back within the lease%'
                     from public.ai_video_projects where id in (tests.id('Lost start'), tests.id('Lost voice')) order by title $$,
  $$ values ('Lost start', 'failed', true), ('Lost voice', 'failed', true) $$,
  'both projects fail with the dead letter''s reason');
select results_eq($$ select status::text, error like 'dead letter:%' from public.ai_video_jobs
                     where project_id = tests.id('Lost voice') and job_type::text = 'voice' $$,
  $$ values ('failed', true) $$, 'the lost step is failed, not left processing');
select is_empty($$ select 1 from public.ai_video_jobs where project_id = tests.id('Lost start') $$,
  'a start lost before its script step made none');

select * from finish();
rollback;
