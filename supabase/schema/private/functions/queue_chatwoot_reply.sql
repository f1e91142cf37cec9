CREATE OR REPLACE FUNCTION private.queue_chatwoot_reply(p_ticket_id uuid, p_content text, p_idempotency_key text)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  t public.support_tickets;
  conn uuid;
begin
  select * into t from public.support_tickets where id = p_ticket_id;
  if not found or (private.is_end_user() and not (t.workspace_id = any (array(select private.workspace_ids('member'))))) then
    raise exception 'no ticket % in a workspace where you are a member', p_ticket_id using errcode = 'PT404';
  end if;
  if t.chatwoot_conversation_id is null then
    raise exception 'this ticket has no Chatwoot conversation to reply in' using errcode = '22023';
  end if;
  select c.id into conn from public.integration_connections c
  where c.workspace_id = t.workspace_id and c.provider = 'chatwoot' and c.status = 'active' order by c.created_at desc limit 1;
  if conn is null then
    raise exception 'Chatwoot is not connected to this workspace' using errcode = 'PT409';
  end if;
  return private.enqueue_connector_job('chatwoot', t.workspace_id, conn, 'reply:' || t.id || ':' || p_idempotency_key,
    jsonb_build_object('kind', 'reply', 'conversation_id', t.chatwoot_conversation_id, 'content', p_content));
end $function$;
comment on function private.queue_chatwoot_reply(uuid,text,text) is 'Queues a reply to the ticket''s Chatwoot conversation (once per key); PT404 when the caller is not a member of its workspace, 22023 without a conversation, PT409 without a Chatwoot connection.';
grant execute on function private.queue_chatwoot_reply(uuid,text,text) to authenticated;
grant execute on function private.queue_chatwoot_reply(uuid,text,text) to service_role;
