-- Leads from the outside: the shared condition language, access to leads, activities and
-- scoring rules, and the lead score: equal to hand-computed values and to an independent full
-- recomputation after activity inserts, updates and deletes and rule inserts, edits and deletes.
begin;
set search_path = extensions, public;
select plan(77);

-- ---------- the condition language (pure functions)
select is(private.conditions_problem(null), 'is required (use [] to match everything)', 'conditions: null is refused');
select is(private.conditions_problem('{}'), 'must be a JSON array of conditions', 'conditions: an object is not a list');
select is(private.conditions_problem((select jsonb_agg('{"field": "a", "op": "exists"}'::jsonb) from generate_series(1, 21))),
  'at most 20 conditions', 'conditions: at most 20');
select is(private.conditions_problem('[1]'), '[0]: must be an object with field, op and value', 'conditions: each is an object');
select is(private.conditions_problem('[{"field": "a", "op": "eq", "value": 1, "x": 1}]'), '[0]: unknown key x (allowed: field, op, value)',
  'conditions: unknown keys are named');
select is(private.conditions_problem('[{"field": "Data.URL", "op": "eq", "value": 1}]'),
  '[0].field: must be a dotted path of lowercase names, e.g. data.url', 'conditions: fields are lowercase dotted paths');
select is(private.conditions_problem('[{"field": "a", "op": "exists"}, {"field": "a", "op": "like", "value": 1}]'),
  '[1].op: must be one of eq, neq, gt, gte, lt, lte, in, not_in, contains, exists, not_exists', 'conditions: the failing one is named by index');
select is(private.conditions_problem('[{"field": "a", "op": "exists", "value": true}]'), '[0].value: exists takes no value',
  'conditions: exists takes no value');
select is(private.conditions_problem('[{"field": "a", "op": "eq"}]'), '[0].value: is required for eq', 'conditions: eq needs a value');
select is(private.conditions_problem('[{"field": "a", "op": "gt", "value": "5"}]'), '[0].value: gt compares numbers; give a number',
  'conditions: comparisons take numbers');
select is(private.conditions_problem('[{"field": "a", "op": "in", "value": []}]'), '[0].value: in takes an array of 1 to 100 values',
  'conditions: in takes a non-empty array');
select is(private.conditions_problem('[{"field": "a", "op": "contains", "value": {}}]'), '[0].value: contains takes a string, number or boolean',
  'conditions: contains takes a scalar');
select is(private.conditions_problem('[{"field": "data.url", "op": "contains", "value": "/pricing"}, {"field": "score", "op": "gte", "value": 10}]'),
  null, 'conditions: a valid list has no problem');

create temp table subj on commit drop as
  select '{"n": 5, "s": "Hello World", "tags": ["vip", 3], "nested": {"x": 1.0}, "nil": null}'::jsonb as s;
select ok(private.conditions_match('[]', (select s from subj)), 'match: an empty list matches everything');
select ok(private.conditions_match('[{"field": "nested.x", "op": "eq", "value": 1}]', (select s from subj)), 'match: eq compares numbers by value, on nested paths');
select ok(not private.conditions_match('[{"field": "n", "op": "eq", "value": "5"}]', (select s from subj)), 'match: the string "5" is not the number 5');
select ok(private.conditions_match('[{"field": "missing", "op": "neq", "value": 1}]', (select s from subj)), 'match: a missing field is not equal to anything');
select ok(private.conditions_match('[{"field": "n", "op": "gt", "value": 4}, {"field": "n", "op": "gte", "value": 5}, {"field": "n", "op": "lt", "value": 6}, {"field": "n", "op": "lte", "value": 5}]',
  (select s from subj)), 'match: gt, gte, lt, lte at their edges');
select ok(not private.conditions_match('[{"field": "n", "op": "gt", "value": 5}]', (select s from subj)), 'match: gt is strict');
select ok(not private.conditions_match('[{"field": "s", "op": "gt", "value": 1}]', (select s from subj)), 'match: comparing a string field is false, not an error');
select ok(private.conditions_match('[{"field": "n", "op": "in", "value": [1, 5]}, {"field": "n", "op": "not_in", "value": [2]}]', (select s from subj)),
  'match: in and not_in');
select ok(private.conditions_match('[{"field": "s", "op": "contains", "value": "WORLD"}, {"field": "tags", "op": "contains", "value": "vip"}, {"field": "tags", "op": "contains", "value": 3}]',
  (select s from subj)), 'match: contains is case-insensitive on strings and membership on arrays');
select ok(private.conditions_match('[{"field": "s", "op": "exists"}, {"field": "nil", "op": "not_exists"}, {"field": "missing", "op": "not_exists"}]',
  (select s from subj)), 'match: JSON null counts as absent');
