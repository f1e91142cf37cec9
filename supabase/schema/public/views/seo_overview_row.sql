create view public.seo_overview_row with (security_invoker=true) as
 SELECT NULL::date AS audited_on,
    NULL::integer AS pages_audited,
    NULL::smallint AS performance_score,
    NULL::smallint AS content_score,
    NULL::smallint AS technical_score,
    NULL::smallint AS overall_score,
    NULL::integer AS avg_lcp_ms,
    NULL::integer AS avg_inp_ms,
    NULL::numeric AS avg_cls,
    NULL::public.web_vitals_source AS vitals_source,
    NULL::integer AS critical_issues,
    NULL::integer AS high_priority_issues,
    NULL::smallint AS previous_performance_score,
    NULL::bigint::private.bigint_not_null AS clicks,
    NULL::bigint::private.bigint_not_null AS impressions,
    NULL::numeric AS ctr,
    NULL::numeric AS avg_position,
    NULL::bigint::private.bigint_not_null AS previous_clicks,
    NULL::bigint::private.bigint_not_null AS previous_impressions,
    NULL::bigint::private.bigint_not_null AS queries,
    NULL::bigint::private.bigint_not_null AS pages_with_clicks
  WHERE false;
comment on view public.seo_overview_row is 'seo_overview''s single row. The latest audit up to p_to (PageSpeed''s site row, else a crawler''s): audited_on and the rest NULL without one; previous_performance_score the audit before it. Search Console over the range and the same number of days before it: clicks, impressions, previous_clicks, previous_impressions, queries and pages_with_clicks never null (0 without data); ctr and avg_position NULL without impressions. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.seo_overview_row to service_role;
grant select on public.seo_overview_row to authenticated;
