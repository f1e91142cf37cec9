CREATE OR REPLACE FUNCTION private.sequential_interval(p_estimate double precision, p_std_error double precision, p_n bigint, p_alpha double precision, p_n_star double precision DEFAULT 5000, OUT lower double precision, OUT upper double precision, OUT p_value double precision)
 RETURNS record
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.sequential_interval(double precision,double precision,bigint,double precision,double precision) is 'Always-valid (1 - alpha) confidence sequence around an estimate with standard error se after n observations, and the matching always-valid p-value (Waudby-Smith et al. 2023, as GrowthBook). Valid under continuous monitoring.';
grant execute on function private.sequential_interval(double precision,double precision,bigint,double precision,double precision) to authenticated;
grant execute on function private.sequential_interval(double precision,double precision,bigint,double precision,double precision) to service_role;
