CREATE OR REPLACE FUNCTION private.shopify_gql_order(p_node jsonb, p_items jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
declare
  -- the helpers' rules written out: a bulk backfill maps every order, and each helper call
  -- (with its own search_path) cost more than the mapping itself
  gid constant text := '^gid://shopify/[A-Za-z]+/([0-9]{1,30})(\?.*)?$';
  amount constant text := '^-?\d+(\.\d+)?$';
  visitor text;
  items jsonb;
begin
  if jsonb_typeof(p_node -> 'customAttributes') = 'array' then
    select a ->> 'value' into visitor from jsonb_array_elements(p_node -> 'customAttributes') a
    where a ->> 'key' in ('_visitor_id', 'visitor_id') and private.is_visitor_id(a ->> 'value')
    order by a ->> 'key' limit 1;
  end if;
  select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
           'shopify_product_id', substring(li #>> '{product,id}' from gid),
           'shopify_variant_id', substring(li #>> '{variant,id}' from gid),
           'sku', nullif(li ->> 'sku', ''), 'title', li ->> 'title', 'quantity', (li ->> 'quantity')::numeric,
           'price_cents', case when li #>> '{originalUnitPriceSet,shopMoney,amount}' ~ amount
                               then round((li #>> '{originalUnitPriceSet,shopMoney,amount}')::numeric * 100)::bigint end)) order by n)
  into items from jsonb_array_elements(coalesce(p_items, '[]')) with ordinality x (li, n);
  return jsonb_strip_nulls(jsonb_build_object(
    'shopify_order_id', substring(p_node ->> 'id' from '^gid://shopify/Order/([0-9]{1,30})$'),
    'order_number', p_node ->> 'name',
    'email', p_node ->> 'email',
    'phone', p_node ->> 'phone',
    'shopify_customer_id', substring(p_node #>> '{customer,id}' from '^gid://shopify/Customer/([0-9]{1,30})$'),
    'currency', p_node ->> 'currencyCode',
    'subtotal_cents', case when p_node #>> '{subtotalPriceSet,shopMoney,amount}' ~ amount
                           then round((p_node #>> '{subtotalPriceSet,shopMoney,amount}')::numeric * 100)::bigint end,
    'total_discounts_cents', case when p_node #>> '{totalDiscountsSet,shopMoney,amount}' ~ amount
                                  then round((p_node #>> '{totalDiscountsSet,shopMoney,amount}')::numeric * 100)::bigint end,
    'total_tax_cents', case when p_node #>> '{totalTaxSet,shopMoney,amount}' ~ amount
                            then round((p_node #>> '{totalTaxSet,shopMoney,amount}')::numeric * 100)::bigint end,
    'total_shipping_cents', case when p_node #>> '{totalShippingPriceSet,shopMoney,amount}' ~ amount
                                 then round((p_node #>> '{totalShippingPriceSet,shopMoney,amount}')::numeric * 100)::bigint end,
    'total_price_cents', case when p_node #>> '{totalPriceSet,shopMoney,amount}' ~ amount
                              then round((p_node #>> '{totalPriceSet,shopMoney,amount}')::numeric * 100)::bigint end,
    'total_refunded_cents', case when p_node #>> '{totalRefundedSet,shopMoney,amount}' ~ amount
                                 then round((p_node #>> '{totalRefundedSet,shopMoney,amount}')::numeric * 100)::bigint end,
    'financial_status', case lower(p_node ->> 'displayFinancialStatus') when 'expired' then 'voided'
                          else lower(p_node ->> 'displayFinancialStatus') end,
    'fulfillment_status', case p_node ->> 'displayFulfillmentStatus'
                            when 'FULFILLED' then 'fulfilled' when 'PARTIALLY_FULFILLED' then 'partial'
                            when 'RESTOCKED' then 'restocked' else 'unfulfilled' end,
    'landing_site', p_node #>> '{customerJourneySummary,firstVisit,landingPage}',
    'referring_site', p_node #>> '{customerJourneySummary,firstVisit,referrerUrl}',
    'source_name', p_node ->> 'sourceName',
    'processed_at', coalesce(p_node ->> 'processedAt', p_node ->> 'createdAt'),
    'cancelled_at', p_node ->> 'cancelledAt',
    'source_updated_at', p_node ->> 'updatedAt',
    'visitor_id', visitor,
    'line_items', coalesce(items, '[]'::jsonb)));
end $function$;
comment on function private.shopify_gql_order(jsonb,jsonb) is 'Maps a GraphQL Order (a bulk result line) and its LineItem lines to the shape public.upsert_orders takes, with the keys the webhook path uses (numeric Shopify ids), so an order both bring is one order.';
grant execute on function private.shopify_gql_order(jsonb,jsonb) to service_role;
