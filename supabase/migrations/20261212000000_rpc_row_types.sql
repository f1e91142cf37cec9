-- RPC row types that tell the truth about nulls. The generated types make every attribute of a
-- composite type nullable, so the 18 row types the RPCs returned (ads_dashboard_row ...) said
-- `T | null` even where the database guarantees a value. The generator does honour a column whose
-- type is a NOT NULL domain, and types an RPC that returns a view's row type as that view's Row.
-- So each row type becomes a view of the same name (no rows of its own: a signed-in select('*') answers []) whose
-- never-null columns are NOT NULL domains; the public RPCs return it, and the database enforces
-- the promise: a NULL where the type says never fails the call (23502) instead of reaching a
-- frontend. The composite types move to private, where the implementations keep using them.
--
-- One shape per RPC: an RPC that always answers one row returns the row (PostgREST answers a JSON
-- object); set-returning RPCs answer arrays. ads_blended_roas, ads_roas_tile and
-- get_autopilot_dashboard_stats always answered one row as an array: they now answer the object.
--
-- Nothing else about these functions changes: each is re-created from its own definition as it
-- stands when this migration runs (checks, rate limits, volatility, grants, comments), so work
-- that changed them before this migration is kept, not replaced by a copy.

-- ===== NOT NULL domains, one per base type of a never-null column
create domain private.bigint_not_null as bigint not null;
create domain private.text_not_null as text not null;
create domain private.numeric_not_null as numeric not null;
create domain private.uuid_not_null as uuid not null;
create domain private.boolean_not_null as boolean not null;
create domain private.char3_not_null as character(3) not null;
create domain private.integer_not_null as integer not null;
create domain private.timestamptz_not_null as timestamp with time zone not null;
create domain private.autopilot_proposal_kind_not_null as public.autopilot_proposal_kind not null;
create domain private.jsonb_not_null as jsonb not null;
create domain private.date_not_null as date not null;
create domain private.float8_not_null as double precision not null;
create domain private.smallint_not_null as smallint not null;
create domain private.webhook_provider_not_null as public.webhook_provider not null;
create domain private.webhook_event_status_not_null as public.webhook_event_status not null;
create domain private.social_platform_not_null as public.social_platform not null;
comment on domain private.bigint_not_null is 'A bigint that is never null (the RPC row type views'' never-null columns).';
comment on domain private.text_not_null is 'A text that is never null (the RPC row type views'' never-null columns).';
comment on domain private.numeric_not_null is 'A numeric that is never null (the RPC row type views'' never-null columns).';
comment on domain private.uuid_not_null is 'A uuid that is never null (the RPC row type views'' never-null columns).';
comment on domain private.boolean_not_null is 'A boolean that is never null (the RPC row type views'' never-null columns).';
comment on domain private.char3_not_null is 'A character(3) that is never null (the RPC row type views'' never-null columns).';
comment on domain private.integer_not_null is 'A integer that is never null (the RPC row type views'' never-null columns).';
comment on domain private.timestamptz_not_null is 'A timestamp with time zone that is never null (the RPC row type views'' never-null columns).';
comment on domain private.autopilot_proposal_kind_not_null is 'A autopilot_proposal_kind that is never null (the RPC row type views'' never-null columns).';
comment on domain private.jsonb_not_null is 'A jsonb that is never null (the RPC row type views'' never-null columns).';
comment on domain private.date_not_null is 'A date that is never null (the RPC row type views'' never-null columns).';
comment on domain private.float8_not_null is 'A double precision that is never null (the RPC row type views'' never-null columns).';
comment on domain private.smallint_not_null is 'A smallint that is never null (the RPC row type views'' never-null columns).';
comment on domain private.webhook_provider_not_null is 'A webhook_provider that is never null (the RPC row type views'' never-null columns).';
comment on domain private.webhook_event_status_not_null is 'A webhook_event_status that is never null (the RPC row type views'' never-null columns).';
comment on domain private.social_platform_not_null is 'A social_platform that is never null (the RPC row type views'' never-null columns).';

