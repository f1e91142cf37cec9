-- Chat ops: the Slack cache and the assistant. Users and channels of the connected
-- Slack team, 30 days of messages (purged daily unless their thread is preserved), threads with
-- reply counts kept by triggers, the assistant's settings, poll state and meeting transcripts.
-- A sync worker (service role) writes the cache through the ingest RPCs; members read it.
create table public.slack_users (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  team_id text not null check (team_id ~ '^[A-Z0-9]{2,32}$'),
  slack_user_id text not null check (slack_user_id ~ '^[A-Z0-9]{2,32}$'),
  name text check (char_length(name) <= 255),
  real_name text check (char_length(real_name) <= 255),
  email text check (char_length(email) <= 320),
  title text check (char_length(title) <= 255),
  timezone text check (char_length(timezone) <= 64),
  avatar_url text check (char_length(avatar_url) <= 2000),
  is_admin boolean not null default false,
  is_bot boolean not null default false,
  is_deleted boolean not null default false,
  synced_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, slack_user_id)
);
comment on table public.slack_users is 'Cached profiles of the connected Slack team''s users (users.list). Personal data of team members: an erased user''s email is removed here too.';
comment on column public.slack_users.is_deleted is 'Deactivated in Slack; kept so old messages still have an author.';
alter table public.slack_users enable row level security;
grant select on public.slack_users to authenticated;
select private.install_row_triggers('public.slack_users');
select private.tenant_policy('public.slack_users', 'select', 'viewer');

create index slack_users_workspace_email_idx on public.slack_users (workspace_id, lower(email)) where email is not null;

create table public.slack_channels (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  team_id text not null check (team_id ~ '^[A-Z0-9]{2,32}$'),
  slack_channel_id text not null check (slack_channel_id ~ '^[A-Z0-9]{2,32}$'),
  name text check (char_length(name) <= 255),
  is_private boolean not null default false,
  is_im boolean not null default false,
  is_mpim boolean not null default false,
  is_archived boolean not null default false,
  topic text check (char_length(topic) <= 2000),
  purpose text check (char_length(purpose) <= 2000),
  member_count integer check (member_count >= 0),
  synced_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, slack_channel_id)
);
comment on table public.slack_channels is 'Cached channels, DMs (is_im) and group DMs (is_mpim) of the connected Slack team.';
alter table public.slack_channels enable row level security;
grant select on public.slack_channels to authenticated;
select private.install_row_triggers('public.slack_channels');
select private.tenant_policy('public.slack_channels', 'select', 'viewer');

create table public.slack_threads (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  slack_channel_id text not null,
  thread_ts text not null check (thread_ts ~ '^\d{1,12}\.\d{1,6}$'),
  reply_count integer not null default 0 check (reply_count >= 0),
  participant_ids text[] not null default '{}',
  last_reply_at timestamptz,
  preserved boolean not null default false,
  preserved_by uuid references auth.users (id) on delete set null,
  summary text check (char_length(summary) <= 20000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, slack_channel_id, thread_ts),
  foreign key (workspace_id, slack_channel_id) references public.slack_channels (workspace_id, slack_channel_id) on delete cascade
);
comment on table public.slack_threads is 'Threads: reply count, participants and last reply kept by triggers on slack_messages. A preserved thread (marked by a member) keeps its messages past the 30-day purge.';
comment on column public.slack_threads.reply_count is 'Cached replies (messages with this thread_ts other than the parent).';
comment on column public.slack_threads.participant_ids is 'Slack user ids that replied, in order of first reply.';
comment on column public.slack_threads.preserved is 'Kept beyond 30 days (with its messages) until unmarked.';
alter table public.slack_threads enable row level security;
grant select on public.slack_threads to authenticated;
grant update (preserved, preserved_by) on public.slack_threads to authenticated;
select private.install_row_triggers('public.slack_threads');
select private.tenant_policy('public.slack_threads', 'select', 'viewer');
select private.tenant_policy('public.slack_threads', 'update', 'member');

create index slack_threads_preserved_by_idx on public.slack_threads (preserved_by);

