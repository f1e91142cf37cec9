CREATE OR REPLACE FUNCTION private.queue_analytics_sync(p_connection_id uuid, p_source public.analytics_source, p_kind public.analytics_sync_kind, p_window_from date, p_window_to date, p_idempotency_key text, p_priority smallint)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s public.analytics_sync_schedules;
  jid bigint;
begin
  select * into s from public.analytics_sync_schedules where connection_id = p_connection_id and source = p_source;
  if not found then
    raise exception 'connection % has no % schedule', p_connection_id, p_source using errcode = 'PT404';
  end if;
  if p_window_from is null or p_window_to is null or p_window_from > p_window_to then
    raise exception 'a window needs from <= to' using errcode = '22023';
  end if;
  jid := private.enqueue_connector_job('analytics_sync', s.workspace_id, p_connection_id, p_idempotency_key,
    jsonb_build_object('source', p_source, 'kind', p_kind, 'from', p_window_from, 'to', p_window_to), p_priority);
  insert into public.analytics_sync_runs (workspace_id, connection_id, source, kind, window_from, window_to, job_id, next_attempt_at)
  values (s.workspace_id, p_connection_id, p_source, p_kind, p_window_from, p_window_to, jid, now())
  on conflict (workspace_id, job_id) do nothing;
  update public.analytics_sync_schedules set last_sync_status = coalesce(last_sync_status, 'queued')
  where connection_id = p_connection_id and source = p_source and last_sync_status is null;
  return jid;
end $function$;
comment on function private.queue_analytics_sync(uuid,public.analytics_source,public.analytics_sync_kind,date,date,text,smallint) is 'Queues one pull of a connection''s source (a connector job and its analytics_sync_runs row), idempotently by key. Returns the job id.';
grant execute on function private.queue_analytics_sync(uuid,public.analytics_source,public.analytics_sync_kind,date,date,text,smallint) to service_role;
