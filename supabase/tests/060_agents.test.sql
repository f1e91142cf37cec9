-- Agents from the outside: the model registry (one default per provider and type, cost
-- arithmetic, discovery), agents and runs, LLM calls (cost, redaction, run totals), chats,
-- feedback and training, metrics, and the approval queue's state machine, roles, decision log,
-- webhooks, expiry and realtime publication.
begin;
set search_path = extensions, public;
select plan(100);

select tests.two_workspaces();
-- Ad campaigns and a marketing campaign that approvals and chats name (subject_id, campaign_id)
-- without a foreign key: their ids only.
select tests.remember('spring sale ad campaign', gen_random_uuid()), tests.remember('retargeting ad campaign', gen_random_uuid()),
  tests.remember('spring campaign', gen_random_uuid());
-- The registry is global: this test owns it for its transaction (the demo seed's models go, and
-- come back at rollback). Everything else is filtered to workspaces A and B.
delete from public.ai_models;
delete from public.ai_model_discovery_runs;

-- ================= model registry
with r as (insert into public.ai_models (provider, model, model_type, is_default, input_price_per_mtok_micros,
  cached_input_price_per_mtok_micros, output_price_per_mtok_micros, context_window) values
  ('openai', 'test-flagship', 'flagship', true, 1250000, 125000, 10000000, 400000),
  ('openai', 'test-fast', 'fast', true, 150000, null, 600000, 128000),
  ('openai', 'test-flagship-2', 'flagship', false, 2000000, null, 8000000, 200000),
  ('anthropic', 'test-sonnet', 'flagship', true, 3000000, 300000, 15000000, 200000),
  ('openai', 'test-half', 'legacy', false, 500000, null, 0, 1000) returning id, model)
select tests.remember(model, id) from r;

select throws_ok($$ insert into public.ai_models (provider, model, model_type, is_default) values ('openai', 'x2', 'flagship', true) $$,
  '23505', null, 'a second default for openai flagship is refused by the partial unique index');
select lives_ok($$ insert into public.ai_models (provider, model, model_type, is_default) values ('anthropic', 'x3', 'fast', true) $$,
  'another provider or type may have its own default');
select throws_ok($$ update public.ai_models set is_active = false where id = tests.id('test-flagship') $$,
  '23514', null, 'the default model cannot be deactivated while it is the default');

select tests.authenticate_as('member-b');
select is((public.get_default_model('openai', 'flagship')).model, 'test-flagship', 'any signed-in user: get_default_model finds the default');
select throws_ok($$ select public.get_default_model('mistral', 'fast') $$, 'PT404', null, 'no default for a provider and type: PT404');
select throws_ok($$ update public.ai_models set is_default = false $$, '42501', null, 'signed-in users cannot write the registry');
select throws_ok($$ insert into public.ai_model_discovery_runs (status) values ('running') $$, '42501', null,
  'signed-in users cannot write discovery runs');
-- 10,345 uncached x $1.25/M = 12,931.25 micros; 2,000 cached x $0.125/M = 250; 678 out x $10/M = 6,780;
-- total 19,961.25 -> 19,961 micros (computed by hand).
select is(public.estimate_ai_cost('openai', 'test-flagship', 12345, 678, 2000), 19961::bigint,
  'cost: uncached input, cached input and output at their per-million prices');
-- no cached price: cached tokens cost the input price. 3 in x 0.15 + 1 out x 0.6 = 1.05 -> 1
select is(public.estimate_ai_cost('openai', 'test-fast', 3, 1, 2), 1::bigint, 'cached tokens without a cached price cost the input price');
-- 1 token at $0.50/M = 0.5 micros: half rounds away from zero -> 1; 3 tokens = 1.5 -> 2
select is(array[public.estimate_ai_cost('openai', 'test-half', 1, 0), public.estimate_ai_cost('openai', 'test-half', 3, 0)],
  array[1::bigint, 2::bigint], 'half a micro rounds up');
select throws_ok($$ select public.estimate_ai_cost('openai', 'test-fast', 1, 1, 2) $$, '22023', null,
  'more cached tokens than input tokens is bad input');
