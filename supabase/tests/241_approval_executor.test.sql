-- The approval executor in SQL: approved -> executing -> executed | failed (only the service
-- moves it past approved), a job with the idempotency key queued on the action's connection when
-- an approval is approved (never for kind other), the re-checks before anything runs (expired,
-- approver's role, payload, guardrails), actions on our own tables done in the recording
-- transaction with what they replaced, a dead job failing its approval, undo proposals, purchase
-- orders and the workflow engine's webhook action.
begin;
set search_path = extensions, public;
select plan(34);

select tests.without_demo_data();
select tests.two_workspaces();
insert into public.integration_connections (workspace_id, provider, external_account_id) values (tests.workspace_id('A'), 'meta', 'act_9');
-- (the connection's trigger creates its ad account)
insert into public.ad_campaigns (workspace_id, ad_account_id, platform, external_id, name, daily_budget_cents)
select tests.workspace_id('A'), id, 'meta', '777', 'Retargeting', 10000 from public.ad_accounts where workspace_id = tests.workspace_id('A') and external_account_id = 'act_9';
select tests.remember('retargeting', id) from public.ad_campaigns where workspace_id = tests.workspace_id('A') and external_id = '777';
insert into public.campaigns (workspace_id, name, status, budget_cents) values
  (tests.workspace_id('A'), 'Spring', 'active', 50000), (tests.workspace_id('B'), 'B spring', 'active', 50000);
select tests.remember(name, id) from public.campaigns where workspace_id in (tests.workspace_id('A'), tests.workspace_id('B')) and name in ('Spring', 'B spring');
create temp table proposals (label text, id uuid);
grant all on proposals to authenticated, service_role;

create function pg_temp.propose(p_label text, p_action public.approval_action, p_payload jsonb, p_expires interval default '1 day')
returns uuid language sql as $$
  insert into public.agent_approvals (workspace_id, action, title, payload, expires_at)
  values (tests.workspace_id('A'), p_action, p_label, p_payload, now() + p_expires)
  returning tests.remember(p_label, id)
$$;

-- ================= approving queues the job
select pg_temp.propose('budget', 'change_ad_budget', jsonb_build_object('ad_campaign_id', tests.id('retargeting'), 'daily_budget_cents', 12000)) is not null;
select pg_temp.propose('pause spring', 'pause_campaign', jsonb_build_object('campaign_id', tests.id('Spring'))) is not null;
select pg_temp.propose('by hand', 'other', '{}') is not null;
select tests.authenticate_as('admin-a');
select public.decide_approvals(array[tests.id('budget'), tests.id('pause spring'), tests.id('by hand')], 'approved') is not null;
select tests.clear_authentication();
select results_eq($$ select idempotency_key, connection_id is not null, payload ->> 'action' from private.connector_jobs
  where queue = 'approval_actions' and workspace_id = tests.workspace_id('A') order by payload ->> 'action' $$,
  format($$ values ('approval:%s', true, 'change_ad_budget'), ('approval:%s', false, 'pause_campaign') $$, tests.id('budget'), tests.id('pause spring')),
  'an approved action is a job keyed approval:<id> on the connection it acts through (none for our own tables); kind other has none');

-- ================= only the service executes
select tests.authenticate_as('admin-a');
select throws_ok(format($$ update public.agent_approvals set status = 'executing' where id = '%s' $$, tests.id('budget')),
  '42501', 'only the service that executes the action reports its outcome', 'people cannot start an execution');
select tests.clear_authentication();

-- ================= a database action, begun and completed under the job's lease
select tests.authenticate_as_service_role();
create temp table job as select * from private.claim_connector_jobs('approval_actions', 10);
select is((select count(*)::int from job), 2, 'the executor claims both jobs');
create temp table begun as select j.job_id, j.payload ->> 'action' as action, private.begin_approval_execution(j.job_id, j.lease_id) as b from job j;
select results_eq($$ select action, b ->> 'reconcile', b #>> '{prepared,replaced}' from begun order by action $$,
  $$ values ('change_ad_budget', 'false', '{"daily_budget_cents": 10000}'), ('pause_campaign', 'false', '{"status": "active"}') $$,
  'begin prepares each with what it will replace');
select results_eq($$ select status::text from public.agent_approvals where id in (tests.id('budget'), tests.id('pause spring')) $$,
  $$ values ('executing'), ('executing') $$, 'and both are executing');
select is((select count(*)::int from public.webhook_deliveries where event_type = 'approval.executed'), 0, 'executing is not announced as executed');
select is((select b ->> 'reconcile' from (select private.begin_approval_execution(j.job_id, j.lease_id) as b from job j
  where j.payload ->> 'action' = 'pause_campaign') x), 'true', 'beginning again (a second attempt) asks to reconcile');
select is((select private.complete_approval_execution(j.job_id, j.lease_id, true, '{}') from job j where j.payload ->> 'action' = 'pause_campaign'),
  'executed'::public.approval_status, 'completing a database action executes it');
select results_eq($$ select status::text from public.campaigns where id = tests.id('Spring') $$, $$ values ('paused') $$,
  'in the same transaction as it is recorded');
select results_eq($$ select replaced, execution_result ->> 'idempotency_key' from public.agent_approvals where id = tests.id('pause spring') $$,
  format($$ values ('{"status": "active"}'::jsonb, 'approval:%s') $$, tests.id('pause spring')), 'with what it replaced and its key');
select throws_ok(format($$ select private.complete_approval_execution(%s, '%s', true, '{}') $$,
  (select job_id from job where payload ->> 'action' = 'pause_campaign'), gen_random_uuid()), 'PT409', null, 'a lost lease records nothing');
select is((select private.complete_approval_execution(j.job_id, j.lease_id, true, '{"platform": "meta", "replaced": {"daily_budget_cents": 9900}}')
  from job j where j.payload ->> 'action' = 'change_ad_budget'), 'executed'::public.approval_status, 'a provider action is recorded with its result');
select results_eq($$ select daily_budget_cents from public.ad_campaigns where id = tests.id('retargeting') $$, $$ values (12000::bigint) $$,
  'our copy of the campaign follows');
select results_eq($$ select replaced from public.agent_approvals where id = tests.id('budget') $$, $$ values ('{"daily_budget_cents": 9900}'::jsonb) $$,
  'the live value the handler read is what it replaced');
select is((select count(*)::int from public.webhook_deliveries where event_type = 'approval.executed'), 0, 'no endpoint subscribed, nothing delivered');

-- ================= undo
select tests.authenticate_as('viewer-a');
select throws_ok(format($$ select public.propose_undo('%s') $$, tests.id('budget')), '42501', null, 'viewers cannot propose an undo');
select tests.authenticate_as('member-b');
select throws_ok(format($$ select public.propose_undo('%s') $$, tests.id('budget')), 'PT404', null, 'another workspace''s approval is not found');
select tests.authenticate_as('member-a');
select results_eq(format($$ select action::text, payload, undo_of_id, status::text, proposer::text from public.propose_undo('%s') $$, tests.id('budget')),
  format($$ values ('change_ad_budget', '{"ad_campaign_id": "%s", "daily_budget_cents": 9900}'::jsonb, '%s'::uuid, 'pending', 'user') $$,
         tests.id('retargeting'), tests.id('budget')),
  'undoing a budget change proposes the old budget');
select throws_ok(format($$ select public.propose_undo('%s') $$, tests.id('by hand')), 'PT409', null, 'what was not executed cannot be undone');

-- ================= re-checks before anything runs
select tests.clear_authentication();
select pg_temp.propose('guarded', 'change_ad_budget', jsonb_build_object('ad_campaign_id', tests.id('retargeting'), 'daily_budget_cents', 30000)) is not null;
select pg_temp.propose('expiring', 'pause_campaign', jsonb_build_object('campaign_id', tests.id('Spring'))) is not null;
select pg_temp.propose('their campaign', 'pause_campaign', jsonb_build_object('campaign_id', tests.id('B spring'))) is not null;
select pg_temp.propose('demoted', 'change_campaign_budget', jsonb_build_object('campaign_id', tests.id('Spring'), 'budget_cents', 55000)) is not null;
select tests.authenticate_as('member-a');
select public.decide_approvals(array[tests.id('guarded'), tests.id('expiring'), tests.id('their campaign'), tests.id('demoted')], 'approved') is not null;
select tests.clear_authentication();
set local session_replication_role = replica;
update public.agent_approvals set created_at = now() - interval '2 days', expires_at = now() - interval '1 minute' where id = tests.id('expiring');
set local session_replication_role = origin;
update public.workspace_members set role = 'viewer' where workspace_id = tests.workspace_id('A') and user_id = tests.user_id('member-a');
-- the demoted approver: only 'demoted' is checked against it after the others; all four were decided by member-a
select tests.authenticate_as_service_role();
create temp table job2 as select * from private.claim_connector_jobs('approval_actions', 10);
create temp table refused as select j.payload ->> 'approval_id' as id, private.begin_approval_execution(j.job_id, j.lease_id) ->> 'refused' as why from job2 j;
select tests.clear_authentication();
select results_eq($$ select why from refused where id::uuid = tests.id('expiring') $$,
  $$ values ('the approval expired at ' || (select expires_at from public.agent_approvals where id = tests.id('expiring')) || ' before it could be executed') $$,
  'an approval past its window is refused');
select results_eq($$ select count(*)::int from refused where why = 'the person who approved it is now a viewer and can no longer approve' $$,
  $$ values (2) $$, 'an approver who lost the member role carries nothing (the two others claimed: the budget change waits for its connection)');
select results_eq($$ select status::text, execution_error like 'refused at execution: %' from public.agent_approvals where id = tests.id('demoted') $$,
  $$ values ('failed', true) $$, 'the approval fails with the reason');
update public.workspace_members set role = 'member' where workspace_id = tests.workspace_id('A') and user_id = tests.user_id('member-a');
select is((private.prepare_approval_action((select a from public.agent_approvals a where id = tests.id('guarded')))) ->> 'refused',
  'changing Retargeting from 12000 to 30000 cents is a 150.00% change, beyond the workspace''s guardrail of 50.00%',
  'a budget change beyond the guardrail is refused');
select is((private.prepare_approval_action((select a from public.agent_approvals a where id = tests.id('their campaign')))) ->> 'refused',
  'payload.campaign_id names no campaigns row of this workspace', 'a row of another workspace is refused');
select is(private.approval_payload_problem(tests.workspace_id('A'), 'apply_discount', '{"code": "X", "percent": 150}'),
  'payload.code must be a code of 3 to 40 letters, digits, _ or -', 'payloads are checked field by field');
select is(private.approval_payload_problem(tests.workspace_id('A'), 'update_product', jsonb_build_object('product_id', gen_random_uuid(), 'extra', 1)),
  'payload: unknown keys extra; update_product takes product_id, price_cents, status, title', 'unknown keys are named');
select is(private.approval_payload_problem(tests.workspace_id('A'), 'other', '{}'),
  'an approval of kind other has no automatic executor: carry it out by hand', 'kind other is never executed automatically');

-- ================= a dead job fails its approval
select pg_temp.propose('doomed', 'send_webhook', jsonb_build_object('endpoint_id', gen_random_uuid(), 'event_type', 'x.y', 'data', '{}')) is not null;
select tests.authenticate_as('admin-a');
select public.decide_approval(tests.id('doomed'), 'approved') is not null;
select tests.clear_authentication();
update private.connector_jobs set status = 'running', lease_id = gen_random_uuid(), lease_expires_at = now() + interval '1 minute'
where payload ->> 'approval_id' = tests.id('doomed')::text;
update private.connector_jobs set status = 'dead', lease_id = null, lease_expires_at = null, last_error = 'Meta error 100: boom'
where payload ->> 'approval_id' = tests.id('doomed')::text;
select results_eq($$ select status::text, execution_error from public.agent_approvals where id = tests.id('doomed') $$,
  $$ values ('failed', 'the executor gave up: Meta error 100: boom') $$, 'a dead job fails its approval with the last error');

-- ================= purchase orders
insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, title) values (tests.workspace_id('A'), '1', '1', 'Balm');
insert into public.purchase_orders (workspace_id, product_id, quantity)
select tests.workspace_id('A'), id, 100 from public.products where title = 'Balm' and workspace_id = tests.workspace_id('A');
select tests.authenticate_as('viewer-a');
select is((select quantity from public.purchase_orders), 100, 'viewers read purchase orders');
select is_empty($$ update public.purchase_orders set status = 'received' returning id $$, 'viewers cannot receive them');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.purchase_orders $$, 'another workspace sees none');
select tests.authenticate_as('member-a');
select results_eq($$ update public.purchase_orders set status = 'received' returning status::text, received_at is not null $$,
  $$ values ('received', true) $$, 'a member receives one');
select throws_ok($$ update public.purchase_orders set status = 'cancelled' $$, 'PT409', null, 'and it stays received');

-- ================= the workflow engine's outbound webhook action
select throws_ok(format($$ insert into public.workflow_rules (workspace_id, name, trigger_type, actions) values
  ('%s', 'Hook', 'manual', '[{"type": "send_webhook", "params": {"endpoint_id": "%s"}}]') $$, tests.workspace_id('A'), gen_random_uuid()),
  '22023', null, 'a webhook action names an endpoint of the rule''s workspace');

select * from finish();
rollback;
