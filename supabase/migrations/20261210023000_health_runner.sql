-- Messaging, part 4: health checks that run. Every 5 minutes pg_cron checks, per workspace,
-- what it depends on and writes one ops_health_checks row per service:
--   database                the check's own round trip
--   queue.<name>            the age of the oldest due work of each worker (email, every connector
--                           queue, embeddings, outbound webhooks, inbound webhook processing):
--                           healthy under 5 minutes, degraded under 30, down beyond
--   cron.<job>              the last run of each pg_cron job: down when it failed, healthy when it
--                           succeeded
--   connection.<provider>.<account>   each connection's health (rate limited is degraded;
--                           needs reconnecting or failing is down)
-- and wakes the ops-health function, which asks each provider's configured base URL whether it
-- answers (provider.<name>, recorded for the workspaces that use it).
-- A check going degraded or down opens one alert per service (dedupe key health:<service>),
-- which the Slack trigger posts once and edits as it changes; down on three checks in a row (15
-- minutes) opens an incident for it, so a blip is an alert and an outage an incident; healthy
-- again resolves both.

insert into private.callable_functions (name, description)
values ('ops-health', 'asks each provider''s configured base URL whether it answers, for the health checks')
on conflict (name) do nothing;

create or replace function private.record_health_check(p_workspace_id uuid, p_service text, p_status public.health_status,
  p_response_time_ms integer default null, p_message text default null, p_details jsonb default '{}')
returns public.ops_health_checks
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.record_health_check(uuid, text, public.health_status, integer, text, jsonb) is 'Service: records a health check result for one service (one row per service). Degraded or down opens one alert per service (health:<service>; medium or high), down three times in a row also an incident for that alert; healthy again resolves the incident and the alert.';

create function private.health_service(p_name text) returns text
language sql immutable set search_path = '' as $$
  select left(regexp_replace(lower(p_name), '[^a-z0-9_.-]+', '-', 'g'), 64)
$$;
comment on function private.health_service(text) is 'A health check''s service name from parts (cron.<job>, connection.<provider>.<account>, provider.<name>): lowercase, other characters as -, at most 64.';

create function private.lag_status(p_lag interval) returns public.health_status
language sql immutable set search_path = '' as $$
  select case when p_lag is null or p_lag < interval '5 minutes' then 'healthy'
              when p_lag < interval '30 minutes' then 'degraded' else 'down' end::public.health_status
$$;
comment on function private.lag_status(interval) is 'A queue''s health by the age of its oldest due work: under 5 minutes healthy, under 30 degraded, else down.';

create function private.run_health_checks() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid;
  n integer := 0;
  started timestamptz;
  r record;
begin
  for ws in select w.id from public.workspaces w order by w.id loop
    started := clock_timestamp();
    perform 1 from public.workspaces where id = ws;
    perform private.record_health_check(ws, 'database', 'healthy',
      (extract(epoch from clock_timestamp() - started) * 1000)::integer, null);
    n := n + 1;
    for r in
      select 'queue.email' as service, now() - min(m.next_attempt_at) as lag from private.email_messages m
      where m.workspace_id = ws and ((m.status = 'queued' and m.next_attempt_at <= now()) or (m.status = 'sending' and m.lease_expires_at <= now()))
      union all
      select 'queue.' || q.queue, (select now() - min(j.next_attempt_at) from private.connector_jobs j
                                   where j.workspace_id = ws and j.queue = q.queue and j.status = 'queued' and j.next_attempt_at <= now())
      from private.connector_queues q
      union all
      select 'queue.embeddings', now() - min(j.visible_at) from private.embedding_jobs j
      where j.workspace_id = ws and j.status = 'queued' and j.visible_at <= now()
      union all
      select 'queue.webhook-dispatch', now() - min(d.next_attempt_at) from public.webhook_deliveries d
      where d.workspace_id = ws and d.status = 'pending' and d.next_attempt_at <= now()
      union all
      select 'queue.webhook-process', now() - min(e.received_at) from private.webhook_events e
      where e.workspace_id = ws and e.status in ('pending', 'failed') and coalesce(e.next_attempt_at, e.received_at) <= now()
    loop
      perform private.record_health_check(ws, r.service, private.lag_status(r.lag), null,
        case when r.lag >= interval '5 minutes' then 'the oldest due work has waited ' || date_trunc('second', r.lag)::text end,
        jsonb_build_object('lag_seconds', coalesce(extract(epoch from r.lag)::integer, 0)));
      n := n + 1;
    end loop;
    for r in
      select j.jobname, d.status, d.end_time, d.return_message
      from cron.job j
      left join lateral (select x.status, x.end_time, x.return_message from cron.job_run_details x
                         where x.jobid = j.jobid and x.status in ('succeeded', 'failed')
                         order by x.runid desc limit 1) d on true
    loop
      perform private.record_health_check(ws, private.health_service('cron.' || r.jobname),
        case r.status when 'succeeded' then 'healthy' when 'failed' then 'down' else 'unknown' end::public.health_status,
        null, case when r.status = 'failed' then left(r.return_message, 500) end,
        jsonb_build_object('last_run_at', r.end_time));
      n := n + 1;
    end loop;
    for r in
      select c.provider::text || '.' || c.external_account_id as service, c.health, c.last_error, c.last_success_at
      from public.integration_connections c where c.workspace_id = ws and c.status = 'active'
    loop
      perform private.record_health_check(ws, private.health_service('connection.' || r.service),
        case r.health when 'ok' then 'healthy' when 'rate_limited' then 'degraded' else 'down' end::public.health_status,
        null, r.last_error, jsonb_build_object('health', r.health, 'last_success_at', r.last_success_at));
      n := n + 1;
    end loop;
  end loop;
  perform private.wake_function('ops-health');
  return n;
