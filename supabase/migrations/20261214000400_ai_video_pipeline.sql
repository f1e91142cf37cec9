-- The AI video pipeline. Starting a project (draft -> planning, a member) queues its first step;
-- every step is an ai_video_jobs row (what members see: status, attempts, cost in micros, result,
-- error) worked through the connector queue `ai_video` (lease, retries with backoff, dead
-- letters) by the ai-video worker:
--   script   (planning)          a chat model writes the scene plan (scenes with prompt, seconds, narration)
--   voice    (generating_voice)  text to speech of the narration -> <ws>/<project>/voice.mp3
--   clips    (generating_video)  one video_generation job per scene -> <ws>/<project>/clip-<n>.mp4
--   assembly (assembling)        the provider composes clips and voice -> <ws>/<project>/final.mp4
-- (all in the ai-videos bucket). When a stage's jobs are all completed the next stage is queued
-- (private.advance_ai_video_project); the last completes the project with its result_path. A job
-- that fails for good (a dead letter) fails the project with the reason.

select private.register_connector_queue('ai_video', 'ai-video',
  'AI video generation steps: script, voice, clips and assembly of ai_video_projects.',
  p_lease => interval '5 minutes', p_max_attempts => 4, p_backoff_base => interval '10 seconds',
  p_backoff_cap => interval '10 minutes', p_one_per_connection => false);

-- The machine with the new stages.
create or replace function private.guard_ai_video_project() returns trigger
language plpgsql set search_path = '' as $$
declare
  ok boolean;
  by_user boolean := private.is_end_user();
begin
  if tg_op = 'INSERT' then
    if by_user and (new.status <> 'draft' or new.result_path is not null or new.auto_generated) then
      raise exception 'a new project starts as an empty draft (status, results and auto_generated belong to the worker)'
        using errcode = '22023';
    end if;
    return new;
  end if;
  if new.status is distinct from old.status then
    ok := case old.status::text
      when 'draft' then new.status::text in ('planning', 'failed')
      when 'planning' then new.status::text in ('generating_voice', 'generating_images', 'failed')
      when 'generating_voice' then new.status::text in ('generating_video', 'failed')
      when 'generating_images' then new.status::text in ('generating_video', 'failed')
      when 'generating_video' then new.status::text in ('assembling', 'completed', 'failed')
      when 'assembling' then new.status::text in ('completed', 'failed')
      when 'failed' then new.status::text = 'draft'
      else false end;
    if not ok then
      raise exception 'a project cannot move from % to %', old.status, new.status using errcode = 'PT409';
    end if;
    if by_user and not ((old.status = 'draft' and new.status = 'planning') or (old.status = 'failed' and new.status = 'draft')) then
      raise exception 'only the generation worker moves a project to %', new.status using errcode = '42501';
    end if;
    new.started_at := case when new.status = 'planning' then now() when new.status = 'draft' then null else new.started_at end;
    new.completed_at := case when new.status in ('completed', 'failed') then now() else null end;
    if new.status = 'draft' then
      new.error := null;
    end if;
  elsif by_user and old.status not in ('draft', 'failed')
        and (new.title, new.goal, new.platform, new.duration_s, new.brand_kit, new.scene_plan)
            is distinct from (old.title, old.goal, old.platform, old.duration_s, old.brand_kit, old.scene_plan) then
    raise exception 'a project can be edited only while it is a draft or failed' using errcode = 'PT409';
  end if;
  if by_user and (new.result_path, new.auto_generated) is distinct from (old.result_path, old.auto_generated) then
    raise exception 'results are written by the generation worker' using errcode = '42501';
  end if;
  return new;
end $$;
comment on function private.guard_ai_video_project() is 'BEFORE INSERT/UPDATE on ai_video_projects: the status machine (draft -> planning -> generating_voice | generating_images -> generating_video -> assembling -> completed, unfinished -> failed, failed -> draft), what members may change and when; stamps started_at/completed_at.';

-- One step: its row, and its job on the queue (idempotent by the row).
create function private.queue_ai_video_job(p_project_id uuid, p_job_type text, p_scene_index integer, p_prompt text)
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.queue_ai_video_job(uuid, text, integer, text) is 'Queues one step of a project: its ai_video_jobs row and its job on the ai_video queue (keyed by the row).';

