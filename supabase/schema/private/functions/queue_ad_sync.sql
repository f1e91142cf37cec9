CREATE OR REPLACE FUNCTION private.queue_ad_sync(p_connection_id uuid, p_kind public.ad_sync_kind, p_window_from date, p_window_to date, p_idempotency_key text, p_priority smallint, p_structure boolean DEFAULT false)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s public.ad_sync_schedules;
  jid bigint;
begin
  select * into s from public.ad_sync_schedules where connection_id = p_connection_id;
  if not found then
    raise exception 'connection % has no ads sync schedule', p_connection_id using errcode = 'PT404';
  end if;
  if p_window_from is null or p_window_to is null or p_window_from > p_window_to then
    raise exception 'a window needs from <= to' using errcode = '22023';
  end if;
  jid := private.enqueue_connector_job('ads_sync', s.workspace_id, p_connection_id, p_idempotency_key,
    jsonb_build_object('kind', p_kind, 'from', p_window_from, 'to', p_window_to, 'platform', s.platform,
                       'structure', p_structure),
    p_priority);
  insert into public.ad_sync_runs (workspace_id, connection_id, ad_account_id, platform, kind, window_from, window_to,
                                   job_id, next_attempt_at)
  values (s.workspace_id, p_connection_id, s.ad_account_id, s.platform, p_kind, p_window_from, p_window_to, jid, now())
  on conflict (workspace_id, job_id) do nothing;
  return jid;
end $function$;
comment on function private.queue_ad_sync(uuid,public.ad_sync_kind,date,date,text,smallint,boolean) is 'Queues one sync window of a connection (a connector job and its ad_sync_runs row), idempotently by key; p_structure lists campaigns, ad groups and ads first. Returns the job id.';
grant execute on function private.queue_ad_sync(uuid,public.ad_sync_kind,date,date,text,smallint,boolean) to service_role;
