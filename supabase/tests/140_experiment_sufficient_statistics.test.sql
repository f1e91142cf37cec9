-- The maintained experiment statistics equal the computation from raw events after inserts,
-- updates, deletes and late rows on every source (assignments, events, orders, visitors,
-- identities, the experiment's settings); results computed from them equal the results computed
-- by the raw-event pass to 1e-9, on the demo seed and on generated data; and
-- experiment_daily_metrics' incremental refresh equals its full rebuild after the same edits.
begin;
set search_path = extensions, public;
select plan(24);

select tests.two_workspaces();

-- Rows differing between the maintained and the scanned statistics of an experiment (relative 1e-9).
create function pg_temp.moments_diff(p_experiment_id uuid) returns integer language sql as $$
  select count(*)::integer from private.experiment_moments(p_experiment_id) m
  full join private.experiment_moments_scan(p_experiment_id) s on s.variant_id = m.variant_id
  where m.variant_id is null or s.variant_id is null or m.n <> s.n or m.conversions <> s.conversions
     or abs(m.sum_x - s.sum_x) > 1e-9 * greatest(1, abs(s.sum_x)) or abs(m.sum_xx - s.sum_xx) > 1e-9 * greatest(1, abs(s.sum_xx))
     or abs(m.sum_o - s.sum_o) > 1e-9 * greatest(1, abs(s.sum_o)) or abs(m.sum_oo - s.sum_oo) > 1e-9 * greatest(1, abs(s.sum_oo))
     or abs(m.sum_xo - s.sum_xo) > 1e-9 * greatest(1, abs(s.sum_xo)) or abs(m.sum_c - s.sum_c) > 1e-9 * greatest(1, abs(s.sum_c))
     or abs(m.sum_cc - s.sum_cc) > 1e-9 * greatest(1, abs(s.sum_cc)) or abs(m.sum_xc - s.sum_xc) > 1e-9 * greatest(1, abs(s.sum_xc))
$$;

-- Results of every experiment as computed now (from the maintained statistics), and as computed
-- by the raw-event pass: private.experiment_moments swapped for the scan for the second call.
create function pg_temp.results_diff() returns integer language plpgsql as $$
declare
  n integer;
begin
  create temp table if not exists res_kept as select * from public.experiment_results limit 0;
  create temp table if not exists res_scan as select * from public.experiment_results limit 0;
  truncate res_kept, res_scan;
  insert into res_kept select r.* from public.experiments x, private.compute_experiment_results(x.id) r;
  alter function private.experiment_moments(uuid) rename to experiment_moments_kept;
  alter function private.experiment_moments_scan(uuid) rename to experiment_moments;
  insert into res_scan select r.* from public.experiments x, private.compute_experiment_results(x.id) r;
  alter function private.experiment_moments(uuid) rename to experiment_moments_scan;
  alter function private.experiment_moments_kept(uuid) rename to experiment_moments;
  select count(*) into n from res_kept k full join res_scan s on s.experiment_id = k.experiment_id and s.variant_id = k.variant_id
  where k.variant_id is null or s.variant_id is null
     or (k.visitors, k.conversions, k.orders, k.revenue_cents, k.significant, k.srm_detected)
        is distinct from (s.visitors, s.conversions, s.orders, s.revenue_cents, s.significant, s.srm_detected)
     or exists (select 1 from (values (k.conversion_rate, s.conversion_rate), (k.revenue_per_visitor, s.revenue_per_visitor),
                  (k.average_order_value, s.average_order_value), (k.metric_value, s.metric_value), (k.uplift, s.uplift),
                  (k.uplift_lower, s.uplift_lower), (k.uplift_upper, s.uplift_upper), (k.p_value, s.p_value),
                  (k.sequential_lower, s.sequential_lower), (k.sequential_upper, s.sequential_upper),
                  (k.sequential_p_value, s.sequential_p_value), (k.p_value_adjusted, s.p_value_adjusted),
                  (k.cuped_variance_reduction, s.cuped_variance_reduction), (k.srm_p_value, s.srm_p_value)) v (a, b)
                where (v.a is null) <> (v.b is null) or abs(v.a - v.b) > 1e-9 * greatest(1, abs(v.b)));
  return n;
end $$;

-- experiment_daily_metrics rows differing between the incremental refresh and a full rebuild.
create function pg_temp.daily_diff() returns integer language plpgsql as $$
declare
  n integer;
begin
  perform private.refresh_experiment_rollup();
  create temp table if not exists daily_inc as select * from public.experiment_daily_metrics limit 0;
  truncate daily_inc;
  insert into daily_inc select * from public.experiment_daily_metrics;
  perform private.rebuild_experiment_rollup();
  select count(*) into n from (
    (select experiment_id, variant_id, day, new_visitors, exposures, add_to_carts, goal_events, converting_visitors, purchases, revenue_cents from daily_inc
     except select experiment_id, variant_id, day, new_visitors, exposures, add_to_carts, goal_events, converting_visitors, purchases, revenue_cents from public.experiment_daily_metrics)
    union all
    (select experiment_id, variant_id, day, new_visitors, exposures, add_to_carts, goal_events, converting_visitors, purchases, revenue_cents from public.experiment_daily_metrics
     except select experiment_id, variant_id, day, new_visitors, exposures, add_to_carts, goal_events, converting_visitors, purchases, revenue_cents from daily_inc)) d;
  return n;
end $$;

-- ===== the demo seed
select is((select sum(pg_temp.moments_diff(x.id))::int from public.experiments x), 0,
  'demo seed: the maintained statistics of every experiment equal the raw-event pass');
select is(pg_temp.results_diff(), 0, 'demo seed: every result column equals the raw-event computation to 1e-9');
select is(pg_temp.daily_diff(), 0, 'demo seed: experiment_daily_metrics equals its full rebuild');

-- ===== generated data: 3 variants, 1,200 visitors over 10 days, CUPED on, orders before and after
insert into public.experiments (id, workspace_id, key, name, goal_event, primary_metric, cuped_enabled, cuped_lookback_days)
values ('e1400000-0000-4000-8000-000000000001', tests.workspace_id('A'), 'stats-kept', 'Kept', 'add_to_cart', 'revenue_per_visitor', true, 30);
insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control) values
  (tests.workspace_id('A'), 'e1400000-0000-4000-8000-000000000001', 'a', 'A', 34, true),
  (tests.workspace_id('A'), 'e1400000-0000-4000-8000-000000000001', 'b', 'B', 33, false),
  (tests.workspace_id('A'), 'e1400000-0000-4000-8000-000000000001', 'c', 'C', 33, false);
