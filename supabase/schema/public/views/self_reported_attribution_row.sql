create view public.self_reported_attribution_row with (security_invoker=true) as
 SELECT NULL::public.marketing_channel AS channel,
    NULL::integer::private.integer_not_null AS responses,
    NULL::integer::private.integer_not_null AS orders,
    NULL::bigint::private.bigint_not_null AS self_reported_revenue_cents,
    NULL::numeric::private.numeric_not_null AS modelled_orders,
    NULL::bigint::private.bigint_not_null AS modelled_revenue_cents,
    NULL::numeric AS agreement
  WHERE false;
comment on view public.self_reported_attribution_row is 'One channel of self_reported_attribution. responses: answers to attribution questions naming it; orders and self_reported_revenue_cents: those answers'' orders (with a conversion) and their net revenue; modelled_orders and modelled_revenue_cents: what the attribution model credits the channel over the same surveyed orders; agreement: the share of its orders whose largest model credit went to the same channel (NULL without orders). The counts and sums are never null; channel is NULL for an answer of blanks without a mapping (the keyword rule names no channel for it). The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.self_reported_attribution_row to service_role;
grant select on public.self_reported_attribution_row to authenticated;
