-- Live demo conversations (Tavus). A visitor of a published demo starts a conversation through
-- the demo-conversations function, which first calls public.start_demo_conversation as anon
-- with the visitor's address: rate limited per address and demo, at most
-- demos.max_conversations_per_hour starts per demo, and the demo's monthly minutes budget
-- (every conversation counts its real minutes once ended, its max_minutes until then; a start
-- reserves max_minutes for two minutes while Tavus is asked). Only then is Tavus asked, with the
-- demo's persona, replica, greeting and conversational context (personality, objectives and
-- the demo's knowledge); private.link_started_conversation records the conversation. Ending is
-- the visitor's (public.end_demo_conversation, then Tavus). Tavus' callbacks (already received)
-- complete the record: the transcript's messages go into the demo's knowledge and are queued
-- for analysis (sentiment, intent, confidence per message by a model: the demo-analysis
-- worker on the connector queue demo_conversation_analysis). Stats count minutes, sentiment and
-- calls to action (public.record_demo_cta_click from the storefront).

alter table public.demos
  add column conversation_minutes_budget integer not null default 300
    constraint "conversation minutes budget must be 1-100000 a month" check (conversation_minutes_budget between 1 and 100000),
  add column max_conversation_minutes integer not null default 10
    constraint "a conversation lasts 1-60 minutes" check (max_conversation_minutes between 1 and 60),
  add column max_conversations_per_hour integer not null default 30
    constraint "1-10000 conversations an hour" check (max_conversations_per_hour between 1 and 10000);
comment on column public.demos.conversation_minutes_budget is 'Tavus minutes the demo may use per calendar month (UTC); a start that would pass it is refused (429).';
comment on column public.demos.max_conversation_minutes is 'How long one conversation may last (Tavus max_call_duration); reserved from the budget until the conversation ends.';
comment on column public.demos.max_conversations_per_hour is 'Starts per hour across all visitors of the demo; more are refused (429).';

alter table public.demo_conversations
  add column max_minutes integer check (max_minutes between 1 and 60),
  add column cta_clicked_at timestamptz,
  add column analysed_at timestamptz;
comment on column public.demo_conversations.max_minutes is 'The length the conversation was started with: counted against the demo''s budget until it ends.';
comment on column public.demo_conversations.cta_clicked_at is 'When the visitor followed the demo''s call to action during or after this conversation (record_demo_cta_click).';
comment on column public.demo_conversations.analysed_at is 'When the messages got their sentiment, intent and confidence.';

-- ===== reservations while Tavus is asked
create table private.demo_conversation_starts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  demo_id uuid not null,
  minutes integer not null check (minutes between 1 and 60),
  created_at timestamptz not null default now(),
  foreign key (workspace_id, demo_id) references public.demos (workspace_id, id) on delete cascade
);
comment on table private.demo_conversation_starts is 'A start in flight: its minutes are held from the demo''s budget while Tavus is asked, until linked, released, or two minutes old. Service only.';
create index demo_conversation_starts_demo_idx on private.demo_conversation_starts (workspace_id, demo_id, created_at);
alter table private.demo_conversation_starts enable row level security;
select private.install_row_triggers('private.demo_conversation_starts');

insert into private.rate_limit_rules (bucket, max_hits, window_seconds, description) values
  ('demo_conversation_start', 5, 600, 'start_demo_conversation calls from one address to one demo per 10 minutes'),
  ('demo_conversation_end', 30, 600, 'end_demo_conversation calls from one address per 10 minutes'),
  ('demo_cta', 30, 600, 'record_demo_cta_click calls from one address per 10 minutes')
on conflict (bucket) do update set max_hits = excluded.max_hits, window_seconds = excluded.window_seconds,
  description = excluded.description;

