CREATE OR REPLACE FUNCTION private.shopify_money_cents(p_set jsonb)
 RETURNS bigint
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case when p_set #>> '{shopMoney,amount}' ~ '^-?\d+(\.\d+)?$'
              then round((p_set #>> '{shopMoney,amount}')::numeric * 100)::bigint end
$function$;
comment on function private.shopify_money_cents(jsonb) is 'Cents of a GraphQL MoneyBag''s shop money ({shopMoney: {amount: "12.50"}} -> 1250); null when absent or not a number.';
grant execute on function private.shopify_money_cents(jsonb) to service_role;
