CREATE OR REPLACE FUNCTION private.analytics_connection_connected()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  insert into public.analytics_sync_schedules (workspace_id, connection_id, source, recent_days, backfill_days)
  select new.workspace_id, new.id, s, d.recent_days, d.backfill_days
  from unnest(private.analytics_sources_of(new.provider, new.scopes)) s
  cross join lateral private.analytics_source_defaults(s) d
  on conflict (connection_id, source) do nothing;
  perform private.queue_analytics_syncs(new.id);
  return null;
end $function$;
comment on function private.analytics_connection_connected() is 'AFTER INSERT/UPDATE OF status, scopes on integration_connections of a provider that feeds analytics, turning or staying active: one schedule per source it feeds (private.analytics_sources_of) and its first pull.';
