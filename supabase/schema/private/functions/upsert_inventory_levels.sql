CREATE OR REPLACE FUNCTION private.upsert_inventory_levels(p_workspace_id uuid, p_levels jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  insert into public.inventory_levels as l (workspace_id, product_id, shopify_inventory_item_id, shopify_location_id, location_name,
                                            available, on_hand, source_updated_at)
  select distinct on (s.v ->> 'shopify_inventory_item_id', s.v ->> 'shopify_location_id')
         p_workspace_id,
         (select p.id from public.products p
          where p.workspace_id = p_workspace_id and p.shopify_inventory_item_id = s.v ->> 'shopify_inventory_item_id'),
         s.v ->> 'shopify_inventory_item_id', s.v ->> 'shopify_location_id', left(s.v ->> 'location_name', 255),
         (s.v ->> 'available')::integer, (s.v ->> 'on_hand')::integer, (s.v ->> 'source_updated_at')::timestamptz
  from jsonb_array_elements(p_levels) with ordinality s (v, i)
  order by s.v ->> 'shopify_inventory_item_id', s.v ->> 'shopify_location_id', s.i desc
  on conflict (workspace_id, shopify_inventory_item_id, shopify_location_id) do update set
    product_id = coalesce(excluded.product_id, l.product_id),
    location_name = coalesce(excluded.location_name, l.location_name),
    -- a version that brings only `available` (inventory_levels/update) moves on_hand by as much
    available = excluded.available, on_hand = coalesce(excluded.on_hand, l.on_hand + (excluded.available - l.available)),
    source_updated_at = excluded.source_updated_at
  where (l.source_updated_at is null or excluded.source_updated_at is null or excluded.source_updated_at >= l.source_updated_at)
    and (l.product_id, l.location_name, l.available, l.on_hand, l.source_updated_at)
        is distinct from (coalesce(excluded.product_id, l.product_id), coalesce(excluded.location_name, l.location_name),
                          excluded.available, coalesce(excluded.on_hand, l.on_hand + (excluded.available - l.available)),
                          excluded.source_updated_at);
  return jsonb_array_length(p_levels);
end $function$;
comment on function private.upsert_inventory_levels(uuid,jsonb) is 'Upserts inventory levels by (inventory item, location), newest version wins; links the variant when known; a version with only the available quantity (inventory_levels/update) moves on_hand by the same change. Returns how many levels were given.';
