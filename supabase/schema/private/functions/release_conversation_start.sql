CREATE OR REPLACE FUNCTION private.release_conversation_start(p_start_id uuid)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  delete from private.demo_conversation_starts where id = p_start_id
$function$;
comment on function private.release_conversation_start(uuid) is 'The demo-conversations function (service role): Tavus refused; the reserved minutes go back.';
grant execute on function private.release_conversation_start(uuid) to service_role;
