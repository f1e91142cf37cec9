create type public.actor_kind as enum ('user', 'agent', 'system');

create type public.ad_level as enum ('account', 'campaign', 'ad_group', 'ad');
comment on type public.ad_level is 'Which object a metrics row describes. Totals sum campaign-level rows only, never across levels.';

create type public.ad_platform as enum ('meta', 'google', 'tiktok', 'pinterest', 'organic');
comment on type public.ad_platform is 'Where an ad object lives. organic: unpaid posts tracked like campaigns (spend 0).';

create type public.ad_status as enum ('draft', 'active', 'paused', 'archived', 'deleted');
comment on type public.ad_status is 'Delivery status of an ad object, normalized across platforms.';

create type public.ad_sync_kind as enum ('recent', 'restatement', 'backfill');
comment on type public.ad_sync_kind is 'Why a window is synced: recent (the last days, hourly), restatement (the days the platform still revises, daily), backfill (history on first connect, in chunks).';

create type public.ad_sync_status as enum ('queued', 'running', 'waiting', 'retrying', 'succeeded', 'dead');
comment on type public.ad_sync_status is 'queued -> running -> succeeded; waiting (throttled, a report being built, the connection needs reconnecting), retrying (an attempt failed; next_attempt_at), dead (gave up: error says why).';

create type public.ads_group_by as enum ('platform', 'campaign', 'day');
comment on type public.ads_group_by is 'How ads_dashboard groups its rows.';

create type public.agent_feedback_kind as enum ('thumbs_up', 'thumbs_down', 'rating', 'correction', 'comment');
comment on type public.agent_feedback_kind is 'What a person said about an agent''s output.';

create type public.agent_query_status as enum ('succeeded', 'failed');
comment on type public.agent_query_status is 'Whether the provider answered.';

create type public.agent_run_kind as enum ('task', 'chat', 'ceo_briefing', 'report_commentary', 'anomaly_insights', 'campaign_prediction', 'generated_content');
comment on type public.agent_run_kind is 'What a run does: task (a member''s request, answered in output), chat (one answer in a chat session), and the scheduled kinds whose output is stored: ceo_briefing (ceo_briefings), report_commentary (autopilot_weekly_reports.ai_insights), anomaly_insights (ai_insights), campaign_prediction (campaign_predictions), generated_content (generated_content).';

create type public.agent_run_status as enum ('queued', 'running', 'succeeded', 'failed', 'cancelled');
comment on type public.agent_run_status is 'queued -> running -> succeeded | failed; queued or running -> cancelled.';

create type public.agent_run_trigger as enum ('manual', 'schedule', 'event', 'webhook', 'agent');
comment on type public.agent_run_trigger is 'What started a run: a person, pg_cron, a domain event, an inbound webhook, another agent.';

create type public.agent_status as enum ('active', 'paused', 'retired');
comment on type public.agent_status is 'active: runs and proposes; paused: no new runs; retired: kept for history.';

create type public.ai_model_capability as enum ('text', 'vision', 'audio', 'function_calling', 'json_mode', 'streaming', 'reasoning', 'web_search');
comment on type public.ai_model_capability is 'What a model can do, as providers document it.';

create type public.ai_model_type as enum ('flagship', 'fast', 'reasoning', 'legacy');
comment on type public.ai_model_type is 'flagship: the best general model; fast: cheap and quick; reasoning: thinks before answering; legacy: kept for existing agents.';

create type public.ai_provider as enum ('openai', 'anthropic', 'google', 'mistral');
comment on type public.ai_provider is 'AI model providers the registry tracks.';

create type public.ai_video_job_status as enum ('pending', 'processing', 'completed', 'failed');
comment on type public.ai_video_job_status is 'pending -> processing -> completed | failed; failed -> pending to retry.';

create type public.ai_video_job_type as enum ('script', 'voice', 'image_generation', 'video_generation', 'assembly');
comment on type public.ai_video_job_type is 'What a job asks for: the script (a chat model), the voice-over (text to speech), images, a clip per scene (video generation), the assembly of clips and voice (the video provider''s compositions).';

create type public.ai_video_platform as enum ('youtube_short', 'tiktok', 'reels', 'landscape');
comment on type public.ai_video_platform is 'Target format: YouTube Short, TikTok and Reels are 9:16; landscape is 16:9.';

