-- The agent runtime in SQL: settings and who reads them, the monthly AI budget (PT402), the
-- scope an agent run's tools act under (one workspace, at most member), proposals filed by
-- agents (allowed kinds only, the run's workspace only), claims with leases, priced call logs,
-- what finished runs store, chat turns, the weekly QC sample, decided proposals as training
-- examples, and anomaly detection.
begin;
set search_path = extensions, public;
select plan(54);

select tests.without_demo_data();
select tests.two_workspaces();
-- member-a also belongs to B: an agent run of A must still see only A
insert into public.workspace_members (workspace_id, user_id, role) values (tests.workspace_id('B'), tests.user_id('member-a'), 'member');
insert into public.agents (workspace_id, key, name, role, allowed_actions, capabilities, created_by, model_id) values
  (tests.workspace_id('A'), 'ada', 'Ada', 'ads', '{change_ad_budget,pause_campaign}', '{write_briefing,insights}', tests.user_id('admin-a'),
   (select id from public.ai_models where provider = 'openai' and model = 'gpt-5')),
  (tests.workspace_id('A'), 'quiet', 'Quiet', 'reads', '{}', '{}', tests.user_id('admin-a'), null),
  (tests.workspace_id('B'), 'bea', 'Bea', 'ads', '{change_ad_budget}', '{}', tests.user_id('owner-b'), null);
select tests.remember(key, id) from public.agents where key in ('ada', 'quiet', 'bea');
insert into public.campaigns (workspace_id, name, status, budget_cents) values
  (tests.workspace_id('A'), 'A launch', 'active', 10000), (tests.workspace_id('B'), 'B launch', 'active', 10000);
select tests.remember(name, id) from public.campaigns where name in ('A launch', 'B launch');

-- ================= settings
select tests.authenticate_as('viewer-a');
select is((select count(*)::int from public.agent_settings), 0, 'no settings row yet');
select throws_ok($$ insert into public.agent_settings (workspace_id) values (tests.workspace_id('A')) $$, '42501', null,
  'a viewer cannot write the settings');
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.agent_settings (workspace_id) values (tests.workspace_id('A')) $$, '42501', null,
  'nor a member');
select tests.authenticate_as('admin-a');
insert into public.agent_settings (workspace_id, chat_agent_id) values (tests.workspace_id('A'), tests.id('ada'));
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.agent_settings $$, 'another workspace''s settings are invisible');
select tests.clear_authentication();
select is((select to_jsonb(private.agent_settings_for(tests.workspace_id('B'))) - '{workspace_id,created_at,updated_at}'::text[]),
  (select to_jsonb(s) - '{workspace_id,created_at,updated_at,chat_agent_id}'::text[] || '{"chat_agent_id": null}' from public.agent_settings s
   where s.workspace_id = tests.workspace_id('A')),
  'without a row a workspace gets the table''s column defaults');

-- ================= the budget
select tests.authenticate_as('viewer-a');
select results_eq($$ select monthly_budget_micros::bigint, spent_micros::bigint, exhausted::boolean from public.agent_budget(tests.workspace_id('A')) $$,
  $$ values (50000000::bigint, 0::bigint, false) $$, 'viewers read the budget: $50 by default, nothing spent');
select tests.authenticate_as('member-b');
select throws_ok($$ select public.agent_budget(tests.workspace_id('A')) $$, '42501', null, 'not another workspace''s');
select tests.authenticate_as('member-a');
with r as (insert into public.agent_runs (workspace_id, agent_id, input) values (tests.workspace_id('A'), tests.id('ada'), '{"task": "look"}') returning id)
select tests.remember('task run', id) from r;
select throws_ok($$ insert into public.agent_runs (workspace_id, agent_id, kind) values (tests.workspace_id('A'), tests.id('ada'), 'chat') $$,
  '22023', 'chat runs start from the agent-chat function', 'members cannot queue chat runs');
