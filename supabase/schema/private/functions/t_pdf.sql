CREATE OR REPLACE FUNCTION private.t_pdf(p_t double precision, p_df double precision)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select private.stat_exp(private.ln_gamma((p_df + 1) / 2) - private.ln_gamma(p_df / 2) - 0.5 * ln(p_df * pi())
                          - (p_df + 1) / 2 * ln(1 + p_t * p_t / p_df))
$function$;
comment on function private.t_pdf(double precision,double precision) is 'Student''s t density.';
grant execute on function private.t_pdf(double precision,double precision) to authenticated;
grant execute on function private.t_pdf(double precision,double precision) to service_role;
