CREATE OR REPLACE FUNCTION private.fail_dead_ai_video_step()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.fail_dead_ai_video_step() is 'AFTER UPDATE OF status on private.connector_jobs (an ai_video job turned dead): fails its step, or a start''s script step and project, with the dead letter''s reason, so no project waits forever on a job nobody will run.';
