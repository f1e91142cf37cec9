-- campaign_performance_monitor: one row per marketing campaign with what it spent and earned
-- (its ad campaigns' campaign-level ad_metrics_daily plus its own campaign_metrics), ROAS
-- against its target, budget use, leads and task health. A view over the live tables (003's
-- "real-time monitoring" table becomes a query), run with the caller's rights so RLS applies.

create view public.campaign_performance_monitor with (security_invoker = true) as
select
  c.workspace_id,
  c.id as campaign_id,
  c.name,
  c.status,
  c.auto_managed,
  c.currency,
  c.budget_cents,
  c.start_date,
  c.end_date,
  coalesce(ad.ad_campaigns, 0) as ad_campaigns,
  coalesce(ad.spend, 0)::bigint as ad_spend_cents,
  coalesce(ad.revenue, 0)::bigint as ad_revenue_cents,
  coalesce(own.spend, 0)::bigint as other_spend_cents,
  coalesce(own.revenue, 0)::bigint as other_revenue_cents,
  (coalesce(ad.spend, 0) + coalesce(own.spend, 0))::bigint as spend_cents,
  (coalesce(ad.revenue, 0) + coalesce(own.revenue, 0))::bigint as revenue_cents,
  coalesce(ad.conversions, 0) + coalesce(own.conversions, 0) as conversions,
  case when coalesce(ad.spend, 0) + coalesce(own.spend, 0) > 0
       then round((coalesce(ad.revenue, 0) + coalesce(own.revenue, 0))::numeric
                  / (coalesce(ad.spend, 0) + coalesce(own.spend, 0)), 4) end as roas,
  (c.kpi_targets ->> 'target_roas')::numeric as target_roas,
  case when c.budget_cents > 0
       then round((coalesce(ad.spend, 0) + coalesce(own.spend, 0))::numeric / c.budget_cents, 4) end as budget_used,
  coalesce(ld.leads, 0) as leads,
  coalesce(ld.converted, 0) as converted_leads,
  coalesce(tk.open_tasks, 0) as open_tasks,
  coalesce(tk.overdue_tasks, 0) as overdue_tasks,
  coalesce(tk.done_tasks, 0) as done_tasks
from public.campaigns c
left join lateral (
  select count(distinct ac.id)::integer as ad_campaigns, sum(m.spend_cents) as spend, sum(m.revenue_cents) as revenue,
         sum(m.conversions) as conversions
  from public.ad_campaigns ac
  left join public.ad_metrics_daily m
    on m.workspace_id = ac.workspace_id and m.campaign_id = ac.id and m.level = 'campaign'
  where ac.workspace_id = c.workspace_id and ac.campaign_id = c.id
) ad on true
left join lateral (
  select sum(cm.spend_cents) as spend, sum(cm.revenue_cents) as revenue, sum(cm.conversions) as conversions
  from public.campaign_metrics cm
  where cm.workspace_id = c.workspace_id and cm.campaign_id = c.id
) own on true
left join lateral (
  select count(*)::integer as leads, (count(*) filter (where l.status = 'converted'))::integer as converted
  from public.leads l
  where l.workspace_id = c.workspace_id and l.campaign_id = c.id
) ld on true
left join lateral (
  select (count(*) filter (where t.status in ('todo', 'in_progress', 'blocked')))::integer as open_tasks,
         (count(*) filter (where t.status in ('todo', 'in_progress', 'blocked') and t.due_date < current_date))::integer
           as overdue_tasks,
         (count(*) filter (where t.status = 'done'))::integer as done_tasks
  from public.campaign_tasks t
  where t.workspace_id = c.workspace_id and t.campaign_id = c.id
) tk on true;
comment on view public.campaign_performance_monitor is 'Per marketing campaign: spend and revenue (linked ad campaigns'' campaign-level metrics + campaign_metrics), ROAS (NULL without spend) against kpi_targets.target_roas, budget_used = spend / budget (NULL without budget), leads, and open/overdue/done tasks (overdue: open with due_date before today). Runs with the caller''s rights.';
grant select on public.campaign_performance_monitor to authenticated;
grant select on public.campaign_performance_monitor to service_role;
