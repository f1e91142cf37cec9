-- Experiment statistics: the incremental daily rollup (pg_cron) and each variant's result
-- against the control, computed in SQL from assignments, events and orders.
--
-- Per variant, over its assigned visitors (intent to treat):
--   conversion rate      visitors with a goal event / visitors; two-proportion z-test (pooled),
--                        uplift interval from the normal with Bernoulli variance p(1 - p)
--   revenue per visitor  purchase revenue per visitor (0 for non-buyers); Welch's t-test, uplift
--                        interval from t with Welch's degrees of freedom. CUPED (when enabled):
--                        Y - theta (X - mean X), X = the visitor's net order revenue in the
--                        cuped_lookback_days before assignment (orders by its visitor id or by its
--                        identity's customer), theta = cov(X, Y) / var(X) pooled over control and
--                        variant; cuped_variance_reduction = 1 - var(adjusted difference) /
--                        var(unadjusted difference)
--   average order value  revenue / orders as a ratio metric (delta method), normal test
-- Relative uplift and its interval by the delta method (private.relative_uplift, as GrowthBook);
-- the always-valid confidence sequence and p-value on the uplift (private.sequential_interval);
-- Holm's correction across the variants on the decision p-value (sequential when the
-- experiment uses sequential testing); sample-ratio mismatch by Pearson's chi-square of visitors
-- against weights, flagged at p < 0.001. A completing experiment records its winner only when
-- the result is significant.

-- ===== daily rollup
create table public.experiment_daily_metrics (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  experiment_id uuid not null,
  variant_id uuid not null,
  day date not null,
  new_visitors integer not null default 0,
  exposures integer not null default 0,
  add_to_carts integer not null default 0,
  goal_events integer not null default 0,
  converting_visitors integer not null default 0,
  purchases integer not null default 0,
  revenue_cents bigint not null default 0,
  refreshed_at timestamptz not null default now(),
  primary key (experiment_id, variant_id, day),
  foreign key (workspace_id, experiment_id) references public.experiments (workspace_id, id) on delete cascade,
  foreign key (experiment_id, variant_id) references public.experiment_variants (experiment_id, id) on delete cascade
);
comment on table public.experiment_daily_metrics is 'Per variant and UTC day: visitors assigned, exposures, add-to-carts, goal events and the visitors who had one that day, purchases and revenue. Kept by private.refresh_experiment_rollup() (pg_cron, hourly) for the days whose events changed; private.rebuild_experiment_rollup() recomputes everything and must agree.';
comment on column public.experiment_daily_metrics.converting_visitors is 'Distinct visitors with a goal event on that day (a visitor converting on two days counts on both).';
create index experiment_daily_metrics_experiment_idx on public.experiment_daily_metrics (workspace_id, experiment_id, day);

create table private.experiment_rollup_dirty (
  experiment_id uuid not null,
  day date not null,
  primary key (experiment_id, day)
);
comment on table private.experiment_rollup_dirty is 'Queue of (experiment, day) to recompute in experiment_daily_metrics; filled by statement triggers on assignments and events.';
alter table private.experiment_rollup_dirty enable row level security;

create function private.mark_experiment_rollup_dirty() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_table_name = 'experiment_assignments' then
    insert into private.experiment_rollup_dirty (experiment_id, day)
    select distinct n.experiment_id, (n.assigned_at at time zone 'UTC')::date from new_rows n
    on conflict do nothing;
  elsif tg_table_name = 'experiment_events' then
    insert into private.experiment_rollup_dirty (experiment_id, day)
    select distinct n.experiment_id, (n.occurred_at at time zone 'UTC')::date from new_rows n
    on conflict do nothing;
  else
    -- experiments: a new goal event changes the goal counts of every day already rolled up
    insert into private.experiment_rollup_dirty (experiment_id, day)
    select distinct m.experiment_id, m.day from public.experiment_daily_metrics m
    join new_rows n on n.id = m.experiment_id
    join old_rows o on o.id = n.id and o.goal_event is distinct from n.goal_event
    on conflict do nothing;
  end if;
  return null;
end $$;
comment on function private.mark_experiment_rollup_dirty() is 'Statement trigger on experiment_assignments and experiment_events (inserts) and experiments (goal_event changes): queues the (experiment, day) pairs to recompute.';
revoke all on function private.mark_experiment_rollup_dirty() from public;
create trigger mark_experiment_rollup_dirty after insert on public.experiment_assignments
  referencing new table as new_rows for each statement execute function private.mark_experiment_rollup_dirty();
