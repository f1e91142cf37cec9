CREATE OR REPLACE FUNCTION private.recount_chat_sessions_deleted()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.chat_sessions s
  set message_count = coalesce(c.n, 0), last_message_at = c.last_at
  from (select distinct o.session_id from old_rows o) t
  left join lateral (select count(*)::integer as n, max(m.created_at) as last_at
                     from public.chat_messages m where m.session_id = t.session_id) c on true
  where s.id = t.session_id and (s.message_count, s.last_message_at) is distinct from (coalesce(c.n, 0), c.last_at);
  return null;
end $function$;
comment on function private.recount_chat_sessions_deleted() is 'AFTER DELETE on chat_messages (statement): recomputes message_count and last_message_at of the sessions that lost messages.';