-- After a completed step: when its stage is done, the next stage (or completion).
create function private.advance_ai_video_project(p_project_id uuid) returns void
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.advance_ai_video_project(uuid) is 'When every job of a project''s current stage is completed: the next stage (script -> voice -> a clip per scene -> assembly) is queued, or the project is completed with the assembly''s result (a project made outside the pipeline, without a script: with its video job''s).';

create or replace function private.ai_video_job_progress() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.status = 'failed' then
    update public.ai_video_projects set status = 'failed', error = coalesce(new.error, 'a generation job failed')
    where id = new.project_id and status not in ('completed', 'failed', 'draft');
  elsif new.status = 'completed' then
    perform private.advance_ai_video_project(new.project_id);
  end if;
  return null;
end $$;
comment on function private.ai_video_job_progress() is 'AFTER UPDATE OF status on ai_video_jobs: a failed job fails its project with its reason; a completed one may finish its stage (advance_ai_video_project).';

create function private.start_ai_video_project() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.enqueue_connector_job('ai_video', new.workspace_id, null,
    'ai_video_start:' || new.id || ':' || extract(epoch from new.started_at)::text, jsonb_build_object('project_id', new.id));
  return null;
end $$;
comment on function private.start_ai_video_project() is 'AFTER UPDATE OF status on ai_video_projects (draft -> planning): queues the project''s start on the ai_video queue (the worker makes the script step''s row when it takes it), once per start.';

create trigger start_ai_video_project after update of status on public.ai_video_projects
  for each row when (old.status = 'draft' and new.status = 'planning') execute function private.start_ai_video_project();

-- ===== the worker's two calls per turn
create function private.begin_ai_video_step(p_job_id bigint, p_lease_id uuid, p_payload jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.begin_ai_video_step(bigint, uuid, jsonb) is 'The ai-video worker, under its lease (PT409 when lost), for a job''s payload ({ai_video_job_id}, or {project_id} for a start, whose script step it makes): marks the step processing (counting the attempt) and answers {job, project, clips, voice_path}; null when there is nothing to do (finished step or project).';
grant execute on function private.begin_ai_video_step(bigint, uuid, jsonb) to service_role;

create function private.finish_ai_video_step(p_job_id bigint, p_lease_id uuid, p_ai_video_job_id uuid, p_result jsonb)
returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  j public.ai_video_jobs;
  st text := p_result ->> 'status';
begin
  perform private.touch_connector_job(p_job_id, p_lease_id);
  select * into j from public.ai_video_jobs where id = p_ai_video_job_id for update;
  if not found or j.status in ('completed', 'failed') then
    return coalesce(j.status::text, 'gone');
  end if;
  if st not in ('completed', 'failed', 'pending', 'processing') then
    raise exception 'status must be completed, failed, pending or processing' using errcode = '22023';
  end if;
  if j.job_type::text = 'script' and st = 'completed' then
    if jsonb_typeof(p_result -> 'scene_plan') is distinct from 'array' or jsonb_array_length(p_result -> 'scene_plan') = 0 then
      raise exception 'a script needs a non-empty scene plan' using errcode = '22023';
    end if;
    update public.ai_video_projects set scene_plan = p_result -> 'scene_plan' where id = j.project_id;
  end if;
  update public.ai_video_jobs set
    cost_micros = cost_micros + greatest(coalesce((p_result ->> 'cost_micros')::bigint, 0), 0),
    external_operation_id = coalesce(p_result ->> 'external_operation_id', external_operation_id),
    result_url = coalesce(p_result ->> 'result_url', result_url),
    result_path = coalesce(p_result ->> 'result_path', result_path),
    error = case when st = 'completed' then null else coalesce(left(p_result ->> 'error', 2000), error) end,
    status = st::public.ai_video_job_status
  where id = j.id;
  return st;
end $$;
comment on function private.finish_ai_video_step(bigint, uuid, uuid, jsonb) is 'The ai-video worker, under its lease (PT409 when lost): a step''s outcome {status completed|failed|pending (retry)|processing (still running), cost_micros (added), external_operation_id, result_url, result_path, error, scene_plan (script)}; the job''s triggers move the project.';
grant execute on function private.finish_ai_video_step(bigint, uuid, uuid, jsonb) to service_role;