create trigger mark_experiment_rollup_dirty after insert on public.experiment_events
  referencing new table as new_rows for each statement execute function private.mark_experiment_rollup_dirty();
create trigger mark_experiment_rollup_dirty after update on public.experiments
  referencing new table as new_rows old table as old_rows for each statement execute function private.mark_experiment_rollup_dirty();

-- The rollup rows of the given (experiment, day) pairs, from the source tables.
create function private.experiment_rollup_rows(p_experiment_ids uuid[], p_days date[])
returns setof public.experiment_daily_metrics
language sql stable set search_path = '' as $$
  with pairs as (
    select distinct t.experiment_id, t.day from unnest(p_experiment_ids, p_days) as t (experiment_id, day)
  ), assigned as (
    select a.experiment_id, a.variant_id, p.day, count(*)::integer as n
    from pairs p
    join public.experiment_assignments a on a.experiment_id = p.experiment_id
      and a.assigned_at >= p.day::timestamp at time zone 'UTC' and a.assigned_at < (p.day + 1)::timestamp at time zone 'UTC'
    group by 1, 2, 3
  ), happened as (
    select ev.experiment_id, ev.variant_id, p.day,
           count(*) filter (where ev.event_type = 'exposure')::integer as exposures,
           count(*) filter (where ev.event_type = 'add_to_cart')::integer as add_to_carts,
           count(*) filter (where g.is_goal)::integer as goal_events,
           count(distinct ev.visitor_id) filter (where g.is_goal)::integer as converting_visitors,
           count(*) filter (where ev.event_type = 'purchase')::integer as purchases,
           coalesce(sum(ev.value_cents) filter (where ev.event_type = 'purchase'), 0)::bigint as revenue
    from pairs p
    join public.experiments e on e.id = p.experiment_id
    join public.experiment_events ev on ev.experiment_id = p.experiment_id
      and ev.occurred_at >= p.day::timestamp at time zone 'UTC' and ev.occurred_at < (p.day + 1)::timestamp at time zone 'UTC'
    cross join lateral (select (ev.event_type::text = e.goal_event and ev.event_type <> 'custom')
                               or (ev.event_type = 'custom' and ev.event_name = e.goal_event) as is_goal) g
    group by 1, 2, 3
  )
  select e.workspace_id, k.experiment_id, k.variant_id, k.day, coalesce(a.n, 0), coalesce(h.exposures, 0),
         coalesce(h.add_to_carts, 0), coalesce(h.goal_events, 0), coalesce(h.converting_visitors, 0),
         coalesce(h.purchases, 0), coalesce(h.revenue, 0), now()
  from (select experiment_id, variant_id, day from assigned union select experiment_id, variant_id, day from happened) k
  join public.experiments e on e.id = k.experiment_id
  left join assigned a using (experiment_id, variant_id, day)
  left join happened h using (experiment_id, variant_id, day)
$$;
comment on function private.experiment_rollup_rows(uuid[], date[]) is 'Recomputes experiment_daily_metrics rows for (experiment, day) pairs from assignments and events.';
revoke all on function private.experiment_rollup_rows(uuid[], date[]) from public;

-- Incremental: recomputes the queued days only; returns the experiments it touched.
create function private.refresh_experiment_rollup() returns uuid[]
language plpgsql security definer set search_path = '' as $$
declare
  ex uuid[];
  dy date[];
begin
  with taken as (delete from private.experiment_rollup_dirty returning experiment_id, day)
  select array_agg(t.experiment_id), array_agg(t.day) into ex, dy from taken t;
  if ex is null then
    return '{}'::uuid[];
  end if;
  delete from public.experiment_daily_metrics m
  using unnest(ex, dy) as t (experiment_id, day)
  where m.experiment_id = t.experiment_id and m.day = t.day;
  insert into public.experiment_daily_metrics select * from private.experiment_rollup_rows(ex, dy);
  return array(select distinct x from unnest(ex) x);
end $$;
comment on function private.refresh_experiment_rollup() is 'Incremental rollup: recomputes only the (experiment, day) pairs queued in private.experiment_rollup_dirty; returns the experiments touched.';

