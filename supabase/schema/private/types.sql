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

create type private.embedding_job_status as enum ('queued', 'running', 'done', 'dead');
comment on type private.embedding_job_status is 'queued (waiting until visible_at) -> running (leased until visible_at) -> done | dead (dead letter, last_error says why); a failed attempt goes back to queued.';

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
