-- Experiment statistics against independently computed values.
-- References:
--   * scipy 1.17.1 (Debian python3-scipy), run once outside the project on the numbers written
--     here: scipy.stats.norm/t/chi2 .cdf/.ppf/.sf, scipy.special.gammainc/betainc/gammaln,
--     scipy.stats.chi2_contingency(..., correction=False) for the pooled two-proportion z-test,
--     scipy.stats.ttest_ind(b, a, equal_var=False) for Welch, scipy.stats.chisquare for SRM;
--     CUPED, Holm and the delta-method intervals with numpy on the same per-visitor arrays
--     (theta = np.cov(x, c)[0, 1] / np.var(c, ddof=1) over control + variant, then ttest_ind on
--     x - theta (c - mean c)); interval quantiles from scipy.stats.t.ppf / norm.ppf.
--   * GrowthBook's published test cases (packages/stats/tests/frequentist/test_tests.py):
--     TwoSidedTTest and SequentialTwoSidedTTest expected values, to 5 decimals.
begin;
set search_path = extensions, public;
select plan(67);

create function pg_temp.near(p_got double precision, p_want double precision, p_rel double precision default 1e-10)
returns boolean language sql immutable as $$
  select p_got is not null and abs(p_got - p_want) <= p_rel * greatest(abs(p_want), 1e-300)
$$;
create function pg_temp.near5(p_got double precision, p_want double precision)
returns boolean language sql immutable as $$
  select p_got is not null and round(p_got::numeric, 5) = round(p_want::numeric, 5)
$$;

-- ===== distribution functions (scipy values)
select ok(pg_temp.near(private.normal_cdf(-3.5), 0.00023262907903552502), 'normal_cdf(-3.5) = scipy.stats.norm.cdf');
select ok(pg_temp.near(private.normal_cdf(-1.96), 0.024997895148220435), 'normal_cdf(-1.96)');
select ok(pg_temp.near(private.normal_cdf(0.3), 0.6179114221889526), 'normal_cdf(0.3)');
select ok(pg_temp.near(private.normal_cdf(2.5), 0.9937903346742238), 'normal_cdf(2.5)');
select ok(pg_temp.near(private.normal_cdf(-8), 6.22096057427174e-16, 1e-9), 'normal_cdf(-8) keeps relative precision in the tail');
select ok(pg_temp.near(private.normal_quantile(0.001), -3.090232306167813), 'normal_quantile(0.001) = norm.ppf');
select ok(pg_temp.near(private.normal_quantile(0.025), -1.9599639845400545), 'normal_quantile(0.025)');
select ok(pg_temp.near(private.normal_quantile(0.8), 0.8416212335729143), 'normal_quantile(0.8)');
select ok(pg_temp.near(private.normal_quantile(0.999999), 4.753424308817087), 'normal_quantile(0.999999)');
select ok(pg_temp.near(private.t_cdf(1.5, 3), 0.8847080673775886), 't_cdf(1.5, df 3) = scipy.stats.t.cdf');
select ok(pg_temp.near(private.t_cdf(-2.2, 7.5), 0.03059973295305805), 't_cdf(-2.2, df 7.5): fractional df');
select ok(pg_temp.near(private.t_cdf(0.4, 30), 0.654004741742904), 't_cdf(0.4, df 30)');
select ok(pg_temp.near(private.t_cdf(3.2, 250), 0.9992240089364561), 't_cdf(3.2, df 250)');
select ok(pg_temp.near(private.t_two_sided_p(6.5, 9.2), 0.00010091816077393988), 't_two_sided_p(6.5, df 9.2) = 2 t.sf');
select ok(pg_temp.near(private.t_quantile(0.975, 4), 2.7764451051977934), 't_quantile(0.975, df 4) = t.ppf');
select ok(pg_temp.near(private.t_quantile(0.95, 12.5), 1.7763662212470306), 't_quantile(0.95, df 12.5)');
select ok(pg_temp.near(private.t_quantile(0.995, 60), 2.6602830288550368), 't_quantile(0.995, df 60)');
select ok(pg_temp.near(private.t_quantile(0.9, 2.3), 1.7819239901184767), 't_quantile(0.9, df 2.3)');
select ok(pg_temp.near(private.chi2_sf(3.84, 1), 0.05004352124870519), 'chi2_sf(3.84, 1) = chi2.sf');
select ok(pg_temp.near(private.chi2_sf(10.5, 4), 0.03279698999488366), 'chi2_sf(10.5, 4)');
select ok(pg_temp.near(private.chi2_sf(30, 10), 0.000856641210775301), 'chi2_sf(30, 10)');
select ok(pg_temp.near(private.gamma_p(2.5, 1.7), 0.36143007689620493), 'gamma_p(2.5, 1.7) = special.gammainc');
select ok(pg_temp.near(private.beta_inc(0.5, 3.5, 0.2), 0.7725471819402367), 'beta_inc(0.5, 3.5, 0.2) = special.betainc');
select ok(pg_temp.near(private.ln_gamma(0.5), 0.5723649429247) and pg_temp.near(private.ln_gamma(7.3), 7.147892523022249),
  'ln_gamma(0.5) and ln_gamma(7.3) = special.gammaln');

