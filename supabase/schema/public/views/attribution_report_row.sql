create view public.attribution_report_row with (security_invoker=true) as
 SELECT NULL::text::private.text_not_null AS key,
    NULL::text::private.text_not_null AS label,
    NULL::public.marketing_channel AS channel,
    NULL::uuid AS ad_campaign_id,
    NULL::bigint::private.bigint_not_null AS attributed_revenue_cents,
    NULL::numeric::private.numeric_not_null AS conversions,
    NULL::bigint AS spend_cents,
    NULL::numeric AS roas
  WHERE false;
comment on view public.attribution_report_row is 'One row of attribution_report: a channel or campaign with attributed revenue, credited conversions, ad spend and ROAS (null without spend). key, label, attributed_revenue_cents and conversions are never null. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.attribution_report_row to service_role;
grant select on public.attribution_report_row to authenticated;