-- ===== the composite types move out of the exposed schema (their implementations keep them)
alter type public.ads_blended_roas_row set schema private;
alter type public.ads_dashboard_row set schema private;
alter type public.ads_roas_tile_row set schema private;
alter type public.attribution_report_row set schema private;
alter type public.autopilot_dashboard_row set schema private;
alter type public.autopilot_proposal_row set schema private;
alter type public.dashboard_tiles_row set schema private;
alter type public.experiment_assignment_row set schema private;
alter type public.knowledge_match_row set schema private;
alter type public.open_review_request_row set schema private;
alter type public.product_rating_row set schema private;
alter type public.product_reviews_row set schema private;
alter type public.reorder_point_row set schema private;
alter type public.webhook_event_row set schema private;
alter type public.search_performance_row set schema private;
alter type public.seo_overview_row set schema private;
alter type public.social_overview_row set schema private;
alter type public.self_reported_attribution_row set schema private;

-- Private implementations that declare variables of these types by name (r public.X_row) are
-- re-created from the catalog with the type's new schema, and nothing else changed.
do $$
declare
  f oid;
  types constant text := '\mpublic\.(ads_blended_roas_row|ads_dashboard_row|ads_roas_tile_row|attribution_report_row|'
    || 'autopilot_dashboard_row|autopilot_proposal_row|dashboard_tiles_row|experiment_assignment_row|knowledge_match_row|'
    || 'open_review_request_row|product_rating_row|product_reviews_row|reorder_point_row|webhook_event_row|'
    || 'search_performance_row|seo_overview_row|social_overview_row|self_reported_attribution_row)\M';
begin
  for f in select p.oid from pg_proc p where p.pronamespace = 'private'::regnamespace and p.prosrc ~ types loop
    execute regexp_replace(pg_get_functiondef(f), types, 'private.\1', 'g');
  end loop;
end $$;

-- ===== the row types the API shows: views whose never-null columns are NOT NULL domains
create view public.ads_blended_roas_row with (security_invoker = true) as
  select null::private.bigint_not_null as ad_spend_cents,
         null::private.bigint_not_null as platform_revenue_cents,
         null::private.bigint_not_null as order_revenue_cents,
         null::private.bigint_not_null as orders,
         null::numeric as platform_roas,
         null::numeric as mer
  where false;
comment on view public.ads_blended_roas_row is 'ads_blended_roas'' single row. The sums are never null (0 without data); platform_roas and mer are NULL without spend. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.ads_blended_roas_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.ads_dashboard_row with (security_invoker = true) as
  select null::private.text_not_null as key,
         null::private.text_not_null as label,
         null::private.bigint_not_null as spend_cents,
         null::private.bigint_not_null as revenue_cents,
         null::private.bigint_not_null as impressions,
         null::private.bigint_not_null as clicks,
         null::private.numeric_not_null as conversions,
         null::numeric as roas,
         null::numeric as cpa_cents,
         null::numeric as ctr
  where false;
comment on view public.ads_dashboard_row is 'One row of ads_dashboard. Never null: key, label and the sums. NULL on a zero denominator: roas (no spend), cpa_cents (no conversions), ctr (no impressions). The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.ads_dashboard_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.ads_roas_tile_row with (security_invoker = true) as
  select null::private.bigint_not_null as spend_cents,
         null::private.bigint_not_null as revenue_cents,
         null::numeric as roas,
         null::numeric as previous_roas,
         null::numeric as change
  where false;
comment on view public.ads_roas_tile_row is 'ads_roas_tile''s single row. spend and revenue never null; roas NULL without spend in the last 30 days, previous_roas without spend in the 30 before, change when either is NULL or previous_roas is 0. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.ads_roas_tile_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.attribution_report_row with (security_invoker = true) as
  select null::private.text_not_null as key,
         null::private.text_not_null as label,
         null::public.marketing_channel as channel,
         null::uuid as ad_campaign_id,
         null::private.bigint_not_null as attributed_revenue_cents,
         null::private.numeric_not_null as conversions,
         null::bigint as spend_cents,
         null::numeric as roas
  where false;
