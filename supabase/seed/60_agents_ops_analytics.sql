-- Demo data for agents, the approval queue, ops and analytics (local only). Deterministic:
-- generate_series and arithmetic relative to the seeding time, no random(). Safe to run twice:
-- named rows use fixed ids with ON CONFLICT, generated series are skipped when present.
-- Demo workspace 10000000-0000-4000-8000-000000000001; owner ...001, admin ...002, member ...003, viewer ...004.
-- Agent ids 60000000-0000-4000-8000-00000000000N: the knowledge seed holds the memories of agent 1 (Casey)
-- in its agent collection (scope agent, owner_id = the agent id).

-- ===== model registry (global; prices per million tokens in micros of USD, as published late 2025)
insert into public.ai_models (provider, model, display_name, model_type, is_default, capabilities, context_window,
  max_output_tokens, input_price_per_mtok_micros, cached_input_price_per_mtok_micros, output_price_per_mtok_micros, last_seen_at)
values
  ('openai', 'gpt-5', 'GPT-5', 'flagship', true, '{text,vision,function_calling,json_mode,streaming,reasoning}', 400000, 128000, 1250000, 125000, 10000000, now()),
  ('openai', 'gpt-5-mini', 'GPT-5 mini', 'fast', true, '{text,vision,function_calling,json_mode,streaming}', 400000, 128000, 250000, 25000, 2000000, now()),
  ('openai', 'gpt-5-nano', 'GPT-5 nano', 'fast', false, '{text,function_calling,json_mode,streaming}', 400000, 128000, 50000, 5000, 400000, now()),
  ('openai', 'o3', 'o3', 'reasoning', true, '{text,vision,function_calling,reasoning}', 200000, 100000, 2000000, 500000, 8000000, now()),
  ('openai', 'o4-mini', 'o4-mini', 'reasoning', false, '{text,vision,function_calling,reasoning}', 200000, 100000, 1100000, 275000, 4400000, now()),
  ('openai', 'gpt-4.1', 'GPT-4.1', 'legacy', false, '{text,vision,function_calling,json_mode,streaming}', 1047576, 32768, 2000000, 500000, 8000000, now()),
  ('openai', 'gpt-4.1-mini', 'GPT-4.1 mini', 'legacy', false, '{text,vision,function_calling,json_mode,streaming}', 1047576, 32768, 400000, 100000, 1600000, now()),
  ('anthropic', 'claude-sonnet-4-5', 'Claude Sonnet 4.5', 'flagship', true, '{text,vision,function_calling,streaming,reasoning}', 200000, 64000, 3000000, 300000, 15000000, now()),
  ('anthropic', 'claude-opus-4-1', 'Claude Opus 4.1', 'flagship', false, '{text,vision,function_calling,streaming,reasoning}', 200000, 32000, 15000000, 1500000, 75000000, now()),
  ('anthropic', 'claude-haiku-4-5', 'Claude Haiku 4.5', 'fast', true, '{text,vision,function_calling,streaming}', 200000, 64000, 1000000, 100000, 5000000, now()),
  ('anthropic', 'claude-sonnet-4', 'Claude Sonnet 4', 'legacy', false, '{text,vision,function_calling,streaming}', 200000, 64000, 3000000, 300000, 15000000, now()),
  ('google', 'gemini-2.5-pro', 'Gemini 2.5 Pro', 'flagship', true, '{text,vision,audio,function_calling,json_mode,reasoning}', 1048576, 65536, 1250000, 310000, 10000000, now()),
  ('google', 'gemini-2.5-flash', 'Gemini 2.5 Flash', 'fast', true, '{text,vision,audio,function_calling,json_mode}', 1048576, 65536, 300000, 75000, 2500000, now()),
  ('google', 'gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', 'fast', false, '{text,vision,function_calling,json_mode}', 1048576, 65536, 100000, 25000, 400000, now()),
  ('google', 'gemini-2.0-flash', 'Gemini 2.0 Flash', 'legacy', false, '{text,vision,function_calling}', 1048576, 8192, 100000, 25000, 400000, now()),
  ('mistral', 'mistral-large-latest', 'Mistral Large', 'flagship', true, '{text,function_calling,json_mode}', 128000, null, 2000000, null, 6000000, now()),
  ('mistral', 'mistral-medium-latest', 'Mistral Medium', 'fast', true, '{text,vision,function_calling,json_mode}', 128000, null, 400000, null, 2000000, now())
on conflict (provider, model) do nothing;

insert into public.ai_model_discovery_runs (id, status, providers_checked, models_discovered, models_added, models_updated,
  models_deprecated, started_at, finished_at, execution_time_ms, details)
values ('60000000-0000-4000-8000-00000000d001', 'succeeded', '{openai,anthropic,google,mistral}', 17, 17, 0, 0,
  date_trunc('month', now()) + interval '2 hours', date_trunc('month', now()) + interval '2 hours 41 seconds', 41000,
  '{"added": ["openai/gpt-5", "anthropic/claude-sonnet-4-5", "google/gemini-2.5-pro", "mistral/mistral-large-latest"]}')
