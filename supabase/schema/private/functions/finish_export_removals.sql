CREATE OR REPLACE FUNCTION private.finish_export_removals(p_requests uuid[])
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  perform private.require_batch_size('requests', cardinality(p_requests), 1000);
  update public.privacy_requests r set export_removed_at = now()
  where r.id = any (p_requests) and r.export_removed_at is null and r.download_expires_at <= now();
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.finish_export_removals(uuid[]) is 'Worker step: marks export objects removed from storage.';
grant execute on function private.finish_export_removals(uuid[]) to service_role;
