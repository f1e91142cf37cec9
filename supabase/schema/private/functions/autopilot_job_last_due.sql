CREATE OR REPLACE FUNCTION private.autopilot_job_last_due(p_job public.autopilot_job, p_at timestamp with time zone DEFAULT now())
 RETURNS timestamp with time zone
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case p_job
    when 'weekly_report' then
      (date_trunc('week', (p_at at time zone 'UTC') - interval '9 hours') + interval '9 hours') at time zone 'UTC'
    else
      (date_trunc('day', (p_at at time zone 'UTC') - interval '2 hours') + interval '2 hours') at time zone 'UTC'
  end
$function$;
comment on function private.autopilot_job_last_due(public.autopilot_job,timestamp with time zone) is 'The latest scheduled time of an autopilot job at or before p_at: Monday 09:00 UTC for weekly_report, 02:00 UTC for daily_optimisation.';
grant execute on function private.autopilot_job_last_due(public.autopilot_job,timestamp with time zone) to authenticated;
grant execute on function private.autopilot_job_last_due(public.autopilot_job,timestamp with time zone) to service_role;
