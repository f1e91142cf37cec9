CREATE OR REPLACE FUNCTION private.workspace_folders_with_room()
 RETURNS SETOF text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    select w.id::text from public.workspaces w
    where w.id in (select private.workspace_ids('member'))
      and (w.storage_quota_bytes is null
           or coalesce((select sum(u.bytes) from public.workspace_storage_usage u where u.workspace_id = w.id), 0) < w.storage_quota_bytes);
end $function$;
comment on function private.workspace_folders_with_room() is 'The caller''s workspaces (member and up) still under their storage quota: where uploads are allowed.';
grant execute on function private.workspace_folders_with_room() to authenticated;
