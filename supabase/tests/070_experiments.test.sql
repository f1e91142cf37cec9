-- Experiments from the outside: who may manage them, the status machine and start checks,
-- frozen variants, the storefront (anon) assign and track RPCs with their errors, stickiness and
-- split accuracy, purchases from orders exactly once, partitions and retention.
begin;
set search_path = extensions, public;
select plan(73);

select tests.without_demo_data();
select tests.two_workspaces();
-- Shopify webhooks reach the workspace whose active Shopify connection is the shop
insert into public.integration_connections (workspace_id, provider, external_account_id)
values (tests.workspace_id('A'), 'shopify', 'shop-a.myshopify.com');

-- ===== members manage experiments; viewers and other workspaces do not
select tests.authenticate_as('member-a');
select lives_ok($$
  with r as (insert into public.experiments (workspace_id, key, name, hypothesis, goal_event, primary_metric, targeting_rules)
    values (tests.workspace_id('A'), 'hero', 'Hero image', 'A lifestyle photo sells more balm', 'purchase', 'revenue_per_visitor',
            '[{"field": "country", "op": "in", "value": ["US", "CA"]}]') returning id, key)
  select tests.remember(key, id) from r $$,
  'a member creates an experiment');
select is((select status::text from public.experiments where key = 'hero'), 'draft', 'it starts as a draft');
select is((select created_by from public.experiments where key = 'hero'), tests.user_id('member-a'),
  'created_by is the caller');
select throws_ok($$
  insert into public.experiments (workspace_id, key, name, targeting_rules)
  values (tests.workspace_id('A'), 'bad-rules', 'x', '[{"field": "country", "op": "like", "value": "U%"}]') $$,
  '22023', 'targeting_rules[0].op: must be one of eq, neq, gt, gte, lt, lte, in, not_in, contains, exists, not_exists',
  'invalid targeting rules are refused with the reason');
select throws_ok($$
  insert into public.experiments (workspace_id, key, name) values (tests.workspace_id('A'), 'Hero Test', 'x') $$,
  '23514', null, 'keys are lowercase slugs');
select throws_ok($$
  insert into public.experiments (workspace_id, key, name) values (tests.workspace_id('A'), 'hero', 'again') $$,
  '23505', null, 'a key is unique per workspace');
select lives_ok($$
  insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control, url) values
    (tests.workspace_id('A'), tests.id('hero'), 'control', 'Studio photo', 50, true, null),
    (tests.workspace_id('A'), tests.id('hero'), 'lifestyle', 'Lifestyle photo', 40, false, '/pages/hero-b') $$,
  'a member adds variants');
select throws_ok($$
  insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control)
  values (tests.workspace_id('A'), tests.id('hero'), 'second-control', 'x', 10, true) $$,
  '23505', null, 'at most one control');
select throws_ok($$ update public.experiments set status = 'running' where key = 'hero' $$, '22023',
  'the variant weights of experiment hero sum to 90.00; they must sum to 100 to start',
  'starting with weights that do not sum to 100 is refused');
select is((select status::text || coalesce(started_at::text, '') from public.experiments where key = 'hero'), 'draft',
  'and nothing changed');
select throws_ok($$ update public.experiments set status = 'completed' where key = 'hero' $$, 'PT409', null,
  'draft cannot jump to completed');
update public.experiment_variants set weight = 50 where key = 'lifestyle';
select lives_ok($$ update public.experiments set status = 'running' where key = 'hero' $$, 'with weights 50/50 it starts');
select ok((select started_at is not null from public.experiments where key = 'hero'), 'started_at is set');
select throws_ok($$ update public.experiment_variants set weight = 60 where key = 'control' $$, 'PT409', null,
  'a running experiment''s weights are frozen');
select throws_ok($$
  insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight)
  values (tests.workspace_id('A'), tests.id('hero'), 'third', 'x', 0) $$,
  'PT409', null, 'no variant is added to a running experiment');
