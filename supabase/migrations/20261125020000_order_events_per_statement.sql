-- order.created / order.updated fan out once per statement, not once per order. The row trigger
-- ran an INSERT into webhook_deliveries for every order, endpoints or not, and each of those
-- statements fired dispatch_new_deliveries: 500 of each per webhook batch (8 ms of a 138 ms batch
-- of 500 orders, with no endpoint subscribed). Same events, same payloads; transition tables hold
-- exactly the rows the row trigger saw (inserted rows; updated rows, an ON CONFLICT update too).

create or replace function private.order_webhook_events() returns trigger
language plpgsql security definer set search_path = '' as $$
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
end $$;
comment on function private.order_webhook_events() is 'AFTER INSERT / AFTER UPDATE statement triggers on orders: queues order.created / order.updated for every subscribed, enabled endpoint, one INSERT per statement.';

drop trigger order_webhook_events on public.orders;
create trigger order_webhook_events_insert after insert on public.orders
  referencing new table as changed for each statement execute function private.order_webhook_events();
create trigger order_webhook_events_update after update on public.orders
  referencing new table as changed for each statement execute function private.order_webhook_events();