update public.experiments set status = 'running' where id = 'e1400000-0000-4000-8000-000000000001';
create temp view v_kept as select v.* from public.experiment_variants v where v.experiment_id = 'e1400000-0000-4000-8000-000000000001';
-- orders before assignment (the CUPED covariate), by visitor id, in statements of many rows
insert into public.orders (workspace_id, shopify_order_id, currency, total_price_cents, processed_at, visitor_id)
select tests.workspace_id('A'), 'pre-' || i, 'USD', 1000 + (i * 37 % 23) * 100, now() - interval '15 days', 'kv-' || i
from generate_series(1, 1200) i where i % 3 = 0;
insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id, assigned_at)
select tests.workspace_id('A'), 'e1400000-0000-4000-8000-000000000001', 'kv-' || i,
       (select id from v_kept where key = (array['a', 'b', 'c'])[1 + i % 3]), now() - make_interval(days => 1 + i % 10, secs => i)
from generate_series(1, 1200) i;
insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, value_cents, occurred_at)
select a.workspace_id, a.experiment_id, a.variant_id, a.visitor_id,
       (array['exposure', 'add_to_cart', 'purchase']::public.experiment_event_type[])[1 + (k + length(a.visitor_id)) % 3],
       case when (k + length(a.visitor_id)) % 3 = 2 then 500 + (k * 7919 + ascii(right(a.visitor_id, 1))) % 9000 end,
       a.assigned_at + make_interval(hours => k)
from public.experiment_assignments a cross join generate_series(0, 2) k
where a.experiment_id = 'e1400000-0000-4000-8000-000000000001' and right(a.visitor_id, 1) <> '7';
-- and one visitor at a time, as the storefront sends them
do $$ begin
  for i in 1201 .. 1230 loop
    insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id)
    values (tests.workspace_id('A'), 'e1400000-0000-4000-8000-000000000001', 'kv-' || i,
            (select id from public.experiment_variants where experiment_id = 'e1400000-0000-4000-8000-000000000001' and key = 'b'));
    insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, value_cents)
    select a.workspace_id, a.experiment_id, a.variant_id, a.visitor_id, 'purchase', 1234 * i % 5000
    from public.experiment_assignments a where a.experiment_id = 'e1400000-0000-4000-8000-000000000001' and a.visitor_id = 'kv-' || i;
  end loop;