-- Minutes of the demo's budget used this month: ended conversations by their length, others by
-- what they were started with, and starts in flight.
create function private.demo_minutes_used(p_demo_id uuid) returns numeric
language sql stable security definer set search_path = '' as $$
  select coalesce((select sum(case when c.ended_at is not null and c.started_at is not null
                                   then ceil(extract(epoch from c.ended_at - c.started_at) / 60)
                                   when c.ended_at is not null then 0
                                   else coalesce(c.max_minutes, 0) end)
                   from public.demo_conversations c
                   where c.demo_id = p_demo_id and c.created_at >= date_trunc('month', now(), 'UTC')), 0)
       + coalesce((select sum(s.minutes) from private.demo_conversation_starts s
                   where s.demo_id = p_demo_id and s.created_at > now() - interval '2 minutes'), 0)
$$;
comment on function private.demo_minutes_used(uuid) is 'Tavus minutes a demo used this calendar month (UTC): ended conversations by length (rounded up), open ones by their max_minutes, starts in flight by theirs.';

create function private.anon_start_demo_conversation(p_demo_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  d public.demos;
  sid uuid;
  context text;
begin
  select * into d from public.demos where id = p_demo_id and status = 'published';
  if not found then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('demo_conversation_start', d.id::text);
  if d.tavus_persona_id is null and d.tavus_replica_id is null then
    raise exception 'this demo has no Tavus persona or replica to talk with' using errcode = 'PT409';
  end if;
  -- one start at a time per demo, so two cannot both squeeze under the budget
  perform pg_advisory_xact_lock(hashtextextended('demo_conversation:' || d.id::text, 0));
  if (select count(*) from public.demo_conversations c where c.demo_id = d.id and c.created_at > now() - interval '1 hour')
     + (select count(*) from private.demo_conversation_starts s where s.demo_id = d.id and s.created_at > now() - interval '2 minutes')
     >= d.max_conversations_per_hour then
    raise exception 'this demo is busy: at most % conversations start an hour', d.max_conversations_per_hour
      using errcode = 'PT429', hint = 'try again later';
  end if;
  if private.demo_minutes_used(d.id) + d.max_conversation_minutes > d.conversation_minutes_budget then
    raise exception 'this demo''s conversation minutes for this month are used up' using errcode = 'PT429',
      hint = 'the demo''s owner can raise conversation_minutes_budget';
  end if;
  insert into private.demo_conversation_starts (workspace_id, demo_id, minutes) values (d.workspace_id, d.id, d.max_conversation_minutes)
  returning id into sid;
  select left(concat_ws(E'\n', 'You are ' || d.agent_name || '. ' || d.agent_personality,
           case when cardinality(d.agent_objectives) > 0 then 'Objectives: ' || array_to_string(d.agent_objectives, '; ') end,
           case when d.cta_text is not null then 'Call to action: ' || d.cta_text || coalesce(' (' || d.cta_link || ')', '') end,
           'What you know:', string_agg(k.content, E'\n' order by k.document_id, k.chunk_index)), 20000)
  into context
  from (select k.content, k.document_id, k.chunk_index from public.knowledge_chunks k
        join public.knowledge_collections c on c.id = k.collection_id
        where c.workspace_id = d.workspace_id and c.scope = 'demo' and c.owner_id = d.id
        order by k.document_id, k.chunk_index limit 40) k;
  return jsonb_build_object('start_id', sid, 'workspace_id', d.workspace_id, 'demo_id', d.id, 'name', d.name,
    'persona_id', d.tavus_persona_id, 'replica_id', d.tavus_replica_id, 'greeting', d.agent_greeting,
    'context', context, 'max_minutes', d.max_conversation_minutes);
end $$;
comment on function private.anon_start_demo_conversation(uuid) is 'start_demo_conversation beneath RLS: published demo (PT404), per-address limit, a persona or replica (PT409), per-demo starts an hour and minutes budget (PT429), then a reservation and what Tavus needs (persona, replica, greeting, context from the demo''s knowledge).';
grant execute on function private.anon_start_demo_conversation(uuid) to anon, authenticated;

create function public.start_demo_conversation(p_demo_id uuid) returns jsonb
language plpgsql volatile set search_path = '' as $$
begin
  if p_demo_id is null then
    raise exception 'demo id is required' using errcode = '22023';
  end if;
  return private.anon_start_demo_conversation(p_demo_id);
end $$;
comment on function public.start_demo_conversation(uuid) is 'Anyone (the demo-conversations function calls it as the visitor): checks a published demo''s limits and reserves a start; answers {start_id, workspace_id, demo_id, persona_id, replica_id, greeting, context, max_minutes}. PT404 unpublished, PT409 without a Tavus persona or replica, PT429 over a limit or the budget. A reservation lapses after two minutes unless linked.';
grant execute on function public.start_demo_conversation(uuid) to anon, authenticated;

create function private.link_started_conversation(p_start_id uuid, p_conversation_id text, p_conversation_url text)
returns public.demo_conversations
language plpgsql volatile security definer set search_path = '' as $$
declare
  s private.demo_conversation_starts;
  c public.demo_conversations;
begin
  delete from private.demo_conversation_starts where id = p_start_id returning * into s;
  if not found then
    raise exception 'start % is unknown or lapsed', p_start_id using errcode = 'PT409';
  end if;
  insert into public.demo_conversations as x (workspace_id, demo_id, conversation_id, conversation_url, max_minutes)
  values (s.workspace_id, s.demo_id, p_conversation_id, p_conversation_url, s.minutes)
  on conflict (workspace_id, conversation_id) do update set conversation_url = excluded.conversation_url,
    max_minutes = excluded.max_minutes
  returning * into c;
  return c;
end $$;
comment on function private.link_started_conversation(uuid, text, text) is 'The demo-conversations function (service role): Tavus made the conversation; the reservation becomes its demo_conversations row.';
grant execute on function private.link_started_conversation(uuid, text, text) to service_role;

create function private.release_conversation_start(p_start_id uuid) returns void
language sql volatile security definer set search_path = '' as $$
  delete from private.demo_conversation_starts where id = p_start_id
$$;
comment on function private.release_conversation_start(uuid) is 'The demo-conversations function (service role): Tavus refused; the reserved minutes go back.';
grant execute on function private.release_conversation_start(uuid) to service_role;

-- ===== ending
create function private.anon_end_demo_conversation(p_conversation_id text) returns public.demo_conversations
language plpgsql volatile security definer set search_path = '' as $$
declare
  c public.demo_conversations;
begin
  perform private.hit_rate_limit('demo_conversation_end', '');
  select * into c from public.demo_conversations where conversation_id = p_conversation_id;
  if not found then
    raise exception 'no such conversation' using errcode = 'PT404';
  end if;
  return c;
end $$;
comment on function private.anon_end_demo_conversation(text) is 'end_demo_conversation beneath RLS: the conversation by its Tavus id (unguessable), rate limited per address.';
grant execute on function private.anon_end_demo_conversation(text) to anon, authenticated;

create function public.end_demo_conversation(p_conversation_id text) returns text
language plpgsql volatile set search_path = '' as $$
declare
  c public.demo_conversations;
begin
  if p_conversation_id is null or char_length(p_conversation_id) not between 1 and 255 then
    raise exception 'conversation id is required' using errcode = '22023';
  end if;
  c := private.anon_end_demo_conversation(p_conversation_id);
  return c.status::text;
end $$;
comment on function public.end_demo_conversation(text) is 'Anyone (the demo-conversations function calls it as the visitor before asking Tavus to end): the conversation''s status. PT404 unknown, PT429 over the limit.';
grant execute on function public.end_demo_conversation(text) to anon, authenticated;

create function private.mark_demo_conversation_ended(p_conversation_id text, p_reason text) returns public.demo_conversations
language sql volatile security definer set search_path = '' as $$
  update public.demo_conversations set status = 'ended', ended_at = coalesce(ended_at, now()),
    shutdown_reason = coalesce(shutdown_reason, left(p_reason, 500))
  where conversation_id = p_conversation_id
  returning *
$$;
comment on function private.mark_demo_conversation_ended(text, text) is 'The demo-conversations function (service role): Tavus ended the conversation at the visitor''s request.';
grant execute on function private.mark_demo_conversation_ended(text, text) to service_role;

-- ===== calls to action
create function private.anon_record_demo_cta_click(p_conversation_id text) returns boolean
language plpgsql volatile security definer set search_path = '' as $$
begin
  perform private.hit_rate_limit('demo_cta', '');
  update public.demo_conversations set cta_clicked_at = coalesce(cta_clicked_at, now()) where conversation_id = p_conversation_id;
  if not found then
    raise exception 'no such conversation' using errcode = 'PT404';
  end if;
  return true;
end $$;
comment on function private.anon_record_demo_cta_click(text) is 'record_demo_cta_click beneath RLS: the first click counts.';
grant execute on function private.anon_record_demo_cta_click(text) to anon, authenticated;

create function public.record_demo_cta_click(p_conversation_id text) returns boolean
language plpgsql volatile set search_path = '' as $$
begin
  if p_conversation_id is null then
    raise exception 'conversation id is required' using errcode = '22023';
  end if;
  return private.anon_record_demo_cta_click(p_conversation_id);
end $$;
comment on function public.record_demo_cta_click(text) is 'Anyone (the storefront, publishable key): the visitor of this conversation followed the demo''s call to action (counted once). PT404 unknown, PT429 over the limit.';
grant execute on function public.record_demo_cta_click(text) to anon, authenticated;

-- ===== transcripts: into the demo's knowledge, and queued for analysis
select private.register_connector_queue('demo_conversation_analysis', 'demo-analysis',
  'Sentiment, intent and confidence of demo conversation messages, by a model.',
  p_max_attempts => 5, p_one_per_connection => false);

create function private.conversation_transcript_arrived() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  r record;
  cid uuid;
  chunks jsonb;
  content text;
begin
  for r in select distinct n.workspace_id, n.conversation_id, c.demo_id
           from new_messages n join public.demo_conversations c
             on c.workspace_id = n.workspace_id and c.conversation_id = n.conversation_id
           where c.max_minutes is not null loop
    perform private.enqueue_connector_job('demo_conversation_analysis', r.workspace_id, null, 'analysis:' || r.conversation_id,
      jsonb_build_object('conversation_id', r.conversation_id));
    select k.id into cid from public.knowledge_collections k
    where k.workspace_id = r.workspace_id and k.scope = 'demo' and k.owner_id = r.demo_id;
    select string_agg(initcap(m.role::text) || ': ' || m.content, E'\n' order by m.message_index),
           jsonb_agg(jsonb_build_object('content', initcap(m.role::text) || ': ' || m.content,
             'metadata', jsonb_build_object('conversation_id', r.conversation_id, 'message_index', m.message_index))
             order by m.message_index)
    into content, chunks
    from public.conversation_messages m
    where m.workspace_id = r.workspace_id and m.conversation_id = r.conversation_id and m.role <> 'system'
      and btrim(m.content) <> '';
    if cid is not null and content is not null then
      perform private.ingest_knowledge_document(cid, 'conversation:' || r.conversation_id, content, chunks,
        'Conversation ' || r.conversation_id, 'text', null, 'demo_conversation', null,
        jsonb_build_object('conversation_id', r.conversation_id));
    end if;
  end loop;
  return null;
end $$;
comment on function private.conversation_transcript_arrived() is 'AFTER INSERT (statement) on conversation_messages: each live demo conversation (started through start_demo_conversation: max_minutes set) that got messages is queued for analysis and its transcript (one chunk per message) ingested into the demo''s knowledge (document conversation:<id>).';

create trigger conversation_transcript_arrived after insert on public.conversation_messages
  referencing new table as new_messages for each statement execute function private.conversation_transcript_arrived();

create function private.conversation_to_analyse(p_workspace_id uuid, p_conversation_id text) returns jsonb
language sql stable security definer set search_path = '' as $$
  select coalesce(jsonb_agg(jsonb_build_object('index', m.message_index, 'role', m.role, 'content', left(m.content, 4000))
                            order by m.message_index), '[]')
  from public.conversation_messages m
  where m.workspace_id = p_workspace_id and m.conversation_id = p_conversation_id and m.role <> 'system'
$$;
comment on function private.conversation_to_analyse(uuid, text) is 'The analysis worker: a conversation''s messages [{index, role, content}] (system messages left out).';
grant execute on function private.conversation_to_analyse(uuid, text) to service_role;

create function private.apply_conversation_analysis(p_job_id bigint, p_lease_id uuid, p_workspace_id uuid, p_conversation_id text,
  p_analysis jsonb) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  perform private.touch_connector_job(p_job_id, p_lease_id);
  if jsonb_typeof(p_analysis) is distinct from 'array' then
    raise exception 'analysis must be a JSON array' using errcode = '22023';
  end if;
  update public.conversation_messages m set
    sentiment = case when a.e ->> 'sentiment' in ('positive', 'neutral', 'negative') then a.e ->> 'sentiment' end,
    intent = left(nullif(btrim(a.e ->> 'intent'), ''), 128),
    confidence = case when jsonb_typeof(a.e -> 'confidence') = 'number' then round(least(greatest((a.e ->> 'confidence')::numeric, 0), 1), 2) end
  from jsonb_array_elements(p_analysis) a (e)
  where m.workspace_id = p_workspace_id and m.conversation_id = p_conversation_id
    and jsonb_typeof(a.e -> 'index') = 'number' and m.message_index = (a.e ->> 'index')::numeric;
  get diagnostics n = row_count;
  update public.demo_conversations set analysed_at = now()
  where workspace_id = p_workspace_id and conversation_id = p_conversation_id;
  return n;
end $$;
comment on function private.apply_conversation_analysis(bigint, uuid, uuid, text, jsonb) is 'The analysis worker, under its job''s lease (PT409 when lost): [{index, sentiment (positive|neutral|negative), intent, confidence 0-1}] onto the conversation''s messages; anything else in an entry is left null. Returns the messages changed.';
grant execute on function private.apply_conversation_analysis(bigint, uuid, uuid, text, jsonb) to service_role;

-- ===== stats: minutes, sentiment, calls to action
create or replace view public.demo_stats with (security_invoker = true) as
  select d.id as demo_id, d.workspace_id,
         (select count(*) from public.demo_videos v where v.demo_id = d.id) as video_count,
         (select count(*) from public.demo_videos v where v.demo_id = d.id and v.processing_status = 'completed') as ready_video_count,
         (select coalesce(sum(v.duration_seconds), 0) from public.demo_videos v where v.demo_id = d.id)::bigint as total_video_duration,
         (select count(*) from public.knowledge_chunks k join public.knowledge_collections c on c.id = k.collection_id
          where c.workspace_id = d.workspace_id and c.scope = 'demo' and c.owner_id = d.id) as knowledge_chunk_count,
         (select count(*) from public.demo_conversations c where c.demo_id = d.id) as conversation_count,
         (select count(*) from public.conversation_messages m where m.workspace_id = d.workspace_id and m.demo_id = d.id) as message_count,
         (select max(coalesce(c.last_event_at, c.started_at, c.created_at)) from public.demo_conversations c where c.demo_id = d.id)
           as last_conversation_at,
         (select coalesce(round(sum(extract(epoch from c.ended_at - c.started_at)) / 60, 1), 0) from public.demo_conversations c
          where c.demo_id = d.id and c.started_at is not null and c.ended_at is not null) as conversation_minutes,
         (select count(*) from public.conversation_messages m
          where m.workspace_id = d.workspace_id and m.demo_id = d.id and m.sentiment = 'positive') as positive_messages,
         (select count(*) from public.conversation_messages m
          where m.workspace_id = d.workspace_id and m.demo_id = d.id and m.sentiment = 'neutral') as neutral_messages,
         (select count(*) from public.conversation_messages m
          where m.workspace_id = d.workspace_id and m.demo_id = d.id and m.sentiment = 'negative') as negative_messages,
         (select count(*) from public.demo_conversations c where c.demo_id = d.id and c.cta_clicked_at is not null) as cta_clicks,
         (select round(count(*) filter (where c.cta_clicked_at is not null)::numeric / nullif(count(*), 0), 4)
          from public.demo_conversations c where c.demo_id = d.id) as cta_conversion_rate
  from public.demos d;
comment on view public.demo_stats is 'Per demo: videos (all, transcribed), total video seconds, chunks of its knowledge collection, conversations, messages, when the last conversation happened, minutes talked (ended conversations), messages by sentiment, conversations that followed the call to action and their share (null without conversations). RLS of the tables applies.';
