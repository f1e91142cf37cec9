-- Health checks: the last run of every sync. Each connector queue a workspace uses (ads sync,
-- analytics sync, Shopify, Klaviyo, Slack, Chatwoot ...) is checked as sync.<queue> from the latest
-- finished job of each of its connections: all done is healthy, some ending in a dead letter
-- degraded, all of them down (the dead letter's error is the message); last_success_at is the
-- newest job that finished well. A queue's lag stays its own check (queue.<queue>).
-- An open health alert follows its check (a degraded service going down raises the alert to high
-- with the check's message, down going back to degraded lowers it), and Slack's message is edited to match.

create or replace function private.run_health_checks()
returns integer
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
    -- each sync (a connector queue) this workspace uses: its connections' latest finished jobs
    for r in
      with latest as (
        select distinct on (j.queue, j.connection_id) j.queue, j.status, j.finished_at, j.last_error
        from private.connector_jobs j
        where j.workspace_id = ws and j.status in ('done', 'dead')
        order by j.queue, j.connection_id, j.finished_at desc, j.id desc)
      select l.queue, count(*) as sources, count(*) filter (where l.status = 'dead') as dead,
             (select max(d.finished_at) from private.connector_jobs d
              where d.workspace_id = ws and d.queue = l.queue and d.status = 'done') as last_success_at,
             (array_agg(l.last_error order by l.finished_at desc) filter (where l.status = 'dead'))[1] as last_error
      from latest l group by l.queue
    loop
      perform private.record_health_check(ws, private.health_service('sync.' || r.queue),
        case when r.dead = 0 then 'healthy' when r.dead = r.sources then 'down' else 'degraded' end::public.health_status,
        null, case when r.dead > 0 then left(r.dead || ' of ' || r.sources || ' ended in a dead letter: ' || coalesce(r.last_error, 'no error recorded'), 500) end,
        jsonb_build_object('last_success_at', r.last_success_at, 'sources', r.sources, 'dead', r.dead));
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
comment on function private.run_health_checks() is 'pg_cron (ops-health-checks, every 5 minutes): per workspace, the database, the lag of every worker''s queue, the last run of every cron job, the latest finished jobs of every sync (sync.<queue>) and each active connection, as ops_health_checks rows (alerts and incidents follow); then wakes ops-health for provider reachability. Returns the checks recorded.';

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
end $$;
comment on function private.record_health_check(uuid, text, public.health_status, integer, text, jsonb) is 'Service: records a health check result for one service (one row per service). Degraded or down opens one alert per service (health:<service>; medium or high) and keeps its severity, title and message in step when the check''s status changes; down three times in a row also an incident for that alert; healthy again resolves the incident and the alert.';

drop trigger slack_notify on public.ops_alerts;
create trigger slack_notify after insert or update of status, severity, title on public.ops_alerts
  for each row execute function private.slack_notify_row();
comment on trigger slack_notify on public.ops_alerts is 'Posts the alert to the workspace''s Slack channel, and edits that message when its status, severity or title change.';
comment on function private.slack_notify_row() is 'AFTER INSERT/UPDATE on ops_alerts (status, severity, title) and agent_approvals (status), AFTER INSERT on ceo_briefings: queues the Slack post or edit.';