-- Full recomputation, for repair and for checking the incremental path.
create function private.rebuild_experiment_rollup() returns integer
language plpgsql security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from private.experiment_rollup_dirty;
  delete from public.experiment_daily_metrics;
  insert into public.experiment_daily_metrics
  select r.* from (
    select array_agg(d.experiment_id) as ex, array_agg(d.day) as dy from (
      select a.experiment_id, (a.assigned_at at time zone 'UTC')::date as day from public.experiment_assignments a
      union
      select ev.experiment_id, (ev.occurred_at at time zone 'UTC')::date from public.experiment_events ev
    ) d
  ) all_pairs
  cross join lateral private.experiment_rollup_rows(all_pairs.ex, all_pairs.dy) r;
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.rebuild_experiment_rollup() is 'Recomputes experiment_daily_metrics from scratch; the incremental refresh must give the same table.';
revoke all on function private.refresh_experiment_rollup() from public;
revoke all on function private.rebuild_experiment_rollup() from public;
grant execute on function private.refresh_experiment_rollup() to service_role;
grant execute on function private.rebuild_experiment_rollup() to service_role;

-- ===== results
create table public.experiment_results (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  experiment_id uuid not null,
  variant_id uuid not null,
  variant_key text not null,
  is_control boolean not null,
  metric public.experiment_metric not null,
  visitors bigint not null,
  conversions bigint not null,
  conversion_rate double precision,
  orders bigint not null,
  revenue_cents bigint not null,
  revenue_per_visitor double precision,
  average_order_value double precision,
  metric_value double precision,
  uplift double precision,
  uplift_lower double precision,
  uplift_upper double precision,
  p_value double precision,
  sequential_lower double precision,
  sequential_upper double precision,
  sequential_p_value double precision,
  p_value_adjusted double precision,
  significant boolean not null default false,
  cuped_variance_reduction double precision,
  srm_p_value double precision,
  srm_detected boolean not null default false,
  computed_at timestamptz not null default now(),
  primary key (experiment_id, variant_id),
  foreign key (workspace_id, experiment_id) references public.experiments (workspace_id, id) on delete cascade,
  foreign key (experiment_id, variant_id) references public.experiment_variants (experiment_id, id) on delete cascade
);
comment on table public.experiment_results is 'Each variant of an experiment against its control on the primary metric: the latest snapshot stored by pg_cron and at completion. public.get_experiment_results() computes the same columns live. Statistics are double precision.';
create index experiment_results_experiment_idx on public.experiment_results (workspace_id, experiment_id);
comment on column public.experiment_results.conversions is 'Visitors with at least one goal event.';
comment on column public.experiment_results.revenue_per_visitor is 'Purchase revenue per assigned visitor, in cents (unadjusted).';
comment on column public.experiment_results.average_order_value is 'Purchase revenue per order, in cents.';
comment on column public.experiment_results.metric_value is 'The primary metric''s value for this variant (revenue per visitor CUPED-adjusted when CUPED is on).';
comment on column public.experiment_results.uplift is 'Relative difference to the control on the primary metric (0.05 = +5%); null for the control.';
comment on column public.experiment_results.uplift_lower is 'Lower end of the fixed-horizon interval of the uplift at the experiment''s confidence level (delta method).';
comment on column public.experiment_results.p_value is 'Fixed-horizon two-sided p-value of the primary metric against the control (z-test, Welch''s t-test, or the delta-method test of the ratio).';
comment on column public.experiment_results.sequential_lower is 'Always-valid confidence sequence of the uplift (Waudby-Smith et al., as GrowthBook): safe to watch daily.';
comment on column public.experiment_results.p_value_adjusted is 'Holm-adjusted decision p-value across the experiment''s variants: of the sequential p-value when the experiment uses sequential testing, else of p_value.';
comment on column public.experiment_results.significant is 'p_value_adjusted < 1 - confidence_level.';
comment on column public.experiment_results.cuped_variance_reduction is 'Revenue per visitor with CUPED: the share of the variance of the difference removed by the pre-exposure covariate.';
comment on column public.experiment_results.srm_p_value is 'Sample-ratio mismatch: Pearson chi-square p-value of visitors per variant against the weights (same on every row of an experiment).';
comment on column public.experiment_results.srm_detected is 'srm_p_value < 0.001: the split is broken and the results should not be trusted.';

