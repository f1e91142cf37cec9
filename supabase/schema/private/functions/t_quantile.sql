CREATE OR REPLACE FUNCTION private.t_quantile(p_p double precision, p_df double precision)
 RETURNS double precision
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.t_quantile(double precision,double precision) is 'Student''s t quantile for 0 < p < 1 and df > 0 (fractional allowed): closed forms for df 1 and 2, otherwise Newton on t_cdf from a Cornish-Fisher start.';
grant execute on function private.t_quantile(double precision,double precision) to authenticated;
grant execute on function private.t_quantile(double precision,double precision) to service_role;
