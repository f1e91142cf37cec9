CREATE OR REPLACE FUNCTION private.record_slack_post(p_subject text, p_id uuid, p_channel text, p_ts text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if p_subject = 'approval' then
    update public.agent_approvals set slack_channel_id = p_channel, slack_message_ts = p_ts
    where id = p_id and slack_message_ts is distinct from p_ts;
  elsif p_subject = 'alert' then
    update public.ops_alerts set slack_channel_id = p_channel, slack_message_ts = p_ts
    where id = p_id and slack_message_ts is distinct from p_ts;
  elsif p_subject = 'briefing' then
    update public.ceo_briefings set slack_channel_id = p_channel, slack_message_ts = p_ts
    where id = p_id and slack_message_ts is distinct from p_ts;
  else
    raise exception 'unknown Slack subject %', p_subject using errcode = '22023';
  end if;
end $function$;
comment on function private.record_slack_post(text,uuid,text,text) is 'The slack-post worker, in the job''s transaction: the message''s channel and ts on its row, so later edits change that message.';
grant execute on function private.record_slack_post(text,uuid,text,text) to service_role;
