CREATE OR REPLACE FUNCTION private.guard_feedback_message()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if private.is_end_user() and new.chat_message_id is not null
     and not exists (select 1 from public.chat_messages m
                     where m.id = new.chat_message_id and m.user_id = (select auth.uid())) then
    raise exception 'feedback can name messages of your own chats only' using errcode = '42501';
  end if;
  return new;
end $function$;
comment on function private.guard_feedback_message() is 'BEFORE INSERT on agent_feedback: a signed-in user''s feedback may only name a message of their own chats.';
