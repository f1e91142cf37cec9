CREATE OR REPLACE FUNCTION private.queue_ad_sync_windows(p_connection_id uuid DEFAULT NULL::uuid, p_now timestamp with time zone DEFAULT now())
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s record;
  today date;
  n integer := 0;
  chunk_to date;
  chunk_from date;
  i integer;
begin
  for s in
    select sc.*, a.timezone
    from public.ad_sync_schedules sc
    join public.integration_connections c on c.id = sc.connection_id
    join public.ad_accounts a on a.id = sc.ad_account_id
    where sc.enabled and c.status = 'active' and (p_connection_id is null or sc.connection_id = p_connection_id)
    for update of sc skip locked
  loop
    today := (p_now at time zone coalesce((select z.name from pg_catalog.pg_timezone_names z where z.name = s.timezone), 'UTC'))::date;
    if (s.last_recent_queued_at is null or s.last_recent_queued_at <= p_now - interval '55 minutes')
       and not exists (select 1 from private.connector_jobs j where j.connection_id = s.connection_id and j.queue = 'ads_sync'
                       and j.status in ('queued', 'running') and j.payload ->> 'kind' = 'recent') then
      perform private.queue_ad_sync(s.connection_id, 'recent', today - (s.recent_days - 1), today,
        format('recent:%s:%s', s.connection_id, to_char(p_now at time zone 'UTC', 'YYYY-MM-DD"T"HH24')), 10::smallint, true);
      update public.ad_sync_schedules set last_recent_queued_at = p_now where connection_id = s.connection_id;
      n := n + 1;
    end if;
    if (s.last_restatement_queued_at is null or s.last_restatement_queued_at <= p_now - interval '23 hours')
       and not exists (select 1 from private.connector_jobs j where j.connection_id = s.connection_id and j.queue = 'ads_sync'
                       and j.status in ('queued', 'running') and j.payload ->> 'kind' = 'restatement') then
      perform private.queue_ad_sync(s.connection_id, 'restatement', today - (s.recent_days - 1) - s.restatement_days,
        today - s.recent_days, format('restatement:%s:%s', s.connection_id, today), 50::smallint);
      update public.ad_sync_schedules set last_restatement_queued_at = p_now where connection_id = s.connection_id;
      n := n + 1;
    end if;
    if s.backfill_queued_at is null and s.backfill_days > 0 then
      -- newest chunk first; each chunk a job of its own, resumable page by page
      chunk_to := today - s.recent_days;
      i := 0;
      while chunk_to > today - s.backfill_days loop
        chunk_from := greatest(chunk_to - (s.backfill_chunk_days - 1), today - s.backfill_days + 1);
        perform private.queue_ad_sync(s.connection_id, 'backfill', chunk_from, chunk_to,
          format('backfill:%s:%s:%s', s.connection_id, chunk_from, chunk_to), (100 + least(i, 900))::smallint);
        chunk_to := chunk_from - 1;
        i := i + 1;
      end loop;
      update public.ad_sync_schedules set backfill_queued_at = p_now where connection_id = s.connection_id;
      n := n + i;
    end if;
  end loop;
  return n;
end $function$;
comment on function private.queue_ad_sync_windows(uuid,timestamp with time zone) is 'pg_cron (ads-sync-schedule, every 5 minutes) and connecting: queues each enabled schedule''s due windows (recent hourly, restatement daily, the backfill chunks once), never a second open window of the same kind; returns how many it queued.';
grant execute on function private.queue_ad_sync_windows(uuid,timestamp with time zone) to service_role;
