CREATE OR REPLACE FUNCTION private.record_autopilot_run(p_workspace_id uuid, p_job public.autopilot_job, p_status public.autopilot_run_status, p_result jsonb, p_error text)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  insert into public.autopilot_cron_schedule as s (workspace_id, job, runs, failures, last_run_at, last_status, last_error, last_result)
  values (p_workspace_id, p_job, 1, case when p_status = 'failed' then 1 else 0 end, now(), p_status, left(p_error, 2000), p_result)
  on conflict (workspace_id, job) do update set
    runs = s.runs + 1,
    failures = s.failures + case when p_status = 'failed' then 1 else 0 end,
    last_run_at = now(), last_status = p_status, last_error = left(p_error, 2000), last_result = p_result
$function$;
comment on function private.record_autopilot_run(uuid,public.autopilot_job,public.autopilot_run_status,jsonb,text) is 'Counts one run of an autopilot job for a workspace in autopilot_cron_schedule.';
