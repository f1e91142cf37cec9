create type private.ad_metric_row as (
  idx bigint,
  problem text,
  platform public.ad_platform,
  level public.ad_level,
  object_id uuid,
  ad_account_id uuid,
  campaign_id uuid,
  ad_group_id uuid,
  ad_id uuid,
  day date,
  currency character(3),
  spend_cents bigint,
  impressions bigint,
  clicks bigint,
  conversions numeric,
  revenue_cents bigint
);
comment on type private.ad_metric_row is 'One validated, resolved row of an ingest_ad_metrics batch.';

create type private.ad_sync_metric as (
  idx integer,
  level text,
  ext text,
  name text,
  ad_group_ext text,
  ad_group_name text,
  campaign_ext text,
  campaign_name text,
  day date,
  spend bigint,
  impressions bigint,
  clicks bigint,
  conversions numeric,
  revenue bigint,
  problem text
);
comment on type private.ad_sync_metric is 'A daily row of an ads sync page after its check: the object, its parents'' ids and names, the day, amounts in minor units, and the problem that rejects it (null when it is fine).';

create type private.ads_blended_roas_row as (
  ad_spend_cents bigint,
  platform_revenue_cents bigint,
  order_revenue_cents bigint,
  orders bigint,
  platform_roas numeric,
  mer numeric
);
comment on type private.ads_blended_roas_row is 'ads_blended_roas'' single row. The sums are never null (0 without data); platform_roas and mer are NULL without spend.';

create type private.ads_dashboard_row as (
  key text,
  label text,
  spend_cents bigint,
  revenue_cents bigint,
  impressions bigint,
  clicks bigint,
  conversions numeric,
  roas numeric,
  cpa_cents numeric,
  ctr numeric
);
comment on type private.ads_dashboard_row is 'One row of ads_dashboard. Never null: key, label and the sums. NULL on a zero denominator: roas (no spend), cpa_cents (no conversions), ctr (no impressions).';

create type private.ads_roas_tile_row as (
  spend_cents bigint,
  revenue_cents bigint,
  roas numeric,
  previous_roas numeric,
  change numeric
);
comment on type private.ads_roas_tile_row is 'ads_roas_tile''s single row. spend and revenue never null; roas NULL without spend in the last 30 days, previous_roas without spend in the 30 before, change when either is NULL or previous_roas is 0.';

create type private.agent_query_logged as (
  query_id bigint,
  cost_micros bigint,
  run_cost_micros bigint,
  run_tokens bigint,
  month_spent_micros bigint,
  monthly_budget_micros bigint,
  run_status public.agent_run_status
);
comment on type private.agent_query_logged is 'What private.record_agent_query tells the runtime after logging a call.';

create type private.agent_run_claim as (
  run_id uuid,
  workspace_id uuid,
  agent_id uuid,
  kind public.agent_run_kind,
  acting_user_id uuid,
  model text,
  model_id uuid,
  provider public.ai_provider,
  chat_session_id uuid,
  lease_expires_at timestamp with time zone
);
comment on type private.agent_run_claim is 'A run as private.claim_agent_runs hands it to the runtime.';

create type private.attribution_report_row as (
  key text,
  label text,
  channel public.marketing_channel,
  ad_campaign_id uuid,
  attributed_revenue_cents bigint,
  conversions numeric,
  spend_cents bigint,
  roas numeric
);
comment on type private.attribution_report_row is 'One row of attribution_report: a channel or campaign with attributed revenue, credited conversions, ad spend and ROAS (null without spend). key, label, attributed_revenue_cents and conversions are never null.';

create type private.autopilot_dashboard_row as (
  workspace_id uuid,
  autopilot_enabled boolean,
  currency character(3),
  monthly_budget_cents bigint,
  month_spend_cents bigint,
  month_revenue_cents bigint,
  month_roas numeric,
  budget_used numeric,
  total_leads integer,
  open_leads integer,
  new_leads_7d integer,
  hot_leads integer,
  converted_leads_30d integer,
  average_lead_score numeric,
  active_campaigns integer,
  auto_managed_campaigns integer,
  open_tasks integer,
  overdue_tasks integer,
  activities_7d integer,
  pending_approvals integer,
  last_report_week_start date,
  last_report_roi numeric,
  next_weekly_report_at timestamp with time zone,
  next_optimisation_at timestamp with time zone,
  as_of timestamp with time zone
);
comment on type private.autopilot_dashboard_row is 'get_autopilot_dashboard_stats'' single row. Never null: workspace_id, autopilot_enabled, currency, the month''s spend and revenue, every count, as_of. NULL: monthly_budget_cents without a config; month_roas without spend; budget_used without a budget; average_lead_score without leads; last_report_* before the first finished week''s report; next_* while the autopilot is off.';

