CREATE OR REPLACE FUNCTION private.raise_alert(p_workspace_id uuid, p_alert_type text, p_severity public.ops_severity, p_title text, p_message text DEFAULT NULL::text, p_source text DEFAULT NULL::text, p_dedupe_key text DEFAULT NULL::text, p_error_id uuid DEFAULT NULL::uuid, p_details jsonb DEFAULT '{}'::jsonb)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  aid uuid;
begin
  insert into public.ops_alerts (workspace_id, alert_type, severity, title, message, source, dedupe_key, error_id, details)
  values (p_workspace_id, p_alert_type, p_severity, p_title, p_message, p_source, p_dedupe_key, p_error_id,
          coalesce(p_details, '{}'))
  on conflict (workspace_id, dedupe_key) where status <> 'resolved' do nothing
  returning id into aid;
  if aid is null then
    select a.id into aid from public.ops_alerts a
    where a.workspace_id = p_workspace_id and a.dedupe_key = p_dedupe_key and a.status <> 'resolved';
  end if;
  return aid;
end $function$;
comment on function private.raise_alert(uuid,text,public.ops_severity,text,text,text,text,uuid,jsonb) is 'Service: raises an alert, idempotently per dedupe key while unresolved; returns its id.';
grant execute on function private.raise_alert(uuid,text,public.ops_severity,text,text,text,text,uuid,jsonb) to service_role;