on conflict (id) do nothing;

-- ===== agents with their personalities
insert into public.agents (id, workspace_id, key, name, role, description, email, status, capabilities, model_id, system_prompt,
  temperature, personality_formality, personality_verbosity, personality_warmth, preferred_greeting, signature, requires_approval, created_by)
select v.id::uuid, '10000000-0000-4000-8000-000000000001', v.key, v.name, v.role, v.description, v.email, v.status::public.agent_status,
       v.capabilities, (select m.id from public.ai_models m where m.model = v.model), v.prompt, v.temperature,
       v.formality, v.verbosity, v.warmth, v.greeting, v.signature, v.approval, '00000000-0000-4000-8000-000000000002'
from (values
  ('60000000-0000-4000-8000-000000000001', 'cx-responder', 'Casey', 'customer support replies',
   'Drafts replies to Chatwoot conversations from the knowledge base; a person approves before anything is sent.',
   'casey@demo-brand.test', 'active', array['draft_reply', 'lookup_order', 'search_knowledge'], 'claude-sonnet-4-5',
   'You answer Demo Brand customers kindly and precisely. Never promise refunds; propose them.', 0.40, 35, 40, 85,
   'Hi there!', '— Casey at Demo Brand', true),
  ('60000000-0000-4000-8000-000000000002', 'ads-optimizer', 'Ada', 'ads optimisation',
   'Watches 7-day ROAS per campaign and proposes pauses and budget shifts.', null, 'active',
   array['pause_campaign', 'change_budget', 'read_ads'], 'gpt-5', 'You optimise paid media for return on ad spend.', 0.20, 70, 30, 40,
   null, null, true),
  ('60000000-0000-4000-8000-000000000003', 'inventory-planner', 'Ivy', 'inventory planning',
   'Turns reorder points into purchase order proposals.', null, 'active', array['read_inventory', 'reorder'], 'gpt-5-mini',
   'You keep best sellers in stock without tying up cash.', 0.10, 80, 25, 30, null, null, true),
  ('60000000-0000-4000-8000-000000000004', 'bri', 'Bri', 'CEO briefings and Slack digests',
   'Writes the weekly CEO briefing and answers questions in Slack.', 'bri@demo-brand.test', 'active',
   array['write_briefing', 'summarise', 'slack'], 'claude-sonnet-4-5', 'You brief a busy founder: numbers first, then why.', 0.50,
   55, 60, 70, 'Morning!', '— Bri', false),
  ('60000000-0000-4000-8000-000000000005', 'review-moderator', 'Remy', 'review moderation',
   'Flagged reviews for moderation; paused while the reviews domain is rebuilt.', null, 'paused',
   array['moderate_review'], 'gpt-4.1-mini', 'You moderate product reviews.', 0.00, 60, 20, 50, null, null, true)
) v (id, key, name, role, description, email, status, capabilities, model, prompt, temperature, formality, verbosity, warmth,
     greeting, signature, approval)
on conflict (id) do nothing;

-- ===== a week of runs (4 active agents x 7 days x runs per day by agent), each with its LLM calls
insert into public.agent_runs (id, workspace_id, agent_id, trigger, triggered_by, status, input, output, error, started_at, finished_at, created_at)
select ('60000000-0000-4000-8000-' || lpad((a.n * 1000 + d * 10 + k)::text, 12, '0'))::uuid,
       '10000000-0000-4000-8000-000000000001', a.id,
       case when a.n = 4 then 'schedule' when k = 0 then 'event' else 'webhook' end::public.agent_run_trigger, null,
       case when (d * 3 + k + a.n) % 11 = 0 then 'failed' else 'succeeded' end::public.agent_run_status,
       jsonb_build_object('day', d, 'slot', k),
       case when (d * 3 + k + a.n) % 11 = 0 then null else jsonb_build_object('summary', a.key || ' finished task ' || k) end,
       case when (d * 3 + k + a.n) % 11 = 0 then 'provider timeout after 30 s' end,
       start_at, start_at + make_interval(secs => 2 + (d * 7 + k * 5 + a.n * 3) % 19), start_at
from (values (1, '60000000-0000-4000-8000-000000000001'::uuid, 'cx-responder', 6), (2, '60000000-0000-4000-8000-000000000002'::uuid, 'ads-optimizer', 2),
             (3, '60000000-0000-4000-8000-000000000003'::uuid, 'inventory-planner', 1), (4, '60000000-0000-4000-8000-000000000004'::uuid, 'bri', 1)) a (n, id, key, per_day)
cross join generate_series(1, 7) d
cross join lateral generate_series(0, a.per_day - 1) k
cross join lateral (select date_trunc('day', now()) - make_interval(days => d) + make_interval(hours => 8 + k * 2, mins => a.n * 7) as start_at) t
where not exists (select 1 from public.agent_runs r where r.workspace_id = '10000000-0000-4000-8000-000000000001');

