CREATE OR REPLACE FUNCTION private.process_chatwoot_ticket_event()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  target public.support_ticket_status;
begin
  target := case new.payload ->> 'status'
              when 'open' then 'open' when 'pending' then 'waiting_on_customer'
              when 'snoozed' then 'waiting_on_customer' when 'resolved' then 'resolved' end;
  if target is null or new.workspace_id is null or new.payload ->> 'id' is null then
    return null;
  end if;
  perform set_config('growthbase.chatwoot_inbound', 'on', true);
  begin
    update public.support_tickets set status = target
    where workspace_id = new.workspace_id and chatwoot_conversation_id = new.payload ->> 'id'
      and status not in ('closed', target);
  exception when sqlstate 'PT409' then
    null;  -- a transition the workflow forbids (e.g. resolved -> waiting): the ticket stays as it is
  end;
  return null;
end $function$;
comment on function private.process_chatwoot_ticket_event() is 'AFTER INSERT on private.webhook_events for Chatwoot conversation_status_changed: moves the linked ticket (open, pending/snoozed -> waiting on customer, resolved) where the workflow allows.';
