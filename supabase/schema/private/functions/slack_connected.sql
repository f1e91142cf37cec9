CREATE OR REPLACE FUNCTION private.slack_connected()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.enqueue_connector_job('slack_sync', new.workspace_id, new.id, 'sync:connected:' || new.id);
  return null;
end $function$;
comment on function private.slack_connected() is 'AFTER INSERT on integration_connections for Slack: the first users-and-channels sync starts at once.';
