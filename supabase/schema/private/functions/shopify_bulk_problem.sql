CREATE OR REPLACE FUNCTION private.shopify_bulk_problem(p_phase text, p_object jsonb)
 RETURNS text
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO ''
AS $function$
declare
  node jsonb := p_object -> 'node';
  c jsonb;
  top_type text := case p_phase when 'products' then 'Product' when 'customers' then 'Customer' else 'Order' end;
begin
  if jsonb_typeof(node) is distinct from 'object' then
    return 'not a JSON object';
  elsif node ? '__parentId' then
    return 'a child line without its parent before it (out of order)';
  elsif private.shopify_gid_id(node ->> 'id', top_type) is null then
    return format('not a %s: id %s', top_type, coalesce(left(node ->> 'id', 80), 'missing'));
  end if;
  for c in select x from jsonb_array_elements(coalesce(p_object -> 'children', '[]')) x loop
    if private.shopify_gid_id(c #>> '{node,id}', case p_phase when 'orders' then 'LineItem' else 'ProductVariant' end) is null
       and not (p_phase = 'products' and c #>> '{node,id}' like 'gid://shopify/InventoryLevel/%') then
      return format('line %s: not a child of a %s: id %s', c ->> 'line', top_type, coalesce(left(c #>> '{node,id}', 80), 'missing'));
    end if;
  end loop;
  if p_phase = 'orders' and (node ->> 'updatedAt') is null then
    return 'an order without updatedAt';
  end if;
  return null;
end $function$;
comment on function private.shopify_bulk_problem(text,jsonb) is 'Why a grouped bulk result object cannot be applied in its phase (not an object, a child line without its parent, an id of another kind, a child of another kind), or null.';