select lives_ok($$ update public.experiment_variants set name = 'Lifestyle photo (beach)' where key = 'lifestyle' $$,
  'names, urls and configs can still change');
select throws_ok($$ update public.experiments set key = 'hero-2' where key = 'hero' $$, 'PT409', null,
  'the key (the hash seed) cannot change once started');
select throws_ok($$ update public.experiments set winner_variant_id = null where key = 'hero' $$, '42501', null,
  'the winner is not the client''s to set');
select throws_ok($$ delete from public.experiments where key = 'hero' $$, 'PT409', null,
  'a running experiment cannot be deleted');
select throws_ok($$ update public.experiments set workspace_id = tests.workspace_id('B') where key = 'hero' $$,
  '42501', null, 'an experiment never moves to another workspace');

select tests.authenticate_as('viewer-a');
select is((select count(*)::int from public.experiment_variants), 2, 'a viewer reads experiments and variants');
select throws_ok($$
  insert into public.experiments (workspace_id, key, name) values (tests.workspace_id('A'), 'v', 'v') $$,
  '42501', null, 'a viewer cannot create experiments');
select is_empty($$ update public.experiments set name = 'x' returning id $$, 'nor change them');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.experiments $$, 'another workspace sees none of them');
select is_empty($$ select * from public.experiment_variants $$, 'nor their variants');

-- ===== the storefront (anon)
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.experiments $$, '42501', null, 'anon reads no table');
select throws_ok($$ select * from public.experiment_assignments $$, '42501', null, 'not even assignments');
create temp table first_call on commit drop as
  select * from public.assign_experiment(tests.workspace_id('A'), 'hero', 'visitor-1', '{"country": "US"}');
select ok((select in_experiment and variant_key in ('control', 'lifestyle') and assigned_at is not null from first_call),
  'a targeted visitor is assigned a variant');
select results_eq($$ select variant_key, in_experiment, assigned_at from public.assign_experiment(
                       tests.workspace_id('A'), 'hero', 'visitor-1', '{"country": "FR"}') $$,
  $$ select variant_key, in_experiment, assigned_at from first_call $$,
  'the next call returns the same variant and time, even when the context no longer matches');
select results_eq($$ select variant_key, in_experiment::boolean, assigned_at is null
                     from public.assign_experiment(tests.workspace_id('A'), 'hero', 'visitor-fr', '{"country": "FR"}') $$,
  $$ values ('control', false, true) $$, 'a visitor outside the targeting sees the control and is not assigned');
select throws_ok($$ select public.assign_experiment(tests.workspace_id('A'), 'nope', 'visitor-1') $$,
  'PT404', 'no experiment nope in this workspace', 'an unknown experiment key: PT404');
select throws_ok($$ select public.assign_experiment(tests.workspace_id('B'), 'hero', 'visitor-1') $$,
  'PT404', null, 'another workspace''s experiment key: PT404');
select throws_ok($$ select public.assign_experiment(tests.workspace_id('A'), 'hero', 'bad id!') $$,
  '22023', null, 'a malformed visitor id: 22023');
select throws_ok($$ select public.assign_experiment(tests.workspace_id('A'), 'hero', 'visitor-1', '[1]') $$,
  '22023', null, 'a context that is not an object: 22023');

select lives_ok($$ select public.track_experiment_event(tests.workspace_id('A'), 'hero', 'visitor-1', 'exposure') $$,
  'an assigned visitor''s exposure is tracked');
select lives_ok($$ select public.track_experiment_event(tests.workspace_id('A'), 'hero', 'visitor-1', 'add_to_cart',
                                                         null, 2400, 'USD') $$, 'and an add-to-cart with its value');
select lives_ok($$ select public.track_experiment_event(tests.workspace_id('A'), 'hero', 'visitor-1', 'custom',
                                                         'quiz_completed') $$, 'and a named custom event');
select throws_ok($$ select public.track_experiment_event(tests.workspace_id('A'), 'nope', 'visitor-1', 'exposure') $$,
  'PT404', null, 'tracking an unknown experiment: PT404');