insert into public.agent_queries (workspace_id, agent_id, run_id, provider, model, purpose, status, input_tokens, cached_input_tokens,
  output_tokens, latency_ms, request, response, error, created_at)
select r.workspace_id, r.agent_id, r.id, m.provider, m.model, case q when 1 then 'plan' else 'answer' end,
       case when r.status = 'failed' and q = 2 then 'failed' else 'succeeded' end::public.agent_query_status,
       1200 + (extract(day from r.created_at)::int * 137 + q * 311) % 2400, (q - 1) * 512,
       case when r.status = 'failed' and q = 2 then 0 else 180 + (extract(hour from r.created_at)::int * 53 + q * 17) % 600 end,
       700 + (extract(day from r.created_at)::int * 91 + q * 230) % 2600,
       jsonb_build_object('messages', jsonb_build_array(jsonb_build_object('role', 'user',
         'content', 'Customer jane.doe@example.com asks where order #10' || extract(day from r.created_at)::int || ' is'))),
       case when r.status = 'failed' and q = 2 then null else jsonb_build_object('content', 'Drafted an answer.') end,
       case when r.status = 'failed' and q = 2 then 'timeout' end,
       r.started_at + make_interval(secs => q)
from public.agent_runs r
join public.agents a on a.id = r.agent_id
join public.ai_models m on m.id = a.model_id
cross join generate_series(1, 2) q
where r.workspace_id = '10000000-0000-4000-8000-000000000001'
  and not exists (select 1 from public.agent_queries x where x.workspace_id = '10000000-0000-4000-8000-000000000001');

insert into public.agent_qc (workspace_id, run_id, check_name, result, score, details, checked_by)
select r.workspace_id, r.id, c.name,
       case when (extract(day from r.created_at)::int + c.n) % 9 = 0 then 'warn' else 'pass' end::public.qc_result,
       round(0.70 + ((extract(day from r.created_at)::int * 7 + c.n * 3) % 30) / 100.0, 4), '{}', null
from public.agent_runs r
cross join (values (1, 'tone'), (2, 'facts_match_order'), (3, 'no_promises')) c (n, name)
where r.agent_id = '60000000-0000-4000-8000-000000000001' and r.status = 'succeeded'
on conflict (run_id, check_name) do nothing;

insert into public.agent_training_examples (id, workspace_id, agent_id, kind, source, input, expected_output, was_correct, tags, created_by)
values
  ('60000000-0000-4000-8000-00000000e001', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000001', 'example', 'manual',
   'Where is my order?', 'Thanks for asking! Your order shipped yesterday; here is the tracking link: {tracking_url}', true, '{shipping}',
   '00000000-0000-4000-8000-000000000003'),
  ('60000000-0000-4000-8000-00000000e002', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000001', 'example', 'manual',
   'Can I return an opened balm?', 'Yes, within 30 days, opened or not. I''ve started the return for you: {return_url}', true, '{returns}',
   '00000000-0000-4000-8000-000000000003')
on conflict (id) do nothing;
insert into public.agent_training_examples (id, workspace_id, agent_id, kind, source, pattern, confidence, usage_count, tags)
values ('60000000-0000-4000-8000-00000000e003', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000002', 'pattern',
        'learned', '{"when": "7-day ROAS below 1.0 for 3 days", "prefer": "pause over budget cut"}', 0.8200, 14, '{ads}')
on conflict (id) do nothing;

insert into public.agent_feedback (id, workspace_id, agent_id, run_id, user_id, kind, rating, comment, correction, prompt_excerpt)
values
  ('60000000-0000-4000-8000-00000000f001', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000001',
   '60000000-0000-4000-8000-000000001010', '00000000-0000-4000-8000-000000000003', 'thumbs_up', null, 'Spot on', null, null),
  ('60000000-0000-4000-8000-00000000f002', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000001',
   '60000000-0000-4000-8000-000000001020', '00000000-0000-4000-8000-000000000003', 'rating', 3, 'Too long', null, null),
  ('60000000-0000-4000-8000-00000000f003', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000001',
   '60000000-0000-4000-8000-000000001030', '00000000-0000-4000-8000-000000000002', 'correction', null, null,
   'Offer store credit first, then a refund if they insist.', 'Customer asks for a refund on a gift set')
on conflict (id) do nothing;

-- ===== chats: the member's campaign copilot session and the owner's own chat
insert into public.chat_sessions (id, workspace_id, user_id, agent_id, purpose, title, state)
values
  ('60000000-0000-4000-8000-00000000c001', '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', null,
   'campaign_copilot', 'Winter balm launch', '{"step": "channels", "draft": {"budget_cents": 500000, "channels": ["meta", "email"]}}'),
  ('60000000-0000-4000-8000-00000000c002', '10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001',
   '60000000-0000-4000-8000-000000000004', 'chat', 'How did last week go?', '{}')