create type private.autopilot_proposal_row as (
  workspace_id uuid,
  kind public.autopilot_proposal_kind,
  campaign_id uuid,
  ad_campaign_id uuid,
  target_ad_campaign_id uuid,
  roas_7d numeric,
  target_roas numeric,
  spend_7d_cents bigint,
  revenue_7d_cents bigint,
  amount_cents bigint,
  dedupe_key text,
  reason text,
  payload jsonb
);
comment on type private.autopilot_proposal_row is 'One optimisation proposal. ad_campaign_id is the one paused or giving budget; target_ad_campaign_id receives budget (shift_budget only); payload is the proposed action as an approval carries it; dedupe_key names the action so a pending approval for it is not proposed twice.';

create type private.connector_job_claim as (
  job_id bigint,
  lease_id uuid,
  workspace_id uuid,
  connection_id uuid,
  provider public.integration_provider,
  external_account_id text,
  idempotency_key text,
  payload jsonb,
  progress jsonb,
  attempts integer,
  max_attempts integer
);
comment on type private.connector_job_claim is 'One leased job as private.claim_connector_jobs hands it to a worker, with its connection''s provider and account.';

create type private.connector_job_outcome as enum ('done', 'continue', 'wait', 'retry', 'throttled', 'dead');
comment on type private.connector_job_outcome is 'How a worker''s turn on a job ended: done; continue (progress made, more to do: due again at once, failures forgotten); wait (the provider is preparing something: due at p_retry_at, the attempt not counted); retry (failed: backoff, dead after max_attempts); throttled (the connection must wait: due at p_retry_at, not counted); dead (a permanent failure).';

create type private.connector_job_status as enum ('queued', 'running', 'done', 'dead');
comment on type private.connector_job_status is 'queued (due at next_attempt_at) -> running (leased until lease_expires_at) -> done | queued again | dead (dead letter: last_error says why).';

create type private.dashboard_tiles_row as (
  as_of date,
  revenue_currency character(3),
  revenue_cents bigint,
  previous_revenue_cents bigint,
  revenue_change numeric,
  orders bigint,
  average_order_cents bigint,
  skus_tracked integer,
  skus_below_reorder_point integer,
  lowest_weeks_of_supply numeric,
  reorder_points_computed_at timestamp with time zone,
  ad_spend_cents bigint,
  ad_revenue_cents bigint,
  roas numeric,
  previous_roas numeric,
  roas_change numeric,
  pending_approvals integer,
  urgent_approvals integer,
  approvals_expiring_24h integer,
  oldest_pending_approval_at timestamp with time zone,
  open_errors integer,
  open_alerts integer
);
comment on type private.dashboard_tiles_row is 'dashboard_tiles'' single row. Windows: the 30 days before as_of and the 30 days before those. Never null: as_of, the revenue and order sums, skus_tracked, skus_below_reorder_point, ad spend and revenue, the approval counts, open_errors, open_alerts. NULL: revenue_currency without orders, ratios and averages whose denominator is 0, lowest_weeks_of_supply and timestamps without data.';

create type private.email_batch as (
  batch_key text,
  kind public.email_kind,
  messages jsonb
);
comment on type private.email_batch is 'One provider call as the email-send worker gets it: its Idempotency-Key, its kind (campaign batches use the batch endpoint) and its messages in id order.';

create type private.email_message_status as enum ('queued', 'sending', 'sent', 'delivered', 'bounced', 'complained', 'suppressed', 'failed');
comment on type private.email_message_status is 'queued -> sending (claimed, leased) -> sent (Resend accepted it) -> delivered | bounced | complained; queued -> suppressed (never sent); sending -> queued (retry, throttled) | failed (dead letter).';

create type private.embedding_job_status as enum ('queued', 'running', 'done', 'dead');
comment on type private.embedding_job_status is 'queued (waiting until visible_at) -> running (leased until visible_at) -> done | dead (dead letter, last_error says why); a failed attempt goes back to queued.';

