CREATE OR REPLACE FUNCTION private.check_order_customer_tenant()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if new.customer_id is not null and not exists (
    select 1 from public.customers c where c.id = new.customer_id and c.workspace_id = new.workspace_id) then
    raise exception 'orders: the customer belongs to another workspace' using errcode = '23503';
  end if;
  return new;
end $function$;
comment on function private.check_order_customer_tenant() is 'BEFORE INSERT/UPDATE on orders: customer_id must be a customer of the same workspace.';
