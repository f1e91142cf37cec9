-- RPC row types that tell the truth about nulls. The generated types make every attribute of a
-- composite type nullable, so the 14 row types the RPCs returned (ads_dashboard_row ...) said
-- `T | null` even where the database guarantees a value. The generator does honour a column whose
-- type is a NOT NULL domain, and types an RPC that returns a view's row type as that view's Row.
-- So each row type becomes a view of the same name (no rows of its own: a signed-in select('*') answers []) whose
-- never-null columns are NOT NULL domains; the public RPCs return it, and the database enforces
-- the promise: a NULL where the type says never fails the call (23502) instead of reaching a
-- frontend. The composite types move to private, where the implementations keep using them.
--
-- One shape per RPC: an RPC that always answers one row returns the row (PostgREST answers a JSON
-- object); set-returning RPCs answer arrays. ads_blended_roas, ads_roas_tile and
-- get_autopilot_dashboard_stats always answered one row as an array: they now answer the object
-- (`.single()` keeps working).

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

-- Private implementations that declare variables of these types by name (r public.X_row) are
-- re-created from the catalog with the type's new schema, and nothing else changed.
do $$
declare
  f oid;
  types constant text := '\mpublic\.(ads_blended_roas_row|ads_dashboard_row|ads_roas_tile_row|attribution_report_row|'
    || 'autopilot_dashboard_row|autopilot_proposal_row|dashboard_tiles_row|experiment_assignment_row|knowledge_match_row|'
    || 'open_review_request_row|product_rating_row|product_reviews_row|reorder_point_row|webhook_event_row)\M';
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

-- ===== the public RPCs, returning the views (their checks and calls unchanged)
-- A plpgsql RETURN QUERY must match the result's column types exactly, so the wrappers that
-- passed a private function's rows through now return them row by row (r public.X_row casts each
-- value to its column's type, domains included).
drop function public.ads_blended_roas(uuid, date, date);
create function public.ads_blended_roas(p_workspace_id uuid, p_from date, p_to date)
returns public.ads_blended_roas_row
language sql stable set search_path = '' as $$
  select * from private.ads_blended_roas(p_workspace_id, p_from, p_to)
$$;

drop function public.ads_dashboard(uuid, date, date, public.ads_group_by);
create function public.ads_dashboard(p_workspace_id uuid, p_from date, p_to date, p_group_by public.ads_group_by)
returns setof public.ads_dashboard_row
language sql stable set search_path = '' as $$
  select * from private.ads_dashboard(p_workspace_id, p_from, p_to, p_group_by)
$$;

drop function public.ads_roas_tile(uuid, date);
create function public.ads_roas_tile(p_workspace_id uuid, p_today date default current_date)
returns public.ads_roas_tile_row
language sql stable set search_path = '' as $$
  select * from private.ads_roas_tile(p_workspace_id, p_today)
$$;

drop function public.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by);
create function public.attribution_report(p_workspace_id uuid, p_from date, p_to date,
  p_model public.attribution_model default 'last_touch', p_group_by public.attribution_group_by default 'channel')
returns setof public.attribution_report_row
language sql stable set search_path = '' as $$
  select * from private.attribution_report(p_workspace_id, p_from, p_to, p_model, p_group_by)
$$;

drop function public.get_autopilot_dashboard_stats(uuid, date);
create function public.get_autopilot_dashboard_stats(p_workspace_id uuid, p_today date default null)
returns public.autopilot_dashboard_row
language sql stable set search_path = '' as $$
  select * from private.get_autopilot_dashboard_stats(p_workspace_id, p_today)
$$;

drop function public.dashboard_tiles(uuid, date);
create function public.dashboard_tiles(p_workspace_id uuid, p_today date default current_date)
returns public.dashboard_tiles_row
language sql stable set search_path = '' as $$
  select * from private.dashboard_tiles(p_workspace_id, p_today)
$$;

drop function public.preview_autopilot_optimisations(uuid, date);
create function public.preview_autopilot_optimisations(p_workspace_id uuid, p_as_of date default null)
returns setof public.autopilot_proposal_row
language plpgsql stable set search_path = '' as $$
declare
  r public.autopilot_proposal_row;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if current_user in ('authenticated', 'anon') then
    perform private.require_workspace_role(p_workspace_id, 'viewer');
  end if;
  for r in select * from private.autopilot_optimisation_proposals(
    p_workspace_id, coalesce(p_as_of, (now() at time zone 'UTC')::date)) loop
    return next r;
  end loop;
