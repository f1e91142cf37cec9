CREATE OR REPLACE FUNCTION private.enqueue_slack_syncs()
 RETURNS integer
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select count(private.enqueue_connector_job('slack_sync', c.workspace_id, c.id, 'sync:' || to_char(now(), 'YYYY-MM-DD')))::integer
  from public.integration_connections c where c.provider = 'slack' and c.status = 'active'
$function$;
comment on function private.enqueue_slack_syncs() is 'pg_cron (slack-sync, daily): one users-and-channels sync per active Slack connection and day.';