on conflict (id) do nothing;
insert into public.chat_messages (workspace_id, session_id, role, content, created_at)
select '10000000-0000-4000-8000-000000000001', v.session::uuid, v.role::public.chat_role, v.content, now() - make_interval(mins => v.ago)
from (values
  ('60000000-0000-4000-8000-00000000c001', 'user', 'Help me plan the winter balm launch with a $5k budget.', 50),
  ('60000000-0000-4000-8000-00000000c001', 'assistant', 'Start with Meta prospecting (60%), email to past buyers (25%) and retargeting (15%).', 49),
  ('60000000-0000-4000-8000-00000000c001', 'user', 'Which audiences for prospecting?', 45),
  ('60000000-0000-4000-8000-00000000c001', 'assistant', 'Lookalikes of repeat buyers, and interest stacks around natural skincare.', 44),
  ('60000000-0000-4000-8000-00000000c002', 'user', 'How did last week go?', 20),
  ('60000000-0000-4000-8000-00000000c002', 'assistant', 'Revenue up 8% week over week; ROAS 2.9; two campaigns need attention.', 19)
) v (session, role, content, ago)
where not exists (select 1 from public.chat_messages m where m.workspace_id = '10000000-0000-4000-8000-000000000001');

-- ===== the approval queue: waiting proposals, and a history of decisions
insert into public.agent_approvals (id, workspace_id, agent_id, run_id, proposer_name, action, title, rationale, payload, subject_table,
  subject_id, priority, confidence, expected_impact, dedupe_key, expires_at, created_at)
values
  ('60000000-0000-4000-8000-0000000ab001', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000002', null, 'ads-optimizer',
   'pause_ad_campaign', 'Pause "Broad prospecting – video"', '7-day ROAS 0.74 against a 2.0 target; spend $1,240.',
   '{"platform": "meta", "external_campaign_id": "120210001"}', 'ad_campaigns', 'meta:120210001', 'high', 0.8800,
   '{"savings_cents_per_day": 17700, "roas_7d": 0.74}', 'pause:meta:120210001', now() + interval '20 hours', now() - interval '4 hours'),
  ('60000000-0000-4000-8000-0000000ab002', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000002', null, 'ads-optimizer',
   'shift_ad_budget', 'Move $150/day from Google Shopping to Meta retargeting', 'Retargeting ROAS 4.1 vs Shopping 1.6 over 14 days.',
   '{"from": {"platform": "google", "external_campaign_id": "987"}, "to": {"platform": "meta", "external_campaign_id": "120210007"}, "daily_cents": 15000}',
   null, null, 'normal', 0.7100, '{"extra_revenue_cents_per_week": 210000}', 'shift:987:120210007', now() + interval '2 days', now() - interval '3 hours'),
  ('60000000-0000-4000-8000-0000000ab003', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000001', null, 'cx-responder',
   'send_customer_reply', 'Reply to Priya about a late delivery', 'Order shipped 6 days ago; carrier shows a delay.',
   '{"conversation_id": 4411, "draft": "Hi Priya, so sorry for the wait! Your parcel is delayed at the carrier; it should reach you by Friday."}',
   null, null, 'urgent', 0.9300, '{}', 'reply:4411', now() + interval '6 hours', now() - interval '40 minutes'),
  ('60000000-0000-4000-8000-0000000ab004', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000003', null, 'inventory-planner',
   'reorder_inventory', 'Reorder 600 x Tallow Balm 60 ml', '4.1 weeks of supply left, 5-week lead time.',
   '{"sku": "BALM-60", "quantity": 600, "supplier": "Alpine Tallow Co"}', null, null, 'high', 0.9000,
   '{"stockout_days_avoided": 9}', 'reorder:BALM-60', now() + interval '3 days', now() - interval '1 day'),
  ('60000000-0000-4000-8000-0000000ab005', '10000000-0000-4000-8000-000000000001', null, null, 'autopilot',
   'publish_content', 'Publish "5 winter skin myths" to the blog', 'Scheduled by the content calendar.',
   '{"title": "5 winter skin myths", "channel": "blog"}', null, null, 'low', null, '{}', 'publish:winter-myths',
   now() + interval '5 days', now() - interval '2 hours'),
  ('60000000-0000-4000-8000-0000000ab006', '10000000-0000-4000-8000-000000000001', null, null, 'autopilot',
   'apply_discount', 'Offer 15% to lapsed subscribers', '312 subscribers have not ordered in 90 days.',
   '{"code": "COMEBACK15", "percent": 15, "segment": "lapsed_90d"}', null, null, 'normal', 0.6400,
   '{"expected_orders": 28}', 'discount:lapsed_90d', now() + interval '4 days', now() - interval '6 hours'),
  -- history: decided below
  ('60000000-0000-4000-8000-0000000ab101', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000002', null, 'ads-optimizer',
   'change_ad_budget', 'Raise "Retargeting – carousel" to $220/day', 'ROAS 4.6 at $180/day, not budget-capped.',
   '{"platform": "meta", "external_campaign_id": "120210007", "daily_cents": 22000}', 'ad_campaigns', 'meta:120210007', 'normal', 0.8000,
   '{}', null, now() + interval '1 day', now() - interval '3 days'),
  ('60000000-0000-4000-8000-0000000ab102', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000001', null, 'cx-responder',
   'send_customer_reply', 'Refund Marc''s gift set', 'Customer asked for a refund.', '{"conversation_id": 4380}', null, null, 'normal', 0.5500,
   '{}', null, now() + interval '1 day', now() - interval '2 days'),
  ('60000000-0000-4000-8000-0000000ab103', '10000000-0000-4000-8000-000000000001', null, null, 'autopilot',
   'pause_campaign', 'Pause the autumn email series', 'Open rate fell under 12%.', '{"campaign": "autumn-series"}', null, null, 'low', null,
   '{}', null, now() + interval '1 minute', now() - interval '4 days')
