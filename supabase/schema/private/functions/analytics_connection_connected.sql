CREATE OR REPLACE FUNCTION private.analytics_connection_connected()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  sources public.analytics_source[] := coalesce(private.analytics_sources_of(new.provider, new.scopes), '{}');
begin
  insert into public.analytics_sync_schedules (workspace_id, connection_id, source, recent_days, backfill_days)
  select new.workspace_id, new.id, s, d.recent_days, d.backfill_days
  from unnest(sources) s
  cross join lateral private.analytics_source_defaults(s) d
  on conflict (connection_id, source) do nothing;
  -- a source whose permissions were withdrawn (Instagram's on a Meta connection reconnected without
  -- them) is paused, so its pulls never make the connection look revoked; an admin resumes it
  update public.analytics_sync_schedules set enabled = false
  where connection_id = new.id and enabled and not (source = any (sources));
  perform private.queue_analytics_syncs(new.id);
  return null;
end $function$;
comment on function private.analytics_connection_connected() is 'AFTER INSERT/UPDATE OF status, scopes on integration_connections of a provider that feeds analytics, turning or staying active: one schedule per source it feeds (private.analytics_sources_of) and its first pull; a schedule of a source it no longer feeds (permissions withdrawn) is paused.';
