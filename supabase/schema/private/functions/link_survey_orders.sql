CREATE OR REPLACE FUNCTION private.link_survey_orders()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.survey_responses r set order_id = o.id
  from inserted o
  where r.workspace_id = o.workspace_id and r.shopify_order_id = o.shopify_order_id and r.order_id is null;
  return null;
end $function$;
comment on function private.link_survey_orders() is 'AFTER INSERT on orders (per statement): survey responses that name the new orders by Shopify order id, imported before the orders arrived, are linked to them.';
