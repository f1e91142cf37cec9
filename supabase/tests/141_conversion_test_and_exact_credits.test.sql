-- Conversion-rate results decided by one test; the absolute difference when the control converts
-- nobody; position-based credits from exact fractions (the tie rule holds on the demo seed).
--
-- Where the expected values come from (computed outside the project, with Python 3 and scipy
-- 1.17.1, Debian's python3-scipy):
--   Wald test of the relative uplift u = pb / pa - 1, delta-method se = sqrt(pb (1 - pb) / (nb pa^2)
--     + pa (1 - pa) pb^2 / (na pa^4)), p = 2 scipy.stats.norm.sf(|u| / se), interval u -/+ norm.ppf(0.975) se;
--   absolute difference d = pb - pa, se = sqrt(pa (1 - pa) / na + pb (1 - pb) / nb), the same normal p and interval;
--   the confidence sequence and its p-value by the closed form of Waudby-Smith et al. (2023) eq. 9 / eq. 155
--     as GrowthBook states it, evaluated in Python (math.log, math.sqrt, math.exp) with n* = 5000, alpha = 0.05;
--   the pooled z-test for comparison: scipy.stats.chi2_contingency([[40, 960], [62, 938]], correction=False).
--   Credits: exact fractions by hand (fractions.Fraction gives the same): five touches, position-based
--     weights 2/5, 1/15, 1/15, 1/15, 2/5 of 3 cents: floors 1, 0, 0, 0, 1, one cent left, every
--     remainder 1/5, so the tie rule gives it to the latest touch.
begin;
set search_path = extensions, public;
select plan(11);

select tests.two_workspaces();
create function pg_temp.near(p_got double precision, p_want double precision) returns boolean language sql as $$
  select p_got is not null and abs(p_got - p_want) <= 1e-9 * greatest(1, abs(p_want))
$$;

-- ===== conversion rate: a control of 40/1000 and a variant of 62/1000; a zero control of 0/1000 and 12/1000
insert into public.experiments (id, workspace_id, key, name, goal_event, primary_metric, sequential_testing, cuped_enabled) values
  ('e1410000-0000-4000-8000-000000000001', tests.workspace_id('A'), 'cr-one-test', 'One test', 'add_to_cart', 'conversion_rate', false, false),
  ('e1410000-0000-4000-8000-000000000002', tests.workspace_id('A'), 'cr-zero', 'Zero control', 'add_to_cart', 'conversion_rate', true, false);
insert into public.experiment_variants (workspace_id, experiment_id, key, name, weight, is_control)
select tests.workspace_id('A'), e, k, k, 50, k = 'a'
from unnest(array['e1410000-0000-4000-8000-000000000001', 'e1410000-0000-4000-8000-000000000002']::uuid[]) e, unnest(array['a', 'b']) k;
insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id, assigned_at)
select v.workspace_id, v.experiment_id, 'cr-' || v.key || '-' || i, v.id, now() - interval '1 day'
from public.experiment_variants v cross join generate_series(1, 1000) i
where v.experiment_id in ('e1410000-0000-4000-8000-000000000001', 'e1410000-0000-4000-8000-000000000002');
insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type)
select a.workspace_id, a.experiment_id, a.variant_id, a.visitor_id, 'add_to_cart'
from public.experiment_assignments a join public.experiment_variants v on v.id = a.variant_id
where (a.experiment_id = 'e1410000-0000-4000-8000-000000000001'
       and split_part(a.visitor_id, '-', 3)::int <= case v.key when 'a' then 40 else 62 end)
   or (a.experiment_id = 'e1410000-0000-4000-8000-000000000002' and v.key = 'b' and split_part(a.visitor_id, '-', 3)::int <= 12);

create temp table one on commit drop as select * from public.get_experiment_results('e1410000-0000-4000-8000-000000000001');
select ok((select uplift_scale = 'relative' and pg_temp.near(uplift, 0.55)
                  and pg_temp.near(uplift_lower, -0.05093755090392116) and pg_temp.near(uplift_upper, 1.1509375509039212)
                  and pg_temp.near(p_value, 0.07284020484001281) from one where variant_key = 'b'),
  '40/1000 vs 62/1000: relative uplift 0.55 [-0.050938, 1.150938] and the p-value of the same Wald test, 0.072840 (scipy)');
select ok((select not significant and uplift_lower < 0 and p_value > 0.05 from one where variant_key = 'b'),
  'the p-value and the interval agree: not significant (the pooled z-test alone would have said p = 0.025346)');

-- the rule over a grid: p < 1 - confidence exactly when the interval excludes 0 (the same test)
create temp table grid on commit drop as
select xa, xb, private.normal_two_sided_p(u.uplift / u.std_error) as p, u.lower, u.upper
from generate_series(5, 60, 5) xa, generate_series(5, 80, 3) xb,
     private.relative_uplift(1000, xa / 1000.0, (xa / 1000.0) * (1 - xa / 1000.0), 1000, xb / 1000.0, (xb / 1000.0) * (1 - xb / 1000.0), 0.05) u;