end $$;

drop function public.assign_experiment(uuid, text, text, jsonb);
create function public.assign_experiment(p_workspace_id uuid, p_experiment_key text, p_visitor_id text,
  p_context jsonb default '{}')
returns public.experiment_assignment_row
language plpgsql volatile set search_path = '' as $$
declare
  r public.experiment_assignment_row;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if p_experiment_key is null or p_experiment_key !~ '^[a-z0-9][a-z0-9_-]{0,63}$' then
    raise exception 'p_experiment_key must be an experiment key (lowercase letters, digits, _ and -)' using errcode = '22023';
  end if;
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_context is not null and (jsonb_typeof(p_context) <> 'object' or octet_length(p_context::text) > 8192) then
    raise exception 'p_context must be a JSON object of at most 8 KB' using errcode = '22023';
  end if;
  select * into r from private.anon_assign_experiment(p_workspace_id, p_experiment_key, p_visitor_id, coalesce(p_context, '{}'));
  return r;
end $$;

drop function public.match_knowledge_chunks(extensions.vector, integer, double precision, uuid, uuid[], uuid[], text[],
  public.embedding_model);
create function public.match_knowledge_chunks(query_embedding extensions.vector, match_count integer default 10,
  min_similarity double precision default 0, filter_workspace_id uuid default null, filter_collection_ids uuid[] default null,
  filter_document_ids uuid[] default null, filter_tags text[] default null,
  filter_embedding_model public.embedding_model default null)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
declare
  ws uuid[] := private.search_workspaces(filter_workspace_id);
  r public.knowledge_match_row;
begin
  if query_embedding is null then
    raise exception 'query_embedding is required' using errcode = '22023';
  end if;
  perform private.check_search_args(query_embedding, match_count, min_similarity);
  for r in select * from private.knowledge_search_core('vector', null, query_embedding, match_count, min_similarity,
    ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model, 0, 1, 50,
    private.knowledge_use_index(ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model)) loop
    return next r;
  end loop;
end $$;

drop function public.hybrid_search_knowledge_chunks(text, extensions.vector, integer, double precision, double precision,
  integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model);
create function public.hybrid_search_knowledge_chunks(query_text text, query_embedding extensions.vector default null,
  match_count integer default 10, full_text_weight double precision default 1, semantic_weight double precision default 1,
  rrf_k integer default 50, min_similarity double precision default 0, filter_workspace_id uuid default null,
  filter_collection_ids uuid[] default null, filter_document_ids uuid[] default null, filter_tags text[] default null,
  filter_embedding_model public.embedding_model default null)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
declare
  ws uuid[] := private.search_workspaces(filter_workspace_id);
  has_text boolean := query_text is not null and btrim(query_text) <> '';
  mode public.knowledge_search_mode;
  r public.knowledge_match_row;
begin
  if not has_text and query_embedding is null then
    raise exception 'give query_text, query_embedding or both' using errcode = '22023';
  end if;
  if char_length(query_text) > 2000 then
    raise exception 'query_text is over 2000 characters' using errcode = '22023';
  end if;
  if full_text_weight is null or semantic_weight is null or full_text_weight < 0 or semantic_weight < 0
     or full_text_weight + semantic_weight = 0 then
    raise exception 'weights must be non-negative and not both zero' using errcode = '22023';
  end if;
  if rrf_k is null or rrf_k < 1 then
    raise exception 'rrf_k must be at least 1' using errcode = '22023';
  end if;
  perform private.check_search_args(query_embedding, match_count, min_similarity);
  mode := (case when not has_text then 'vector' when query_embedding is null then 'text' else 'hybrid' end)::public.knowledge_search_mode;
  for r in select * from private.knowledge_search_core(mode, query_text, query_embedding, match_count, min_similarity,
    ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model,
    full_text_weight, semantic_weight, rrf_k,
    mode <> 'text' and private.knowledge_use_index(ws, filter_collection_ids, filter_document_ids, filter_tags, filter_embedding_model)) loop
    return next r;
  end loop;
end $$;

drop function public.search_user_knowledge(uuid, extensions.vector, integer, double precision);
create function public.search_user_knowledge(p_user_id uuid, p_query_embedding extensions.vector, p_limit integer default 10,
  p_similarity_threshold double precision default 0.7)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
begin
  if p_user_id is distinct from (select auth.uid()) then
    raise exception 'you can search only your own knowledge' using errcode = '42501';
  end if;
  return query select * from public.match_knowledge_chunks(p_query_embedding, p_limit, p_similarity_threshold);