comment on view public.attribution_report_row is 'One row of attribution_report: a channel or campaign with attributed revenue, credited conversions, ad spend and ROAS (null without spend). key, label, attributed_revenue_cents and conversions are never null. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.attribution_report_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.autopilot_dashboard_row with (security_invoker = true) as
  select null::private.uuid_not_null as workspace_id,
         null::private.boolean_not_null as autopilot_enabled,
         null::private.char3_not_null as currency,
         null::bigint as monthly_budget_cents,
         null::private.bigint_not_null as month_spend_cents,
         null::private.bigint_not_null as month_revenue_cents,
         null::numeric as month_roas,
         null::numeric as budget_used,
         null::private.integer_not_null as total_leads,
         null::private.integer_not_null as open_leads,
         null::private.integer_not_null as new_leads_7d,
         null::private.integer_not_null as hot_leads,
         null::private.integer_not_null as converted_leads_30d,
         null::numeric as average_lead_score,
         null::private.integer_not_null as active_campaigns,
         null::private.integer_not_null as auto_managed_campaigns,
         null::private.integer_not_null as open_tasks,
         null::private.integer_not_null as overdue_tasks,
         null::private.integer_not_null as activities_7d,
         null::private.integer_not_null as pending_approvals,
         null::date as last_report_week_start,
         null::numeric as last_report_roi,
         null::timestamp with time zone as next_weekly_report_at,
         null::timestamp with time zone as next_optimisation_at,
         null::private.timestamptz_not_null as as_of
  where false;
comment on view public.autopilot_dashboard_row is 'get_autopilot_dashboard_stats'' single row. Never null: workspace_id, autopilot_enabled, currency, the month''s spend and revenue, every count, as_of. NULL: monthly_budget_cents without a config; month_roas without spend; budget_used without a budget; average_lead_score without leads; last_report_* before the first finished week''s report; next_* while the autopilot is off. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.autopilot_dashboard_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.autopilot_proposal_row with (security_invoker = true) as
  select null::private.uuid_not_null as workspace_id,
         null::private.autopilot_proposal_kind_not_null as kind,
         null::private.uuid_not_null as campaign_id,
         null::private.uuid_not_null as ad_campaign_id,
         null::uuid as target_ad_campaign_id,
         null::private.numeric_not_null as roas_7d,
         null::private.numeric_not_null as target_roas,
         null::private.bigint_not_null as spend_7d_cents,
         null::private.bigint_not_null as revenue_7d_cents,
         null::bigint as amount_cents,
         null::private.text_not_null as dedupe_key,
         null::private.text_not_null as reason,
         null::private.jsonb_not_null as payload
  where false;
comment on view public.autopilot_proposal_row is 'One optimisation proposal. ad_campaign_id is the one paused or giving budget; target_ad_campaign_id receives budget (shift_budget only); payload is the proposed action as an approval carries it; dedupe_key names the action so a pending approval for it is not proposed twice. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.autopilot_proposal_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.dashboard_tiles_row with (security_invoker = true) as
  select null::private.date_not_null as as_of,
         null::character(3) as revenue_currency,
         null::private.bigint_not_null as revenue_cents,
         null::private.bigint_not_null as previous_revenue_cents,
         null::numeric as revenue_change,
         null::private.bigint_not_null as orders,
         null::bigint as average_order_cents,
         null::private.integer_not_null as skus_tracked,
         null::private.integer_not_null as skus_below_reorder_point,
         null::numeric as lowest_weeks_of_supply,
         null::timestamp with time zone as reorder_points_computed_at,
         null::private.bigint_not_null as ad_spend_cents,
         null::private.bigint_not_null as ad_revenue_cents,
         null::numeric as roas,
         null::numeric as previous_roas,
         null::numeric as roas_change,
         null::private.integer_not_null as pending_approvals,
         null::private.integer_not_null as urgent_approvals,
         null::private.integer_not_null as approvals_expiring_24h,
         null::timestamp with time zone as oldest_pending_approval_at,
         null::private.integer_not_null as open_errors,
         null::private.integer_not_null as open_alerts
  where false;
comment on view public.dashboard_tiles_row is 'dashboard_tiles'' single row. Windows: the 30 days before as_of and the 30 days before those. Never null: as_of, the revenue and order sums, skus_tracked, skus_below_reorder_point, ad spend and revenue, the approval counts, open_errors, open_alerts. NULL: revenue_currency without orders, ratios and averages whose denominator is 0, lowest_weeks_of_supply and timestamps without data. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.dashboard_tiles_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.experiment_assignment_row with (security_invoker = true) as
  select null::private.text_not_null as experiment_key,
         null::text as variant_key,
         null::text as variant_url,
         null::jsonb as variant_config,
         null::private.boolean_not_null as in_experiment,
         null::timestamp with time zone as assigned_at
  where false;