create type private.experiment_assignment_row as (
  experiment_key text,
  variant_key text,
  variant_url text,
  variant_config jsonb,
  in_experiment boolean,
  assigned_at timestamp with time zone
);
comment on type private.experiment_assignment_row is 'What assign_experiment answers: the variant to show, whether the visitor is in the experiment (false: not targeted, outside the traffic share, or the experiment is not running; then the control, or a completed experiment''s winner, is shown) and when it was assigned. experiment_key and in_experiment are never null.';

create type private.gift_card_intent as (
  state text,
  transaction_id uuid,
  amount_cents bigint,
  currency character(3),
  shopify_order_id text,
  shopify_customer_id text,
  code_ciphertext text,
  last_characters text,
  call_started_at timestamp with time zone
);
comment on type private.gift_card_intent is 'What private.gift_card_intent hands the worker: state (issue: go on; settled: already issued, emailed or voided), the card, its order and customer, and the recorded code.';

create type private.knowledge_match_row as (
  id uuid,
  workspace_id uuid,
  collection_id uuid,
  document_id uuid,
  document_title text,
  chunk_index integer,
  content text,
  question text,
  answer text,
  source text,
  metadata jsonb,
  similarity double precision,
  text_rank double precision,
  score double precision
);
comment on type private.knowledge_match_row is 'A search result, best first: the chunk, its document''s title, cosine similarity to the query (null when not compared), full-text rank (null when the text did not match) and score (similarity for vector search, the reciprocal rank fusion score for hybrid search, the rank for text search). Never null: id, workspace_id, collection_id, document_id, chunk_index, content, metadata, score. Nullable: document_title, question, answer, source, similarity, text_rank.';

create type private.knowledge_text_candidate as (
  chunk_id uuid,
  rank double precision
);
comment on type private.knowledge_text_candidate is 'A chunk and its full-text rank for the query.';

create type private.knowledge_vector_candidate as (
  chunk_id uuid,
  distance double precision
);
comment on type private.knowledge_vector_candidate is 'A chunk and its cosine distance to the query.';

create type private.open_review_request_row as (
  workspace_id uuid,
  order_number text,
  products jsonb,
  expires_at timestamp with time zone
);
comment on type private.open_review_request_row is 'A review link''s form (open_review_request). Never null: workspace_id, products ([{shopify_product_id, title, reviewed}]), expires_at. NULL: order_number when the order has none.';

create type private.personal_column_kind as enum ('user_fk', 'user_named', 'email');
comment on type private.personal_column_kind is 'R1 user_fk: foreign key to auth.users; R2 user_named: uuid named like a user reference; R3 email: text named email or *_email.';

create type private.product_rating_row as (
  shopify_product_id text,
  review_count integer,
  average_rating numeric,
  rating_1 integer,
  rating_2 integer,
  rating_3 integer,
  rating_4 integer,
  rating_5 integer
);
comment on type private.product_rating_row is 'A product''s published-review summary (product_rating, product_ratings). Never null: shopify_product_id, review_count and rating_1 .. rating_5 (0 without reviews). NULL: average_rating without reviews.';

create type private.product_reviews_row as (
  id uuid,
  shopify_product_id text,
  rating smallint,
  title text,
  body text,
  author_name text,
  verified_purchase boolean,
  helpful_count integer,
  unhelpful_count integer,
  submitted_at timestamp with time zone,
  response_body text,
  response_author_name text,
  responded_at timestamp with time zone,
  media jsonb
);
comment on type private.product_reviews_row is 'A published review as the storefront sees it (product_reviews): no email, order, status or moderation data. Never null: id, shopify_product_id, rating, body, author_name, verified_purchase, helpful_count, unhelpful_count, submitted_at, media (an array of {playback_id, duration_seconds, aspect_ratio}, empty without ready videos). NULL: title when none was given; response_* without a store reply.';

create type private.provider_call_outcome as enum ('ok', 'throttled', 'token_invalid', 'retry_later', 'bad_request');
comment on type private.provider_call_outcome is 'How one provider call ended, as functions/_shared/providers/http.ts classifies it: ok; throttled (wait until a time the provider gave or implied); token_invalid (after one refresh); retry_later (timeout, 5xx, connection failure); bad_request (the provider refused what we sent).';

