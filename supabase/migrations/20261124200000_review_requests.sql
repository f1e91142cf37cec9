-- Review requests: when an order is fulfilled, one request per order is queued N days later
-- (per-workspace setting); a pg_cron job marks due requests for the email dispatcher, which
-- claims them with a fresh one-time verification token (only its SHA-256 is stored) and reports
-- delivery. The token in the email lets the customer submit verified reviews of the order's
-- products (reviews migration). RAWDOG's review_email_requests and review_email_queue, unified.

-- ===== per-workspace review settings (requests here; publishing rules used by reviews)
create table public.review_settings (
  workspace_id uuid primary key references public.workspaces (id) on delete cascade,
  requests_enabled boolean not null default true,
  request_delay_days integer not null default 14
    constraint review_settings_request_delay_days_range check (request_delay_days between 0 and 365),
  token_ttl_days integer not null default 60
    constraint review_settings_token_ttl_days_range check (token_ttl_days between 1 and 365),
  auto_publish_verified boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.review_settings is 'Per-workspace review settings; without a row: requests on, 14 days after fulfilment, tokens valid 60 days, every review moderated.';
comment on column public.review_settings.request_delay_days is 'Days between an order becoming fulfilled and its review request being sent (0-365).';
comment on column public.review_settings.token_ttl_days is 'Days a review request''s verification token stays valid after it is issued.';
comment on column public.review_settings.auto_publish_verified is 'Publish reviews whose token verifies a purchase at once; all other reviews wait for moderation.';
create trigger set_updated_at before update on public.review_settings
  for each row execute function private.set_updated_at();

-- The workspace's settings with defaults filled in (one row even when none is stored).
create function private.review_settings_for(p_workspace_id uuid)
returns public.review_settings
language sql stable security definer set search_path = '' as $$
  select coalesce(s.workspace_id, p_workspace_id), coalesce(s.requests_enabled, true),
         coalesce(s.request_delay_days, 14), coalesce(s.token_ttl_days, 60),
         coalesce(s.auto_publish_verified, false), coalesce(s.created_at, now()), coalesce(s.updated_at, now())
  from (select 1) one
  left join public.review_settings s on s.workspace_id = p_workspace_id
$$;
comment on function private.review_settings_for(uuid) is 'The workspace''s review_settings row, or the defaults when it has none.';

-- ===== review requests
create type public.review_request_status as enum ('queued', 'due', 'sent', 'opened', 'completed', 'cancelled', 'expired');
comment on type public.review_request_status is 'queued: waiting for send_after; due: marked by pg_cron for the email dispatcher; sent: the email went out with a token; opened: the customer opened the review form; completed: every product of the order was reviewed; cancelled: the order was cancelled or refunded, nothing to review, delivery failed or a member cancelled it; expired: the token ran out unused.';
create type public.review_request_trigger as enum ('order_fulfilled', 'manual');
comment on type public.review_request_trigger is 'What queued a review request: the order becoming fulfilled, or a member asking for it.';

-- Composite keys below keep a request and its order in one workspace.
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'orders_workspace_id_id_key'
                 and conrelid = 'public.orders'::regclass) then
    alter table public.orders add constraint orders_workspace_id_id_key unique (workspace_id, id);
  end if;
end $$;

