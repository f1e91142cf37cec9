CREATE OR REPLACE FUNCTION private.finish_ai_video_step(p_job_id bigint, p_lease_id uuid, p_ai_video_job_id uuid, p_result jsonb)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.finish_ai_video_step(bigint,uuid,uuid,jsonb) is 'The ai-video worker, under its lease (PT409 when lost): a step''s outcome {status completed|failed|pending (retry)|processing (still running), cost_micros (added), external_operation_id, result_url, result_path, error, scene_plan (script)}; the job''s triggers move the project.';
grant execute on function private.finish_ai_video_step(bigint,uuid,uuid,jsonb) to service_role;