-- ===== GrowthBook's published cases (TwoSidedTTest, relative, Welch df), to 5 decimals
select ok((select pg_temp.near5(u.uplift, 0.70732) and pg_temp.near5(u.std_error, 0.37879)
               and pg_temp.near5(u.lower, -0.03526) and pg_temp.near5(u.upper, 1.44989)
               and pg_temp.near5(private.t_two_sided_p(u.uplift / u.std_error, w.df), 0.06191)
           from private.welch_ttest(3407, 0.41, 3.9 ^ 2, 3461, 0.70, 6.2 ^ 2) w,
                private.relative_uplift(3407, 0.41, 3.9 ^ 2, 3461, 0.70, 6.2 ^ 2, 0.05, w.df) u),
  'GrowthBook TwoSidedTTest (0.41 sd 3.9 n 3407 vs 0.70 sd 6.2 n 3461): uplift 0.70732, se 0.37879, CI [-0.03526, 1.44989], p 0.06191');
select ok((select pg_temp.near5(u.uplift, 0.06667) and pg_temp.near5(u.std_error, 0.2717)
               and pg_temp.near5(u.lower, -0.47767) and pg_temp.near5(u.upper, 0.61101)
               and pg_temp.near5(private.t_two_sided_p(u.uplift / u.std_error, w.df), 0.80707)
           from private.welch_ttest(28, 0.5, 0.25, 30, 16 / 30.0, (16 / 30.0) * (14 / 30.0)) w,
                private.relative_uplift(28, 0.5, 0.25, 30, 16 / 30.0, (16 / 30.0) * (14 / 30.0), 0.05, w.df) u),
  'GrowthBook TwoSidedTTest on proportions 14/28 vs 16/30: CI [-0.47767, 0.61101], p 0.80707');
select ok((select pg_temp.near5(u.uplift, 0.50336) and pg_temp.near5(u.std_error, 0.33341)
               and pg_temp.near5(q.lower, -0.55844) and pg_temp.near5(q.upper, 1.56516) and q.p_value = 1
           from private.relative_uplift(3000, 1396.87 / 3000, (52377.9767 - 1396.87 ^ 2 / 3000) / 2999,
                                        3461, 2422.7 / 3461, (134698.29 - 2422.7 ^ 2 / 3461) / 3460, 0.05) u,
                private.sequential_interval(u.uplift, u.std_error, 6461, 0.05, 1000) q),
  'GrowthBook SequentialTwoSidedTTest (sums 1396.87/2422.7, tuning 1000): CS [-0.55844, 1.56516], p 1');
select ok((select pg_temp.near5(u.uplift, 0.50386) and pg_temp.near5(u.std_error, 0.03386)
               and pg_temp.near5(q.lower, 0.40098) and pg_temp.near5(q.upper, 0.60675) and pg_temp.near5(q.p_value, 0)
           from private.relative_uplift(3000, 1396 / 3000.0, (1396 / 3000.0) * (1 - 1396 / 3000.0),
                                        3461, 2422 / 3461.0, (2422 / 3461.0) * (1 - 2422 / 3461.0), 0.05) u,
                private.sequential_interval(u.uplift, u.std_error, 6461, 0.05) q),
  'GrowthBook SequentialTwoSidedTTest on proportions 1396/3000 vs 2422/3461: CS [0.40098, 0.60675], p 0.00000');