end $$;

drop function public.search_demo_knowledge(extensions.vector, uuid, double precision, integer);
create function public.search_demo_knowledge(query_embedding extensions.vector, demo_id uuid,
  match_threshold double precision default 0.7, match_count integer default 5)
returns setof public.knowledge_match_row
language plpgsql stable set search_path = '' as $$
declare
  col uuid;
begin
  if demo_id is null then
    raise exception 'demo_id is required' using errcode = '22023';
  end if;
  select c.id into col from public.knowledge_collections c
  where (c.scope = 'demo' and c.owner_id = search_demo_knowledge.demo_id) or c.id = search_demo_knowledge.demo_id
  order by (c.id = search_demo_knowledge.demo_id) desc
  limit 1;
  if col is null then
    raise exception 'no knowledge collection for this demo' using errcode = 'PT404';
  end if;
  return query select * from public.match_knowledge_chunks(query_embedding, match_count, match_threshold,
    filter_collection_ids => array[col]);
end $$;

drop function public.knowledge_search(uuid, text, extensions.vector, public.embedding_model, public.knowledge_search_mode,
  integer, double precision, uuid[], uuid[], text[], double precision, double precision, double precision);
create function public.knowledge_search(p_workspace_id uuid, p_query_text text, p_query_embedding extensions.vector default null,
  p_embedding_model public.embedding_model default null, p_mode public.knowledge_search_mode default 'hybrid',
  p_match_count integer default 10, p_min_similarity double precision default 0, p_collection_ids uuid[] default null,
  p_document_ids uuid[] default null, p_tags text[] default null, p_full_text_weight double precision default 1,
  p_semantic_weight double precision default 1, p_embed_ms double precision default 0)
returns setof public.knowledge_match_row
language plpgsql volatile set search_path = '' as $$
declare
  t0 timestamptz := clock_timestamp();
  ws uuid[] := array[p_workspace_id];
  use_index boolean := false;
  res private.knowledge_match_row[];
  r public.knowledge_match_row;
begin
  if p_workspace_id is null then
    raise exception 'workspace id is required' using errcode = '22023';
  end if;
  if p_query_text is null or btrim(p_query_text) = '' or char_length(p_query_text) > 2000 then
    raise exception 'the query must be 1 to 2000 characters' using errcode = '22023';
  end if;
  if p_mode is null or (p_mode <> 'text' and p_query_embedding is null) then
    raise exception 'a % search needs the query embedding', coalesce(p_mode::text, 'null') using errcode = '22023';
  end if;
  if p_full_text_weight is null or p_semantic_weight is null or p_full_text_weight < 0 or p_semantic_weight < 0
     or p_full_text_weight + p_semantic_weight = 0 then
    raise exception 'weights must be non-negative and not both zero' using errcode = '22023';
  end if;
  perform private.check_search_args(p_query_embedding, p_match_count, p_min_similarity);
  -- Another workspace's search finds nothing and leaves no trace.
  if (select auth.role()) = 'authenticated' and not (p_workspace_id = any (array(select private.workspace_ids('viewer')))) then
    return;
  end if;
  if p_mode <> 'text' then
    use_index := private.knowledge_use_index(ws, p_collection_ids, p_document_ids, p_tags, p_embedding_model);
  end if;
  select coalesce(array_agg(m), '{}') into res
  from private.knowledge_search_core(p_mode, p_query_text, p_query_embedding, p_match_count, p_min_similarity, ws,
    p_collection_ids, p_document_ids, p_tags, p_embedding_model, p_full_text_weight, p_semantic_weight, 50, use_index) m;
  perform private.log_knowledge_access(p_workspace_id, 'knowledge-search', p_mode,
    case when p_mode <> 'text' then (case when use_index then 'index' else 'exact' end)::public.knowledge_search_strategy end,
    private.sha256_hex(p_query_text), p_embedding_model, p_collection_ids, array(select x.id from unnest(res) x),
    coalesce(p_embed_ms, 0) + extract(epoch from clock_timestamp() - t0) * 1000);
  for r in select * from unnest(res) loop
    return next r;
  end loop;
end $$;

drop function public.search_public_demo(uuid, text, extensions.vector, integer);
create function public.search_public_demo(p_demo_id uuid, p_query text, p_query_embedding extensions.vector default null,
  p_match_count integer default 5)
returns setof public.knowledge_match_row
language plpgsql volatile set search_path = '' as $$
declare
  r public.knowledge_match_row;