select ok(not private.conditions_match('[{"field": "s", "op": "exists"}, {"field": "missing", "op": "exists"}]', (select s from subj)),
  'match: every condition must hold');

-- ---------- fixture
select tests.without_demo_data();
select tests.two_workspaces();
with r as (insert into public.leads (workspace_id, email, first_name) values
  (tests.workspace_id('A'), 'Ada@Example.COM ', 'Ada'),
  (tests.workspace_id('A'), 'bo@example.com', 'Bo'),
  (tests.workspace_id('A'), null, 'Cy'),
  (tests.workspace_id('B'), 'ada@example.com', 'Ada B') returning id, first_name)
select tests.remember(first_name, id) from r;
with r as (insert into public.lead_scoring_rules (workspace_id, name, activity_type, conditions, points, max_occurrences) values
  (tests.workspace_id('A'), 'Email opens', 'email_open', '[]', 5, 3),
  (tests.workspace_id('A'), 'Pricing page', 'page_view', '[{"field": "data.url", "op": "contains", "value": "/pricing"}]', 20, null),
  (tests.workspace_id('A'), 'Demo request', 'demo_request', '[]', 50, null),
  (tests.workspace_id('A'), 'Unsubscribed', 'unsubscribe', '[]', -30, null),
  (tests.workspace_id('A'), 'Big spender', null, '[{"field": "data.amount_cents", "op": "gte", "value": 10000}]', 40, null),
  (tests.workspace_id('B'), 'B opens', 'email_open', '[]', 1000, null) returning id, name)
select tests.remember(name, id) from r;
insert into public.lead_activities (workspace_id, lead_id, activity_type) values
  (tests.workspace_id('B'), tests.id('Ada B'), 'email_open');

-- ---------- access matrix
select tests.tenant_table_checks('public.leads',
  $$ insert into public.leads (workspace_id, email) values (tests.workspace_id('A'), 'matrix@example.com') $$);
select tests.tenant_table_checks('public.lead_scoring_rules',
  $$ insert into public.lead_scoring_rules (workspace_id, name, activity_type, points, active) values (tests.workspace_id('A'), 'Matrix rule', 'call', 1, false) $$);
insert into public.lead_activities (workspace_id, lead_id, activity_type, occurred_at) values
  (tests.workspace_id('A'), tests.id('Cy'), 'note', '2026-11-01 10:00Z');
select tests.tenant_table_checks('public.lead_activities',
  $$ insert into public.lead_activities (workspace_id, lead_id, activity_type, occurred_at) values (tests.workspace_id('A'), tests.id('Cy'), 'note', '2026-11-01 11:00Z') $$);
delete from public.leads where email = 'matrix@example.com';

-- The independent recomputation: per lead and active rule, a correlated count of matching
-- activities, capped; summed. (private.lead_scores joins and groups instead.)
create temp view expected_scores as
  select l.id, coalesce(sum(r.points * least(
    (select count(*) from public.lead_activities a
     where a.lead_id = l.id and (r.activity_type is null or a.activity_type = r.activity_type)
       and private.conditions_match(r.conditions, jsonb_build_object('activity_type', a.activity_type, 'occurred_at', a.occurred_at, 'data', a.activity_data))),
    coalesce(r.max_occurrences, 2147483647))), 0)::integer as score
  from public.leads l
  left join public.lead_scoring_rules r on r.workspace_id = l.workspace_id and r.active
  group by l.id;
grant select on expected_scores to authenticated;

-- ---------- scores follow activities (written by a member through RLS)
select tests.authenticate_as('member-a');
insert into public.lead_activities (workspace_id, lead_id, activity_type, activity_data, occurred_at)
select tests.workspace_id('A'), l::uuid, t::public.lead_activity_type, d::jsonb, o::timestamptz from (values
  (tests.id('Ada'), 'email_open', '{}', '2026-11-02 09:00Z'),
  (tests.id('Ada'), 'email_open', '{}', '2026-11-02 10:00Z'),
  (tests.id('Ada'), 'email_open', '{}', '2026-11-03 09:00Z'),
  (tests.id('Ada'), 'email_open', '{}', '2026-11-04 09:00Z'),
  (tests.id('Ada'), 'page_view', '{"url": "/pricing"}', '2026-11-05 09:00Z'),
  (tests.id('Ada'), 'page_view', '{"url": "/blog/spring"}', '2026-11-06 09:00Z'),
  (tests.id('Bo'), 'demo_request', '{}', '2026-11-02 09:00Z'),
  (tests.id('Bo'), 'unsubscribe', '{}', '2026-11-03 09:00Z'),
  (tests.id('Bo'), 'purchase', '{"amount_cents": 15000}', '2026-11-04 09:00Z'),
  (tests.id('Cy'), 'page_view', '{"url": "/Pricing/team"}', '2026-11-02 09:00Z'),
  (tests.id('Cy'), 'purchase', '{"amount_cents": 5000}', '2026-11-07 09:00Z')
) v (l, t, d, o);
-- Ada: opens 5 x min(4, 3) = 15, pricing 20 -> 35. Bo: demo 50, unsubscribe -30, purchase 15000 >= 10000: 40 -> 60.
-- Cy: "/Pricing/team" contains "/pricing" case-insensitively: 20; purchase 5000 < 10000: 0 -> 20.
-- B's lead: B's own rule, 1000 x 1; A's rules never apply to B.
select results_eq($$ select id, score from public.leads order by id $$,
  $$ select * from (values (tests.id('Ada'), 35), (tests.id('Bo'), 60), (tests.id('Cy'), 20)) v (id, score) order by id $$,
  'after inserts: scores by hand (member view: A only)');
