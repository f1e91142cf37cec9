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
  elsif new.status = 'completed' and new.job_type = 'video_generation' then
    update public.ai_video_projects set status = 'completed', result_path = coalesce(new.result_path, result_path)
    where id = new.project_id and status = 'generating_video';
  end if;
  return null;
end $function$;
comment on function private.ai_video_job_progress() is 'AFTER UPDATE OF status on ai_video_jobs: failed job -> project failed; completed video job -> project completed with its result.';
