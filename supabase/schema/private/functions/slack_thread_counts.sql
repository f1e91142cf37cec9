CREATE OR REPLACE FUNCTION private.slack_thread_counts()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  keys jsonb;
begin
  if tg_op = 'INSERT' then
    select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'slack_channel_id', n.slack_channel_id, 'thread_ts', n.thread_ts))
    into keys from new_rows n where n.thread_ts is not null;
  elsif tg_op = 'DELETE' then
    select jsonb_agg(jsonb_build_object('workspace_id', o.workspace_id, 'slack_channel_id', o.slack_channel_id, 'thread_ts', o.thread_ts))
    into keys from old_rows o where o.thread_ts is not null;
  else
    select jsonb_agg(jsonb_build_object('workspace_id', x.workspace_id, 'slack_channel_id', x.slack_channel_id, 'thread_ts', x.thread_ts))
    into keys from (select workspace_id, slack_channel_id, thread_ts from new_rows
                    union select workspace_id, slack_channel_id, thread_ts from old_rows) x
    where x.thread_ts is not null;
  end if;
  if keys is not null then
    perform private.refresh_slack_threads(keys);
  end if;
  return null;
end $function$;
comment on function private.slack_thread_counts() is 'Statement triggers on slack_messages: recount the threads the statement touched.';
