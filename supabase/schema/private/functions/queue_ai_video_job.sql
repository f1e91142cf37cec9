CREATE OR REPLACE FUNCTION private.queue_ai_video_job(p_project_id uuid, p_job_type text, p_scene_index integer, p_prompt text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  p public.ai_video_projects;
  jid uuid;
begin
  select * into p from public.ai_video_projects where id = p_project_id;
  insert into public.ai_video_jobs (workspace_id, project_id, job_type, scene_index, prompt)
  values (p.workspace_id, p.id, p_job_type::public.ai_video_job_type, p_scene_index, left(p_prompt, 10000))
  returning id into jid;
  perform private.enqueue_connector_job('ai_video', p.workspace_id, null, 'ai_video_job:' || jid,
    jsonb_build_object('ai_video_job_id', jid));
  return jid;
end $function$;
comment on function private.queue_ai_video_job(uuid,text,integer,text) is 'Queues one step of a project: its ai_video_jobs row and its job on the ai_video queue (keyed by the row).';
