CREATE OR REPLACE FUNCTION private.slack_notify_row()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_table_name = 'ops_alerts' then
    perform private.notify_slack(new.workspace_id, 'alert', new.id, new.status::text || ':' || extract(epoch from new.updated_at)::bigint);
  elsif tg_table_name = 'agent_approvals' then
    perform private.notify_slack(new.workspace_id, 'approval', new.id, new.status::text);
  else
    perform private.notify_slack(new.workspace_id, 'briefing', new.id, 'posted');
  end if;
  return null;
end $function$;
comment on function private.slack_notify_row() is 'AFTER INSERT/UPDATE on ops_alerts (status, severity, title) and agent_approvals (status), AFTER INSERT on ceo_briefings: queues the Slack post or edit.';