select tests.clear_authentication();
select is((select score from public.leads where id = tests.id('Ada B')), 1000, 'after inserts: another workspace''s rules score only its leads');
select results_eq($$ select id, score from public.leads order by id $$, $$ select id, score from expected_scores order by id $$,
  'after inserts: every score equals the full recomputation');
select is((select last_activity_at from public.leads where id = tests.id('Cy')), '2026-11-07 09:00Z'::timestamptz,
  'last_activity_at is the latest activity');

-- ---------- rule edits, switches and deletes (by a member)
select tests.authenticate_as('member-a');
update public.lead_scoring_rules set points = 10 where id = tests.id('Email opens');
select is((select score from public.leads where id = tests.id('Ada')), 50, 'points 5 -> 10: Ada 10 x 3 + 20 = 50');
select tests.clear_authentication();
select results_eq($$ select id, score from public.leads order by id $$, $$ select id, score from expected_scores order by id $$,
  'after a points edit: equal to the recomputation');
select tests.authenticate_as('member-a');
update public.lead_scoring_rules set max_occurrences = null where id = tests.id('Email opens');
select is((select score from public.leads where id = tests.id('Ada')), 60, 'cap removed: Ada 10 x 4 + 20 = 60');
update public.lead_scoring_rules set conditions = '[{"field": "data.url", "op": "contains", "value": "/blog"}]' where id = tests.id('Pricing page');
select results_eq($$ select id, score from public.leads where id in (tests.id('Ada'), tests.id('Cy')) order by id $$,
  $$ select * from (values (tests.id('Ada'), 60), (tests.id('Cy'), 0)) v (id, score) order by id $$,
  'conditions edited to /blog: Ada 40 + 20 (blog) = 60; Cy loses the pricing points: 0');
update public.lead_scoring_rules set active = false where id = tests.id('Demo request');
select is((select score from public.leads where id = tests.id('Bo')), 10, 'demo rule off: Bo -30 + 40 = 10');
delete from public.lead_scoring_rules where id = tests.id('Unsubscribed');
select is((select score from public.leads where id = tests.id('Bo')), 40, 'unsubscribe rule deleted: Bo 40');
select tests.clear_authentication();
select results_eq($$ select id, score from public.leads order by id $$, $$ select id, score from expected_scores order by id $$,
  'after conditions edits, switching off and deleting rules: equal to the recomputation');
select is((select score from public.leads where id = tests.id('Ada B')), 1000, 'A''s rule edits leave B''s scores alone');
set local session_replication_role = replica;
update public.leads set score_updated_at = '2000-01-01' where id = tests.id('Ada');
set local session_replication_role = origin;
update public.leads set score_updated_at = now(), last_activity_at = now() where id = tests.id('Ada');
select results_eq($$ select score_updated_at, last_activity_at from public.leads where id = tests.id('Ada') $$,
  $$ values ('2000-01-01'::timestamptz, '2026-11-06 09:00Z'::timestamptz) $$,
  'score_updated_at and last_activity_at cannot be written directly, even by the table owner');

-- ---------- activity updates and deletes (by a member)
select tests.authenticate_as('member-a');
update public.lead_activities set activity_data = '{"amount_cents": 20000}'
where lead_id = tests.id('Cy') and activity_type = 'purchase';
select is((select score from public.leads where id = tests.id('Cy')), 40, 'purchase raised to 20000: Cy 40');
delete from public.lead_activities where id in (
  select id from public.lead_activities where lead_id = tests.id('Ada') and activity_type = 'email_open' order by id limit 2);
