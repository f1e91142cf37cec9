CREATE OR REPLACE FUNCTION public.ingest_slack_channels(p_workspace_id uuid, p_channels jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  if jsonb_typeof(p_channels) is distinct from 'array' then
    raise exception 'channels must be a JSON array' using errcode = '22023';
  end if;
  perform private.require_batch_size('channels', jsonb_array_length(p_channels), 1000);
  insert into public.slack_channels as c (workspace_id, team_id, slack_channel_id, name, is_private, is_im, is_mpim,
                                          is_archived, topic, purpose, member_count, synced_at)
  select p_workspace_id, x.team_id, x.slack_channel_id, x.name, coalesce(x.is_private, false), coalesce(x.is_im, false),
         coalesce(x.is_mpim, false), coalesce(x.is_archived, false), x.topic, x.purpose, x.member_count, now()
  from jsonb_to_recordset(p_channels) as x (team_id text, slack_channel_id text, name text, is_private boolean, is_im boolean,
                                             is_mpim boolean, is_archived boolean, topic text, purpose text, member_count integer)
  on conflict (workspace_id, slack_channel_id) do update set team_id = excluded.team_id, name = excluded.name,
    is_private = excluded.is_private, is_im = excluded.is_im, is_mpim = excluded.is_mpim, is_archived = excluded.is_archived,
    topic = excluded.topic, purpose = excluded.purpose, member_count = excluded.member_count, synced_at = now();
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function public.ingest_slack_channels(uuid,jsonb) is 'Sync worker (service role): upserts up to 1000 channels by slack_channel_id; returns rows written.';
grant execute on function public.ingest_slack_channels(uuid,jsonb) to service_role;
