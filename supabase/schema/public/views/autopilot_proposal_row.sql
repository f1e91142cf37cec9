create view public.autopilot_proposal_row with (security_invoker=true) as
 SELECT NULL::uuid::private.uuid_not_null AS workspace_id,
    NULL::public.autopilot_proposal_kind::private.autopilot_proposal_kind_not_null AS kind,
    NULL::uuid::private.uuid_not_null AS campaign_id,
    NULL::uuid::private.uuid_not_null AS ad_campaign_id,
    NULL::uuid AS target_ad_campaign_id,
    NULL::numeric::private.numeric_not_null AS roas_7d,
    NULL::numeric::private.numeric_not_null AS target_roas,
    NULL::bigint::private.bigint_not_null AS spend_7d_cents,
    NULL::bigint::private.bigint_not_null AS revenue_7d_cents,
    NULL::bigint AS amount_cents,
    NULL::text::private.text_not_null AS dedupe_key,
    NULL::text::private.text_not_null AS reason,
    NULL::jsonb::private.jsonb_not_null AS payload
  WHERE false;
comment on view public.autopilot_proposal_row is 'One optimisation proposal. ad_campaign_id is the one paused or giving budget; target_ad_campaign_id receives budget (shift_budget only); payload is the proposed action as an approval carries it; dedupe_key names the action so a pending approval for it is not proposed twice. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant insert, select, update, delete, truncate, references, trigger on public.autopilot_proposal_row to service_role;
grant select on public.autopilot_proposal_row to authenticated;
