CREATE OR REPLACE FUNCTION private.anon_start_demo_conversation(p_demo_id uuid)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.anon_start_demo_conversation(uuid) is 'start_demo_conversation beneath RLS: published demo (PT404), per-address limit, a persona or replica (PT409), per-demo starts an hour and minutes budget (PT429), then a reservation and what Tavus needs (persona, replica, greeting, context from the demo''s knowledge).';
grant execute on function private.anon_start_demo_conversation(uuid) to anon;
grant execute on function private.anon_start_demo_conversation(uuid) to authenticated;
