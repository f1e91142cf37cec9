CREATE OR REPLACE FUNCTION public.recompute_reorder_points(p_workspace_id uuid, p_as_of date DEFAULT CURRENT_DATE)
 RETURNS SETOF public.reorder_point_row
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_workspace_id is null or p_as_of is null then
    raise exception 'workspace and as_of are required' using errcode = '22023';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  perform private.compute_reorder_points(p_workspace_id, p_as_of);
  return query select (row(q.*)::public.reorder_point_row).* from (select r.product_id, p.sku, p.title, r.on_hand, r.reorder_point, r.weeks_of_supply
  from public.reorder_points r join public.products p on p.id = r.product_id
  where r.workspace_id = p_workspace_id and r.below_reorder_point
  order by r.weeks_of_supply nulls first, p.sku) q;
end $function$;
comment on function public.recompute_reorder_points(uuid,date) is 'Members: recompute the workspace''s reorder points as of a day and list the SKUs below their reorder point.';
grant execute on function public.recompute_reorder_points(uuid,date) to authenticated;
grant execute on function public.recompute_reorder_points(uuid,date) to service_role;
