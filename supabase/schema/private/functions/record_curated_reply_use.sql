CREATE OR REPLACE FUNCTION private.record_curated_reply_use(p_reply_id uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  update public.support_curated_replies r set usage_count = r.usage_count + 1, last_used_at = now()
  where r.id = p_reply_id and r.active
    and (not private.is_end_user() or r.workspace_id = any (array(select private.workspace_ids('member'))))
  returning r.usage_count into n;
  if n is null then
    raise exception 'no active curated reply % in a workspace you are a member of', p_reply_id using errcode = 'PT404';
  end if;
  return n;
end $function$;
comment on function private.record_curated_reply_use(uuid) is 'Counts one use of an active curated reply (members of its workspace, or service_role); returns the new count.';
grant execute on function private.record_curated_reply_use(uuid) to authenticated;
grant execute on function private.record_curated_reply_use(uuid) to service_role;
