CREATE OR REPLACE FUNCTION private.downloadable_exports()
 RETURNS SETOF text
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    select r.export_path from public.privacy_requests r
    where r.export_path is not null and r.status = 'completed' and r.download_expires_at > now()
      and (r.user_id = (select auth.uid())
           or (r.user_id is null and r.workspace_id in (select private.workspace_ids('admin'))));
end $function$;
comment on function private.downloadable_exports() is 'Object names in data-exports the caller may download now: their own completed exports, and their workspace''s customer exports for admins, until download_expires_at.';
grant execute on function private.downloadable_exports() to authenticated;
