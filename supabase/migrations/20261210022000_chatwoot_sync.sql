-- Messaging, part 3: Chatwoot in step with support tickets, both ways.
-- - Connecting: an admin gives the Chatwoot instance, account and API access token to the
--   chatwoot-connect function, which encrypts the token (integration_tokens, like every other)
--   and calls private.connect_chatwoot: the connection (external account = the Chatwoot account
--   id, metadata.base_url) and a webhook token for this workspace, shown once; Chatwoot is given
--   /functions/v1/webhooks/chatwoot?token=<it>, and the token alone says which workspace an
--   event belongs to.
-- - Inbound (the webhook pipeline, once per event): conversation_created and an incoming
--   message_created open a ticket for the conversation (source chatwoot) or reopen its resolved
--   ticket; an agent's outgoing message puts it in waiting_on_customer; conversation_status_changed
--   moves it (the existing trigger).
-- - Outbound (the chatwoot connector queue): a reply a member sends from the app (public.
--   send_support_reply, optionally a curated reply) is posted to the conversation, and a status
--   a member sets is set in Chatwoot. No loops: a change that came from Chatwoot is marked in the
--   transaction (growthbase.chatwoot_inbound) and is not sent back, and an echo of our own change
--   finds the ticket already in that state, which changes nothing.

create table private.chatwoot_webhook_tokens (
  workspace_id uuid primary key references public.workspaces (id) on delete cascade,
  token_hash bytea not null check (octet_length(token_hash) = 32),
  created_at timestamptz not null default now()
);
create index chatwoot_webhook_tokens_hash_idx on private.chatwoot_webhook_tokens (token_hash);
comment on table private.chatwoot_webhook_tokens is 'SHA-256 of each workspace''s Chatwoot webhook token (the secret in the webhook URL it gave Chatwoot). Service only.';
alter table private.chatwoot_webhook_tokens enable row level security;
select private.install_row_triggers('private.chatwoot_webhook_tokens');

select private.register_connector_queue('chatwoot', 'chatwoot-sync',
  'Replies and status changes sent to Chatwoot conversations, in order per Chatwoot account.',
  interval '1 minute', 8, interval '10 seconds', interval '1 hour', true);

create function private.connect_chatwoot(p_workspace_id uuid, p_base_url text, p_account_id text,
  p_access_ciphertext text, p_key_id text)
returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  conn uuid;
  token text := encode(extensions.gen_random_bytes(32), 'hex');
begin
  if private.is_end_user() and not (p_workspace_id = any (array(select private.workspace_ids('admin')))) then
    raise exception 'you need the admin role in this workspace' using errcode = '42501';
  end if;
  if p_base_url !~ '^https?://[^\s/?#]+(/[^\s?#]*)?$' or p_account_id !~ '^\d{1,12}$' then
    raise exception 'a Chatwoot base URL (http(s)://host) and a numeric account id are required' using errcode = '22023';
  end if;
  insert into public.integration_connections (workspace_id, provider, external_account_id, status, connected_by, metadata)
  values (p_workspace_id, 'chatwoot', p_account_id, 'active', (select auth.uid()),
          jsonb_build_object('base_url', rtrim(p_base_url, '/'), 'connected_via', 'api_token'))
  on conflict (workspace_id, provider, external_account_id) do update set status = 'active',
    metadata = public.integration_connections.metadata || excluded.metadata
  returning id into conn;
  insert into private.integration_tokens (connection_id, access_token_ciphertext, key_id)
  values (conn, p_access_ciphertext, p_key_id)
  on conflict (connection_id) do update set access_token_ciphertext = excluded.access_token_ciphertext,
    key_id = excluded.key_id, updated_at = now();
  insert into private.chatwoot_webhook_tokens (workspace_id, token_hash) values (p_workspace_id, extensions.digest(token, 'sha256'))
  on conflict (workspace_id) do update set token_hash = excluded.token_hash, created_at = now();
  return token;
end $$;
comment on function private.connect_chatwoot(uuid, text, text, text, text) is 'chatwoot-connect, as the admin: the Chatwoot connection with its encrypted API token, and a new webhook token for the workspace (returned once; only its hash is kept, the old one stops working). 42501 for non-admins, 22023 for a bad URL or account id.';

create function private.chatwoot_workspace(p_token text) returns uuid
language sql stable security definer set search_path = '' as $$
  select t.workspace_id from private.chatwoot_webhook_tokens t where t.token_hash = extensions.digest(p_token, 'sha256') limit 1
$$;
comment on function private.chatwoot_workspace(text) is 'The workspace whose Chatwoot webhook token this is, or null.';

-- ===== inbound
create function private.apply_chatwoot_event() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  p jsonb := new.payload;
  conv jsonb;
  conv_id text;
  sender jsonb;
  t public.support_tickets;
  email text;
