CREATE OR REPLACE FUNCTION private.chat_message_from_session()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s public.chat_sessions;
begin
  select * into s from public.chat_sessions where id = new.session_id;
  if not found then
    raise exception 'no chat session %', new.session_id using errcode = 'PT404';
  end if;
  new.user_id := s.user_id;
  if private.is_end_user() and new.role in ('system', 'tool') then
    raise exception 'system and tool messages are written by the service' using errcode = '42501';
  end if;
  return new;
end $function$;
comment on function private.chat_message_from_session() is 'BEFORE INSERT on chat_messages: the message belongs to the session''s owner (the composite foreign key keeps its workspace the session''s); signed-in users write user and assistant messages only.';
