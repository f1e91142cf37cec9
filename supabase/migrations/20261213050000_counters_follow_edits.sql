-- Counters kept by insert-only triggers drifted when their source rows were updated or deleted
-- (each equals a full recomputation again: supabase/tests/142):
--   chat_sessions.message_count / last_message_at   messages deleted (retention, the service)
--   agent_runs.queries / tokens / cost_micros        queries deleted by the service
--   knowledge_chunk_counts                           a chunk moved to another collection
-- Updates and deletes recompute the touched parents from their rows (statement triggers); the
-- hot insert path keeps its increment.

create function private.recount_chat_sessions() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.chat_sessions s
  set message_count = coalesce(c.n, 0), last_message_at = c.last_at
  from (select o.session_id from old_rows o union select n.session_id from new_rows n) t
  left join lateral (select count(*)::integer as n, max(m.created_at) as last_at
                     from public.chat_messages m where m.session_id = t.session_id) c on true
  where s.id = t.session_id and (s.message_count, s.last_message_at) is distinct from (coalesce(c.n, 0), c.last_at);
  return null;
end $$;
comment on function private.recount_chat_sessions() is 'AFTER UPDATE / DELETE on chat_messages (statement): recomputes message_count and last_message_at of the sessions whose messages changed.';
revoke all on function private.recount_chat_sessions() from public;
create trigger recount_chat_sessions_upd after update on public.chat_messages
  referencing old table as old_rows new table as new_rows for each statement execute function private.recount_chat_sessions();

create function private.recount_chat_sessions_deleted() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.chat_sessions s
  set message_count = coalesce(c.n, 0), last_message_at = c.last_at
  from (select distinct o.session_id from old_rows o) t
  left join lateral (select count(*)::integer as n, max(m.created_at) as last_at
                     from public.chat_messages m where m.session_id = t.session_id) c on true
  where s.id = t.session_id and (s.message_count, s.last_message_at) is distinct from (coalesce(c.n, 0), c.last_at);
  return null;
end $$;
comment on function private.recount_chat_sessions_deleted() is 'AFTER DELETE on chat_messages (statement): recomputes message_count and last_message_at of the sessions that lost messages.';
revoke all on function private.recount_chat_sessions_deleted() from public;
create trigger recount_chat_sessions_del after delete on public.chat_messages
  referencing old table as old_rows for each statement execute function private.recount_chat_sessions_deleted();

create function private.recount_agent_runs() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.agent_runs r
  set queries = c.n, input_tokens = c.input_tokens, output_tokens = c.output_tokens, cost_micros = c.cost_micros
  from (select distinct o.run_id from old_rows o) t
  cross join lateral (select count(*)::integer as n, coalesce(sum(q.input_tokens), 0) as input_tokens,
                             coalesce(sum(q.output_tokens), 0) as output_tokens, coalesce(sum(q.cost_micros), 0) as cost_micros
                      from public.agent_queries q where q.run_id = t.run_id) c
  where r.id = t.run_id;
  return null;
end $$;
comment on function private.recount_agent_runs() is 'AFTER DELETE on agent_queries (statement): recomputes the query count, tokens and cost of the runs that lost queries (updates are refused by freeze_agent_query).';
revoke all on function private.recount_agent_runs() from public;
create trigger recount_agent_runs_del after delete on public.agent_queries
  referencing old table as old_rows for each statement execute function private.recount_agent_runs();

create function private.move_knowledge_chunk_counts() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update private.knowledge_chunk_counts k set chunks = greatest(k.chunks - m.n, 0)
  from (select o.collection_id, count(*) as n from old_rows o join new_rows n on n.id = o.id
        where o.collection_id is distinct from n.collection_id group by 1) m
  where k.collection_id = m.collection_id;
  insert into private.knowledge_chunk_counts as k (collection_id, workspace_id, chunks)
  select n.collection_id, n.workspace_id, count(*) from old_rows o join new_rows n on n.id = o.id
  where o.collection_id is distinct from n.collection_id group by 1, 2 order by 1
  on conflict (collection_id) do update set chunks = k.chunks + excluded.chunks;
  return null;
end $$;
comment on function private.move_knowledge_chunk_counts() is 'AFTER UPDATE on knowledge_chunks (statement): moves the counts of chunks whose collection changed.';
revoke all on function private.move_knowledge_chunk_counts() from public;
create trigger move_knowledge_chunk_counts after update on public.knowledge_chunks
  referencing old table as old_rows new table as new_rows for each statement execute function private.move_knowledge_chunk_counts();
