CREATE OR REPLACE FUNCTION private.log_privacy_event(p_event public.privacy_event, p_user_id uuid, p_workspace_id uuid, p_request_id uuid, p_details jsonb DEFAULT '{}'::jsonb)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  insert into public.privacy_audit_log (user_id, subject_sha256, workspace_id, request_id, event, details, ip_address, user_agent)
  values (p_user_id, case when p_user_id is not null then private.sha256_hex(p_user_id::text) end, p_workspace_id, p_request_id, p_event,
          coalesce(p_details, '{}'), private.request_ip(), private.request_user_agent())
$function$;
comment on function private.log_privacy_event(public.privacy_event,uuid,uuid,uuid,jsonb) is 'Appends to privacy_audit_log with the current request''s IP and user agent.';
grant execute on function private.log_privacy_event(public.privacy_event,uuid,uuid,uuid,jsonb) to service_role;
