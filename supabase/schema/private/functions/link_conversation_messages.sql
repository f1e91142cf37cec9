CREATE OR REPLACE FUNCTION private.link_conversation_messages()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.conversation_messages m set demo_id = new.demo_id
  where m.workspace_id = new.workspace_id and m.conversation_id = new.conversation_id and m.demo_id is null;
  return null;
end $function$;
comment on function private.link_conversation_messages() is 'AFTER INSERT on demo_conversations: messages that arrived before the link get their demo.';
