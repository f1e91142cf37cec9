-- Messaging, part 2: Slack. A workspace connects its Slack team through OAuth (a bot token,
-- encrypted like every other token; the connection's external account is the team id). Then:
-- - ops alerts, pending approvals and CEO briefings are posted to the channel set in
--   slack_assistant_settings ('notifications.channel') with chat.postMessage; the message's ts is
--   stored on the row, and a later change (an alert resolved, an approval decided) edits that
--   message (chat.update). Each post or edit is a job of the slack_post connector queue, keyed by
--   the row and its state, so one state is posted once.
-- - approvals are decided from Slack's buttons: the slack function verifies Slack's signature,
--   maps the Slack user to a workspace member (by the email of the synced Slack profile) and
--   calls public.decide_approval as that member, so the app's roles and errors apply.
-- - the Events API fills the 30-day message cache; users and channels are synced by the
--   slack_sync queue with cursor paging, waiting as long as a 429's Retry-After asks.

alter table public.agent_approvals
  add column slack_channel_id text check (slack_channel_id ~ '^[A-Z0-9]{2,32}$'),
  add column slack_message_ts text check (slack_message_ts ~ '^\d{1,12}\.\d{1,6}$');
comment on column public.agent_approvals.slack_channel_id is 'The Slack channel the approval was posted to (with Approve and Reject buttons).';
comment on column public.agent_approvals.slack_message_ts is 'The Slack message''s ts: a decision edits that message to say who decided.';
alter table public.ceo_briefings
  add column slack_channel_id text check (slack_channel_id ~ '^[A-Z0-9]{2,32}$'),
  add column slack_message_ts text check (slack_message_ts ~ '^\d{1,12}\.\d{1,6}$');
comment on column public.ceo_briefings.slack_channel_id is 'The Slack channel the briefing was posted to.';
comment on column public.ceo_briefings.slack_message_ts is 'The Slack message''s ts.';
alter table public.ops_alerts add column slack_channel_id text check (slack_channel_id ~ '^[A-Z0-9]{2,32}$');
comment on column public.ops_alerts.slack_channel_id is 'The Slack channel the alert was posted to; slack_message_ts is its message, edited as the alert changes.';

select private.register_connector_queue('slack_post', 'slack-post',
  'Slack messages for ops alerts, approvals and CEO briefings: post once, then edit the same message; one at a time per Slack team, so a post precedes its edits.',
  interval '1 minute', 8, interval '10 seconds', interval '30 minutes', true);
select private.register_connector_queue('slack_sync', 'slack-sync',
  'Slack users and channels, a page per turn (users.list, then conversations.list), resuming at the saved cursor.',
  interval '2 minutes', 8, interval '30 seconds', interval '1 hour', true);

-- ===== who and where
create function private.slack_connection(p_workspace_id uuid) returns uuid
language sql stable security definer set search_path = '' as $$
  select c.id from public.integration_connections c
  where c.workspace_id = p_workspace_id and c.provider = 'slack' and c.status = 'active'
  order by c.created_at desc limit 1
$$;
comment on function private.slack_connection(uuid) is 'The workspace''s active Slack connection (the latest), or null.';

create function private.slack_notification_channel(p_workspace_id uuid) returns text
language sql stable security definer set search_path = '' as $$
  select s.setting_value #>> '{}' from public.slack_assistant_settings s
  where s.workspace_id = p_workspace_id and s.setting_key = 'notifications.channel'
    and jsonb_typeof(s.setting_value) = 'string' and s.setting_value #>> '{}' ~ '^[A-Z0-9]{2,32}$'
$$;
comment on function private.slack_notification_channel(uuid) is 'The channel id in slack_assistant_settings ''notifications.channel'' (a JSON string like "C0123"), or null.';

create function private.slack_workspace(p_team_id text) returns uuid
language sql stable security definer set search_path = '' as $$
  select c.workspace_id from public.integration_connections c
  where c.provider = 'slack' and c.external_account_id = p_team_id and c.status = 'active'
  order by c.created_at desc limit 1
$$;
comment on function private.slack_workspace(text) is 'The workspace a Slack team (T...) is connected to, or null.';

create function private.slack_member(p_workspace_id uuid, p_slack_user_id text) returns uuid
language sql stable security definer set search_path = '' as $$
  select m.user_id from public.slack_users s
  join auth.users u on lower(u.email) = lower(s.email)
  join public.workspace_members m on m.workspace_id = s.workspace_id and m.user_id = u.id
  where s.workspace_id = p_workspace_id and s.slack_user_id = p_slack_user_id and not s.is_deleted and s.email is not null
  limit 1
$$;
comment on function private.slack_member(uuid, text) is 'The workspace member a Slack user is: the member whose sign-in email is the synced Slack profile''s email; null when none.';

-- ===== posting: one job per row and state
create function private.notify_slack(p_workspace_id uuid, p_subject text, p_id uuid, p_state text) returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  conn uuid := private.slack_connection(p_workspace_id);
begin
  if conn is null or private.slack_notification_channel(p_workspace_id) is null then
    return null;
  end if;
  return private.enqueue_connector_job('slack_post', p_workspace_id, conn, p_subject || ':' || p_id || ':' || p_state,
    jsonb_build_object('subject', p_subject, 'id', p_id));
end $$;
comment on function private.notify_slack(uuid, text, uuid, text) is 'Queues the Slack message of an alert, approval or briefing in a given state (once per state), when the workspace has Slack connected and a notification channel.';

create function private.slack_notify_row() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_table_name = 'ops_alerts' then
    perform private.notify_slack(new.workspace_id, 'alert', new.id, new.status::text || ':' || extract(epoch from new.updated_at)::bigint);
  elsif tg_table_name = 'agent_approvals' then
    perform private.notify_slack(new.workspace_id, 'approval', new.id, new.status::text);
  else
    perform private.notify_slack(new.workspace_id, 'briefing', new.id, 'posted');
  end if;
  return null;
end $$;
comment on function private.slack_notify_row() is 'AFTER INSERT/UPDATE OF status on ops_alerts and agent_approvals, AFTER INSERT on ceo_briefings: queues the Slack post or edit.';
create trigger slack_notify after insert or update of status on public.ops_alerts
  for each row execute function private.slack_notify_row();
create trigger slack_notify after insert or update of status on public.agent_approvals
  for each row when (new.status <> 'expired' or new.slack_message_ts is not null) execute function private.slack_notify_row();
create trigger slack_notify after insert on public.ceo_briefings
  for each row execute function private.slack_notify_row();

create type private.slack_message as (workspace_id uuid, channel text, ts text, text text, blocks jsonb);
comment on type private.slack_message is 'A Slack message as the slack-post worker sends it: where, the ts to edit (null: post a new one), fallback text and Block Kit blocks.';

create function private.slack_escape(p_text text) returns text
language sql immutable set search_path = '' as $$
  select replace(replace(replace(coalesce(p_text, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
$$;
comment on function private.slack_escape(text) is 'Escapes &, < and > for Slack''s mrkdwn (so a title cannot mention @channel or make links).';

create function private.slack_message_for(p_subject text, p_id uuid) returns private.slack_message
language plpgsql stable security definer set search_path = '' as $$
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
end $$;
comment on function private.slack_message_for(text, uuid) is 'The current Slack message of an alert, approval (buttons while pending; who decided, and when, after) or briefing; null when the row is gone.';

create function private.record_slack_post(p_subject text, p_id uuid, p_channel text, p_ts text) returns void
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.record_slack_post(text, uuid, text, text) is 'The slack-post worker, in the job''s transaction: the message''s channel and ts on its row, so later edits change that message.';

-- ===== Events API: messages into the 30-day cache
create function private.apply_slack_event() returns trigger
language plpgsql security definer set search_path = '' as $$
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
end $$;
comment on function private.apply_slack_event() is 'AFTER INSERT on private.webhook_events for Slack event callbacks: a message (new or edited) goes into the 30-day cache of the team''s workspace (its channel cached if new), a deleted one leaves it. Redeliveries (the same event_id) are never inserted twice.';
create trigger apply_slack_event after insert on private.webhook_events
  for each row when (new.provider = 'slack') execute function private.apply_slack_event();

-- ===== users and channels sync
create function private.enqueue_slack_syncs() returns integer
language sql volatile security definer set search_path = '' as $$
  select count(private.enqueue_connector_job('slack_sync', c.workspace_id, c.id, 'sync:' || to_char(now(), 'YYYY-MM-DD')))::integer
  from public.integration_connections c where c.provider = 'slack' and c.status = 'active'
$$;
comment on function private.enqueue_slack_syncs() is 'pg_cron (slack-sync, daily): one users-and-channels sync per active Slack connection and day.';

create function private.slack_connected() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.enqueue_connector_job('slack_sync', new.workspace_id, new.id, 'sync:connected:' || new.id);
  return null;
end $$;
comment on function private.slack_connected() is 'AFTER INSERT on integration_connections for Slack: the first users-and-channels sync starts at once.';
create trigger slack_connected after insert on public.integration_connections
  for each row when (new.provider = 'slack') execute function private.slack_connected();

select cron.schedule('slack-sync', '41 5 * * *', $$select private.enqueue_slack_syncs()$$);

revoke all on function private.slack_connection(uuid) from public;
revoke all on function private.slack_notification_channel(uuid) from public;
revoke all on function private.slack_workspace(text) from public;
revoke all on function private.slack_member(uuid, text) from public;
revoke all on function private.notify_slack(uuid, text, uuid, text) from public;
revoke all on function private.slack_notify_row() from public;
revoke all on function private.slack_escape(text) from public;
revoke all on function private.slack_message_for(text, uuid) from public;
revoke all on function private.record_slack_post(text, uuid, text, text) from public;
revoke all on function private.apply_slack_event() from public;
revoke all on function private.enqueue_slack_syncs() from public;
revoke all on function private.slack_connected() from public;
grant execute on function private.slack_workspace(text), private.slack_member(uuid, text),
  private.slack_message_for(text, uuid), private.record_slack_post(text, uuid, text, text) to service_role;
