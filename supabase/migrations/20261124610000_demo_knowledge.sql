-- Demo knowledge (seed 004's demo knowledge chunks): a demo's knowledge is the knowledge
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
revoke all on function private.create_demo_collection() from public;
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
revoke all on function private.drop_demo_collection() from public;
create trigger drop_demo_collection after delete on public.demos
  for each row execute function private.drop_demo_collection();

-- Existing demos get theirs too.
insert into public.knowledge_collections (workspace_id, scope, owner_id, name, description)
select d.workspace_id, 'demo', d.id, left(d.name, 200), 'What the agent of this demo knows.' from public.demos d
on conflict (workspace_id, scope, owner_id) where scope in ('demo', 'agent') do nothing;

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
revoke all on function private.anon_search_public_demo(uuid, text, extensions.vector, integer) from public;
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
grant execute on function public.search_public_demo(uuid, text, extensions.vector, integer) to anon, authenticated, service_role;

-- ===== stats count the demo's knowledge
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
           as last_conversation_at
  from public.demos d;
comment on view public.demo_stats is 'Per demo: videos (all, transcribed), total video seconds, chunks of its knowledge collection, conversations, messages and when the last conversation happened (latest Tavus event, else start, else link time). RLS of the tables applies.';
