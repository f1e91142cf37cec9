CREATE OR REPLACE FUNCTION private.anon_end_demo_conversation(p_conversation_id text)
 RETURNS public.demo_conversations
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  c public.demo_conversations;
begin
  perform private.hit_rate_limit('demo_conversation_end', '');
  select * into c from public.demo_conversations where conversation_id = p_conversation_id;
  if not found then
    raise exception 'no such conversation' using errcode = 'PT404';
  end if;
  return c;
end $function$;
comment on function private.anon_end_demo_conversation(text) is 'end_demo_conversation beneath RLS: the conversation by its Tavus id (unguessable), rate limited per address.';
grant execute on function private.anon_end_demo_conversation(text) to anon;
grant execute on function private.anon_end_demo_conversation(text) to authenticated;
