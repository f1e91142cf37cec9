-- (The two new states of webhook_event_status come in the previous migration: a value added to
-- an enum cannot be used in the transaction that adds it.)
-- Shopify webhooks acknowledged after a durable store, processed in set-based batches.
-- Processing inside the request capped the path near 650 deliveries/s on 2 cores (1.3 ms of
-- order processing per delivery against 0.03 ms to store the raw event). Now:
-- - private.store_shopify_webhook: the webhooks function stores the verified event once (by
--   X-Shopify-Webhook-Id; a redelivery counts an attempt) with a synchronous commit, so what
--   is acknowledged survives a database crash, and answers.
-- - A statement that stores events wakes the webhook-process function through pg_net (one
--   pending wake-up at a time, as for outbound deliveries); the every-minute sweeper catches
--   retries and anything a wake-up missed.
-- - private.process_webhook_events(limit): one processor at a time (an advisory lock), so
--   events are handled in the order received. Orders topics go to upsert_orders in one batch
--   per workspace (the newest version of each order); a batch it refuses is retried event by
--   event so one bad order cannot hold the others back. Failures retry with backoff; after 5
--   attempts an event is dead, its last error kept. Admins see their events' state through
--   list_webhook_events.


alter table private.webhook_events
  add column shop text,
  add column process_attempts integer not null default 0,
  add column next_attempt_at timestamptz,
  add column processed_at timestamptz;
comment on column private.webhook_events.attempts is 'Deliveries seen with this id (the first plus redeliveries).';
comment on column private.webhook_events.process_attempts is 'Times the processor tried to handle it.';
comment on column private.webhook_events.next_attempt_at is 'When a pending or failed event is (next) due for processing.';
create index webhook_events_due_idx on private.webhook_events (id) where status in ('pending', 'failed');

insert into private.callable_functions (name, description)
values ('webhook-process', 'processes stored inbound webhook events in batches')
on conflict (name) do nothing;

-- ===== the ack path
create function private.store_shopify_webhook(
  p_webhook_id text, p_topic text, p_shop text, p_sha256 text, p_payload jsonb
) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid := private.shop_workspace(p_shop);
  fresh boolean;
begin
  -- Acknowledged means stored: this commit waits for its WAL whatever the cluster's setting.
  perform set_config('synchronous_commit', 'on', true);
  insert into private.webhook_events as e
    (provider, topic, external_id, payload_sha256, workspace_id, shop, status, payload, next_attempt_at, processed_at)
  values ('shopify', p_topic, p_webhook_id, p_sha256, ws, p_shop,
          case when ws is null then 'ignored' else 'pending' end::public.webhook_event_status, p_payload,
          case when ws is null then null else now() end, case when ws is null then now() end)
  on conflict (provider, external_id) do update set attempts = e.attempts + 1
  returning (xmax = 0) into fresh;
  if not fresh then
    return 'duplicate';
  end if;
  return case when ws is null then 'ignored' else 'accepted' end;
end $$;
comment on function private.store_shopify_webhook(text, text, text, text, jsonb) is 'The webhooks function''s one call for Shopify: stores a verified delivery once (accepted, or ignored when no workspace holds the shop''s active connection; duplicate for a redelivery). Processing happens in private.process_webhook_events.';
revoke all on function private.store_shopify_webhook(text, text, text, text, jsonb) from public;
grant execute on function private.store_shopify_webhook(text, text, text, text, jsonb) to service_role;

create function private.wake_webhook_processor() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from stored where stored.status = 'pending') then
    perform private.wake_function('webhook-process');
  end if;
  return null;
end $$;
comment on function private.wake_webhook_processor() is 'AFTER INSERT statement trigger on webhook_events: wakes webhook-process at commit when the statement stored an event to process.';
revoke all on function private.wake_webhook_processor() from public;
create trigger wake_webhook_processor after insert on private.webhook_events
  referencing new table as stored
  for each statement execute function private.wake_webhook_processor();

-- ===== processing one event (everything but the batched order topics)
create function private.process_shopify_event(e private.webhook_events) returns public.webhook_event_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid := e.workspace_id;
  ids uuid[];
  hashes text[];
