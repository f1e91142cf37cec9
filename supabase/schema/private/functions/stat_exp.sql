CREATE OR REPLACE FUNCTION private.stat_exp(p_x double precision)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select case when p_x < -745 then 0::double precision else exp(p_x) end
$function$;
comment on function private.stat_exp(double precision) is 'exp(x), but 0 where the result underflows a double (PostgreSQL raises an error there).';
grant execute on function private.stat_exp(double precision) to authenticated;
grant execute on function private.stat_exp(double precision) to service_role;
