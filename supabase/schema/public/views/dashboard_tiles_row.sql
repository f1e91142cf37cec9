create view public.dashboard_tiles_row with (security_invoker=true) as
 SELECT NULL::date::private.date_not_null AS as_of,
    NULL::character(3) AS revenue_currency,
    NULL::bigint::private.bigint_not_null AS revenue_cents,
    NULL::bigint::private.bigint_not_null AS previous_revenue_cents,
    NULL::numeric AS revenue_change,
    NULL::bigint::private.bigint_not_null AS orders,
    NULL::bigint AS average_order_cents,
    NULL::integer::private.integer_not_null AS skus_tracked,
    NULL::integer::private.integer_not_null AS skus_below_reorder_point,
    NULL::numeric AS lowest_weeks_of_supply,
    NULL::timestamp with time zone AS reorder_points_computed_at,
    NULL::bigint::private.bigint_not_null AS ad_spend_cents,
    NULL::bigint::private.bigint_not_null AS ad_revenue_cents,
    NULL::numeric AS roas,
    NULL::numeric AS previous_roas,
    NULL::numeric AS roas_change,
    NULL::integer::private.integer_not_null AS pending_approvals,
    NULL::integer::private.integer_not_null AS urgent_approvals,
    NULL::integer::private.integer_not_null AS approvals_expiring_24h,
    NULL::timestamp with time zone AS oldest_pending_approval_at,
    NULL::integer::private.integer_not_null AS open_errors,
    NULL::integer::private.integer_not_null AS open_alerts
  WHERE false;
comment on view public.dashboard_tiles_row is 'dashboard_tiles'' single row. Windows: the 30 days before as_of and the 30 days before those. Never null: as_of, the revenue and order sums, skus_tracked, skus_below_reorder_point, ad spend and revenue, the approval counts, open_errors, open_alerts. NULL: revenue_currency without orders, ratios and averages whose denominator is 0, lowest_weeks_of_supply and timestamps without data. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.dashboard_tiles_row to service_role;
grant select on public.dashboard_tiles_row to authenticated;
