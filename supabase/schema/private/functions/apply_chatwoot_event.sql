CREATE OR REPLACE FUNCTION private.apply_chatwoot_event()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  p jsonb := new.payload;
  conv jsonb;
  conv_id text;
  sender jsonb;
  t public.support_tickets;
  email text;
begin
  if new.workspace_id is null or new.topic not in ('conversation_created', 'message_created') then
    return null;
  end if;
  perform set_config('growthbase.chatwoot_inbound', 'on', true);
  conv := case when new.topic = 'conversation_created' then p else p -> 'conversation' end;
  conv_id := coalesce(conv ->> 'id', p ->> 'conversation_id');
  if conv_id is null or conv_id !~ '^\d{1,18}$' then
    return null;
  end if;
  if new.topic = 'message_created' and (p ->> 'private')::boolean is true then
    return null;  -- an agents' note
  end if;
  select * into t from public.support_tickets where workspace_id = new.workspace_id and chatwoot_conversation_id = conv_id for update;
  if not found then
    if new.topic = 'message_created' and p ->> 'message_type' <> 'incoming' then
      return null;
    end if;
    sender := coalesce(conv #> '{meta,sender}', p -> 'sender', '{}');
    email := lower(btrim(sender ->> 'email'));
    if email is null or email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
      email := 'chatwoot-' || conv_id || '@chatwoot.invalid';
    end if;
    insert into public.support_tickets (workspace_id, source, requester_email, requester_name, subject, body, chatwoot_conversation_id)
    values (new.workspace_id, 'chatwoot', left(email, 254), nullif(left(btrim(sender ->> 'name'), 100), ''),
            'Chatwoot conversation #' || conv_id,
            left(coalesce(nullif(btrim(coalesce(p ->> 'content', conv #>> '{messages,0,content}')), ''), '(no message yet)'), 10000),
            conv_id)
    on conflict (workspace_id, chatwoot_conversation_id) do nothing;
    return null;
  end if;
  if new.topic = 'message_created' then
    begin
      if p ->> 'message_type' = 'incoming' and t.status in ('resolved', 'waiting_on_customer') then
        update public.support_tickets set status = 'open' where id = t.id;
      elsif p ->> 'message_type' = 'outgoing' and t.status in ('open', 'in_progress') then
        update public.support_tickets set status = 'waiting_on_customer' where id = t.id;
      else
        update public.support_tickets set updated_at = now() where id = t.id;
      end if;
    exception when sqlstate 'PT409' then
      null;  -- a closed ticket stays closed
    end;
  end if;
  return null;
end $function$;
comment on function private.apply_chatwoot_event() is 'AFTER INSERT on private.webhook_events for Chatwoot conversation_created and message_created: opens the conversation''s ticket (source chatwoot) or moves it (a customer''s message reopens it, an agent''s waits on the customer); agents'' private notes are ignored. Marks the transaction so the change is not sent back.';