select throws_ok($$ select public.track_experiment_event(tests.workspace_id('A'), 'hero', 'visitor-fr', 'exposure') $$,
  'PT409', 'visitor visitor-fr is not assigned to experiment hero', 'tracking a visitor who is not assigned: PT409');
select throws_ok($$ select public.track_experiment_event(tests.workspace_id('A'), 'hero', 'visitor-1', 'add_to_cart',
                                                          null, -5) $$,
  '22023', null, 'a negative value: 22023');
select throws_ok($$ select public.track_experiment_event(tests.workspace_id('A'), 'hero', 'visitor-1', 'purchase',
                                                          null, 5000) $$,
  '22023', null, 'purchases are not tracked by the storefront (they come from orders)');
select throws_ok($$ select public.track_experiment_event(tests.workspace_id('A'), 'hero', 'visitor-1', 'custom') $$,
  '22023', null, 'a custom event needs a name');
select throws_ok($$ select public.track_experiment_event(tests.workspace_id('B'), 'hero', 'visitor-1', 'exposure') $$,
  'PT404', null, 'events for another workspace''s experiment: PT404');
select tests.clear_authentication();
select is((select count(*)::int from public.experiment_events), 3, 'only the three valid events were written');
select is((select count(*)::int from public.experiment_assignments), 1, 'and one assignment');
select is((select v.key from public.experiment_events e join public.experiment_variants v on v.id = e.variant_id
           where e.event_type = 'add_to_cart'), (select variant_key from first_call),
  'events carry the visitor''s variant');

-- ===== purchases from orders, exactly once
select tests.authenticate_as_service_role();
select is(private.store_shopify_webhook('wh-1', 'orders/create', 'shop-a.myshopify.com', repeat('1', 64),
  jsonb_build_object('id', 9001, 'name', '#9001', 'currency', 'USD', 'total_price', '64.00', 'subtotal_price', '64.00',
    'financial_status', 'paid', 'processed_at', now()::text, 'updated_at', now()::text,
    'note_attributes', jsonb_build_array(jsonb_build_object('name', 'gift_note', 'value', 'hi'),
                                         jsonb_build_object('name', '_visitor_id', 'value', 'visitor-1')))),
  'accepted', 'a Shopify order whose cart attribute _visitor_id names an assigned visitor');
select is((private.process_webhook_events() ->> 'processed')::int, 1, 'and it is processed');
select is((select visitor_id from public.orders where shopify_order_id = '9001'), 'visitor-1',
  'the order carries the visitor id from note_attributes');
select is(private.store_shopify_webhook('wh-2', 'orders/updated', 'shop-a.myshopify.com', repeat('2', 64),
  jsonb_build_object('id', 9001, 'name', '#9001', 'currency', 'USD', 'total_price', '64.00', 'subtotal_price', '64.00',
    'financial_status', 'paid', 'processed_at', now()::text, 'updated_at', (now() + interval '1 minute')::text,
    'note_attributes', jsonb_build_array(jsonb_build_object('name', '_visitor_id', 'value', 'visitor-1')))),
  'accepted', 'an update of the same order arrives');
select is((private.process_webhook_events() ->> 'processed')::int, 1, 'and is processed');
select public.upsert_orders(tests.workspace_id('A'),
  jsonb_build_array(jsonb_build_object('shopify_order_id', '9001', 'currency', 'USD', 'total_price_cents', 6400,
                                       'processed_at', now(), 'visitor_id', 'visitor-1')));
select tests.clear_authentication();
select results_eq($$ select event_type::text, value_cents, order_id is not null from public.experiment_events where event_type = 'purchase' $$,
  $$ values ('purchase', 6400::bigint, true) $$, 'one purchase event with the order''s total, whatever the redeliveries');
