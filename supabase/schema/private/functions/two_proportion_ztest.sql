CREATE OR REPLACE FUNCTION private.two_proportion_ztest(p_x_a bigint, p_n_a bigint, p_x_b bigint, p_n_b bigint, OUT z double precision, OUT p_value double precision)
 RETURNS record
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.two_proportion_ztest(bigint,bigint,bigint,bigint) is 'Two-proportion z-test of b against a (x successes of n), pooled standard error; z > 0 when b converts better. Nulls when undefined (no data or no variance).';
grant execute on function private.two_proportion_ztest(bigint,bigint,bigint,bigint) to authenticated;
grant execute on function private.two_proportion_ztest(bigint,bigint,bigint,bigint) to service_role;
