CREATE OR REPLACE FUNCTION private.welch_ttest(p_n_a bigint, p_mean_a double precision, p_var_a double precision, p_n_b bigint, p_mean_b double precision, p_var_b double precision, OUT t double precision, OUT df double precision, OUT p_value double precision)
 RETURNS record
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
declare
  va double precision;
  vb double precision;
begin
  if p_n_a is null or p_n_b is null or p_n_a < 2 or p_n_b < 2 or p_var_a is null or p_var_b is null then
    return;
  end if;
  va := p_var_a / p_n_a;
  vb := p_var_b / p_n_b;
  if va + vb <= 0 then
    return;
  end if;
  t := (p_mean_b - p_mean_a) / sqrt(va + vb);
  df := (va + vb) ^ 2 / (va ^ 2 / (p_n_a - 1) + vb ^ 2 / (p_n_b - 1));
  p_value := private.t_two_sided_p(t, df);
end $function$;
comment on function private.welch_ttest(bigint,double precision,double precision,bigint,double precision,double precision) is 'Welch''s t-test of b against a: t, Welch-Satterthwaite degrees of freedom and the two-sided p-value. Nulls when undefined.';
grant execute on function private.welch_ttest(bigint,double precision,double precision,bigint,double precision,double precision) to authenticated;
grant execute on function private.welch_ttest(bigint,double precision,double precision,bigint,double precision,double precision) to service_role;
