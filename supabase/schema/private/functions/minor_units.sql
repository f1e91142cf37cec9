CREATE OR REPLACE FUNCTION private.minor_units(p_amount jsonb, p_unit text, p_exponent integer)
 RETURNS bigint
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
begin
  if p_exponent is null or private.amount_problem(p_amount, p_unit) is not null or p_amount is null or p_amount = 'null'::jsonb then
    return null;
  end if;
  return case p_unit
    when 'major' then round((p_amount #>> '{}')::numeric * power(10::numeric, p_exponent))
    when 'minor' then round((p_amount #>> '{}')::numeric)
    when 'micros' then round((p_amount #>> '{}')::numeric / power(10::numeric, 6 - p_exponent))
  end::bigint;
end $function$;
comment on function private.minor_units(jsonb,text,integer) is 'Converts a provider amount to integer minor units of a currency with exponent p_exponent (private.currency_exponent) with numeric arithmetic: major ("12.345" at 2 -> 1235, half away from zero), minor ("5000" -> 5000), micros ("12340000" at 2 -> 1234). Null when absent or not a valid amount.';
grant execute on function private.minor_units(jsonb,text,integer) to service_role;
