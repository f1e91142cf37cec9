CREATE OR REPLACE FUNCTION private.notify_slack(p_workspace_id uuid, p_subject text, p_id uuid, p_state text)
 RETURNS bigint
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  conn uuid := private.slack_connection(p_workspace_id);
begin
  if conn is null or private.slack_notification_channel(p_workspace_id) is null then
    return null;
  end if;
  return private.enqueue_connector_job('slack_post', p_workspace_id, conn, p_subject || ':' || p_id || ':' || p_state,
    jsonb_build_object('subject', p_subject, 'id', p_id));
end $function$;
comment on function private.notify_slack(uuid,text,uuid,text) is 'Queues the Slack message of an alert, approval or briefing in a given state (once per state), when the workspace has Slack connected and a notification channel.';
