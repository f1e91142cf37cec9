
-- Demos: interactive demos. A demo is an AI agent persona guiding a visitor through an ordered
-- set of videos; Tavus conversations about it and their transcripts; per-demo stats; realtime. A published
-- demo is public: anon reads it through get_public_demo (one demo by id, safe columns) and its
-- media through a narrow storage policy; drafts and archived demos stay private.
create type public.demo_status as enum ('draft', 'published', 'archived');

comment on type public.demo_status is 'draft -> published -> draft | archived; archived -> draft. Only published demos are public.';

create type public.demo_conversation_status as enum ('created', 'active', 'ended');

comment on type public.demo_conversation_status is 'A Tavus conversation: created (link made), active (the replica joined), ended (shut down).';

create table public.demos (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  name text not null constraint "demo name must be 1-255 characters" check (char_length(btrim(name)) between 1 and 255),
  description text constraint "demo description is at most 5000 characters" check (char_length(description) <= 5000),
  status public.demo_status not null default 'draft',
  agent_name text not null default 'Demo Agent'
    constraint "agent name must be 1-100 characters" check (char_length(btrim(agent_name)) between 1 and 100),
  agent_personality text not null default 'Friendly and helpful'
    constraint "agent personality is at most 2000 characters" check (char_length(agent_personality) <= 2000),
  agent_greeting text not null default 'Hello! I''m your demo agent. How can I help you today?'
    constraint "agent greeting is at most 1000 characters" check (char_length(agent_greeting) <= 1000),
  agent_objectives text[] not null default '{}'
    constraint "at most 20 objectives" check (cardinality(agent_objectives) <= 20),
  cta_text text constraint "call-to-action text is at most 200 characters" check (char_length(cta_text) <= 200),
  cta_link text constraint "call-to-action link must be an http(s) URL" check (cta_link ~ '^https?://[^\s]+$' and char_length(cta_link) <= 2000),
  tavus_persona_id text check (char_length(tavus_persona_id) <= 255),
  tavus_replica_id text check (char_length(tavus_replica_id) <= 255),
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  published_at timestamptz,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id)
);
comment on table public.demos is 'Interactive demos: an agent persona (name, personality, greeting, objectives) guiding visitors through ordered videos, with a call to action. Members build them; published ones are public through get_public_demo.';
comment on column public.demos.agent_objectives is 'What the agent steers the conversation towards.';
comment on column public.demos.tavus_persona_id is 'The Tavus persona the agent runs as.';
comment on column public.demos.published_at is 'When it was last published; null while never published.';
alter table public.demos enable row level security;
grant select, insert, update, delete on public.demos to authenticated;
alter publication supabase_realtime add table public.demos;
select private.install_row_triggers('public.demos');
select private.tenant_policies('public.demos', 'viewer', 'member');

-- ===== conversation transcripts (Tavus), linked to the demo they were about
create type public.conversation_role as enum ('system', 'user', 'assistant');

comment on type public.conversation_role is 'Who said a conversation message.';

create table public.conversation_messages (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  conversation_id text not null check (char_length(conversation_id) between 1 and 255),
  message_index integer not null check (message_index >= 0),
  role public.conversation_role not null,
  content text not null,
  content_length integer generated always as (char_length(content)) stored,
  occurred_at timestamptz,
  demo_id uuid,
  sentiment text check (char_length(sentiment) <= 32),
  intent text check (char_length(intent) <= 128),
  confidence numeric(3, 2) constraint "confidence must be between 0 and 1" check (confidence between 0 and 1),
  created_at timestamptz not null default now(),
  unique (workspace_id, conversation_id, message_index),
  constraint conversation_messages_demo_fkey foreign key (workspace_id, demo_id)
    references public.demos (workspace_id, id) on delete set null (demo_id)
);
comment on table public.conversation_messages is 'Messages of AI video conversations (Tavus), extracted from transcription_ready events; one row per message, replays add nothing.';
comment on column public.conversation_messages.message_index is 'Position in the transcript (Tavus messages carry no id).';
comment on column public.conversation_messages.demo_id is 'The demo the conversation was about (from demo_conversations); null when the conversation is not linked to a demo.';
comment on column public.conversation_messages.sentiment is 'positive, neutral or negative, from message analysis.';
comment on column public.conversation_messages.intent is 'What the speaker wanted (pricing_question, objection ...), from message analysis.';
comment on column public.conversation_messages.confidence is 'Confidence of sentiment and intent, 0-1.';
alter table public.conversation_messages enable row level security;
grant select on public.conversation_messages to authenticated;
alter publication supabase_realtime add table public.conversation_messages;
select private.install_row_triggers('public.conversation_messages');
select private.tenant_policy('public.conversation_messages', 'select', 'viewer');

