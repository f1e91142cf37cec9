CREATE OR REPLACE FUNCTION private.dispatch_new_deliveries()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if exists (select 1 from queued) then
    perform private.wake_function('webhook-dispatch');
  end if;
  return null;
end $function$;
comment on function private.dispatch_new_deliveries() is 'AFTER INSERT statement trigger on webhook_deliveries: wakes the dispatcher at commit when the statement queued any delivery.';
