CREATE OR REPLACE FUNCTION private.begin_ai_video_step(p_job_id bigint, p_lease_id uuid, p_payload jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j public.ai_video_jobs;
  p public.ai_video_projects;
  jid uuid := (p_payload ->> 'ai_video_job_id')::uuid;
begin
  perform private.touch_connector_job(p_job_id, p_lease_id);
  if jid is null then
    -- a project's start: its script step (made once, kept across retries of this job)
    select * into p from public.ai_video_projects where id = (p_payload ->> 'project_id')::uuid for update;
    if not found or p.status <> 'planning' then
      return null;
    end if;
    select c.id into jid from public.ai_video_jobs c
    where c.project_id = p.id and c.job_type::text = 'script' and c.created_at >= p.started_at and c.status <> 'failed';
    if jid is null then
      insert into public.ai_video_jobs (workspace_id, project_id, job_type, prompt)
      values (p.workspace_id, p.id, 'script'::text::public.ai_video_job_type, left(p.goal, 10000))
      returning id into jid;
    end if;
  end if;
  select * into j from public.ai_video_jobs where id = jid for update;
  if not found then
    return null;
  end if;
  select * into p from public.ai_video_projects where id = j.project_id;
  if j.status in ('completed', 'failed') or p.status in ('completed', 'failed', 'draft') then
    return null;
  end if;
  if j.status = 'pending' then
    update public.ai_video_jobs set status = 'processing' where id = j.id returning * into j;
  end if;
  return jsonb_build_object('job', to_jsonb(j), 'project', to_jsonb(p),
    'clips', coalesce((select jsonb_agg(jsonb_build_object('scene_index', c.scene_index, 'result_path', c.result_path,
                                                           'result_url', c.result_url) order by c.scene_index)
                       from public.ai_video_jobs c where c.project_id = p.id and c.job_type = 'video_generation'
                         and c.status = 'completed'), '[]'),
    'voice_path', (select v.result_path from public.ai_video_jobs v where v.project_id = p.id and v.job_type::text = 'voice'
                   and v.status = 'completed' order by v.completed_at desc limit 1));
end $function$;
comment on function private.begin_ai_video_step(bigint,uuid,jsonb) is 'The ai-video worker, under its lease (PT409 when lost), for a job''s payload ({ai_video_job_id}, or {project_id} for a start, whose script step it makes): marks the step processing (counting the attempt) and answers {job, project, clips, voice_path}; null when there is nothing to do (finished step or project).';
grant execute on function private.begin_ai_video_step(bigint,uuid,jsonb) to service_role;
