CREATE OR REPLACE FUNCTION private.build_weekly_reports(p_week_start date DEFAULT NULL::date)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  wk date := coalesce(p_week_start, (date_trunc('week', now() at time zone 'UTC') - interval '7 days')::date);
  ws uuid;
  rid uuid;
  n integer := 0;
begin
  -- fold metrics written since the last hourly rollup into the rollup first
  perform private.refresh_ad_rollup();
  for ws in
    select c.workspace_id from public.autopilot_configs c
    join public.autopilot_cron_schedule s on s.workspace_id = c.workspace_id and s.job = 'weekly_report'
    where c.enabled and s.enabled
    order by c.workspace_id
  loop
    begin
      rid := private.build_weekly_report(ws, wk);
      perform private.record_autopilot_run(ws, 'weekly_report', 'succeeded',
        jsonb_build_object('report_id', rid, 'week_start', wk), null);
      n := n + 1;
    exception when others then
      perform private.record_autopilot_run(ws, 'weekly_report', 'failed', jsonb_build_object('week_start', wk), sqlerrm);
    end;
  end loop;
  return n;
end $function$;
comment on function private.build_weekly_reports(date) is 'pg_cron job autopilot-weekly-reports (Monday 09:00 UTC): refreshes the ads rollup, then builds the report of the ISO week before (or p_week_start) for every enabled workspace, recording each run in autopilot_cron_schedule; one workspace failing does not stop the others. Returns the reports built.';
grant execute on function private.build_weekly_reports(date) to service_role;