begin
  if p_demo_id is null then
    raise exception 'demo id is required' using errcode = '22023';
  end if;
  if p_query is null or btrim(p_query) = '' or char_length(p_query) > 500 then
    raise exception 'the question must be 1 to 500 characters' using errcode = '22023';
  end if;
  if p_match_count is null or p_match_count < 1 then
    raise exception 'p_match_count must be at least 1' using errcode = '22023';
  end if;
  for r in select * from private.anon_search_public_demo(p_demo_id, p_query, p_query_embedding, p_match_count) loop
    return next r;
  end loop;
end $$;

drop function public.open_review_request(text);
create function public.open_review_request(p_token text)
returns public.open_review_request_row
language plpgsql volatile set search_path = '' as $$
declare
  r public.open_review_request_row;
begin
  if p_token is null or lower(btrim(p_token)) !~ '^[0-9a-f]{64}$' then
    raise exception 'this review link is unknown or already used' using errcode = 'PT404';
  end if;
  select * into r from private.anon_open_review_request(lower(btrim(p_token)));
  return r;
end $$;

drop function public.product_rating(uuid, text);
create function public.product_rating(p_workspace_id uuid, p_shopify_product_id text)
returns public.product_rating_row
language plpgsql stable set search_path = '' as $$
declare
  r public.product_rating_row;
begin
  if p_workspace_id is null or p_shopify_product_id is null or p_shopify_product_id !~ '^\S{1,64}$' then
    raise exception 'p_workspace_id and p_shopify_product_id (1-64 characters) are required' using errcode = '22023';
  end if;
  select * into r from private.anon_product_ratings(p_workspace_id, array[p_shopify_product_id]);
  return r;
end $$;

drop function public.product_ratings(uuid, text[]);
create function public.product_ratings(p_workspace_id uuid, p_shopify_product_ids text[])
returns setof public.product_rating_row
language plpgsql stable set search_path = '' as $$
declare
  r public.product_rating_row;
begin
  if p_workspace_id is null or p_shopify_product_ids is null then
    raise exception 'p_workspace_id and p_shopify_product_ids are required' using errcode = '22023';
  end if;
  if cardinality(p_shopify_product_ids) > 100 then
    raise exception 'too many products: % given, at most 100 per call', cardinality(p_shopify_product_ids)
      using errcode = 'PT413', hint = 'split the batch into smaller calls';
  end if;
  if exists (select 1 from unnest(p_shopify_product_ids) x where x is null or x !~ '^\S{1,64}$') then
    raise exception 'every product id must be 1-64 characters without spaces' using errcode = '22023';
  end if;
  for r in select * from private.anon_product_ratings(p_workspace_id, p_shopify_product_ids) loop
    return next r;
  end loop;
end $$;

drop function public.product_reviews(uuid, text, public.review_sort, integer, integer);
create function public.product_reviews(p_workspace_id uuid, p_shopify_product_id text,
  p_sort public.review_sort default 'newest', p_limit integer default 10, p_offset integer default 0)
returns setof public.product_reviews_row
language plpgsql stable set search_path = '' as $$
declare
  r public.product_reviews_row;