create table public.slack_messages (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  slack_channel_id text not null,
  ts text not null check (ts ~ '^\d{1,12}\.\d{1,6}$'),
  thread_ts text check (thread_ts ~ '^\d{1,12}\.\d{1,6}$'),
  slack_user_id text check (char_length(slack_user_id) <= 32),
  subtype text check (char_length(subtype) <= 64),
  text text check (char_length(text) <= 40000),
  blocks jsonb,
  files jsonb,
  reactions jsonb,
  posted_at timestamptz not null,
  edited_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, slack_channel_id, ts),
  foreign key (workspace_id, slack_channel_id) references public.slack_channels (workspace_id, slack_channel_id) on delete cascade
);
comment on table public.slack_messages is 'The last 30 days of messages, by (channel, ts): a re-synced message updates in place. Purged daily unless its thread is preserved.';
comment on column public.slack_messages.ts is 'Slack''s message timestamp ("1700000000.000100"): the message id within its channel.';
comment on column public.slack_messages.thread_ts is 'The parent''s ts for replies and for the parent itself; null outside threads.';
comment on column public.slack_messages.posted_at is 'ts as a time; the 30-day window counts from it.';
alter table public.slack_messages enable row level security;
grant select on public.slack_messages to authenticated;
select private.install_row_triggers('public.slack_messages');
select private.tenant_policy('public.slack_messages', 'select', 'viewer');

create index slack_messages_thread_idx on public.slack_messages (workspace_id, slack_channel_id, thread_ts) where thread_ts is not null;

create index slack_messages_posted_idx on public.slack_messages (posted_at);

-- Thread stats from the messages, for the threads touched by a statement (bulk sync friendly).
create function private.refresh_slack_threads(p_keys jsonb) returns void
language plpgsql security definer set search_path = '' as $$
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
end $$;
comment on function private.refresh_slack_threads(jsonb) is 'Recounts the given threads ([{workspace_id, slack_channel_id, thread_ts}]) from their cached messages. A purged reply keeps the thread''s last_reply_at.';

create function private.slack_thread_counts() returns trigger
language plpgsql security definer set search_path = '' as $$
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
end $$;
comment on function private.slack_thread_counts() is 'Statement triggers on slack_messages: recount the threads the statement touched.';

create trigger slack_thread_counts_ins after insert on public.slack_messages
  referencing new table as new_rows for each statement execute function private.slack_thread_counts();

create trigger slack_thread_counts_upd after update on public.slack_messages
  referencing new table as new_rows old table as old_rows for each statement execute function private.slack_thread_counts();

create trigger slack_thread_counts_del after delete on public.slack_messages
  referencing old table as old_rows for each statement execute function private.slack_thread_counts();

-- ===== ingestion (the sync worker, service role; members may not write the cache)
-- Users and channels: [{team_id, slack_user_id | slack_channel_id, ...}], at most 1000 per call.
create function public.ingest_slack_users(p_workspace_id uuid, p_users jsonb) returns integer
language plpgsql volatile set search_path = '' as $$
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
end $$;
comment on function public.ingest_slack_users(uuid, jsonb) is 'Sync worker (service role): upserts up to 1000 Slack users by slack_user_id; returns rows written. 22023 on a malformed batch, PT413 over the cap.';

create function public.ingest_slack_channels(p_workspace_id uuid, p_channels jsonb) returns integer
language plpgsql volatile set search_path = '' as $$
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
end $$;
comment on function public.ingest_slack_channels(uuid, jsonb) is 'Sync worker (service role): upserts up to 1000 channels by slack_channel_id; returns rows written.';

-- Messages: [{slack_channel_id, ts, thread_ts?, slack_user_id?, subtype?, text?, blocks?, files?, reactions?, edited_ts?}].
-- Messages older than 30 days are skipped (they would be purged anyway). Returns rows written.
create function public.ingest_slack_messages(p_workspace_id uuid, p_messages jsonb) returns integer
language plpgsql volatile set search_path = '' as $$
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
end $$;
comment on function public.ingest_slack_messages(uuid, jsonb) is 'Sync worker (service role): upserts up to 1000 messages by (channel, ts), skipping ones older than 30 days and unchanged re-syncs; thread counts follow. 22023 when a message lacks its channel or ts, 23503 for an uncached channel, PT413 over the cap.';

