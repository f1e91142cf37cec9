CREATE OR REPLACE FUNCTION private.enqueue_privacy_export_emails(p_limit integer DEFAULT 200)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  select count(private.enqueue_email(null, 'privacy_export', 'privacy_export:' || r.id, u.email::text,
    'Your data export is ready',
    private.email_layout('Your data export is ready',
      '<p>The copy of your data you asked for is ready until ' || private.html_escape(to_char(r.download_expires_at, 'YYYY-MM-DD HH24:MI "UTC"'))
      || '.</p><p><a href="' || private.html_escape(private.app_url() || '/settings/privacy') || '">Download it</a></p>', null),
    'The copy of your data you asked for is ready: ' || private.app_url() || '/settings/privacy'))
  into n
  from public.privacy_requests r
  join auth.users u on u.id = r.user_id
  where r.kind = 'export' and r.status = 'completed' and r.source = 'user' and r.download_expires_at > now()
    and u.email is not null
    and not exists (select 1 from private.email_messages m where m.workspace_id is null and m.idempotency_key = 'privacy_export:' || r.id)
  limit p_limit;
  return n;
end $function$;
comment on function private.enqueue_privacy_export_emails(integer) is 'Tells each user whose own export is ready (the download lasts 7 days), once; the link goes to the app, which serves the signed download.';
