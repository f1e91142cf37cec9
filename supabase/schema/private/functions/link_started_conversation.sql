CREATE OR REPLACE FUNCTION private.link_started_conversation(p_start_id uuid, p_conversation_id text, p_conversation_url text)
 RETURNS public.demo_conversations
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s private.demo_conversation_starts;
  c public.demo_conversations;
begin
  delete from private.demo_conversation_starts where id = p_start_id returning * into s;
  if not found then
    raise exception 'start % is unknown or lapsed', p_start_id using errcode = 'PT409';
  end if;
  insert into public.demo_conversations as x (workspace_id, demo_id, conversation_id, conversation_url, max_minutes)
  values (s.workspace_id, s.demo_id, p_conversation_id, p_conversation_url, s.minutes)
  on conflict (workspace_id, conversation_id) do update set conversation_url = excluded.conversation_url,
    max_minutes = excluded.max_minutes
  returning * into c;
  return c;
end $function$;
comment on function private.link_started_conversation(uuid,text,text) is 'The demo-conversations function (service role): Tavus made the conversation; the reservation becomes its demo_conversations row.';
grant execute on function private.link_started_conversation(uuid,text,text) to service_role;
