CREATE OR REPLACE FUNCTION private.order_problem(p_order jsonb)
 RETURNS text
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  k text;
  li jsonb;
  n integer := 0;
begin
  if jsonb_typeof(p_order) is distinct from 'object' then
    return 'row: must be an object';
  end if;
  if coalesce(jsonb_typeof(p_order -> 'shopify_order_id'), '') not in ('string', 'number') or btrim(p_order ->> 'shopify_order_id') = '' then
    return 'shopify_order_id: is required';
  end if;
  if coalesce(p_order ->> 'currency', '') !~ '^[A-Z]{3}$' then
    return 'currency: must be a three-letter ISO code';
  end if;
  if p_order -> 'total_price_cents' is null or p_order -> 'total_price_cents' = 'null'::jsonb then
    return 'total_price_cents: is required';
  end if;
  foreach k in array array['subtotal_cents', 'total_discounts_cents', 'total_tax_cents', 'total_shipping_cents',
                           'total_price_cents', 'total_refunded_cents'] loop
    if p_order -> k is not null and p_order -> k <> 'null'::jsonb and not private.is_whole_number(p_order -> k) then
      return k || ': must be a non-negative whole number of cents';
    end if;
  end loop;
  if p_order ->> 'processed_at' is null then
    return 'processed_at: is required';
  end if;
  foreach k in array array['processed_at', 'cancelled_at', 'source_updated_at'] loop
    if p_order ->> k is not null and not private.is_timestamptz(p_order ->> k) then
      return k || ': is not a timestamp';
    end if;
  end loop;
  if p_order ->> 'financial_status' is not null
     and not (p_order ->> 'financial_status' = any (enum_range(null::public.order_financial_status)::text[])) then
    return 'financial_status: is not one of ' || array_to_string(enum_range(null::public.order_financial_status)::text[], ', ');
  end if;
  if p_order ->> 'fulfillment_status' is not null
     and not (p_order ->> 'fulfillment_status' = any (enum_range(null::public.order_fulfillment_status)::text[])) then
    return 'fulfillment_status: is not one of ' || array_to_string(enum_range(null::public.order_fulfillment_status)::text[], ', ');
  end if;
  if p_order -> 'line_items' is not null and jsonb_typeof(p_order -> 'line_items') <> 'array' then
    return 'line_items: must be an array';
  end if;
  for li in select value from jsonb_array_elements(coalesce(p_order -> 'line_items', '[]')) loop
    if not private.is_whole_number(li -> 'quantity', 1) then
      return format('line_items[%s].quantity: must be a whole number >= 1', n);
    end if;
    if li -> 'price_cents' is not null and not private.is_whole_number(li -> 'price_cents') then
      return format('line_items[%s].price_cents: must be a non-negative whole number of cents', n);
    end if;
    n := n + 1;
  end loop;
  return null;
end $function$;
comment on function private.order_problem(jsonb) is 'Validates one element of upsert_orders'' batch; returns ''field: reason'' or null.';
grant execute on function private.order_problem(jsonb) to authenticated;
grant execute on function private.order_problem(jsonb) to service_role;
