create view public.ads_roas_tile_row with (security_invoker=true) as
 SELECT NULL::bigint::private.bigint_not_null AS spend_cents,
    NULL::bigint::private.bigint_not_null AS revenue_cents,
    NULL::numeric AS roas,
    NULL::numeric AS previous_roas,
    NULL::numeric AS change
  WHERE false;
comment on view public.ads_roas_tile_row is 'ads_roas_tile''s single row. spend and revenue never null; roas NULL without spend in the last 30 days, previous_roas without spend in the 30 before, change when either is NULL or previous_roas is 0. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.ads_roas_tile_row to service_role;
grant select on public.ads_roas_tile_row to authenticated;