comment on view public.experiment_assignment_row is 'What assign_experiment answers: the variant to show, whether the visitor is in the experiment (false: not targeted, outside the traffic share, or the experiment is not running; then the control, or a completed experiment''s winner, is shown) and when it was assigned. experiment_key and in_experiment are never null. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.experiment_assignment_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.knowledge_match_row with (security_invoker = true) as
  select null::private.uuid_not_null as id,
         null::private.uuid_not_null as workspace_id,
         null::private.uuid_not_null as collection_id,
         null::private.uuid_not_null as document_id,
         null::text as document_title,
         null::private.integer_not_null as chunk_index,
         null::private.text_not_null as content,
         null::text as question,
         null::text as answer,
         null::text as source,
         null::private.jsonb_not_null as metadata,
         null::double precision as similarity,
         null::double precision as text_rank,
         null::private.float8_not_null as score
  where false;
comment on view public.knowledge_match_row is 'A search result, best first: the chunk, its document''s title, cosine similarity to the query (null when not compared), full-text rank (null when the text did not match) and score (similarity for vector search, the reciprocal rank fusion score for hybrid search, the rank for text search). Never null: id, workspace_id, collection_id, document_id, chunk_index, content, metadata, score. Nullable: document_title, question, answer, source, similarity, text_rank. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.knowledge_match_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.open_review_request_row with (security_invoker = true) as
  select null::private.uuid_not_null as workspace_id,
         null::text as order_number,
         null::private.jsonb_not_null as products,
         null::private.timestamptz_not_null as expires_at
  where false;
comment on view public.open_review_request_row is 'A review link''s form (open_review_request). Never null: workspace_id, products ([{shopify_product_id, title, reviewed}]), expires_at. NULL: order_number when the order has none. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.open_review_request_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.product_rating_row with (security_invoker = true) as
  select null::private.text_not_null as shopify_product_id,
         null::private.integer_not_null as review_count,
         null::numeric as average_rating,
         null::private.integer_not_null as rating_1,
         null::private.integer_not_null as rating_2,
         null::private.integer_not_null as rating_3,
         null::private.integer_not_null as rating_4,
         null::private.integer_not_null as rating_5
  where false;
comment on view public.product_rating_row is 'A product''s published-review summary (product_rating, product_ratings). Never null: shopify_product_id, review_count and rating_1 .. rating_5 (0 without reviews). NULL: average_rating without reviews. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.product_rating_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.product_reviews_row with (security_invoker = true) as
  select null::private.uuid_not_null as id,
         null::private.text_not_null as shopify_product_id,
         null::private.smallint_not_null as rating,
         null::text as title,
         null::private.text_not_null as body,
         null::private.text_not_null as author_name,
         null::private.boolean_not_null as verified_purchase,
         null::private.integer_not_null as helpful_count,
         null::private.integer_not_null as unhelpful_count,
         null::private.timestamptz_not_null as submitted_at,
         null::text as response_body,
         null::text as response_author_name,
         null::timestamp with time zone as responded_at,
         null::private.jsonb_not_null as media
  where false;
comment on view public.product_reviews_row is 'A published review as the storefront sees it (product_reviews): no email, order, status or moderation data. Never null: id, shopify_product_id, rating, body, author_name, verified_purchase, helpful_count, unhelpful_count, submitted_at, media (an array of {playback_id, duration_seconds, aspect_ratio}, empty without ready videos). NULL: title when none was given; response_* without a store reply. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.product_reviews_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.reorder_point_row with (security_invoker = true) as
  select null::private.uuid_not_null as product_id,
         null::text as sku,
         null::private.text_not_null as title,
         null::integer as on_hand,
         null::numeric as reorder_point,
         null::numeric as weeks_of_supply
  where false;
comment on view public.reorder_point_row is 'A SKU below its reorder point. product_id and title never null; sku NULL for variants without one, on_hand without a snapshot, reorder_point without a lead time, weeks_of_supply without demand. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.reorder_point_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.webhook_event_row with (security_invoker = true) as
  select null::private.bigint_not_null as id,
         null::private.webhook_provider_not_null as provider,
         null::private.text_not_null as topic,
         null::private.webhook_event_status_not_null as status,
         null::private.integer_not_null as deliveries,
         null::private.integer_not_null as process_attempts,
         null::text as error,
         null::private.timestamptz_not_null as received_at,
         null::timestamp with time zone as processed_at
  where false;