select throws_ok($$ select public.estimate_ai_cost('openai', 'nope', 1, 1) $$, 'PT404', null, 'unknown model: PT404');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.ai_models $$, '42501', null, 'anon cannot read the registry');

-- the service moves the default; discovery runs upsert and retire
select tests.authenticate_as_service_role();
select private.set_default_model(tests.id('test-flagship-2'));
select results_eq($$ select model from public.ai_models where provider = 'openai' and model_type = 'flagship' and is_default $$,
  $$ values ('test-flagship-2'::text) $$, 'set_default_model moves the one default');
select private.apply_model_discovery(array['openai']::public.ai_provider[], '[
  {"provider": "openai", "model": "test-flagship", "model_type": "flagship", "input_price_per_mtok_micros": 1000000, "output_price_per_mtok_micros": 9000000},
  {"provider": "openai", "model": "test-fast", "model_type": "fast", "capabilities": ["text", "vision"]},
  {"provider": "openai", "model": "test-new", "model_type": "reasoning", "context_window": 200000}]');
select results_eq($$ select models_discovered, models_added, models_updated, models_deprecated, status::text
  from public.ai_model_discovery_runs $$, $$ values (3, 1, 2, 2, 'succeeded') $$,
  'discovery run: 3 listed, 1 added, 2 updated, 2 openai models no longer listed deprecated');
select results_eq($$ select model, is_active, is_default from public.ai_models where provider = 'openai' order by model $$,
  $$ values ('test-fast'::text, true, true), ('test-flagship', true, false), ('test-flagship-2', false, false),
            ('test-half', false, false), ('test-new', true, false) $$,
  'unlisted models are deactivated and lose the default flag; listed ones stay active');
select is((select input_price_per_mtok_micros from public.ai_models where model = 'test-flagship'), 1000000::bigint,
  'discovery updates prices');
select is((select is_active from public.ai_models where model = 'test-sonnet'), true, 'providers not checked are untouched');
select private.apply_model_discovery(array['openai']::public.ai_provider[], '[
  {"provider": "openai", "model": "test-flagship", "model_type": "flagship", "input_price_per_mtok_micros": 1000000, "output_price_per_mtok_micros": 9000000},
  {"provider": "openai", "model": "test-fast", "model_type": "fast", "capabilities": ["text", "vision"]},
  {"provider": "openai", "model": "test-new", "model_type": "reasoning", "context_window": 200000}]');
select is((select count(*)::int from public.ai_models where provider = 'openai'), 5, 'a repeated discovery run adds nothing');
select throws_ok($$ select private.apply_model_discovery(array['openai']::public.ai_provider[], '[{"provider": "anthropic", "model": "x", "model_type": "fast"}]') $$,
  '22023', null, 'discovery refuses a model of a provider it did not check');
select tests.authenticate_as('member-a');
select throws_ok($$ select private.set_default_model(tests.id('test-flagship')) $$, '42501', null,
  'signed-in users cannot call the service''s registry functions');
select tests.clear_authentication();
-- restore a clean openai flagship default and prices for the cost tests below
update public.ai_models set input_price_per_mtok_micros = 1250000, output_price_per_mtok_micros = 10000000,
  cached_input_price_per_mtok_micros = 125000 where model = 'test-flagship';

-- ================= agents
select tests.authenticate_as('admin-a');
with r as (insert into public.agents (workspace_id, key, name, role, model_id, created_by) values
  (tests.workspace_id('A'), 'cx', 'Casey', 'support replies',
   tests.id('test-flagship'), tests.user_id('owner-a')) returning id, name)
select tests.remember(name, id) from r;
select is((select created_by from public.agents where key = 'cx'), tests.user_id('admin-a'),
  'created_by is the caller, whatever the client sent');
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.agents (workspace_id, key, name, role) values (tests.workspace_id('A'), 'x', 'X', 'y') $$,
  '42501', null, 'members cannot create agents (admins configure them)');
select is_empty($$ update public.agents set name = 'Hacked' returning id $$, 'members cannot change agents');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.agents $$, 'another workspace''s agents are invisible');
select tests.clear_authentication();
with r as (insert into public.agents (workspace_id, key, name, role, status) values
  (tests.workspace_id('A'), 'ads', 'Ada', 'ads optimisation', 'active'),
  (tests.workspace_id('A'), 'old', 'Olda', 'retired', 'paused'),
  (tests.workspace_id('B'), 'cx', 'B agent', 'support', 'active') returning id, name)