select is((select score from public.leads where id = tests.id('Ada')), 40, 'two opens deleted: Ada 10 x 2 + 20 = 40');
update public.lead_activities set lead_id = tests.id('Cy')
where lead_id = tests.id('Ada') and activity_data ->> 'url' = '/blog/spring';
select results_eq($$ select id, score from public.leads where id in (tests.id('Ada'), tests.id('Cy')) order by id $$,
  $$ select * from (values (tests.id('Ada'), 20), (tests.id('Cy'), 60)) v (id, score) order by id $$,
  'an activity moved between leads rescores both: Ada 20, Cy 40 + 20 = 60');
insert into public.lead_scoring_rules (workspace_id, name, points) values (tests.workspace_id('A'), 'Any activity', 1);
-- Ada: 2 opens + the pricing view = 3 activities, 20 + 3; Bo: 3 activities, 40 + 3;
-- Cy: two matrix notes, the pricing view, the purchase and the moved blog view = 5, 60 + 5
select results_eq($$ select id, score from public.leads order by id $$,
  $$ select * from (values (tests.id('Ada'), 23), (tests.id('Bo'), 43), (tests.id('Cy'), 65)) v (id, score) order by id $$,
  'a new catch-all rule adds a point per activity');
select tests.clear_authentication();
select results_eq($$ select id, score from public.leads order by id $$, $$ select id, score from expected_scores order by id $$,
  'after activity updates, deletes, moves and a new rule: equal to the recomputation');
select results_eq($$ select l.id, l.score from public.leads l order by l.id $$,
  $$ select s.lead_id, s.score from private.lead_scores(array(select id from public.leads)) s order by s.lead_id $$,
  'the stored scores are what private.lead_scores computes');

-- ---------- nobody writes a score directly
select tests.authenticate_as('member-a');
select throws_ok($$ update public.leads set score = 999 where id = tests.id('Ada') $$, '42501', null,
  'a member cannot write a score');
select tests.authenticate_as_service_role();
update public.leads set score = 999 where id = tests.id('Ada');
select is((select score from public.leads where id = tests.id('Ada')), 23, 'the service''s write to a score is ignored');
with r as (insert into public.leads (workspace_id, email, score) values (tests.workspace_id('A'), 'new@example.com', 500) returning id)
select tests.remember('new lead', id) from r;
select is((select score from public.leads where id = tests.id('new lead')), 0, 'a new lead starts at 0 whatever was sent');

-- ---------- leads and rules: validation a member meets
select tests.authenticate_as('member-a');
select is((select email from public.leads where id = tests.id('Ada')), 'ada@example.com', 'emails are stored trimmed and lowercase');
select throws_ok($$ insert into public.leads (workspace_id, email) values (tests.workspace_id('A'), 'ADA@example.com') $$,
  '23505', 'a lead with the email ada@example.com already exists in this workspace', 'one lead per email per workspace, case-insensitively');
select throws_ok($$ insert into public.leads (workspace_id, source) values (tests.workspace_id('A'), 'form') $$,
  '23514', null, 'a lead has an email, a phone or a name');
select throws_ok($$ insert into public.leads (workspace_id, email) values (tests.workspace_id('A'), 'not-an-email') $$,
  '23514', null, 'emails are addresses');
select throws_ok($$ update public.leads set owner_id = tests.user_id('owner-b') where id = tests.id('Bo') $$,
  '22023', 'owner_id: that user is not a member of this workspace', 'a lead''s owner is a member');
update public.leads set status = 'converted', tags = '{ vip ,b,vip,""}' where id = tests.id('Bo');
select results_eq($$ select converted_at is not null, tags from public.leads where id = tests.id('Bo') $$,
  $$ values (true, '{b,vip}'::text[]) $$, 'converting stamps converted_at; tags are trimmed, distinct, sorted');
select throws_ok($$ insert into public.lead_scoring_rules (workspace_id, name, points, conditions) values (tests.workspace_id('A'), 'Bad', 5, '[{"field": "data.n", "op": "gt", "value": "a"}]') $$,
  '22023', 'conditions[0].value: gt compares numbers; give a number', 'scoring rule conditions are validated with a readable message');
select throws_ok($$ insert into public.lead_scoring_rules (workspace_id, name, points, conditions) values (tests.workspace_id('A'), 'Bad', 5, '{"a": 1}') $$,
  '22023', 'conditions: must be a JSON array of conditions', 'conditions are a list');
select throws_ok($$ insert into public.lead_scoring_rules (workspace_id, name, points) values (tests.workspace_id('A'), 'Zero', 0) $$,
  '23514', null, 'a rule gives points (not 0)');
select throws_ok($$ insert into public.lead_activities (workspace_id, lead_id, activity_type) values (tests.workspace_id('A'), tests.id('Ada B'), 'call') $$,
  '23503', null, 'an activity cannot name another workspace''s lead');
select tests.clear_authentication();

select * from finish();
rollback;
