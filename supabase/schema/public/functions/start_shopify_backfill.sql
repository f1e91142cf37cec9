CREATE OR REPLACE FUNCTION public.start_shopify_backfill(p_connection_id uuid)
 RETURNS public.shopify_sync_runs
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_connection_id is null then
    raise exception 'p_connection_id is required' using errcode = '22023';
  end if;
  return private.start_shopify_backfill(p_connection_id, 'manual', (select auth.uid()));
end $function$;
comment on function public.start_shopify_backfill(uuid) is 'Admins: backfill a Shopify connection now (products, variants, inventory levels, customers, orders through bulk operations). Returns the run (an existing queued or running run of the connection is returned instead of a second). PT404 unknown connection, 42501 not an admin, PT409 the connection is not active.';
grant execute on function public.start_shopify_backfill(uuid) to authenticated;
grant execute on function public.start_shopify_backfill(uuid) to service_role;
