CREATE OR REPLACE FUNCTION private.beta_inc(p_a double precision, p_b double precision, p_x double precision)
 RETURNS double precision
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.beta_inc(double precision,double precision,double precision) is 'Regularized incomplete beta I_x(a, b).';
grant execute on function private.beta_inc(double precision,double precision,double precision) to authenticated;
grant execute on function private.beta_inc(double precision,double precision,double precision) to service_role;
