CREATE OR REPLACE FUNCTION private.send_ticket_status_to_chatwoot()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  conn uuid;
begin
  if current_setting('growthbase.chatwoot_inbound', true) = 'on'
     or private.chatwoot_status(new.status) = private.chatwoot_status(old.status) then
    return null;
  end if;
  select c.id into conn from public.integration_connections c
  where c.workspace_id = new.workspace_id and c.provider = 'chatwoot' and c.status = 'active' order by c.created_at desc limit 1;
  if conn is not null then
    perform private.enqueue_connector_job('chatwoot', new.workspace_id, conn,
      'status:' || new.id || ':' || extract(epoch from clock_timestamp())::text,
      jsonb_build_object('kind', 'status', 'conversation_id', new.chatwoot_conversation_id, 'status', private.chatwoot_status(new.status)));
  end if;
  return null;
end $function$;
comment on function private.send_ticket_status_to_chatwoot() is 'AFTER UPDATE OF status on support_tickets linked to Chatwoot: queues the conversation''s new status, unless the change came from Chatwoot (no loop) or means the same Chatwoot status.';
