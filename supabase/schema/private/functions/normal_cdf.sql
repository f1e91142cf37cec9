CREATE OR REPLACE FUNCTION private.normal_cdf(p_z double precision)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select case
    when p_z is null then null
    when p_z = 0 then 0.5::double precision
    when p_z < 0 then 0.5 * private.gamma_q(0.5, p_z * p_z / 2)
    else 1 - 0.5 * private.gamma_q(0.5, p_z * p_z / 2) end
$function$;
comment on function private.normal_cdf(double precision) is 'Standard normal CDF Phi(z) = erfc(-z / sqrt 2) / 2, with erfc(x) = Q(1/2, x^2).';
grant execute on function private.normal_cdf(double precision) to authenticated;
grant execute on function private.normal_cdf(double precision) to service_role;
