CREATE OR REPLACE FUNCTION private.slack_message_for(p_subject text, p_id uuid)
 RETURNS private.slack_message
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  r private.slack_message;
  a public.agent_approvals;
  al public.ops_alerts;
  b public.ceo_briefings;
  who text;
begin
  if p_subject = 'approval' then
    select * into a from public.agent_approvals where id = p_id;
    if not found then return null; end if;
    select coalesce(p.display_name, p.email, u.email::text) into who
    from auth.users u left join public.profiles p on p.id = u.id where u.id = a.decided_by;
    r.workspace_id := a.workspace_id;
    r.channel := coalesce(a.slack_channel_id, private.slack_notification_channel(a.workspace_id));
    r.ts := a.slack_message_ts;
    r.text := 'Approval ' || a.status || ': ' || a.title;
    r.blocks := jsonb_build_array(
      jsonb_build_object('type', 'section', 'text', jsonb_build_object('type', 'mrkdwn',
        'text', '*' || private.slack_escape(a.title) || '*' || coalesce(E'\n' || private.slack_escape(left(a.rationale, 2500)), ''))))
      || case when a.status = 'pending' then jsonb_build_array(jsonb_build_object('type', 'actions', 'block_id', 'approval',
           'elements', jsonb_build_array(
             jsonb_build_object('type', 'button', 'action_id', 'approval_approve', 'style', 'primary', 'value', a.id,
                                'text', jsonb_build_object('type', 'plain_text', 'text', 'Approve')),
             jsonb_build_object('type', 'button', 'action_id', 'approval_reject', 'style', 'danger', 'value', a.id,
                                'text', jsonb_build_object('type', 'plain_text', 'text', 'Reject')))))
         else jsonb_build_array(jsonb_build_object('type', 'context', 'elements', jsonb_build_array(jsonb_build_object(
           'type', 'mrkdwn', 'text', initcap(a.status::text)
             || coalesce(' by ' || private.slack_escape(who), '')
             || coalesce(' at ' || to_char(a.decided_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI "UTC"'), '')))))
         end;
  elsif p_subject = 'alert' then
    select * into al from public.ops_alerts where id = p_id;
    if not found then return null; end if;
    r.workspace_id := al.workspace_id;
    r.channel := coalesce(al.slack_channel_id, private.slack_notification_channel(al.workspace_id));
    r.ts := al.slack_message_ts;
    r.text := upper(al.severity::text) || ' alert (' || al.status || '): ' || al.title;
    r.blocks := jsonb_build_array(jsonb_build_object('type', 'section', 'text', jsonb_build_object('type', 'mrkdwn',
      'text', case al.status when 'resolved' then ':white_check_mark: ' when 'acknowledged' then ':eyes: ' else ':rotating_light: ' end
              || '*' || private.slack_escape(al.title) || '* (' || al.severity || ', ' || al.status || ')'
              || coalesce(E'\n' || private.slack_escape(left(al.message, 2500)), ''))));
  elsif p_subject = 'briefing' then
    select * into b from public.ceo_briefings where id = p_id;
    if not found then return null; end if;
    r.workspace_id := b.workspace_id;
    r.channel := coalesce(b.slack_channel_id, private.slack_notification_channel(b.workspace_id));
    r.ts := b.slack_message_ts;
    r.text := 'CEO briefing ' || b.period_start || ' to ' || b.period_end;
    r.blocks := jsonb_build_array(
      jsonb_build_object('type', 'header', 'text', jsonb_build_object('type', 'plain_text', 'text', left(r.text, 150))),
      jsonb_build_object('type', 'section', 'text', jsonb_build_object('type', 'mrkdwn',
        'text', private.slack_escape(left(b.executive_summary, 2900)))));
  else
    raise exception 'unknown Slack subject %', p_subject using errcode = '22023';
  end if;
  return r;
end $function$;
comment on function private.slack_message_for(text,uuid) is 'The current Slack message of an alert, approval (buttons while pending; who decided, and when, after) or briefing; null when the row is gone.';
grant execute on function private.slack_message_for(text,uuid) to service_role;
