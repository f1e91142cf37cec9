CREATE OR REPLACE FUNCTION private.process_shopify_catalog_event(p_event private.webhook_events)
 RETURNS public.webhook_event_status
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid := p_event.workspace_id;
  p jsonb := p_event.payload;
  amount constant text := '^\d+(\.\d+)?$';
  n integer;
begin
  case p_event.topic
  when 'products/create', 'products/update' then
    perform private.upsert_shopify_variants(ws, coalesce((
      select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
        'shopify_product_id', p ->> 'id', 'shopify_variant_id', v ->> 'id',
        'shopify_inventory_item_id', v ->> 'inventory_item_id', 'sku', v ->> 'sku', 'title', p ->> 'title',
        'variant_title', nullif(v ->> 'title', 'Default Title'),
        'price_cents', case when v ->> 'price' ~ amount then round((v ->> 'price')::numeric * 100) end,
        'status', lower(p ->> 'status'),
        'source_updated_at', greatest((p ->> 'updated_at')::timestamptz, (v ->> 'updated_at')::timestamptz))))
      from jsonb_array_elements(coalesce(p -> 'variants', '[]')) v
      where nullif(v ->> 'id', '') is not null and p ->> 'id' ~ '^\d+$'), '[]'));
  when 'products/delete' then
    update public.products set status = 'archived'
    where workspace_id = ws and shopify_product_id = p ->> 'id' and status <> 'archived';
  when 'inventory_items/create', 'inventory_items/update' then
    update public.products set cost_cents = case when p ->> 'cost' ~ amount then round((p ->> 'cost')::numeric * 100)::bigint end,
      sku = coalesce(case when not exists (select 1 from public.products o where o.workspace_id = ws and o.sku = nullif(p ->> 'sku', '')
                                                  and o.shopify_inventory_item_id is distinct from p ->> 'id')
                          then nullif(p ->> 'sku', '') end, sku)
    where workspace_id = ws and shopify_inventory_item_id = p ->> 'id';
  when 'inventory_items/delete' then
    delete from public.inventory_levels where workspace_id = ws and shopify_inventory_item_id = p ->> 'id';
  when 'inventory_levels/update', 'inventory_levels/connect' then
    if not (p ->> 'inventory_item_id' ~ '^\d+$' and p ->> 'location_id' ~ '^\d+$' and p ->> 'available' ~ '^-?\d+$') then
      raise exception 'inventory level without inventory_item_id, location_id or available' using errcode = '22023';
    end if;
    perform private.upsert_inventory_levels(ws, jsonb_build_array(jsonb_build_object(
      'shopify_inventory_item_id', p ->> 'inventory_item_id', 'shopify_location_id', p ->> 'location_id',
      'available', p ->> 'available', 'source_updated_at', p ->> 'updated_at')));
  when 'inventory_levels/disconnect' then
    delete from public.inventory_levels
    where workspace_id = ws and shopify_inventory_item_id = p ->> 'inventory_item_id' and shopify_location_id = p ->> 'location_id';
  when 'customers/create', 'customers/update', 'customers/enable', 'customers/disable' then
    if not (p ->> 'id' ~ '^\d+$') then
      raise exception 'a customer without an id' using errcode = '22023';
    end if;
    perform private.upsert_shopify_customers(ws, jsonb_build_array(jsonb_build_object(
      'shopify_customer_id', p ->> 'id', 'email', p ->> 'email', 'phone', p ->> 'phone',
      'accepts_marketing', coalesce(p #>> '{email_marketing_consent,state}' = 'subscribed', (p ->> 'accepts_marketing')::boolean, false),
      'currency', p ->> 'currency', 'source_updated_at', p ->> 'updated_at')));
  when 'customers/delete' then
    -- the shop's order history keeps the customer row; the consent and contact go
    delete from private.customer_contacts k using public.customers c
    where c.workspace_id = ws and c.shopify_customer_id = p ->> 'id' and k.workspace_id = ws and k.customer_id = c.id;
    update public.customers set accepts_marketing = false where workspace_id = ws and shopify_customer_id = p ->> 'id' and accepts_marketing;
  when 'bulk_operations/finish' then
    -- wakes the run waiting for this operation of this shop; any other operation is not ours
    update private.connector_jobs j set next_attempt_at = now()
    where j.queue = 'shopify_sync' and j.workspace_id = ws and j.status = 'queued'
      and j.progress ->> 'op_id' = p ->> 'admin_graphql_api_id'
      and j.connection_id in (select c.id from public.integration_connections c
                              where c.workspace_id = ws and c.provider = 'shopify' and c.external_account_id = p_event.shop);
    get diagnostics n = row_count;
    if n = 0 then
      return 'ignored'::public.webhook_event_status;
    end if;
    perform private.wake_function('shopify-sync');
  else
    return null;
  end case;
  return 'processed'::public.webhook_event_status;
end $function$;
comment on function private.process_shopify_catalog_event(private.webhook_events) is 'Shopify catalog, inventory and customer topics (products/*, inventory_items/*, inventory_levels/*, customers/* but the GDPR ones) with the backfill''s upserts, newest version wins; bulk_operations/finish wakes the run waiting for that operation of that shop (ignored otherwise). Null for a topic it does not handle.';
