CREATE OR REPLACE FUNCTION private.report_ai_video_operation(p_operation_id text, p_status public.ai_video_job_status, p_cost_micros bigint DEFAULT NULL::bigint, p_result_url text DEFAULT NULL::text, p_result_path text DEFAULT NULL::text, p_error text DEFAULT NULL::text)
 RETURNS public.ai_video_job_status
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j public.ai_video_jobs;
begin
  select * into j from public.ai_video_jobs where external_operation_id = p_operation_id for update;
  if not found then
    raise exception 'no job with operation %', p_operation_id using errcode = 'PT404';
  end if;
  if j.status in ('completed', 'failed') or j.status = p_status then
    return j.status;
  end if;
  update public.ai_video_jobs set status = p_status, cost_micros = coalesce(p_cost_micros, cost_micros),
    result_url = coalesce(p_result_url, result_url), result_path = coalesce(p_result_path, result_path),
    error = left(p_error, 2000)
  where id = j.id;
  return p_status;
end $function$;
comment on function private.report_ai_video_operation(text,public.ai_video_job_status,bigint,text,text,text) is 'Generation worker: records a polled operation''s state (cost, result) once; reports about finished jobs are ignored.';
grant execute on function private.report_ai_video_operation(text,public.ai_video_job_status,bigint,text,text,text) to service_role;