create type public.ai_video_status as enum ('draft', 'planning', 'generating_voice', 'generating_images', 'generating_video', 'assembling', 'completed', 'failed');
comment on type public.ai_video_status is 'draft -> planning (script) -> generating_voice -> generating_video (clips) -> assembling -> completed; generating_images (stills) may come between planning and generating_video; any unfinished state -> failed (with the reason in error); failed -> draft to retry.';

create type public.analytics_source as enum ('search_console', 'pagespeed', 'instagram', 'tiktok', 'fairing');
comment on type public.analytics_source is 'What an analytics sync pulls: search_console (Search Console search analytics into seo_rankings), pagespeed (PageSpeed Insights into seo_page_audits and seo_audits), instagram and tiktok (organic posts and account insights into the social tables), fairing (post-purchase survey responses into survey_responses).';

create type public.analytics_sync_kind as enum ('initial', 'daily', 'manual');
comment on type public.analytics_sync_kind is 'Why a pull runs: initial (on connecting: backfill_days of history), daily (pg_cron: the last recent_days again), manual (an admin asked for one now: the last recent_days).';

create type public.analytics_sync_status as enum ('queued', 'running', 'waiting', 'retrying', 'succeeded', 'dead');
comment on type public.analytics_sync_status is 'queued -> running -> succeeded; waiting (throttled, or the connection needs reconnecting), retrying (an attempt failed; next_attempt_at), dead (gave up: error says why).';

create type public.approval_action as enum ('pause_ad_campaign', 'resume_ad_campaign', 'change_ad_budget', 'shift_ad_budget', 'pause_campaign', 'resume_campaign', 'change_campaign_budget', 'send_email_campaign', 'enable_email_automation', 'disable_email_automation', 'publish_content', 'update_content_calendar', 'send_customer_reply', 'publish_review_reply', 'post_slack_message', 'reorder_inventory', 'apply_discount', 'issue_gift_card', 'update_product', 'run_workflow', 'send_webhook', 'other');
comment on type public.approval_action is 'The kind of action proposed; payload carries its parameters (private.approval_payload_fields). Every kind but other has an executor (functions/approval-executor).';

create type public.approval_decision as enum ('approved', 'rejected');
comment on type public.approval_decision is 'What a person decides about a pending approval.';

create type public.approval_priority as enum ('low', 'normal', 'high', 'urgent');
comment on type public.approval_priority is 'How soon a person should look at a proposal.';

create type public.approval_status as enum ('pending', 'approved', 'executing', 'rejected', 'expired', 'executed', 'failed');
comment on type public.approval_status is 'pending -> approved | rejected | expired; approved -> executing (the executor claimed it; its idempotency key is recorded) -> executed | failed; approved -> executed | failed for services that act in one step. Enforced by private.guard_agent_approval().';

create type public.asset_kind as enum ('image', 'video', 'audio', 'document', 'other');
comment on type public.asset_kind is 'What kind of file a digital asset is.';

create type public.attribution_group_by as enum ('channel', 'campaign');
comment on type public.attribution_group_by is 'How attribution_report groups its rows.';

create type public.attribution_model as enum ('first_touch', 'last_touch', 'linear', 'time_decay', 'position_based');
comment on type public.attribution_model is 'How a conversion''s revenue is split over its journey.';

create type public.audit_action as enum ('insert', 'update', 'delete', 'read');

create type public.autopilot_activity_type as enum ('config_changed', 'report_generated', 'optimisation_proposed', 'campaign_paused', 'budget_adjusted', 'campaign_created', 'content_generated', 'lead_routed', 'workflow_action', 'other');
comment on type public.autopilot_activity_type is 'What the autopilot (or a workflow acting for it) did.';

create type public.autopilot_job as enum ('weekly_report', 'daily_optimisation');
comment on type public.autopilot_job is 'weekly_report: pg_cron autopilot-weekly-reports, Monday 09:00 UTC; daily_optimisation: pg_cron autopilot-daily-optimisation, 02:00 UTC.';

