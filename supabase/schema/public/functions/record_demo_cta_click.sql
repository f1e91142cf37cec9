CREATE OR REPLACE FUNCTION public.record_demo_cta_click(p_conversation_id text)
 RETURNS boolean
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_conversation_id is null then
    raise exception 'conversation id is required' using errcode = '22023';
  end if;
  return private.anon_record_demo_cta_click(p_conversation_id);
end $function$;
comment on function public.record_demo_cta_click(text) is 'Anyone (the storefront, publishable key): the visitor of this conversation followed the demo''s call to action (counted once). PT404 unknown, PT429 over the limit.';
grant execute on function public.record_demo_cta_click(text) to anon;
grant execute on function public.record_demo_cta_click(text) to authenticated;
grant execute on function public.record_demo_cta_click(text) to service_role;
