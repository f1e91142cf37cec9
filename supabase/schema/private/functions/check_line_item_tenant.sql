CREATE OR REPLACE FUNCTION private.check_line_item_tenant()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not exists (select 1 from public.orders o where o.id = new.order_id and o.workspace_id = new.workspace_id) then
    raise exception 'order_line_items: the order belongs to another workspace' using errcode = '23503';
  end if;
  if new.product_id is not null and not exists (
    select 1 from public.products p where p.id = new.product_id and p.workspace_id = new.workspace_id) then
    raise exception 'order_line_items: the product belongs to another workspace' using errcode = '23503';
  end if;
  return new;
end $function$;
comment on function private.check_line_item_tenant() is 'BEFORE INSERT/UPDATE on order_line_items: order and product must be in the row''s workspace.';