select tests.remember(name, id) from r;

-- ================= runs
select tests.authenticate_as('member-a');
with r as (insert into public.agent_runs (workspace_id, agent_id, input) values
  (tests.workspace_id('A'), tests.id('Casey'),
   '{"ticket": "Where is my order?"}') returning id)
select tests.remember('first run', id) from r;
select results_eq($$ select status::text, trigger::text, triggered_by from public.agent_runs $$,
  $$ values ('queued'::text, 'manual'::text, tests.user_id('member-a')) $$,
  'a member queues a manual run as themselves');
select throws_ok($$ insert into public.agent_runs (workspace_id, agent_id) values (tests.workspace_id('A'), tests.id('Olda')) $$,
  'PT409', null, 'a paused agent cannot be run');
select throws_ok($$ insert into public.agent_runs (workspace_id, agent_id) values (tests.workspace_id('A'), tests.id('B agent')) $$,
  '23503', null, 'a run of another workspace''s agent is refused');
select throws_ok($$ update public.agent_runs set status = 'succeeded' $$, '42501', null,
  'members cannot mark a run succeeded (the runtime does)');
with r as (insert into public.agent_runs (workspace_id, agent_id) values
  (tests.workspace_id('A'), tests.id('Casey')) returning id)
select tests.remember('cancelled run', id) from r;
update public.agent_runs set status = 'cancelled' where id = tests.id('cancelled run');
select results_eq($$ select status::text, finished_at is not null from public.agent_runs where id = tests.id('cancelled run') $$,
  $$ values ('cancelled'::text, true) $$, 'a member cancels a queued run; finished_at is stamped');
select tests.authenticate_as('viewer-a');
select throws_ok($$ insert into public.agent_runs (workspace_id, agent_id) values (tests.workspace_id('A'), tests.id('Casey')) $$,
  '42501', null, 'viewers cannot queue runs');
select is_empty($$ update public.agent_runs set status = 'cancelled' returning id $$, 'viewers cannot cancel runs');
select tests.authenticate_as_service_role();
update public.agent_runs set status = 'running', started_at = '2026-11-20 10:00:00+00' where id = tests.id('first run');
select throws_ok($$ update public.agent_runs set status = 'queued' where id = tests.id('first run') $$,
  'PT409', null, 'a running run cannot go back to queued');

-- ================= LLM calls: cost from the registry, redaction, run totals
insert into public.agent_queries (workspace_id, agent_id, run_id, provider, model, input_tokens, cached_input_tokens,
  output_tokens, latency_ms, cost_micros, request, response) values
  (tests.workspace_id('A'), tests.id('Casey'), tests.id('first run'),
   'openai', 'test-flagship', 12345, 2000, 678, 950, 1,
   '{"messages": [{"role": "user", "content": "I am jane@example.com, call +1 555 123 4567"}], "api_key": "sk-live-xxxxxxxxxxxxxxxx"}',
   '{"content": "Sure, Jane, your order ships 2026-11-24."}'),
  (tests.workspace_id('A'), tests.id('Casey'), tests.id('first run'),
   'openai', 'test-fast', 1000, 0, 500, 300, null, '{}', '{}'),
  (tests.workspace_id('A'), null, null, 'mistral', 'not-registered', 10, 0, 10, 100, 5, '{}', null);
-- 19,961 (above); test-fast: 1000 x 0.15 + 500 x 0.6 = 150 + 300 = 450
select results_eq($$ select model, cost_micros from public.agent_queries where workspace_id = tests.workspace_id('A') order by id $$,
  $$ values ('test-flagship'::text, 19961::bigint), ('test-fast', 450::bigint), ('not-registered', null::bigint) $$,
  'cost comes from the registry, never from the caller; unknown models have no cost');
select is((select model_id from public.agent_queries where model = 'test-fast'), tests.id('test-fast'),
  'the registry entry is found from provider and model');
