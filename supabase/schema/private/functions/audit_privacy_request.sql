CREATE OR REPLACE FUNCTION private.audit_privacy_request()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ev public.privacy_event;
begin
  if tg_op = 'INSERT' then
    ev := case new.kind when 'export' then 'export_requested' else 'erasure_requested' end;
  elsif new.status is distinct from old.status then
    ev := case
      when new.status = 'completed' and new.kind = 'export' then 'export_completed'
      when new.status = 'completed' then 'erasure_completed'
      when new.status = 'failed' and new.kind = 'export' then 'export_failed'
      when new.status = 'failed' then 'erasure_failed'
      when new.status = 'rejected' then 'request_rejected'
    end;
  elsif new.confirmed_at is not null and old.confirmed_at is null then
    ev := 'erasure_confirmed';
  elsif new.export_removed_at is not null and old.export_removed_at is null then
    ev := 'export_removed';
  end if;
  if ev is null then
    return null;
  end if;
  insert into public.privacy_audit_log (user_id, subject_sha256, workspace_id, request_id, event, details, ip_address, user_agent)
  values (new.user_id, coalesce(new.subject_sha256, new.subject ->> 'email_sha256'), new.workspace_id, new.id, ev,
          jsonb_strip_nulls(jsonb_build_object('source', new.source, 'status', new.status, 'error', new.error)),
          private.request_ip(), private.request_user_agent());
  return null;
end $function$;
comment on function private.audit_privacy_request() is 'AFTER INSERT/UPDATE on privacy_requests: one privacy_audit_log event per lifecycle step.';
