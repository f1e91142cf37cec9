-- An AI video step whose worker died on it every time never failed its project: the queue's
-- claim turns a lease that ran out on the last attempt into a dead letter (the worker never
-- reports back, so finish_ai_video_step is not called), and the step stayed `processing`, the
-- project in its stage forever. A dead ai_video job now fails its step (or, for a start, its
-- project) with the dead letter's reason; the step's trigger fails the project. Where the
-- worker itself failed the step first (its last attempt reported), this finds it failed and does
-- nothing.

create function private.fail_dead_ai_video_step() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  reason text := left('dead letter: ' || coalesce(new.last_error, 'the job ended without a result'), 2000);
begin
  if new.payload ? 'ai_video_job_id' then
    update public.ai_video_jobs set status = 'failed', error = reason
    where id = (new.payload ->> 'ai_video_job_id')::uuid and status not in ('completed', 'failed');
  elsif new.payload ? 'project_id' then
    -- a start: its script step, if the worker made it, else the project itself
    update public.ai_video_jobs j set status = 'failed', error = reason
    from public.ai_video_projects p
    where p.id = (new.payload ->> 'project_id')::uuid and j.project_id = p.id and j.job_type::text = 'script'
      and j.created_at >= p.started_at and j.status not in ('completed', 'failed');
    update public.ai_video_projects set status = 'failed', error = reason
    where id = (new.payload ->> 'project_id')::uuid and status = 'planning' and scene_plan is null;
  end if;
  return null;
end $$;
comment on function private.fail_dead_ai_video_step() is 'AFTER UPDATE OF status on private.connector_jobs (an ai_video job turned dead): fails its step, or a start''s script step and project, with the dead letter''s reason, so no project waits forever on a job nobody will run.';
revoke all on function private.fail_dead_ai_video_step() from public;

create trigger fail_dead_ai_video_step after update of status on private.connector_jobs
  for each row when (new.status = 'dead' and old.status <> 'dead' and new.queue = 'ai_video')
  execute function private.fail_dead_ai_video_step();
