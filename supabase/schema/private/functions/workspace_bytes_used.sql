CREATE OR REPLACE FUNCTION private.workspace_bytes_used(p_workspace_id uuid)
 RETURNS bigint
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select coalesce((select sum(u.bytes) from public.workspace_storage_usage u where u.workspace_id = p_workspace_id), 0)::bigint
       + coalesce((select sum(v.size_bytes) from public.videos v
                   where v.workspace_id = p_workspace_id and v.deleted_at is null and v.status <> 'errored'), 0)::bigint
$function$;
comment on function private.workspace_bytes_used(uuid) is 'Bytes counted against a workspace''s storage quota: its storage objects (workspace_storage_usage) and the declared size of its live videos at Mux.';
