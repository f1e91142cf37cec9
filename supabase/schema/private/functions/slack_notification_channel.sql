CREATE OR REPLACE FUNCTION private.slack_notification_channel(p_workspace_id uuid)
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select s.setting_value #>> '{}' from public.slack_assistant_settings s
  where s.workspace_id = p_workspace_id and s.setting_key = 'notifications.channel'
    and jsonb_typeof(s.setting_value) = 'string' and s.setting_value #>> '{}' ~ '^[A-Z0-9]{2,32}$'
$function$;
comment on function private.slack_notification_channel(uuid) is 'The channel id in slack_assistant_settings ''notifications.channel'' (a JSON string like "C0123"), or null.';