select is((select count(*)::int from public.experiment_purchases), 1, 'and one purchase row for the experiment and order');
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), jsonb_build_array(
  jsonb_build_object('shopify_order_id', '9002', 'currency', 'USD', 'total_price_cents', 100, 'processed_at', now() - interval '1 day',
                     'visitor_id', 'visitor-1'),
  jsonb_build_object('shopify_order_id', '9003', 'currency', 'USD', 'total_price_cents', 100, 'processed_at', now(),
                     'visitor_id', 'visitor-1', 'cancelled_at', now()),
  jsonb_build_object('shopify_order_id', '9004', 'currency', 'USD', 'total_price_cents', 100, 'processed_at', now(),
                     'visitor_id', 'visitor-fr')));
select public.upsert_orders(tests.workspace_id('B'), jsonb_build_array(jsonb_build_object(
  'shopify_order_id', '9001', 'currency', 'USD', 'total_price_cents', 100, 'processed_at', now(), 'visitor_id', 'visitor-1')));
select throws_ok($$ select public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "9005", "currency": "USD", "total_price_cents": 1, "processed_at": "2026-01-01T00:00:00Z", "visitor_id": "no spaces"}]') $$,
  '22023', 'orders[0].visitor_id: must be 1-128 letters, digits or . _ : - (a storefront visitor id)', 'upsert_orders validates the visitor id');
select tests.clear_authentication();
select is((select count(*)::int from public.experiment_purchases), 1,
  'orders before the assignment, cancelled orders, unassigned visitors and another workspace''s orders make no purchase');

-- ===== pausing and completing
update public.experiments set status = 'paused' where key = 'hero';
select tests.authenticate_as_anon();
select results_eq($$ select variant_key, in_experiment::boolean from public.assign_experiment(
                       tests.workspace_id('A'), 'hero', 'visitor-1', '{"country": "US"}') $$,
  $$ select variant_key, true from first_call $$, 'paused: an assigned visitor keeps the variant');
select results_eq($$ select variant_key, in_experiment::boolean from public.assign_experiment(
                       tests.workspace_id('A'), 'hero', 'visitor-new', '{"country": "US"}') $$,
  $$ values ('control', false) $$, 'paused: a new visitor sees the control, unassigned');
select lives_ok($$ select public.track_experiment_event(tests.workspace_id('A'), 'hero', 'visitor-1', 'exposure') $$,
  'paused experiments still record events of assigned visitors');
select tests.clear_authentication();
update public.experiments set status = 'completed' where key = 'hero';
select tests.authenticate_as_anon();
select throws_ok($$ select public.track_experiment_event(tests.workspace_id('A'), 'hero', 'visitor-1', 'exposure') $$,
  'PT409', null, 'a completed experiment records no more events');
select results_eq($$ select variant_key, in_experiment::boolean from public.assign_experiment(
                       tests.workspace_id('A'), 'hero', 'visitor-1', '{"country": "US"}') $$,
  $$ values ('control', false) $$, 'completed without a winner: everyone sees the control');
select tests.clear_authentication();
select throws_ok($$ update public.experiments set status = 'running' where key = 'hero' $$, 'PT409', null,
  'completed cannot run again');
update public.experiments set status = 'archived' where key = 'hero';
select lives_ok($$ delete from public.experiments where key = 'hero' $$, 'an archived experiment can be deleted');
select is((select count(*)::int from public.experiment_events), 0, 'and its events go with it');

-- ===== split accuracy and stickiness: 100,000 simulated visitors
with r as (insert into public.experiments (workspace_id, key, name, traffic_percentage) values
  (tests.workspace_id('A'), 'split', 'Split', 100) returning id, key)
select tests.remember(key, id) from r;
insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control) values
  (tests.workspace_id('A'), tests.id('split'), 'a', 'A', 50, true),
  (tests.workspace_id('A'), tests.id('split'), 'b', 'B', 30, false),
  (tests.workspace_id('A'), tests.id('split'), 'c', 'C', 20, false);
update public.experiments set status = 'running' where key = 'split';
create temp table buckets on commit drop as
  select i, private.experiment_bucket('split', 'sim-' || i) as n from generate_series(1, 100000) i;
