CREATE OR REPLACE FUNCTION private.conversation_transcript_arrived()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.conversation_transcript_arrived() is 'AFTER INSERT (statement) on conversation_messages: each live demo conversation (started through start_demo_conversation: max_minutes set) that got messages is queued for analysis and its transcript (one chunk per message) ingested into the demo''s knowledge (document conversation:<id>).';
