CREATE OR REPLACE FUNCTION private.track_storage_usage()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    ws := private.object_workspace(old.bucket_id, old.name);
    if ws is not null then
      update public.workspace_storage_usage u
      set bytes = greatest(u.bytes - coalesce((old.metadata ->> 'size')::bigint, 0), 0), objects = greatest(u.objects - 1, 0)
      where u.workspace_id = ws and u.bucket_id = old.bucket_id;
    end if;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    ws := private.object_workspace(new.bucket_id, new.name);
    if ws is not null then
      insert into public.workspace_storage_usage as u (workspace_id, bucket_id, bytes, objects)
      values (ws, new.bucket_id, coalesce((new.metadata ->> 'size')::bigint, 0), 1)
      on conflict (workspace_id, bucket_id) do update
        set bytes = u.bytes + excluded.bytes, objects = u.objects + 1;
    end if;
  end if;
  return null;
end $function$;
comment on function private.track_storage_usage() is 'AFTER INSERT/UPDATE/DELETE on storage.objects: keeps workspace_storage_usage (an update counts as remove + add).';