select is((select count(*)::int from buckets b join private.experiment_variant_ranges(tests.id('split')) r
           on b.n >= r.range_start and b.n < r.range_end), 100000, 'at 100% traffic every visitor lands in exactly one variant');
select is_empty($$
  select v.key, count(*)::numeric / 100000 as share, v.weight / 100 as weight
  from buckets b join private.experiment_variant_ranges(tests.id('split')) r
    on b.n >= r.range_start and b.n < r.range_end
  join public.experiment_variants v on v.id = r.variant_id
  group by v.key, v.weight having abs(count(*)::numeric / 100000 - v.weight / 100) >= 0.01 $$,
  '100,000 simulated visitors land within 1 percentage point of the weights 50/30/20');
update public.experiments set traffic_percentage = 40 where key = 'split';
create temp table expected40 on commit drop as
  select b.i, v.key from buckets b
  left join private.experiment_variant_ranges(tests.id('split')) r
    on b.n >= r.range_start and b.n < r.range_end
  left join public.experiment_variants v on v.id = r.variant_id;
select ok((select abs(count(key)::numeric / 100000 - 0.4) < 0.01 from expected40),
  'at 40% traffic, 40% (+-1 point) of visitors enter');

-- 2,000 of them through the RPC, twice: what it answers is the bucketing above, and sticky
create temp table rpc_calls (i integer, round integer, variant_key text, in_experiment boolean) on commit drop;
grant insert, select on rpc_calls to anon;
select tests.authenticate_as_anon();
insert into rpc_calls select i, 1, a.variant_key, a.in_experiment
  from generate_series(1, 2000) i, public.assign_experiment(tests.workspace_id('A'), 'split', 'sim-' || i) a;
select tests.clear_authentication();
update public.experiments set traffic_percentage = 100 where key = 'split';
select tests.authenticate_as_anon();
insert into rpc_calls select i, 2, a.variant_key, a.in_experiment
  from generate_series(1, 2000) i, public.assign_experiment(tests.workspace_id('A'), 'split', 'sim-' || i) a;
select tests.clear_authentication();
select is_empty($$
  select c.i from rpc_calls c join expected40 x on x.i = c.i
  where c.round = 1 and (c.in_experiment is distinct from (x.key is not null) or c.variant_key is distinct from coalesce(x.key, 'a')) $$,
  'at 40% the RPC assigns exactly the variants the bucketing gives, and the control to the others');
select is_empty($$ select a.i from rpc_calls a join rpc_calls b on b.i = a.i and b.round = 2
                   where a.round = 1 and a.in_experiment and (b.variant_key, b.in_experiment) is distinct from (a.variant_key, true) $$,
  'after traffic goes from 40% to 100% every assigned visitor keeps the variant (stickiness)');
select is((select count(*)::int from public.experiment_assignments where experiment_id = tests.id('split')), 2000,
  'by then all 2,000 are assigned, once each');

-- ===== partitions and retention
select ok((select count(*) >= 4 from pg_inherits i join pg_class c on c.oid = i.inhrelid
           where i.inhparent = 'public.experiment_events'::regclass and c.relnamespace = 'private'::regnamespace
             and c.relrowsecurity),
  'experiment_events has monthly partitions in private, each with RLS on');
select ok(to_regclass(format('private.experiment_events_p%s', to_char(now() + interval '3 months', 'YYYYMM'))) is not null,
  'partitions exist three months ahead');
insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type)
select workspace_id, experiment_id, variant_id, visitor_id, 'exposure' from public.experiment_assignments
where experiment_id = tests.id('split') limit 10;
select ok((select dropped > 0 from private.maintain_partitions((now() + interval '26 months')::date, 'public.experiment_events'))
          and to_regclass(format('private.experiment_events_p%s', to_char(now(), 'YYYYMM'))) is null,
  '26 months on, retention (25 months) drops this month''s partition');
select is((select count(*)::int from public.experiment_events), 0, 'and with it the events');

select * from finish();
rollback;
