CREATE OR REPLACE FUNCTION private.process_due_webhook_events()
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if exists (select 1 from private.webhook_events w
             where w.status in ('pending', 'failed') and w.next_attempt_at <= now()) then
    return private.invoke_function('webhook-process');
  end if;
  return null;
end $function$;
comment on function private.process_due_webhook_events() is 'pg_cron, every minute: calls webhook-process through pg_net when an event is due (retries, missed wake-ups).';
