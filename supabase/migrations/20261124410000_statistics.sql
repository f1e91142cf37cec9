-- Statistics in SQL: the distribution functions and tests the experiment results use.
-- Everything is double precision and IMMUTABLE. PostgreSQL raises an error on floating-point
-- underflow (exp(-800), 1e-200 * 1e-200), so tail probabilities are computed in log space and
-- exponentiated through private.stat_exp(), which returns 0 below the smallest double.
--
--   ln_gamma           Lanczos approximation (g = 7, 9 coefficients), |rel. error| < 1e-14
--   gamma_p, gamma_q   regularized incomplete gamma (series / Lentz continued fraction)
--   beta_inc           regularized incomplete beta I_x(a, b) (Lentz continued fraction)
--   normal_cdf         0.5 * erfc(-z / sqrt 2), erfc through gamma_q(1/2, x^2)
--   normal_quantile    Wichura's AS241 (PPND16), ~1e-16
--   t_cdf, t_quantile  Student's t through beta_inc; the quantile by safeguarded Newton
--   chi2_sf            upper tail of chi-square through gamma_q
-- and on top of them: the two-proportion z-test, Welch's t-test, the relative uplift with its
-- delta-method interval (as GrowthBook computes it), Pearson's chi-square for sample-ratio
-- mismatch, Holm's step-down adjustment and the always-valid confidence sequence of
-- Waudby-Smith et al. (2023, eq. 9 and 155) that GrowthBook uses for sequential testing.
-- supabase/tests/071_experiment_stats.test.sql fixes every one against scipy.

create function private.stat_exp(p_x double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select case when p_x < -745 then 0::double precision else exp(p_x) end
$$;
comment on function private.stat_exp(double precision) is 'exp(x), but 0 where the result underflows a double (PostgreSQL raises an error there).';

create function private.ln_gamma(p_x double precision) returns double precision
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  c double precision[] := array[0.99999999999980993, 676.5203681218851, -1259.1392167224028,
    771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7];
  x double precision;
  a double precision;
  t double precision;
begin
  if p_x is null or p_x <= 0 then
    return null;
  end if;
  if p_x < 0.5 then
    -- reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x)
    return ln(pi() / sin(pi() * p_x)) - private.ln_gamma(1 - p_x);
  end if;
  x := p_x - 1;
  a := c[1];
  t := x + 7.5;
  for i in 1..8 loop
    a := a + c[i + 1] / (x + i);
  end loop;
  return 0.5 * ln(2 * pi()) + (x + 0.5) * ln(t) - t + ln(a);
end $$;
comment on function private.ln_gamma(double precision) is 'ln Gamma(x) for x > 0 (Lanczos, g = 7); null otherwise.';

-- Regularized lower incomplete gamma P(a, x) and its complement Q(a, x) = 1 - P(a, x).
create function private.gamma_q(p_a double precision, p_x double precision) returns double precision
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  eps constant double precision := 1e-16;
  tiny constant double precision := 1e-300;
  lead double precision;
  s double precision;
  term double precision;
  ap double precision;
  b double precision;
  c double precision;
  d double precision;
  h double precision;
  an double precision;
  del double precision;
begin
  if p_a is null or p_x is null or p_a <= 0 or p_x < 0 then
    return null;
  end if;
  if p_x = 0 then
    return 1;
  end if;
  lead := -p_x + p_a * ln(p_x) - private.ln_gamma(p_a);
  if p_x < p_a + 1 then
    -- series for P, then Q = 1 - P
    ap := p_a;
    term := 1 / p_a;
    s := term;
    for n in 1..10000 loop
      ap := ap + 1;
      term := term * p_x / ap;
      s := s + term;
      exit when abs(term) < abs(s) * eps;
    end loop;
    return 1 - private.stat_exp(lead + ln(s));
  end if;
  -- continued fraction for Q (modified Lentz)
  b := p_x + 1 - p_a;
  c := 1 / tiny;
  d := 1 / b;
  h := d;
  for i in 1..10000 loop
    an := -i * (i - p_a);
    b := b + 2;
    d := an * d + b;
    if abs(d) < tiny then d := tiny; end if;
    c := b + an / c;
    if abs(c) < tiny then c := tiny; end if;
    d := 1 / d;
    del := d * c;
    h := h * del;
    exit when abs(del - 1) < eps;
  end loop;
  return private.stat_exp(lead + ln(h));
end $$;
comment on function private.gamma_q(double precision, double precision) is 'Regularized upper incomplete gamma Q(a, x) = Gamma(a, x) / Gamma(a); accurate in the far tail.';

