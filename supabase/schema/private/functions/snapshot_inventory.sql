CREATE OR REPLACE FUNCTION private.snapshot_inventory(p_workspace_id uuid, p_day date DEFAULT CURRENT_DATE)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  insert into public.inventory_snapshots as s (workspace_id, product_id, location, day, on_hand, available)
  select l.workspace_id, l.product_id, l.shopify_location_id, p_day, coalesce(l.on_hand, l.available), l.available
  from public.inventory_levels l
  where l.workspace_id = p_workspace_id and l.product_id is not null
  on conflict (workspace_id, product_id, location, day) do update set on_hand = excluded.on_hand, available = excluded.available
  where (s.on_hand, s.available) is distinct from (excluded.on_hand, excluded.available);
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.snapshot_inventory(uuid,date) is 'Copies a workspace''s current Shopify inventory levels into inventory_snapshots for a day (one row per variant and Shopify location id; on_hand, else available), so reorder points use real stock. Returns rows written.';
grant execute on function private.snapshot_inventory(uuid,date) to service_role;