comment on view public.webhook_event_row is 'One inbound event as list_webhook_events shows it (no payload). Never null: id, provider, topic, status, deliveries, process_attempts, received_at; error and processed_at may be. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.webhook_event_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.search_performance_row with (security_invoker = true) as
  select null::text as key,
         null::private.bigint_not_null as clicks,
         null::private.bigint_not_null as impressions,
         null::numeric as ctr,
         null::numeric as avg_position
  where false;
comment on view public.search_performance_row is 'One row of search_performance: a query, page, country (alpha-2), device or day (YYYY-MM-DD) with its clicks and impressions (never null), CTR (clicks / impressions; NULL without impressions) and average position weighted by impressions (NULL without impressions). The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.search_performance_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.seo_overview_row with (security_invoker = true) as
  select null::date as audited_on,
         null::integer as pages_audited,
         null::smallint as performance_score,
         null::smallint as content_score,
         null::smallint as technical_score,
         null::smallint as overall_score,
         null::integer as avg_lcp_ms,
         null::integer as avg_inp_ms,
         null::numeric as avg_cls,
         null::public.web_vitals_source as vitals_source,
         null::integer as critical_issues,
         null::integer as high_priority_issues,
         null::smallint as previous_performance_score,
         null::private.bigint_not_null as clicks,
         null::private.bigint_not_null as impressions,
         null::numeric as ctr,
         null::numeric as avg_position,
         null::private.bigint_not_null as previous_clicks,
         null::private.bigint_not_null as previous_impressions,
         null::private.bigint_not_null as queries,
         null::private.bigint_not_null as pages_with_clicks
  where false;
comment on view public.seo_overview_row is 'seo_overview''s single row. The latest audit up to p_to (PageSpeed''s site row, else a crawler''s): audited_on and the rest NULL without one; previous_performance_score the audit before it. Search Console over the range and the same number of days before it: clicks, impressions, previous_clicks, previous_impressions, queries and pages_with_clicks never null (0 without data); ctr and avg_position NULL without impressions. The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.seo_overview_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.social_overview_row with (security_invoker = true) as
  select null::private.social_platform_not_null as platform,
         null::private.integer_not_null as accounts,
         null::bigint as followers,
         null::bigint as followers_change,
         null::bigint as reach,
         null::bigint as profile_views,
         null::private.integer_not_null as posts_published,
         null::private.bigint_not_null as post_views,
         null::private.bigint_not_null as post_engagements,
         null::bigint as post_reach,
         null::numeric as engagement_rate,
         null::private.integer_not_null as scheduled_waiting
  where false;
comment on view public.social_overview_row is 'One platform of social_overview. Never null: platform, accounts, posts_published, post_views, post_engagements, scheduled_waiting. NULL without data: followers (latest known), followers_change (over the range), reach and profile_views (sums of the accounts'' days), post_reach, engagement_rate (post engagements / post reach). The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.social_overview_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

create view public.self_reported_attribution_row with (security_invoker = true) as
  select null::public.marketing_channel as channel,
         null::private.integer_not_null as responses,
         null::private.integer_not_null as orders,
         null::private.bigint_not_null as self_reported_revenue_cents,
         null::private.numeric_not_null as modelled_orders,
         null::private.bigint_not_null as modelled_revenue_cents,
         null::numeric as agreement
  where false;
comment on view public.self_reported_attribution_row is 'One channel of self_reported_attribution. responses: answers to attribution questions naming it; orders and self_reported_revenue_cents: those answers'' orders (with a conversion) and their net revenue; modelled_orders and modelled_revenue_cents: what the attribution model credits the channel over the same surveyed orders; agreement: the share of its orders whose largest model credit went to the same channel (NULL without orders). The counts and sums are never null; channel is NULL for an answer of blanks without a mapping (the keyword rule names no channel for it). The row type of the RPCs that return it (no rows of its own): never-null columns are NOT NULL domains, so the generated types say so.';
grant select on public.self_reported_attribution_row to authenticated;  -- a signed-in select('*') answers [] rather than 403

