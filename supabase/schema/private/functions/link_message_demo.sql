CREATE OR REPLACE FUNCTION private.link_message_demo()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if new.demo_id is null then
    new.demo_id := (select c.demo_id from public.demo_conversations c
                    where c.workspace_id = new.workspace_id and c.conversation_id = new.conversation_id);
  end if;
  return new;
end $function$;
comment on function private.link_message_demo() is 'BEFORE INSERT on conversation_messages: the demo of the message''s conversation.';