create function private.gamma_p(p_a double precision, p_x double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select 1 - private.gamma_q(p_a, p_x)
$$;
comment on function private.gamma_p(double precision, double precision) is 'Regularized lower incomplete gamma P(a, x) = 1 - Q(a, x).';

-- Continued fraction of the incomplete beta (Numerical Recipes' betacf, modified Lentz).
create function private.beta_cf(p_a double precision, p_b double precision, p_x double precision)
returns double precision
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  eps constant double precision := 1e-16;
  tiny constant double precision := 1e-300;
  qab double precision := p_a + p_b;
  qap double precision := p_a + 1;
  qam double precision := p_a - 1;
  c double precision := 1;
  d double precision := 1 - qab * p_x / qap;
  h double precision;
  aa double precision;
  del double precision;
  m2 double precision;
begin
  if abs(d) < tiny then d := tiny; end if;
  d := 1 / d;
  h := d;
  for m in 1..20000 loop
    m2 := 2 * m;
    aa := m * (p_b - m) * p_x / ((qam + m2) * (p_a + m2));
    d := 1 + aa * d;
    if abs(d) < tiny then d := tiny; end if;
    c := 1 + aa / c;
    if abs(c) < tiny then c := tiny; end if;
    d := 1 / d;
    h := h * d * c;
    aa := -(p_a + m) * (qab + m) * p_x / ((p_a + m2) * (qap + m2));
    d := 1 + aa * d;
    if abs(d) < tiny then d := tiny; end if;
    c := 1 + aa / c;
    if abs(c) < tiny then c := tiny; end if;
    d := 1 / d;
    del := d * c;
    h := h * del;
    exit when abs(del - 1) < eps;
  end loop;
  return h;
end $$;
comment on function private.beta_cf(double precision, double precision, double precision) is 'Continued fraction for the incomplete beta function; used by private.beta_inc.';

create function private.beta_inc(p_a double precision, p_b double precision, p_x double precision)
returns double precision
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  lead double precision;
begin
  if p_a is null or p_b is null or p_x is null or p_a <= 0 or p_b <= 0 or p_x < 0 or p_x > 1 then
    return null;
  end if;
  if p_x = 0 or p_x = 1 then
    return p_x;
  end if;
  lead := private.ln_gamma(p_a + p_b) - private.ln_gamma(p_a) - private.ln_gamma(p_b)
          + p_a * ln(p_x) + p_b * ln(1 - p_x);
  if p_x < (p_a + 1) / (p_a + p_b + 2) then
    return private.stat_exp(lead + ln(private.beta_cf(p_a, p_b, p_x)) - ln(p_a));
  end if;
  return 1 - private.stat_exp(lead + ln(private.beta_cf(p_b, p_a, 1 - p_x)) - ln(p_b));
end $$;
comment on function private.beta_inc(double precision, double precision, double precision) is 'Regularized incomplete beta I_x(a, b).';

-- ===== normal distribution
create function private.normal_cdf(p_z double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select case
    when p_z is null then null
    when p_z = 0 then 0.5::double precision
    when p_z < 0 then 0.5 * private.gamma_q(0.5, p_z * p_z / 2)
    else 1 - 0.5 * private.gamma_q(0.5, p_z * p_z / 2) end
$$;
comment on function private.normal_cdf(double precision) is 'Standard normal CDF Phi(z) = erfc(-z / sqrt 2) / 2, with erfc(x) = Q(1/2, x^2).';

create function private.normal_two_sided_p(p_z double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select case when p_z is null then null when p_z = 0 then 1::double precision
              else private.gamma_q(0.5, p_z * p_z / 2) end
$$;
comment on function private.normal_two_sided_p(double precision) is 'Two-sided p-value of a z statistic, 2 * Phi(-|z|) = erfc(|z| / sqrt 2), exact in the tails.';

create function private.normal_quantile(p_p double precision) returns double precision
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  q double precision;
  r double precision;
  x double precision;
begin
  if p_p is null or p_p <= 0 or p_p >= 1 then
    return null;
  end if;
  q := p_p - 0.5;
  if abs(q) <= 0.425 then
    r := 0.180625 - q * q;
    return q * (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r + 6.7265770927008700853e+4) * r
                   + 4.5921953931549871457e+4) * r + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
                   + 1.3314166789178437745e+2) * r + 3.3871328727963666080e+0)
             / (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r + 3.9307895800092710610e+4) * r
                   + 2.1213794301586595867e+4) * r + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r
                   + 4.2313330701600911252e+1) * r + 1.0);
  end if;
  r := sqrt(-ln(case when q < 0 then p_p else 1 - p_p end));
  if r <= 5 then
    r := r - 1.6;
    x := (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r
             + 1.27045825245236838258e+0) * r + 3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r
             + 4.63033784615654529590e+0) * r + 1.42343711074968357734e+0)
       / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r
             + 1.48103976427480074590e-1) * r + 6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r
             + 2.05319162663775882187e+0) * r + 1.0);
  else
    r := r - 5;
    x := (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r
             + 2.65321895265761230930e-2) * r + 2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r
             + 5.46378491116411436990e+0) * r + 6.65790464350110377720e+0)
       / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) * r
             + 7.86869131145613259100e-4) * r + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
             + 5.99832206555887937690e-1) * r + 1.0);
  end if;
  return case when q < 0 then -x else x end;
