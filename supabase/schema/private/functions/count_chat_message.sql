CREATE OR REPLACE FUNCTION private.count_chat_message()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.chat_sessions s set message_count = s.message_count + 1,
    last_message_at = greatest(coalesce(s.last_message_at, new.created_at), new.created_at)
  where s.id = new.session_id;
  return null;
end $function$;
comment on function private.count_chat_message() is 'AFTER INSERT on chat_messages: counts the message on its session.';
