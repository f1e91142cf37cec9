CREATE OR REPLACE FUNCTION private.chi2_sf(p_x double precision, p_k double precision)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select case when p_x is null or p_k is null or p_k <= 0 then null
              when p_x <= 0 then 1::double precision
              else private.gamma_q(p_k / 2, p_x / 2) end
$function$;
comment on function private.chi2_sf(double precision,double precision) is 'Upper tail P(X > x) of chi-square with k degrees of freedom, Q(k/2, x/2).';
grant execute on function private.chi2_sf(double precision,double precision) to authenticated;
grant execute on function private.chi2_sf(double precision,double precision) to service_role;