end $$;
comment on function private.normal_quantile(double precision) is 'Standard normal quantile Phi^-1(p) for 0 < p < 1 (Wichura, AS241 PPND16); null outside.';

-- ===== Student's t
create function private.t_cdf(p_t double precision, p_df double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select case
    when p_t is null or p_df is null or p_df <= 0 then null
    -- beyond a million degrees of freedom t and normal agree to ~1e-7; the beta fraction would
    -- need thousands of terms
    when p_df > 1e6 then private.normal_cdf(p_t)
    when p_t = 0 then 0.5::double precision
    when p_t < 0 then 0.5 * private.beta_inc(p_df / 2, 0.5, p_df / (p_df + p_t * p_t))
    else 1 - 0.5 * private.beta_inc(p_df / 2, 0.5, p_df / (p_df + p_t * p_t)) end
$$;
comment on function private.t_cdf(double precision, double precision) is 'Student''s t CDF with df degrees of freedom (df may be fractional, as Welch''s is); the normal CDF above 1e6.';

create function private.t_two_sided_p(p_t double precision, p_df double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select case
    when p_t is null or p_df is null or p_df <= 0 then null
    when p_df > 1e6 then private.normal_two_sided_p(p_t)
    when p_t = 0 then 1::double precision
    else private.beta_inc(p_df / 2, 0.5, p_df / (p_df + p_t * p_t)) end
$$;
comment on function private.t_two_sided_p(double precision, double precision) is 'Two-sided p-value of a t statistic, 2 * P(T > |t|) = I_{df/(df+t^2)}(df/2, 1/2), exact in the tails.';

create function private.t_pdf(p_t double precision, p_df double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select private.stat_exp(private.ln_gamma((p_df + 1) / 2) - private.ln_gamma(p_df / 2) - 0.5 * ln(p_df * pi())
                          - (p_df + 1) / 2 * ln(1 + p_t * p_t / p_df))
$$;
comment on function private.t_pdf(double precision, double precision) is 'Student''s t density.';

create function private.t_quantile(p_p double precision, p_df double precision) returns double precision
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  z double precision;
  t double precision;
  lo double precision := -1e300;
  hi double precision := 1e300;
  f double precision;
  step double precision;
  dens double precision;
begin
  if p_p is null or p_df is null or p_p <= 0 or p_p >= 1 or p_df <= 0 then
    return null;
  end if;
  if p_df > 1e6 then
    return private.normal_quantile(p_p);
  end if;
  if p_df = 1 then
    return tan(pi() * (p_p - 0.5));
  end if;
  if p_df = 2 then
    return (2 * p_p - 1) / sqrt(2 * p_p * (1 - p_p));
  end if;
  -- Cornish-Fisher start, then Newton steps kept inside a shrinking bracket (bisection when a
  -- step would leave it).
  z := private.normal_quantile(p_p);
  t := z + (z ^ 3 + z) / (4 * p_df) + (5 * z ^ 5 + 16 * z ^ 3 + 3 * z) / (96 * p_df ^ 2);
  for i in 1..200 loop
    f := private.t_cdf(t, p_df) - p_p;
    if f = 0 then
      return t;
    end if;
    if f < 0 then lo := t; else hi := t; end if;
    dens := private.t_pdf(t, p_df);
    step := case when dens > 0 then f / dens end;
    if step is null or t - step <= lo or t - step >= hi then
      if lo > -1e300 and hi < 1e300 then
        step := t - (lo + hi) / 2;
      else
        step := case when f < 0 then -greatest(1, abs(t)) else greatest(1, abs(t)) end;
      end if;
    end if;
    t := t - step;
    exit when abs(step) <= 1e-13 * greatest(1, abs(t));
  end loop;
  return t;
end $$;
comment on function private.t_quantile(double precision, double precision) is 'Student''s t quantile for 0 < p < 1 and df > 0 (fractional allowed): closed forms for df 1 and 2, otherwise Newton on t_cdf from a Cornish-Fisher start.';

-- ===== chi-square
create function private.chi2_sf(p_x double precision, p_k double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select case when p_x is null or p_k is null or p_k <= 0 then null
              when p_x <= 0 then 1::double precision
              else private.gamma_q(p_k / 2, p_x / 2) end
$$;
comment on function private.chi2_sf(double precision, double precision) is 'Upper tail P(X > x) of chi-square with k degrees of freedom, Q(k/2, x/2).';

-- ===== tests
-- Two-proportion z-test with the pooled standard error (statsmodels' proportions_ztest default).
create function private.two_proportion_ztest(
  p_x_a bigint, p_n_a bigint, p_x_b bigint, p_n_b bigint, out z double precision, out p_value double precision)
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  pooled double precision;
  se double precision;
begin
  if p_n_a is null or p_n_b is null or p_n_a <= 0 or p_n_b <= 0 then
    return;
  end if;
  pooled := (p_x_a + p_x_b)::double precision / (p_n_a + p_n_b);
  se := sqrt(pooled * (1 - pooled) * (1.0 / p_n_a + 1.0 / p_n_b));
  if se = 0 then
    return;
  end if;
  z := (p_x_b::double precision / p_n_b - p_x_a::double precision / p_n_a) / se;
  p_value := private.normal_two_sided_p(z);
end $$;
comment on function private.two_proportion_ztest(bigint, bigint, bigint, bigint) is 'Two-proportion z-test of b against a (x successes of n), pooled standard error; z > 0 when b converts better. Nulls when undefined (no data or no variance).';

-- Welch's unequal-variance t-test of b against a from summary statistics (sample variances).
create function private.welch_ttest(
  p_n_a bigint, p_mean_a double precision, p_var_a double precision,
  p_n_b bigint, p_mean_b double precision, p_var_b double precision,
  out t double precision, out df double precision, out p_value double precision)
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  va double precision;
  vb double precision;
begin
  if p_n_a is null or p_n_b is null or p_n_a < 2 or p_n_b < 2 or p_var_a is null or p_var_b is null then
    return;
  end if;
  va := p_var_a / p_n_a;
  vb := p_var_b / p_n_b;
  if va + vb <= 0 then
    return;
  end if;
  t := (p_mean_b - p_mean_a) / sqrt(va + vb);
  df := (va + vb) ^ 2 / (va ^ 2 / (p_n_a - 1) + vb ^ 2 / (p_n_b - 1));
  p_value := private.t_two_sided_p(t, df);
end $$;
comment on function private.welch_ttest(bigint, double precision, double precision, bigint, double precision, double precision) is 'Welch''s t-test of b against a: t, Welch-Satterthwaite degrees of freedom and the two-sided p-value. Nulls when undefined.';

-- Relative uplift b/a - 1 with the delta-method standard error GrowthBook uses:
--   var = var_b / (n_b mean_a^2) + var_a mean_b^2 / (n_a mean_a^4)
-- and a two-sided interval from Student's t with df degrees of freedom (normal when df is null).
create function private.relative_uplift(
  p_n_a bigint, p_mean_a double precision, p_var_a double precision,
  p_n_b bigint, p_mean_b double precision, p_var_b double precision,
  p_alpha double precision, p_df double precision default null,
  out uplift double precision, out std_error double precision, out lower double precision, out upper double precision)
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  q double precision;
begin
  if p_n_a is null or p_n_b is null or p_n_a <= 0 or p_n_b <= 0 or p_mean_a is null or p_mean_a = 0 then
    return;
  end if;
  uplift := p_mean_b / p_mean_a - 1;
  std_error := sqrt(p_var_b / (p_n_b * p_mean_a ^ 2) + p_var_a * p_mean_b ^ 2 / (p_n_a * p_mean_a ^ 4));
  q := case when p_df is null then private.normal_quantile(1 - p_alpha / 2)
            else private.t_quantile(1 - p_alpha / 2, p_df) end;
  lower := uplift - q * std_error;
  upper := uplift + q * std_error;
end $$;
comment on function private.relative_uplift(bigint, double precision, double precision, bigint, double precision, double precision, double precision, double precision) is 'Relative uplift of b over a with its delta-method standard error and (1 - alpha) interval (t with df, or normal when df is null), as GrowthBook''s frequentist engine.';

-- Always-valid confidence sequence (Waudby-Smith et al. 2023, eq. 9) and p-value (eq. 155), as
-- GrowthBook's SequentialTwoSidedTTest: rho is tuned for n_star total observations;
-- n = n_a + n_b, s^2 = se^2 n.
create function private.sequential_interval(
  p_estimate double precision, p_std_error double precision, p_n bigint, p_alpha double precision,
  p_n_star double precision default 5000,
  out lower double precision, out upper double precision, out p_value double precision)
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  rho2 double precision;
  nr1 double precision;
  half double precision;
  st2 double precision;
begin
  if p_estimate is null or p_std_error is null or p_std_error <= 0 or p_n is null or p_n <= 0 then
    return;
  end if;
  rho2 := (-2 * ln(p_alpha) + ln(-2 * ln(p_alpha) + 1)) / p_n_star;
  nr1 := p_n * rho2 + 1;
  half := sqrt(p_std_error ^ 2 * p_n) * sqrt(2 * nr1 * ln(sqrt(nr1) / p_alpha) / (p_n ^ 2 * rho2));
  lower := p_estimate - half;
  upper := p_estimate + half;
  st2 := p_estimate ^ 2 * p_n / p_std_error ^ 2;
  -- p = min(1, 1 / e-value), e-value = exp(rho^2 st2 / (2 nr1)) / sqrt(nr1)
  p_value := least(1, private.stat_exp(ln(sqrt(nr1)) - rho2 * st2 / (2 * nr1)));
end $$;
comment on function private.sequential_interval(double precision, double precision, bigint, double precision, double precision) is 'Always-valid (1 - alpha) confidence sequence around an estimate with standard error se after n observations, and the matching always-valid p-value (Waudby-Smith et al. 2023, as GrowthBook). Valid under continuous monitoring.';

-- Pearson chi-square goodness of fit of observed counts against expected shares (weights in
-- any unit, e.g. percent); k - 1 degrees of freedom.
create function private.srm_p_value(p_observed bigint[], p_weights numeric[]) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  with o as (
    select x.obs::double precision as obs, x.w::double precision as w
    from unnest(p_observed, p_weights) as x (obs, w)
  ), tot as (select sum(obs) as n, sum(w) as w, count(*) as k from o)
  select case when tot.n > 0 and tot.w > 0 and tot.k > 1 and cardinality(p_observed) = cardinality(p_weights)
              then private.chi2_sf(sum((o.obs - tot.n * o.w / tot.w) ^ 2 / (tot.n * o.w / tot.w)), tot.k - 1) end
  from o, tot
  where o.w > 0
  group by tot.n, tot.w, tot.k
$$;
comment on function private.srm_p_value(bigint[], numeric[]) is 'Sample-ratio-mismatch p-value: Pearson chi-square of observed counts against the shares their weights give (k - 1 df). Null without data.';

-- Holm's step-down adjustment: sort ascending, p_(i) * (m - i + 1), running maximum, capped at 1;
-- returned in the input order. Nulls stay null and do not count in m.
create function private.holm_adjust(p_values double precision[]) returns double precision[]
language sql immutable parallel safe set search_path = '' as $$
  with v as (
    select u.p, u.i, row_number() over (order by u.p, u.i) as r, count(u.p) over () as m
    from unnest(p_values) with ordinality as u (p, i)
    where u.p is not null
  ), adj as (
    select v.i, least(1, max(v.p * (v.m - v.r + 1)) over (order by v.r)) as p from v
  )
  select array_agg(adj.p order by u.i)
  from unnest(p_values) with ordinality as u (p, i)
  left join adj on adj.i = u.i
$$;
comment on function private.holm_adjust(double precision[]) is 'Holm-Bonferroni adjusted p-values (family-wise error control across the variants of one experiment), in input order.';

do $$
declare
  f regprocedure;
begin
  for f in select p.oid::regprocedure from pg_proc p
           where p.pronamespace = 'private'::regnamespace
             and p.proname in ('stat_exp', 'ln_gamma', 'gamma_q', 'gamma_p', 'beta_cf', 'beta_inc', 'normal_cdf',
                               'normal_two_sided_p', 'normal_quantile', 't_cdf', 't_two_sided_p', 't_pdf', 't_quantile',
                               'chi2_sf', 'two_proportion_ztest', 'welch_ttest', 'relative_uplift',
                               'sequential_interval', 'srm_p_value', 'holm_adjust')
  loop
    execute format('revoke all on function %s from public', f);
    execute format('grant execute on function %s to authenticated, service_role', f);
  end loop;
end $$;
