CREATE OR REPLACE FUNCTION private.t_cdf(p_t double precision, p_df double precision)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select case
    when p_t is null or p_df is null or p_df <= 0 then null
    -- beyond a million degrees of freedom t and normal agree to ~1e-7; the beta fraction would
    -- need thousands of terms
    when p_df > 1e6 then private.normal_cdf(p_t)
    when p_t = 0 then 0.5::double precision
    when p_t < 0 then 0.5 * private.beta_inc(p_df / 2, 0.5, p_df / (p_df + p_t * p_t))
    else 1 - 0.5 * private.beta_inc(p_df / 2, 0.5, p_df / (p_df + p_t * p_t)) end
$function$;
comment on function private.t_cdf(double precision,double precision) is 'Student''s t CDF with df degrees of freedom (df may be fractional, as Welch''s is); the normal CDF above 1e6.';
grant execute on function private.t_cdf(double precision,double precision) to authenticated;
grant execute on function private.t_cdf(double precision,double precision) to service_role;
