CREATE OR REPLACE FUNCTION private.anon_record_demo_cta_click(p_conversation_id text)
 RETURNS boolean
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.hit_rate_limit('demo_cta', '');
  update public.demo_conversations set cta_clicked_at = coalesce(cta_clicked_at, now()) where conversation_id = p_conversation_id;
  if not found then
    raise exception 'no such conversation' using errcode = 'PT404';
  end if;
  return true;
end $function$;
comment on function private.anon_record_demo_cta_click(text) is 'record_demo_cta_click beneath RLS: the first click counts.';
grant execute on function private.anon_record_demo_cta_click(text) to anon;
grant execute on function private.anon_record_demo_cta_click(text) to authenticated;
