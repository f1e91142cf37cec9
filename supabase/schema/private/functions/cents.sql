CREATE OR REPLACE FUNCTION private.cents(p_amount text)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case when p_amount ~ '^-?\d+(\.\d+)?$' then round(p_amount::numeric * 100)::bigint end
$function$;
comment on function private.cents(text) is 'A decimal amount as Shopify sends it ("12.34") in cents; null when not a number.';
grant execute on function private.cents(text) to service_role;
