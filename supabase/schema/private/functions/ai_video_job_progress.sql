CREATE OR REPLACE FUNCTION private.ai_video_job_progress()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if new.status = 'failed' then
    update public.ai_video_projects set status = 'failed', error = coalesce(new.error, 'a generation job failed')
    where id = new.project_id and status not in ('completed', 'failed', 'draft');
  elsif new.status = 'completed' then
    perform private.advance_ai_video_project(new.project_id);
  end if;
  return null;
end $function$;
comment on function private.ai_video_job_progress() is 'AFTER UPDATE OF status on ai_video_jobs: a failed job fails its project with its reason; a completed one may finish its stage (advance_ai_video_project).';
