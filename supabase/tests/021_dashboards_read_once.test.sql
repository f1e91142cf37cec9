-- Dashboards read once: every dashboard RPC checks membership
-- once and reads as the owner in a private definer function. From the outside: on the demo
-- seed's workspace a viewer gets exactly what the service gets (so nothing was lost by leaving
-- RLS), a member of another workspace gets 42501 (the demo's stats: 404, as if absent), anon
-- cannot call them, and the private readers are not a way around the check.
begin;
set search_path = extensions, public;
select plan(34);

select tests.two_workspaces();
select tests.remember('glow serum demo', (select id from public.demos where name = 'Glow Serum walkthrough'));

-- (name, call) of every dashboard RPC, over the demo workspace's seeded data.
create temp table dash (name text primary key, call text not null, outsider_code text not null default '42501');
insert into dash values
  ('ads by platform', $$select jsonb_agg(r order by r.key) from public.ads_dashboard(tests.workspace_id('demo-brand'), current_date - 90, current_date - 1, 'platform') r$$),
  ('ads by campaign', $$select jsonb_agg(r order by r.key) from public.ads_dashboard(tests.workspace_id('demo-brand'), current_date - 90, current_date - 1, 'campaign') r$$),
  ('ads by day', $$select jsonb_agg(r order by r.key) from public.ads_dashboard(tests.workspace_id('demo-brand'), current_date - 90, current_date - 1, 'day') r$$),
  ('blended roas', $$select jsonb_agg(r) from public.ads_blended_roas(tests.workspace_id('demo-brand'), current_date - 90, current_date - 1) r$$),
  ('roas tile', $$select jsonb_agg(r) from public.ads_roas_tile(tests.workspace_id('demo-brand')) r$$),
  ('dashboard tiles', $$select to_jsonb(public.dashboard_tiles(tests.workspace_id('demo-brand')))$$),
  ('attribution', $$select jsonb_agg(r order by r.key) from public.attribution_report(tests.workspace_id('demo-brand'), current_date - 60, current_date - 1, 'linear', 'channel') r$$),
  ('autopilot', $$select jsonb_agg(to_jsonb(r) - 'as_of') from public.get_autopilot_dashboard_stats(tests.workspace_id('demo-brand')) r$$),
  ('demo stats', $$select to_jsonb(public.get_demo_stats(tests.id('glow serum demo')))$$);
update dash set outsider_code = 'PT404' where name = 'demo stats';
grant select on dash to authenticated, service_role, anon;

create function pg_temp.run(p_call text) returns text language plpgsql as $$
declare
  out jsonb;
begin
  execute p_call into out;
  return out::text;
end $$;
grant execute on function pg_temp.run(text) to authenticated, service_role, anon;

-- What the service sees (no membership, no RLS), kept for the comparisons below.
select tests.authenticate_as_service_role();
create temp table expected as select d.name, pg_temp.run(d.call) as answer from dash d;
select tests.clear_authentication();
grant select on expected to authenticated, anon;

select ok((select bool_and(answer is not null and answer not in ('[]', 'null')) from expected),
          'the demo seed gives every dashboard something to show');

-- The demo workspace's viewer (the lowest role) sees exactly the service's answer.
select tests.authenticate_as('viewer@demo.test');
select is(pg_temp.run(d.call), e.answer, d.name || ': a viewer sees what the service sees')
from dash d join expected e using (name) order by d.name;

-- A member of another workspace: refused, nothing read.
select tests.authenticate_as('member-b');
select throws_ok(format('select pg_temp.run(%L)', d.call), d.outsider_code, null, d.name || ': another workspace''s member is refused')
from dash d order by d.name;

-- anon has no execute on any of them.
select tests.authenticate_as_anon();
select throws_ok(format('select pg_temp.run(%L)', d.call), '42501', null, d.name || ': anon cannot call it')
from dash d order by d.name;

-- The private readers check for themselves (a signed-in caller cannot use them as a way around).
select tests.authenticate_as('member-b');
select throws_ok($$select * from private.ads_dashboard(tests.workspace_id('demo-brand'), current_date - 9, current_date, 'campaign')$$,
                 '42501', null, 'private.ads_dashboard checks membership itself');
select throws_ok($$select private.dashboard_tiles(tests.workspace_id('demo-brand'), current_date)$$,
                 '42501', null, 'private.dashboard_tiles checks membership itself');
select throws_ok($$select * from private.ad_rollup_current(tests.workspace_id('demo-brand'), current_date - 9, current_date)$$,
                 '42501', null, 'the unchecked rollup reader is not executable by users');
select tests.clear_authentication();

-- Shape: public wrappers are invoker, private readers definer with a fixed search_path.
select is((select count(*)::integer from pg_proc p where p.pronamespace = 'public'::regnamespace and p.prosecdef
           and p.proname in ('ads_dashboard', 'ads_blended_roas', 'ads_roas_tile', 'dashboard_tiles', 'attribution_report',
                             'get_autopilot_dashboard_stats', 'get_demo_stats')), 0, 'the public dashboard RPCs are security invoker');
select is((select count(*)::integer from pg_proc p where p.pronamespace = 'private'::regnamespace and p.prosecdef
           and p.proconfig @> array['search_path=""']
           and p.proname in ('ads_dashboard', 'ads_blended_roas', 'ads_roas_tile', 'dashboard_tiles', 'attribution_report',
                             'get_autopilot_dashboard_stats', 'get_demo_stats')), 7, 'their private readers are definer with search_path ''''');
select is((select l.lanname::text from pg_proc p join pg_language l on l.oid = p.prolang where p.oid = 'private.workspace_role'::regproc),
          'plpgsql', 'workspace_role is PL/pgSQL (its plan cached per session, not planned on every check)');

select * from finish();
rollback;
