CREATE OR REPLACE FUNCTION private.apply_resend_event()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.apply_email_event(new.payload);
  return null;
end $function$;
comment on function private.apply_resend_event() is 'AFTER INSERT on private.webhook_events for Resend: applies the delivery event once (a redelivery with the same svix-id is never inserted again).';
