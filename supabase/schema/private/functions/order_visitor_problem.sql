CREATE OR REPLACE FUNCTION private.order_visitor_problem(p_order jsonb)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case when p_order -> 'visitor_id' is not null and p_order -> 'visitor_id' <> 'null'::jsonb
                   and (jsonb_typeof(p_order -> 'visitor_id') <> 'string' or not private.is_visitor_id(p_order ->> 'visitor_id'))
              then 'visitor_id: must be 1-128 letters, digits or . _ : - (a storefront visitor id)' end
$function$;
comment on function private.order_visitor_problem(jsonb) is 'Validates the visitor_id of one upsert_orders element (next to private.order_problem); returns ''visitor_id: reason'' or null.';
grant execute on function private.order_visitor_problem(jsonb) to authenticated;
grant execute on function private.order_visitor_problem(jsonb) to service_role;
