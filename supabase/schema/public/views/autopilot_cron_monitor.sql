create view public.autopilot_cron_monitor with (security_invoker=true) as
 SELECT s.workspace_id,
    s.job,
        CASE s.job
            WHEN 'weekly_report'::public.autopilot_job THEN 'autopilot-weekly-reports'::text
            ELSE 'autopilot-daily-optimisation'::text
        END AS cron_job_name,
        CASE s.job
            WHEN 'weekly_report'::public.autopilot_job THEN '0 9 * * 1'::text
            ELSE '0 2 * * *'::text
        END AS schedule,
    s.enabled AND c.enabled AS active,
    s.enabled AS job_enabled,
    c.enabled AS autopilot_enabled,
    s.runs,
    s.failures,
    s.last_run_at,
    s.last_status,
    s.last_error,
    s.last_result,
    private.autopilot_job_last_due(s.job) +
        CASE s.job
            WHEN 'weekly_report'::public.autopilot_job THEN '7 days'::interval
            ELSE '1 day'::interval
        END AS next_run_at,
    s.enabled AND c.enabled AND s.created_at < private.autopilot_job_last_due(s.job) AND now() > (private.autopilot_job_last_due(s.job) + '01:00:00'::interval) AND COALESCE(s.last_run_at < private.autopilot_job_last_due(s.job), true) AS overdue
   FROM public.autopilot_cron_schedule s
     JOIN public.autopilot_configs c ON c.workspace_id = s.workspace_id;
comment on view public.autopilot_cron_monitor is 'Per workspace and autopilot job: its pg_cron name and schedule, whether it is active, run counts, the last run''s outcome, the next run, and overdue (active at its last due time, more than an hour past it, and not run since). Runs with the caller''s rights.';
grant insert, select, update, delete, truncate, references, trigger on public.autopilot_cron_monitor to service_role;
grant select on public.autopilot_cron_monitor to authenticated;
