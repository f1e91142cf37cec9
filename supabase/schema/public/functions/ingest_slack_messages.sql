CREATE OR REPLACE FUNCTION public.ingest_slack_messages(p_workspace_id uuid, p_messages jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  if jsonb_typeof(p_messages) is distinct from 'array' then
    raise exception 'messages must be a JSON array' using errcode = '22023';
  end if;
  perform private.require_batch_size('messages', jsonb_array_length(p_messages), 1000);
  if exists (select 1 from jsonb_array_elements(p_messages) e
             where coalesce(e ->> 'ts', '') !~ '^\d{1,12}\.\d{1,6}$' or e ->> 'slack_channel_id' is null) then
    raise exception 'every message needs slack_channel_id and a Slack ts like 1700000000.000100' using errcode = '22023';
  end if;
  insert into public.slack_messages as m (workspace_id, slack_channel_id, ts, thread_ts, slack_user_id, subtype, text,
                                          blocks, files, reactions, posted_at, edited_at)
  select p_workspace_id, x.slack_channel_id, x.ts, x.thread_ts, x.slack_user_id, x.subtype, x.text, x.blocks, x.files,
         x.reactions, to_timestamp(x.ts::numeric),
         case when x.edited_ts ~ '^\d{1,12}\.\d{1,6}$' then to_timestamp(x.edited_ts::numeric) end
  from jsonb_to_recordset(p_messages) as x (slack_channel_id text, ts text, thread_ts text, slack_user_id text, subtype text,
                                             text text, blocks jsonb, files jsonb, reactions jsonb, edited_ts text)
  where to_timestamp(x.ts::numeric) >= now() - interval '30 days'
  on conflict (workspace_id, slack_channel_id, ts) do update set thread_ts = excluded.thread_ts,
    slack_user_id = excluded.slack_user_id, subtype = excluded.subtype, text = excluded.text, blocks = excluded.blocks,
    files = excluded.files, reactions = excluded.reactions, edited_at = excluded.edited_at
  where (m.text, m.blocks, m.files, m.reactions, m.edited_at, m.thread_ts)
        is distinct from (excluded.text, excluded.blocks, excluded.files, excluded.reactions, excluded.edited_at, excluded.thread_ts);
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function public.ingest_slack_messages(uuid,jsonb) is 'Sync worker (service role): upserts up to 1000 messages by (channel, ts), skipping ones older than 30 days and unchanged re-syncs; thread counts follow. 22023 when a message lacks its channel or ts, 23503 for an uncached channel, PT413 over the cap.';
grant execute on function public.ingest_slack_messages(uuid,jsonb) to service_role;
