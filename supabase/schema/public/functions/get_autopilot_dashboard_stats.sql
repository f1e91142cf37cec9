CREATE OR REPLACE FUNCTION public.get_autopilot_dashboard_stats(p_workspace_id uuid, p_today date DEFAULT NULL::date)
 RETURNS public.autopilot_dashboard_row
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select * from private.get_autopilot_dashboard_stats(p_workspace_id, p_today)
$function$;
comment on function public.get_autopilot_dashboard_stats(uuid,date) is 'Viewers: the autopilot dashboard in one call, as of p_today (default today, UTC): month-to-date spend and revenue (the ad platforms'' campaign-level metrics plus the campaigns'' own figures in campaign_metrics, as campaign_performance_monitor counts them; fresh from the rows) and ROAS against the monthly budget, lead counts (new: created in the 7 days ending today; hot: open leads scoring at least hot_lead_score; converted: in the 30 days ending today), campaigns, tasks (overdue: due before today), autopilot activity in the 7 days ending today, approvals waiting for a decision (now), the latest weekly report of a finished week, and the next scheduled runs. Answers one row (a JSON object).';
grant execute on function public.get_autopilot_dashboard_stats(uuid,date) to authenticated;
grant execute on function public.get_autopilot_dashboard_stats(uuid,date) to service_role;