create type private.reorder_point_row as (
  product_id uuid,
  sku text,
  title text,
  on_hand integer,
  reorder_point numeric,
  weeks_of_supply numeric
);
comment on type private.reorder_point_row is 'A SKU below its reorder point. product_id and title never null; sku NULL for variants without one, on_hand without a snapshot, reorder_point without a lead time, weeks_of_supply without demand.';

create type private.search_performance_row as (
  key text,
  clicks bigint,
  impressions bigint,
  ctr numeric,
  avg_position numeric
);
comment on type private.search_performance_row is 'One row of search_performance: a query, page, country (alpha-2), device or day (YYYY-MM-DD) with its clicks and impressions (never null), CTR (clicks / impressions; NULL without impressions) and average position weighted by impressions (NULL without impressions).';

create type private.self_reported_attribution_row as (
  channel public.marketing_channel,
  responses integer,
  orders integer,
  self_reported_revenue_cents bigint,
  modelled_orders numeric,
  modelled_revenue_cents bigint,
  agreement numeric
);
comment on type private.self_reported_attribution_row is 'One channel of self_reported_attribution. responses: answers to attribution questions naming it; orders and self_reported_revenue_cents: those answers'' orders (with a conversion) and their net revenue; modelled_orders and modelled_revenue_cents: what the attribution model credits the channel over the same surveyed orders; agreement: the share of its orders whose largest model credit went to the same channel (NULL without orders). All but agreement are never null.';

create type private.seo_overview_row as (
  audited_on date,
  pages_audited integer,
  performance_score smallint,
  content_score smallint,
  technical_score smallint,
  overall_score smallint,
  avg_lcp_ms integer,
  avg_inp_ms integer,
  avg_cls numeric,
  vitals_source public.web_vitals_source,
  critical_issues integer,
  high_priority_issues integer,
  previous_performance_score smallint,
  clicks bigint,
  impressions bigint,
  ctr numeric,
  avg_position numeric,
  previous_clicks bigint,
  previous_impressions bigint,
  queries bigint,
  pages_with_clicks bigint
);
comment on type private.seo_overview_row is 'seo_overview''s single row. The latest audit up to p_to (PageSpeed''s site row, else a crawler''s): audited_on and the rest NULL without one; previous_performance_score the audit before it. Search Console over the range and the same number of days before it: clicks, impressions, queries and pages_with_clicks never null (0 without data); ctr and avg_position NULL without impressions.';

create type private.slack_message as (
  workspace_id uuid,
  channel text,
  ts text,
  text text,
  blocks jsonb
);
comment on type private.slack_message is 'A Slack message as the slack-post worker sends it: where, the ts to edit (null: post a new one), fallback text and Block Kit blocks.';

create type private.social_overview_row as (
  platform public.social_platform,
  accounts integer,
  followers bigint,
  followers_change bigint,
  reach bigint,
  profile_views bigint,
  posts_published integer,
  post_views bigint,
  post_engagements bigint,
  post_reach bigint,
  engagement_rate numeric,
  scheduled_waiting integer
);
comment on type private.social_overview_row is 'One platform of social_overview. Never null: platform, accounts, posts_published, post_views, post_engagements, scheduled_waiting. NULL without data: followers (latest known), followers_change (over the range), reach and profile_views (sums of the accounts'' days), post_reach, engagement_rate (post engagements / post reach).';

create type private.variant_moments as (
  variant_id uuid,
  variant_key text,
  is_control boolean,
  weight numeric,
  n bigint,
  conversions bigint,
  sum_x double precision,
  sum_xx double precision,
  sum_o double precision,
  sum_oo double precision,
  sum_xo double precision,
  sum_c double precision,
  sum_cc double precision,
  sum_xc double precision
);
comment on type private.variant_moments is 'Sufficient statistics of one variant for private.compute_experiment_results: x = purchase revenue per visitor (cents), o = purchases per visitor, c = pre-exposure net order revenue per visitor (cents).';

create type private.webhook_event_row as (
  id bigint,
  provider public.webhook_provider,
  topic text,
  status public.webhook_event_status,
  deliveries integer,
  process_attempts integer,
  error text,
  received_at timestamp with time zone,
  processed_at timestamp with time zone
);
comment on type private.webhook_event_row is 'One inbound event as list_webhook_events shows it (no payload). Never null: id, provider, topic, status, deliveries, process_attempts, received_at; error and processed_at may be.';
