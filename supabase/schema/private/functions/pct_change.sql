CREATE OR REPLACE FUNCTION private.pct_change(p_from numeric, p_to numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case when p_from > 0 then round(abs(p_to - p_from) * 100 / p_from, 2) end
$function$;
comment on function private.pct_change(numeric,numeric) is 'How far p_to is from p_from, in percent of p_from (null when p_from is 0 or null).';
