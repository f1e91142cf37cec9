CREATE OR REPLACE FUNCTION private.shopify_gql_order(p_node jsonb, p_items jsonb)
 RETURNS jsonb
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select jsonb_strip_nulls(jsonb_build_object(
    'shopify_order_id', private.shopify_gid_id(p_node ->> 'id', 'Order'),
    'order_number', p_node ->> 'name',
    'email', p_node ->> 'email',
    'phone', p_node ->> 'phone',
    'shopify_customer_id', private.shopify_gid_id(p_node #>> '{customer,id}', 'Customer'),
    'currency', p_node ->> 'currencyCode',
    'subtotal_cents', private.shopify_money_cents(p_node -> 'subtotalPriceSet'),
    'total_discounts_cents', private.shopify_money_cents(p_node -> 'totalDiscountsSet'),
    'total_tax_cents', private.shopify_money_cents(p_node -> 'totalTaxSet'),
    'total_shipping_cents', private.shopify_money_cents(p_node -> 'totalShippingPriceSet'),
    'total_price_cents', private.shopify_money_cents(p_node -> 'totalPriceSet'),
    'total_refunded_cents', private.shopify_money_cents(p_node -> 'totalRefundedSet'),
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
    -- the storefront visitor from the cart attribute, as the webhook path reads note_attributes
    'visitor_id', (select a ->> 'value'
                   from jsonb_array_elements(case when jsonb_typeof(p_node -> 'customAttributes') = 'array'
                                                  then p_node -> 'customAttributes' else '[]' end) a
                   where a ->> 'key' in ('_visitor_id', 'visitor_id') and private.is_visitor_id(a ->> 'value')
                   order by a ->> 'key' limit 1),
    'line_items', coalesce((select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                     'shopify_product_id', private.shopify_gid_id(li #>> '{product,id}', 'Product'),
                     'shopify_variant_id', private.shopify_gid_id(li #>> '{variant,id}', 'ProductVariant'),
                     'sku', nullif(li ->> 'sku', ''), 'title', li ->> 'title', 'quantity', (li ->> 'quantity')::numeric,
                     'price_cents', private.shopify_money_cents(li -> 'originalUnitPriceSet'))) order by n)
                   from jsonb_array_elements(coalesce(p_items, '[]')) with ordinality x (li, n)), '[]'::jsonb)))
$function$;
comment on function private.shopify_gql_order(jsonb,jsonb) is 'Maps a GraphQL Order (a bulk result line) and its LineItem lines to the shape public.upsert_orders takes, with the keys the webhook path uses (numeric Shopify ids), so an order both bring is one order.';
grant execute on function private.shopify_gql_order(jsonb,jsonb) to service_role;
