CREATE OR REPLACE FUNCTION private.normal_two_sided_p(p_z double precision)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select case when p_z is null then null when p_z = 0 then 1::double precision
              else private.gamma_q(0.5, p_z * p_z / 2) end
$function$;
comment on function private.normal_two_sided_p(double precision) is 'Two-sided p-value of a z statistic, 2 * Phi(-|z|) = erfc(|z| / sqrt 2), exact in the tails.';
grant execute on function private.normal_two_sided_p(double precision) to authenticated;
grant execute on function private.normal_two_sided_p(double precision) to service_role;
