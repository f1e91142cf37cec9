create view public.search_performance_row with (security_invoker=true) as
 SELECT NULL::text AS key,
    NULL::bigint::private.bigint_not_null AS clicks,
    NULL::bigint::private.bigint_not_null AS impressions,
    NULL::numeric AS ctr,
    NULL::numeric AS avg_position
  WHERE false;
comment on view public.search_performance_row is 'One row of search_performance: a query, page, country (alpha-2), device or day (YYYY-MM-DD) with its clicks and impressions (never null), CTR (clicks / impressions; NULL without impressions) and average position weighted by impressions (NULL without impressions). The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.search_performance_row to service_role;
grant select on public.search_performance_row to authenticated;
