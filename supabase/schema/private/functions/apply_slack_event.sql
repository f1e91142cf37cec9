CREATE OR REPLACE FUNCTION private.apply_slack_event()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  e jsonb := new.payload -> 'event';
  ws uuid := private.slack_workspace(new.payload ->> 'team_id');
  m jsonb;
begin
  if ws is null or e ->> 'type' <> 'message' or e ->> 'channel' !~ '^[A-Z0-9]{2,32}$' then
    return null;
  end if;
  m := case when e ->> 'subtype' = 'message_changed' then e -> 'message' || jsonb_build_object('edited_ts', e #>> '{message,edited,ts}')
            else e end;
  if e ->> 'subtype' = 'message_deleted' then
    delete from public.slack_messages where workspace_id = ws and slack_channel_id = e ->> 'channel' and ts = e ->> 'deleted_ts';
    return null;
  end if;
  insert into public.slack_channels (workspace_id, team_id, slack_channel_id)
  values (ws, new.payload ->> 'team_id', e ->> 'channel') on conflict (workspace_id, slack_channel_id) do nothing;
  perform public.ingest_slack_messages(ws, jsonb_build_array(jsonb_build_object(
    'slack_channel_id', e ->> 'channel', 'ts', m ->> 'ts', 'thread_ts', m ->> 'thread_ts', 'slack_user_id', m ->> 'user',
    'subtype', e ->> 'subtype', 'text', m ->> 'text', 'blocks', m -> 'blocks', 'files', m -> 'files', 'edited_ts', m ->> 'edited_ts')));
  return null;
end $function$;
comment on function private.apply_slack_event() is 'AFTER INSERT on private.webhook_events for Slack event callbacks: a message (new or edited) goes into the 30-day cache of the team''s workspace (its channel cached if new), a deleted one leaves it. Redeliveries (the same event_id) are never inserted twice.';
