CREATE OR REPLACE FUNCTION private.shopify_order(p_payload jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
declare
  amount constant text := '^-?\d+(\.\d+)?$';
  refunded bigint;
  visitor text;
  items jsonb;
begin
  if jsonb_typeof(p_payload -> 'refunds') = 'array' then
    select sum(round((t ->> 'amount')::numeric * 100))::bigint into refunded
    from jsonb_array_elements(p_payload -> 'refunds') r, jsonb_array_elements(coalesce(r -> 'transactions', '[]')) t
    where t ->> 'kind' = 'refund' and t ->> 'status' = 'success' and t ->> 'amount' ~ amount;
  end if;
  if jsonb_typeof(p_payload -> 'note_attributes') = 'array' then
    select a ->> 'value' into visitor from jsonb_array_elements(p_payload -> 'note_attributes') a
    where a ->> 'name' in ('_visitor_id', 'visitor_id') and private.is_visitor_id(a ->> 'value')
    order by a ->> 'name' limit 1;
  end if;
  if jsonb_typeof(p_payload -> 'line_items') = 'array' then
    select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
             'shopify_product_id', li ->> 'product_id', 'shopify_variant_id', li ->> 'variant_id',
             'sku', nullif(li ->> 'sku', ''), 'title', li ->> 'title', 'quantity', (li ->> 'quantity')::numeric,
             'price_cents', case when li ->> 'price' ~ amount then round((li ->> 'price')::numeric * 100)::bigint end)))
    into items from jsonb_array_elements(p_payload -> 'line_items') li;
  end if;
  return jsonb_strip_nulls(jsonb_build_object(
    'shopify_order_id', p_payload ->> 'id',
    'order_number', p_payload ->> 'name',
    'email', coalesce(p_payload ->> 'email', p_payload ->> 'contact_email'),
    'phone', p_payload ->> 'phone',
    'shopify_customer_id', p_payload #>> '{customer,id}',
    'currency', p_payload ->> 'currency',
    'subtotal_cents', case when p_payload ->> 'subtotal_price' ~ amount then round((p_payload ->> 'subtotal_price')::numeric * 100)::bigint end,
    'total_discounts_cents', case when p_payload ->> 'total_discounts' ~ amount then round((p_payload ->> 'total_discounts')::numeric * 100)::bigint end,
    'total_tax_cents', case when p_payload ->> 'total_tax' ~ amount then round((p_payload ->> 'total_tax')::numeric * 100)::bigint end,
    'total_shipping_cents', case when p_payload #>> '{total_shipping_price_set,shop_money,amount}' ~ amount
                                 then round((p_payload #>> '{total_shipping_price_set,shop_money,amount}')::numeric * 100)::bigint end,
    'total_price_cents', case when p_payload ->> 'total_price' ~ amount then round((p_payload ->> 'total_price')::numeric * 100)::bigint end,
    'total_refunded_cents', refunded,
    'financial_status', p_payload ->> 'financial_status',
    'fulfillment_status', case p_payload ->> 'fulfillment_status' when 'partial' then 'partial' when 'fulfilled' then 'fulfilled'
                            when 'restocked' then 'restocked' else 'unfulfilled' end,
    'landing_site', p_payload ->> 'landing_site',
    'referring_site', p_payload ->> 'referring_site',
    'source_name', p_payload ->> 'source_name',
    'processed_at', coalesce(p_payload ->> 'processed_at', p_payload ->> 'created_at'),
    'cancelled_at', p_payload ->> 'cancelled_at',
    'source_updated_at', p_payload ->> 'updated_at',
    'visitor_id', visitor,
    'line_items', items));
end $function$;
comment on function private.shopify_order(jsonb) is 'Maps a Shopify order payload to the shape public.upsert_orders takes; the visitor id comes from the cart attribute _visitor_id (or visitor_id) in note_attributes.';
grant execute on function private.shopify_order(jsonb) to service_role;
