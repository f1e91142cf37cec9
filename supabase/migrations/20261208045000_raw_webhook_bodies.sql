-- Raw webhook bodies are kept only until they are processed (issue 21, item 1). A signed Shopify
-- customers/redact ended completed while its own body, with the customer's email and phone, stayed
-- in the inbound log for 30 days, as did every processed order's body (names, addresses, phones).
-- Now a delivery keeps its hash, topic, ids, times and outcome; its body goes once it is processed
-- or ignored. Bodies of deliveries that failed stay for the retry (and for a person to look at a
-- dead one) until the 30-day history purge; a privacy erasure drops those that mention its subject.

alter table private.webhook_events alter column payload drop not null;
comment on column private.webhook_events.payload is 'The verified body, kept while the delivery waits or is retried; null once processed or ignored (payload_sha256 stays as the record of what arrived) or dropped by a privacy erasure.';

-- Every path that marks a delivery processed or ignored (the batch processor, finish_webhook_event,
-- a Tavus event without workspace) updates the row: the body goes in the same update.
create function private.drop_processed_webhook_body() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.payload := null;
  return new;
end $$;
comment on function private.drop_processed_webhook_body() is 'BEFORE UPDATE on private.webhook_events when the status becomes processed or ignored: the body goes, the hash and metadata stay.';
revoke all on function private.drop_processed_webhook_body() from public;
create trigger drop_processed_webhook_body before update on private.webhook_events
  for each row when (new.status in ('processed', 'ignored') and new.payload is not null)
  execute function private.drop_processed_webhook_body();

-- Deliveries stored as ignored (no workspace holds the shop) never need their body.
create or replace function private.store_shopify_webhook(
  p_webhook_id text, p_topic text, p_shop text, p_sha256 text, p_payload jsonb
) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid := private.shop_workspace(p_shop);
  fresh boolean;
begin
  if ws is null and p_topic in ('customers/data_request', 'customers/redact', 'shop/redact') then
    ws := (select c.workspace_id from public.integration_connections c
           where c.provider = 'shopify' and c.external_account_id = lower(p_shop)
           order by c.updated_at desc limit 1);
  end if;
  -- Acknowledged means stored: this commit waits for its WAL whatever the cluster's setting.
  perform set_config('synchronous_commit', 'on', true);
  insert into private.webhook_events as e
    (provider, topic, external_id, payload_sha256, workspace_id, shop, status, payload, next_attempt_at, processed_at)
  values ('shopify', p_topic, p_webhook_id, p_sha256, ws, p_shop,
          case when ws is null then 'ignored' else 'pending' end::public.webhook_event_status,
          case when ws is not null then p_payload end,
          case when ws is null then null else now() end, case when ws is null then now() end)
  on conflict (provider, external_id) do update set attempts = e.attempts + 1
  returning (xmax = 0) into fresh;
  if not fresh then
    return 'duplicate';
  end if;
  return case when ws is null then 'ignored' else 'accepted' end;
end $$;
comment on function private.store_shopify_webhook(text, text, text, text, jsonb) is 'The webhooks function''s one call for Shopify: stores a verified delivery once (accepted, or ignored without its body when no workspace holds the shop''s active connection, or for the GDPR topics any connection; duplicate for a redelivery). Processing happens in private.process_webhook_events.';

-- Mux, Tavus and Chatwoot deliveries are processed as they are stored (AFTER INSERT triggers read
-- the body); the body goes right after.
create or replace function private.receive_webhook(p_provider public.webhook_provider, p_topic text, p_external_id text,
  p_sha256 text, p_payload jsonb, p_workspace_id uuid default null)
returns text
language plpgsql volatile security definer set search_path = '' as $$
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
end $$;
comment on function private.receive_webhook(public.webhook_provider, text, text, text, jsonb, uuid) is 'Stores and processes a verified Mux, Tavus or Chatwoot delivery once (its AFTER INSERT triggers apply it), then drops the body; duplicate for a redelivery, ignored for a Tavus event without workspace.';

-- What is stored already: bodies of processed and ignored deliveries go.
update private.webhook_events set payload = null where status in ('processed', 'ignored') and payload is not null;
