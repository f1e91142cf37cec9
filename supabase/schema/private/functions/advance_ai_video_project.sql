CREATE OR REPLACE FUNCTION private.advance_ai_video_project(p_project_id uuid)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  p public.ai_video_projects;
  stage_type text;
  s jsonb;
begin
  select * into p from public.ai_video_projects where id = p_project_id for update;
  if not found then
    return;
  end if;
  stage_type := case p.status::text when 'planning' then 'script' when 'generating_voice' then 'voice'
                                    when 'generating_video' then 'video_generation' when 'assembling' then 'assembly' end;
  if stage_type is null or exists (select 1 from public.ai_video_jobs j where j.project_id = p.id
                                   and j.job_type::text = stage_type and j.status <> 'completed') then
    return;
  end if;
  if p.status::text = 'generating_video' and not exists (select 1 from public.ai_video_jobs j where j.project_id = p.id and j.job_type::text = 'script') then
    -- a project generated outside the pipeline (stills, then one video job): its video is the result
    update public.ai_video_projects set status = 'completed',
      result_path = coalesce((select j.result_path from public.ai_video_jobs j where j.project_id = p.id and j.job_type = 'video_generation'
                              order by j.completed_at desc limit 1), result_path)
    where id = p.id;
  elsif p.status::text = 'planning' then
    update public.ai_video_projects set status = 'generating_voice' where id = p.id;
    perform private.queue_ai_video_job(p.id, 'voice', null,
      (select string_agg(e ->> 'narration', ' ' order by (e ->> 'index')::int) from jsonb_array_elements(p.scene_plan) e));
  elsif p.status::text = 'generating_voice' then
    update public.ai_video_projects set status = 'generating_video' where id = p.id;
    for s in select e from jsonb_array_elements(p.scene_plan) e order by (e ->> 'index')::int loop
      perform private.queue_ai_video_job(p.id, 'video_generation', (s ->> 'index')::int, s ->> 'prompt');
    end loop;
  elsif p.status::text = 'generating_video' then
    update public.ai_video_projects set status = 'assembling' where id = p.id;
    perform private.queue_ai_video_job(p.id, 'assembly', null, p.title);
  elsif p.status::text = 'assembling' then
    update public.ai_video_projects set status = 'completed',
      result_path = (select j.result_path from public.ai_video_jobs j where j.project_id = p.id and j.job_type::text = 'assembly'
                     order by j.completed_at desc limit 1)
    where id = p.id;
  end if;
end $function$;
comment on function private.advance_ai_video_project(uuid) is 'When every job of a project''s current stage is completed: the next stage (script -> voice -> a clip per scene -> assembly) is queued, or the project is completed with the assembly''s result (a project made outside the pipeline, without a script: with its video job''s).';