-- Each view has exactly its type's columns, in order, over the same base types: the views are
-- written out above, so a type that changed since would be caught here rather than go stale.
do $$
declare
  t text;
  problem text;
begin
  foreach t in array array['ads_blended_roas_row', 'ads_dashboard_row', 'ads_roas_tile_row', 'attribution_report_row',
    'autopilot_dashboard_row', 'autopilot_proposal_row', 'dashboard_tiles_row', 'experiment_assignment_row',
    'knowledge_match_row', 'open_review_request_row', 'product_rating_row', 'product_reviews_row', 'reorder_point_row',
    'webhook_event_row', 'search_performance_row', 'seo_overview_row', 'social_overview_row',
    'self_reported_attribution_row'] loop
    select string_agg(coalesce(v.attname, '-') || ' vs ' || coalesce(c.attname, '-'), '; ') into problem
    from (select a.attnum, a.attname, coalesce(nullif(ty.typbasetype, 0), a.atttypid) as base
          from pg_attribute a join pg_type ty on ty.oid = a.atttypid
          where a.attrelid = format('public.%I', t)::regclass and a.attnum > 0) v
    full join (select a.attnum, a.attname, a.atttypid as base from pg_attribute a
               where a.attrelid = format('private.%I', t)::regclass and a.attnum > 0 and not a.attisdropped) c
      on c.attnum = v.attnum and c.attname = v.attname and c.base = v.base
    where v.attname is null or c.attname is null;
    if problem is not null then
      raise exception 'public.% does not match private.%: %', t, t, problem;
    end if;
  end loop;
end $$;

-- ===== the public RPCs return the views
-- A function's result type cannot be altered, so each of the 24 RPCs is dropped and created again
-- from its own current definition (pg_get_functiondef: body, volatility, rate limits, checks as
-- they are now), with its grants and comment restored. What changes in the text:
--   * the result type: the view (one row, not SETOF, for the RPCs that always answer one row);
--   * plpgsql RETURN QUERY must match the result's column types exactly (a NOT NULL domain is
--     another type), so each `return query <q>` becomes `return query select (row(q.*)::view).*
--     from (<q>) q`, casting each value to its column's type, domains included;
--   * a one-row plpgsql `return private.f(...)` or `return query <q>` returns that row cast to
--     the view likewise;
--   * arrays of rows a body collects keep the implementation's type (private.X_row[]);
--   * a sql body `select private.f(...)` (one composite value) reads the row's columns instead.
-- Every rewrite must apply where the current text calls for it, or the migration fails.
do $$
declare
  f record;
  def text;
  body_from int;
  head text;
  body text;
  was text;
  grantees text[];
  grantee text;
  cmt text;
  sig text;
  saved_path text := current_setting('search_path');