end $$;
select is(pg_temp.moments_diff('e1400000-0000-4000-8000-000000000001'), 0, 'after inserts (bulk and one by one): maintained = raw-event pass');
select ok((select sum(n) = 1230 and sum(sum_c) > 0 and sum(sum_x) > 0 from private.experiment_moments('e1400000-0000-4000-8000-000000000001')),
  'the generated experiment has 1,230 visitors, revenue and a CUPED covariate (the check is not vacuous)');

-- updates: values, types, days (an event moved to another day), a visitor moved to another variant
update public.experiment_events set value_cents = value_cents + 111
where experiment_id = 'e1400000-0000-4000-8000-000000000001' and event_type = 'purchase' and visitor_id like 'kv-1%';
update public.experiment_events set event_type = 'add_to_cart', value_cents = null
where experiment_id = 'e1400000-0000-4000-8000-000000000001' and event_type = 'purchase' and visitor_id like 'kv-2%';
update public.experiment_events set occurred_at = occurred_at - interval '3 days'
where experiment_id = 'e1400000-0000-4000-8000-000000000001' and visitor_id like 'kv-3%';
-- (a visitor with events keeps its variant: the events' foreign key names the assignment's variant)
update public.experiment_assignments set variant_id = (select id from v_kept where key = 'c'), assigned_at = assigned_at - interval '1 day'
where experiment_id = 'e1400000-0000-4000-8000-000000000001' and visitor_id like 'kv-4%7';
update public.experiment_assignments set assigned_at = assigned_at - interval '1 day'
where experiment_id = 'e1400000-0000-4000-8000-000000000001' and visitor_id like 'kv-4%' and visitor_id not like '%7';
select is(pg_temp.moments_diff('e1400000-0000-4000-8000-000000000001'), 0, 'after updates of events and assignments: maintained = raw-event pass');
select is(pg_temp.daily_diff(), 0, 'after the same updates: experiment_daily_metrics incremental = full rebuild');

-- deletes: events, and assignments (their events go by cascade)
delete from public.experiment_events where experiment_id = 'e1400000-0000-4000-8000-000000000001' and visitor_id like 'kv-5%' and event_type = 'purchase';
delete from public.experiment_assignments where experiment_id = 'e1400000-0000-4000-8000-000000000001' and visitor_id like 'kv-6%';
select is(pg_temp.moments_diff('e1400000-0000-4000-8000-000000000001'), 0, 'after deletes of events and assignments: maintained = raw-event pass');
select ok((select sum(n) < 1230 from private.experiment_moments('e1400000-0000-4000-8000-000000000001')), 'the deleted visitors are gone from n');
select is(pg_temp.daily_diff(), 0, 'after the deletes: experiment_daily_metrics incremental = full rebuild');

-- late rows: events dated days ago, an assignment dated before others' events
insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, value_cents, occurred_at)
select a.workspace_id, a.experiment_id, a.variant_id, a.visitor_id, 'purchase', 4321, now() - interval '9 days'
from public.experiment_assignments a where a.experiment_id = 'e1400000-0000-4000-8000-000000000001' and a.visitor_id like 'kv-7%';
insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id, assigned_at)
values (tests.workspace_id('A'), 'e1400000-0000-4000-8000-000000000001', 'kv-late', (select id from v_kept where key = 'a'), now() - interval '20 days');
select is(pg_temp.moments_diff('e1400000-0000-4000-8000-000000000001'), 0, 'after late rows: maintained = raw-event pass');
select is(pg_temp.daily_diff(), 0, 'after late rows: experiment_daily_metrics incremental = full rebuild');

-- orders: a late prior order, a refund, a cancellation, a deletion, an order moved in time
insert into public.orders (workspace_id, shopify_order_id, currency, total_price_cents, processed_at, visitor_id)
values (tests.workspace_id('A'), 'late-prior', 'USD', 7777, now() - interval '25 days', 'kv-late'),
       (tests.workspace_id('A'), 'late-prior-2', 'USD', 2500, now() - interval '12 days', 'kv-1');
update public.orders set total_refunded_cents = 300 where workspace_id = tests.workspace_id('A') and shopify_order_id in ('pre-3', 'pre-6');
update public.orders set cancelled_at = now() where workspace_id = tests.workspace_id('A') and shopify_order_id = 'pre-9';
delete from public.orders where workspace_id = tests.workspace_id('A') and shopify_order_id = 'pre-12';
update public.orders set processed_at = now() - interval '200 days' where workspace_id = tests.workspace_id('A') and shopify_order_id = 'pre-15';
select is(pg_temp.moments_diff('e1400000-0000-4000-8000-000000000001'), 0,
  'after orders inserted late, refunded, cancelled, deleted and moved out of the lookback: maintained = raw-event pass');