begin
  if p_workspace_id is null or p_shopify_product_id is null or p_shopify_product_id !~ '^\S{1,64}$' then
    raise exception 'p_workspace_id and p_shopify_product_id (1-64 characters) are required' using errcode = '22023';
  end if;
  if p_limit is null or p_limit < 1 then
    raise exception 'p_limit must be at least 1' using errcode = '22023';
  end if;
  -- (require_batch_size's message, inline: anon may not call that helper)
  if p_limit > 50 then
    raise exception 'too many reviews per page: % given, at most 50 per call', p_limit
      using errcode = 'PT413', hint = 'page with p_offset';
  end if;
  if p_offset is null or p_offset < 0 or p_offset > 10000 then
    raise exception 'p_offset must be between 0 and 10000' using errcode = '22023';
  end if;
  for r in select * from private.anon_product_reviews(p_workspace_id, p_shopify_product_id,
                                                     coalesce(p_sort, 'newest'), p_limit, p_offset) loop
    return next r;
  end loop;
end $$;

drop function public.recompute_reorder_points(uuid, date);
create function public.recompute_reorder_points(p_workspace_id uuid, p_as_of date default current_date)
returns setof public.reorder_point_row
language plpgsql volatile set search_path = '' as $$
declare
  r public.reorder_point_row;
begin
  if p_workspace_id is null or p_as_of is null then
    raise exception 'workspace and as_of are required' using errcode = '22023';
  end if;
  if current_user in ('authenticated', 'anon') then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  perform private.compute_reorder_points(p_workspace_id, p_as_of);
  for r in
    select rp.product_id, p.sku, p.title, rp.on_hand, rp.reorder_point, rp.weeks_of_supply
    from public.reorder_points rp join public.products p on p.id = rp.product_id
    where rp.workspace_id = p_workspace_id and rp.below_reorder_point
    order by rp.weeks_of_supply nulls first, p.sku
  loop
    return next r;
  end loop;
end $$;

drop function public.list_webhook_events(uuid, public.webhook_event_status, integer);
create function public.list_webhook_events(p_workspace_id uuid, p_status public.webhook_event_status default null,
  p_limit integer default 100)
returns setof public.webhook_event_row
language plpgsql stable set search_path = '' as $$
declare
  r public.webhook_event_row;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.require_batch_size('events', coalesce(p_limit, 0), 500);
  if coalesce(p_limit, 0) < 1 then
    raise exception 'p_limit must be at least 1' using errcode = '22023';
  end if;
  for r in select * from private.webhook_events_of(p_workspace_id, p_status, p_limit) loop
    return next r;
  end loop;
end $$;

-- ===== grants (execute revoked from public by default privileges) and comments, as before
grant execute on function public.ads_blended_roas(uuid, date, date), public.ads_dashboard(uuid, date, date, public.ads_group_by),
  public.ads_roas_tile(uuid, date),
  public.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by),
  public.get_autopilot_dashboard_stats(uuid, date), public.dashboard_tiles(uuid, date),
  public.preview_autopilot_optimisations(uuid, date),
  public.match_knowledge_chunks(extensions.vector, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model),
  public.hybrid_search_knowledge_chunks(text, extensions.vector, integer, double precision, double precision, integer,
    double precision, uuid, uuid[], uuid[], text[], public.embedding_model),
  public.search_user_knowledge(uuid, extensions.vector, integer, double precision),
  public.search_demo_knowledge(extensions.vector, uuid, double precision, integer),
  public.knowledge_search(uuid, text, extensions.vector, public.embedding_model, public.knowledge_search_mode, integer,
    double precision, uuid[], uuid[], text[], double precision, double precision, double precision),
  public.recompute_reorder_points(uuid, date), public.list_webhook_events(uuid, public.webhook_event_status, integer)
  to authenticated, service_role;
grant execute on function public.assign_experiment(uuid, text, text, jsonb),
  public.search_public_demo(uuid, text, extensions.vector, integer), public.open_review_request(text),
  public.product_rating(uuid, text), public.product_ratings(uuid, text[]),
  public.product_reviews(uuid, text, public.review_sort, integer, integer)
  to anon, authenticated, service_role;

