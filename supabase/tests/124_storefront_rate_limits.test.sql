-- Every RPC the publishable key can call is rate limited per client address and workspace
-- (issue 21, item 5). Before, track_touchpoint, assign_experiment, identify_visitor and the other
-- storefront calls took any number of calls (500 in 2.6 s from one address stored 250 visitors).
-- The catalog rule finds every anon-callable RPC, so a new one without a limit fails here; then the
-- limiter itself: 429 with Retry-After, per address, per workspace, sliding across windows.
begin;
set search_path = extensions, public;
select plan(18);

select tests.two_workspaces();

-- ===== the catalog rule: every public function anon may execute counts its calls, itself or in
-- the private.anon_* half it hands over to
select is_empty($$
  select p.oid::regprocedure::text from pg_proc p
  where p.pronamespace = 'public'::regnamespace and has_function_privilege('anon', p.oid, 'execute')
    and pg_get_functiondef(p.oid) !~ 'hit_rate_limit'
    and not exists (
      select 1 from regexp_matches(pg_get_functiondef(p.oid), 'private\.(anon_\w+)\(', 'g') m
      join pg_proc h on h.pronamespace = 'private'::regnamespace and h.proname = m[1]
      where pg_get_functiondef(h.oid) ~ 'hit_rate_limit')
$$, 'every anon-callable RPC is rate limited');
select is_empty($$
  select distinct m[1] from pg_proc p, regexp_matches(pg_get_functiondef(p.oid), 'hit_rate_limit\(''(\w+)''', 'g') m
  where p.pronamespace in ('public'::regnamespace, 'private'::regnamespace)
    and m[1] not in (select bucket from private.rate_limit_rules)
$$, 'every bucket an RPC counts in has a rule with its budget');
select is_empty($$
  select p.oid::regprocedure::text from pg_proc p
  where p.pronamespace = 'public'::regnamespace and has_function_privilege('anon', p.oid, 'execute') and p.provolatile <> 'v'
$$, 'every anon-callable RPC is volatile (it writes its count, so PostgREST runs it read-write)');

-- ===== the limiter, with small budgets for the test
update private.rate_limit_rules set max_hits = 2 where bucket in ('touchpoint', 'review_read', 'experiment_assign');
create function pg_temp.call_from(p_ip text, p_workspace text, p_visitor text) returns text
language plpgsql as $$
declare
  st text; msg text; det text;
begin
  perform set_config('request.headers', json_build_object('x-forwarded-for', p_ip || ', 10.0.0.1')::text, true);
  perform public.track_touchpoint(tests.workspace_id(p_workspace), p_visitor, 'https://shop.test/');
  return 'ok';
exception when others then
  get stacked diagnostics st = returned_sqlstate, msg = message_text, det = pg_exception_detail;
  return st || ' ' || (msg::json ->> 'code') || ' ' || (det::json ->> 'status') || ' retry-after ' || (det::json #>> '{headers,Retry-After}');
end $$;
grant execute on function pg_temp.call_from(text, text, text) to anon, service_role;

select tests.authenticate_as_anon();
select is(pg_temp.call_from('198.51.100.1', 'A', 'v1'), 'ok', 'a visitor lands');
select is(pg_temp.call_from('198.51.100.1', 'A', 'v2'), 'ok', 'a second landing from the address');
select matches(pg_temp.call_from('198.51.100.1', 'A', 'v3'), '^PGRST PT429 429 retry-after [1-9][0-9]*$',
  'the third within the window is refused: HTTP 429, code PT429, Retry-After in seconds');
select ok((select split_part(pg_temp.call_from('198.51.100.1', 'A', 'v4'), ' ', 5)::int <= 120),
  'Retry-After is at most two windows away');
select is(pg_temp.call_from('198.51.100.2', 'A', 'v5'), 'ok', 'another address is not limited');
select is(pg_temp.call_from('198.51.100.1', 'B', 'v6'), 'ok', 'the same address in another workspace is not limited');
select tests.authenticate_as_service_role();
select is(pg_temp.call_from('198.51.100.1', 'A', 'v7'), 'ok', 'the secret key (a shop''s server) is not limited');
select tests.clear_authentication();
select is((select count(*)::int from public.visitors where workspace_id = tests.workspace_id('A') and visitor_id ~ '^v[0-9]$'), 4,
  'refused calls stored nothing: v1, v2, v5, v7');
select ok(exists (select 1 from private.rate_limit_hits h where h.bucket = 'touchpoint' and h.key_hash =
  digest((select salt from private.rate_limit_salt) || convert_to('touchpoint|' || tests.workspace_id('A') || '|198.51.100.1', 'UTF8'), 'sha256')),
  'the count is kept under a salted hash of bucket, workspace and the first forwarded address, never the address');

-- A burst at the end of one window does not buy a second full budget at the start of the next:
-- the previous window counts by how much of it still overlaps.
select tests.authenticate_as_anon();
select set_config('request.headers', '{"x-forwarded-for": "198.51.100.9"}', true);
select tests.clear_authentication();
insert into private.rate_limit_hits (bucket, key_hash, window_start, hits)
select 'touchpoint',
       digest((select salt from private.rate_limit_salt) || convert_to('touchpoint|' || tests.workspace_id('A') || '|198.51.100.9', 'UTF8'), 'sha256'),
       to_timestamp(floor(extract(epoch from now()) / 60) * 60) - interval '60 seconds', 1000;
select tests.authenticate_as_anon();
select matches(pg_temp.call_from('198.51.100.9', 'A', 'w1'), '^PGRST PT429',
  'a flood in the previous window still counts in this one');

-- ===== each storefront RPC answers 429 past its budget (reads too)
select set_config('request.headers', '{"x-forwarded-for": "198.51.100.20"}', true);
select lives_ok(format($$ select * from public.product_rating(%L, 'P1') $$, tests.workspace_id('A')), 'a rating read');
select lives_ok(format($$ select * from public.product_reviews(%L, 'P1') $$, tests.workspace_id('A')), 'a reviews read');
select throws_ok(format($$ select * from public.product_ratings(%L, array['P1']) $$, tests.workspace_id('A')),
  'PGRST', null, 'the third review read in the window is refused');
select tests.clear_authentication();
insert into public.experiments (workspace_id, key, name) values (tests.workspace_id('A'), 'hero', 'Hero');
insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control)
select workspace_id, id, 'control', 'Control', 100, true from public.experiments where key = 'hero' and workspace_id = tests.workspace_id('A');
select tests.authenticate_as_anon();
select public.assign_experiment(tests.workspace_id('A'), 'hero', 'x1');
select public.assign_experiment(tests.workspace_id('A'), 'hero', 'x2');
select throws_ok(format($$ select public.assign_experiment(%L, 'hero', 'x3') $$, tests.workspace_id('A')),
  'PGRST', null, 'assignments are limited too');
select tests.clear_authentication();

-- ===== without PostgREST's request (pg_cron, SQL jobs) nothing is counted
select set_config('request.headers', '', true);
select lives_ok(format($$ select public.track_touchpoint(%L, 'job-' || g, '/') from generate_series(1, 5) g $$, tests.workspace_id('A')),
  'a call outside an HTTP request is not limited');

select * from finish();
rollback;
