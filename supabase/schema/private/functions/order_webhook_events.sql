CREATE OR REPLACE FUNCTION private.order_webhook_events()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ev text := case when tg_op = 'INSERT' then 'order.created' else 'order.updated' end;
begin
  insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload)
  select n.workspace_id, e.id, ev,
         jsonb_build_object('type', ev, 'timestamp', now(), 'data',
           jsonb_build_object('id', n.id, 'shopify_order_id', n.shopify_order_id, 'order_number', n.order_number,
             'currency', n.currency, 'total_price_cents', n.total_price_cents, 'financial_status', n.financial_status,
             'processed_at', n.processed_at))
  from changed n
  join public.webhook_endpoints e on e.workspace_id = n.workspace_id and e.enabled and ev = any (e.events);
  return null;
end $function$;
comment on function private.order_webhook_events() is 'AFTER INSERT / AFTER UPDATE statement triggers on orders: queues order.created / order.updated for every subscribed, enabled endpoint, one INSERT per statement.';
