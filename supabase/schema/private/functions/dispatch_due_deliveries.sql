CREATE OR REPLACE FUNCTION private.dispatch_due_deliveries()
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if exists (select 1 from public.webhook_deliveries d
             join public.webhook_endpoints e on e.id = d.endpoint_id and e.enabled
             where d.status = 'pending' and d.next_attempt_at <= now()) then
    return private.invoke_function('webhook-dispatch');
  end if;
  return null;
end $function$;
comment on function private.dispatch_due_deliveries() is 'pg_cron, every minute: calls webhook-dispatch through pg_net when a delivery is due (retries, missed wake-ups); otherwise nothing.';