comment on function public.ads_blended_roas(uuid, date, date) is 'Blended view: ad spend against the platforms'' claimed revenue (platform ROAS) and against all order revenue (MER = order revenue / ad spend). NULL ratios when there was no spend. Assumes one currency per workspace. Answers one row (a JSON object).';
comment on function public.ads_dashboard(uuid, date, date, public.ads_group_by) is 'Spend, revenue, ROAS, CPA and CTR for a date range (at most 732 days), one row per platform, campaign or day (trend). Reflects every committed write. Viewers and up.';
comment on function public.ads_roas_tile(uuid, date) is 'HotDash''s "ROAS tile: last 30 days": spend, revenue and ROAS of the 30 days before p_today (days p_today-30 .. p_today-1), the 30 days before that (p_today-60 .. p_today-31), and the relative change. Answers one row (a JSON object).';
comment on function public.assign_experiment(uuid, text, text, jsonb) is 'Storefront (anon): the variant a visitor sees. Sticky: the same variant on every call once assigned. p_context is matched against the experiment''s targeting rules. PT404 for an unknown experiment key in the workspace, 22023 on bad input. Answers one row (a JSON object).';
comment on function public.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) is 'Attributed revenue, credited conversions, ad spend and ROAS per channel or per campaign for conversions (and spend days) in [p_from, p_to] (UTC days) under one model. Campaigns join ad_campaigns by utm_id = external_id, then utm_campaign, then utm_campaign = external_id; channel spend maps ad platforms to channels. Conversions not yet credited by the cron round are computed on the fly. Viewers of the workspace; assumes one currency per workspace.';
comment on function public.dashboard_tiles(uuid, date) is 'HotDash tiles in one call: revenue (30 days before p_today vs the 30 before, main currency, orders, AOV), inventory (reorder points), ads ROAS (public.ads_roas_tile), pending approvals, open errors and alerts. Viewers and up. Answers one row (a JSON object).';
comment on function public.get_autopilot_dashboard_stats(uuid, date) is 'Viewers: the autopilot dashboard in one call, as of p_today (default today, UTC): month-to-date ad spend, revenue and ROAS against the monthly budget (fresh from ad_metrics_daily), lead counts (new: created in the 7 days ending today; hot: open leads scoring at least hot_lead_score; converted: in the 30 days ending today), campaigns, tasks (overdue: due before today), autopilot activity in the 7 days ending today, approvals waiting for a decision (now), the latest weekly report of a finished week, and the next scheduled runs. Answers one row (a JSON object).';
comment on function public.hybrid_search_knowledge_chunks(text, extensions.vector, integer, double precision, double precision, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model) is 'Hybrid search: full-text (any of the query''s words, English stems) and vector candidates fused by reciprocal rank fusion, score = semantic_weight/(rrf_k + vector rank) + full_text_weight/(rrf_k + text rank). Text only or embedding only also work. Same filters and rights as match_knowledge_chunks.';
comment on function public.knowledge_search(uuid, text, extensions.vector, public.embedding_model, public.knowledge_search_mode, integer, double precision, uuid[], uuid[], text[], double precision, double precision, double precision) is 'Search one workspace as the caller and record it in knowledge_access_logs (query hash, result ids, latency including p_embed_ms). The knowledge-search function''s one call; a workspace the caller does not belong to yields nothing.';
comment on function public.list_webhook_events(uuid, public.webhook_event_status, integer) is 'Admins: the workspace''s inbound webhook events, newest first (at most 500), optionally of one status: what arrived, how often it was delivered, whether it was processed, and the last error.';
comment on function public.match_knowledge_chunks(extensions.vector, integer, double precision, uuid, uuid[], uuid[], text[], public.embedding_model) is 'The chunks nearest to query_embedding (cosine, 1536 dimensions) with similarity >= min_similarity, best first; at most match_count (1-200). Filters: workspace, collections, documents, tags (documents having all of them), embedding model. Runs as the caller: only chunks RLS lets them read.';
comment on function public.open_review_request(text) is 'Storefront (anon): the review form behind a review link (shop, order number, products, expiry); marks the request opened. PT404 for an unknown or used-up link, PT410 for an expired one. Answers one row (a JSON object).';
comment on function public.preview_autopilot_optimisations(uuid, date) is 'Viewers: what the daily optimisation would propose for the workspace as of p_as_of (default today, UTC), without proposing anything.';
comment on function public.product_rating(uuid, text) is 'Storefront (anon): one product''s rating summary (count, average, 1-5 distribution) from the maintained summary. Answers one row (a JSON object).';
comment on function public.product_ratings(uuid, text[]) is 'Storefront (anon): rating summaries of up to 100 products (collection pages), in the order asked.';
comment on function public.product_reviews(uuid, text, public.review_sort, integer, integer) is 'Storefront (anon): a page of a product''s published reviews, newest first or by rating or helpfulness; p_limit 1-50 (PT413 above), p_offset 0-10000.';
comment on function public.recompute_reorder_points(uuid, date) is 'Members: recompute the workspace''s reorder points as of a day and list the SKUs below their reorder point.';
comment on function public.search_demo_knowledge(extensions.vector, uuid, double precision, integer) is '004''s search_knowledge_chunks(query_embedding, demo_id, match_threshold 0.7, match_count 5) for workspace members: demo_id is the demo (its demo collection) or the collection id itself.';
comment on function public.search_public_demo(uuid, text, extensions.vector, integer) is 'Anyone (publishable key): searches the knowledge of a published demo for a visitor''s question (hybrid when an embedding of the collection''s model is given or the collection uses the local model, else full text). At most 10 results (PT413), 30 searches a minute per address and demo (PT429), PT404 for drafts, archived and unknown demos, 22023 for an empty or over-long question.';
comment on function public.search_user_knowledge(uuid, extensions.vector, integer, double precision) is '003''s search_knowledge_chunks(p_user_id, p_query_embedding, p_limit 10, p_similarity_threshold 0.7): the chunks of every workspace the caller belongs to. p_user_id must be the caller.';