select is((select request from public.agent_queries where model = 'test-flagship'),
  '{"messages": [{"role": "user", "content": "I am [email], call [phone]"}], "api_key": "[redacted]"}'::jsonb,
  'the request is stored redacted (emails, phones, secret keys)');
select is((select response ->> 'content' from public.agent_queries where model = 'test-flagship'),
  'Sure, Jane, your order ships 2026-11-24.', 'dates and ordinary text survive redaction');
select results_eq($$ select queries, input_tokens, output_tokens, cost_micros from public.agent_runs
  where id = tests.id('first run') $$,
  $$ values (2, 13345::bigint, 1178::bigint, 20411::bigint) $$, 'the run sums its calls: 12345+1000 in, 678+500 out, 19961+450 micros');
select throws_ok($$ update public.agent_queries set cost_micros = 0 $$, '42501', null, 'the LLM call log is append-only');
update public.agent_runs set status = 'succeeded', finished_at = '2026-11-20 10:00:02.5+00', output = '{"reply": "It ships Monday."}'
  where id = tests.id('first run');
select is((select duration_ms from public.agent_runs where id = tests.id('first run')), 2500,
  'duration is finished_at - started_at');

select tests.authenticate_as('member-a');
select is_empty($$ select * from public.agent_queries $$, 'members do not read raw LLM calls');
select tests.authenticate_as('admin-a');
select is((select count(*)::int from public.agent_queries), 3, 'admins read the LLM calls of their workspace');
select tests.authenticate_as('owner-b');
select is_empty($$ select * from public.agent_queries $$, 'another workspace''s owner reads none of them');

-- ================= metrics views
select tests.clear_authentication();
insert into public.agent_runs (workspace_id, agent_id, trigger, status, started_at, finished_at, cost_micros) values
  (tests.workspace_id('A'), tests.id('Casey'), 'schedule', 'queued', null, null, 0);
update public.agent_runs set status = 'running', started_at = '2026-11-20 11:00:00+00'
  where agent_id = tests.id('Casey') and status = 'queued';
update public.agent_runs set status = 'failed', finished_at = '2026-11-20 11:00:01.5+00'
  where agent_id = tests.id('Casey') and status = 'running';
select tests.authenticate_as('viewer-a');
-- 1 succeeded (2,500 ms) + 1 failed (1,500 ms) + 1 cancelled before it started (no duration):
-- 3 runs, success 1 / 2 finished = 0.5, avg 2,000, p95 (nearest rank of 2) 2,500
select results_eq($$ select runs, succeeded, failed, success_rate, avg_duration_ms, p95_duration_ms, cost_micros
  from public.agent_metrics where agent_id = tests.id('Casey') $$,
  $$ values (3, 1, 1, 0.5000::numeric, 2000, 2500, 20411::bigint) $$,
  'agent_metrics: outcomes, success rate over finished runs, durations, cost');
select tests.authenticate_as('member-b');
select is((select count(*)::int from public.agent_metrics), 1, 'metrics show only the caller''s workspace (B''s one agent)');

-- ================= QC, feedback, training
select tests.authenticate_as('member-a');
insert into public.agent_qc (workspace_id, run_id, check_name, result, score, checked_by) values
  (tests.workspace_id('A'), tests.id('first run'), 'tone', 'pass', 0.9,
   tests.user_id('owner-a'));
select is((select checked_by from public.agent_qc), tests.user_id('member-a'), 'a QC review is recorded as its reviewer');
insert into public.agent_feedback (workspace_id, run_id, kind, correction) values
  (tests.workspace_id('A'), tests.id('first run'), 'correction',
   'It ships Monday; here is your tracking link.');
select results_eq($$ select agent_id, kind::text, source::text, input, expected_output, actual_output, was_correct
  from public.agent_training_examples $$,
  $$ values (tests.id('Casey'), 'correction'::text, 'feedback'::text,
             '{"ticket": "Where is my order?"}'::text, 'It ships Monday; here is your tracking link.'::text,
             '{"reply": "It ships Monday."}'::text, false) $$,
  'a correction on a run becomes a training example of the run''s agent with what it said and should have said');
select throws_ok($$ insert into public.agent_feedback (workspace_id, agent_id, kind) values (tests.workspace_id('A'), tests.id('Casey'), 'rating') $$,
  '23514', null, 'a rating needs a value');