create index demos_workspace_idx on public.demos (workspace_id, status, updated_at desc);

create table public.demo_videos (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  demo_id uuid not null,
  title text not null constraint "video title must be 1-255 characters" check (char_length(btrim(title)) between 1 and 255),
  storage_path text not null,
  order_index integer not null constraint "order index cannot be negative" check (order_index >= 0),
  duration_seconds integer constraint "video duration must be positive" check (duration_seconds > 0),
  processing_status public.media_processing_status not null default 'pending',
  transcript text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint "storage path must start with <workspace_id>/<demo_id>/" check (
    storage_path like workspace_id::text || '/' || demo_id::text || '/_%' and char_length(storage_path) <= 1024),
  constraint demo_videos_order_key unique (demo_id, order_index) deferrable initially immediate,
  unique (workspace_id, id),
  foreign key (workspace_id, demo_id) references public.demos (workspace_id, id) on delete cascade
);
comment on table public.demo_videos is 'The videos of a demo in play order; the files are in the demo-videos bucket at <workspace_id>/<demo_id>/<file>. processing_status tracks transcription.';
comment on column public.demo_videos.order_index is 'Play order from 0; unique per demo (reorder with reorder_demo_videos).';
comment on column public.demo_videos.transcript is 'What is said in the video (transcription), used for the demo''s knowledge.';
alter table public.demo_videos enable row level security;
grant select, insert, update, delete on public.demo_videos to authenticated;
select private.install_row_triggers('public.demo_videos');
select private.tenant_policies('public.demo_videos', 'viewer', 'member');

create index demo_videos_demo_idx on public.demo_videos (workspace_id, demo_id, order_index);

create index demo_videos_pending_idx on public.demo_videos (created_at) where processing_status in ('pending', 'processing');

-- Status moves and their stamps; a demo needs a video before it is published.
create function private.guard_demo_status() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    if new.status = 'published' then
      raise exception 'create the demo as a draft, add its videos, then publish it' using errcode = 'PT409';
    end if;
    new.archived_at := case when new.status = 'archived' then now() end;
    return new;
  end if;
  if new.status is not distinct from old.status then
    return new;
  end if;
  if not ((old.status = 'draft' and new.status in ('published', 'archived'))
       or (old.status = 'published' and new.status in ('draft', 'archived'))
       or (old.status = 'archived' and new.status = 'draft')) then
    raise exception 'a demo cannot move from % to %', old.status, new.status using errcode = 'PT409';
  end if;
  if new.status = 'published' and not exists (select 1 from public.demo_videos v where v.demo_id = new.id) then
    raise exception 'add at least one video before publishing the demo' using errcode = 'PT409';
  end if;
  new.published_at := case when new.status = 'published' then now() else new.published_at end;
  new.archived_at := case when new.status = 'archived' then now() end;
  return new;
end $$;
comment on function private.guard_demo_status() is 'BEFORE INSERT/UPDATE on demos: draft -> published | archived, published -> draft | archived, archived -> draft (PT409 otherwise); publishing needs a video.';

create trigger guard_demo_status before insert or update on public.demos
  for each row execute function private.guard_demo_status();

-- ===== conversations (Tavus) and their messages
create table public.demo_conversations (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  demo_id uuid not null,
  conversation_id text not null check (char_length(conversation_id) between 1 and 255),
  conversation_url text check (char_length(conversation_url) <= 2000),
  status public.demo_conversation_status not null default 'created',
  started_at timestamptz,
  ended_at timestamptz,
  shutdown_reason text check (char_length(shutdown_reason) <= 500),
  perception_analysis text check (char_length(perception_analysis) <= 20000),
  transcript_ready_at timestamptz,
  last_event_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, conversation_id),
  foreign key (workspace_id, demo_id) references public.demos (workspace_id, id) on delete cascade
);
comment on table public.demo_conversations is 'A visitor''s Tavus conversation with a demo''s agent: linked when our system starts it, moved along by Tavus webhook events (replica joined, shutdown, transcript, perception). Its messages are conversation_messages with this conversation_id.';
comment on column public.demo_conversations.perception_analysis is 'Tavus'' visual perception summary of the visitor (application.perception_analysis).';
comment on column public.demo_conversations.last_event_at is 'Timestamp of the latest Tavus event about it.';
alter table public.demo_conversations enable row level security;
grant select on public.demo_conversations to authenticated;
alter publication supabase_realtime add table public.demo_conversations;
select private.install_row_triggers('public.demo_conversations');
select private.tenant_policy('public.demo_conversations', 'select', 'viewer');

