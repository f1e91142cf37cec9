CREATE OR REPLACE FUNCTION private.process_shopify_event(p_event private.webhook_events)
 RETURNS public.webhook_event_status
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid := p_event.workspace_id;
  ids uuid[];
  n bigint;
  erased jsonb;
  handled public.webhook_event_status;
begin
  if ws is null then
    return 'ignored'::public.webhook_event_status;
  elsif p_event.topic in ('orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled') then
    perform public.upsert_orders(ws, jsonb_build_array(private.shopify_order(p_event.payload)));
  elsif p_event.topic = 'app/uninstalled' then
    perform set_config('growthbase.credential_reason', 'app uninstalled (Shopify webhook)', true);
    delete from private.integration_tokens t using public.integration_connections c
    where t.connection_id = c.id and c.workspace_id = ws and c.provider = 'shopify' and c.external_account_id = p_event.shop;
    update public.integration_connections set status = 'revoked', expires_at = null
    where workspace_id = ws and provider = 'shopify' and external_account_id = p_event.shop;
    update public.workspaces set shop_domain = null where id = ws and shop_domain = p_event.shop;
  elsif p_event.topic = 'customers/data_request' then
    -- Queued for the privacy worker, which builds the customer's document, stores it in
    -- data-exports and completes the request (admins download it; the shop's endpoints hear of it).
    insert into public.privacy_requests (workspace_id, kind, source, subject, details)
    values (ws, 'export', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', p_event.payload #>> '{customer,id}',
              'email_sha256', private.email_sha256(p_event.payload #>> '{customer,email}'),
              'phone_sha256', private.phone_sha256(p_event.payload #>> '{customer,phone}'))),
            jsonb_build_object('orders_requested', p_event.payload -> 'orders_requested',
                               'data_request_id', p_event.payload #>> '{data_request,id}'));
  elsif p_event.topic = 'customers/redact' then
    erased := private.erase_customer(ws, jsonb_strip_nulls(jsonb_build_object(
      'shopify_customer_id', p_event.payload #>> '{customer,id}',
      'emails', jsonb_build_array(p_event.payload #>> '{customer,email}'),
      'phones', jsonb_build_array(p_event.payload #>> '{customer,phone}'))));
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'erasure', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', p_event.payload #>> '{customer,id}',
              'email_sha256', private.email_sha256(p_event.payload #>> '{customer,email}'))), 'completed', now(),
            jsonb_build_object('customers_erased', erased #>> '{public.customers,id,delete}', 'erased', erased,
                               'orders_to_redact', p_event.payload -> 'orders_to_redact'));
  elsif p_event.topic = 'shop/redact' then
    select array_agg(c.id) into ids from public.customers c where c.workspace_id = ws;
    n := private.erase_customers(ws, ids, null);
    erased := private.erase_shop_data(ws);
    -- Raw deliveries of this shop hold customer data too; this one stays as the record.
    delete from private.webhook_events w where w.workspace_id = ws and w.provider = 'shopify' and w.id <> p_event.id;
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'erasure', 'shopify', jsonb_build_object('shop', p_event.shop), 'completed', now(),
            jsonb_build_object('customers_erased', n, 'erased', erased));
  else
    handled := private.process_shopify_catalog_event(p_event);
    return coalesce(handled, 'ignored'::public.webhook_event_status);
  end if;
  return 'processed'::public.webhook_event_status;
end $function$;
comment on function private.process_shopify_event(private.webhook_events) is 'Handles one stored Shopify event: orders, app/uninstalled, the GDPR topics (data_request queues an export for the privacy worker; customers/redact erases the customer everywhere in the workspace with private.erase_customer; shop/redact erases customers and every registered shop data table, and the shop''s raw deliveries), and the catalog, inventory, customer and bulk operation topics (private.process_shopify_catalog_event). Returns processed or ignored, raises when it fails.';