on conflict (id) do nothing;

update public.agent_approvals set status = 'approved', decided_by = '00000000-0000-4000-8000-000000000002',
  decision_note = 'Agreed, it is not budget-capped.'
where id = '60000000-0000-4000-8000-0000000ab101' and status = 'pending';
select private.finish_approval('60000000-0000-4000-8000-0000000ab101', true, '{"daily_budget_cents": 22000}')
where exists (select 1 from public.agent_approvals where id = '60000000-0000-4000-8000-0000000ab101' and status = 'approved');
update public.agent_approvals set status = 'rejected', decided_by = '00000000-0000-4000-8000-000000000003',
  decision_note = 'Offer store credit first.'
where id = '60000000-0000-4000-8000-0000000ab102' and status = 'pending';
update public.agent_approvals set expires_at = now() - interval '1 day'
where id = '60000000-0000-4000-8000-0000000ab103' and status = 'pending';
select private.expire_approvals();

-- ===== ops: a week of logs, deduplicated errors, health, alerts and incidents
insert into public.ops_logs (workspace_id, logged_at, level, source, message, metadata, request_id)
select '10000000-0000-4000-8000-000000000001', t, lvl.level,
       (array['webhooks', 'oauth', 'webhook-dispatch', 'ads-sync', 'knowledge-ingest'])[1 + (h + i) % 5],
       case lvl.level when 'debug' then 'payload parsed' when 'info' then 'request handled'
                      when 'warn' then 'slow upstream response' else 'upstream returned 502' end,
       jsonb_build_object('duration_ms', 40 + (h * 37 + i * 11) % 900), 'req-' || h || '-' || i
from generate_series(0, 7 * 24 - 1) h
cross join generate_series(0, 3) i
cross join lateral (select date_trunc('hour', now()) - make_interval(hours => h) + make_interval(mins => i * 13) as t) x
cross join lateral (select (case when (h + i) % 23 = 0 then 'error' when (h * 3 + i) % 7 = 0 then 'warn'
                                 when i = 3 then 'debug' else 'info' end)::public.log_level as level) lvl
where not exists (select 1 from public.ops_logs l where l.workspace_id = '10000000-0000-4000-8000-000000000001');

insert into public.ops_errors (id, workspace_id, fingerprint, error_type, source, message, severity, status, occurrence_count,
  first_seen_at, last_seen_at, last_context)
select v.id::uuid, '10000000-0000-4000-8000-000000000001', private.error_fingerprint(v.type, v.source, v.message), v.type, v.source,
       v.message, v.severity::public.ops_severity, v.status::public.ops_error_status, v.n,
       now() - make_interval(days => v.first_days), now() - make_interval(hours => v.last_hours), v.ctx::jsonb
from (values
  ('60000000-0000-4000-8000-00000000e101', 'UpstreamError', 'ads-sync', 'Meta insights returned 502 for act_100200300', 'high', 'open', 37, 6, 2, '{"account": "act_100200300"}'),
  ('60000000-0000-4000-8000-00000000e102', 'TimeoutError', 'webhooks', 'Order upsert took longer than 5000 ms', 'medium', 'acknowledged', 12, 5, 9, '{"topic": "orders/updated"}'),
  ('60000000-0000-4000-8000-00000000e103', 'TypeError', 'web', 'Cannot read properties of undefined (reading ''roas'')', 'low', 'resolved', 4, 7, 100, '{"url": "/dashboard"}'),
  ('60000000-0000-4000-8000-00000000e104', 'OAuthError', 'oauth', 'Google token refresh failed: invalid_grant', 'critical', 'open', 3, 1, 1, '{"provider": "google_ads"}'),
  ('60000000-0000-4000-8000-00000000e105', 'RateLimit', 'knowledge-ingest', 'Embeddings API answered 429', 'low', 'ignored', 88, 7, 30, '{}')
) v (id, type, source, message, severity, status, n, first_days, last_hours, ctx)
on conflict (workspace_id, fingerprint) do nothing;