create table public.review_requests (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  order_id uuid not null unique,
  trigger_event public.review_request_trigger not null,
  status public.review_request_status not null default 'queued',
  send_after timestamptz not null,
  shopify_product_ids text[] not null default '{}',
  attempts integer not null default 0 check (attempts >= 0),
  claimed_until timestamptz,
  provider_message_id text check (char_length(provider_message_id) <= 256),
  last_error text check (char_length(last_error) <= 2000),
  cancel_reason text check (char_length(cancel_reason) <= 500),
  due_at timestamptz,
  sent_at timestamptz,
  opened_at timestamptz,
  completed_at timestamptz,
  cancelled_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, order_id) references public.orders (workspace_id, id) on delete cascade
);
comment on table public.review_requests is 'One review request per order: queued when the order is fulfilled (or by a member), marked due by pg_cron, claimed and sent by the email dispatcher with a one-time token, opened and completed by the customer. Written only by triggers and SQL functions.';
comment on column public.review_requests.order_id is 'The order; unique, so redelivered webhooks and repeated fulfilment never queue a second request.';
comment on column public.review_requests.send_after is 'When the request becomes due: fulfilment time (Shopify''s updated_at of the fulfilled version) + review_settings.request_delay_days, never in the past.';
comment on column public.review_requests.shopify_product_ids is 'The order''s products (Shopify product ids), fixed when the request becomes due; the token verifies reviews of these only.';
comment on column public.review_requests.attempts is 'How many times the dispatcher claimed it; after 5 failed deliveries it is cancelled.';
comment on column public.review_requests.claimed_until is 'Lease of the dispatcher''s current claim; a crashed dispatcher''s claim comes back after it.';
comment on column public.review_requests.created_by is 'The member who asked for a manual request; null for fulfilment.';
create index review_requests_order_idx on public.review_requests (order_id, workspace_id);
create index review_requests_workspace_status_idx on public.review_requests (workspace_id, status, created_at desc);
create index review_requests_queued_idx on public.review_requests (send_after) where status = 'queued';
create index review_requests_due_idx on public.review_requests (due_at) where status = 'due';
create index review_requests_created_by_idx on public.review_requests (created_by);
create trigger set_updated_at before update on public.review_requests
  for each row execute function private.set_updated_at();