-- identities: an order by a customer whose identity a visitor is linked to counts for that visitor
insert into public.customers (id, workspace_id, shopify_customer_id) values ('c1400000-0000-4000-8000-000000000001', tests.workspace_id('A'), 'kept-1');
insert into public.customer_identities (id, workspace_id, customer_id)
values ('d1400000-0000-4000-8000-000000000001', tests.workspace_id('A'), 'c1400000-0000-4000-8000-000000000001');
insert into public.orders (workspace_id, shopify_order_id, currency, total_price_cents, processed_at, customer_id)
values (tests.workspace_id('A'), 'by-customer', 'USD', 9100, now() - interval '18 days', 'c1400000-0000-4000-8000-000000000001');
insert into public.visitors (workspace_id, visitor_id, identity_id) values (tests.workspace_id('A'), 'kv-10', 'd1400000-0000-4000-8000-000000000001');
insert into public.visitors (workspace_id, visitor_id) values (tests.workspace_id('A'), 'kv-11');
update public.visitors set identity_id = 'd1400000-0000-4000-8000-000000000001' where workspace_id = tests.workspace_id('A') and visitor_id = 'kv-11';
select ok((select c > 0 from private.experiment_visitor_stats where visitor_id = 'kv-11' and experiment_id = 'e1400000-0000-4000-8000-000000000001'),
  'a visitor linked to an identity gets its customer''s prior orders as covariate');
select is(pg_temp.moments_diff('e1400000-0000-4000-8000-000000000001'), 0, 'after identity links: maintained = raw-event pass');
insert into public.customers (id, workspace_id, shopify_customer_id) values ('c1400000-0000-4000-8000-000000000002', tests.workspace_id('A'), 'kept-2');
update public.customer_identities set customer_id = 'c1400000-0000-4000-8000-000000000002' where id = 'd1400000-0000-4000-8000-000000000001';
update public.visitors set identity_id = null where workspace_id = tests.workspace_id('A') and visitor_id = 'kv-10';
select is(pg_temp.moments_diff('e1400000-0000-4000-8000-000000000001'), 0, 'after an identity changes customer and a visitor is unlinked: maintained = raw-event pass');

-- the experiment's settings
update public.experiments set cuped_lookback_days = 14, goal_event = 'purchase' where id = 'e1400000-0000-4000-8000-000000000001';
select is(pg_temp.moments_diff('e1400000-0000-4000-8000-000000000001'), 0, 'after the lookback and the goal change: maintained = raw-event pass');
update public.experiments set cuped_enabled = false where id = 'e1400000-0000-4000-8000-000000000001';
select is(pg_temp.moments_diff('e1400000-0000-4000-8000-000000000001'), 0, 'after CUPED is switched off: maintained = raw-event pass');
select is(pg_temp.daily_diff(), 0, 'after the goal change: experiment_daily_metrics incremental = full rebuild');

select is(pg_temp.results_diff(), 0, 'generated data and demo: every result column equals the raw-event computation to 1e-9');

-- assignments of a whole variant deleted at once (over 200 visitors: the experiment-wide lock path)
delete from public.experiment_assignments where experiment_id = 'e1400000-0000-4000-8000-000000000001'
  and variant_id = (select id from v_kept where key = 'c');
select is(pg_temp.moments_diff('e1400000-0000-4000-8000-000000000001'), 0, 'after a variant''s assignments are deleted: maintained = raw-event pass');
-- a deleted experiment leaves nothing behind
update public.experiments set status = 'completed' where id = 'e1400000-0000-4000-8000-000000000001';
update public.experiments set status = 'archived' where id = 'e1400000-0000-4000-8000-000000000001';
delete from public.experiments where id = 'e1400000-0000-4000-8000-000000000001';
select is((select count(*)::int from private.experiment_variant_stats where experiment_id = 'e1400000-0000-4000-8000-000000000001')
        + (select count(*)::int from private.experiment_visitor_stats where experiment_id = 'e1400000-0000-4000-8000-000000000001'), 0,
  'a deleted experiment''s statistics go with it');

-- ===== who may read them
select tests.authenticate_as('member-b');
select throws_ok($$ select * from private.experiment_moments('40000000-0000-4000-8000-000000000002') $$, '42501', null,
  'a member of another workspace cannot read an experiment''s statistics');
select tests.clear_authentication();
select is((select count(*)::int from public.get_experiment_results('40000000-0000-4000-8000-000000000002')),
          (select count(*)::int from public.experiment_variants where experiment_id = '40000000-0000-4000-8000-000000000002'),
  'the demo experiment''s results, computed from the maintained statistics, have every variant');

select * from finish();
rollback;