create index demo_conversations_demo_idx on public.demo_conversations (workspace_id, demo_id, created_at desc);

create index conversation_messages_demo_idx on public.conversation_messages (workspace_id, demo_id);

create function private.link_message_demo() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.demo_id is null then
    new.demo_id := (select c.demo_id from public.demo_conversations c
                    where c.workspace_id = new.workspace_id and c.conversation_id = new.conversation_id);
  end if;
  return new;
end $$;
comment on function private.link_message_demo() is 'BEFORE INSERT on conversation_messages: the demo of the message''s conversation.';

create trigger link_message_demo before insert on public.conversation_messages
  for each row execute function private.link_message_demo();

create function private.link_conversation_messages() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.conversation_messages m set demo_id = new.demo_id
  where m.workspace_id = new.workspace_id and m.conversation_id = new.conversation_id and m.demo_id is null;
  return null;
end $$;
comment on function private.link_conversation_messages() is 'AFTER INSERT on demo_conversations: messages that arrived before the link get their demo.';

create trigger link_conversation_messages after insert on public.demo_conversations
  for each row execute function private.link_conversation_messages();

-- For the function that starts a Tavus conversation (service role): link it to its demo, once.
create function private.link_demo_conversation(p_demo_id uuid, p_conversation_id text, p_conversation_url text default null)
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  d public.demos;
  cid uuid;
begin
  select * into d from public.demos where id = p_demo_id;
  if not found then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  insert into public.demo_conversations as c (workspace_id, demo_id, conversation_id, conversation_url)
  values (d.workspace_id, d.id, p_conversation_id, p_conversation_url)
  on conflict (workspace_id, conversation_id) do update set conversation_url = coalesce(excluded.conversation_url, c.conversation_url)
  returning c.id into cid;
  return cid;
end $$;
comment on function private.link_demo_conversation(uuid, text, text) is 'Records (idempotently) that a Tavus conversation belongs to a demo.';
grant execute on function private.link_demo_conversation(uuid, text, text) to service_role;

-- Tavus events stored by the webhooks function move their conversation along.
create function private.apply_tavus_event() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  ts timestamptz := case when private.is_timestamptz(new.payload ->> 'timestamp') then (new.payload ->> 'timestamp')::timestamptz
                         else new.received_at end;