begin
  if ws is null then
    return 'ignored'::public.webhook_event_status;
  elsif e.topic in ('orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled') then
    perform public.upsert_orders(ws, jsonb_build_array(private.shopify_order(e.payload)));
  elsif e.topic = 'app/uninstalled' then
    perform set_config('growthbase.credential_reason', 'app uninstalled (Shopify webhook)', true);
    delete from private.integration_tokens t using public.integration_connections c
    where t.connection_id = c.id and c.workspace_id = ws and c.provider = 'shopify' and c.external_account_id = e.shop;
    update public.integration_connections set status = 'revoked', expires_at = null
    where workspace_id = ws and provider = 'shopify' and external_account_id = e.shop;
    update public.workspaces set shop_domain = null where id = ws and shop_domain = e.shop;
  elsif e.topic = 'customers/data_request' then
    insert into public.privacy_requests (workspace_id, kind, source, subject, details)
    values (ws, 'export', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', e.payload #>> '{customer,id}',
              'email_sha256', private.email_sha256(e.payload #>> '{customer,email}'))),
            jsonb_build_object('orders_requested', e.payload -> 'orders_requested',
                               'data_request_id', e.payload #>> '{data_request,id}'));
  elsif e.topic = 'customers/redact' then
    select array_agg(c.id) into ids from public.customers c
    where c.workspace_id = ws and c.shopify_customer_id = e.payload #>> '{customer,id}';
    hashes := array_remove(array[private.email_sha256(e.payload #>> '{customer,email}')], null);
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'deletion', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', e.payload #>> '{customer,id}',
              'email_sha256', hashes[1])), 'completed', now(),
            jsonb_build_object('customers_erased', private.erase_customers(ws, ids, hashes),
                               'orders_to_redact', e.payload -> 'orders_to_redact'));
  elsif e.topic = 'shop/redact' then
    select array_agg(c.id) into ids from public.customers c where c.workspace_id = ws;
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'deletion', 'shopify', jsonb_build_object('shop', e.shop), 'completed', now(),
            jsonb_build_object('customers_erased', private.erase_customers(ws, ids, null)));
  else
    return 'ignored'::public.webhook_event_status;
  end if;
  return 'processed'::public.webhook_event_status;
end $$;
comment on function private.process_shopify_event(private.webhook_events) is 'Handles one stored Shopify event (orders, app/uninstalled, the GDPR topics); returns processed or ignored, raises when it fails.';
revoke all on function private.process_shopify_event(private.webhook_events) from public;

-- Records the outcome of one attempt; failures back off (30 s x 2^(n-1)) and die after 5.
create function private.finish_webhook_event(p_id bigint, p_status public.webhook_event_status, p_error text, p_permanent boolean default false)
returns void
language sql volatile security definer set search_path = '' as $$
  update private.webhook_events e set
    process_attempts = e.process_attempts + 1,
    status = case when p_error is null then p_status
                  when p_permanent or e.process_attempts + 1 >= 5 then 'dead'
                  else 'failed' end::public.webhook_event_status,
    error = left(p_error, 2000),
    next_attempt_at = case when p_error is not null and not p_permanent and e.process_attempts + 1 < 5
                           then now() + interval '30 seconds' * power(2, e.process_attempts) end,
    processed_at = case when p_error is null then now() else e.processed_at end
  where e.id = p_id
$$;
comment on function private.finish_webhook_event(bigint, public.webhook_event_status, text, boolean) is 'Records a processing attempt: the outcome, or the error with a retry (30 s, 60 s, 120 s, 240 s) and dead after the 5th or at once when the error is permanent.';
revoke all on function private.finish_webhook_event(bigint, public.webhook_event_status, text, boolean) from public;

-- Caller mistakes in a payload (a bad order) will never pass: no retries for them.
create function private.is_permanent_error(p_sqlstate text) returns boolean
language sql immutable set search_path = '' as $$
  select p_sqlstate in ('22023', '22P02', '23502', '23514', 'PT413')
$$;
comment on function private.is_permanent_error(text) is 'SQLSTATEs that mean the event itself is wrong (retrying cannot help).';
revoke all on function private.is_permanent_error(text) from public;

-- ===== the processor
create function private.process_webhook_events(p_limit integer default 500)
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  claimed private.webhook_events[];
  e private.webhook_events;
  b record;
  outcome public.webhook_event_status;
  done integer := 0;
  failed integer := 0;
begin
  if p_limit is null or p_limit not between 1 and 5000 then
    raise exception 'p_limit must be between 1 and 5000' using errcode = '22023';
  end if;
  -- One processor at a time keeps each shop's events in the order they arrived.
  if not pg_try_advisory_xact_lock(hashtextextended('growthbase:webhook-process', 0)) then
    return jsonb_build_object('busy', true, 'processed', 0, 'failed', 0);
  end if;
  select array_agg(w order by w.id) into claimed
  from private.webhook_events w
  where w.id in (select d.id from private.webhook_events d
                 where d.status in ('pending', 'failed') and d.next_attempt_at <= now()
                 order by d.id limit p_limit);
  if claimed is null then
    return jsonb_build_object('busy', false, 'processed', 0, 'failed', 0);
  end if;

  -- Orders, one batch per workspace: the newest version of each order (Shopify's updated_at,
  -- then arrival), the other versions of it counted as processed.
  for b in
    select c.workspace_id,
           array_agg(c.id order by c.id) as ids,
           jsonb_agg(private.shopify_order(c.payload) order by c.id) filter (where c.newest) as orders
    from (select c.*, row_number() over (partition by c.workspace_id, c.payload ->> 'id'
                                         order by c.payload ->> 'updated_at' desc nulls last, c.id desc) = 1 as newest
          from unnest(claimed) c
          where c.workspace_id is not null
            and c.topic in ('orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled')) c
    group by c.workspace_id
  loop
    begin
      perform public.upsert_orders(b.workspace_id, b.orders);
      update private.webhook_events w set status = 'processed', processed_at = now(), error = null,
        process_attempts = w.process_attempts + 1, next_attempt_at = null
      where w.id = any (b.ids);
      done := done + cardinality(b.ids);
    exception when others then
      -- The batch was refused: each event on its own, so only the bad ones fail.
      for e in select * from unnest(claimed) c where c.id = any (b.ids) order by c.id loop
        begin
          outcome := private.process_shopify_event(e);
          perform private.finish_webhook_event(e.id, outcome, null);
          done := done + 1;
        exception when others then
          perform private.finish_webhook_event(e.id, null, sqlerrm, private.is_permanent_error(sqlstate));
          failed := failed + 1;
        end;
      end loop;
    end;
  end loop;

  -- Everything else, one by one in arrival order.
  for e in
    select * from unnest(claimed) c
    where not (c.workspace_id is not null
               and c.topic in ('orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled'))
    order by c.id
  loop
    begin
      outcome := private.process_shopify_event(e);
      perform private.finish_webhook_event(e.id, outcome, null);
      done := done + 1;
    exception when others then
      perform private.finish_webhook_event(e.id, null, sqlerrm, private.is_permanent_error(sqlstate));
      failed := failed + 1;
    end;
  end loop;
  return jsonb_build_object('busy', false, 'processed', done, 'failed', failed, 'claimed', cardinality(claimed));
end $$;
comment on function private.process_webhook_events(integer) is 'Processes up to p_limit due Shopify events in arrival order (one processor at a time): order topics in one upsert_orders batch per workspace, the rest one by one; failures retry with backoff, dead after 5.';
revoke all on function private.process_webhook_events(integer) from public;
grant execute on function private.process_webhook_events(integer) to service_role;

-- The sweeper: every minute, call the processor only when an event is due.
create function private.process_due_webhook_events() returns bigint
language plpgsql volatile security definer set search_path = '' as $$
begin
  if exists (select 1 from private.webhook_events w
             where w.status in ('pending', 'failed') and w.next_attempt_at <= now()) then
    return private.invoke_function('webhook-process');
  end if;
  return null;
end $$;
comment on function private.process_due_webhook_events() is 'pg_cron, every minute: calls webhook-process through pg_net when an event is due (retries, missed wake-ups).';
revoke all on function private.process_due_webhook_events() from public;
select cron.schedule('webhook-process', '* * * * *', $$select private.process_due_webhook_events()$$);

-- The synchronous receiver is replaced by store + process.
drop function private.receive_shopify_webhook(text, text, text, text, jsonb);

-- ===== what admins see
create type public.webhook_event_row as (
  id bigint, provider public.webhook_provider, topic text, status public.webhook_event_status, deliveries integer,
  process_attempts integer, error text, received_at timestamptz, processed_at timestamptz);
comment on type public.webhook_event_row is 'One inbound event as list_webhook_events shows it (no payload). Never null: id, provider, topic, status, deliveries, process_attempts, received_at; error and processed_at may be.';

create function private.webhook_events_of(p_workspace_id uuid, p_status public.webhook_event_status, p_limit integer)
returns setof public.webhook_event_row
language plpgsql stable security definer set search_path = '' as $$
begin
  if not (p_workspace_id = any (array(select private.workspace_ids('admin')))) then
    raise exception 'you need the admin role in this workspace' using errcode = '42501';
  end if;
  return query
    select w.id, w.provider, w.topic, w.status, w.attempts, w.process_attempts, w.error, w.received_at, w.processed_at
    from private.webhook_events w
    where w.workspace_id = p_workspace_id and (p_status is null or w.status = p_status)
    order by w.id desc limit p_limit;
end $$;
comment on function private.webhook_events_of(uuid, public.webhook_event_status, integer) is 'Inbound events of a workspace for its admins (no payloads).';
revoke all on function private.webhook_events_of(uuid, public.webhook_event_status, integer) from public;
grant execute on function private.webhook_events_of(uuid, public.webhook_event_status, integer) to authenticated;

create function public.list_webhook_events(p_workspace_id uuid, p_status public.webhook_event_status default null,
                                           p_limit integer default 100)
returns setof public.webhook_event_row
language plpgsql stable set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.require_batch_size('events', coalesce(p_limit, 0), 500);
  if coalesce(p_limit, 0) < 1 then
    raise exception 'p_limit must be at least 1' using errcode = '22023';
  end if;
  return query select * from private.webhook_events_of(p_workspace_id, p_status, p_limit);
end $$;
comment on function public.list_webhook_events(uuid, public.webhook_event_status, integer) is 'Admins: the workspace''s inbound webhook events, newest first (at most 500), optionally of one status: what arrived, how often it was delivered, whether it was processed, and the last error.';
grant execute on function public.list_webhook_events(uuid, public.webhook_event_status, integer) to authenticated;
