CREATE OR REPLACE FUNCTION private.currency_exponent(p_currency text)
 RETURNS integer
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
begin
  return (select c.exponent from private.currencies c where c.code = upper(p_currency));
end $function$;
comment on function private.currency_exponent(text) is 'The minor-unit exponent of an ISO 4217 currency (2 for USD, 0 for JPY, 3 for KWD); null for a code that is not one.';
grant execute on function private.currency_exponent(text) to service_role;
