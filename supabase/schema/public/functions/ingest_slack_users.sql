CREATE OR REPLACE FUNCTION public.ingest_slack_users(p_workspace_id uuid, p_users jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  n integer;
begin
  if jsonb_typeof(p_users) is distinct from 'array' then
    raise exception 'users must be a JSON array' using errcode = '22023';
  end if;
  perform private.require_batch_size('users', jsonb_array_length(p_users), 1000);
  insert into public.slack_users as u (workspace_id, team_id, slack_user_id, name, real_name, email, title, timezone,
                                       avatar_url, is_admin, is_bot, is_deleted, synced_at)
  select p_workspace_id, x.team_id, x.slack_user_id, x.name, x.real_name, lower(x.email), x.title, x.timezone, x.avatar_url,
         coalesce(x.is_admin, false), coalesce(x.is_bot, false), coalesce(x.is_deleted, false), now()
  from jsonb_to_recordset(p_users) as x (team_id text, slack_user_id text, name text, real_name text, email text, title text,
                                          timezone text, avatar_url text, is_admin boolean, is_bot boolean, is_deleted boolean)
  on conflict (workspace_id, slack_user_id) do update set team_id = excluded.team_id, name = excluded.name,
    real_name = excluded.real_name, email = excluded.email, title = excluded.title, timezone = excluded.timezone,
    avatar_url = excluded.avatar_url, is_admin = excluded.is_admin, is_bot = excluded.is_bot,
    is_deleted = excluded.is_deleted, synced_at = now();
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function public.ingest_slack_users(uuid,jsonb) is 'Sync worker (service role): upserts up to 1000 Slack users by slack_user_id; returns rows written. 22023 on a malformed batch, PT413 over the cap.';
grant execute on function public.ingest_slack_users(uuid,jsonb) to service_role;
