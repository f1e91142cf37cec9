CREATE OR REPLACE FUNCTION private.t_two_sided_p(p_t double precision, p_df double precision)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select case
    when p_t is null or p_df is null or p_df <= 0 then null
    when p_df > 1e6 then private.normal_two_sided_p(p_t)
    when p_t = 0 then 1::double precision
    else private.beta_inc(p_df / 2, 0.5, p_df / (p_df + p_t * p_t)) end
$function$;
comment on function private.t_two_sided_p(double precision,double precision) is 'Two-sided p-value of a t statistic, 2 * P(T > |t|) = I_{df/(df+t^2)}(df/2, 1/2), exact in the tails.';
grant execute on function private.t_two_sided_p(double precision,double precision) to authenticated;
grant execute on function private.t_two_sided_p(double precision,double precision) to service_role;
