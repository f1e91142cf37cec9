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

create type private.personal_column_kind as enum ('user_fk', 'user_named', 'email');
comment on type private.personal_column_kind is 'R1 user_fk: foreign key to auth.users; R2 user_named: uuid named like a user reference; R3 email: text named email or *_email.';

create type private.provider_call_outcome as enum ('ok', 'throttled', 'token_invalid', 'retry_later', 'bad_request');
comment on type private.provider_call_outcome is 'How one provider call ended, as functions/_shared/providers/http.ts classifies it: ok; throttled (wait until a time the provider gave or implied); token_invalid (after one refresh); retry_later (timeout, 5xx, connection failure); bad_request (the provider refused what we sent).';

create type private.slack_message as (
  workspace_id uuid,
  channel text,
  ts text,
  text text,
  blocks jsonb
);
comment on type private.slack_message is 'A Slack message as the slack-post worker sends it: where, the ts to edit (null: post a new one), fallback text and Block Kit blocks.';

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