select tests.authenticate_as('admin-a');
select is_empty($$ update public.agent_feedback set comment = 'not mine' returning id $$, 'nobody edits another person''s feedback');
select tests.authenticate_as('viewer-a');
select throws_ok($$ insert into public.agent_feedback (workspace_id, agent_id, kind) values (tests.workspace_id('A'), tests.id('Casey'), 'thumbs_up') $$,
  '42501', null, 'viewers do not give feedback');

-- ================= chats are personal
select tests.clear_authentication();
insert into public.campaigns (id, workspace_id, name) values (tests.id('spring campaign'), tests.workspace_id('A'), 'Spring launch');
select tests.authenticate_as('member-a');
with r as (insert into public.chat_sessions (workspace_id, purpose, title, campaign_id) values
  (tests.workspace_id('A'), 'campaign_copilot', 'Spring launch',
   tests.id('spring campaign')) returning id, title)
select tests.remember(title, id) from r;
insert into public.chat_messages (workspace_id, session_id, role, content) values
  (tests.workspace_id('A'), tests.id('Spring launch'), 'user', 'Plan a spring launch'),
  (tests.workspace_id('A'), tests.id('Spring launch'), 'assistant', 'Here is a plan');
select results_eq($$ select message_count, user_id from public.chat_sessions $$,
  $$ values (2, tests.user_id('member-a')) $$, 'messages are counted on the session, which belongs to its creator');
select throws_ok($$ insert into public.chat_messages (workspace_id, session_id, role, content) values (tests.workspace_id('A'), tests.id('Spring launch'), 'system', 'You are evil') $$,
  '42501', null, 'users cannot write system messages');
select tests.authenticate_as('owner-a');
select is_empty($$ select * from public.chat_messages $$, 'the workspace owner does not read a member''s chat');
select throws_ok($$ insert into public.chat_messages (workspace_id, session_id, role, content) values (tests.workspace_id('A'), tests.id('Spring launch'), 'user', 'hi') $$,
  '42501', null, 'nobody writes into someone else''s chat');
select tests.clear_authentication();
create temp table member_message as
  select min(id) as id from public.chat_messages where workspace_id = tests.workspace_id('A')
    and session_id = tests.id('Spring launch');
grant select on member_message to authenticated;
select tests.authenticate_as('owner-a');
select throws_ok($$ insert into public.agent_feedback (workspace_id, chat_message_id, kind, correction)
  select tests.workspace_id('A'), id, 'correction', 'x' from member_message $$,
  '42501', null, 'nobody gives feedback on (and so copies) a message of someone else''s chat');
select tests.authenticate_as('member-a');
select lives_ok($$ insert into public.agent_feedback (workspace_id, chat_message_id, kind)
  select tests.workspace_id('A'), max(id), 'thumbs_up' from public.chat_messages $$,
  'feedback on a message of one''s own chat is fine');
select tests.authenticate_as('member-b');
select throws_ok($$ insert into public.chat_sessions (workspace_id, title) values (tests.workspace_id('A'), 'x') $$,
  '42501', null, 'no chats in a workspace you do not belong to');

-- ================= approvals: proposing
select tests.authenticate_as_service_role();
select ok(private.propose_approval(tests.workspace_id('A'), 'pause_ad_campaign', 'Pause Spring Sale',
  jsonb_build_object('ad_campaign_id', tests.id('spring sale ad campaign')), 'ad_campaigns', tests.id('spring sale ad campaign')::text,
  null, '7-day ROAS 0.8 under target 2.0', 'high', now() + interval '2 days', 'pause:1111', 'autopilot-optimizer')
  = private.propose_approval(tests.workspace_id('A'), 'pause_ad_campaign', 'Pause Spring Sale',
  jsonb_build_object('ad_campaign_id', tests.id('spring sale ad campaign')), 'ad_campaigns', tests.id('spring sale ad campaign')::text,
  null, null, 'high', now() + interval '2 days', 'pause:1111', 'autopilot-optimizer'),
  'proposing twice with the same dedupe key gives the same pending approval');
