CREATE OR REPLACE FUNCTION private.receive_webhook(p_provider public.webhook_provider, p_topic text, p_external_id text, p_sha256 text, p_payload jsonb, p_workspace_id uuid DEFAULT NULL::uuid)
 RETURNS text
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  fresh boolean;
  ws uuid := (select w.id from public.workspaces w where w.id = p_workspace_id);
  outcome text := 'processed';
begin
  insert into private.webhook_events (provider, topic, external_id, payload_sha256, workspace_id, status, payload)
  values (p_provider, p_topic, p_external_id, p_sha256, ws, 'processed', p_payload)
  on conflict (provider, external_id) do update set attempts = private.webhook_events.attempts + 1
  returning (xmax = 0) into fresh;
  if not fresh then
    return 'duplicate';
  end if;
  if p_provider = 'tavus' and p_topic = 'application.transcription_ready' and ws is not null
     and jsonb_typeof(p_payload #> '{properties,transcript}') = 'array' and p_payload ->> 'conversation_id' is not null then
    insert into public.conversation_messages (workspace_id, conversation_id, message_index, role, content, occurred_at)
    select ws, p_payload ->> 'conversation_id', (m.ordinality - 1)::integer, (m.value ->> 'role')::public.conversation_role,
           m.value ->> 'content',
           case when private.is_timestamptz(p_payload ->> 'timestamp') then (p_payload ->> 'timestamp')::timestamptz end
    from jsonb_array_elements(p_payload #> '{properties,transcript}') with ordinality m
    where m.value ->> 'role' in ('system', 'user', 'assistant') and m.value ->> 'content' is not null
    on conflict (workspace_id, conversation_id, message_index) do nothing;
  elsif p_provider = 'tavus' and ws is null then
    outcome := 'ignored';
  end if;
  update private.webhook_events set status = outcome::public.webhook_event_status, payload = null
  where provider = p_provider and external_id = p_external_id;
  return outcome;
end $function$;
comment on function private.receive_webhook(public.webhook_provider,text,text,text,jsonb,uuid) is 'Stores and processes a verified Mux, Tavus or Chatwoot delivery once (its AFTER INSERT triggers apply it), then drops the body; duplicate for a redelivery, ignored for a Tavus event without workspace.';
grant execute on function private.receive_webhook(public.webhook_provider,text,text,text,jsonb,uuid) to service_role;
