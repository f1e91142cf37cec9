CREATE OR REPLACE FUNCTION private.wake_webhook_processor()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if exists (select 1 from stored where stored.status = 'pending') then
    perform private.wake_function('webhook-process');
  end if;
  return null;
end $function$;
comment on function private.wake_webhook_processor() is 'AFTER INSERT statement trigger on webhook_events: wakes webhook-process at commit when the statement stored an event to process.';