create type public.autopilot_proposal_kind as enum ('pause_ad_campaign', 'shift_budget');
comment on type public.autopilot_proposal_kind is 'What the optimisation proposes: pausing an ad campaign under its ROAS target, or moving its daily budget to a sibling on target.';

create type public.autopilot_run_status as enum ('succeeded', 'failed', 'skipped');
comment on type public.autopilot_run_status is 'Outcome of one autopilot job run for one workspace.';

create type public.brand_asset_kind as enum ('logo', 'color', 'font', 'tagline', 'tone_of_voice', 'guideline', 'imagery');
comment on type public.brand_asset_kind is 'Parts of a brand identity. color: value {"hex": "#RRGGBB"}; font: {"family": "..."}; tagline and tone_of_voice: {"text": "..."}; logo, guideline and imagery: a digital asset or {"url": "..."}.';

create type public.briefing_kind as enum ('daily', 'weekly', 'monthly');
comment on type public.briefing_kind is 'The period a CEO briefing summarises.';

create type public.calendar_status as enum ('idea', 'planned', 'in_progress', 'scheduled', 'published', 'cancelled');
comment on type public.calendar_status is 'Where a calendar entry stands; published sets published_at.';

create type public.campaign_objective as enum ('awareness', 'consideration', 'lead_generation', 'conversion', 'retention', 'launch');
comment on type public.campaign_objective is 'What a marketing campaign is for.';

create type public.campaign_status as enum ('draft', 'planned', 'active', 'paused', 'completed', 'archived');
comment on type public.campaign_status is 'draft -> planned -> active <-> paused -> completed -> archived; draft, planned and paused campaigns may also be archived directly.';

create type public.chat_purpose as enum ('chat', 'campaign_copilot', 'research', 'support');
comment on type public.chat_purpose is 'Why a chat exists: general chat, designing a campaign with the copilot, research, support.';

create type public.chat_role as enum ('user', 'assistant', 'system', 'tool');
comment on type public.chat_role is 'Who wrote a chat message.';

create type public.chat_session_status as enum ('active', 'archived');
comment on type public.chat_session_status is 'Archived sessions are kept but hidden from the default list.';

create type public.connection_health as enum ('ok', 'rate_limited', 'reauth_required', 'failing');
comment on type public.connection_health is 'What the last provider calls through a connection said: ok; rate_limited (the provider asked us to wait until throttled_until); reauth_required (the token is revoked or expired and a refresh did not help: an admin reconnects); failing (3 or more calls in a row failed for another reason).';

create type public.connection_status as enum ('active', 'expired', 'revoked', 'error');
comment on type public.connection_status is 'active: tokens valid; expired: refresh failed or lapsed; revoked: disconnected or app uninstalled; error: last sync failed.';

create type public.content_status as enum ('draft', 'approved', 'rejected', 'published', 'archived');
comment on type public.content_status is 'Review state of a content piece.';

create type public.conversation_role as enum ('system', 'user', 'assistant');
comment on type public.conversation_role is 'Who said a conversation message.';

create type public.conversion_destination as enum ('meta', 'ga4', 'tiktok');
comment on type public.conversion_destination is 'Where conversions are sent server-side: Meta''s Conversions API, GA4''s Measurement Protocol, TikTok''s Events API.';

create type public.decision_domain as enum ('inventory', 'cx', 'growth', 'ads', 'content', 'ops', 'privacy', 'other');

create type public.demo_conversation_status as enum ('created', 'active', 'ended');
comment on type public.demo_conversation_status is 'A Tavus conversation: created (link made), active (the replica joined), ended (shut down).';

create type public.demo_status as enum ('draft', 'published', 'archived');
comment on type public.demo_status is 'draft -> published -> draft | archived; archived -> draft. Only published demos are public.';

create type public.device_type as enum ('desktop', 'mobile', 'tablet', 'other');
comment on type public.device_type is 'Kind of device a visitor used.';

create type public.discovery_run_status as enum ('running', 'succeeded', 'failed');
comment on type public.discovery_run_status is 'Where a model discovery run stands.';

create type public.email_automation_trigger as enum ('contact_subscribed', 'lead_created', 'lead_status_changed', 'lead_score_reached', 'form_submitted', 'purchase_made');
comment on type public.email_automation_trigger is 'The event that starts an automated email.';