select ok(private.sequential_interval(0.01, 0.1, 10, 0.05) is not null
          and (select p_value from private.sequential_interval(0.01, 0.1, 10, 0.05)) = 1,
  'a tiny effect on tiny n gives an always-valid p-value of 1');

-- Holm and SRM on their own
select is(private.holm_adjust(array[0.01, 0.04, 0.03, null, 0.005]::double precision[]),
  array[0.03, 0.06, 0.06, null, 0.02]::double precision[],
  'Holm by hand: sorted 0.005, 0.01, 0.03, 0.04 -> x4, x3, x2, x1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.02, 0.03, 0.06, 0.06');
select ok(pg_temp.near(private.srm_p_value(array[300, 310, 290]::bigint[], array[34, 33, 33]::numeric[]), 0.6532294086866643),
  'SRM = scipy.stats.chisquare([300, 310, 290], f_exp=900 x [.34, .33, .33]).pvalue');
select ok(pg_temp.near(private.srm_p_value(array[500, 400]::bigint[], array[50, 50]::numeric[]), 0.0008581206663936758),
  'SRM = chisquare([500, 400]).pvalue');
select ok((select z.p_value is null from private.two_proportion_ztest(0, 100, 0, 100) z),
  'the z-test is undefined (null) without any conversion');

-- ===== an experiment, end to end
-- Control a (weight 34) with 300 visitors, b (33) with 310, c (33) with 290, assigned two days ago.
-- Visitor i: covariate c_i = 1000 + (37 i mod 23) x 100 cents when i mod 4 = 0 (an order five
-- days before assignment), else 0. Orders after assignment: a and c when i mod 5 = 0 or i mod 4 = 0,
-- 500 + (53 i mod 41) x 50 + c_i / 2; b when i mod 4 = 0 or i mod 6 = 1, 800 + (29 i mod 37) x 60 +
-- c_i / 2; every visitor with i mod 10 = 0 a second order of 700. The same arrays in numpy.
select tests.without_demo_data();
select tests.two_workspaces();
with r as (insert into public.experiments (workspace_id, key, name, primary_metric, sequential_testing, cuped_enabled) values
  (tests.workspace_id('A'), 'price-test', 'Price test',
   'conversion_rate', false, false) returning id, key)
select tests.remember(key, id) from r;
insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control) values
  (tests.workspace_id('A'), tests.id('price-test'), 'a', 'Control', 34, true),
  (tests.workspace_id('A'), tests.id('price-test'), 'b', 'Higher price', 33, false),
  (tests.workspace_id('A'), tests.id('price-test'), 'c', 'Same price', 33, false);
update public.experiments set status = 'running' where id = tests.id('price-test');
insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id, assigned_at)
select v.workspace_id, v.experiment_id, 'sv-' || v.key || '-' || i, v.id, now() - interval '2 days'
from public.experiment_variants v
cross join lateral generate_series(1, case v.key when 'a' then 300 when 'b' then 310 else 290 end) i
where v.experiment_id = tests.id('price-test');

create temp table sim on commit drop as
with v as (select * from (values ('a', 300), ('b', 310), ('c', 290)) x (key, n)),
vis as (select v.key, i, case when i % 4 = 0 then 1000 + (i * 37 % 23) * 100 else 0 end as c
        from v, generate_series(1, v.n) i)
select 'pre-' || key || '-' || i as id, 'sv-' || key || '-' || i as visitor, c as cents, now() - interval '5 days' as at
from vis where c > 0
union all
select 'post-' || key || '-' || i || '-1', 'sv-' || key || '-' || i,
       case when key = 'b' then 800 + (i * 29 % 37) * 60 else 500 + (i * 53 % 41) * 50 end + c / 2, now() - interval '1 day'
from vis where (key <> 'b' and (i % 5 = 0 or i % 4 = 0)) or (key = 'b' and (i % 4 = 0 or i % 6 = 1))
union all
select 'post-' || key || '-' || i || '-2', 'sv-' || key || '-' || i, 700, now() - interval '1 day'
from vis where i % 10 = 0;
grant select on sim to service_role;