-- Members mark a thread to keep (or release it).
create function public.preserve_slack_thread(p_thread_id uuid, p_preserved boolean default true) returns public.slack_threads
language plpgsql volatile set search_path = '' as $$
declare
  t public.slack_threads;
  ws uuid := (select s.workspace_id from public.slack_threads s where s.id = p_thread_id);
begin
  if ws is null then
    raise exception 'no such thread' using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(ws, 'member');
  end if;
  update public.slack_threads set preserved = coalesce(p_preserved, true),
    preserved_by = case when coalesce(p_preserved, true) then (select auth.uid()) end
  where id = p_thread_id
  returning * into t;
  if not found then
    raise exception 'no such thread' using errcode = 'PT404';
  end if;
  return t;
end $$;
comment on function public.preserve_slack_thread(uuid, boolean) is 'Members: keep a thread (and its messages) beyond the 30-day purge, or release it. PT404 when the thread is not visible, 42501 for viewers.';
grant execute on function public.preserve_slack_thread(uuid, boolean) to authenticated;

-- ===== retention: 30 days, preserved threads kept
create function private.purge_slack_messages(p_keep interval default interval '30 days') returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from public.slack_messages m
  where m.posted_at < now() - p_keep
    and not exists (select 1 from public.slack_threads t
                    where t.preserved and t.workspace_id = m.workspace_id and t.slack_channel_id = m.slack_channel_id
                      and t.thread_ts = m.thread_ts);
  get diagnostics n = row_count;
  delete from public.slack_threads t
  where not t.preserved and coalesce(t.last_reply_at, t.created_at) < now() - p_keep
    and not exists (select 1 from public.slack_messages m
                    where m.workspace_id = t.workspace_id and m.slack_channel_id = t.slack_channel_id and m.thread_ts = t.thread_ts);
  return n;
end $$;
comment on function private.purge_slack_messages(interval) is 'pg_cron job slack-retention (daily): deletes messages posted more than p_keep ago unless their thread is preserved, then threads left empty; returns messages purged.';
grant execute on function private.purge_slack_messages(interval) to service_role;

select cron.schedule('slack-retention', '11 3 * * *', 'select private.purge_slack_messages()');

-- ===== assistant (Bri): settings, polls, meeting transcripts
create table public.slack_assistant_settings (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  setting_key text not null check (setting_key ~ '^[a-z][a-z0-9_.]{0,63}$'),
  setting_value jsonb not null,
  updated_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, setting_key)
);
comment on table public.slack_assistant_settings is 'The Slack assistant''s configuration per workspace, key -> JSON value (e.g. digest.channel, standup.time). Admins change it.';
alter table public.slack_assistant_settings enable row level security;
grant select, insert, update, delete on public.slack_assistant_settings to authenticated;
select private.install_row_triggers('public.slack_assistant_settings');
select private.tenant_policies('public.slack_assistant_settings', 'viewer', 'admin');

create index slack_assistant_settings_updated_by_idx on public.slack_assistant_settings (updated_by);

create function private.stamp_updated_by() returns trigger
language plpgsql set search_path = '' as $$
begin
  if private.is_end_user() then
    new.updated_by := (select auth.uid());
  end if;
  return new;
end $$;
comment on function private.stamp_updated_by() is 'BEFORE INSERT/UPDATE: updated_by is the signed-in caller.';

create trigger stamp_updated_by before insert or update on public.slack_assistant_settings
  for each row execute function private.stamp_updated_by();
select private.exempt_user_deletion('public.slack_assistant_settings', 'stamp_updated_by');