-- Per-variant sufficient statistics: visitors, converters, revenue and orders per visitor
-- (sums, squares, cross products) and the CUPED covariate.
create type private.variant_moments as (
  variant_id uuid, variant_key text, is_control boolean, weight numeric,
  n bigint, conversions bigint,
  sum_x double precision, sum_xx double precision, sum_o double precision, sum_oo double precision, sum_xo double precision,
  sum_c double precision, sum_cc double precision, sum_xc double precision);
comment on type private.variant_moments is 'Sufficient statistics of one variant for private.compute_experiment_results: x = purchase revenue per visitor (cents), o = purchases per visitor, c = pre-exposure net order revenue per visitor (cents).';

-- PL/pgSQL with the experiment's fields as constants: the plan then reads the experiment's events
-- and assignments by index (a join against the experiments row would scan every partition).
-- work_mem: the per-visitor aggregation of a large experiment otherwise spills to disk.
create function private.experiment_moments(p_experiment_id uuid) returns setof private.variant_moments
language plpgsql stable set search_path = '' set work_mem = '32MB' as $$
declare
  ws uuid;
  goal text;
  cuped boolean;
  lookback interval;
begin
  select x.workspace_id, x.goal_event, x.cuped_enabled, make_interval(days => x.cuped_lookback_days)
    into ws, goal, cuped, lookback
  from public.experiments x where x.id = p_experiment_id;
  if not found then
    return;
  end if;
  return query
  with a as (
    select a.visitor_id, a.variant_id, a.assigned_at
    from public.experiment_assignments a
    where a.workspace_id = ws and a.experiment_id = p_experiment_id
  ), did as (
    -- one pass over the experiment's events: purchase revenue and count, and whether a goal event happened
    select ev.visitor_id,
           coalesce(sum(ev.value_cents) filter (where ev.event_type = 'purchase'), 0)::double precision as x,
           (count(*) filter (where ev.event_type = 'purchase'))::double precision as o,
           bool_or((ev.event_type::text = goal and ev.event_type <> 'custom')
                   or (ev.event_type = 'custom' and ev.event_name = goal)) as converted
    from public.experiment_events ev
    where ev.workspace_id = ws and ev.experiment_id = p_experiment_id
    group by ev.visitor_id
  ), prior_orders as (
    -- orders before the assignment, within the CUPED lookback, by the visitor id or by the
    -- customer of the visitor's identity (each order once)
    select a.visitor_id, o.id, o.total_price_cents - o.total_refunded_cents as net
    from a
    join public.orders o on o.workspace_id = ws and o.visitor_id = a.visitor_id
    where cuped and o.cancelled_at is null and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - lookback
    union
    select a.visitor_id, o.id, o.total_price_cents - o.total_refunded_cents
    from a
    join public.visitors v on v.workspace_id = ws and v.visitor_id = a.visitor_id
    join public.customer_identities i on i.id = v.identity_id
    join public.orders o on o.customer_id = i.customer_id
    where cuped and o.cancelled_at is null and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - lookback
  ), covariate as (
    select p.visitor_id, sum(p.net)::double precision as c from prior_orders p group by p.visitor_id
  ), per_visitor as (
    select a.variant_id, coalesce(d.x, 0) as x, coalesce(d.o, 0) as o, coalesce(cv.c, 0) as c,
           coalesce(d.converted, false) as converted
    from a
    left join did d on d.visitor_id = a.visitor_id
    left join covariate cv on cv.visitor_id = a.visitor_id
  )
  select v.id, v.key, v.is_control, v.weight,
         count(p.variant_id), count(*) filter (where p.converted),
         coalesce(sum(p.x), 0), coalesce(sum(p.x * p.x), 0), coalesce(sum(p.o), 0), coalesce(sum(p.o * p.o), 0),
         coalesce(sum(p.x * p.o), 0), coalesce(sum(p.c), 0), coalesce(sum(p.c * p.c), 0), coalesce(sum(p.x * p.c), 0)
  from public.experiment_variants v
  left join per_visitor p on p.variant_id = v.id
  where v.experiment_id = p_experiment_id
  group by v.id, v.key, v.is_control, v.weight
  order by v.key;
end $$;
comment on function private.experiment_moments(uuid) is 'Sufficient statistics per variant of an experiment, from assignments, purchase and goal events, and pre-exposure orders (CUPED covariate). Runs with the caller''s rights.';
revoke all on function private.experiment_moments(uuid) from public;
grant execute on function private.experiment_moments(uuid) to authenticated, service_role;
grant usage on type private.variant_moments to authenticated, service_role;

