CREATE OR REPLACE FUNCTION private.gamma_p(p_a double precision, p_x double precision)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select 1 - private.gamma_q(p_a, p_x)
$function$;
comment on function private.gamma_p(double precision,double precision) is 'Regularized lower incomplete gamma P(a, x) = 1 - Q(a, x).';
grant execute on function private.gamma_p(double precision,double precision) to authenticated;
grant execute on function private.gamma_p(double precision,double precision) to service_role;
