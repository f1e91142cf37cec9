-- Conversion-rate results decided by one test, and a reported difference when the control is zero.
--
-- 1. The conversion rate took its p-value from the pooled two-proportion z-test and its uplift
--    interval from the unpooled delta-method (Wald) interval of the relative uplift, so the two
--    could disagree about significance (27.6% vs 30.4% of A/A runs). Both now come from one test:
--    the Wald z-test of the relative uplift b/a - 1 with the delta-method standard error
--    sqrt(var_b / (n_b a^2) + var_a b^2 / (n_a a^4)), var = p (1 - p). p < alpha exactly when
--    the (1 - alpha) interval excludes 0. The sequential interval and p-value use the same
--    estimate and standard error, as before.
-- 2. With a control at zero (no conversions, or no revenue) the relative uplift is undefined, and
--    sequential testing could never flag a variant. Then the absolute difference b - a is
--    reported with its interval (Wald: normal for the conversion rate, Welch's t for revenue per
--    visitor) and its own p-value and confidence sequence; uplift_scale says which is reported.

alter table public.experiment_results add column uplift_scale text
  constraint experiment_results_uplift_scale check (uplift_scale in ('relative', 'absolute'));
comment on column public.experiment_results.uplift_scale is 'What uplift, its intervals and the sequential p-value measure: relative (b / a - 1, the default) or absolute (b - a, in the metric''s unit, when the control''s value is 0 and the relative uplift is undefined). Null for the control and when nothing was compared.';
comment on column public.experiment_results.uplift is 'Difference to the control on the primary metric: relative (0.05 = +5%) or, when the control is 0, absolute (see uplift_scale); null for the control.';
comment on column public.experiment_results.p_value is 'Fixed-horizon two-sided p-value of the primary metric against the control: conversion rate by the Wald z-test of the reported uplift (the same test as the interval), revenue per visitor by Welch''s t-test, average order value by the delta-method test of the ratio.';

-- b - a with standard error sqrt(var_a / n_a + var_b / n_b) and a (1 - alpha) interval (t with df,
-- or normal when df is null).
create function private.absolute_difference(
  p_n_a bigint, p_mean_a double precision, p_var_a double precision,
  p_n_b bigint, p_mean_b double precision, p_var_b double precision,
  p_alpha double precision, p_df double precision default null,
  out uplift double precision, out std_error double precision, out lower double precision, out upper double precision)
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  q double precision;
begin
  if p_n_a is null or p_n_b is null or p_n_a <= 0 or p_n_b <= 0 or p_mean_a is null or p_mean_b is null then
    return;
  end if;
  uplift := p_mean_b - p_mean_a;
  std_error := sqrt(p_var_a / p_n_a + p_var_b / p_n_b);
  q := case when p_df is null then private.normal_quantile(1 - p_alpha / 2)
            else private.t_quantile(1 - p_alpha / 2, p_df) end;
  lower := uplift - q * std_error;
  upper := uplift + q * std_error;
end $$;
comment on function private.absolute_difference(bigint, double precision, double precision, bigint, double precision, double precision, double precision, double precision) is 'Absolute difference b - a with its standard error and (1 - alpha) interval (t with df, or normal when df is null): what is reported when the control is zero.';
revoke all on function private.absolute_difference(bigint, double precision, double precision, bigint, double precision, double precision, double precision, double precision) from public;
grant execute on function private.absolute_difference(bigint, double precision, double precision, bigint, double precision, double precision, double precision, double precision) to authenticated, service_role;

create or replace function private.compute_experiment_results(p_experiment_id uuid)
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
        -- the p-value comes from the same Wald test as the interval (below), not a pooled z-test
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
        r.uplift_scale := 'relative';
      elsif mean_a is not null then
        -- a control at zero: the relative uplift is undefined; the absolute difference is reported
        select * into up from private.absolute_difference(ctl.n, mean_a, var_a, v.n, mean_b, var_b, alpha, df);
        r.uplift_scale := 'absolute';
      end if;
      if mean_a is not null then
        r.uplift := up.uplift;
        r.uplift_lower := up.lower;
        r.uplift_upper := up.upper;
        if e.primary_metric = 'conversion_rate' and up.std_error > 0 then
          r.p_value := private.normal_two_sided_p(up.uplift / up.std_error);
        end if;
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
comment on function private.compute_experiment_results(uuid) is 'Each variant''s result against the control on the experiment''s primary metric, computed now from the maintained statistics: uplift relative, or absolute when the control is 0 (uplift_scale); the conversion rate''s p-value and interval from one Wald test. Runs with the caller''s rights.';
