CREATE OR REPLACE FUNCTION private.compute_all_reorder_points()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid;
  n integer := 0;
begin
  for ws in select distinct p.workspace_id from public.products p loop
    perform private.compute_reorder_points(ws);
    n := n + 1;
  end loop;
  return n;
end $function$;
comment on function private.compute_all_reorder_points() is 'Daily pg_cron job (inventory-reorder-points): recompute every workspace that has products.';
grant execute on function private.compute_all_reorder_points() to service_role;