select tests.clear_authentication();
update public.agent_settings set monthly_budget_micros = 1000 where workspace_id = tests.workspace_id('A');
insert into public.agent_queries (workspace_id, agent_id, provider, model, input_tokens, output_tokens)
values (tests.workspace_id('A'), tests.id('ada'), 'openai', 'gpt-5', 1000, 0);
select tests.authenticate_as('member-a');
select throws_like($$ insert into public.agent_runs (workspace_id, agent_id) values (tests.workspace_id('A'), tests.id('ada')) $$,
  '%spent its monthly AI budget: $0.00 of $0.00 this month%', 'a spent budget refuses new runs');
select throws_ok($$ insert into public.agent_runs (workspace_id, agent_id) values (tests.workspace_id('A'), tests.id('ada')) $$,
  'PT402', null, 'with PT402 (HTTP 402)');
select tests.clear_authentication();
select is((select count(*)::int from private.claim_agent_runs(10) c where c.workspace_id = tests.workspace_id('A')), 0,
  'a queued run of a workspace over its budget is not started');
select results_eq($$ select status::text, error like 'the workspace has spent its monthly AI budget%' from public.agent_runs where id = tests.id('task run') $$,
  $$ values ('failed', true) $$, 'it fails with the budget''s message');
update public.agent_settings set monthly_budget_micros = 50000000 where workspace_id = tests.workspace_id('A');

-- ================= claims
select tests.authenticate_as('member-a');
with r as (insert into public.agent_runs (workspace_id, agent_id, input) values (tests.workspace_id('A'), tests.id('ada'), '{"task": "go"}') returning id)
select tests.remember('run', id) from r;
with r as (insert into public.agent_runs (workspace_id, agent_id) values (tests.workspace_id('A'), tests.id('quiet')) returning id)
select tests.remember('quiet run', id) from r;
select tests.clear_authentication();
update public.agents set status = 'paused' where id = tests.id('quiet');
select tests.authenticate_as_service_role();
create temp table claimed as select * from private.claim_agent_runs(10) c where c.workspace_id = tests.workspace_id('A');
select results_eq($$ select run_id, model, acting_user_id, provider::text from claimed $$,
  $$ values (tests.id('run'), 'gpt-5', tests.user_id('member-a'), 'openai') $$,
  'the claim starts the run with its agent''s model and the member who asked as the tools'' actor');
select results_eq($$ select status::text, lease_expires_at > now(), started_at is not null from public.agent_runs where id = tests.id('run') $$,
  $$ values ('running', true, true) $$, 'leased and started');
select results_eq($$ select status::text, error from public.agent_runs where id = tests.id('quiet run') $$,
  $$ values ('failed', 'the agent is paused') $$, 'a run of an agent paused meanwhile fails with the reason');