select results_eq($$ select proposer::text, proposer_name, status::text, count(*) over ()::int from public.agent_approvals
  where workspace_id = tests.workspace_id('A') $$,
  $$ values ('system'::text, 'autopilot-optimizer'::text, 'pending'::text, 1) $$, 'one pending system proposal');
insert into public.webhook_endpoints (workspace_id, url, events) values
  (tests.workspace_id('A'), 'https://hooks.example/a',
   array['approval.requested', 'approval.decided', 'approval.executed']);
with r as (insert into public.agent_approvals (workspace_id, agent_id, action, title, payload, subject_table, subject_id, expires_at) values
  (tests.workspace_id('A'), tests.id('Ada'),
   'change_ad_budget', 'Raise Retargeting budget', '{"daily_budget_cents": 7500}', 'ad_campaigns', tests.id('retargeting ad campaign'),
   now() + interval '1 day'),
  (tests.workspace_id('A'), tests.id('Ada'),
   'shift_ad_budget', 'Shift budget to Google', '{}', null, null, now() + interval '1 day'),
  (tests.workspace_id('A'), null,
   'send_customer_reply', 'Reply to ticket 42', '{}', null, null, now() + interval '1 day'),
  (tests.workspace_id('B'), null,
   'other', 'B''s proposal', '{}', null, null, now() + interval '1 day') returning id, title)
select tests.remember(title, id) from r;
select is((select count(*)::int from public.webhook_deliveries where workspace_id = tests.workspace_id('A') and event_type = 'approval.requested'), 3,
  'each new proposal of workspace A queues approval.requested (the endpoint subscribed)');
select throws_ok($$ insert into public.agent_approvals (workspace_id, action, title, status) values (tests.workspace_id('A'), 'other', 'x', 'approved') $$,
  '22023', null, 'an approval cannot be inserted already approved');
select throws_ok($$ insert into public.agent_approvals (workspace_id, agent_id, action, title) values (tests.workspace_id('A'), tests.id('B agent'), 'other', 'x') $$,
  '23503', null, 'a proposal cannot name another workspace''s agent');

-- ================= approvals: who decides
select tests.authenticate_as('viewer-a');
select is((select count(*)::int from public.agent_approvals), 4, 'viewers read the queue (what Realtime delivers to them)');
select throws_ok($$ select public.decide_approval(tests.id('Raise Retargeting budget'), 'approved') $$,
  '42501', null, 'viewers cannot decide (RPC: 403)');
select is_empty($$ update public.agent_approvals set status = 'approved' returning id $$,
  'viewers cannot decide (direct update touches nothing)');
select throws_ok($$ insert into public.agent_approvals (workspace_id, action, title) values (tests.workspace_id('A'), 'other', 'x') $$,
  '42501', null, 'viewers cannot propose');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.agent_approvals where workspace_id = tests.workspace_id('A') $$,
  'another workspace''s member sees none of A''s approvals (nor receives them by Realtime)');
select throws_ok($$ select public.decide_approval(tests.id('Raise Retargeting budget'), 'approved') $$,
  'PT404', null, 'another workspace''s member cannot decide (404: not visible)');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.agent_approvals $$, '42501', null, 'anon reads no approvals');

select tests.authenticate_as('member-a');
select throws_ok($$ update public.agent_approvals set status = 'approved', decided_by = tests.user_id('owner-a')
  where id = tests.id('Raise Retargeting budget') $$, '42501', null, 'decided_by cannot be given by the client');
select throws_ok($$ update public.agent_approvals set decided_at = '2020-01-01' where id = tests.id('Raise Retargeting budget') $$,
  '42501', null, 'decided_at cannot be given by the client');
select throws_ok($$ update public.agent_approvals set payload = '{"daily_budget_cents": 999999}' where id = tests.id('Raise Retargeting budget') $$,
  '42501', null, 'the proposed payload cannot be edited');
select throws_ok($$ update public.agent_approvals set status = 'executed' where id = tests.id('Raise Retargeting budget') $$,
  'PT409', null, 'pending cannot jump to executed');
select lives_ok($$ select public.decide_approval(tests.id('Raise Retargeting budget'), 'approved', 'Go ahead') $$,
  'a member approves');