select private.record_health_check('10000000-0000-4000-8000-000000000001', v.service, v.status::public.health_status, v.ms, v.msg)
from (values ('shopify', 'healthy', 142, null), ('meta', 'degraded', 2380, 'insights slow'), ('google_ads', 'down', null, 'invalid_grant on refresh'),
             ('klaviyo', 'healthy', 210, null), ('webhook-dispatch', 'healthy', 35, null)) v (service, status, ms, msg)
where not exists (select 1 from public.ops_health_checks c where c.workspace_id = '10000000-0000-4000-8000-000000000001');

insert into public.ops_alerts (id, workspace_id, alert_type, severity, title, message, source, error_id, dedupe_key, created_at)
values ('60000000-0000-4000-8000-00000000a101', '10000000-0000-4000-8000-000000000001', 'error', 'high', 'Meta insights failing',
        '37 failures in 6 days', 'ads-sync', '60000000-0000-4000-8000-00000000e101', 'error:meta-insights', now() - interval '2 days')
on conflict (id) do nothing;
update public.ops_alerts set status = 'acknowledged', acknowledged_by = '00000000-0000-4000-8000-000000000002'
where id = '60000000-0000-4000-8000-00000000a101' and status = 'open';

insert into public.ops_incidents (id, workspace_id, alert_id, title, severity, summary, impact, commander_id, created_by, started_at)
values
  ('60000000-0000-4000-8000-00000000b101', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-00000000a101',
   'Ad spend not syncing from Meta', 'high', 'Insights API errors since Tuesday.', 'ROAS tile stale for Meta.',
   '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002', now() - interval '2 days'),
  ('60000000-0000-4000-8000-00000000b102', '10000000-0000-4000-8000-000000000001', null,
   'Checkout webhooks delayed', 'medium', 'Shopify retried order webhooks for 40 minutes.', 'Orders appeared late on the dashboard.',
   '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000003', now() - interval '5 days')
on conflict (id) do nothing;
update public.ops_incidents set status = 'identified', root_cause = 'Meta rotated the app secret.'
where id = '60000000-0000-4000-8000-00000000b101' and status = 'investigating';
update public.ops_incidents set status = 'monitoring' where id = '60000000-0000-4000-8000-00000000b101' and status = 'identified';
update public.ops_incidents set status = 'resolved', root_cause = 'A slow order upsert under a flash sale.'
where id = '60000000-0000-4000-8000-00000000b102' and status = 'investigating';

-- ===== analytics
insert into public.dashboard_facts (workspace_id, metric, period, period_start, dimensions, value, unit, source)
select '10000000-0000-4000-8000-000000000001', m.metric, 'day', (current_date - d)::timestamp at time zone 'UTC', m.dims,
       m.base + ((d * m.step) % m.spread), m.unit, 'seed'
from generate_series(1, 28) d
cross join (values ('sessions', '{"channel": "organic"}'::jsonb, 1800, 137, 600, 'count'),
                   ('sessions', '{"channel": "paid"}', 2400, 211, 900, 'count'),
                   ('conversion_rate_bp', '{}', 180, 7, 60, 'count'),
                   ('performance.score', '{"entity_type": "campaign", "entity_id": "winter-balm"}', 62, 5, 30, 'count')) m (metric, dims, base, step, spread, unit)
on conflict (workspace_id, metric, period, period_start, dimensions) do nothing;
select private.refresh_dashboard_facts(current_date - d) from generate_series(1, 7) d;

insert into public.analytics_reports (id, workspace_id, name, kind, period_start, period_end, parameters, created_by)
values ('60000000-0000-4000-8000-0000000ae001', '10000000-0000-4000-8000-000000000001', 'Last month performance', 'performance',
        (date_trunc('month', now()) - interval '1 month')::date, (date_trunc('month', now()) - interval '1 day')::date, '{}',
        '00000000-0000-4000-8000-000000000003'),
       ('60000000-0000-4000-8000-0000000ae002', '10000000-0000-4000-8000-000000000001', 'Paid social deep dive', 'ads',
        current_date - 30, current_date - 1, '{"platforms": ["meta", "tiktok"]}', '00000000-0000-4000-8000-000000000003')
on conflict (id) do nothing;
update public.analytics_reports set status = 'generating' where id = '60000000-0000-4000-8000-0000000ae001' and status = 'pending';
update public.analytics_reports set status = 'ready', results = '{"revenue_cents": 4821300, "orders": 1187, "roas": 2.84}'
where id = '60000000-0000-4000-8000-0000000ae001' and status = 'generating';

select private.record_metrics('10000000-0000-4000-8000-000000000001', '[
  {"entity_type": "store", "entity_id": "demo-brand", "metric": "visitors_now", "value": 47},
  {"entity_type": "store", "entity_id": "demo-brand", "metric": "orders_today", "value": 38},
  {"entity_type": "ad_campaign", "entity_id": "meta:120210001", "metric": "spend_today_cents", "value": 14250},
  {"entity_type": "ad_campaign", "entity_id": "meta:120210007", "metric": "spend_today_cents", "value": 9100}]');

