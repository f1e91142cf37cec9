create view public.campaign_performance_monitor with (security_invoker=true) as
 SELECT c.workspace_id,
    c.id AS campaign_id,
    c.name,
    c.status,
    c.auto_managed,
    c.currency,
    c.budget_cents,
    c.start_date,
    c.end_date,
    COALESCE(ad.ad_campaigns, 0) AS ad_campaigns,
    COALESCE(ad.spend, 0::numeric)::bigint AS ad_spend_cents,
    COALESCE(ad.revenue, 0::numeric)::bigint AS ad_revenue_cents,
    COALESCE(own.spend, 0::numeric)::bigint AS other_spend_cents,
    COALESCE(own.revenue, 0::numeric)::bigint AS other_revenue_cents,
    (COALESCE(ad.spend, 0::numeric) + COALESCE(own.spend, 0::numeric))::bigint AS spend_cents,
    (COALESCE(ad.revenue, 0::numeric) + COALESCE(own.revenue, 0::numeric))::bigint AS revenue_cents,
    COALESCE(ad.conversions, 0::numeric) + COALESCE(own.conversions, 0::numeric) AS conversions,
        CASE
            WHEN (COALESCE(ad.spend, 0::numeric) + COALESCE(own.spend, 0::numeric)) > 0::numeric THEN round((COALESCE(ad.revenue, 0::numeric) + COALESCE(own.revenue, 0::numeric)) / (COALESCE(ad.spend, 0::numeric) + COALESCE(own.spend, 0::numeric)), 4)
            ELSE NULL::numeric
        END AS roas,
    (c.kpi_targets ->> 'target_roas'::text)::numeric AS target_roas,
        CASE
            WHEN c.budget_cents > 0 THEN round((COALESCE(ad.spend, 0::numeric) + COALESCE(own.spend, 0::numeric)) / c.budget_cents::numeric, 4)
            ELSE NULL::numeric
        END AS budget_used,
    COALESCE(ld.leads, 0) AS leads,
    COALESCE(ld.converted, 0) AS converted_leads,
    COALESCE(tk.open_tasks, 0) AS open_tasks,
    COALESCE(tk.overdue_tasks, 0) AS overdue_tasks,
    COALESCE(tk.done_tasks, 0) AS done_tasks
   FROM public.campaigns c
     LEFT JOIN LATERAL ( SELECT count(DISTINCT ac.id)::integer AS ad_campaigns,
            sum(m.spend_cents) AS spend,
            sum(m.revenue_cents) AS revenue,
            sum(m.conversions) AS conversions
           FROM public.ad_campaigns ac
             LEFT JOIN public.ad_metrics_daily m ON m.workspace_id = ac.workspace_id AND m.campaign_id = ac.id AND m.level = 'campaign'::public.ad_level
          WHERE ac.workspace_id = c.workspace_id AND ac.campaign_id = c.id) ad ON true
     LEFT JOIN LATERAL ( SELECT sum(cm.spend_cents) AS spend,
            sum(cm.revenue_cents) AS revenue,
            sum(cm.conversions) AS conversions
           FROM public.campaign_metrics cm
          WHERE cm.workspace_id = c.workspace_id AND cm.campaign_id = c.id) own ON true
     LEFT JOIN LATERAL ( SELECT count(*)::integer AS leads,
            count(*) FILTER (WHERE l.status = 'converted'::public.lead_status)::integer AS converted
           FROM public.leads l
          WHERE l.workspace_id = c.workspace_id AND l.campaign_id = c.id) ld ON true
     LEFT JOIN LATERAL ( SELECT count(*) FILTER (WHERE t.status = ANY (ARRAY['todo'::public.task_status, 'in_progress'::public.task_status, 'blocked'::public.task_status]))::integer AS open_tasks,
            count(*) FILTER (WHERE (t.status = ANY (ARRAY['todo'::public.task_status, 'in_progress'::public.task_status, 'blocked'::public.task_status])) AND t.due_date < CURRENT_DATE)::integer AS overdue_tasks,
            count(*) FILTER (WHERE t.status = 'done'::public.task_status)::integer AS done_tasks
           FROM public.campaign_tasks t
          WHERE t.workspace_id = c.workspace_id AND t.campaign_id = c.id) tk ON true;
comment on view public.campaign_performance_monitor is 'Per marketing campaign: spend and revenue (linked ad campaigns'' campaign-level metrics + campaign_metrics), ROAS (NULL without spend) against kpi_targets.target_roas, budget_used = spend / budget (NULL without budget), leads, and open/overdue/done tasks (overdue: open with due_date before today). Runs with the caller''s rights.';
grant insert, select, update, delete, truncate, references, trigger on public.campaign_performance_monitor to service_role;
grant select on public.campaign_performance_monitor to authenticated;
