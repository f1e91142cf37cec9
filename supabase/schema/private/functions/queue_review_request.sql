CREATE OR REPLACE FUNCTION private.queue_review_request()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s public.review_settings;
  fulfilled_at timestamptz := least(coalesce(new.source_updated_at, now()), now());
begin
  if new.cancelled_at is not null or new.financial_status in ('refunded', 'voided') then
    update public.review_requests set status = 'cancelled',
      cancel_reason = case when new.cancelled_at is not null then 'the order was cancelled' else 'the order was refunded' end
    where order_id = new.id and status in ('queued', 'due');
    return null;
  end if;
  if new.fulfillment_status <> 'fulfilled' or new.email_sha256 is null
     or new.processed_at < now() - interval '90 days' or fulfilled_at < now() - interval '30 days' then
    return null;
  end if;
  s := private.review_settings_for(new.workspace_id);
  if not s.requests_enabled then
    return null;
  end if;
  insert into public.review_requests (workspace_id, order_id, trigger_event, send_after)
  values (new.workspace_id, new.id, 'order_fulfilled',
          greatest(now(), fulfilled_at + make_interval(days => s.request_delay_days)))
  on conflict (order_id) do nothing;
  return null;
end $function$;
comment on function private.queue_review_request() is 'AFTER INSERT/UPDATE on orders: queues the review request of a newly fulfilled order (once) or cancels an unsent one when the order is cancelled or refunded.';