insert into public.ai_insights (id, workspace_id, agent_id, kind, title, body, impact, confidence, metric, data, status, approval_id)
values
  ('60000000-0000-4000-8000-0000000a1001', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000002', 'risk',
   'Prospecting video is losing money', '7-day ROAS 0.74 with rising CPMs.', 'high', 0.8800, 'roas',
   '{"roas_7d": 0.74, "target": 2.0}', 'actioned', '60000000-0000-4000-8000-0000000ab001'),
  ('60000000-0000-4000-8000-0000000a1002', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000004', 'trend',
   'Repeat purchase rate up 3 points', 'Subscribers ordering again within 45 days rose from 21% to 24%.', 'medium', 0.7500,
   'repeat_rate', '{"from": 0.21, "to": 0.24}', 'new', null),
  ('60000000-0000-4000-8000-0000000a1003', '10000000-0000-4000-8000-000000000001', '60000000-0000-4000-8000-000000000003', 'opportunity',
   'Bundle balm and soap', '38% of balm buyers add soap within 30 days.', 'medium', 0.6900, 'attach_rate', '{"attach": 0.38}', 'new', null),
  ('60000000-0000-4000-8000-0000000a1004', '10000000-0000-4000-8000-000000000001', null, 'anomaly',
   'Refunds spiked on Tuesday', '11 refunds against a daily mean of 3.', 'high', 0.9100, 'refunds', '{"count": 11, "mean": 3}',
   'acknowledged', null)
on conflict (id) do nothing;

insert into public.ceo_briefings (workspace_id, kind, period_start, period_end, executive_summary, key_metrics, insights,
  generation_model, generation_input_tokens, generation_output_tokens)
select '10000000-0000-4000-8000-000000000001', 'weekly', w.week_end - 6, w.week_end,
       format('Week ending %s: revenue $%s (%s%% week over week), blended ROAS %s, %s orders. %s',
              w.week_end, to_char((38000 + w.n * 1750)::numeric, 'FM99,999'), 3 + w.n, (2.5 + w.n * 0.1)::numeric(3, 1),
              300 + w.n * 12, case when w.n = 4 then 'Two campaigns need a decision in the approval queue.' else 'Nothing urgent.' end),
       jsonb_build_object('revenue_cents', (38000 + w.n * 1750) * 100, 'orders', 300 + w.n * 12, 'roas', 2.5 + w.n * 0.1),
       jsonb_build_array(jsonb_build_object('title', 'Retargeting outperforms', 'impact', 'medium')),
       'claude-sonnet-4-5', 18000 + w.n * 400, 1400 + w.n * 30
from (select n, (date_trunc('week', now())::date - 1 - (4 - n) * 7) as week_end from generate_series(1, 4) n) w
on conflict (workspace_id, kind, period_end) do nothing;
update public.ceo_briefings set rating = 4, feedback_notes = 'Add cash position next time.', rated_by = '00000000-0000-4000-8000-000000000001'
where workspace_id = '10000000-0000-4000-8000-000000000001' and period_end = date_trunc('week', now())::date - 8 and rating is null;

insert into public.seo_audits (workspace_id, site_url, crawled_at, pages_crawled, avg_lcp_ms, avg_inp_ms, avg_cls, technical_score,
  content_score, performance_score, critical_issues, high_priority_issues, issues)
select '10000000-0000-4000-8000-000000000001', 'https://demo-brand.example', date_trunc('day', now()) - make_interval(days => d) + interval '3 hours',
       412 + d, 2100 + d * 45, 160 + d * 4, 0.0800 + d * 0.0050, 88 - d, 76 + d % 3, 71 - d, d % 2, 3 + d % 4,
       jsonb_build_array(jsonb_build_object('type', 'missing_alt', 'count', 12 + d))
from generate_series(1, 7) d
where not exists (select 1 from public.seo_audits a where a.workspace_id = '10000000-0000-4000-8000-000000000001');

select public.ingest_seo_rankings('10000000-0000-4000-8000-000000000001', (
  select jsonb_agg(jsonb_build_object('keyword', k.keyword, 'tracked_on', current_date - d,
           'position', case when k.base + (d * k.drift) % 9 > 100 then null else k.base + (d * k.drift) % 9 end,
           'search_volume', k.volume, 'featured_snippet', k.base <= 2 and d % 3 = 0, 'url', 'https://demo-brand.example/' || k.slug))
  from generate_series(1, 14) d
  cross join (values ('tallow balm', 'tallow-balm', 2, 3, 9900), ('natural lip balm', 'lip-balm', 7, 2, 14800),
                     ('vegan soap bar', 'soap', 15, 4, 6600), ('winter skin care', 'blog/winter', 23, 5, 22200),
                     ('fragrance free moisturizer', 'moisturizer', 41, 7, 8100), ('beef tallow skincare', 'tallow-balm', 4, 1, 5400),
                     ('balm for eczema', 'blog/eczema', 96, 6, 12100), ('gift set skincare', 'gift-set', 12, 3, 4400)) k (keyword, slug, base, drift, volume)));