begin
  -- every name in the definitions and signatures written out in full
  perform set_config('search_path', '', true);
  for f in
    select x.fn::regprocedure::oid as oid, x.row_type, x.one_row
    from (values
      ('public.ads_blended_roas(uuid, date, date)', 'ads_blended_roas_row', true),
      ('public.ads_dashboard(uuid, date, date, public.ads_group_by)', 'ads_dashboard_row', false),
      ('public.ads_roas_tile(uuid, date)', 'ads_roas_tile_row', true),
      ('public.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by)',
       'attribution_report_row', false),
      ('public.get_autopilot_dashboard_stats(uuid, date)', 'autopilot_dashboard_row', true),
      ('public.dashboard_tiles(uuid, date)', 'dashboard_tiles_row', true),
      ('public.preview_autopilot_optimisations(uuid, date)', 'autopilot_proposal_row', false),
      ('public.assign_experiment(uuid, text, text, jsonb)', 'experiment_assignment_row', true),
      ('public.match_knowledge_chunks(extensions.vector, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model)',
       'knowledge_match_row', false),
      ('public.hybrid_search_knowledge_chunks(text, extensions.vector, integer, double precision, double precision, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model)',
       'knowledge_match_row', false),
      ('public.search_user_knowledge(uuid, extensions.vector, integer, double precision)', 'knowledge_match_row', false),
      ('public.search_demo_knowledge(extensions.vector, uuid, double precision, integer)', 'knowledge_match_row', false),
      ('public.knowledge_search(uuid, text, extensions.vector, public.embedding_model, public.knowledge_search_mode, integer, double precision, uuid[], uuid[], text[], double precision, double precision, double precision)',
       'knowledge_match_row', false),
      ('public.search_public_demo(uuid, text, extensions.vector, integer)', 'knowledge_match_row', false),
      ('public.open_review_request(text)', 'open_review_request_row', true),
      ('public.product_rating(uuid, text)', 'product_rating_row', true),
      ('public.product_ratings(uuid, text[])', 'product_rating_row', false),
      ('public.product_reviews(uuid, text, public.review_sort, integer, integer)', 'product_reviews_row', false),
      ('public.recompute_reorder_points(uuid, date)', 'reorder_point_row', false),
      ('public.list_webhook_events(uuid, public.webhook_event_status, integer)', 'webhook_event_row', false),
      ('public.search_performance(uuid, date, date, public.search_dimension, integer)', 'search_performance_row', false),
      ('public.seo_overview(uuid, date, date)', 'seo_overview_row', true),
      ('public.social_overview(uuid, date, date)', 'social_overview_row', false),
      ('public.self_reported_attribution(uuid, date, date, public.attribution_model)', 'self_reported_attribution_row', false)
    ) x (fn, row_type, one_row)
  loop
    sig := f.oid::regprocedure::text;
    def := pg_get_functiondef(f.oid);
    body_from := strpos(def, E'\nAS $function$');
    head := left(def, body_from - 1);
    body := substr(def, body_from);
    cmt := obj_description(f.oid, 'pg_proc');

    -- the result type (the composite type already moved to private)
    was := head;
    head := regexp_replace(head, '\n RETURNS (SETOF )?private\.' || f.row_type || '\n',
      E'\n RETURNS ' || case when f.one_row then '' else 'SETOF ' end || 'public.' || f.row_type || E'\n');
    if head = was then
      raise exception '% does not return private.%', sig, f.row_type;
    end if;

    if def ~ '\n LANGUAGE plpgsql\n' then
      body := regexp_replace(body, '\mpublic\.(\w+_row)\[\]', 'private.\1[]', 'g');
      if f.one_row then
        -- `return query <q>;` (a set of one row) and `return private.f(...);` (a row of the private
        -- type) return that row cast to the view; `return r;` of a view-typed variable stays
        body := regexp_replace(body, '\mreturn query\s+([^;]*);',
          'return (select row(q.*)::public.' || f.row_type || ' from (\1) q);', 'g');
        body := regexp_replace(body, '\mreturn (private\.\w+\([^;]*\));',
          'return (select row(x.*)::public.' || f.row_type || ' from \1 x);', 'g');
      else
        was := body;
        body := regexp_replace(body, '\mreturn query\s+([^;]*);',
          'return query select (row(q.*)::public.' || f.row_type || ').* from (\1) q;', 'g');
        if body = was then
          raise exception '% has no RETURN QUERY to rewrite', sig;
        end if;
      end if;
    elsif def ~ '\n LANGUAGE sql\n' then
      body := regexp_replace(body, '\$function\$\s*select (private\.\w+\([^;]*\))\s*\$function\$',
        E'$function$\n  select * from \\1\n$function$');
    else
      raise exception '% is neither sql nor plpgsql', sig;
    end if;

    -- what may call it, as it was
    select coalesce(array_agg(case when a.grantee = 0 then 'public' else quote_ident(r.rolname) end), '{}') into grantees
    from pg_proc p, aclexplode(p.proacl) a left join pg_roles r on r.oid = a.grantee
    where p.oid = f.oid and a.privilege_type = 'EXECUTE' and a.grantee <> p.proowner;

    execute 'drop function ' || sig;
    execute head || body;
    execute format('revoke all on function %s from public, anon, authenticated, service_role', sig);
    foreach grantee in array grantees loop
      execute format('grant execute on function %s to %s', sig, grantee);
    end loop;
    if f.one_row and cmt !~ 'Answers one row' then
      cmt := cmt || ' Answers one row (a JSON object).';
    end if;
    execute format('comment on function %s is %L', sig, cmt);
  end loop;
  perform set_config('search_path', saved_path, true);
end $$;
