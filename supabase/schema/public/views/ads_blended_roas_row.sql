create view public.ads_blended_roas_row with (security_invoker=true) as
 SELECT NULL::bigint::private.bigint_not_null AS ad_spend_cents,
    NULL::bigint::private.bigint_not_null AS platform_revenue_cents,
    NULL::bigint::private.bigint_not_null AS order_revenue_cents,
    NULL::bigint::private.bigint_not_null AS orders,
    NULL::numeric AS platform_roas,
    NULL::numeric AS mer
  WHERE false;
comment on view public.ads_blended_roas_row is 'ads_blended_roas'' single row. The sums are never null (0 without data); platform_roas and mer are NULL without spend. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.ads_blended_roas_row to service_role;
grant select on public.ads_blended_roas_row to authenticated;