select tests.authenticate_as_service_role();
-- in batches under upsert_orders' cap of 500
select public.upsert_orders(tests.workspace_id('A'), b.orders) from (
  select jsonb_agg(jsonb_build_object('shopify_order_id', s.id, 'currency', 'USD', 'total_price_cents', s.cents,
                                      'processed_at', s.at, 'visitor_id', s.visitor)) as orders
  from (select s.*, row_number() over (order by s.id) as rn from sim s) s group by s.rn % 3) b;
select tests.clear_authentication();

select is((select count(*)::int from public.experiment_results), 0, 'no snapshot is stored before the cron round');
select results_eq($$
  select r.variant_key, r.visitors, r.conversions, r.orders, r.revenue_cents
  from public.get_experiment_results(tests.id('price-test')) r $$,
  $$ values ('a', 300::bigint, 120::bigint, 150::bigint, 279350::bigint), ('b', 310::bigint, 145::bigint, 160::bigint, 343970::bigint),
            ('c', 290::bigint, 116::bigint, 145::bigint, 268800::bigint) $$,
  'visitors, converters, orders and revenue per variant (numpy sums: 279350/150, 343970/160, 268800/145); orders before the assignment do not count');

-- as a viewer of the workspace, the live results read through RLS
select tests.authenticate_as('viewer-a');
create temp table r1 on commit drop as select * from public.get_experiment_results(tests.id('price-test'));
select tests.clear_authentication();
select ok((select pg_temp.near(p_value, 0.11986704450318167) and pg_temp.near(uplift, 0.16935483870967727)
                  and pg_temp.near(uplift_lower, -0.04405902181179211) and pg_temp.near(uplift_upper, 0.38276869923114665)
           from r1 where variant_key = 'b'),
  'conversion rate b vs a (120/300 vs 145/310): uplift 0.169355 [-0.044059, 0.382769] and its Wald p = 2 norm.sf(0.169355 / 0.108887) = 0.119867 (scipy; the test behind the interval)');
select ok((select p_value = 1 and uplift = 0 from r1 where variant_key = 'c'), 'c converts exactly like a (116/290 = 0.4): p = 1');
select ok((select pg_temp.near(p_value_adjusted, 0.23973408900636334) and not significant from r1 where variant_key = 'b'),
  'Holm over b and c: b''s p doubled, 0.239734, not significant at 95%');
select ok((select pg_temp.near(srm_p_value, 0.6532294086866643) and not srm_detected from r1 where variant_key = 'a'),
  'no sample-ratio mismatch: chisquare([300, 310, 290], 34/33/33) p = 0.653229');
select ok((select uplift is null and p_value is null from r1 where is_control), 'the control has no uplift of its own');

update public.experiments set primary_metric = 'revenue_per_visitor' where id = tests.id('price-test');
create temp table r2 on commit drop as select * from public.get_experiment_results(tests.id('price-test'));
select ok((select pg_temp.near(p_value, 0.09675643391098221) and pg_temp.near(uplift, 0.1916026259115342)
                  and pg_temp.near(uplift_lower, -0.05568446484407044) and pg_temp.near(uplift_upper, 0.43888971666713883)
                  and pg_temp.near(metric_value, 1109.5806451612902)
           from r2 where variant_key = 'b'),
  'revenue per visitor b vs a without CUPED: Welch p = ttest_ind(equal_var=False) 0.0967564, uplift 0.191603 [-0.055684, 0.438890] (t.ppf with Welch df 606.157)');
select ok((select pg_temp.near(p_value, 0.9672488052531423) and pg_temp.near(uplift_lower, -0.22335054695254014)
           from r2 where variant_key = 'c'),
  'revenue per visitor c vs a: Welch p 0.967249');
select ok((select pg_temp.near(p_value_adjusted, 0.19351286782196442) from r2 where variant_key = 'b'),
  'Holm: 0.193513 for b');

