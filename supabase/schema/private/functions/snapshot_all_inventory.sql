CREATE OR REPLACE FUNCTION private.snapshot_all_inventory()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid;
  n integer := 0;
begin
  for ws in select distinct l.workspace_id from public.inventory_levels l loop
    n := n + private.snapshot_inventory(ws, current_date);
  end loop;
  return n;
end $function$;
comment on function private.snapshot_all_inventory() is 'pg_cron (inventory-snapshots, daily 05:15 UTC, before inventory-reorder-points): today''s snapshot of every workspace with Shopify inventory levels.';
