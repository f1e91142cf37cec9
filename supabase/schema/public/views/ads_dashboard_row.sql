create view public.ads_dashboard_row with (security_invoker=true) as
 SELECT NULL::text::private.text_not_null AS key,
    NULL::text::private.text_not_null AS label,
    NULL::bigint::private.bigint_not_null AS spend_cents,
    NULL::bigint::private.bigint_not_null AS revenue_cents,
    NULL::bigint::private.bigint_not_null AS impressions,
    NULL::bigint::private.bigint_not_null AS clicks,
    NULL::numeric::private.numeric_not_null AS conversions,
    NULL::numeric AS roas,
    NULL::numeric AS cpa_cents,
    NULL::numeric AS ctr
  WHERE false;
comment on view public.ads_dashboard_row is 'One row of ads_dashboard. Never null: key, label and the sums. NULL on a zero denominator: roas (no spend), cpa_cents (no conversions), ctr (no impressions). The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.ads_dashboard_row to service_role;
grant select on public.ads_dashboard_row to authenticated;
