CREATE OR REPLACE FUNCTION public.add_agent_memory(p_workspace_id uuid, p_agent_id uuid, p_content text, p_memory_type text DEFAULT 'fact'::text)
 RETURNS uuid
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  c public.knowledge_collections;
  doc_id uuid;
  chunk uuid;
begin
  if p_content is null or btrim(p_content) = '' or char_length(p_content) > 20000 then
    raise exception 'a memory needs 1 to 20000 characters of text' using errcode = '22023';
  end if;
  if p_memory_type is null or char_length(p_memory_type) not between 1 and 100 then
    raise exception 'memory type must be 1 to 100 characters' using errcode = '22023';
  end if;
  c := public.ensure_knowledge_collection(p_workspace_id, 'agent', p_agent_id);
  select i.document_id into doc_id from private.ingest_knowledge_document(
    c.id, 'memory:' || gen_random_uuid(), btrim(p_content),
    jsonb_build_array(jsonb_build_object('content', btrim(p_content), 'token_count', ceil(char_length(p_content) / 4.0))),
    left(btrim(p_content), 80), 'memory', null, p_memory_type) i;
  select k.id into chunk from public.knowledge_chunks k where k.document_id = doc_id;
  return chunk;
end $function$;
comment on function public.add_agent_memory(uuid,uuid,text,text) is 'Members (and agents acting for them): remember a fact for an agent; returns the chunk id. The memory type becomes the document_type.';
grant execute on function public.add_agent_memory(uuid,uuid,text,text) to authenticated;
grant execute on function public.add_agent_memory(uuid,uuid,text,text) to service_role;
