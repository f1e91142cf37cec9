CREATE OR REPLACE FUNCTION private.apply_conversation_analysis(p_job_id bigint, p_lease_id uuid, p_workspace_id uuid, p_conversation_id text, p_analysis jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.apply_conversation_analysis(bigint,uuid,uuid,text,jsonb) is 'The analysis worker, under its job''s lease (PT409 when lost): [{index, sentiment (positive|neutral|negative), intent, confidence 0-1}] onto the conversation''s messages; anything else in an entry is left null. Returns the messages changed.';
grant execute on function private.apply_conversation_analysis(bigint,uuid,uuid,text,jsonb) to service_role;
