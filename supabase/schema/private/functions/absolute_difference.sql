CREATE OR REPLACE FUNCTION private.absolute_difference(p_n_a bigint, p_mean_a double precision, p_var_a double precision, p_n_b bigint, p_mean_b double precision, p_var_b double precision, p_alpha double precision, p_df double precision DEFAULT NULL::double precision, OUT uplift double precision, OUT std_error double precision, OUT lower double precision, OUT upper double precision)
 RETURNS record
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
declare
  q double precision;
begin
  if p_n_a is null or p_n_b is null or p_n_a <= 0 or p_n_b <= 0 or p_mean_a is null or p_mean_b is null then
    return;
  end if;
  uplift := p_mean_b - p_mean_a;
  std_error := sqrt(p_var_a / p_n_a + p_var_b / p_n_b);
  q := case when p_df is null then private.normal_quantile(1 - p_alpha / 2)
            else private.t_quantile(1 - p_alpha / 2, p_df) end;
  lower := uplift - q * std_error;
  upper := uplift + q * std_error;
end $function$;
comment on function private.absolute_difference(bigint,double precision,double precision,bigint,double precision,double precision,double precision,double precision) is 'Absolute difference b - a with its standard error and (1 - alpha) interval (t with df, or normal when df is null): what is reported when the control is zero.';
grant execute on function private.absolute_difference(bigint,double precision,double precision,bigint,double precision,double precision,double precision,double precision) to authenticated;
grant execute on function private.absolute_difference(bigint,double precision,double precision,bigint,double precision,double precision,double precision,double precision) to service_role;
