CREATE OR REPLACE FUNCTION public.dashboard_tiles(p_workspace_id uuid, p_today date DEFAULT CURRENT_DATE)
 RETURNS public.dashboard_tiles_row
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select * from private.dashboard_tiles(p_workspace_id, p_today)
$function$;
comment on function public.dashboard_tiles(uuid,date) is 'The overview tiles in one call: revenue (30 days before p_today vs the 30 before, main currency, orders, AOV), inventory (reorder points), ads ROAS (public.ads_roas_tile), pending approvals, open errors and alerts. Viewers and up. Answers one row (a JSON object).';
grant execute on function public.dashboard_tiles(uuid,date) to authenticated;
grant execute on function public.dashboard_tiles(uuid,date) to service_role;