select is((select count(*)::int from private.claim_agent_runs(10) c where c.run_id = tests.id('run')), 0, 'a running run is not claimed twice');
select is((select (private.agent_run_context(tests.id('run'))) #>> '{agent,allowed_actions}'), '["change_ad_budget", "pause_campaign"]',
  'the context tells the runtime what the agent may propose');

-- ================= the scope of the run's tools
select set_config('role', 'none', true);
select set_config('request.jwt.claims', jsonb_build_object('sub', tests.user_id('member-a'), 'role', 'authenticated',
  'agent_run', jsonb_build_object('id', tests.id('run'), 'workspace_id', tests.workspace_id('A')))::text, true);
set local role authenticated;
select results_eq($$ select array(select private.workspace_ids('viewer')) $$, $$ values (array[tests.workspace_id('A')]) $$,
  'under the run''s claims the member sees one workspace though they belong to two');
select is((select name from public.campaigns), 'A launch', 'so B''s rows are out of reach');
select is(private.workspace_role(tests.workspace_id('B')), null, 'no role in B');
select is_empty($$ select private.workspace_ids('admin') $$, 'and never more than member');
select throws_ok($$ insert into public.agent_runs (workspace_id, agent_id) values (tests.workspace_id('A'), tests.id('ada')) $$,
  '42501', 'an agent run cannot queue runs', 'tools cannot queue runs');

-- proposals
select throws_like($$ select private.propose_from_agent_run('issue_gift_card', 'Gift', '{"amount_cents": 500}') $$,
  '%may not propose issue_gift_card; it may propose: change_ad_budget, pause_campaign%', 'a kind the agent may not propose is refused');
select throws_ok($$ select private.propose_from_agent_run('issue_gift_card', 'Gift', '{"amount_cents": 500}') $$,
  '42501', null, 'with 42501');
select throws_ok(format($$ select private.propose_from_agent_run('pause_campaign', 'Pause B', '{"campaign_id": "%s"}') $$, tests.id('B launch')),
  '22023', 'payload.campaign_id names no campaigns row of this workspace', 'another workspace''s row is refused');
select throws_ok($$ select private.propose_from_agent_run('pause_campaign', 'Pause', '{"campaign": "x"}') $$,
  '22023', null, 'a malformed payload is refused');
select tests.remember('proposal', private.propose_from_agent_run('pause_campaign', 'Pause A launch',
  jsonb_build_object('campaign_id', tests.id('A launch')), 'ROAS fell', 0.7));
select is(private.propose_from_agent_run('pause_campaign', 'Pause A launch', jsonb_build_object('campaign_id', tests.id('A launch'))),
  tests.id('proposal'), 'the same proposal twice in a run is one approval');
select throws_ok(format($$ update public.agent_approvals set status = 'approved' where id = '%s' $$, tests.id('proposal')),
  '42501', 'an agent run cannot decide approvals', 'an agent run cannot decide approvals');
select tests.clear_authentication();
select results_eq($$ select proposer::text, proposed_by, agent_id, run_id, proposer_name, subject_table, subject_id
  from public.agent_approvals where id = tests.id('proposal') $$,
  $$ values ('agent', null::uuid, tests.id('ada'), tests.id('run'), 'ada', 'campaigns', tests.id('A launch')::text) $$,
  'the approval is the agent''s, tied to its run and what it is about');
select tests.authenticate_as('member-a');
select throws_ok($$ select private.propose_from_agent_run('pause_campaign', 'x', '{}') $$, '42501',
  'only an agent run''s tools propose through this path', 'a signed-in user without the run''s claims cannot use the path');
select tests.clear_authentication();
update public.agent_settings set max_proposals_per_run = 1 where workspace_id = tests.workspace_id('A');
select set_config('request.jwt.claims', jsonb_build_object('sub', tests.user_id('member-a'), 'role', 'authenticated',
  'agent_run', jsonb_build_object('id', tests.id('run'), 'workspace_id', tests.workspace_id('A')))::text, true);
set local role authenticated;
select throws_like(format($$ select private.propose_from_agent_run('change_ad_budget', 'x', '{"ad_campaign_id": "%s", "daily_budget_cents": 5}') $$, gen_random_uuid()),
  '%names no ad campaign of this workspace%', 'an ad campaign that is not the workspace''s is refused');
select tests.clear_authentication();

-- ================= logging calls
select tests.authenticate_as_service_role();
select results_eq($$ select cost_micros, run_cost_micros, run_status::text from private.record_agent_query(tests.id('run'), 'agent step', true,
    1000, 0, 100, 812, '{"messages": 2, "email": "jane@example.com"}', '{"content": "ok"}') $$,
  $$ values (2250::bigint, 2250::bigint, 'running') $$, 'a logged call is priced from the registry (gpt-5) and added to its run');
select results_eq($$ select model, latency_ms, request ->> 'email' from public.agent_queries where run_id = tests.id('run') $$,
  $$ values ('gpt-5', 812, '[email]') $$, 'with its latency and its request redacted');
select tests.clear_authentication();
update public.agent_runs set status = 'cancelled' where id = tests.id('run');
select tests.authenticate_as_service_role();
select is((select run_status::text from private.record_agent_query(tests.id('run'), 'agent step', false, 0, 0, 0, 5, '{}', null, 'timeout')),
  'cancelled', 'a cancelled run is told so (the call is still logged)');
select is((select count(*)::int from public.agent_queries where run_id = tests.id('run')), 2, 'both calls are logged');
select is((private.finish_agent_run(tests.id('run'), true, '{"answer": "late"}')) ->> 'status', 'cancelled', 'a cancelled run stays cancelled');

-- ================= a lapsed lease
select tests.clear_authentication();
with r as (insert into public.agent_runs (workspace_id, agent_id) values (tests.workspace_id('A'), tests.id('ada')) returning id)
select tests.remember('lapsing run', id) from r;
select private.claim_agent_runs(10) is not null;
update public.agent_runs set lease_expires_at = now() - interval '1 second' where id = tests.id('lapsing run');
select private.claim_agent_runs(1) is not null;
select results_eq($$ select status::text, error like 'the agent runtime stopped%' from public.agent_runs where id = tests.id('lapsing run') $$,
  $$ values ('failed', true) $$, 'a run whose lease lapsed fails');
select throws_ok($$ select * from private.claim_agent_runs(1, 5) $$, '22023', null, 'a lease is 10 s to an hour');

-- ================= outputs
with r as (insert into public.agent_runs (workspace_id, agent_id, trigger, kind, dedupe_key, input)
  values (tests.workspace_id('A'), tests.id('ada'), 'schedule', 'ceo_briefing', 'ceo_briefing:daily:2026-12-01',
          '{"briefing_kind": "daily", "period_start": "2026-12-01", "period_end": "2026-12-01", "facts": {"orders": 3}}') returning id)
select tests.remember('briefing run', id) from r;
select throws_ok($$ insert into public.agent_runs (workspace_id, agent_id, trigger, kind, dedupe_key)
  values (tests.workspace_id('A'), tests.id('ada'), 'schedule', 'ceo_briefing', 'ceo_briefing:daily:2026-12-01') $$, '23505', null,
  'a scheduled run is queued once per key');
select private.claim_agent_runs(10) is not null;
select private.record_agent_query(tests.id('briefing run'), 'agent answer', true, 2000, 0, 300, 900, '{}', '{}') is not null;
select is((private.finish_agent_run(tests.id('briefing run'), false, null, 'x')) ->> 'status', 'failed', 'a failed run stores nothing');
with r as (insert into public.agent_runs (workspace_id, agent_id, trigger, kind, dedupe_key, input)
  values (tests.workspace_id('A'), tests.id('ada'), 'schedule', 'ceo_briefing', 'ceo_briefing:daily:2026-12-02',
          '{"briefing_kind": "daily", "period_start": "2026-12-02", "period_end": "2026-12-02", "facts": {"orders": 3}}') returning id)
select tests.remember('briefing run 2', id) from r;
select private.claim_agent_runs(10) is not null;
select private.record_agent_query(tests.id('briefing run 2'), 'agent answer', true, 2000, 0, 300, 900, '{}', '{}') is not null;
select is((private.finish_agent_run(tests.id('briefing run 2'), true, '{"summary": "no executive_summary"}')) ->> 'status', 'failed',
  'output of the wrong shape fails the run');
select is((select error from public.agent_runs where id = tests.id('briefing run 2')), 'the output could not be stored: a briefing needs an executive_summary',
  'saying why');
with r as (insert into public.agent_runs (workspace_id, agent_id, trigger, kind, dedupe_key, input)
  values (tests.workspace_id('A'), tests.id('ada'), 'schedule', 'ceo_briefing', 'ceo_briefing:daily:2026-12-03',
          '{"briefing_kind": "daily", "period_start": "2026-12-03", "period_end": "2026-12-03", "facts": {"orders": 3}}') returning id)
select tests.remember('briefing run 3', id) from r;
select private.claim_agent_runs(10) is not null;
select private.record_agent_query(tests.id('briefing run 3'), 'agent answer', true, 2000, 0, 300, 900, '{}', '{}') is not null;
select is((private.finish_agent_run(tests.id('briefing run 3'), true, '{"executive_summary": "Three orders yesterday.", "insights": []}')) ->> 'status',
  'succeeded', 'a briefing run succeeds');
select results_eq($$ select executive_summary, generation_model, cost_micros, key_metrics, run_id from public.ceo_briefings
  where workspace_id = tests.workspace_id('A') $$,
  $$ values ('Three orders yesterday.', 'gpt-5', 5500::bigint, '{"orders": 3}'::jsonb, tests.id('briefing run 3')) $$,
  'and its briefing is stored with the run, the model, the priced cost and the inputs');

-- ================= chat turns
select tests.clear_authentication();
insert into public.chat_sessions (workspace_id, user_id, title) values (tests.workspace_id('A'), tests.user_id('viewer-a'), 'Q');
select tests.remember('session', id) from public.chat_sessions where title = 'Q' and workspace_id = tests.workspace_id('A');
select throws_ok(format($$ select private.start_chat_turn('%s', '%s', 'Hi') $$, tests.id('session'), tests.user_id('member-a')),
  'PT404', null, 'a turn in someone else''s session is not found');
select is((private.start_chat_turn(tests.id('session'), tests.user_id('viewer-a'), 'Hi')) ->> 'agent_id', tests.id('ada')::text,
  'a session without an agent is answered by the workspace''s chat agent');
select results_eq($$ select role::text, content from public.chat_messages where session_id = tests.id('session') $$,
  $$ values ('user', 'Hi') $$, 'the user''s message is stored');

-- ================= learning and QC
select tests.authenticate_as('member-a');
select public.decide_approval(tests.id('proposal'), 'rejected', 'Launch week') is not null;
select results_eq($$ select kind::text, source::text, was_correct, expected_output like 'Rejected: Launch week.%' from public.agent_training_examples
  where 'approval' = any (tags) $$, $$ values ('correction', 'approval', false, true) $$,
  'a rejected agent proposal becomes a correction with the reason');
select tests.clear_authentication();
select is(private.draw_qc_sample(date_trunc('week', now() at time zone 'UTC')::date), 1, 'the week''s QC sample draws one of the agent''s runs');
select is(private.draw_qc_sample(date_trunc('week', now() at time zone 'UTC')::date), 0, 'once');
select throws_ok($$ select private.draw_qc_sample('2026-12-02') $$, '22023', null, 'a week starts on a Monday');

-- ================= anomalies
insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, sku, title) values (tests.workspace_id('A'), 's', 'v', 'SOAP', 'Soap');
insert into public.reorder_points (workspace_id, product_id, as_of, window_days, units_sold, avg_daily_demand, demand_stddev, service_level_z, on_hand, weeks_of_supply, below_reorder_point)
select tests.workspace_id('A'), id, current_date, 28, 10, 1, 1, 1.65, 0, 0, true from public.products where sku = 'SOAP' and workspace_id = tests.workspace_id('A');
select is((select jsonb_path_query_array(private.detect_anomalies(tests.workspace_id('A'), current_date - 1), '$[*].metric')),
  '["stock_out"]'::jsonb, 'an active product out of stock is an anomaly');
select is(private.queue_scheduled_agent_work(current_date - 1, tests.workspace_id('A')), 2,
  'the scheduled job queues the briefing and the insights for the agent with those capabilities');
select is(private.queue_scheduled_agent_work(current_date - 1, tests.workspace_id('B')), 0, 'and nothing where no agent does the work');

select * from finish();
rollback;