insert into public.keyword_research (workspace_id, keyword, locale, search_volume, difficulty, cpc_cents, currency, competition, intent,
  monthly_volumes, related_keywords, source, created_by)
values
  ('10000000-0000-4000-8000-000000000001', 'tallow balm', 'en-US', 9900, 34, 145, 'USD', 0.6200, 'commercial',
   '[{"month": "2026-09", "volume": 8100}, {"month": "2026-10", "volume": 9900}]', '{"beef tallow balm","tallow face balm"}', 'dataforseo', '00000000-0000-4000-8000-000000000003'),
  ('10000000-0000-4000-8000-000000000001', 'best lip balm for winter', 'en-US', 18100, 52, 98, 'USD', 0.7100, 'commercial',
   '[]', '{"lip balm cold weather"}', 'dataforseo', '00000000-0000-4000-8000-000000000003'),
  ('10000000-0000-4000-8000-000000000001', 'is tallow good for skin', 'en-US', 6600, 21, 40, 'USD', 0.1800, 'informational',
   '[]', '{"tallow skincare benefits"}', 'dataforseo', '00000000-0000-4000-8000-000000000003'),
  ('10000000-0000-4000-8000-000000000001', 'demo brand balm', 'en-US', 880, 5, 60, 'USD', 0.3000, 'navigational',
   '[]', '{}', 'search console', '00000000-0000-4000-8000-000000000003'),
  ('10000000-0000-4000-8000-000000000001', 'buy tallow soap', 'en-US', 1300, 28, 190, 'USD', 0.8400, 'transactional',
   '[]', '{"tallow soap bar"}', 'dataforseo', '00000000-0000-4000-8000-000000000003')
on conflict (workspace_id, keyword, locale) do nothing;

insert into public.social_posts (id, workspace_id, platform, external_post_id, url, caption, status, scheduled_at, published_at, created_by)
select ('60000000-0000-4000-8000-0000000050' || lpad(n::text, 2, '0'))::uuid, '10000000-0000-4000-8000-000000000001',
       (array['instagram', 'tiktok', 'facebook', 'instagram', 'pinterest', 'tiktok'])[n]::public.social_platform,
       case when n <= 5 then 'demo-' || n end, case when n <= 5 then 'https://social.example/p/demo-' || n end,
       (array['Winter balm drop', 'How we render tallow', 'Customer stories: Priya', 'Gift sets are back', 'Skincare flat lay', 'Behind the scenes'])[n],
       (case when n <= 5 then 'published' else 'scheduled' end)::public.social_post_status,
       case when n = 6 then now() + interval '2 days' end,
       case when n <= 5 then now() - make_interval(days => 8 - n) end,
       '00000000-0000-4000-8000-000000000003'
from generate_series(1, 6) n
on conflict (id) do nothing;
insert into public.social_analytics (workspace_id, social_post_id, platform, measured_at, views, likes, comments, shares, saves, clicks, reach, impressions)
select p.workspace_id, p.id, p.platform, p.published_at + make_interval(days => d),
       900 * d + n * 310, 40 * d + n * 9, 4 * d + n, 2 * d + n % 3, 3 * d, 11 * d + n, case when n = 5 and d = 1 then 0 else 700 * d + n * 250 end,
       1100 * d + n * 400
from public.social_posts p
cross join lateral (select right(p.id::text, 2)::int as n) x
cross join generate_series(1, 3) d
where p.workspace_id = '10000000-0000-4000-8000-000000000001' and p.status = 'published'
  and p.published_at + make_interval(days => d) <= now()
on conflict (social_post_id, measured_at) do nothing;

insert into public.user_analytics_events (workspace_id, user_id, occurred_at, event_name, page, session_id, properties)
select '10000000-0000-4000-8000-000000000001', ('00000000-0000-4000-8000-00000000000' || u)::uuid,
       date_trunc('day', now()) - make_interval(days => d) + make_interval(hours => 9 + e, mins => u * 7),
       (array['page.view', 'page.view', 'approval.opened', 'form.friction', 'dashboard.tile_clicked'])[1 + (d + e + u) % 5],
       (array['/', '/approvals', '/ads', '/campaigns/new', '/dashboard'])[1 + (d + e) % 5], 's-' || u || '-' || d,
       case when (d + e + u) % 5 = 3 then jsonb_build_object('form', 'campaign', 'field', 'budget', 'friction', 'validation_error')
            else '{}'::jsonb end
from generate_series(1, 4) u
cross join generate_series(1, 7) d
cross join generate_series(0, 5) e
where not exists (select 1 from public.user_analytics_events x where x.workspace_id = '10000000-0000-4000-8000-000000000001');