select results_eq($$ select status::text, decided_by, decided_at = now(), decision_note from public.agent_approvals
  where id = tests.id('Raise Retargeting budget') $$,
  $$ values ('approved'::text, tests.user_id('member-a'), true, 'Go ahead'::text) $$,
  'decided_by and decided_at come from the session');
select results_eq($$ select d.domain::text, d.actor_kind::text, d.actor_id, d.decision, d.rationale, d.subject_table, d.subject_id,
    d.inputs ->> 'approval_id', d.outcome ->> 'status'
  from public.decision_log d join public.agent_approvals a on a.decision_log_id = d.id
  where a.id = tests.id('Raise Retargeting budget') $$,
  $$ values ('ads'::text, 'user'::text, tests.user_id('member-a'), 'Approved: Raise Retargeting budget'::text,
             'Go ahead'::text, 'ad_campaigns'::text, tests.id('retargeting ad campaign')::text,
             tests.id('Raise Retargeting budget')::text, 'approved'::text) $$,
  'the decision lands in decision_log as the deciding user, about the approval''s subject');
select throws_ok($$ select public.decide_approval(tests.id('Raise Retargeting budget'), 'rejected') $$,
  'PT409', null, 'a decided approval cannot be decided again');
select throws_ok($$ update public.agent_approvals set status = 'executed' where id = tests.id('Raise Retargeting budget') $$,
  '42501', null, 'members cannot report execution (the executing service does)');
select lives_ok($$ select public.decide_approvals(array[tests.id('Shift budget to Google'), tests.id('Reply to ticket 42')]::uuid[],
  'rejected', 'Not now') $$, 'a member rejects two at once');
select is((select count(*)::int from public.decision_log where workspace_id = tests.workspace_id('A') and decision like 'Rejected:%'), 2,
  'each rejection is logged');
select is((select domain::text from public.decision_log where workspace_id = tests.workspace_id('A') and decision = 'Rejected: Reply to ticket 42'), 'cx',
  'the decision domain follows the action (customer reply -> cx)');
select throws_ok($$ select public.decide_approvals(array[tests.id('Raise Retargeting budget')]::uuid[] || array_fill(tests.id('Raise Retargeting budget'), array[100]), 'rejected') $$,
  'PT413', null, 'more than 100 approvals in one call: PT413');
select throws_ok($$ select public.decide_approval(tests.id('Reply to ticket 42'), null) $$,
  '22023', null, 'a decision is required');

-- execution by the service
select tests.authenticate_as_service_role();
select is(private.finish_approval(tests.id('Raise Retargeting budget'), true, '{"new_budget_cents": 7500}'),
  'executed'::public.approval_status, 'the service reports an approved action executed');
select throws_ok($$ select private.finish_approval(tests.id('Shift budget to Google'), true) $$,
  'PT409', null, 'a rejected approval cannot be executed');
select results_eq($$ select event_type, count(*)::int from public.webhook_deliveries where workspace_id = tests.workspace_id('A') group by 1 order by 1 $$,
  $$ values ('approval.decided'::text, 3), ('approval.executed', 1), ('approval.requested', 3) $$,
  'decisions and the execution queued their webhook events');
