CREATE OR REPLACE FUNCTION private.claim_export_removals(p_limit integer DEFAULT 100)
 RETURNS TABLE(request_id uuid, bucket text, object_path text)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select r.id, 'data-exports', r.export_path from public.privacy_requests r
  where r.export_path is not null and r.export_removed_at is null and r.download_expires_at <= now()
  order by r.download_expires_at limit greatest(least(p_limit, 1000), 1)
$function$;
comment on function private.claim_export_removals(integer) is 'Worker step: export objects whose download window has passed (or whose user was erased), to delete through the Storage API.';
grant execute on function private.claim_export_removals(integer) to service_role;
