CREATE OR REPLACE FUNCTION private.require_storage_room(p_workspace_id uuid, p_bytes bigint)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  quota bigint;
  used bigint;
begin
  perform pg_advisory_xact_lock(hashtextextended('storage_quota:' || p_workspace_id::text, 0));
  select w.storage_quota_bytes into quota from public.workspaces w where w.id = p_workspace_id;
  if quota is null then
    return;
  end if;
  used := private.workspace_bytes_used(p_workspace_id);
  if used + p_bytes > quota then
    raise exception 'the workspace''s storage quota is full: % of % bytes used, % more asked', used, quota, p_bytes
      using errcode = 'PT413', hint = 'delete media or move the workspace to a larger plan';
  end if;
end $function$;
comment on function private.require_storage_room(uuid,bigint) is 'Raises PT413 when p_bytes more would pass the workspace''s storage_quota_bytes (null: unlimited); holds a per-workspace lock until commit.';
grant execute on function private.require_storage_room(uuid,bigint) to authenticated;
