CREATE OR REPLACE FUNCTION private.gamma_q(p_a double precision, p_x double precision)
 RETURNS double precision
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.gamma_q(double precision,double precision) is 'Regularized upper incomplete gamma Q(a, x) = Gamma(a, x) / Gamma(a); accurate in the far tail.';
grant execute on function private.gamma_q(double precision,double precision) to authenticated;
grant execute on function private.gamma_q(double precision,double precision) to service_role;
