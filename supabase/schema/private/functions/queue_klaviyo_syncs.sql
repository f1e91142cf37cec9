CREATE OR REPLACE FUNCTION private.queue_klaviyo_syncs()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  n integer := 0;
  c record;
begin
  for c in select ic.id, ic.workspace_id from public.integration_connections ic where ic.provider = 'klaviyo' and ic.status = 'active' loop
    perform private.enqueue_connector_job('klaviyo_sync', c.workspace_id, c.id,
      'sync:' || c.id || ':' || to_char(date_trunc('hour', now()) + floor(extract(minute from now()) / 15) * interval '15 minutes', 'YYYYMMDDHH24MI'), '{}');
    n := n + 1;
  end loop;
  return n;
end $function$;
comment on function private.queue_klaviyo_syncs() is 'pg_cron (klaviyo-sync, every 15 minutes): one sync job per active Klaviyo connection and quarter hour.';
