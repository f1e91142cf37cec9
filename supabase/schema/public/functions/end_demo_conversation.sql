CREATE OR REPLACE FUNCTION public.end_demo_conversation(p_conversation_id text)
 RETURNS text
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  c public.demo_conversations;
begin
  if p_conversation_id is null or char_length(p_conversation_id) not between 1 and 255 then
    raise exception 'conversation id is required' using errcode = '22023';
  end if;
  c := private.anon_end_demo_conversation(p_conversation_id);
  return c.status::text;
end $function$;
comment on function public.end_demo_conversation(text) is 'Anyone (the demo-conversations function calls it as the visitor before asking Tavus to end): the conversation''s status. PT404 unknown, PT429 over the limit.';
grant execute on function public.end_demo_conversation(text) to anon;
grant execute on function public.end_demo_conversation(text) to authenticated;
grant execute on function public.end_demo_conversation(text) to service_role;
