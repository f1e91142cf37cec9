CREATE OR REPLACE FUNCTION private.queue_analytics_syncs(p_connection_id uuid DEFAULT NULL::uuid, p_now timestamp with time zone DEFAULT now())
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s public.analytics_sync_schedules;
  today date := (p_now at time zone 'UTC')::date;
  n integer := 0;
begin
  for s in
    select sc.* from public.analytics_sync_schedules sc
    join public.integration_connections c on c.id = sc.connection_id
    where sc.enabled and c.status = 'active' and (p_connection_id is null or sc.connection_id = p_connection_id)
      and (sc.initial_queued_at is null or sc.last_daily_queued_on is distinct from today)
    order by sc.connection_id, sc.source
    for update of sc skip locked
  loop
    if s.initial_queued_at is null then
      perform private.queue_analytics_sync(s.connection_id, s.source, 'initial',
        least(today - greatest(s.backfill_days, s.recent_days), today - 1), today - 1,
        format('initial:%s:%s:%s', s.source, s.connection_id, today), 10::smallint);
      update public.analytics_sync_schedules set initial_queued_at = p_now, last_daily_queued_on = today
      where connection_id = s.connection_id and source = s.source;
    else
      perform private.queue_analytics_sync(s.connection_id, s.source, 'daily', today - s.recent_days, today - 1,
        format('daily:%s:%s:%s', s.source, s.connection_id, today), 50::smallint);
      update public.analytics_sync_schedules set last_daily_queued_on = today
      where connection_id = s.connection_id and source = s.source;
    end if;
    n := n + 1;
  end loop;
  return n;
end $function$;
comment on function private.queue_analytics_syncs(uuid,timestamp with time zone) is 'pg_cron (analytics-sync-schedule, every 15 minutes) and connecting: queues the first pull of each new schedule (backfill_days up to yesterday) and, once per UTC day, the daily pull of each enabled schedule of an active connection (the last recent_days up to yesterday). Returns how many it queued.';
grant execute on function private.queue_analytics_syncs(uuid,timestamp with time zone) to service_role;
