CREATE OR REPLACE FUNCTION private.get_autopilot_dashboard_stats(p_workspace_id uuid, p_today date)
 RETURNS SETOF private.autopilot_dashboard_row
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$declare
  today date := coalesce(p_today, (now() at time zone 'UTC')::date);
  month_start date := date_trunc('month', coalesce(p_today, (now() at time zone 'UTC')::date))::date;
  r private.autopilot_dashboard_row;
  cfg public.autopilot_configs;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.require_reader(p_workspace_id);
  select * into cfg from public.autopilot_configs c where c.workspace_id = p_workspace_id;

  r.workspace_id := p_workspace_id;
  r.autopilot_enabled := coalesce(cfg.enabled, false);
  r.currency := coalesce(cfg.currency, 'USD');
  r.monthly_budget_cents := cfg.monthly_budget_cents;
  -- month to date, as campaign_performance_monitor counts a campaign's spend: the ad platforms'
  -- campaign-level rows plus the figures no platform reports (campaign_metrics: email, events,
  -- organic), read from the rows themselves so a metric written a minute ago counts
  select coalesce(sum(x.spend), 0)::bigint, coalesce(sum(x.revenue), 0)::bigint
    into r.month_spend_cents, r.month_revenue_cents
  from (
    select m.spend_cents as spend, m.revenue_cents as revenue from public.ad_metrics_daily m
    where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between month_start and today
    union all
    select cm.spend_cents, cm.revenue_cents from public.campaign_metrics cm
    where cm.workspace_id = p_workspace_id and cm.day between month_start and today
  ) x;
  r.month_roas := case when r.month_spend_cents > 0 then round(r.month_revenue_cents::numeric / r.month_spend_cents, 4) end;
  r.budget_used := case when cfg.monthly_budget_cents > 0 then round(r.month_spend_cents::numeric / cfg.monthly_budget_cents, 4) end;

  select count(*)::integer,
         (count(*) filter (where l.status in ('new', 'contacted', 'qualified', 'nurturing')))::integer,
         (count(*) filter (where l.created_at >= (today - 6)::timestamp at time zone 'UTC'
                             and l.created_at < (today + 1)::timestamp at time zone 'UTC'))::integer,
         (count(*) filter (where l.status in ('new', 'contacted', 'qualified', 'nurturing')
                             and l.score >= coalesce(cfg.hot_lead_score, 50)))::integer,
         (count(*) filter (where l.status = 'converted' and l.converted_at >= (today - 29)::timestamp at time zone 'UTC'
                             and l.converted_at < (today + 1)::timestamp at time zone 'UTC'))::integer,
         round(avg(l.score), 2)
    into r.total_leads, r.open_leads, r.new_leads_7d, r.hot_leads, r.converted_leads_30d, r.average_lead_score
  from public.leads l
  where l.workspace_id = p_workspace_id;

  select (count(*) filter (where c.status = 'active'))::integer,
         (count(*) filter (where c.auto_managed and c.status in ('active', 'paused', 'planned')))::integer
    into r.active_campaigns, r.auto_managed_campaigns
  from public.campaigns c where c.workspace_id = p_workspace_id;

  select (count(*) filter (where t.status in ('todo', 'in_progress', 'blocked')))::integer,
         (count(*) filter (where t.status in ('todo', 'in_progress', 'blocked') and t.due_date < today))::integer
    into r.open_tasks, r.overdue_tasks
  from public.campaign_tasks t where t.workspace_id = p_workspace_id;

  select count(*)::integer into r.activities_7d from public.autopilot_activity_log a
  where a.workspace_id = p_workspace_id and a.created_at >= (today - 6)::timestamp at time zone 'UTC'
    and a.created_at < (today + 1)::timestamp at time zone 'UTC';

  select count(*)::integer into r.pending_approvals from public.agent_approvals a
  where a.workspace_id = p_workspace_id and a.status = 'pending' and a.expires_at > now();

  select w.week_start, w.roi into r.last_report_week_start, r.last_report_roi
  from public.autopilot_weekly_reports w where w.workspace_id = p_workspace_id and w.week_start <= today - 7
  order by w.week_start desc limit 1;

  if coalesce(cfg.enabled, false) then
    r.next_weekly_report_at := private.autopilot_job_last_due('weekly_report') + interval '7 days';
    r.next_optimisation_at := private.autopilot_job_last_due('daily_optimisation') + interval '1 day';
  end if;
  r.as_of := now();
  return next r;
end $function$;
comment on function private.get_autopilot_dashboard_stats(uuid,date) is 'What public.get_autopilot_dashboard_stats returns, read as the owner after one membership check (see the header).';
grant execute on function private.get_autopilot_dashboard_stats(uuid,date) to authenticated;
grant execute on function private.get_autopilot_dashboard_stats(uuid,date) to service_role;