begin
  if new.workspace_id is null or new.payload ->> 'conversation_id' is null then
    return null;
  end if;
  begin
    update public.demo_conversations c set
      status = case when new.topic in ('system.shutdown', 'application.transcription_ready') then 'ended'
                    when new.topic = 'system.replica_joined' and c.status = 'created' then 'active'
                    else c.status end::public.demo_conversation_status,
      started_at = case when new.topic = 'system.replica_joined' then coalesce(c.started_at, ts) else c.started_at end,
      ended_at = case when new.topic = 'system.shutdown' then coalesce(c.ended_at, ts)
                      when new.topic = 'application.transcription_ready' then coalesce(c.ended_at, ts) else c.ended_at end,
      shutdown_reason = coalesce(left(new.payload #>> '{properties,shutdown_reason}', 500), c.shutdown_reason),
      perception_analysis = case when new.topic = 'application.perception_analysis'
                                 then left(new.payload #>> '{properties,analysis}', 20000) else c.perception_analysis end,
      transcript_ready_at = case when new.topic = 'application.transcription_ready' then ts else c.transcript_ready_at end,
      last_event_at = greatest(c.last_event_at, ts)
    where c.workspace_id = new.workspace_id and c.conversation_id = new.payload ->> 'conversation_id';
  exception when others then
    update private.webhook_events set status = 'failed', error = left('demos: ' || sqlerrm, 2000) where id = new.id;
  end;
  return null;
end $$;
comment on function private.apply_tavus_event() is 'AFTER INSERT on private.webhook_events (Tavus): replica joined -> active, shutdown / transcript -> ended, perception analysis kept; last_event_at. Never loses the event: a failure marks it failed.';

create trigger apply_tavus_event after insert on private.webhook_events
  for each row when (new.provider = 'tavus') execute function private.apply_tavus_event();

-- ===== stats count the demo's knowledge
create view public.demo_stats with (security_invoker = true) as
  select d.id as demo_id, d.workspace_id,
         (select count(*) from public.demo_videos v where v.demo_id = d.id) as video_count,
         (select count(*) from public.demo_videos v where v.demo_id = d.id and v.processing_status = 'completed') as ready_video_count,
         (select coalesce(sum(v.duration_seconds), 0) from public.demo_videos v where v.demo_id = d.id)::bigint as total_video_duration,
         (select count(*) from public.knowledge_chunks k join public.knowledge_collections c on c.id = k.collection_id
          where c.workspace_id = d.workspace_id and c.scope = 'demo' and c.owner_id = d.id) as knowledge_chunk_count,
         (select count(*) from public.demo_conversations c where c.demo_id = d.id) as conversation_count,
         (select count(*) from public.conversation_messages m where m.workspace_id = d.workspace_id and m.demo_id = d.id) as message_count,
         (select max(coalesce(c.last_event_at, c.started_at, c.created_at)) from public.demo_conversations c where c.demo_id = d.id)
           as last_conversation_at
  from public.demos d;
comment on view public.demo_stats is 'Per demo: videos (all, transcribed), total video seconds, chunks of its knowledge collection, conversations, messages and when the last conversation happened (latest Tavus event, else start, else link time). RLS of the tables applies.';
grant select on public.demo_stats to authenticated;

-- ===== reordering
create function public.reorder_demo_videos(p_demo_id uuid, p_video_ids uuid[]) returns setof public.demo_videos
language plpgsql volatile set search_path = '' as $$
declare
  ws uuid;
begin
  perform private.require_batch_size('videos', coalesce(cardinality(p_video_ids), 0), 200);
  select d.workspace_id into ws from public.demos d where d.id = p_demo_id;
  if ws is null then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(ws, 'member');
  end if;
  if p_video_ids is null or cardinality(p_video_ids) <> (select count(distinct x) from unnest(p_video_ids) x)
     or (select array_agg(v.id order by v.id) from public.demo_videos v where v.demo_id = p_demo_id)
        is distinct from (select array_agg(x order by x) from unnest(p_video_ids) x) then
    raise exception 'list every video of the demo exactly once' using errcode = '22023';
  end if;
  set constraints public.demo_videos_order_key deferred;
  return query
    update public.demo_videos v set order_index = (o.n - 1)::integer
    from unnest(p_video_ids) with ordinality as o (id, n)
    where v.id = o.id and v.demo_id = p_demo_id
    returning v.*;
end $$;
comment on function public.reorder_demo_videos(uuid, uuid[]) is 'Members: sets the play order of all of a demo''s videos at once (order_index 0..n-1 in list order). 22023 unless the list names every video once; at most 200 (PT413).';
grant execute on function public.reorder_demo_videos(uuid, uuid[]) to authenticated;

create view public.public_demos with (security_invoker = true) as
  select d.id, d.workspace_id, d.name, d.description, d.agent_name, d.agent_personality, d.agent_greeting,
         d.agent_objectives, d.cta_text, d.cta_link, d.published_at,
         coalesce((select jsonb_agg(jsonb_build_object('id', v.id, 'title', v.title, 'order_index', v.order_index,
                     'duration_seconds', v.duration_seconds, 'storage_path', v.storage_path) order by v.order_index)
                   from public.demo_videos v where v.demo_id = d.id), '[]'::jsonb) as videos
  from public.demos d where d.status = 'published';
comment on view public.public_demos is 'What the public sees of a published demo: persona, call to action and the ordered videos (storage paths in demo-videos). Read by anon only through get_public_demo.';

create function private.anon_public_demo(p_demo_id uuid) returns public.public_demos
language plpgsql stable security definer set search_path = '' as $$
declare
  r public.public_demos;
begin
  select * into r from public.public_demos p where p.id = p_demo_id;
  if not found then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  return r;
end $$;
comment on function private.anon_public_demo(uuid) is 'A published demo''s public view beneath RLS; PT404 for drafts, archived and unknown ids.';
grant execute on function private.anon_public_demo(uuid) to anon, authenticated;

create function public.get_public_demo(p_demo_id uuid) returns public.public_demos
language plpgsql stable set search_path = '' as $$
begin
  if p_demo_id is null then
    raise exception 'demo id is required' using errcode = '22023';
  end if;
  return private.anon_public_demo(p_demo_id);
end $$;
comment on function public.get_public_demo(uuid) is 'Anyone (anon key): a published demo by id with its ordered videos. PT404 for drafts, archived demos and unknown ids. No listing: a demo is reached by its link.';
grant execute on function public.get_public_demo(uuid) to anon, authenticated;

-- For storage policies: "<workspace_id>/<demo_id>" of every published demo, and of the caller's demos.
create function private.anon_published_demo_prefixes() returns setof text
language plpgsql stable security definer set search_path = '' as $$
begin
  return query select d.workspace_id::text || '/' || d.id::text from public.demos d where d.status = 'published';
end $$;
comment on function private.anon_published_demo_prefixes() is 'Storage folder prefixes (<workspace_id>/<demo_id>) of published demos: the media anon may read.';
grant execute on function private.anon_published_demo_prefixes() to anon, authenticated;

create function private.demo_prefixes(p_min_role public.workspace_role) returns setof text
language plpgsql stable security definer set search_path = '' as $$
begin
  return query
    select d.workspace_id::text || '/' || d.id::text from public.demos d
    where d.workspace_id in (select private.workspace_ids(p_min_role));
end $$;
comment on function private.demo_prefixes(public.workspace_role) is 'Storage folder prefixes (<workspace_id>/<demo_id>) of the demos in the caller''s workspaces where they have min_role.';
grant execute on function private.demo_prefixes(public.workspace_role) to authenticated;

-- ===== policies on storage.objects
-- demo-videos: four policies, by demo (<workspace_id>/<demo_id>/...), for the demo's workspace.
create policy "demo-videos: members read their demos' media" on storage.objects for select to authenticated
  using (bucket_id = 'demo-videos'
         and array_to_string((storage.foldername(name))[1:2], '/') = any (array(select private.demo_prefixes('viewer'))));

create policy "demo-videos: members upload to their demos" on storage.objects for insert to authenticated
  with check (bucket_id = 'demo-videos'
              and array_to_string((storage.foldername(name))[1:2], '/') = any (array(select private.demo_prefixes('member')))
              and (storage.foldername(name))[1] = any (array(select private.workspace_folders_with_room())));

create policy "demo-videos: members replace their demos' media" on storage.objects for update to authenticated
  using (bucket_id = 'demo-videos'
         and array_to_string((storage.foldername(name))[1:2], '/') = any (array(select private.demo_prefixes('member'))))
  with check (bucket_id = 'demo-videos'
              and array_to_string((storage.foldername(name))[1:2], '/') = any (array(select private.demo_prefixes('member'))));

create policy "demo-videos: members delete their demos' media" on storage.objects for delete to authenticated
  using (bucket_id = 'demo-videos'
         and array_to_string((storage.foldername(name))[1:2], '/') = any (array(select private.demo_prefixes('member'))));

create policy "demo-videos: anyone reads published demos' media" on storage.objects for select to anon, authenticated
  using (bucket_id = 'demo-videos'
         and array_to_string((storage.foldername(name))[1:2], '/') = any (array(select private.anon_published_demo_prefixes())));

-- Demo knowledge: a demo's knowledge is the knowledge
-- collection with scope demo and owner_id = the demo (knowledge domain), made with the demo and
-- removed with it. Visitors of a published demo search it through search_public_demo, a narrow
-- anon RPC rate-limited per client address (private.hit_rate_limit: a salted hash of the address
-- the request came from); drafts and archived demos are not searchable. get_demo_stats counts
-- the collection's chunks.

-- Every demo has its collection from the start.
create function private.create_demo_collection() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.knowledge_collections (workspace_id, scope, owner_id, name, description)
  values (new.workspace_id, 'demo', new.id, left(new.name, 200), 'What the agent of this demo knows.')
  on conflict (workspace_id, scope, owner_id) where scope in ('demo', 'agent') do nothing;
  return null;
end $$;
comment on function private.create_demo_collection() is 'AFTER INSERT on demos: the demo''s knowledge collection (scope demo, owner_id = demo id), once.';

create trigger create_demo_collection after insert on public.demos
  for each row execute function private.create_demo_collection();

create function private.drop_demo_collection() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.knowledge_collections c
  where c.workspace_id = old.workspace_id and c.scope = 'demo' and c.owner_id = old.id;
  return null;
end $$;
comment on function private.drop_demo_collection() is 'AFTER DELETE on demos: the demo''s knowledge goes with it (owner_id is not a foreign key).';

create trigger drop_demo_collection after delete on public.demos
  for each row execute function private.drop_demo_collection();

-- ===== the public search
insert into private.rate_limit_rules (bucket, max_hits, window_seconds, description)
values ('demo_knowledge_search', 30, 60, 'knowledge searches of one published demo from one address per minute')
on conflict (bucket) do nothing;

create function private.anon_search_public_demo(p_demo_id uuid, p_query text, p_query_embedding extensions.vector,
                                                p_match_count integer)
returns setof public.knowledge_match_row
language plpgsql volatile security definer set search_path = '' as $$
declare
  d public.demos;
  col public.knowledge_collections;
begin
  perform private.require_batch_size('results', p_match_count, 10);
  select * into d from public.demos where id = p_demo_id and status = 'published';
  if not found then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('demo_knowledge_search', d.id::text);
  select * into col from public.knowledge_collections c
  where c.workspace_id = d.workspace_id and c.scope = 'demo' and c.owner_id = d.id;
  if not found then
    raise exception 'this demo has no knowledge to search' using errcode = 'PT404';
  end if;
  -- Without an embedding from the caller, a collection embedded with the local model is searched
  -- with the query embedded here; otherwise by its text alone.
  return query
    select * from private.search_collection(col.id,
      coalesce(p_query_embedding,
               case when col.embedding_model = 'local-lexical-v1' then private.local_lexical_embedding(p_query) end),
      p_query, p_match_count, 0, 'search_public_demo');
end $$;
comment on function private.anon_search_public_demo(uuid, text, extensions.vector, integer) is 'The definer half of search_public_demo: a published demo only (PT404 otherwise), rate-limited per client address (PT429), then its collection searched and the search logged (caller role anon).';
grant execute on function private.anon_search_public_demo(uuid, text, extensions.vector, integer) to anon, authenticated, service_role;

create function public.search_public_demo(p_demo_id uuid, p_query text, p_query_embedding extensions.vector default null,
                                          p_match_count integer default 5)
returns setof public.knowledge_match_row
language plpgsql volatile set search_path = '' as $$
begin
  if p_demo_id is null then
    raise exception 'demo id is required' using errcode = '22023';
  end if;
  if p_query is null or btrim(p_query) = '' or char_length(p_query) > 500 then
    raise exception 'the question must be 1 to 500 characters' using errcode = '22023';
  end if;
  if p_match_count is null or p_match_count < 1 then
    raise exception 'p_match_count must be at least 1' using errcode = '22023';
  end if;
  return query select * from private.anon_search_public_demo(p_demo_id, p_query, p_query_embedding, p_match_count);
end $$;
comment on function public.search_public_demo(uuid, text, extensions.vector, integer) is 'Anyone (publishable key): searches the knowledge of a published demo for a visitor''s question (hybrid when an embedding of the collection''s model is given or the collection uses the local model, else full text). At most 10 results (PT413), 30 searches a minute per address and demo (PT429), PT404 for drafts, archived and unknown demos, 22023 for an empty or over-long question.';
grant execute on function public.search_public_demo(uuid, text, extensions.vector, integer) to anon, authenticated;

create function private.get_demo_stats(p_demo_id uuid)
returns public.demo_stats
language plpgsql stable security definer set search_path = '' as $$
declare
  s public.demo_stats;
begin
  select * into s from public.demo_stats where demo_id = p_demo_id;
  -- Another workspace's demo is as absent as a missing one.
  if not found or (((select auth.role()) = 'anon' or private.is_end_user())
                   and private.workspace_role(s.workspace_id) is null) then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  return s;
end $$;
comment on function private.get_demo_stats(uuid) is 'What public.get_demo_stats returns, read as the owner after one membership check (see the header).';
grant execute on function private.get_demo_stats(uuid) to authenticated, service_role;

create function public.get_demo_stats(p_demo_id uuid)
returns public.demo_stats
language sql stable set search_path = '' as $$
  select private.get_demo_stats(p_demo_id)
$$;
comment on function public.get_demo_stats(uuid) is 'Stats of one demo the caller can read (viewers and up). PT404 when it does not exist or is not visible.';
grant execute on function public.get_demo_stats(uuid) to authenticated;