begin
  if new.workspace_id is null or new.topic not in ('conversation_created', 'message_created') then
    return null;
  end if;
  perform set_config('growthbase.chatwoot_inbound', 'on', true);
  conv := case when new.topic = 'conversation_created' then p else p -> 'conversation' end;
  conv_id := coalesce(conv ->> 'id', p ->> 'conversation_id');
  if conv_id is null or conv_id !~ '^\d{1,18}$' then
    return null;
  end if;
  if new.topic = 'message_created' and (p ->> 'private')::boolean is true then
    return null;  -- an agents' note
  end if;
  select * into t from public.support_tickets where workspace_id = new.workspace_id and chatwoot_conversation_id = conv_id for update;
  if not found then
    if new.topic = 'message_created' and p ->> 'message_type' <> 'incoming' then
      return null;
    end if;
    sender := coalesce(conv #> '{meta,sender}', p -> 'sender', '{}');
    email := lower(btrim(sender ->> 'email'));
    if email is null or email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
      email := 'chatwoot-' || conv_id || '@chatwoot.invalid';
    end if;
    insert into public.support_tickets (workspace_id, source, requester_email, requester_name, subject, body, chatwoot_conversation_id)
    values (new.workspace_id, 'chatwoot', left(email, 254), nullif(left(btrim(sender ->> 'name'), 100), ''),
            'Chatwoot conversation #' || conv_id,
            left(coalesce(nullif(btrim(coalesce(p ->> 'content', conv #>> '{messages,0,content}')), ''), '(no message yet)'), 10000),
            conv_id)
    on conflict (workspace_id, chatwoot_conversation_id) do nothing;
    return null;
  end if;
  if new.topic = 'message_created' then
    begin
      if p ->> 'message_type' = 'incoming' and t.status in ('resolved', 'waiting_on_customer') then
        update public.support_tickets set status = 'open' where id = t.id;
      elsif p ->> 'message_type' = 'outgoing' and t.status in ('open', 'in_progress') then
        update public.support_tickets set status = 'waiting_on_customer' where id = t.id;
      else
        update public.support_tickets set updated_at = now() where id = t.id;
      end if;
    exception when sqlstate 'PT409' then
      null;  -- a closed ticket stays closed
    end;
  end if;
  return null;
end $$;
comment on function private.apply_chatwoot_event() is 'AFTER INSERT on private.webhook_events for Chatwoot conversation_created and message_created: opens the conversation''s ticket (source chatwoot) or moves it (a customer''s message reopens it, an agent''s waits on the customer); agents'' private notes are ignored. Marks the transaction so the change is not sent back.';
create trigger apply_chatwoot_event after insert on private.webhook_events
  for each row when (new.provider = 'chatwoot') execute function private.apply_chatwoot_event();

-- The existing status trigger marks its transaction too: what Chatwoot changed is not sent back.
create or replace function private.process_chatwoot_ticket_event() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  target public.support_ticket_status;
begin
  target := case new.payload ->> 'status'
              when 'open' then 'open' when 'pending' then 'waiting_on_customer'
              when 'snoozed' then 'waiting_on_customer' when 'resolved' then 'resolved' end;
  if target is null or new.workspace_id is null or new.payload ->> 'id' is null then
    return null;
  end if;
  perform set_config('growthbase.chatwoot_inbound', 'on', true);
  begin
    update public.support_tickets set status = target
    where workspace_id = new.workspace_id and chatwoot_conversation_id = new.payload ->> 'id'
      and status not in ('closed', target);
  exception when sqlstate 'PT409' then
    null;  -- a transition the workflow forbids (e.g. resolved -> waiting): the ticket stays as it is
  end;
  return null;
end $$;

-- ===== outbound
create function private.chatwoot_status(p_status public.support_ticket_status) returns text
language sql immutable set search_path = '' as $$
  select case p_status when 'open' then 'open' when 'in_progress' then 'open' when 'waiting_on_customer' then 'pending'
                       when 'resolved' then 'resolved' when 'closed' then 'resolved' end
$$;
comment on function private.chatwoot_status(public.support_ticket_status) is 'The Chatwoot conversation status a ticket status means (open, pending, resolved).';

create function private.send_ticket_status_to_chatwoot() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  conn uuid;
begin
  if current_setting('growthbase.chatwoot_inbound', true) = 'on'
     or private.chatwoot_status(new.status) = private.chatwoot_status(old.status) then
    return null;
  end if;
  select c.id into conn from public.integration_connections c
  where c.workspace_id = new.workspace_id and c.provider = 'chatwoot' and c.status = 'active' order by c.created_at desc limit 1;
  if conn is not null then
    perform private.enqueue_connector_job('chatwoot', new.workspace_id, conn,
      'status:' || new.id || ':' || extract(epoch from clock_timestamp())::text,
      jsonb_build_object('kind', 'status', 'conversation_id', new.chatwoot_conversation_id, 'status', private.chatwoot_status(new.status)));
  end if;
  return null;
end $$;
comment on function private.send_ticket_status_to_chatwoot() is 'AFTER UPDATE OF status on support_tickets linked to Chatwoot: queues the conversation''s new status, unless the change came from Chatwoot (no loop) or means the same Chatwoot status.';
create trigger send_ticket_status_to_chatwoot after update of status on public.support_tickets
  for each row when (new.chatwoot_conversation_id is not null and old.status is distinct from new.status)
  execute function private.send_ticket_status_to_chatwoot();

create function private.queue_chatwoot_reply(p_ticket_id uuid, p_content text, p_idempotency_key text) returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  t public.support_tickets;
  conn uuid;
begin
  select * into t from public.support_tickets where id = p_ticket_id;
  if not found or (private.is_end_user() and not (t.workspace_id = any (array(select private.workspace_ids('member'))))) then
    raise exception 'no ticket % in a workspace where you are a member', p_ticket_id using errcode = 'PT404';
  end if;
  if t.chatwoot_conversation_id is null then
    raise exception 'this ticket has no Chatwoot conversation to reply in' using errcode = '22023';
  end if;
  select c.id into conn from public.integration_connections c
  where c.workspace_id = t.workspace_id and c.provider = 'chatwoot' and c.status = 'active' order by c.created_at desc limit 1;
  if conn is null then
    raise exception 'Chatwoot is not connected to this workspace' using errcode = 'PT409';
  end if;
  return private.enqueue_connector_job('chatwoot', t.workspace_id, conn, 'reply:' || t.id || ':' || p_idempotency_key,
    jsonb_build_object('kind', 'reply', 'conversation_id', t.chatwoot_conversation_id, 'content', p_content));
end $$;
comment on function private.queue_chatwoot_reply(uuid, text, text) is 'Queues a reply to the ticket''s Chatwoot conversation (once per key); PT404 when the caller is not a member of its workspace, 22023 without a conversation, PT409 without a Chatwoot connection.';

create function public.send_support_reply(p_ticket_id uuid, p_body text default null, p_curated_reply_id uuid default null,
  p_idempotency_key text default null)
returns bigint
language plpgsql volatile set search_path = '' as $$
declare
  content text := p_body;
  ws uuid;
begin
  if p_ticket_id is null then
    raise exception 'a ticket id is required' using errcode = '22023';
  end if;
  select t.workspace_id into ws from public.support_tickets t where t.id = p_ticket_id;
  if ws is null then
    raise exception 'no ticket %', p_ticket_id using errcode = 'PT404';
  end if;
  perform private.require_workspace_role(ws, 'member');
  if p_curated_reply_id is not null then
    select r.body into content from public.support_curated_replies r
    where r.id = p_curated_reply_id and r.workspace_id = ws and r.active;
    if content is null then
      raise exception 'no active curated reply % in this workspace', p_curated_reply_id using errcode = 'PT404';
    end if;
    perform public.record_curated_reply_use(p_curated_reply_id);
  end if;
  if content is null or char_length(btrim(content)) not between 1 and 10000 then
    raise exception 'a reply has 1 to 10000 characters (or names a curated reply)' using errcode = '22023';
  end if;
  if p_idempotency_key is not null and p_idempotency_key !~ '^[A-Za-z0-9_-]{1,100}$' then
    raise exception 'an idempotency key is 1 to 100 letters, digits, _ or -' using errcode = '22023';
  end if;
  return private.queue_chatwoot_reply(p_ticket_id, content, coalesce(p_idempotency_key, gen_random_uuid()::text));
end $$;
comment on function public.send_support_reply(uuid, text, uuid, text) is 'Members: sends a reply (p_body, or the curated reply p_curated_reply_id, whose use is counted) to the ticket''s Chatwoot conversation through the chatwoot queue; the same p_idempotency_key sends once. Returns the job id. 22023 bad input or no conversation, 42501 viewers, PT404 unknown ticket or curated reply, PT409 Chatwoot not connected.';

revoke all on function private.connect_chatwoot(uuid, text, text, text, text) from public;
revoke all on function private.chatwoot_workspace(text) from public;
revoke all on function private.apply_chatwoot_event() from public;
revoke all on function private.chatwoot_status(public.support_ticket_status) from public;
revoke all on function private.send_ticket_status_to_chatwoot() from public;
revoke all on function private.queue_chatwoot_reply(uuid, text, text) from public;
revoke all on function public.send_support_reply(uuid, text, uuid, text) from public;
grant execute on function private.connect_chatwoot(uuid, text, text, text, text) to authenticated, service_role;
grant execute on function private.chatwoot_workspace(text) to service_role;
grant execute on function private.queue_chatwoot_reply(uuid, text, text) to authenticated, service_role;
grant execute on function public.send_support_reply(uuid, text, uuid, text) to authenticated, service_role;
