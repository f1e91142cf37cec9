CREATE OR REPLACE FUNCTION private.run_health_checks()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.run_health_checks() is 'pg_cron (ops-health-checks, every 5 minutes): per workspace, the database, the lag of every worker''s queue, the last run of every cron job, the latest finished jobs of every sync (sync.<queue>) and each active connection, as ops_health_checks rows (alerts and incidents follow); then wakes ops-health for provider reachability. Returns the checks recorded.';
grant execute on function private.run_health_checks() to service_role;
