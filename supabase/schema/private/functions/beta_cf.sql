CREATE OR REPLACE FUNCTION private.beta_cf(p_a double precision, p_b double precision, p_x double precision)
 RETURNS double precision
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.beta_cf(double precision,double precision,double precision) is 'Continued fraction for the incomplete beta function; used by private.beta_inc.';
grant execute on function private.beta_cf(double precision,double precision,double precision) to authenticated;
grant execute on function private.beta_cf(double precision,double precision,double precision) to service_role;
