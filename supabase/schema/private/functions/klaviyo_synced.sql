CREATE OR REPLACE FUNCTION private.klaviyo_synced(p_job_id bigint, p_lease_id uuid, p_profiles_cursor timestamp with time zone, p_profiles_cursor_id text, p_orders_cursor timestamp with time zone, p_orders_cursor_id text, p_profiles integer, p_events integer)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, null);
  update public.klaviyo_sync_states s set
    profiles_cursor = coalesce(p_profiles_cursor, s.profiles_cursor),
    profiles_cursor_id = case when p_profiles_cursor is null then s.profiles_cursor_id else p_profiles_cursor_id end,
    orders_cursor = coalesce(p_orders_cursor, s.orders_cursor),
    orders_cursor_id = case when p_orders_cursor is null then s.orders_cursor_id else p_orders_cursor_id end,
    profiles_synced = s.profiles_synced + greatest(coalesce(p_profiles, 0), 0),
    events_sent = s.events_sent + greatest(coalesce(p_events, 0), 0),
    last_synced_at = now()
  where s.connection_id = j.connection_id;
end $function$;
comment on function private.klaviyo_synced(bigint,uuid,timestamp with time zone,text,timestamp with time zone,text,integer,integer) is 'The klaviyo-sync worker''s record of what Klaviyo accepted: the cursors move past it and the totals grow, under the job''s lease.';
grant execute on function private.klaviyo_synced(bigint,uuid,timestamp with time zone,text,timestamp with time zone,text,integer,integer) to service_role;