-- The results rows of one experiment, computed now. Runs with the caller's rights: a caller who
-- cannot read the experiment gets no rows.
create function private.compute_experiment_results(p_experiment_id uuid)
returns setof public.experiment_results
language plpgsql stable set search_path = '' as $$
declare
  e public.experiments;
  alpha double precision;
  ctl private.variant_moments;
  v private.variant_moments;
  moments private.variant_moments[];
  res public.experiment_results[] := '{}'::public.experiment_results[];
  r public.experiment_results;
  srm double precision;
  decision double precision[] := '{}'::double precision[];
  adjusted double precision[];
  i integer;
  -- per comparison
  mean_a double precision; var_a double precision; mean_b double precision; var_b double precision;
  raw_var_a double precision; raw_var_b double precision;
  big_n double precision; theta double precision; pooled_c double precision;
  cov_pool double precision; var_c_pool double precision;
  cov_a double precision; cov_b double precision; vc_a double precision; vc_b double precision;
  ma_o double precision; mb_o double precision;
  ztest record;
  welch record;
  up record;
  seq record;
  df double precision;
begin
  select * into e from public.experiments x where x.id = p_experiment_id;
  if not found then
    return;
  end if;
  alpha := 1 - e.confidence_level::double precision;
  select array_agg(m order by m.is_control desc, m.variant_key) into moments from private.experiment_moments(p_experiment_id) m;
  select * into ctl from unnest(moments) m where m.is_control;
  select private.srm_p_value(array_agg(m.n order by m.variant_key), array_agg(m.weight order by m.variant_key)) into srm
  from unnest(moments) m where m.weight > 0;

  foreach v in array coalesce(moments, '{}'::private.variant_moments[]) loop
    r := null;
    r.workspace_id := e.workspace_id;
    r.experiment_id := e.id;
    r.variant_id := v.variant_id;
    r.variant_key := v.variant_key;
    r.is_control := v.is_control;
    r.metric := e.primary_metric;
    r.visitors := v.n;
    r.conversions := v.conversions;
    r.orders := v.sum_o::bigint;
    r.revenue_cents := v.sum_x::bigint;
    r.conversion_rate := case when v.n > 0 then v.conversions::double precision / v.n end;
    r.revenue_per_visitor := case when v.n > 0 then v.sum_x / v.n end;
    r.average_order_value := case when v.sum_o > 0 then v.sum_x / v.sum_o end;
    r.metric_value := case e.primary_metric when 'conversion_rate' then r.conversion_rate
                        when 'revenue_per_visitor' then r.revenue_per_visitor else r.average_order_value end;
    r.srm_p_value := srm;
    r.srm_detected := coalesce(srm < 0.001, false);
    r.significant := false;
    r.computed_at := now();

    if not v.is_control and ctl.variant_id is not null and ctl.n > 1 and v.n > 1 then
      df := null;
      if e.primary_metric = 'conversion_rate' then
        mean_a := ctl.conversions::double precision / ctl.n;
        mean_b := v.conversions::double precision / v.n;
        var_a := mean_a * (1 - mean_a);
        var_b := mean_b * (1 - mean_b);
        select * into ztest from private.two_proportion_ztest(ctl.conversions, ctl.n, v.conversions, v.n);
        r.p_value := ztest.p_value;
      elsif e.primary_metric = 'revenue_per_visitor' then
        mean_a := ctl.sum_x / ctl.n;
        mean_b := v.sum_x / v.n;
        raw_var_a := greatest((ctl.sum_xx - ctl.n * mean_a ^ 2) / (ctl.n - 1), 0);
        raw_var_b := greatest((v.sum_xx - v.n * mean_b ^ 2) / (v.n - 1), 0);
        var_a := raw_var_a;
        var_b := raw_var_b;
        if e.cuped_enabled then
          big_n := ctl.n + v.n;
          pooled_c := (ctl.sum_c + v.sum_c) / big_n;
          var_c_pool := ((ctl.sum_cc + v.sum_cc) - big_n * pooled_c ^ 2) / (big_n - 1);
          cov_pool := ((ctl.sum_xc + v.sum_xc) - (ctl.sum_x + v.sum_x) * pooled_c) / (big_n - 1);
          if var_c_pool > 0 then
            theta := cov_pool / var_c_pool;
            vc_a := (ctl.sum_cc - ctl.n * (ctl.sum_c / ctl.n) ^ 2) / (ctl.n - 1);
            vc_b := (v.sum_cc - v.n * (v.sum_c / v.n) ^ 2) / (v.n - 1);
            cov_a := (ctl.sum_xc - ctl.n * mean_a * (ctl.sum_c / ctl.n)) / (ctl.n - 1);
            cov_b := (v.sum_xc - v.n * mean_b * (v.sum_c / v.n)) / (v.n - 1);
            mean_a := mean_a - theta * (ctl.sum_c / ctl.n - pooled_c);
            mean_b := mean_b - theta * (v.sum_c / v.n - pooled_c);
            var_a := greatest(raw_var_a - 2 * theta * cov_a + theta ^ 2 * vc_a, 0);
            var_b := greatest(raw_var_b - 2 * theta * cov_b + theta ^ 2 * vc_b, 0);
            if raw_var_a / ctl.n + raw_var_b / v.n > 0 then
              r.cuped_variance_reduction := 1 - (var_a / ctl.n + var_b / v.n) / (raw_var_a / ctl.n + raw_var_b / v.n);
            end if;
            r.metric_value := mean_b;
          else
            r.cuped_variance_reduction := 0;
          end if;
        end if;
        select * into welch from private.welch_ttest(ctl.n, mean_a, var_a, v.n, mean_b, var_b);
        r.p_value := welch.p_value;
        df := welch.df;
      elsif ctl.sum_o > 0 and v.sum_o > 0 then
        -- average order value: ratio of per-visitor means, delta-method variance of each ratio
        ma_o := ctl.sum_o / ctl.n;
        mb_o := v.sum_o / v.n;
        mean_a := ctl.sum_x / ctl.sum_o;
        mean_b := v.sum_x / v.sum_o;
        var_a := ((ctl.sum_xx - ctl.n * (ctl.sum_x / ctl.n) ^ 2) / (ctl.n - 1) / ma_o ^ 2
                  - 2 * mean_a * ((ctl.sum_xo - ctl.n * (ctl.sum_x / ctl.n) * ma_o) / (ctl.n - 1)) / ma_o ^ 2
                  + mean_a ^ 2 * ((ctl.sum_oo - ctl.n * ma_o ^ 2) / (ctl.n - 1)) / ma_o ^ 2);
        var_b := ((v.sum_xx - v.n * (v.sum_x / v.n) ^ 2) / (v.n - 1) / mb_o ^ 2
                  - 2 * mean_b * ((v.sum_xo - v.n * (v.sum_x / v.n) * mb_o) / (v.n - 1)) / mb_o ^ 2
                  + mean_b ^ 2 * ((v.sum_oo - v.n * mb_o ^ 2) / (v.n - 1)) / mb_o ^ 2);
        var_a := greatest(var_a, 0);
        var_b := greatest(var_b, 0);
        if var_a / ctl.n + var_b / v.n > 0 then
          r.p_value := private.normal_two_sided_p((mean_b - mean_a) / sqrt(var_a / ctl.n + var_b / v.n));
        end if;
      end if;

      if mean_a is not null and mean_a <> 0 then
        select * into up from private.relative_uplift(ctl.n, mean_a, var_a, v.n, mean_b, var_b, alpha, df);
        r.uplift := up.uplift;
        r.uplift_lower := up.lower;
        r.uplift_upper := up.upper;
        select * into seq from private.sequential_interval(up.uplift, up.std_error, ctl.n + v.n, alpha,
                                                           e.sequential_tuning::double precision);
        r.sequential_lower := seq.lower;
        r.sequential_upper := seq.upper;
        r.sequential_p_value := seq.p_value;
      end if;
      mean_a := null;
      mean_b := null;
      decision := decision || case when e.sequential_testing then r.sequential_p_value else r.p_value end;
    end if;
    res := res || r;
  end loop;

  -- Holm across the variants compared with the control (in the loop's order)
  adjusted := private.holm_adjust(decision);
  i := 0;
  foreach r in array res loop
    if not r.is_control and ctl.variant_id is not null and ctl.n > 1 and r.visitors > 1 then
      i := i + 1;
      r.p_value_adjusted := adjusted[i];
      r.significant := coalesce(adjusted[i] < alpha, false);
    end if;
    return next r;
  end loop;
end $$;
comment on function private.compute_experiment_results(uuid) is 'Each variant''s result against the control on the experiment''s primary metric, computed now (see the migration header). Runs with the caller''s rights.';
revoke all on function private.compute_experiment_results(uuid) from public;
grant execute on function private.compute_experiment_results(uuid) to authenticated, service_role;

create function public.get_experiment_results(p_experiment_id uuid) returns setof public.experiment_results
language plpgsql stable set search_path = '' as $$
begin
  if p_experiment_id is null then
    raise exception 'p_experiment_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from public.experiments e where e.id = p_experiment_id) then
    raise exception 'no such experiment' using errcode = 'PT404';
  end if;
  return query select * from private.compute_experiment_results(p_experiment_id);
end $$;
comment on function public.get_experiment_results(uuid) is 'Live results of an experiment (one row per variant, control first): conversion rate, revenue per visitor, AOV, uplift with fixed-horizon and always-valid intervals, p-values (Holm-adjusted), CUPED variance reduction and the SRM check. Viewers of the workspace; PT404 when the experiment does not exist or is not visible.';
grant execute on function public.get_experiment_results(uuid) to authenticated, service_role;

-- Stores the snapshot of one experiment's results.
create function private.store_experiment_results(p_experiment_id uuid) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from public.experiment_results where experiment_id = p_experiment_id;
  insert into public.experiment_results select * from private.compute_experiment_results(p_experiment_id);
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.store_experiment_results(uuid) is 'Replaces the stored results snapshot of one experiment with a fresh computation.';
revoke all on function private.store_experiment_results(uuid) from public;
grant execute on function private.store_experiment_results(uuid) to service_role;

-- The hourly round: the rollup, then the results of the running or paused experiments it touched.
create function private.refresh_experiments() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  ex uuid;
  n integer := 0;
begin
  for ex in select x.id from public.experiments x
            where x.id = any (private.refresh_experiment_rollup()) and x.status in ('running', 'paused') loop
    perform private.store_experiment_results(ex);
    n := n + 1;
  end loop;
  return n;
end $$;
comment on function private.refresh_experiments() is 'pg_cron (job experiments-refresh, hourly): incremental daily rollup, then results snapshots of the running or paused experiments whose data changed; returns how many experiments it refreshed.';
revoke all on function private.refresh_experiments() from public;
grant execute on function private.refresh_experiments() to service_role;
select cron.schedule('experiments-refresh', '11 * * * *', 'select private.refresh_experiments()');

-- Completion: the winner, only when significant, and a final snapshot.
create function private.record_experiment_winner() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  best uuid;
  losers integer;
  compared integer;
begin
  delete from public.experiment_results where experiment_id = new.id;
  insert into public.experiment_results select * from private.compute_experiment_results(new.id);
  -- the significantly better variant with the largest uplift; the control when every variant is
  -- significantly worse; otherwise no winner
  select r.variant_id into best from public.experiment_results r
  where r.experiment_id = new.id and not r.is_control and r.significant and r.uplift > 0
  order by r.uplift desc, r.variant_key limit 1;
  if best is null then
    select count(*) filter (where r.significant and r.uplift < 0), count(*) into losers, compared
    from public.experiment_results r where r.experiment_id = new.id and not r.is_control and r.p_value_adjusted is not null;
    if compared > 0 and losers = compared then
      select v.id into best from public.experiment_variants v where v.experiment_id = new.id and v.is_control;
    end if;
  end if;
  new.winner_variant_id := best;
  return new;
end $$;
comment on function private.record_experiment_winner() is 'BEFORE UPDATE OF status on experiments, when it becomes completed (after guard_experiment): stores the final results and sets winner_variant_id only when significant.';
revoke all on function private.record_experiment_winner() from public;
create trigger record_winner before update of status on public.experiments
  for each row when (new.status = 'completed' and old.status is distinct from 'completed')
  execute function private.record_experiment_winner();

alter table public.experiment_daily_metrics enable row level security;
alter table public.experiment_results enable row level security;
grant select on public.experiment_daily_metrics, public.experiment_results to authenticated;
grant all on public.experiment_daily_metrics, public.experiment_results to service_role;
create policy "viewers read experiment metrics" on public.experiment_daily_metrics for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read experiment results" on public.experiment_results for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
select private.install_tenant_guard('public.experiment_daily_metrics');
select private.install_tenant_guard('public.experiment_results');
alter publication supabase_realtime add table public.experiment_results;