-- The verification token: 32 random bytes shown once (in the email), stored as SHA-256.
create table private.review_request_tokens (
  request_id uuid primary key references public.review_requests (id) on delete cascade,
  token_hash bytea not null unique check (octet_length(token_hash) = 32),
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
comment on table private.review_request_tokens is 'SHA-256 of each review request''s current verification token and its expiry. Deleted when the request completes or is cancelled (a used-up token verifies nothing), and 30 days after it expired. Service only.';

-- ===== state machine
create function private.guard_review_request_status() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status = old.status then
    return new;
  end if;
  if not (
    (old.status = 'queued' and new.status in ('due', 'cancelled')) or
    (old.status = 'due' and new.status in ('sent', 'cancelled')) or
    (old.status = 'sent' and new.status in ('opened', 'completed', 'cancelled', 'expired')) or
    (old.status = 'opened' and new.status in ('completed', 'cancelled', 'expired'))
  ) then
    raise exception 'a review request cannot go from % to %', old.status, new.status using errcode = 'PT409';
  end if;
  case new.status
    when 'due' then new.due_at := coalesce(new.due_at, now());
    when 'sent' then new.sent_at := coalesce(new.sent_at, now()); new.claimed_until := null;
    when 'opened' then new.opened_at := coalesce(new.opened_at, now());
    when 'completed' then new.completed_at := now();
    when 'cancelled' then new.cancelled_at := now(); new.claimed_until := null;
    else null;
  end case;
  return new;
end $$;
comment on function private.guard_review_request_status() is 'BEFORE UPDATE OF status on review_requests: allows queued -> due -> sent -> opened -> completed, cancelled from any open state, expired after sending; stamps the time of each step.';
create trigger guard_review_request_status before update of status on public.review_requests
  for each row execute function private.guard_review_request_status();

-- A completed or cancelled request's token verifies nothing any more. An expired one's stays a
-- while (it verifies nothing either: its request is no longer sent or opened) so its link can say
-- it expired; the due job purges it 30 days after expiry.
create function private.drop_finished_review_token() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  delete from private.review_request_tokens where request_id = new.id;
  return null;
end $$;
comment on function private.drop_finished_review_token() is 'AFTER UPDATE on review_requests: deletes the token of a completed or cancelled request.';
create trigger drop_finished_review_token after update of status on public.review_requests
  for each row when (new.status in ('completed', 'cancelled') and old.status is distinct from new.status)
  execute function private.drop_finished_review_token();

-- ===== queueing from orders
-- Orders reach us through public.upsert_orders (Shopify webhooks, backfills). An order that
-- becomes fulfilled queues one request (unique order_id: redeliveries and repeated updates add
-- nothing), due request_delay_days after the fulfilment, which Shopify's updated_at of that version
-- dates (or now, without one). Backfills of history ask nobody: not for orders processed more than
-- 90 days ago, nor fulfilled more than 30 days ago; nor orders without an email. A cancelled or
-- refunded order cancels a request not yet sent.
create function private.queue_review_request() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  s public.review_settings;
  fulfilled_at timestamptz := least(coalesce(new.source_updated_at, now()), now());
begin
  if new.cancelled_at is not null or new.financial_status in ('refunded', 'voided') then
    update public.review_requests set status = 'cancelled',
      cancel_reason = case when new.cancelled_at is not null then 'the order was cancelled' else 'the order was refunded' end
    where order_id = new.id and status in ('queued', 'due');
    return null;
  end if;
  if new.fulfillment_status <> 'fulfilled' or new.email_sha256 is null
     or new.processed_at < now() - interval '90 days' or fulfilled_at < now() - interval '30 days' then
    return null;
  end if;
  s := private.review_settings_for(new.workspace_id);
  if not s.requests_enabled then
    return null;
  end if;
  insert into public.review_requests (workspace_id, order_id, trigger_event, send_after)
  values (new.workspace_id, new.id, 'order_fulfilled',
          greatest(now(), fulfilled_at + make_interval(days => s.request_delay_days)))
  on conflict (order_id) do nothing;
  return null;
end $$;
comment on function private.queue_review_request() is 'AFTER INSERT/UPDATE on orders: queues the review request of a newly fulfilled order (once) or cancels an unsent one when the order is cancelled or refunded.';
create trigger queue_review_request_on_insert after insert on public.orders
  for each row when (new.fulfillment_status = 'fulfilled')
  execute function private.queue_review_request();
create trigger queue_review_request_on_update after update of fulfillment_status, cancelled_at, financial_status on public.orders
  for each row when (
    (new.fulfillment_status = 'fulfilled' and old.fulfillment_status is distinct from 'fulfilled')
    or (new.cancelled_at is not null and old.cancelled_at is null)
    or (new.financial_status in ('refunded', 'voided') and old.financial_status not in ('refunded', 'voided')))
  execute function private.queue_review_request();

-- ===== pg_cron: queued -> due (with the order's products fixed), and expiry of unused tokens
create function private.mark_review_requests_due(p_limit integer default 5000)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  with pick as (
    select r.id, r.order_id from public.review_requests r
    where r.status = 'queued' and r.send_after <= now()
    order by r.send_after
    limit p_limit
    for update of r skip locked
  ), facts as (
    select p.id, o.cancelled_at, o.financial_status,
           array(select distinct li.shopify_product_id from public.order_line_items li
                 where li.order_id = p.order_id and li.shopify_product_id is not null
                 order by 1) as products
    from pick p join public.orders o on o.id = p.order_id
  )
  update public.review_requests r set
    shopify_product_ids = f.products,
    status = case when f.cancelled_at is not null or f.financial_status in ('refunded', 'voided')
                    or cardinality(f.products) = 0 then 'cancelled' else 'due' end::public.review_request_status,
    cancel_reason = case when f.cancelled_at is not null then 'the order was cancelled'
                         when f.financial_status in ('refunded', 'voided') then 'the order was refunded'
                         when cardinality(f.products) = 0 then 'the order has no products to review' end
  from facts f where r.id = f.id;
  get diagnostics n = row_count;

  update public.review_requests r set status = 'expired'
  from private.review_request_tokens t
  where t.request_id = r.id and t.expires_at <= now() and r.status in ('sent', 'opened');
  delete from private.review_request_tokens t where t.expires_at < now() - interval '30 days';
  return n;
end $$;
comment on function private.mark_review_requests_due(integer) is 'pg_cron job review-requests-due (every 5 minutes): queued requests whose send_after has passed become due (products fixed from the order''s line items) or cancelled (order cancelled or refunded, nothing to review); sent requests whose token expired become expired; tokens 30 days past expiry are purged. Returns how many queued requests it handled.';

-- ===== the email dispatcher (service_role)
-- Leases up to p_limit due requests for 5 minutes and issues each a fresh token (a re-claim
-- replaces the token of a delivery that never happened). Orders hold only email hashes: the
-- dispatcher looks the address up in Shopify by shopify_order_id.
create function private.claim_review_requests(p_limit integer default 50, p_workspace_id uuid default null)
returns table (request_id uuid, workspace_id uuid, shopify_order_id text, order_number text,
               products jsonb, token text, expires_at timestamptz, attempts integer)
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_column
begin
  perform private.require_batch_size('review requests', p_limit, 500);
  return query
  with pick as (
    select r.id from public.review_requests r
    where r.status = 'due' and (r.claimed_until is null or r.claimed_until < now())
      and (p_workspace_id is null or r.workspace_id = p_workspace_id)
    order by r.due_at
    limit greatest(p_limit, 0)
    for update of r skip locked
  ), claimed as (
    update public.review_requests r set attempts = r.attempts + 1, claimed_until = now() + interval '5 minutes'
    from pick where r.id = pick.id
    returning r.id, r.workspace_id, r.order_id, r.shopify_product_ids, r.attempts
  ), tokens as materialized (
    select c.id, encode(extensions.gen_random_bytes(32), 'hex') as token,
           now() + make_interval(days => (private.review_settings_for(c.workspace_id)).token_ttl_days) as expires_at
    from claimed c
  ), stored as (
    insert into private.review_request_tokens as t (request_id, token_hash, expires_at)
    select k.id, extensions.digest(k.token, 'sha256'), k.expires_at from tokens k
    on conflict (request_id) do update set token_hash = excluded.token_hash, expires_at = excluded.expires_at,
      created_at = now()
    returning t.request_id
  )
  select c.id, c.workspace_id, o.shopify_order_id, o.order_number,
         coalesce((select jsonb_agg(jsonb_build_object('shopify_product_id', pid,
                     'title', (select p.title from public.products p
                               where p.workspace_id = c.workspace_id and p.shopify_product_id = pid
                               order by p.created_at, p.shopify_variant_id limit 1)) order by pid)
                   from unnest(c.shopify_product_ids) pid), '[]'::jsonb),
         k.token, k.expires_at, c.attempts
  from claimed c
  join tokens k on k.id = c.id
  join stored s on s.request_id = c.id
  join public.orders o on o.id = c.order_id;
end $$;
comment on function private.claim_review_requests(integer, uuid) is 'Email dispatcher (service_role): leases up to p_limit (<= 500) due requests (of one workspace, or all) for 5 minutes and returns each with its products and a fresh verification token (shown only here; its SHA-256 is stored).';

-- The dispatcher reports each claimed request: sent, or failed (retried after a backoff, and
-- cancelled after the fifth failed attempt).
create function private.finish_review_request(p_request_id uuid, p_sent boolean, p_provider_message_id text default null,
                                              p_error text default null)
returns public.review_request_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.review_requests;
begin
  select * into r from public.review_requests where id = p_request_id for update;
  if not found or r.status <> 'due' then
    raise exception 'no due review request %', p_request_id using errcode = 'PT409';
  end if;
  if p_sent then
    update public.review_requests set status = 'sent', provider_message_id = left(p_provider_message_id, 256),
      last_error = null where id = p_request_id;
    return 'sent'::public.review_request_status;
  end if;
  if r.attempts >= 5 then
    update public.review_requests set status = 'cancelled', last_error = left(p_error, 2000),
      cancel_reason = 'the email could not be delivered after 5 attempts' where id = p_request_id;
    return 'cancelled'::public.review_request_status;
  end if;
  update public.review_requests set last_error = left(p_error, 2000),
    claimed_until = now() + make_interval(mins => 5 * power(2, r.attempts)::integer)
  where id = p_request_id;
  return 'due'::public.review_request_status;
end $$;
comment on function private.finish_review_request(uuid, boolean, text, text) is 'Email dispatcher (service_role): records a delivery; a failure is retried after 10, 20, 40, 80 minutes and cancels the request on the fifth.';

-- ===== members: ask for a review now, or cancel a request
create function private.request_review(p_order_id uuid, p_send_after timestamptz)
returns public.review_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  o public.orders;
  r public.review_requests;
begin
  select * into o from public.orders where id = p_order_id;
  if not found or ((select auth.role()) = 'authenticated'
                   and not o.workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'order % not found', p_order_id using errcode = 'PT404';
  end if;
  if (select auth.role()) = 'authenticated' then
    perform private.require_workspace_role(o.workspace_id, 'member');
  end if;
  if o.cancelled_at is not null or o.financial_status in ('refunded', 'voided') then
    raise exception 'order % was cancelled or refunded: there is nothing to review', o.order_number using errcode = 'PT409';
  end if;
  insert into public.review_requests (workspace_id, order_id, trigger_event, send_after, created_by)
  values (o.workspace_id, o.id, 'manual', coalesce(p_send_after, now()), (select auth.uid()))
  on conflict (order_id) do nothing
  returning * into r;
  if r.id is null then
    raise exception 'order % already has a review request', coalesce(o.order_number, o.shopify_order_id)
      using errcode = 'PT409', hint = 'each order gets one review request';
  end if;
  return r;
end $$;
comment on function private.request_review(uuid, timestamptz) is 'Queues a manual review request for an order (members of its workspace, or service_role).';

create function private.cancel_review_request(p_request_id uuid)
returns public.review_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.review_requests;
begin
  select * into r from public.review_requests where id = p_request_id for update;
  if not found or ((select auth.role()) = 'authenticated'
                   and not r.workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'review request % not found', p_request_id using errcode = 'PT404';
  end if;
  if (select auth.role()) = 'authenticated' then
    perform private.require_workspace_role(r.workspace_id, 'member');
  end if;
  if r.status in ('completed', 'cancelled', 'expired') then
    raise exception 'this review request is already %', r.status using errcode = 'PT409';
  end if;
  update public.review_requests set status = 'cancelled', cancel_reason = 'cancelled by a member'
  where id = p_request_id returning * into r;
  return r;
end $$;
comment on function private.cancel_review_request(uuid) is 'Cancels an open review request (members of its workspace, or service_role); its token stops working.';

create function public.request_review(p_order_id uuid, p_send_after timestamptz default null)
returns public.review_requests
language plpgsql volatile set search_path = '' as $$
begin
  if p_order_id is null then
    raise exception 'p_order_id is required' using errcode = '22023';
  end if;
  if p_send_after is not null and p_send_after > now() + interval '365 days' then
    raise exception 'p_send_after must be within a year' using errcode = '22023';
  end if;
  return private.request_review(p_order_id, p_send_after);
end $$;
comment on function public.request_review(uuid, timestamptz) is 'Members: queue a review request for an order now (or at p_send_after). PT404 unknown order, PT409 the order already has one or was cancelled.';

create function public.cancel_review_request(p_request_id uuid)
returns public.review_requests
language plpgsql volatile set search_path = '' as $$
begin
  if p_request_id is null then
    raise exception 'p_request_id is required' using errcode = '22023';
  end if;
  return private.cancel_review_request(p_request_id);
end $$;
comment on function public.cancel_review_request(uuid) is 'Members: cancel an open review request. PT404 unknown request, PT409 already finished.';

select cron.schedule('review-requests-due', '*/5 * * * *', 'select private.mark_review_requests_due()');

-- ===== access: viewers read requests and settings; admins change settings; the rest is RPCs
alter table public.review_settings enable row level security;
alter table public.review_requests enable row level security;
alter table private.review_request_tokens enable row level security;
grant select, insert, update, delete on public.review_settings to authenticated;
grant select on public.review_requests to authenticated;
grant all on public.review_settings, public.review_requests, private.review_request_tokens to service_role;
select private.tenant_policies('public.review_settings', 'viewer', 'admin');
create policy "viewers read review requests" on public.review_requests for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
select private.install_tenant_guard('public.review_requests');

revoke all on function private.review_settings_for(uuid) from public;
revoke all on function private.guard_review_request_status() from public;
revoke all on function private.drop_finished_review_token() from public;
revoke all on function private.queue_review_request() from public;
revoke all on function private.mark_review_requests_due(integer) from public;
revoke all on function private.claim_review_requests(integer, uuid) from public;
revoke all on function private.finish_review_request(uuid, boolean, text, text) from public;
revoke all on function private.request_review(uuid, timestamptz) from public;
revoke all on function private.cancel_review_request(uuid) from public;
revoke all on function public.request_review(uuid, timestamptz) from public;
revoke all on function public.cancel_review_request(uuid) from public;
grant execute on function private.mark_review_requests_due(integer), private.claim_review_requests(integer, uuid),
  private.finish_review_request(uuid, boolean, text, text) to service_role;
grant execute on function private.request_review(uuid, timestamptz), private.cancel_review_request(uuid),
  public.request_review(uuid, timestamptz), public.cancel_review_request(uuid) to authenticated, service_role;