create table public.slack_poll_states (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  poll_id text not null check (char_length(poll_id) between 1 and 128),
  slack_channel_id text not null,
  thread_ts text check (thread_ts ~ '^\d{1,12}\.\d{1,6}$'),
  question text not null check (char_length(question) between 1 and 2000),
  options text[] not null constraint "a poll has 2-20 options" check (cardinality(options) between 2 and 20),
  responses jsonb not null default '{}'::jsonb check (jsonb_typeof(responses) = 'object'),
  closes_at timestamptz,
  closed_at timestamptz,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, poll_id),
  foreign key (workspace_id, slack_channel_id) references public.slack_channels (workspace_id, slack_channel_id) on delete cascade
);
comment on table public.slack_poll_states is 'Polls the assistant posts in Slack: the answers so far, one per Slack user, until closed.';
comment on column public.slack_poll_states.responses is 'Slack user id -> chosen option index, e.g. {"U123": 0}.';
alter table public.slack_poll_states enable row level security;
grant select on public.slack_poll_states to authenticated;
select private.install_row_triggers('public.slack_poll_states');
select private.tenant_policy('public.slack_poll_states', 'select', 'viewer');

create index slack_poll_states_channel_idx on public.slack_poll_states (workspace_id, slack_channel_id);

create index slack_poll_states_created_by_idx on public.slack_poll_states (created_by);

-- A Slack user answers (or changes their answer); atomic, so concurrent answers are all kept.
create function public.record_slack_poll_response(p_workspace_id uuid, p_poll_id text, p_slack_user_id text, p_option integer)
returns jsonb
language plpgsql volatile set search_path = '' as $$
declare
  p public.slack_poll_states;
begin
  if p_slack_user_id is null or p_slack_user_id !~ '^[A-Z0-9]{2,32}$' then
    raise exception 'a Slack user id like U123ABC is required' using errcode = '22023';
  end if;
  select * into p from public.slack_poll_states where workspace_id = p_workspace_id and poll_id = p_poll_id for update;
  if not found then
    raise exception 'no such poll' using errcode = 'PT404';
  end if;
  if p.closed_at is not null or (p.closes_at is not null and p.closes_at <= now()) then
    raise exception 'the poll is closed' using errcode = 'PT409';
  end if;
  if p_option is null or p_option < 0 or p_option >= cardinality(p.options) then
    raise exception 'option must be between 0 and %', cardinality(p.options) - 1 using errcode = '22023';
  end if;
  update public.slack_poll_states set responses = responses || jsonb_build_object(p_slack_user_id, p_option)
  where id = p.id returning responses into p.responses;
  return p.responses;
end $$;
comment on function public.record_slack_poll_response(uuid, text, text, integer) is 'Assistant (service role): records a Slack user''s answer to an open poll; returns all answers. 22023 bad option, PT404 unknown poll, PT409 closed.';

create table public.meeting_transcripts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  title text not null check (char_length(btrim(title)) between 1 and 500),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  slack_channel_id text,
  meeting_at timestamptz,
  duration_seconds integer check (duration_seconds > 0),
  participants text[] not null default '{}',
  transcript_text text not null check (char_length(transcript_text) between 1 and 1000000),
  key_insights text[] not null default '{}',
  action_items jsonb not null default '[]'::jsonb check (jsonb_typeof(action_items) = 'array'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, slack_channel_id) references public.slack_channels (workspace_id, slack_channel_id) on delete set null (slack_channel_id)
);
comment on table public.meeting_transcripts is 'Meeting recordings transcribed for the assistant: the text, insights and action items ([{"owner": "...", "task": "...", "due": "2026-12-01"}]).';
comment on column public.meeting_transcripts.slack_channel_id is 'Where the assistant posted the summary, if anywhere.';
alter table public.meeting_transcripts enable row level security;
grant select, insert, update, delete on public.meeting_transcripts to authenticated;
select private.install_row_triggers('public.meeting_transcripts');
select private.tenant_policies('public.meeting_transcripts', 'viewer', 'member');

create index meeting_transcripts_workspace_idx on public.meeting_transcripts (workspace_id, meeting_at desc);

create index meeting_transcripts_channel_idx on public.meeting_transcripts (workspace_id, slack_channel_id);

create index meeting_transcripts_created_by_idx on public.meeting_transcripts (created_by);