end $$;
comment on function private.run_health_checks() is 'pg_cron (ops-health-checks, every 5 minutes): per workspace, the database, the lag of every worker''s queue, the last run of every cron job and each active connection, as ops_health_checks rows (alerts and incidents follow); then wakes ops-health for provider reachability. Returns the checks recorded.';

create function private.provider_health_targets() returns table (provider text, base_url text, workspace_ids uuid[])
language sql stable security definer set search_path = '' as $$
  select 'chatwoot.' || c.external_account_id, c.metadata ->> 'base_url', array_agg(c.workspace_id)
  from public.integration_connections c
  where c.provider = 'chatwoot' and c.status = 'active' and c.metadata ->> 'base_url' is not null
  group by 1, 2
$$;
comment on function private.provider_health_targets() is 'The per-workspace provider URLs ops-health probes besides the configured ones (each Chatwoot instance), with the workspaces that use them.';

create function private.record_provider_probes(p_probes jsonb) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  p jsonb;
  ws uuid;
  n integer := 0;
begin
  if jsonb_typeof(p_probes) is distinct from 'array' then
    raise exception 'probes must be a JSON array' using errcode = '22023';
  end if;
  perform private.require_batch_size('probes', jsonb_array_length(p_probes), 200);
  for p in select * from jsonb_array_elements(p_probes) loop
    for ws in
      select w.id from public.workspaces w
      where case when jsonb_typeof(p -> 'workspace_ids') = 'array' then w.id::text in (select jsonb_array_elements_text(p -> 'workspace_ids'))
                 when p ->> 'provider' = 'slack' then exists (select 1 from public.integration_connections c
                                                              where c.workspace_id = w.id and c.provider = 'slack' and c.status = 'active')
                 else true end
    loop
      perform private.record_health_check(ws, private.health_service('provider.' || (p ->> 'provider')),
        case when (p ->> 'reachable')::boolean then 'healthy' else 'down' end::public.health_status,
        (p ->> 'response_time_ms')::integer, p ->> 'error', jsonb_build_object('url', p ->> 'url', 'status', p -> 'status'));
      n := n + 1;
    end loop;
  end loop;
  return n;
end $$;
comment on function private.record_provider_probes(jsonb) is 'ops-health (service role): records whether each provider''s base URL answered ([{provider, url, reachable, status, response_time_ms, error, workspace_ids?}]) for the workspaces that use it (every workspace for email and AI, Slack''s for Slack, the named ones for a Chatwoot instance). At most 200 probes.';

select cron.schedule('ops-health-checks', '*/5 * * * *', $$select private.run_health_checks()$$);

revoke all on function private.lag_status(interval) from public;
revoke all on function private.health_service(text) from public;
revoke all on function private.run_health_checks() from public;
revoke all on function private.provider_health_targets() from public;
revoke all on function private.record_provider_probes(jsonb) from public;
grant execute on function private.run_health_checks(), private.provider_health_targets(), private.record_provider_probes(jsonb)
  to service_role;