update public.experiments set cuped_enabled = true where id = tests.id('price-test');
create temp table r3 on commit drop as select * from public.get_experiment_results(tests.id('price-test'));
select ok((select pg_temp.near(p_value, 0.0041697441377890575) and pg_temp.near(metric_value, 1113.1733466665007)
                  and pg_temp.near(uplift, 0.200246153967369)
                  and pg_temp.near(uplift_lower, 0.05002583294968105) and pg_temp.near(uplift_upper, 0.35046647498505695)
           from r3 where variant_key = 'b'),
  'CUPED (theta 1.094009 pooled over a and b): Welch on x - theta (c - mean c) gives p 0.00416974, adjusted mean 1113.173, uplift 0.200246 [0.050026, 0.350466]');
select ok((select pg_temp.near(cuped_variance_reduction, 0.637529729601363) from r3 where variant_key = 'b')
          and (select pg_temp.near(cuped_variance_reduction, 0.6306773665357438) from r3 where variant_key = 'c'),
  'CUPED removes 63.75% (b) and 63.07% (c) of the variance of the difference');
select ok((select pg_temp.near(p_value_adjusted, 0.008339488275578115) and significant from r3 where variant_key = 'b')
          and (select pg_temp.near(p_value_adjusted, 0.9985708772498456) and not significant from r3 where variant_key = 'c'),
  'with CUPED b is significant after Holm (0.0083395), c is not (0.998571)');

update public.experiments set sequential_testing = true where id = tests.id('price-test');
create temp table r4 on commit drop as select * from public.get_experiment_results(tests.id('price-test'));
select ok((select pg_temp.near(sequential_lower, -0.08138539815708795) and pg_temp.near(sequential_upper, 0.48187770609182595)
                  and pg_temp.near(sequential_p_value, 0.2599940366041035)
           from r4 where variant_key = 'b'),
  'sequential (tuning 5000): the always-valid sequence [-0.081385, 0.481878] and p 0.259994 (GrowthBook''s formulas on the CUPED uplift, numpy)');
select ok((select pg_temp.near(p_value_adjusted, 0.519988073208207) and not significant from r4 where variant_key = 'b'),
  'deciding sequentially, b is not (yet) significant: Holm of the sequential p-values 2 x 0.259994');

update public.experiments set primary_metric = 'average_order_value', sequential_testing = false
where id = tests.id('price-test');
select ok((select pg_temp.near(p_value, 0.006024661960250208) and pg_temp.near(uplift, 0.15436504385179894)
                  and pg_temp.near(uplift_lower, 0.03603728258569551) and pg_temp.near(uplift_upper, 0.2726928051179024)
                  and pg_temp.near(metric_value, 2149.8125)
           from public.get_experiment_results(tests.id('price-test')) where variant_key = 'b'),
  'average order value 343970/160 vs 279350/150 as a ratio metric: delta-method z p 0.00602466, uplift 0.154365 [0.036037, 0.272693]');

-- ===== the daily rollup: incremental equals full recomputation
select ok(private.refresh_experiments() = 1, 'the cron round refreshes the one running experiment that changed');
select is((select count(*)::int from public.experiment_results where experiment_id = tests.id('price-test')), 3,
  'and stores a snapshot row per variant');
select results_eq($$ select variant_id, sum(new_visitors)::int, sum(purchases)::int, sum(revenue_cents)::bigint, sum(goal_events)::int
                     from public.experiment_daily_metrics group by 1 order by 1 $$,
  $$ select r.variant_id, r.visitors::int, r.orders::int, r.revenue_cents, r.orders::int
     from public.experiment_results r order by 1 $$,
  'daily rows add up to the visitors, purchases and revenue of the results');
create temp table incremental on commit drop as select * from public.experiment_daily_metrics;
-- a late custom event changes one day; the goal then moves to it
insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, event_name, occurred_at)
select workspace_id, experiment_id, variant_id, visitor_id, 'custom', 'signup', now() - interval '1 day'
from public.experiment_assignments where visitor_id in ('sv-a-7', 'sv-b-7', 'sv-b-8');
update public.experiments set goal_event = 'signup' where id = tests.id('price-test');
select ok(private.refresh_experiment_rollup() <> '{}', 'a new event and a goal change queue days for the rollup');
create temp table after_incremental on commit drop as
  select experiment_id, variant_id, day, new_visitors, exposures, add_to_carts, goal_events, converting_visitors, purchases, revenue_cents
  from public.experiment_daily_metrics;
