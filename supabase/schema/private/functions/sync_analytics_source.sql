CREATE OR REPLACE FUNCTION private.sync_analytics_source(p_connection_id uuid, p_source public.analytics_source)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  s public.analytics_sync_schedules;
  today date := (now() at time zone 'UTC')::date;
begin
  if p_connection_id is null or p_source is null then
    raise exception 'p_connection_id and p_source are required' using errcode = '22023';
  end if;
  select * into s from public.analytics_sync_schedules where connection_id = p_connection_id and source = p_source;
  if not found then
    raise exception 'no % source on connection %', p_source, p_connection_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(s.workspace_id, 'admin');
  end if;
  if not exists (select 1 from public.integration_connections c where c.id = p_connection_id and c.status = 'active') then
    raise exception 'the connection is not active; reconnect it first' using errcode = 'PT409';
  end if;
  -- one manual pull at a time: asking again while one waits returns it
  return coalesce(
    (select r.job_id from public.analytics_sync_runs r
     where r.workspace_id = s.workspace_id and r.connection_id = p_connection_id and r.source = p_source
       and r.kind = 'manual' and r.status in ('queued', 'running', 'waiting', 'retrying')
     order by r.id desc limit 1),
    private.queue_analytics_sync(p_connection_id, p_source, 'manual', today - s.recent_days, today - 1,
      format('manual:%s:%s:%s', p_source, p_connection_id, clock_timestamp()), 5::smallint));
end $function$;
comment on function private.sync_analytics_source(uuid,public.analytics_source) is 'What public.sync_analytics_source does, as the owner after the admin check.';
grant execute on function private.sync_analytics_source(uuid,public.analytics_source) to authenticated;
grant execute on function private.sync_analytics_source(uuid,public.analytics_source) to service_role;
