CREATE OR REPLACE FUNCTION private.link_demo_conversation(p_demo_id uuid, p_conversation_id text, p_conversation_url text DEFAULT NULL::text)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  d public.demos;
  cid uuid;
begin
  select * into d from public.demos where id = p_demo_id;
  if not found then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  insert into public.demo_conversations as c (workspace_id, demo_id, conversation_id, conversation_url)
  values (d.workspace_id, d.id, p_conversation_id, p_conversation_url)
  on conflict (workspace_id, conversation_id) do update set conversation_url = coalesce(excluded.conversation_url, c.conversation_url)
  returning c.id into cid;
  return cid;
end $function$;
comment on function private.link_demo_conversation(uuid,text,text) is 'Records (idempotently) that a Tavus conversation belongs to a demo.';
grant execute on function private.link_demo_conversation(uuid,text,text) to service_role;
