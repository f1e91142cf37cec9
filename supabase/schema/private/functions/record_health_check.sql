CREATE OR REPLACE FUNCTION private.record_health_check(p_workspace_id uuid, p_service text, p_status public.health_status, p_response_time_ms integer DEFAULT NULL::integer, p_message text DEFAULT NULL::text, p_details jsonb DEFAULT '{}'::jsonb)
 RETURNS public.ops_health_checks
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  before_status public.health_status;
  h public.ops_health_checks;
  failing boolean := p_status in ('degraded', 'down');
  alert uuid;
begin
  select c.status into before_status from public.ops_health_checks c
  where c.workspace_id = p_workspace_id and c.service = p_service for update;
  insert into public.ops_health_checks as c (workspace_id, service, status, response_time_ms, message, details,
    consecutive_failures, last_checked_at, last_success_at, last_failure_at, status_changed_at)
  values (p_workspace_id, p_service, p_status, p_response_time_ms, left(p_message, 2000), coalesce(p_details, '{}'),
          case when failing then 1 else 0 end, now(),
          case when p_status = 'healthy' then now() end, case when failing then now() end, now())
  on conflict (workspace_id, service) do update set
    status = excluded.status, response_time_ms = excluded.response_time_ms, message = excluded.message,
    details = excluded.details, last_checked_at = now(),
    consecutive_failures = case when failing then c.consecutive_failures + 1 else 0 end,
    last_success_at = case when p_status = 'healthy' then now() else c.last_success_at end,
    last_failure_at = case when failing then now() else c.last_failure_at end,
    status_changed_at = case when c.status is distinct from excluded.status then now() else c.status_changed_at end
  returning c.* into h;
  if failing then
    alert := private.raise_alert(p_workspace_id, 'health', case when p_status = 'down' then 'high' else 'medium' end::public.ops_severity,
      left(p_service || case when p_status = 'down' then ' is down' else ' is degraded' end, 200), p_message, p_service,
      'health:' || p_service, null, jsonb_build_object('service', p_service, 'status', p_status));
    -- the open alert says what the check says now (degraded -> down raises it; Slack's message is edited)
    update public.ops_alerts a
    set severity = case when p_status = 'down' then 'high' else 'medium' end::public.ops_severity,
        title = left(p_service || case when p_status = 'down' then ' is down' else ' is degraded' end, 200),
        message = p_message, details = a.details || jsonb_build_object('status', p_status)
    where a.id = alert and a.details ->> 'status' is distinct from p_status::text;
    if p_status = 'down' and h.consecutive_failures >= 3 and not exists (select 1 from public.ops_incidents i
                                         where i.workspace_id = p_workspace_id and i.alert_id = alert and i.status <> 'resolved') then
      insert into public.ops_incidents (workspace_id, alert_id, title, severity, summary)
      values (p_workspace_id, alert, left(p_service || ' is down', 200), 'high', left(p_message, 2000));
    end if;
  elsif p_status = 'healthy' and before_status in ('down', 'degraded') then
    update public.ops_incidents i set status = 'resolved'
    where i.workspace_id = p_workspace_id and i.status <> 'resolved'
      and i.alert_id in (select a.id from public.ops_alerts a
                         where a.workspace_id = p_workspace_id and a.dedupe_key = 'health:' || p_service and a.status <> 'resolved');
    update public.ops_alerts a set status = 'resolved'
    where a.workspace_id = p_workspace_id and a.dedupe_key = 'health:' || p_service and a.status <> 'resolved';
  end if;
  return h;
end $function$;
comment on function private.record_health_check(uuid,text,public.health_status,integer,text,jsonb) is 'Service: records a health check result for one service (one row per service). Degraded or down opens one alert per service (health:<service>; medium or high) and keeps its severity, title and message in step when the check''s status changes; down three times in a row also an incident for that alert; healthy again resolves the incident and the alert.';
grant execute on function private.record_health_check(uuid,text,public.health_status,integer,text,jsonb) to service_role;
