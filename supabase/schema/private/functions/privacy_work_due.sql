CREATE OR REPLACE FUNCTION private.privacy_work_due()
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if exists (select 1 from public.privacy_requests r
             where r.kind = 'export' and (r.status = 'pending'
                   or (r.status = 'processing' and r.started_at < now() - interval '15 minutes')))
     or exists (select 1 from public.privacy_requests r
                where r.export_path is not null and r.export_removed_at is null and r.download_expires_at <= now()) then
    return private.invoke_function('privacy-export');
  end if;
  return null;
end $function$;
comment on function private.privacy_work_due() is 'pg_cron job privacy-export (every 5 minutes): calls the privacy worker when an export waits (or is stuck) or a document has expired; otherwise nothing.';
grant execute on function private.privacy_work_due() to service_role;
