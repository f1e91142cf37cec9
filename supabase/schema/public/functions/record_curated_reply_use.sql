CREATE OR REPLACE FUNCTION public.record_curated_reply_use(p_reply_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if p_reply_id is null then
    raise exception 'p_reply_id is required' using errcode = '22023';
  end if;
  return private.record_curated_reply_use(p_reply_id);
end $function$;
comment on function public.record_curated_reply_use(uuid) is 'Members: count one use of a curated reply; returns the new usage count. PT404 unknown or inactive reply.';
grant execute on function public.record_curated_reply_use(uuid) to authenticated;
grant execute on function public.record_curated_reply_use(uuid) to service_role;