select private.rebuild_experiment_rollup();
select results_eq($$ select * from after_incremental order by 1, 2, 3 $$,
  $$ select experiment_id, variant_id, day, new_visitors, exposures, add_to_carts, goal_events, converting_visitors, purchases, revenue_cents
     from public.experiment_daily_metrics order by 1, 2, 3 $$,
  'the incremental rollup equals a full recomputation');
select is((select sum(goal_events)::int from public.experiment_daily_metrics), 3,
  'after the goal change the rollup counts the three signup events as goals');

-- ===== completion records the winner only when significant
update public.experiments set goal_event = 'purchase', primary_metric = 'revenue_per_visitor', sequential_testing = false
where id = tests.id('price-test');
update public.experiments set status = 'completed' where id = tests.id('price-test');
select is((select v.key from public.experiments e join public.experiment_variants v on v.id = e.winner_variant_id
           where e.id = tests.id('price-test')), 'b',
  'completed with a significant CUPED result: b is the winner');
select ok((select pg_temp.near(p_value_adjusted, 0.008339488275578115) and significant from public.experiment_results
           where experiment_id = tests.id('price-test') and variant_key = 'b'),
  'and the final snapshot is stored with the numbers it was decided on');

-- A second experiment: equal conversion (100/500 vs 80/400 signups) and a broken split.
with r as (insert into public.experiments (workspace_id, key, name, goal_event) values
  (tests.workspace_id('A'), 'signup-test', 'Signup', 'signup') returning id, key)
select tests.remember(key, id) from r;
insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control) values
  (tests.workspace_id('A'), tests.id('signup-test'), 'x', 'Control', 50, true),
  (tests.workspace_id('A'), tests.id('signup-test'), 'y', 'New form', 50, false);
update public.experiments set status = 'running' where id = tests.id('signup-test');
insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id, assigned_at)
select v.workspace_id, v.experiment_id, 'sx-' || v.key || '-' || i, v.id, now() - interval '1 day'
from public.experiment_variants v cross join lateral generate_series(1, case v.key when 'x' then 500 else 400 end) i
where v.experiment_id = tests.id('signup-test');
insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, event_name)
select workspace_id, experiment_id, variant_id, visitor_id, 'custom', 'signup' from public.experiment_assignments
where experiment_id = tests.id('signup-test') and split_part(visitor_id, '-', 3)::int % 5 = 0;
select ok((select srm_detected and pg_temp.near(srm_p_value, 0.0008581206663936758)
           from public.get_experiment_results(tests.id('signup-test')) where variant_key = 'y'),
  '500 vs 400 visitors on a 50/50 split is flagged: chisquare p = 0.000858 < 0.001');
update public.experiments set status = 'completed' where id = tests.id('signup-test');
select ok((select winner_variant_id is null and ended_at is not null from public.experiments
           where id = tests.id('signup-test')),
  'completed without a significant difference: no winner');

-- ===== what viewers and other workspaces see
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.experiment_results $$, 'another workspace''s results are invisible');
select is_empty($$ select * from public.experiment_daily_metrics $$, 'and so is its rollup');
select throws_ok($$ select * from public.get_experiment_results(tests.id('price-test')) $$, 'PT404', null,
  'live results of another workspace''s experiment: PT404');
select tests.authenticate_as('viewer-a');
select is((select count(*)::int from public.experiment_results), 5, 'a viewer reads the stored results');
select throws_ok($$ update public.experiment_results set significant = true $$, '42501', null,
  'results are not writable by users');
select tests.authenticate_as_anon();
select throws_ok($$ select * from public.get_experiment_results(tests.id('price-test')) $$, '42501', null,
  'anon cannot read results');
select tests.clear_authentication();

select ok(not has_function_privilege('authenticated', 'private.refresh_experiments()', 'execute')
          and not has_function_privilege('authenticated', 'private.rebuild_experiment_rollup()', 'execute'),
  'users cannot run the rollup');
select ok(pg_temp.near(private.t_quantile(0.975, 5000), 1.9604385517065073, 1e-9)
          and pg_temp.near(private.t_cdf(-3, 2e5), 0.001350064231388395, 1e-8),
  'large degrees of freedom stay accurate (t.ppf(0.975, 5000), t.cdf(-3, 2e5))');

select * from finish();
rollback;
