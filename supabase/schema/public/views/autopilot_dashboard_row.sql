create view public.autopilot_dashboard_row with (security_invoker=true) as
 SELECT NULL::uuid::private.uuid_not_null AS workspace_id,
    NULL::boolean::private.boolean_not_null AS autopilot_enabled,
    NULL::bpchar::private.char3_not_null AS currency,
    NULL::bigint AS monthly_budget_cents,
    NULL::bigint::private.bigint_not_null AS month_spend_cents,
    NULL::bigint::private.bigint_not_null AS month_revenue_cents,
    NULL::numeric AS month_roas,
    NULL::numeric AS budget_used,
    NULL::integer::private.integer_not_null AS total_leads,
    NULL::integer::private.integer_not_null AS open_leads,
    NULL::integer::private.integer_not_null AS new_leads_7d,
    NULL::integer::private.integer_not_null AS hot_leads,
    NULL::integer::private.integer_not_null AS converted_leads_30d,
    NULL::numeric AS average_lead_score,
    NULL::integer::private.integer_not_null AS active_campaigns,
    NULL::integer::private.integer_not_null AS auto_managed_campaigns,
    NULL::integer::private.integer_not_null AS open_tasks,
    NULL::integer::private.integer_not_null AS overdue_tasks,
    NULL::integer::private.integer_not_null AS activities_7d,
    NULL::integer::private.integer_not_null AS pending_approvals,
    NULL::date AS last_report_week_start,
    NULL::numeric AS last_report_roi,
    NULL::timestamp with time zone AS next_weekly_report_at,
    NULL::timestamp with time zone AS next_optimisation_at,
    NULL::timestamp with time zone::private.timestamptz_not_null AS as_of
  WHERE false;
comment on view public.autopilot_dashboard_row is 'get_autopilot_dashboard_stats'' single row. Never null: workspace_id, autopilot_enabled, currency, the month''s spend and revenue, every count, as_of. NULL: monthly_budget_cents without a config; month_roas without spend; budget_used without a budget; average_lead_score without leads; last_report_* before the first finished week''s report; next_* while the autopilot is off. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.autopilot_dashboard_row to service_role;
grant select on public.autopilot_dashboard_row to authenticated;
