CREATE OR REPLACE FUNCTION private.ln_gamma(p_x double precision)
 RETURNS double precision
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.ln_gamma(double precision) is 'ln Gamma(x) for x > 0 (Lanczos, g = 7); null otherwise.';
grant execute on function private.ln_gamma(double precision) to authenticated;
grant execute on function private.ln_gamma(double precision) to service_role;
