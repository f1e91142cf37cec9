-- What the frontend contract promised and the database did not do yet.
--
-- 1. Nobody raises their own role, and trying is an error (42501), not a silent "0 rows": a
--    member's update of their own membership was filtered out by the admins-only update policy
--    before the guard trigger could refuse it. Everyone may now update their own membership row,
--    so the guard decides: raising your role is 42501 "you cannot raise your own role", lowering
--    it (stepping down) is allowed, the last owner still cannot leave the role (23514).
--    The new row must hold a role its member already has at least (the policy's check reads the
--    memberships as they were before the update): the guard lets a role rise only for an open
--    invitation or a pending ownership offer, and those are taken through accept_workspace_invitation
--    and accept_workspace_ownership (which also demote the offering owner, check they still are
--    one and close the offer), never by writing one's own row. Admins change other members' rows.
-- One update policy (the advisor flags two permissive ones for the same role and action).
drop policy "admins change" on public.workspace_members;
create policy "admins change others, anyone lowers their own" on public.workspace_members
  for update to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin'))) or user_id = (select auth.uid()))
  with check ((workspace_id = any (array(select private.workspace_ids('admin'))) and user_id <> (select auth.uid()))
              or (user_id = (select auth.uid()) and workspace_id = any (array(select private.workspace_ids(role)))));

-- 2. agent_approvals.proposer is writable with the value docs/api.md names: a signed-in member
--    proposes as 'user' (the guard sets it and proposed_by from the session); any other value a
--    signed-in caller sends is refused with a message naming the column, instead of the
--    unexplained "permission denied for table" the missing column grant gave.
grant insert (proposer) on public.agent_approvals to authenticated;
create function private.check_approval_proposer() returns trigger
language plpgsql set search_path = '' as $$
begin
  if private.is_end_user() and new.proposer not in ('user', 'system') then
    raise exception 'proposer must be ''user'' for a signed-in member (agents and automations propose through the service)'
      using errcode = '42501', hint = 'send proposer: ''user'' or leave it out';
  end if;
  return new;
end $$;
comment on function private.check_approval_proposer() is 'BEFORE INSERT on agent_approvals, before the guard: a signed-in caller proposes as ''user'' (the column default ''system'' is taken as not sent); anything else is 42501 naming the column.';
revoke all on function private.check_approval_proposer() from public;
create trigger check_approval_proposer before insert on public.agent_approvals
  for each row execute function private.check_approval_proposer();

-- 3. The autopilot's month-to-date spend and revenue count what the campaign monitor counts: the
--    campaigns' own figures (campaign_metrics) besides the ad platforms' campaign-level metrics.
create or replace function private.get_autopilot_dashboard_stats(p_workspace_id uuid, p_today date)
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
end $function$

;

comment on function public.get_autopilot_dashboard_stats(uuid, date) is 'Viewers: the autopilot dashboard in one call, as of p_today (default today, UTC): month-to-date spend and revenue (the ad platforms'' campaign-level metrics plus the campaigns'' own figures in campaign_metrics, as campaign_performance_monitor counts them; fresh from the rows) and ROAS against the monthly budget, lead counts (new: created in the 7 days ending today; hot: open leads scoring at least hot_lead_score; converted: in the 30 days ending today), campaigns, tasks (overdue: due before today), autopilot activity in the 7 days ending today, approvals waiting for a decision (now), the latest weekly report of a finished week, and the next scheduled runs. Answers one row (a JSON object).';

-- 4. select('*') answers on public_demos, the published demos of the caller's workspaces (it is
--    security_invoker, so the demos' policies decide; anon still reads a demo only through
--    get_public_demo). It answered 403 to everyone.
grant select on public.public_demos to authenticated;
