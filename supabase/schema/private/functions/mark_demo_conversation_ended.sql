CREATE OR REPLACE FUNCTION private.mark_demo_conversation_ended(p_conversation_id text, p_reason text)
 RETURNS public.demo_conversations
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  update public.demo_conversations set status = 'ended', ended_at = coalesce(ended_at, now()),
    shutdown_reason = coalesce(shutdown_reason, left(p_reason, 500))
  where conversation_id = p_conversation_id
  returning *
$function$;
comment on function private.mark_demo_conversation_ended(text,text) is 'The demo-conversations function (service role): Tavus ended the conversation at the visitor''s request.';
grant execute on function private.mark_demo_conversation_ended(text,text) to service_role;