select is((select count(*)::int from grid where (p < 0.05) <> (lower > 0 or upper < 0)), 0,
  'over 312 pairs of conversion counts, p < 0.05 exactly when the 95% interval excludes 0');

create temp table zero on commit drop as select * from public.get_experiment_results('e1410000-0000-4000-8000-000000000002');
select ok((select uplift_scale = 'absolute' and pg_temp.near(uplift, 0.012)
                  and pg_temp.near(uplift_lower, 0.00525134563204267) and pg_temp.near(uplift_upper, 0.01874865436795733)
                  and pg_temp.near(p_value, 0.000491998791609362) from zero where variant_key = 'b'),
  'a control with no conversions: the absolute difference 0.012 [0.005251, 0.018749], p = 0.000492 (scipy), uplift_scale absolute');
select ok((select pg_temp.near(sequential_lower, 0.0012440342894812911) and pg_temp.near(sequential_upper, 0.02275596571051871)
                  and pg_temp.near(sequential_p_value, 0.020168898651918808) and significant from zero where variant_key = 'b'),
  'its confidence sequence [0.001244, 0.022756] and sequential p 0.020169 (closed form in Python): sequential testing can flag it');
select ok((select uplift_scale is null and uplift is null from zero where is_control), 'the control reports no uplift and no scale');

-- ===== position-based credits: exact fractions, ties to the later touch
insert into public.visitors (workspace_id, visitor_id) values (tests.workspace_id('A'), 'pb-visitor');
insert into public.touchpoints (workspace_id, visitor_id, channel, source, occurred_at)
select tests.workspace_id('A'), 'pb-visitor', 'email', 'touch-' || k, now() - make_interval(days => 10 - k)
from generate_series(1, 5) k;
insert into public.orders (workspace_id, shopify_order_id, currency, total_price_cents, processed_at, visitor_id)
values (tests.workspace_id('A'), 'pb-3-cents', 'USD', 3, now() - interval '1 hour', 'pb-visitor');
select results_eq($$
  select f.position, f.credit_cents from private.compute_attribution_credits(array(
    select c.id from public.conversions c where c.workspace_id = tests.workspace_id('A') and c.visitor_id = 'pb-visitor')) f
  where f.model = 'position_based' order by f.position $$,
  $$ values (0, 1::bigint), (1, 0::bigint), (2, 0::bigint), (3, 0::bigint), (4, 2::bigint) $$,
  '3 cents over five touches: every remainder is 1/5, so the leftover cent goes to the latest touch (not a middle one)');
select ok((select abs(sum(f.weight) - 1) < 1e-11 and min(f.weight) = 0.066666666667 from private.compute_attribution_credits(array(
    select c.id from public.conversions c where c.workspace_id = tests.workspace_id('A') and c.visitor_id = 'pb-visitor')) f
  where f.model = 'position_based'), 'the stored weights are the fractions rounded to 12 places (1/15 = 0.066666666667)');

-- the demo seed: every position-based credit equals an integer-only computation of the documented rule
select private.rebuild_attribution_credits();
create temp table expected on commit drop as
with t as (
  select a.conversion_id, a.position, c.revenue_cents as r, count(*) over (partition by a.conversion_id) as n
  from public.attribution_credits a join public.conversions c on c.id = a.conversion_id
  where a.model = 'position_based' and a.touchpoint_id is not null
), f as (
  select t.*, case when t.n <= 2 then 1 when t.position in (0, t.n - 1) then 2 * (t.n - 2) else 1 end as num,
         case when t.n <= 2 then t.n else 5 * (t.n - 2) end as den
  from t
), b as (
  select f.*, (f.r * f.num) / f.den as base, (f.r * f.num) % f.den as rem from f
)
select b.conversion_id, b.position,
       b.base + case when row_number() over (partition by b.conversion_id order by b.rem desc, b.position desc)
                          <= b.r - sum(b.base) over (partition by b.conversion_id) then 1 else 0 end as cents
from b;
select ok((select count(*) > 1000 from expected), 'the demo seed has over a thousand position-based touch credits (not vacuous)');
select is((select count(*)::int from expected e join public.attribution_credits a
           on a.conversion_id = e.conversion_id and a.position = e.position and a.model = 'position_based'
           where a.credit_cents <> e.cents), 0,
  'demo seed: every position-based credit equals the integer computation of the rule (41 conversions were a cent off)');
select is((select count(*)::int from (select conversion_id from public.attribution_credits a join public.conversions c on c.id = a.conversion_id
           group by a.conversion_id, a.model, c.revenue_cents having sum(a.credit_cents) <> c.revenue_cents) x), 0,
  'every model''s credits still sum to each conversion''s revenue');

select * from finish();
rollback;