create type public.email_campaign_status as enum ('draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled');
comment on type public.email_campaign_status is 'draft <-> scheduled -> sending <-> paused -> sent; draft, scheduled and paused may be cancelled; cancelled may return to draft.';

create type public.email_contact_status as enum ('subscribed', 'unsubscribed', 'bounced', 'complained');
comment on type public.email_contact_status is 'Only subscribed contacts are mailed.';

create type public.email_delivery_status as enum ('queued', 'sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'suppressed', 'failed');
comment on type public.email_delivery_status is 'Where an email stands, as the email provider reports it: queued, sent (the provider accepted it), delivered, opened, clicked, bounced, complained (marked as spam), suppressed (never sent: the address is on the suppression list or has no consent), failed (the provider refused it or every retry failed).';

create type public.email_kind as enum ('review_request', 'gift_card', 'campaign', 'automation', 'invitation', 'privacy_export', 'approval_digest');
comment on type public.email_kind is 'What an email is for. campaign and automation are marketing (sent only to subscribed contacts); review_request respects unsubscribes; the others are transactional (only bounces and complaints stop them).';

create type public.email_suppression_reason as enum ('bounced', 'complained', 'unsubscribed');
comment on type public.email_suppression_reason is 'Why an address gets no more email: a permanent bounce or a spam complaint (no email at all), or an unsubscribe (no marketing email and no review requests).';

create type public.embedding_model as enum ('text-embedding-3-small', 'local-lexical-v1');
comment on type public.embedding_model is 'Embedding models the embed worker can call, all 1536 dimensions: OpenAI text-embedding-3-small, and local-lexical-v1, a deterministic lexical feature-hashing model (not semantic) for offline stacks and tests.';

create type public.experiment_event_type as enum ('exposure', 'add_to_cart', 'purchase', 'custom');
comment on type public.experiment_event_type is 'What an experiment event records; purchase events come from orders only, custom events carry a name.';

create type public.experiment_metric as enum ('conversion_rate', 'revenue_per_visitor', 'average_order_value');
comment on type public.experiment_metric is 'The metric an experiment is decided on: share of visitors with a goal event, purchase revenue per assigned visitor, or revenue per order.';

create type public.experiment_status as enum ('draft', 'running', 'paused', 'completed', 'archived');
comment on type public.experiment_status is 'draft -> running <-> paused -> completed -> archived (draft may be archived directly). Enforced by private.guard_experiment().';

create type public.fact_period as enum ('hour', 'day', 'week', 'month', 'quarter', 'year');
comment on type public.fact_period is 'The period a dashboard fact covers, starting at period_start.';

create type public.generated_content_type as enum ('ad_copy', 'email', 'social_post', 'blog_post', 'landing_page', 'video_script', 'sms', 'product_description');
comment on type public.generated_content_type is 'What a generated content piece (or template) is for.';

create type public.gift_card_source as enum ('qualifying_order', 'manual', 'promotion');
comment on type public.gift_card_source is 'Why a gift card was issued.';

create type public.gift_card_status as enum ('pending', 'issued', 'emailed', 'failed', 'voided');
comment on type public.gift_card_status is 'pending: earned, not yet created in Shopify; issued: created; emailed: delivered to the customer; voided: the order was cancelled or refunded first.';

create type public.health_status as enum ('healthy', 'degraded', 'down', 'unknown');
comment on type public.health_status is 'Result of the latest health check of a service.';

create type public.incident_status as enum ('investigating', 'identified', 'monitoring', 'resolved');
comment on type public.incident_status is 'investigating -> identified | monitoring | resolved; identified -> monitoring | resolved; monitoring -> identified | resolved; resolved -> investigating (reopen).';

create type public.insight_impact as enum ('low', 'medium', 'high');
comment on type public.insight_impact is 'How much an insight matters, by the generator''s estimate.';

create type public.insight_kind as enum ('opportunity', 'risk', 'anomaly', 'trend', 'recommendation');
comment on type public.insight_kind is 'What an AI insight is.';

create type public.insight_status as enum ('new', 'acknowledged', 'dismissed', 'actioned');
comment on type public.insight_status is 'Where a person left an insight.';

create type public.integration_provider as enum ('shopify', 'meta', 'google_ads', 'tiktok', 'klaviyo', 'yotpo', 'slack', 'chatwoot', 'ga4', 'tavus', 'mux', 'google_search_console', 'pagespeed', 'tiktok_account', 'fairing');
comment on type public.integration_provider is 'External services a workspace connects to. google_search_console: a Search Console property (Google OAuth, webmasters scope); pagespeed: PageSpeed Insights for a site (the deployment''s API key); tiktok_account: a TikTok business account''s organic posts (TikTok account holder OAuth), not its ads (tiktok); fairing: post-purchase surveys (an API key). Instagram is read through a meta connection with Instagram''s scopes.';

create type public.interface_mode as enum ('simple', 'advanced');

create type public.knowledge_document_status as enum ('pending', 'chunking', 'embedding', 'ready', 'failed');
comment on type public.knowledge_document_status is 'pending (row created, no text yet) -> chunking -> embedding (chunks wait for vectors) -> ready (every chunk embedded) | failed (a chunk''s embedding was dead-lettered; error says why).';

create type public.knowledge_scope as enum ('general', 'campaign', 'demo', 'agent');
comment on type public.knowledge_scope is 'What a collection belongs to: the workspace in general, or one campaign, demo or agent (owner_id names it).';

create type public.knowledge_search_mode as enum ('vector', 'hybrid', 'text');
comment on type public.knowledge_search_mode is 'vector: embedding similarity; text: full-text rank; hybrid: both fused by reciprocal rank fusion.';

create type public.knowledge_search_strategy as enum ('exact', 'index');
comment on type public.knowledge_search_strategy is 'How the vector part ran: exact (every chunk in scope compared, for small scopes) or index (HNSW with iterative scan, for large ones).';

create type public.knowledge_source_type as enum ('text', 'markdown', 'html', 'url', 'file', 'qa', 'memory');
comment on type public.knowledge_source_type is 'Where a document''s text came from: pasted text, markdown, HTML, a fetched URL, a file in storage, question/answer pairs (004), or an agent memory (000).';

create type public.lead_activity_type as enum ('email_sent', 'email_open', 'email_click', 'email_reply', 'email_bounce', 'unsubscribe', 'form_submit', 'page_view', 'download', 'demo_request', 'call', 'meeting', 'chat', 'purchase', 'note', 'other');
comment on type public.lead_activity_type is 'Kinds of interaction recorded on a lead.';

create type public.lead_source as enum ('website', 'form', 'ads', 'email', 'social', 'referral', 'event', 'chat', 'import', 'api', 'manual', 'other');
comment on type public.lead_source is 'Where a lead came from.';

create type public.lead_status as enum ('new', 'contacted', 'qualified', 'nurturing', 'converted', 'unqualified', 'lost');
comment on type public.lead_status is 'Pipeline state of a lead; converted sets converted_at.';

create type public.log_level as enum ('debug', 'info', 'warn', 'error');
comment on type public.log_level is 'Log levels. info and warn are visible to members, debug and error only to admins.';

create type public.marketing_channel as enum ('paid_search', 'paid_social', 'display', 'video', 'organic_search', 'organic_social', 'email', 'sms', 'affiliate', 'influencer', 'referral', 'content', 'events', 'direct_mail', 'direct', 'other');
comment on type public.marketing_channel is 'A marketing channel. Touchpoints use the traffic channels (derived from click ids, utm_medium/utm_source and the referrer by private.classify_channel()); campaigns and content may also be video, influencer, content, events or direct_mail. Organic search (SEO) is organic_search.';

create type public.media_processing_status as enum ('pending', 'processing', 'completed', 'failed');
comment on type public.media_processing_status is 'Progress of background work on a media item (transcription, encoding): pending -> processing -> completed | failed.';

create type public.onboarding_status as enum ('not_started', 'in_progress', 'completed', 'skipped');
comment on type public.onboarding_status is 'Where a user stands on one onboarding step.';

create type public.ops_alert_status as enum ('open', 'acknowledged', 'resolved');
comment on type public.ops_alert_status is 'open -> acknowledged | resolved; acknowledged -> resolved; resolved -> open (reopen).';

create type public.ops_error_status as enum ('open', 'acknowledged', 'resolved', 'ignored');
comment on type public.ops_error_status is 'open -> acknowledged -> resolved; ignored silences an error. A resolved error that recurs reopens.';

create type public.ops_severity as enum ('low', 'medium', 'high', 'critical');
comment on type public.ops_severity is 'Severity of errors, alerts and incidents (ordered).';

create type public.order_financial_status as enum ('pending', 'authorized', 'partially_paid', 'paid', 'partially_refunded', 'refunded', 'voided');
comment on type public.order_financial_status is 'Shopify financial_status.';

create type public.order_fulfillment_status as enum ('unfulfilled', 'partial', 'fulfilled', 'restocked');
comment on type public.order_fulfillment_status is 'Shopify fulfillment_status (null there means unfulfilled).';

create type public.pagespeed_strategy as enum ('mobile', 'desktop');
comment on type public.pagespeed_strategy is 'The device PageSpeed Insights emulates (and whose field data it reports).';

create type public.pixel_delivery_status as enum ('pending', 'sent', 'failed', 'skipped');
comment on type public.pixel_delivery_status is 'Delivery of a pixel event to one destination: pending (not tried yet), sent (accepted), failed (gave up or rejected), skipped (not configured or filtered out).';

create type public.prediction_metric as enum ('spend_cents', 'revenue_cents', 'roas', 'leads', 'conversions', 'clicks', 'impressions');
comment on type public.prediction_metric is 'What a campaign prediction forecasts.';

create type public.privacy_event as enum ('consent_changed', 'settings_changed', 'export_requested', 'export_completed', 'export_failed', 'export_removed', 'erasure_requested', 'erasure_confirmed', 'erasure_completed', 'erasure_failed', 'request_rejected');
comment on type public.privacy_event is 'What happened in the privacy trail.';

create type public.privacy_request_kind as enum ('export', 'erasure');
comment on type public.privacy_request_kind is 'export: a copy of everything held about the subject; erasure: delete or anonymise it.';

create type public.privacy_request_status as enum ('pending', 'processing', 'completed', 'failed', 'rejected');
comment on type public.privacy_request_status is 'pending -> processing -> completed | failed; pending -> rejected (refused, cancelled or not confirmed in time); failed -> pending on retry.';

create type public.product_status as enum ('active', 'draft', 'archived');
comment on type public.product_status is 'Shopify product status.';

create type public.purchase_order_status as enum ('ordered', 'received', 'cancelled');
comment on type public.purchase_order_status is 'ordered (by an approved reorder_inventory) -> received | cancelled (by a member).';

create type public.qc_result as enum ('pending', 'pass', 'warn', 'fail');
comment on type public.qc_result is 'Outcome of a quality check.';

create type public.ranking_source as enum ('rank_tracker', 'search_console');
comment on type public.ranking_source is 'Where a ranking comes from: a rank tracker (one position per keyword, engine, location, device and day) or Google Search Console (per query, page, country, device and day, with clicks and impressions).';

create type public.report_kind as enum ('performance', 'campaign', 'ads', 'seo', 'social', 'executive', 'custom');
comment on type public.report_kind is 'What an analytics report covers.';

create type public.report_status as enum ('pending', 'generating', 'ready', 'failed');
comment on type public.report_status is 'pending -> generating -> ready | failed; failed -> pending (retry).';

create type public.review_media_status as enum ('waiting', 'ready', 'errored', 'deleted');
comment on type public.review_media_status is 'Mux asset state: waiting for upload/processing, ready to play, errored, deleted in Mux.';

create type public.review_request_status as enum ('queued', 'due', 'sent', 'opened', 'completed', 'cancelled', 'expired');
comment on type public.review_request_status is 'queued: waiting for send_after; due: marked by pg_cron for the email dispatcher; sent: the email went out with a token; opened: the customer opened the review form; completed: every product of the order was reviewed; cancelled: the order was cancelled or refunded, nothing to review, delivery failed or a member cancelled it; expired: the token ran out unused.';

create type public.review_request_trigger as enum ('order_fulfilled', 'manual');
comment on type public.review_request_trigger is 'What queued a review request: the order becoming fulfilled, or a member asking for it.';

create type public.review_sort as enum ('newest', 'highest_rating', 'lowest_rating', 'most_helpful');
comment on type public.review_sort is 'Storefront orderings of a product''s published reviews (ties: newest first).';

create type public.review_status as enum ('pending', 'published', 'rejected', 'spam');
comment on type public.review_status is 'pending: waiting for moderation (new reviews start here); published: shown on the storefront; rejected / spam: hidden. A moderated review never goes back to pending.';

create type public.review_vote_kind as enum ('helpful', 'unhelpful');
comment on type public.review_vote_kind is 'A storefront visitor''s verdict on a review.';

create type public.scheduled_action_status as enum ('pending', 'succeeded', 'failed', 'cancelled');
comment on type public.scheduled_action_status is 'pending until executed; failed after max_attempts; cancelled by a member or because its rule was switched off.';

create type public.search_device as enum ('desktop', 'mobile', 'tablet');
comment on type public.search_device is 'Device a ranking was measured for (Search Console also reports tablet).';

create type public.search_dimension as enum ('query', 'page', 'country', 'device', 'day');
comment on type public.search_dimension is 'What search_performance groups Search Console''s rows by.';

create type public.search_engine as enum ('google', 'bing');
comment on type public.search_engine is 'Search engines rankings are tracked on.';

create type public.search_intent as enum ('informational', 'navigational', 'commercial', 'transactional');
comment on type public.search_intent is 'What a searcher of a keyword wants.';

create type public.secret_action as enum ('create', 'read', 'rotate', 'delete');
comment on type public.secret_action is 'What was done to a user secret.';

create type public.shopify_sync_status as enum ('queued', 'running', 'completed', 'failed');
comment on type public.shopify_sync_status is 'A Shopify backfill run: queued (waiting for its turn: one per shop), running, completed, failed (its job gave up; last_error says why).';

create type public.social_platform as enum ('instagram', 'facebook', 'tiktok', 'x', 'linkedin', 'youtube', 'pinterest', 'threads');
comment on type public.social_platform is 'Social networks posts are published to.';

create type public.social_post_status as enum ('draft', 'scheduled', 'published', 'failed', 'deleted');
comment on type public.social_post_status is 'Where a social post stands.';

create type public.strategy_document_kind as enum ('brand_positioning', 'funnel_design', 'competitive_gap', 'kpi_framework');
comment on type public.strategy_document_kind is 'brand_positioning: the 3Cs (company, customer, competition) and a positioning statement; funnel_design: awareness -> engagement -> conversion -> retention; competitive_gap: gaps against competitors; kpi_framework: KPI definitions and targets.';

create type public.strategy_document_status as enum ('draft', 'active', 'archived');
comment on type public.strategy_document_status is 'Only one active document per kind and campaign (or per kind for the workspace as a whole).';

create type public.support_ticket_category as enum ('general', 'order', 'shipping', 'returns', 'product', 'account', 'billing', 'other');
comment on type public.support_ticket_category is 'What a ticket is about.';

create type public.support_ticket_priority as enum ('low', 'normal', 'high', 'urgent');
comment on type public.support_ticket_priority is 'How soon a ticket needs an answer.';

create type public.support_ticket_source as enum ('storefront', 'app', 'chatwoot');
comment on type public.support_ticket_source is 'Where a ticket came from: the storefront''s contact form (anon), a signed-in member, or a Chatwoot conversation.';

create type public.support_ticket_status as enum ('open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed');
comment on type public.support_ticket_status is 'open -> in_progress <-> waiting_on_customer -> resolved -> closed; a resolved ticket may be reopened, a closed one never (open a new ticket).';

create type public.survey_question_kind as enum ('single_choice', 'multiple_choice', 'free_text', 'rating');
comment on type public.survey_question_kind is 'How a survey question is answered: one option, several options, free text, or a rating (answers hold the number as text).';

create type public.task_priority as enum ('low', 'medium', 'high', 'urgent');
comment on type public.task_priority is 'Ordered: low < medium < high < urgent.';

create type public.task_status as enum ('todo', 'in_progress', 'blocked', 'done', 'cancelled');
comment on type public.task_status is 'A task is open while todo, in_progress or blocked.';

create type public.template_kind as enum ('content', 'proposal');
comment on type public.template_kind is 'content: reusable copy for a content type; proposal: a sales proposal (003''s proposal_templates) with sections.';

create type public.tour_event as enum ('shown', 'step', 'completed', 'dismissed');
comment on type public.tour_event is 'What public.track_feature_tour records: the tour was shown, the user moved to a step, finished or dismissed it.';

create type public.tour_status as enum ('pending', 'active', 'completed', 'dismissed');
comment on type public.tour_status is 'pending: not shown yet; active: being shown; completed or dismissed: done.';

create type public.training_example_kind as enum ('example', 'correction', 'pattern');
comment on type public.training_example_kind is 'example: input and the expected output; correction: what the agent should have said; pattern: a learned pattern.';

create type public.training_example_source as enum ('manual', 'feedback', 'learned', 'approval');
comment on type public.training_example_source is 'Where a training example came from.';

create type public.video_permission_level as enum ('view', 'comment', 'edit');
comment on type public.video_permission_level is 'Ordered: view < comment < edit. What a share grants on one video.';

create type public.video_status as enum ('uploading', 'processing', 'ready', 'errored');
comment on type public.video_status is 'uploading: waiting for the file (Mux direct upload); processing: Mux is encoding; ready: playable; errored: Mux could not process it.';

create type public.video_visibility as enum ('workspace', 'private');
comment on type public.video_visibility is 'workspace: every member sees it; private: its creator, admins and the people it is shared with (video_permissions).';

create type public.web_vitals_source as enum ('field', 'lab');
comment on type public.web_vitals_source is 'Where a page audit''s Core Web Vitals come from: field (real Chrome users, CrUX, 75th percentile of the last 28 days) or lab (one Lighthouse run).';

create type public.webhook_delivery_status as enum ('pending', 'succeeded', 'dead');
comment on type public.webhook_delivery_status is 'pending: waiting for its next attempt; succeeded: a 2xx came back; dead: gave up after the last attempt (dead letter).';

create type public.webhook_event_status as enum ('pending', 'processed', 'ignored', 'failed', 'dead');
comment on type public.webhook_event_status is 'pending: stored, waiting for the processor; processed: handled; ignored: valid but nothing to do (unknown topic, no active connection for the shop); failed: the last attempt raised, retried at next_attempt_at; dead: gave up (5 attempts, or an event that can never be processed), last error kept.';

create type public.webhook_provider as enum ('shopify', 'tavus', 'mux', 'chatwoot', 'resend', 'slack');
comment on type public.webhook_provider is 'Services that call our webhooks function.';

create type public.workflow_action_type as enum ('create_task', 'update_lead_status', 'add_to_email_list', 'log_activity', 'send_webhook');
comment on type public.workflow_action_type is 'create_task {title, campaign_id?, priority?, due_in_days?, assignee_id?}; update_lead_status {status}; add_to_email_list {list_id}; log_activity {description}; send_webhook {endpoint_id, event_type?} (the event with the rule, execution and subject, signed and delivered by the webhook dispatcher). Titles and descriptions may use {{ row.field }} placeholders.';

create type public.workflow_execution_status as enum ('running', 'succeeded', 'partially_failed', 'failed', 'cancelled');
comment on type public.workflow_execution_status is 'running while any action is pending; then succeeded (none failed), partially_failed, failed (none succeeded) or cancelled (all cancelled).';

create type public.workflow_trigger as enum ('lead_created', 'lead_status_changed', 'lead_score_changed', 'lead_activity_logged', 'campaign_status_changed', 'task_completed', 'manual');
comment on type public.workflow_trigger is 'The event a workflow rule reacts to; manual rules run through public.run_workflow_rule.';

create type public.workspace_plan as enum ('free', 'pro', 'business', 'enterprise');
comment on type public.workspace_plan is 'Billing plan of a workspace; sets its storage quota (free 5 GiB, pro 100 GiB, business 1 TiB, enterprise unlimited).';

create type public.workspace_role as enum ('viewer', 'member', 'admin', 'owner');
comment on type public.workspace_role is 'Ordered: viewer < member < admin < owner. viewer reads, member writes day-to-day data, admin manages connections, members and settings, owner deletes the workspace and transfers ownership.';
