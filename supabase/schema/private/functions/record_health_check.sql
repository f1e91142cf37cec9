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
begin
  select c.status into before_status from public.ops_health_checks c
  where c.workspace_id = p_workspace_id and c.service = p_service for update;
  insert into public.ops_health_checks as c (workspace_id, service, status, response_time_ms, message, details,
    consecutive_failures, last_checked_at, last_success_at, last_failure_at, status_changed_at)
  values (p_workspace_id, p_service, p_status, p_response_time_ms, p_message, coalesce(p_details, '{}'),
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
  if p_status = 'down' and before_status is distinct from 'down' then
    perform private.raise_alert(p_workspace_id, 'health', 'high', p_service || ' is down', p_message, p_service,
                                'health:' || p_service);
  elsif p_status = 'healthy' and before_status in ('down', 'degraded') then
    update public.ops_alerts a set status = 'resolved'
    where a.workspace_id = p_workspace_id and a.dedupe_key = 'health:' || p_service and a.status <> 'resolved';
  end if;
  return h;
end $function$;
comment on function private.record_health_check(uuid,text,public.health_status,integer,text,jsonb) is 'Service: records a health check result for one service (one row per service); down raises a health alert, healthy resolves it.';
grant execute on function private.record_health_check(uuid,text,public.health_status,integer,text,jsonb) to service_role;