select is((select payload #>> '{data,status}' from public.webhook_deliveries where workspace_id = tests.workspace_id('A') and event_type = 'approval.executed'),
  'executed',
  'the webhook event carries the approval''s status');

-- ================= every illegal transition is refused (as service_role, so only the state machine speaks)
select tests.clear_authentication();
create temp table transition_results (from_status text, to_status text, outcome text);
grant all on transition_results to service_role;
set local session_replication_role = replica;
insert into public.agent_approvals (workspace_id, action, title, status, expires_at)
select tests.workspace_id('A'), 'other', 'state ' || s, s::public.approval_status, now() + interval '1 day'
from unnest(enum_range(null::public.approval_status)) s;
set local session_replication_role = origin;
select tests.authenticate_as_service_role();
do $$
declare
  f public.approval_status;
  t public.approval_status;
  legal boolean;
  outcome text;
begin
  foreach f in array enum_range(null::public.approval_status) loop
    foreach t in array enum_range(null::public.approval_status) loop
      continue when f = t;
      legal := (f = 'pending' and t in ('approved', 'rejected', 'expired')) or (f = 'approved' and t in ('executing', 'executed', 'failed'))
               or (f = 'executing' and t in ('executed', 'failed'));
      continue when legal;
      begin
        update public.agent_approvals set status = t where title = 'state ' || f;
        outcome := 'allowed';
        raise exception 'undo' using errcode = 'P0001';  -- roll the allowed change back
      exception
        when sqlstate 'PT409' then outcome := 'PT409';
        when sqlstate 'P0001' then null;
        when others then outcome := sqlstate;
      end;
      insert into transition_results values (f, t, outcome);
    end loop;
  end loop;
end $$;
select is((select count(*)::int from transition_results), 34, 'all 34 illegal (from, to) pairs were tried');
select is_empty($$ select from_status || ' -> ' || to_status || ': ' || outcome from transition_results
  where outcome <> case when from_status = 'expired' and to_status in ('approved', 'rejected') then 'PT410' else 'PT409' end $$,
  'every illegal transition is refused: PT410 for deciding an expired approval, PT409 for the rest');
select throws_ok($$ update public.agent_approvals set status = 'expired' where title = 'state pending' $$,
  'PT409', null, 'a pending approval cannot expire before expires_at');

-- ================= expiry by pg_cron
select tests.clear_authentication();
with r as (insert into public.agent_approvals (workspace_id, action, title, expires_at) values
  (tests.workspace_id('A'), 'other', 'expires soon', now() + interval '1 hour'),
  (tests.workspace_id('A'), 'other', 'expired a second ago', now() + interval '1 hour') returning id, title)
select tests.remember(title, id) from r;
set local session_replication_role = replica;
update public.agent_approvals set created_at = now() - interval '3 days', expires_at = now() - interval '1 second'
  where id = tests.id('expired a second ago');
set local session_replication_role = origin;
select tests.authenticate_as('member-a');
select throws_ok($$ select public.decide_approval(tests.id('expired a second ago'), 'approved') $$,
  'PT410', null, 'a pending approval past expires_at can no longer be approved (410 Gone)');
select throws_ok($$ update public.agent_approvals set status = 'expired' where id = tests.id('expired a second ago') $$,
  '42501', null, 'people do not expire approvals');
select tests.clear_authentication();
select ok(private.expire_approvals() >= 1, 'the expiry job runs (and may expire other workspaces'' overdue approvals too)');
select results_eq($$ select title, status::text, decided_by is null, decided_at is not null from public.agent_approvals
  where id in (tests.id('expires soon'), tests.id('expired a second ago')) order by title $$,
  $$ values ('expired a second ago'::text, 'expired'::text, true, true), ('expires soon', 'pending', true, false) $$,
  'the one before its time stays pending');
select results_eq($$ select actor_kind::text, actor_name from public.decision_log where workspace_id = tests.workspace_id('A')
  and decision like 'Expired:%' $$,
  $$ values ('system'::text, 'approval-expiry'::text) $$, 'an expiry is logged as a system decision');

-- ================= realtime and audit
select ok(exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and schemaname = 'public'
  and tablename = 'agent_approvals'), 'agent_approvals is in the supabase_realtime publication');
select ok((select count(*) from public.audit_log where table_name = 'agent_approvals' and record_id = tests.id('Raise Retargeting budget')::text) >= 3,
  'the approval''s insert, decision and execution are in the audit log');

-- ================= cross-workspace decisions by a user in two workspaces
insert into public.workspace_members (workspace_id, user_id, role) values
  (tests.workspace_id('B'), tests.user_id('viewer-a'), 'viewer');
select tests.authenticate_as('viewer-a');
select throws_ok($$ select public.decide_approval(tests.id('B''s proposal'), 'approved') $$,
  '42501', null, 'a viewer of B still cannot decide B''s approval');
select tests.authenticate_as('member-b');
select lives_ok($$ select public.decide_approval(tests.id('B''s proposal'), 'rejected') $$, 'B''s member decides B''s approval');
select is((select count(*)::int from public.webhook_deliveries where workspace_id = tests.workspace_id('B')), 0,
  'no webhook for a workspace without subscribed endpoints');

select * from finish();
rollback;
