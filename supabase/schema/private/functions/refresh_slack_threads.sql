CREATE OR REPLACE FUNCTION private.refresh_slack_threads(p_keys jsonb)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  insert into public.slack_threads as t (workspace_id, slack_channel_id, thread_ts, reply_count, participant_ids, last_reply_at)
  select k.workspace_id, k.slack_channel_id, k.thread_ts,
         count(m.id) filter (where m.ts <> k.thread_ts)::integer,
         coalesce((select array_agg(p.slack_user_id order by p.first_ts) from (
                     select r.slack_user_id, min(r.ts::numeric) as first_ts from public.slack_messages r
                     where r.workspace_id = k.workspace_id and r.slack_channel_id = k.slack_channel_id
                       and r.thread_ts = k.thread_ts and r.ts <> k.thread_ts and r.slack_user_id is not null
                     group by r.slack_user_id) p), '{}'),
         max(m.posted_at) filter (where m.ts <> k.thread_ts)
  from (select distinct x.workspace_id, x.slack_channel_id, x.thread_ts
        from jsonb_to_recordset(p_keys) as x (workspace_id uuid, slack_channel_id text, thread_ts text)
        where x.thread_ts is not null) k
  left join public.slack_messages m
    on m.workspace_id = k.workspace_id and m.slack_channel_id = k.slack_channel_id and m.thread_ts = k.thread_ts
  where exists (select 1 from public.slack_channels c where c.workspace_id = k.workspace_id and c.slack_channel_id = k.slack_channel_id)
  group by k.workspace_id, k.slack_channel_id, k.thread_ts
  on conflict (workspace_id, slack_channel_id, thread_ts) do update set
    reply_count = excluded.reply_count, participant_ids = excluded.participant_ids,
    last_reply_at = coalesce(excluded.last_reply_at, t.last_reply_at);
end $function$;
comment on function private.refresh_slack_threads(jsonb) is 'Recounts the given threads ([{workspace_id, slack_channel_id, thread_ts}]) from their cached messages. A purged reply keeps the thread''s last_reply_at.';
