create view public.analytics_sources with (security_invoker=true) as
 SELECT s.workspace_id,
    s.connection_id,
    s.source,
    c.provider,
    c.external_account_id,
    c.status AS connection_status,
    s.enabled,
    s.recent_days,
    s.backfill_days,
    s.last_synced_at,
    s.last_sync_status,
    c.health,
    c.health_changed_at,
    c.throttled_until,
    c.last_error,
    c.last_success_at,
    ( SELECT min(r.next_attempt_at) AS min
           FROM public.analytics_sync_runs r
          WHERE r.workspace_id = s.workspace_id AND r.connection_id = s.connection_id AND r.source = s.source AND (r.status = ANY (ARRAY['queued'::public.analytics_sync_status, 'waiting'::public.analytics_sync_status, 'retrying'::public.analytics_sync_status]))) AS next_attempt_at
   FROM public.analytics_sync_schedules s
     LEFT JOIN public.integration_connections c ON c.workspace_id = s.workspace_id AND c.id = s.connection_id;
comment on view public.analytics_sources is 'Each analytics source of a workspace: its connection (provider, account), whether it is enabled, when it last synced and how the latest pull stands, and the connection''s health (health, throttled_until, last_error, last_success_at: admins only, as integration_connections is; null for members and viewers). Runs with the caller''s rights.';
grant insert, select, update, delete, truncate, references, trigger on public.analytics_sources to service_role;
grant select on public.analytics_sources to authenticated;
