-- Reviews, surveys and support: what customers tell the brand.
--
-- Review requests: when an order is fulfilled, one request per order is queued N days later
-- (per-workspace setting); a pg_cron job marks due requests for the email dispatcher, which
-- claims them with a fresh one-time verification token (only its SHA-256 is stored) and reports
-- delivery. The token in the email lets the customer submit verified reviews of the order's
-- products (the reviews section below).

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
alter table public.review_settings enable row level security;
grant select, insert, update, delete on public.review_settings to authenticated;
select private.install_row_triggers('public.review_settings');
select private.tenant_policies('public.review_settings', 'viewer', 'admin');

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
create type public.review_request_status as enum (
  'queued', 'due', 'sent', 'opened', 'completed', 'cancelled', 'expired'
);

comment on type public.review_request_status is 'queued: waiting for send_after; due: marked by pg_cron for the email dispatcher; sent: the email went out with a token; opened: the customer opened the review form; completed: every product of the order was reviewed; cancelled: the order was cancelled or refunded, nothing to review, delivery failed or a member cancelled it; expired: the token ran out unused.';

create type public.review_request_trigger as enum ('order_fulfilled', 'manual');

comment on type public.review_request_trigger is 'What queued a review request: the order becoming fulfilled, or a member asking for it.';

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
alter table public.review_requests enable row level security;
grant select on public.review_requests to authenticated;
select private.install_row_triggers('public.review_requests');
select private.tenant_policy('public.review_requests', 'select', 'viewer');

create index review_requests_order_idx on public.review_requests (order_id, workspace_id);

create index review_requests_workspace_status_idx on public.review_requests (workspace_id, status, created_at desc);

create index review_requests_queued_idx on public.review_requests (send_after) where status = 'queued';

create index review_requests_due_idx on public.review_requests (due_at) where status = 'due';

create index review_requests_created_by_idx on public.review_requests (created_by);

-- The verification token: 32 random bytes shown once (in the email), stored as SHA-256.
create table private.review_request_tokens (
  request_id uuid primary key references public.review_requests (id) on delete cascade,
  token_hash bytea not null unique check (octet_length(token_hash) = 32),
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
comment on table private.review_request_tokens is 'SHA-256 of each review request''s current verification token and its expiry. Deleted when the request completes or is cancelled (a used-up token verifies nothing), and 30 days after it expired. Service only.';
alter table private.review_request_tokens enable row level security;
grant all on private.review_request_tokens to service_role;

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
grant execute on function private.mark_review_requests_due(integer) to service_role;

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
grant execute on function private.claim_review_requests(integer, uuid) to service_role;

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
grant execute on function private.finish_review_request(uuid, boolean, text, text) to service_role;

-- ===== members: ask for a review now, or cancel a request
create function private.request_review(p_order_id uuid, p_send_after timestamptz)
returns public.review_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  o public.orders;
  r public.review_requests;
begin
  select * into o from public.orders where id = p_order_id;
  if not found or (private.is_end_user()
                   and not o.workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'order % not found', p_order_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
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
comment on function private.request_review(uuid, timestamp with time zone) is 'Queues a manual review request for an order (members of its workspace, or service_role).';
grant execute on function private.request_review(uuid, timestamp with time zone) to authenticated, service_role;

create function private.cancel_review_request(p_request_id uuid)
returns public.review_requests
language plpgsql volatile security definer set search_path = '' as $$
declare
  r public.review_requests;
begin
  select * into r from public.review_requests where id = p_request_id for update;
  if not found or (private.is_end_user()
                   and not r.workspace_id = any (array(select private.workspace_ids('viewer')))) then
    raise exception 'review request % not found', p_request_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
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
grant execute on function private.cancel_review_request(uuid) to authenticated, service_role;

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
comment on function public.request_review(uuid, timestamp with time zone) is 'Members: queue a review request for an order now (or at p_send_after). PT404 unknown order, PT409 the order already has one or was cancelled.';
grant execute on function public.request_review(uuid, timestamp with time zone) to authenticated;

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
grant execute on function public.cancel_review_request(uuid) to authenticated;

select cron.schedule('review-requests-due', '*/5 * * * *', 'select private.mark_review_requests_due()');

-- ===== rate limits for anonymous callers, keyed on a salted hash of the client address
create table private.rate_limit_rules (
  bucket text primary key check (bucket ~ '^[a-z_]{1,64}$'),
  max_hits integer not null check (max_hits > 0),
  window_seconds integer not null check (window_seconds between 1 and 86400),
  description text not null
);
comment on table private.rate_limit_rules is 'How many calls one client address may make per fixed window, per bucket (an anon RPC) and workspace.';
alter table private.rate_limit_rules enable row level security;
grant all on private.rate_limit_rules to service_role;

insert into private.rate_limit_rules (bucket, max_hits, window_seconds, description) values
  ('review_submit', 5, 3600, 'reviews submitted from one address to one workspace per hour'),
  ('review_vote', 60, 3600, 'helpfulness votes from one address to one workspace per hour');

create table private.rate_limit_salt (
  id boolean primary key default true check (id),
  salt bytea not null default extensions.gen_random_bytes(32)
);
comment on table private.rate_limit_salt is 'One random salt, so the stored address hashes cannot be reversed by hashing every IPv4 address.';
alter table private.rate_limit_salt enable row level security;

insert into private.rate_limit_salt default values;

create table private.rate_limit_hits (
  bucket text not null references private.rate_limit_rules (bucket) on delete cascade,
  key_hash bytea not null check (octet_length(key_hash) = 32),
  window_start timestamptz not null,
  hits integer not null check (hits > 0),
  primary key (bucket, key_hash, window_start)
);
comment on table private.rate_limit_hits is 'Calls per bucket, salted SHA-256 of (scope, client address) and window. Purged hourly after a day.';
alter table private.rate_limit_hits enable row level security;
grant all on private.rate_limit_hits to service_role;

create index rate_limit_hits_window_start_idx on private.rate_limit_hits (window_start);

-- The caller's address. Hosted Supabase sits behind Cloudflare, which sets CF-Connecting-IP to
-- the address it saw (clients cannot choose it, while X-Forwarded-For passes a client-supplied
-- value through); without it, the first X-Forwarded-For entry, which the project's own gateway
-- sets to the client address. PostgREST exposes request headers as request.headers.
create function private.client_ip() returns text
language sql stable set search_path = '' as $$
  select coalesce(
    nullif(btrim(h.headers ->> 'cf-connecting-ip'), ''),
    nullif(btrim(split_part(coalesce(h.headers ->> 'x-forwarded-for', ''), ',', 1)), ''))
  from (select nullif(current_setting('request.headers', true), '')::json as headers) h
$$;
comment on function private.client_ip() is 'The client address: CF-Connecting-IP when present (hosted), else the first X-Forwarded-For entry; null outside PostgREST.';

-- Counts one call; raises PT429 (HTTP 429) when the bucket's limit for this address and scope is
-- used up. The caller's transaction holds the increment: a call that fails later is not counted.
create function private.hit_rate_limit(p_bucket text, p_scope text) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  r private.rate_limit_rules;
  k bytea;
  w timestamptz;
  n integer;
begin
  select * into strict r from private.rate_limit_rules where bucket = p_bucket;
  k := extensions.digest((select s.salt from private.rate_limit_salt s)
         || convert_to(p_bucket || '|' || coalesce(p_scope, '') || '|' || coalesce(private.client_ip(), 'unknown'), 'UTF8'),
         'sha256');
  w := to_timestamp(floor(extract(epoch from now()) / r.window_seconds) * r.window_seconds);
  insert into private.rate_limit_hits as h (bucket, key_hash, window_start, hits) values (p_bucket, k, w, 1)
  on conflict (bucket, key_hash, window_start) do update set hits = h.hits + 1
  returning h.hits into n;
  if n > r.max_hits then
    raise exception 'too many requests from your address: at most % per % minutes', r.max_hits, r.window_seconds / 60
      using errcode = 'PT429',
            hint = format('try again after %s', to_char((w + make_interval(secs => r.window_seconds)) at time zone 'UTC',
                                                        'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
  end if;
end $$;
comment on function private.hit_rate_limit(text, text) is 'Counts a call in a rate-limit bucket for (scope, client address); raises PT429 past the bucket''s limit.';

create function private.purge_rate_limit_hits() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from private.rate_limit_hits where window_start < now() - interval '1 day';
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.purge_rate_limit_hits() is 'Hourly pg_cron job rate-limit-purge: forgets rate-limit windows older than a day.';
grant execute on function private.purge_rate_limit_hits() to service_role;

select cron.schedule('rate-limit-purge', '17 * * * *', 'select private.purge_rate_limit_hits()');

-- ===== reviews
create type public.review_status as enum ('pending', 'published', 'rejected', 'spam');

comment on type public.review_status is 'pending: waiting for moderation (new reviews start here); published: shown on the storefront; rejected / spam: hidden. A moderated review never goes back to pending.';

create type public.review_vote_kind as enum ('helpful', 'unhelpful');

comment on type public.review_vote_kind is 'A storefront visitor''s verdict on a review.';

create type public.review_media_status as enum ('waiting', 'ready', 'errored', 'deleted');

comment on type public.review_media_status is 'Mux asset state: waiting for upload/processing, ready to play, errored, deleted in Mux.';

create type public.review_sort as enum ('newest', 'highest_rating', 'lowest_rating', 'most_helpful');

comment on type public.review_sort is 'Storefront orderings of a product''s published reviews (ties: newest first).';

create table public.reviews (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  shopify_product_id text not null check (char_length(shopify_product_id) between 1 and 64),
  order_id uuid,
  review_request_id uuid,
  author_name text not null constraint reviews_author_name_length check (char_length(btrim(author_name)) between 1 and 100),
  author_email text constraint reviews_author_email_format
    check (author_email = lower(author_email) and char_length(author_email) <= 254 and author_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  rating smallint not null constraint reviews_rating_range check (rating between 1 and 5),
  title text constraint reviews_title_length check (char_length(title) <= 150),
  body text not null default '' constraint reviews_body_length check (char_length(body) <= 5000),
  status public.review_status not null default 'pending',
  verified_purchase boolean not null default false,
  imported_from text check (imported_from ~ '^[a-z0-9_-]{1,32}$'),
  original_id text check (char_length(original_id) between 1 and 128),
  helpful_count integer not null default 0 check (helpful_count >= 0),
  unhelpful_count integer not null default 0 check (unhelpful_count >= 0),
  submitted_at timestamptz not null default now(),
  published_at timestamptz,
  moderated_at timestamptz,
  moderated_by uuid references auth.users (id) on delete set null,
  moderation_note text constraint reviews_moderation_note_length check (char_length(moderation_note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reviews_import_key check ((imported_from is null) = (original_id is null)),
  constraint reviews_request_means_verified check (review_request_id is null or verified_purchase),
  unique (workspace_id, id),
  unique (workspace_id, imported_from, original_id),
  unique (review_request_id, workspace_id, shopify_product_id),
  foreign key (workspace_id, order_id) references public.orders (workspace_id, id) on delete set null (order_id),
  foreign key (workspace_id, review_request_id) references public.review_requests (workspace_id, id)
    on delete set null (review_request_id)
);
comment on table public.reviews is 'Product reviews. Anonymous storefront submissions (public.submit_review) and imports (public.import_reviews) start pending unless verified and auto-published, or imported as published. Members moderate (status, moderation_note); everything else is written by SQL functions. anon never reads this table: the storefront RPCs return published reviews without emails.';
comment on column public.reviews.shopify_product_id is 'The Shopify product (not variant) reviewed; reviews and the rating summary are per product.';
comment on column public.reviews.order_id is 'The order the verification token belonged to (verified purchases only).';
comment on column public.reviews.review_request_id is 'The review request whose token verified this review; at most one review per product per request.';
comment on column public.reviews.author_email is 'The reviewer''s address, lowercased. Readable by the workspace''s members, never by anon.';
comment on column public.reviews.verified_purchase is 'True only when a valid, unused review request token for an order containing this product came with the review (or the import source said so).';
comment on column public.reviews.imported_from is 'Source system of an imported review (yotpo, judgeme, ...); with original_id the import''s idempotency key.';
comment on column public.reviews.helpful_count is 'Helpful votes in review_votes, kept by trigger.';
comment on column public.reviews.unhelpful_count is 'Unhelpful votes in review_votes, kept by trigger.';
comment on column public.reviews.submitted_at is 'When the customer wrote it (the source''s date for imports); the storefront''s "newest" order.';
comment on column public.reviews.published_at is 'When it was first published.';
comment on column public.reviews.moderated_by is 'The member who last changed the status (null for service_role and imports).';
alter table public.reviews enable row level security;
grant select, delete on public.reviews to authenticated;
grant update (status, moderation_note) on public.reviews to authenticated;
alter publication supabase_realtime add table public.reviews;
select private.install_row_triggers('public.reviews');
select private.tenant_policies('public.reviews', 'viewer', 'member');

create index reviews_order_idx on public.reviews (order_id, workspace_id);

create index reviews_moderated_by_idx on public.reviews (moderated_by);

create index reviews_moderation_queue_idx on public.reviews (workspace_id, status, submitted_at desc);

-- One index per storefront ordering, published reviews only.
create index reviews_published_newest_idx on public.reviews (workspace_id, shopify_product_id, submitted_at desc, id desc)
  where status = 'published';

create index reviews_published_highest_idx on public.reviews (workspace_id, shopify_product_id, rating desc, submitted_at desc, id desc)
  where status = 'published';

create index reviews_published_lowest_idx on public.reviews (workspace_id, shopify_product_id, rating, submitted_at desc, id desc)
  where status = 'published';

create index reviews_published_helpful_idx on public.reviews (workspace_id, shopify_product_id, helpful_count desc, submitted_at desc, id desc)
  where status = 'published';

-- Status changes: never back to pending; stamp who moderated and when; first publication time.
create function private.review_status_stamp() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    if new.status = 'published' then
      new.published_at := coalesce(new.published_at, now());
    end if;
    return new;
  end if;
  if new.status is distinct from old.status then
    if new.status = 'pending' then
      raise exception 'a moderated review cannot go back to pending' using errcode = 'PT409';
    end if;
    new.moderated_at := now();
    new.moderated_by := (select auth.uid());
    if new.status = 'published' then
      new.published_at := coalesce(old.published_at, now());
    end if;
  end if;
  return new;
end $$;
comment on function private.review_status_stamp() is 'BEFORE INSERT / UPDATE OF status on reviews: refuses a return to pending (PT409), stamps moderated_at/by and the first published_at.';

create trigger review_status_stamp before insert or update of status on public.reviews
  for each row execute function private.review_status_stamp();

-- Every status change (and every deletion) is in public.audit_log; the author's email is left out.
select private.enable_audit('public.reviews', p_omit => array['author_email'], p_events => 'delete or update of status');

-- ===== the product rating summary, kept by triggers (the storefront never scans reviews for it)
create table public.product_rating_summaries (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  shopify_product_id text not null check (char_length(shopify_product_id) between 1 and 64),
  review_count integer not null default 0 check (review_count >= 0),
  rating_sum bigint not null default 0,
  rating_1 integer not null default 0 check (rating_1 >= 0),
  rating_2 integer not null default 0 check (rating_2 >= 0),
  rating_3 integer not null default 0 check (rating_3 >= 0),
  rating_4 integer not null default 0 check (rating_4 >= 0),
  rating_5 integer not null default 0 check (rating_5 >= 0),
  average_rating numeric(3, 2) generated always as
    (case when review_count > 0 then round(rating_sum::numeric / review_count, 2) end) stored,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, shopify_product_id),
  constraint product_rating_summaries_consistent check (
    review_count = rating_1 + rating_2 + rating_3 + rating_4 + rating_5
    and rating_sum = rating_1 + 2 * rating_2 + 3 * rating_3 + 4 * rating_4 + 5 * rating_5)
);
comment on table public.product_rating_summaries is 'Published reviews per product: count, distribution and average. Kept by triggers on reviews (insert, status, rating or product changes, delete); read by the storefront''s product_rating(s) RPCs. Read-only for API roles.';
comment on column public.product_rating_summaries.rating_sum is 'Sum of the published ratings (average = rating_sum / review_count).';
comment on column public.product_rating_summaries.rating_1 is 'Published 1-star reviews (rating_2 .. rating_5 likewise).';
comment on column public.product_rating_summaries.average_rating is 'rating_sum / review_count rounded to 2 decimals; null without reviews.';
alter table public.product_rating_summaries enable row level security;
grant select on public.product_rating_summaries to authenticated;
select private.install_row_triggers('public.product_rating_summaries');
select private.tenant_policy('public.product_rating_summaries', 'select', 'viewer');

-- Adds signed contributions (+1 for a published review that appeared, -1 for one that went) to
-- the summaries: existing rows are updated; products without a row get one (an INSERT checks its
-- candidate row before ON CONFLICT, so negative deltas must never take the insert path). Workspaces
-- being deleted are skipped (their summaries go with them).
create function private.apply_rating_deltas(p_workspace_ids uuid[], p_product text[], p_rating smallint[], p_sign integer[])
returns void
language sql volatile security definer set search_path = '' as $$
  with d as (
    select x.ws, x.product, sum(x.sign)::integer as n, sum(x.sign * x.rating)::bigint as total,
           coalesce(sum(x.sign) filter (where x.rating = 1), 0)::integer as r1,
           coalesce(sum(x.sign) filter (where x.rating = 2), 0)::integer as r2,
           coalesce(sum(x.sign) filter (where x.rating = 3), 0)::integer as r3,
           coalesce(sum(x.sign) filter (where x.rating = 4), 0)::integer as r4,
           coalesce(sum(x.sign) filter (where x.rating = 5), 0)::integer as r5
    from unnest(p_workspace_ids, p_product, p_rating, p_sign) as x (ws, product, rating, sign)
    where exists (select 1 from public.workspaces w where w.id = x.ws)
    group by x.ws, x.product
  ), upd as (
    update public.product_rating_summaries s set
      review_count = s.review_count + d.n, rating_sum = s.rating_sum + d.total,
      rating_1 = s.rating_1 + d.r1, rating_2 = s.rating_2 + d.r2, rating_3 = s.rating_3 + d.r3,
      rating_4 = s.rating_4 + d.r4, rating_5 = s.rating_5 + d.r5
    from d
    where s.workspace_id = d.ws and s.shopify_product_id = d.product
    returning s.workspace_id, s.shopify_product_id
  )
  insert into public.product_rating_summaries as s
    (workspace_id, shopify_product_id, review_count, rating_sum, rating_1, rating_2, rating_3, rating_4, rating_5)
  select d.ws, d.product, d.n, d.total, d.r1, d.r2, d.r3, d.r4, d.r5
  from d
  where not exists (select 1 from upd u where u.workspace_id = d.ws and u.shopify_product_id = d.product)
  order by d.ws, d.product
  -- a concurrent transaction created the row meanwhile
  on conflict (workspace_id, shopify_product_id) do update set
    review_count = s.review_count + excluded.review_count,
    rating_sum = s.rating_sum + excluded.rating_sum,
    rating_1 = s.rating_1 + excluded.rating_1, rating_2 = s.rating_2 + excluded.rating_2,
    rating_3 = s.rating_3 + excluded.rating_3, rating_4 = s.rating_4 + excluded.rating_4,
    rating_5 = s.rating_5 + excluded.rating_5
$$;
comment on function private.apply_rating_deltas(uuid[], text[], smallint[], integer[]) is 'Adds signed per-review contributions to product_rating_summaries (used by the reviews triggers).';

-- Inserted rows count +1, deleted rows -1: both statement triggers name their transition table
-- changed_rows, so one function serves both.
create function private.review_summary_on_rows() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.apply_rating_deltas(array_agg(c.workspace_id), array_agg(c.shopify_product_id), array_agg(c.rating),
                                      array_agg(case tg_op when 'INSERT' then 1 else -1 end))
  from changed_rows c where c.status = 'published'
  having count(*) > 0;
  return null;
end $$;
comment on function private.review_summary_on_rows() is 'AFTER INSERT / AFTER DELETE (per statement) on reviews: adds the published rows to the rating summary, or takes them out.';

create trigger review_summary_on_insert after insert on public.reviews
  referencing new table as changed_rows for each statement execute function private.review_summary_on_rows();

create trigger review_summary_on_delete after delete on public.reviews
  referencing old table as changed_rows for each statement execute function private.review_summary_on_rows();

create function private.review_summary_on_update() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.apply_rating_deltas(array_agg(d.ws), array_agg(d.product), array_agg(d.rating), array_agg(d.sign))
  from (values (old.workspace_id, old.shopify_product_id, old.rating, -1, old.status),
               (new.workspace_id, new.shopify_product_id, new.rating, 1, new.status)) d (ws, product, rating, sign, status)
  where d.status = 'published'
  having count(*) > 0;
  return null;
end $$;
comment on function private.review_summary_on_update() is 'AFTER UPDATE (per row, only when status, rating or product changed) on reviews: moves the review''s contribution in the rating summary.';

create trigger review_summary_on_update after update of status, rating, shopify_product_id on public.reviews
  for each row when (old.status is distinct from new.status or old.rating is distinct from new.rating
                     or old.shopify_product_id is distinct from new.shopify_product_id)
  execute function private.review_summary_on_update();

-- ===== votes: one per voter per review; the review's counters follow by trigger
create table public.review_votes (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  review_id uuid not null,
  voter_id uuid not null,
  kind public.review_vote_kind not null,
  created_at timestamptz not null default now(),
  unique (review_id, workspace_id, voter_id),
  foreign key (workspace_id, review_id) references public.reviews (workspace_id, id) on delete cascade
);
comment on table public.review_votes is 'Helpfulness votes from storefront visitors (public.vote_review): one per voter per review. Members may delete votes (vote stuffing); counters on reviews follow.';
comment on column public.review_votes.voter_id is 'The storefront''s anonymous visitor id (a uuid kept in the browser).';
alter table public.review_votes enable row level security;
grant select, delete on public.review_votes to authenticated;
select private.install_row_triggers('public.review_votes');
select private.tenant_policies('public.review_votes', 'viewer', 'member');

create index review_votes_workspace_created_idx on public.review_votes (workspace_id, created_at desc);

create function private.count_review_vote() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    update public.reviews set helpful_count = helpful_count - (old.kind = 'helpful')::integer,
                              unhelpful_count = unhelpful_count - (old.kind = 'unhelpful')::integer
    where id = old.review_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    update public.reviews set helpful_count = helpful_count + (new.kind = 'helpful')::integer,
                              unhelpful_count = unhelpful_count + (new.kind = 'unhelpful')::integer
    where id = new.review_id;
  end if;
  return null;
end $$;
comment on function private.count_review_vote() is 'AFTER INSERT/UPDATE/DELETE on review_votes: keeps reviews.helpful_count and unhelpful_count equal to the votes.';

create trigger count_review_vote after insert or delete or update of kind, review_id on public.review_votes
  for each row execute function private.count_review_vote();

-- ===== the store's public replies
create table public.review_responses (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  review_id uuid not null,
  author_name text not null constraint review_responses_author_name_length check (char_length(btrim(author_name)) between 1 and 100),
  body text not null constraint review_responses_body_length check (char_length(btrim(body)) between 1 and 5000),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (review_id, workspace_id),
  foreign key (workspace_id, review_id) references public.reviews (workspace_id, id) on delete cascade
);
comment on table public.review_responses is 'The store''s public reply to a review (one per review), shown under it on the storefront once the review is published. Members write them.';
comment on column public.review_responses.author_name is 'Shown as the reply''s author, e.g. "The Demo Brand team".';
comment on column public.review_responses.created_by is 'The member who wrote it.';
alter table public.review_responses enable row level security;
grant select, delete on public.review_responses to authenticated;
grant insert (workspace_id, review_id, author_name, body) on public.review_responses to authenticated;
grant update (author_name, body) on public.review_responses to authenticated;
select private.install_row_triggers('public.review_responses');
select private.tenant_policies('public.review_responses', 'viewer', 'member');

create index review_responses_created_by_idx on public.review_responses (created_by);

create index review_responses_workspace_idx on public.review_responses (workspace_id, created_at desc);

-- ===== review media: Mux videos, linked when Mux reports the asset ready
create table public.review_media (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  review_id uuid not null,
  status public.review_media_status not null default 'waiting',
  mux_upload_id text unique check (char_length(mux_upload_id) between 1 and 128),
  mux_asset_id text unique check (char_length(mux_asset_id) between 1 and 128),
  mux_playback_id text check (char_length(mux_playback_id) between 1 and 128),
  duration_seconds numeric(10, 3) check (duration_seconds >= 0),
  aspect_ratio text check (aspect_ratio ~ '^\d{1,5}:\d{1,5}$'),
  position smallint not null default 0 check (position between 0 and 20),
  error text check (char_length(error) <= 2000),
  ready_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint review_media_mux_reference check (mux_upload_id is not null or mux_asset_id is not null),
  foreign key (workspace_id, review_id) references public.reviews (workspace_id, id) on delete cascade
);
comment on table public.review_media is 'Videos attached to reviews, hosted by Mux. A row names its Mux direct upload or asset; Mux webhooks (stored by the webhooks function in private.webhook_events) fill in the asset, playback id and duration and mark it ready. The storefront shows ready media of published reviews.';
comment on column public.review_media.mux_upload_id is 'Mux direct upload id, when the video was uploaded through one (linked to its asset by video.upload.asset_created).';
comment on column public.review_media.mux_asset_id is 'Mux asset id; Mux events about it update this row.';
comment on column public.review_media.mux_playback_id is 'Mux playback id (the public one when the asset has several), set when the asset is ready.';
comment on column public.review_media.duration_seconds is 'Video length reported by Mux.';
comment on column public.review_media.position is 'Display order among the review''s media.';
alter table public.review_media enable row level security;
grant select, insert, update, delete on public.review_media to authenticated;
select private.install_row_triggers('public.review_media');
select private.tenant_policies('public.review_media', 'viewer', 'member');

create index review_media_review_idx on public.review_media (review_id, workspace_id);

create index review_media_workspace_idx on public.review_media (workspace_id, created_at desc);

-- One Mux event (the payload's data object) applied to review_media; returns the rows changed.
-- Matches by asset id, by the direct upload id, or by passthrough = review_media.id.
create function private.apply_mux_event(p_type text, p_data jsonb) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer := 0;
  asset text := p_data ->> 'id';
  upload text := p_data ->> 'upload_id';
  media_id uuid := case when p_data ->> 'passthrough' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                        then (p_data ->> 'passthrough')::uuid end;
  playback text;
begin
  if p_type = 'video.upload.asset_created' then
    update public.review_media m set mux_asset_id = p_data ->> 'asset_id'
    where m.mux_upload_id = asset and p_data ->> 'asset_id' is not null
      and m.mux_asset_id is distinct from p_data ->> 'asset_id';
    get diagnostics n = row_count;
  elsif p_type in ('video.asset.created', 'video.asset.ready', 'video.asset.errored', 'video.asset.deleted') then
    select pb ->> 'id' into playback
    from jsonb_array_elements(case when jsonb_typeof(p_data -> 'playback_ids') = 'array' then p_data -> 'playback_ids' else '[]' end) pb
    order by (pb ->> 'policy' = 'public') desc nulls last
    limit 1;
    update public.review_media m set
      mux_asset_id = coalesce(m.mux_asset_id, asset),
      status = case when m.status = 'deleted' or p_type = 'video.asset.deleted' then 'deleted'
                    when p_type = 'video.asset.ready' then 'ready'
                    when p_type = 'video.asset.errored' then 'errored'
                    else m.status end::public.review_media_status,
      mux_playback_id = coalesce(left(playback, 128), m.mux_playback_id),
      duration_seconds = case when jsonb_typeof(p_data -> 'duration') = 'number'
                              then round((p_data ->> 'duration')::numeric, 3) else m.duration_seconds end,
      aspect_ratio = case when p_data ->> 'aspect_ratio' ~ '^\d{1,5}:\d{1,5}$' then p_data ->> 'aspect_ratio' else m.aspect_ratio end,
      error = case when p_type = 'video.asset.errored'
                   then left(coalesce((select string_agg(e, '; ') from jsonb_array_elements_text(
                          case when jsonb_typeof(p_data #> '{errors,messages}') = 'array' then p_data #> '{errors,messages}' else '[]' end) e),
                          p_data #>> '{errors,type}', 'Mux could not process the video'), 2000)
                   else m.error end,
      ready_at = case when p_type = 'video.asset.ready' then coalesce(m.ready_at, now()) else m.ready_at end
    where m.mux_asset_id = asset or (upload is not null and m.mux_upload_id = upload) or m.id = media_id;
    get diagnostics n = row_count;
  end if;
  return n;
end $$;
comment on function private.apply_mux_event(text, jsonb) is 'Applies one Mux webhook event (type and data) to review_media: links uploads to assets, marks assets ready (playback id, duration, aspect ratio), errored or deleted. Returns the rows changed.';
grant execute on function private.apply_mux_event(text, jsonb) to service_role;

-- Mux events arrive verified and deduplicated in private.webhook_events (the webhooks function);
-- each new one is applied here, in the same transaction. A failure marks the event failed.
create function private.process_mux_review_media() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  begin
    perform private.apply_mux_event(new.topic, coalesce(new.payload -> 'data', '{}'::jsonb));
  exception when others then
    update private.webhook_events set status = 'failed', error = left('review media: ' || sqlerrm, 2000) where id = new.id;
  end;
  return null;
end $$;
comment on function private.process_mux_review_media() is 'AFTER INSERT on private.webhook_events for Mux events: updates review_media; marks the event failed if that raises.';

create trigger process_mux_review_media after insert on private.webhook_events
  for each row when (new.provider = 'mux') execute function private.process_mux_review_media();

-- ===== storefront (anon): what the RPCs return
create type public.product_reviews_row as (
  id uuid,
  shopify_product_id text,
  rating smallint,
  title text,
  body text,
  author_name text,
  verified_purchase boolean,
  helpful_count integer,
  unhelpful_count integer,
  submitted_at timestamptz,
  response_body text,
  response_author_name text,
  responded_at timestamptz,
  media jsonb
);

comment on type public.product_reviews_row is 'A published review as the storefront sees it (product_reviews): no email, order, status or moderation data. Never null: id, shopify_product_id, rating, body, author_name, verified_purchase, helpful_count, unhelpful_count, submitted_at, media (an array of {playback_id, duration_seconds, aspect_ratio}, empty without ready videos). NULL: title when none was given; response_* without a store reply.';

create type public.product_rating_row as (
  shopify_product_id text,
  review_count integer,
  average_rating numeric,
  rating_1 integer,
  rating_2 integer,
  rating_3 integer,
  rating_4 integer,
  rating_5 integer
);

comment on type public.product_rating_row is 'A product''s published-review summary (product_rating, product_ratings). Never null: shopify_product_id, review_count and rating_1 .. rating_5 (0 without reviews). NULL: average_rating without reviews.';

create function private.anon_product_reviews(p_workspace_id uuid, p_shopify_product_id text, p_sort public.review_sort,
                                             p_limit integer, p_offset integer)
returns setof public.product_reviews_row
language plpgsql stable security definer set search_path = '' as $$
declare
  ids uuid[];
begin
  -- One static query per ordering, so each uses its own partial index.
  if p_sort = 'highest_rating' then
    ids := array(select r.id from public.reviews r
                 where r.workspace_id = p_workspace_id and r.shopify_product_id = p_shopify_product_id and r.status = 'published'
                 order by r.rating desc, r.submitted_at desc, r.id desc limit p_limit offset p_offset);
  elsif p_sort = 'lowest_rating' then
    ids := array(select r.id from public.reviews r
                 where r.workspace_id = p_workspace_id and r.shopify_product_id = p_shopify_product_id and r.status = 'published'
                 order by r.rating, r.submitted_at desc, r.id desc limit p_limit offset p_offset);
  elsif p_sort = 'most_helpful' then
    ids := array(select r.id from public.reviews r
                 where r.workspace_id = p_workspace_id and r.shopify_product_id = p_shopify_product_id and r.status = 'published'
                 order by r.helpful_count desc, r.submitted_at desc, r.id desc limit p_limit offset p_offset);
  else
    ids := array(select r.id from public.reviews r
                 where r.workspace_id = p_workspace_id and r.shopify_product_id = p_shopify_product_id and r.status = 'published'
                 order by r.submitted_at desc, r.id desc limit p_limit offset p_offset);
  end if;
  return query
  select r.id, r.shopify_product_id, r.rating, r.title, r.body, r.author_name, r.verified_purchase,
         r.helpful_count, r.unhelpful_count, r.submitted_at,
         resp.body, resp.author_name, resp.created_at,
         coalesce((select jsonb_agg(jsonb_build_object('playback_id', m.mux_playback_id, 'duration_seconds', m.duration_seconds,
                                                       'aspect_ratio', m.aspect_ratio) order by m.position, m.created_at)
                   from public.review_media m
                   where m.review_id = r.id and m.status = 'ready' and m.mux_playback_id is not null), '[]'::jsonb)
  from unnest(ids) with ordinality as page (id, n)
  join public.reviews r on r.id = page.id
  left join public.review_responses resp on resp.review_id = r.id
  order by page.n;
end $$;
comment on function private.anon_product_reviews(uuid, text, public.review_sort, integer, integer) is 'Definer half of public.product_reviews: one page of a product''s published reviews with replies and ready media.';
grant execute on function private.anon_product_reviews(uuid, text, public.review_sort, integer, integer) to anon, authenticated, service_role;

create function private.anon_product_ratings(p_workspace_id uuid, p_shopify_product_ids text[])
returns setof public.product_rating_row
language sql stable security definer set search_path = '' as $$
  select pid, coalesce(s.review_count, 0), s.average_rating, coalesce(s.rating_1, 0), coalesce(s.rating_2, 0),
         coalesce(s.rating_3, 0), coalesce(s.rating_4, 0), coalesce(s.rating_5, 0)
  from unnest(p_shopify_product_ids) with ordinality as p (pid, n)
  left join public.product_rating_summaries s on s.workspace_id = p_workspace_id and s.shopify_product_id = p.pid
  order by p.n
$$;
comment on function private.anon_product_ratings(uuid, text[]) is 'Definer half of public.product_rating(s): summary rows by primary key, zeros for products without published reviews.';
grant execute on function private.anon_product_ratings(uuid, text[]) to anon, authenticated, service_role;

-- A review from the storefront. A token verifies the purchase when it belongs to a sent or
-- opened request of this workspace, has not expired, the order contained the product, and no
-- review of that product was verified with it before; anything else (forged, reused, expired,
-- another product) leaves the review unverified. Verified reviews publish at once when the
-- workspace says so; all others wait for moderation.
create function private.anon_submit_review(p_workspace_id uuid, p_shopify_product_id text, p_rating integer, p_title text,
                                           p_body text, p_author_name text, p_author_email text, p_token text)
returns table (review_id uuid, status public.review_status, verified_purchase boolean)
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_column
declare
  s public.review_settings;
  req public.review_requests;
  verified boolean := false;
  st public.review_status := 'pending'::public.review_status;
  rid uuid := gen_random_uuid();
begin
  if not exists (select 1 from public.products p where p.workspace_id = p_workspace_id
                 and p.shopify_product_id = p_shopify_product_id and p.status = 'active') then
    raise exception 'this shop has no product %', p_shopify_product_id using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('review_submit', p_workspace_id::text);
  s := private.review_settings_for(p_workspace_id);

  if p_token ~ '^[0-9a-f]{64}$' then
    -- The request row lock serializes two submissions carrying the same token.
    select r.* into req
    from private.review_request_tokens t
    join public.review_requests r on r.id = t.request_id
    where t.token_hash = extensions.digest(p_token, 'sha256') and t.expires_at > now()
      and r.workspace_id = p_workspace_id and r.status in ('sent', 'opened')
    for update of r;
    verified := found and p_shopify_product_id = any (req.shopify_product_ids)
      and not exists (select 1 from public.reviews x
                      where x.review_request_id = req.id and x.shopify_product_id = p_shopify_product_id);
  end if;
  if verified and s.auto_publish_verified then
    st := 'published';
  end if;

  insert into public.reviews (id, workspace_id, shopify_product_id, order_id, review_request_id, author_name, author_email,
                              rating, title, body, status, verified_purchase)
  values (rid, p_workspace_id, p_shopify_product_id, case when verified then req.order_id end,
          case when verified then req.id end, p_author_name, p_author_email, p_rating, p_title, p_body, st, verified);

  if verified then
    if not exists (select 1 from unnest(req.shopify_product_ids) pid
                   where not exists (select 1 from public.reviews x where x.review_request_id = req.id and x.shopify_product_id = pid)) then
      update public.review_requests set status = 'completed' where id = req.id;
    elsif req.status = 'sent' then
      update public.review_requests set status = 'opened' where id = req.id;
    end if;
  end if;
  return query select rid, st, verified;
end $$;
comment on function private.anon_submit_review(uuid, text, integer, text, text, text, text, text) is 'Definer half of public.submit_review: checks the product, the rate limit and the token; stores the review pending (or published when verified and auto-published); completes the request when every product is reviewed.';
grant execute on function private.anon_submit_review(uuid, text, integer, text, text, text, text, text) to anon, authenticated, service_role;

create function private.anon_vote_review(p_review_id uuid, p_voter_id uuid, p_kind public.review_vote_kind)
returns table (review_id uuid, helpful_count integer, unhelpful_count integer)
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_column
declare
  ws uuid;
begin
  select r.workspace_id into ws from public.reviews r where r.id = p_review_id and r.status = 'published';
  if not found then
    raise exception 'review % not found', p_review_id using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('review_vote', ws::text);
  insert into public.review_votes (workspace_id, review_id, voter_id, kind) values (ws, p_review_id, p_voter_id, p_kind)
  on conflict (review_id, workspace_id, voter_id) do nothing;
  if not found then
    raise exception 'you have already voted on this review' using errcode = 'PT409';
  end if;
  return query select r.id, r.helpful_count, r.unhelpful_count from public.reviews r where r.id = p_review_id;
end $$;
comment on function private.anon_vote_review(uuid, uuid, public.review_vote_kind) is 'Definer half of public.vote_review: one vote per voter per published review, rate limited per address.';
grant execute on function private.anon_vote_review(uuid, uuid, public.review_vote_kind) to anon, authenticated, service_role;

-- What the review form needs from a review request link; marks the request opened.
create type public.open_review_request_row as (
  workspace_id uuid,
  order_number text,
  products jsonb,
  expires_at timestamptz
);

comment on type public.open_review_request_row is 'A review link''s form (open_review_request). Never null: workspace_id, products ([{shopify_product_id, title, reviewed}]), expires_at. NULL: order_number when the order has none.';

create function private.anon_open_review_request(p_token text)
returns public.open_review_request_row
language plpgsql volatile security definer set search_path = '' as $$
declare
  req public.review_requests;
  exp timestamptz;
  f public.open_review_request_row;
begin
  select r.* into req
  from private.review_request_tokens t join public.review_requests r on r.id = t.request_id
  where t.token_hash = extensions.digest(p_token, 'sha256')
  for update of r;
  if req.id is null or req.status not in ('sent', 'opened', 'expired') then
    raise exception 'this review link is unknown or already used' using errcode = 'PT404';
  end if;
  select t.expires_at into exp from private.review_request_tokens t where t.request_id = req.id;
  if exp <= now() or req.status = 'expired' then
    raise exception 'this review link expired on %', to_char(exp at time zone 'UTC', 'YYYY-MM-DD')
      using errcode = 'PT410', hint = 'you can still write a review from the product page';
  end if;
  if req.status = 'sent' then
    update public.review_requests set status = 'opened' where id = req.id;
  end if;
  select req.workspace_id, o.order_number,
         coalesce((select jsonb_agg(jsonb_build_object(
                    'shopify_product_id', pid,
                    'title', (select p.title from public.products p
                              where p.workspace_id = req.workspace_id and p.shopify_product_id = pid order by p.created_at, p.shopify_variant_id limit 1),
                    'reviewed', exists (select 1 from public.reviews x where x.review_request_id = req.id and x.shopify_product_id = pid))
                    order by pid)
                   from unnest(req.shopify_product_ids) pid), '[]'::jsonb),
         exp
    into f
  from public.orders o where o.id = req.order_id;
  return f;
end $$;
comment on function private.anon_open_review_request(text) is 'Definer half of public.open_review_request: resolves a review link''s token to its form and marks the request opened.';
grant execute on function private.anon_open_review_request(text) to anon, authenticated, service_role;

-- ===== the public storefront RPCs (SECURITY INVOKER: validate, then call the definer half)
create function public.product_reviews(p_workspace_id uuid, p_shopify_product_id text,
                                       p_sort public.review_sort default 'newest', p_limit integer default 10,
                                       p_offset integer default 0)
returns setof public.product_reviews_row
language plpgsql stable set search_path = '' as $$
begin
  if p_workspace_id is null or p_shopify_product_id is null or p_shopify_product_id !~ '^\S{1,64}$' then
    raise exception 'p_workspace_id and p_shopify_product_id (1-64 characters) are required' using errcode = '22023';
  end if;
  if p_limit is null or p_limit < 1 then
    raise exception 'p_limit must be at least 1' using errcode = '22023';
  end if;
  -- (require_batch_size's message, inline: anon may not call that helper)
  if p_limit > 50 then
    raise exception 'too many reviews per page: % given, at most 50 per call', p_limit
      using errcode = 'PT413', hint = 'page with p_offset';
  end if;
  if p_offset is null or p_offset < 0 or p_offset > 10000 then
    raise exception 'p_offset must be between 0 and 10000' using errcode = '22023';
  end if;
  return query select * from private.anon_product_reviews(p_workspace_id, p_shopify_product_id,
                                                          coalesce(p_sort, 'newest'), p_limit, p_offset);
end $$;
comment on function public.product_reviews(uuid, text, public.review_sort, integer, integer) is 'Storefront (anon): a page of a product''s published reviews, newest first or by rating or helpfulness; p_limit 1-50 (PT413 above), p_offset 0-10000.';
grant execute on function public.product_reviews(uuid, text, public.review_sort, integer, integer) to anon, authenticated;

create function public.product_rating(p_workspace_id uuid, p_shopify_product_id text)
returns public.product_rating_row
language plpgsql stable set search_path = '' as $$
declare
  r public.product_rating_row;
begin
  if p_workspace_id is null or p_shopify_product_id is null or p_shopify_product_id !~ '^\S{1,64}$' then
    raise exception 'p_workspace_id and p_shopify_product_id (1-64 characters) are required' using errcode = '22023';
  end if;
  select * into r from private.anon_product_ratings(p_workspace_id, array[p_shopify_product_id]);
  return r;
end $$;
comment on function public.product_rating(uuid, text) is 'Storefront (anon): one product''s rating summary (count, average, 1-5 distribution) from the maintained summary.';
grant execute on function public.product_rating(uuid, text) to anon, authenticated;

create function public.product_ratings(p_workspace_id uuid, p_shopify_product_ids text[])
returns setof public.product_rating_row
language plpgsql stable set search_path = '' as $$
begin
  if p_workspace_id is null or p_shopify_product_ids is null then
    raise exception 'p_workspace_id and p_shopify_product_ids are required' using errcode = '22023';
  end if;
  if cardinality(p_shopify_product_ids) > 100 then
    raise exception 'too many products: % given, at most 100 per call', cardinality(p_shopify_product_ids)
      using errcode = 'PT413', hint = 'split the batch into smaller calls';
  end if;
  if exists (select 1 from unnest(p_shopify_product_ids) x where x is null or x !~ '^\S{1,64}$') then
    raise exception 'every product id must be 1-64 characters without spaces' using errcode = '22023';
  end if;
  return query select * from private.anon_product_ratings(p_workspace_id, p_shopify_product_ids);
end $$;
comment on function public.product_ratings(uuid, text[]) is 'Storefront (anon): rating summaries of up to 100 products (collection pages), in the order asked.';
grant execute on function public.product_ratings(uuid, text[]) to anon, authenticated;

create function public.submit_review(p_workspace_id uuid, p_shopify_product_id text, p_rating integer, p_body text,
                                     p_author_name text, p_author_email text, p_title text default null,
                                     p_token text default null)
returns table (review_id uuid, status public.review_status, verified_purchase boolean)
language plpgsql volatile set search_path = '' as $$
#variable_conflict use_column
declare
  email text := lower(btrim(p_author_email));
begin
  if p_workspace_id is null or p_shopify_product_id is null or p_shopify_product_id !~ '^\S{1,64}$' then
    raise exception 'p_workspace_id and p_shopify_product_id (1-64 characters) are required' using errcode = '22023';
  end if;
  if p_rating is null or p_rating not between 1 and 5 then
    raise exception 'rating must be a whole number from 1 to 5' using errcode = '22023';
  end if;
  if p_body is null or char_length(btrim(p_body)) not between 1 and 5000 then
    raise exception 'the review text is required and may be at most 5000 characters' using errcode = '22023';
  end if;
  if p_title is not null and char_length(btrim(p_title)) > 150 then
    raise exception 'the title may be at most 150 characters' using errcode = '22023';
  end if;
  if p_author_name is null or char_length(btrim(p_author_name)) not between 1 and 100 then
    raise exception 'your name is required (at most 100 characters)' using errcode = '22023';
  end if;
  if email is null or char_length(email) > 254 or email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'a valid email address is required' using errcode = '22023';
  end if;
  return query select * from private.anon_submit_review(p_workspace_id, p_shopify_product_id, p_rating,
    nullif(btrim(p_title), ''), btrim(p_body), btrim(p_author_name), email, lower(btrim(p_token)));
end $$;
comment on function public.submit_review(uuid, text, integer, text, text, text, text, text) is 'Storefront (anon): submit a review. With a review link''s token it is a verified purchase (published at once if the workspace auto-publishes verified reviews); otherwise it waits for moderation. 22023 invalid input, PT404 unknown product, PT429 rate limited (5 per hour per address and shop).';
grant execute on function public.submit_review(uuid, text, integer, text, text, text, text, text) to anon, authenticated;

create function public.vote_review(p_review_id uuid, p_voter_id uuid, p_kind public.review_vote_kind)
returns table (review_id uuid, helpful_count integer, unhelpful_count integer)
language plpgsql volatile set search_path = '' as $$
#variable_conflict use_column
begin
  if p_review_id is null or p_voter_id is null or p_kind is null then
    raise exception 'p_review_id, p_voter_id and p_kind are required' using errcode = '22023';
  end if;
  return query select * from private.anon_vote_review(p_review_id, p_voter_id, p_kind);
end $$;
comment on function public.vote_review(uuid, uuid, public.review_vote_kind) is 'Storefront (anon): vote a published review helpful or unhelpful, once per voter; returns the new counts. PT404 unknown review, PT409 already voted, PT429 rate limited (60 per hour per address and shop).';
grant execute on function public.vote_review(uuid, uuid, public.review_vote_kind) to anon, authenticated;

create function public.open_review_request(p_token text)
returns public.open_review_request_row
language plpgsql volatile set search_path = '' as $$
begin
  if p_token is null or lower(btrim(p_token)) !~ '^[0-9a-f]{64}$' then
    raise exception 'this review link is unknown or already used' using errcode = 'PT404';
  end if;
  return private.anon_open_review_request(lower(btrim(p_token)));
end $$;
comment on function public.open_review_request(text) is 'Storefront (anon): the review form behind a review link (shop, order number, products, expiry); marks the request opened. PT404 for an unknown or used-up link, PT410 for an expired one.';
grant execute on function public.open_review_request(text) to anon, authenticated;

-- ===== members: moderation and imports
create function public.moderate_reviews(p_workspace_id uuid, p_review_ids uuid[], p_status public.review_status,
                                        p_note text default null)
returns integer
language plpgsql volatile set search_path = '' as $$
declare
  n integer;
  wanted integer;
begin
  if p_workspace_id is null or p_review_ids is null or cardinality(p_review_ids) = 0 or p_status is null then
    raise exception 'p_workspace_id, p_review_ids and p_status are required' using errcode = '22023';
  end if;
  if p_status = 'pending' then
    raise exception 'reviews can be published, rejected or marked spam, not sent back to pending' using errcode = '22023';
  end if;
  if char_length(p_note) > 2000 then
    raise exception 'the moderation note may be at most 2000 characters' using errcode = '22023';
  end if;
  perform private.require_batch_size('reviews', cardinality(p_review_ids), 500);
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  select count(distinct x) into wanted from unnest(p_review_ids) x;
  update public.reviews set status = p_status, moderation_note = coalesce(p_note, moderation_note)
  where workspace_id = p_workspace_id and id = any (p_review_ids);
  get diagnostics n = row_count;
  if n < wanted then
    raise exception '% of the % reviews were not found in this workspace; nothing was changed', wanted - n, wanted
      using errcode = 'PT404';
  end if;
  return n;
end $$;
comment on function public.moderate_reviews(uuid, uuid[], public.review_status, text) is 'Members: publish, reject or mark spam up to 500 reviews at once (all or nothing), with an optional note; each change is audited. 22023 bad input, 42501 not a member, PT404 an id is not a review of the workspace, PT413 over 500.';
grant execute on function public.moderate_reviews(uuid, uuid[], public.review_status, text) to authenticated;

-- One element of import_reviews' batch: the first problem as 'field: reason', or null.
create function private.review_import_problem(p_review jsonb) returns text
language plpgsql stable set search_path = '' as $$
begin
  if jsonb_typeof(p_review) is distinct from 'object' then
    return 'row: must be an object';
  end if;
  if coalesce(p_review ->> 'imported_from', '') !~ '^[a-z0-9_-]{1,32}$' then
    return 'imported_from: is required (lowercase letters, digits, _ or -, at most 32)';
  end if;
  if coalesce(jsonb_typeof(p_review -> 'original_id'), '') not in ('string', 'number') or char_length(p_review ->> 'original_id') not between 1 and 128 then
    return 'original_id: is required (at most 128 characters)';
  end if;
  if coalesce(jsonb_typeof(p_review -> 'shopify_product_id'), '') not in ('string', 'number') or (p_review ->> 'shopify_product_id') !~ '^\S{1,64}$' then
    return 'shopify_product_id: is required (1-64 characters)';
  end if;
  if not private.is_whole_number(p_review -> 'rating', 1) or (p_review ->> 'rating')::numeric > 5 then
    return 'rating: must be a whole number from 1 to 5';
  end if;
  if p_review ->> 'author_name' is not null and char_length(btrim(p_review ->> 'author_name')) not between 1 and 100 then
    return 'author_name: must be 1-100 characters';
  end if;
  if p_review ->> 'author_email' is not null and (char_length(p_review ->> 'author_email') > 254
     or btrim(p_review ->> 'author_email') !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$') then
    return 'author_email: is not a valid address';
  end if;
  if char_length(p_review ->> 'title') > 150 then
    return 'title: may be at most 150 characters';
  end if;
  if char_length(p_review ->> 'body') > 5000 then
    return 'body: may be at most 5000 characters';
  end if;
  if p_review ->> 'status' is not null and not (p_review ->> 'status' = any (enum_range(null::public.review_status)::text[])) then
    return 'status: is not one of pending, published, rejected, spam';
  end if;
  if p_review -> 'verified_purchase' is not null and jsonb_typeof(p_review -> 'verified_purchase') not in ('boolean', 'null') then
    return 'verified_purchase: must be true or false';
  end if;
  if p_review ->> 'submitted_at' is not null and not private.is_timestamptz(p_review ->> 'submitted_at') then
    return 'submitted_at: is not a timestamp';
  end if;
  return null;
end $$;
comment on function private.review_import_problem(jsonb) is 'Validates one element of import_reviews'' batch; returns ''field: reason'' or null.';
grant execute on function private.review_import_problem(jsonb) to authenticated, service_role;

create function private.import_reviews(p_workspace_id uuid, p_reviews jsonb)
returns table (inserted integer, updated integer, unchanged integer)
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_column
declare
  n_ins integer;
  n_upd integer;
  total integer := jsonb_array_length(p_reviews);
begin
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  with src as (
    select btrim(o ->> 'imported_from') as imported_from, btrim(o ->> 'original_id') as original_id,
           btrim(o ->> 'shopify_product_id') as shopify_product_id, (o ->> 'rating')::smallint as rating,
           nullif(btrim(o ->> 'title'), '') as title, coalesce(btrim(o ->> 'body'), '') as body,
           coalesce(nullif(btrim(o ->> 'author_name'), ''), 'Anonymous') as author_name,
           lower(nullif(btrim(o ->> 'author_email'), '')) as author_email,
           coalesce((o ->> 'status')::public.review_status, 'published') as status,
           coalesce((o ->> 'verified_purchase')::boolean, false) as verified_purchase,
           coalesce((o ->> 'submitted_at')::timestamptz, now()) as submitted_at
    from jsonb_array_elements(p_reviews) o
  ), up as (
    insert into public.reviews as t (workspace_id, imported_from, original_id, shopify_product_id, rating, title, body,
                                     author_name, author_email, status, verified_purchase, submitted_at, published_at)
    select p_workspace_id, s.imported_from, s.original_id, s.shopify_product_id, s.rating, s.title, s.body, s.author_name,
           s.author_email, s.status, s.verified_purchase, s.submitted_at,
           case when s.status = 'published' then s.submitted_at end
    from src s
    order by s.imported_from, s.original_id
    -- Re-imports refresh the content; the status stays as moderation left it.
    on conflict (workspace_id, imported_from, original_id) do update set
      shopify_product_id = excluded.shopify_product_id, rating = excluded.rating, title = excluded.title,
      body = excluded.body, author_name = excluded.author_name, author_email = excluded.author_email,
      verified_purchase = excluded.verified_purchase, submitted_at = excluded.submitted_at
    where (t.shopify_product_id, t.rating, t.title, t.body, t.author_name, t.author_email, t.verified_purchase, t.submitted_at)
      is distinct from (excluded.shopify_product_id, excluded.rating, excluded.title, excluded.body, excluded.author_name,
                        excluded.author_email, excluded.verified_purchase, excluded.submitted_at)
    returning (t.xmax = 0) as was_insert
  )
  select count(*) filter (where was_insert), count(*) filter (where not was_insert) into n_ins, n_upd from up;
  return query select n_ins, n_upd, total - n_ins - n_upd;
end $$;
comment on function private.import_reviews(uuid, jsonb) is 'Definer half of public.import_reviews: idempotent upsert keyed by (imported_from, original_id).';
grant execute on function private.import_reviews(uuid, jsonb) to authenticated, service_role;

create function public.import_reviews(p_workspace_id uuid, p_reviews jsonb)
returns table (inserted integer, updated integer, unchanged integer)
language plpgsql volatile set search_path = '' as $$
#variable_conflict use_column
declare
  o jsonb;
  idx bigint;
  problem text;
  dup text;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if jsonb_typeof(p_reviews) is distinct from 'array' then
    raise exception 'p_reviews must be a JSON array of reviews' using errcode = '22023';
  end if;
  perform private.require_batch_size('reviews', jsonb_array_length(p_reviews), 1000);
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(p_reviews) with ordinality e loop
    problem := private.review_import_problem(o);
    if problem is not null then
      raise exception 'reviews[%].%', idx, problem using errcode = '22023';
    end if;
  end loop;
  select format('%s/%s', btrim(e.value ->> 'imported_from'), btrim(e.value ->> 'original_id')) into dup
  from jsonb_array_elements(p_reviews) e group by btrim(e.value ->> 'imported_from'), btrim(e.value ->> 'original_id')
  having count(*) > 1 limit 1;
  if dup is not null then
    raise exception 'reviews: % appears more than once in the batch', dup using errcode = '22023';
  end if;
  return query select * from private.import_reviews(p_workspace_id, p_reviews);
end $$;
comment on function public.import_reviews(uuid, jsonb) is 'Members and service_role: import up to 1000 reviews from another system (objects with imported_from, original_id, shopify_product_id, rating, title, body, author_name, author_email, status (default published), verified_purchase, submitted_at). Idempotent: re-imports update content, never status. Returns counts inserted, updated, unchanged. 22023 names the first bad row and field; PT413 over 1000.';
grant execute on function public.import_reviews(uuid, jsonb) to authenticated;

-- Surveys: post-purchase survey questions and responses (Fairing). Kept before in Redis: a
-- hash of questions (fairing:questions), a sorted set of responses by time
-- (fairing:responses:all), a set per question (fairing:responses:q:{id}) and the sync cursor
-- (fairing:sync:state). Here: survey_questions, survey_responses (the time-ordered feed is an
-- index and the survey_feed view; new responses stream over Realtime), survey_answer_counts
-- (per-question, per-answer counts kept by triggers) and survey_sync_state.
create type public.survey_question_kind as enum ('single_choice', 'multiple_choice', 'free_text', 'rating');

comment on type public.survey_question_kind is 'How a survey question is answered: one option, several options, free text, or a rating (answers hold the number as text).';

create table public.survey_questions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  source text not null default 'fairing' check (source ~ '^[a-z0-9_-]{1,32}$'),
  external_id text not null check (char_length(external_id) between 1 and 128),
  prompt text not null constraint survey_questions_prompt_length check (char_length(btrim(prompt)) between 1 and 1000),
  kind public.survey_question_kind not null default 'single_choice',
  options text[] not null default '{}' constraint survey_questions_options_count check (cardinality(options) <= 100),
  active boolean not null default true,
  position integer not null default 0,
  response_count integer not null default 0 check (response_count >= 0),
  last_response_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, source, external_id),
  unique (workspace_id, id)
);
comment on table public.survey_questions is 'Post-purchase survey questions, synced from the survey tool (Fairing) by public.import_survey. Members may reorder or deactivate them; response_count is kept by trigger.';
comment on column public.survey_questions.source is 'The survey tool the question comes from; with external_id the sync''s idempotency key.';
comment on column public.survey_questions.external_id is 'The question''s id in the survey tool.';
comment on column public.survey_questions.options is 'The answer options offered (choice questions).';
comment on column public.survey_questions.response_count is 'Responses to this question in survey_responses, kept by trigger.';
comment on column public.survey_questions.last_response_at is 'Time of the latest response seen (never moves back when responses are deleted).';
alter table public.survey_questions enable row level security;
grant select, delete on public.survey_questions to authenticated;
grant update (active, position) on public.survey_questions to authenticated;
select private.install_row_triggers('public.survey_questions');
select private.tenant_policies('public.survey_questions', 'viewer', 'member');

create table public.survey_responses (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  question_id uuid not null,
  source text not null default 'fairing' check (source ~ '^[a-z0-9_-]{1,32}$'),
  external_id text not null check (char_length(external_id) between 1 and 128),
  answers text[] not null default '{}'
    constraint survey_responses_answers_count check (cardinality(answers) <= 50),
  other_text text constraint survey_responses_other_text_length check (char_length(other_text) <= 5000),
  order_id uuid,
  shopify_order_id text check (char_length(shopify_order_id) <= 64),
  customer_id uuid references public.customers (id) on delete set null,
  responded_at timestamptz not null,
  created_at timestamptz not null default now(),
  unique (workspace_id, source, external_id),
  foreign key (workspace_id, question_id) references public.survey_questions (workspace_id, id) on delete cascade,
  foreign key (workspace_id, order_id) references public.orders (workspace_id, id) on delete set null (order_id)
);
comment on table public.survey_responses is 'One customer''s answer to one survey question, usually right after purchase. Written by public.import_survey (idempotent by source and external_id); read newest first (survey_feed).';
comment on column public.survey_responses.answers is 'The options chosen (one for single choice, several for multiple choice, the number for rating); each counts once in survey_answer_counts.';
comment on column public.survey_responses.other_text is 'Free text: the answer to a free-text question, or the "other" field of a choice question.';
comment on column public.survey_responses.order_id is 'The order the survey followed, when it is in orders.';
comment on column public.survey_responses.customer_id is 'The customer, matched by Shopify customer id or email hash when known.';
comment on column public.survey_responses.responded_at is 'When the customer answered; the feed''s order.';
alter table public.survey_responses enable row level security;
grant select, delete on public.survey_responses to authenticated;
alter publication supabase_realtime add table public.survey_responses;
select private.install_row_triggers('public.survey_responses');
select private.tenant_policies('public.survey_responses', 'viewer', 'member');

create index survey_responses_feed_idx on public.survey_responses (workspace_id, responded_at desc, id desc);

create index survey_responses_question_idx on public.survey_responses (question_id, workspace_id, responded_at desc);

create index survey_responses_order_idx on public.survey_responses (order_id, workspace_id);

create index survey_responses_customer_idx on public.survey_responses (customer_id);

create table public.survey_answer_counts (
  workspace_id uuid not null,
  question_id uuid not null,
  answer text not null,
  responses integer not null check (responses > 0),
  primary key (question_id, workspace_id, answer),
  foreign key (workspace_id, question_id) references public.survey_questions (workspace_id, id) on delete cascade
);
comment on table public.survey_answer_counts is 'How many responses chose each answer of each question, kept by triggers on survey_responses; answers nobody chose have no row. Read-only for API roles.';
alter table public.survey_answer_counts enable row level security;
grant select on public.survey_answer_counts to authenticated;
select private.install_row_triggers('public.survey_answer_counts');
select private.tenant_policy('public.survey_answer_counts', 'select', 'viewer');

create index survey_answer_counts_workspace_idx on public.survey_answer_counts (workspace_id, question_id, responses desc);

create table public.survey_sync_state (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  source text not null default 'fairing' check (source ~ '^[a-z0-9_-]{1,32}$'),
  cursor text check (char_length(cursor) <= 1000),
  last_synced_at timestamptz,
  last_response_at timestamptz,
  responses_synced bigint not null default 0 check (responses_synced >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, source)
);
comment on table public.survey_sync_state is 'Where the survey sync stands per workspace and tool: the tool''s paging cursor, last sync, newest response seen, responses stored. Written by public.import_survey.';
comment on column public.survey_sync_state.cursor is 'The survey tool''s paging cursor to resume from.';
alter table public.survey_sync_state enable row level security;
grant select on public.survey_sync_state to authenticated;
select private.install_row_triggers('public.survey_sync_state');
select private.tenant_policy('public.survey_sync_state', 'select', 'viewer');

create view public.survey_feed with (security_invoker = true) as
  select r.id, r.workspace_id, r.responded_at, r.question_id, q.prompt as question_prompt, q.kind as question_kind,
         r.answers, r.other_text, r.order_id, r.shopify_order_id, r.customer_id
  from public.survey_responses r
  join public.survey_questions q on q.id = r.question_id;
comment on view public.survey_feed is 'Survey responses with their question, for the newest-first feed: order by responded_at desc, id desc (indexed). Runs with the caller''s rights, so RLS applies.';
grant select on public.survey_feed to authenticated;

-- ===== counts kept by triggers
-- Adds signed contributions to survey_answer_counts and survey_questions.response_count; count
-- rows that reach zero go. Existing rows are updated, missing ones inserted (negative deltas
-- never take the insert path: an INSERT checks its candidate row before ON CONFLICT). Questions
-- being deleted are skipped (their counts go with them). p_answers[i] is the i-th response's
-- answers as a text[] literal, since arrays of arrays must be rectangular.
create function private.apply_survey_deltas(p_workspace_ids uuid[], p_question uuid[], p_answers text[], p_sign integer[],
                                            p_responded_at timestamptz[])
returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  with x as (
    select u.ws, u.q, u.answers::text[] as answers, u.sign, u.at
    from unnest(p_workspace_ids, p_question, p_answers, p_sign, p_responded_at) as u (ws, q, answers, sign, at)
    where exists (select 1 from public.survey_questions q where q.id = u.q)
  ), d as (
    select x.ws, x.q, a.answer, sum(x.sign)::integer as n
    from x cross join lateral (select distinct unnest(x.answers) as answer) a
    group by 1, 2, 3 having sum(x.sign) <> 0
  ), upd as (
    update public.survey_answer_counts c set responses = c.responses + d.n
    from d where c.question_id = d.q and c.workspace_id = d.ws and c.answer = d.answer and c.responses + d.n > 0
    returning c.question_id, c.answer
  ), gone as (
    delete from public.survey_answer_counts c using d
    where c.question_id = d.q and c.workspace_id = d.ws and c.answer = d.answer and c.responses + d.n = 0
    returning c.question_id, c.answer
  ), ins as (
    insert into public.survey_answer_counts as c (workspace_id, question_id, answer, responses)
    select d.ws, d.q, d.answer, d.n from d
    where not exists (select 1 from upd u where u.question_id = d.q and u.answer = d.answer)
      and not exists (select 1 from gone g where g.question_id = d.q and g.answer = d.answer)
    order by d.q, d.answer
    on conflict (question_id, workspace_id, answer) do update set responses = c.responses + excluded.responses
  )
  update public.survey_questions q set
    response_count = q.response_count + t.n,
    last_response_at = greatest(q.last_response_at, t.latest)
  from (select x.q, sum(x.sign)::integer as n, max(x.at) filter (where x.sign > 0) as latest from x group by x.q) t
  where q.id = t.q and (t.n <> 0 or t.latest > coalesce(q.last_response_at, '-infinity'));
end $$;
comment on function private.apply_survey_deltas(uuid[], uuid[], text[], integer[], timestamp with time zone[]) is 'Adds signed per-response contributions to survey_answer_counts and survey_questions.response_count (used by the survey_responses triggers).';

-- Inserted rows count +1, deleted rows -1: both statement triggers name their transition table
-- changed_rows, so one function serves both.
create function private.survey_counts_on_rows() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.apply_survey_deltas(array_agg(c.workspace_id), array_agg(c.question_id), array_agg(c.answers::text),
                                      array_agg(case tg_op when 'INSERT' then 1 else -1 end), array_agg(c.responded_at))
  from changed_rows c
  having count(*) > 0;
  return null;
end $$;
comment on function private.survey_counts_on_rows() is 'AFTER INSERT / AFTER DELETE (per statement) on survey_responses: counts the new responses, or uncounts the deleted ones.';

create trigger survey_counts_on_insert after insert on public.survey_responses
  referencing new table as changed_rows for each statement execute function private.survey_counts_on_rows();

create trigger survey_counts_on_delete after delete on public.survey_responses
  referencing old table as changed_rows for each statement execute function private.survey_counts_on_rows();

create function private.survey_counts_on_update() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.apply_survey_deltas(array[old.workspace_id, new.workspace_id], array[old.question_id, new.question_id],
                                      array[old.answers::text, new.answers::text], array[-1, 1],
                                      array[old.responded_at, new.responded_at]);
  return null;
end $$;
comment on function private.survey_counts_on_update() is 'AFTER UPDATE (per row, when answers or question changed) on survey_responses: moves the response''s counts.';

create trigger survey_counts_on_update after update of answers, question_id on public.survey_responses
  for each row when (old.answers is distinct from new.answers or old.question_id is distinct from new.question_id)
  execute function private.survey_counts_on_update();

-- ===== the sync: questions and a page of responses in one call
create function private.survey_import_problem(p_what text, p_response jsonb) returns text
language plpgsql stable set search_path = '' as $$
begin
  if jsonb_typeof(p_response) is distinct from 'object' then
    return 'row: must be an object';
  end if;
  if coalesce(jsonb_typeof(p_response -> 'id'), '') not in ('string', 'number') or char_length(p_response ->> 'id') not between 1 and 128 then
    return 'id: is required (at most 128 characters)';
  end if;
  if p_what = 'question' then
    if p_response ->> 'prompt' is null or char_length(btrim(p_response ->> 'prompt')) not between 1 and 1000 then
      return 'prompt: is required (at most 1000 characters)';
    end if;
    if p_response ->> 'kind' is not null and not (p_response ->> 'kind' = any (enum_range(null::public.survey_question_kind)::text[])) then
      return 'kind: is not one of single_choice, multiple_choice, free_text, rating';
    end if;
    if p_response -> 'options' is not null and (jsonb_typeof(p_response -> 'options') <> 'array' or jsonb_array_length(p_response -> 'options') > 100
       or exists (select 1 from jsonb_array_elements(p_response -> 'options') e where jsonb_typeof(e) <> 'string' or char_length(e #>> '{}') > 500)) then
      return 'options: must be an array of at most 100 strings of at most 500 characters';
    end if;
    if p_response -> 'active' is not null and jsonb_typeof(p_response -> 'active') <> 'boolean' then
      return 'active: must be true or false';
    end if;
    if p_response -> 'position' is not null and not private.is_whole_number(p_response -> 'position') then
      return 'position: must be a whole number';
    end if;
    return null;
  end if;
  if coalesce(jsonb_typeof(p_response -> 'question_id'), '') not in ('string', 'number') then
    return 'question_id: is required (the question''s id in the survey tool)';
  end if;
  if p_response -> 'answers' is not null and (jsonb_typeof(p_response -> 'answers') <> 'array' or jsonb_array_length(p_response -> 'answers') > 50
     or exists (select 1 from jsonb_array_elements(p_response -> 'answers') e where jsonb_typeof(e) not in ('string', 'number')
                or char_length(e #>> '{}') not between 1 and 500)) then
    return 'answers: must be an array of at most 50 answers of 1-500 characters';
  end if;
  if char_length(p_response ->> 'other_text') > 5000 then
    return 'other_text: may be at most 5000 characters';
  end if;
  if p_response ->> 'responded_at' is null or not private.is_timestamptz(p_response ->> 'responded_at') then
    return 'responded_at: is required and must be a timestamp';
  end if;
  if char_length(p_response ->> 'shopify_order_id') > 64 then
    return 'shopify_order_id: may be at most 64 characters';
  end if;
  return null;
end $$;
comment on function private.survey_import_problem(text, jsonb) is 'Validates one question or response of import_survey''s payload; returns ''field: reason'' or null.';
grant execute on function private.survey_import_problem(text, jsonb) to authenticated, service_role;

create function private.import_survey(p_workspace_id uuid, p_source text, p_questions jsonb, p_responses jsonb, p_cursor text)
returns table (questions_upserted integer, responses_inserted integer, responses_updated integer, responses_unchanged integer)
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_column
declare
  nq integer;
  ni integer;
  nu integer;
  missing text;
begin
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  with up as (
    insert into public.survey_questions as q (workspace_id, source, external_id, prompt, kind, options, active, position)
    select p_workspace_id, p_source, btrim(o ->> 'id'), btrim(o ->> 'prompt'),
           coalesce((o ->> 'kind')::public.survey_question_kind, 'single_choice'),
           coalesce(array(select e from jsonb_array_elements_text(o -> 'options') e), '{}'),
           coalesce((o ->> 'active')::boolean, true), coalesce((o ->> 'position')::integer, 0)
    from jsonb_array_elements(p_questions) o
    order by btrim(o ->> 'id')
    on conflict (workspace_id, source, external_id) do update set
      prompt = excluded.prompt, kind = excluded.kind, options = excluded.options
    where (q.prompt, q.kind, q.options) is distinct from (excluded.prompt, excluded.kind, excluded.options)
    returning 1
  )
  select count(*) into nq from up;

  select o ->> 'question_id' into missing
  from jsonb_array_elements(p_responses) o
  where not exists (select 1 from public.survey_questions q
                    where q.workspace_id = p_workspace_id and q.source = p_source and q.external_id = btrim(o ->> 'question_id'))
  limit 1;
  if missing is not null then
    raise exception 'responses: question % is unknown; send it in p_questions', missing using errcode = '22023';
  end if;

  with src as (
    select q.id as question_id, btrim(o ->> 'id') as external_id,
           coalesce(array(select e from jsonb_array_elements_text(o -> 'answers') e), '{}') as answers,
           nullif(btrim(o ->> 'other_text'), '') as other_text,
           nullif(btrim(o ->> 'shopify_order_id'), '') as shopify_order_id,
           (o ->> 'responded_at')::timestamptz as responded_at,
           nullif(btrim(o ->> 'shopify_customer_id'), '') as shopify_customer_id,
           private.email_sha256(o ->> 'email') as email_sha256
    from jsonb_array_elements(p_responses) o
    join public.survey_questions q on q.workspace_id = p_workspace_id and q.source = p_source
                                  and q.external_id = btrim(o ->> 'question_id')
  ), up as (
    insert into public.survey_responses as r (workspace_id, question_id, source, external_id, answers, other_text, order_id,
                                              shopify_order_id, customer_id, responded_at)
    select p_workspace_id, s.question_id, p_source, s.external_id, s.answers, s.other_text,
           (select o.id from public.orders o where o.workspace_id = p_workspace_id and o.shopify_order_id = s.shopify_order_id),
           s.shopify_order_id,
           coalesce((select c.id from public.customers c where c.workspace_id = p_workspace_id
                     and c.shopify_customer_id = s.shopify_customer_id),
                    (select c.id from public.customers c where c.workspace_id = p_workspace_id
                     and c.email_sha256 = s.email_sha256 order by c.created_at limit 1)),
           s.responded_at
    from src s
    order by s.external_id
    on conflict (workspace_id, source, external_id) do update set
      question_id = excluded.question_id, answers = excluded.answers, other_text = excluded.other_text,
      order_id = coalesce(excluded.order_id, r.order_id), shopify_order_id = excluded.shopify_order_id,
      customer_id = coalesce(excluded.customer_id, r.customer_id), responded_at = excluded.responded_at
    where (r.question_id, r.answers, r.other_text, r.shopify_order_id, r.responded_at)
          is distinct from (excluded.question_id, excluded.answers, excluded.other_text, excluded.shopify_order_id,
                            excluded.responded_at)
       or (excluded.order_id is not null and r.order_id is null)
       or (excluded.customer_id is not null and r.customer_id is null)
    returning (r.xmax = 0) as was_insert
  )
  select count(*) filter (where was_insert), count(*) filter (where not was_insert) into ni, nu from up;

  insert into public.survey_sync_state as s (workspace_id, source, cursor, last_synced_at, last_response_at, responses_synced)
  values (p_workspace_id, p_source, p_cursor, now(),
          (select max((o ->> 'responded_at')::timestamptz) from jsonb_array_elements(p_responses) o), ni)
  on conflict (workspace_id, source) do update set
    cursor = coalesce(excluded.cursor, s.cursor), last_synced_at = excluded.last_synced_at,
    last_response_at = greatest(s.last_response_at, excluded.last_response_at),
    responses_synced = s.responses_synced + excluded.responses_synced;

  return query select nq, ni, nu, jsonb_array_length(p_responses) - ni - nu;
end $$;
comment on function private.import_survey(uuid, text, jsonb, jsonb, text) is 'Definer half of public.import_survey: upserts questions, then responses (idempotent by source and external id), then the sync state.';
grant execute on function private.import_survey(uuid, text, jsonb, jsonb, text) to authenticated, service_role;

create function public.import_survey(p_workspace_id uuid, p_questions jsonb default '[]', p_responses jsonb default '[]',
                                     p_cursor text default null, p_source text default 'fairing')
returns table (questions_upserted integer, responses_inserted integer, responses_updated integer, responses_unchanged integer)
language plpgsql volatile set search_path = '' as $$
declare
  o jsonb;
  idx bigint;
  problem text;
  dup text;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if p_source is null or p_source !~ '^[a-z0-9_-]{1,32}$' then
    raise exception 'p_source must be 1-32 lowercase letters, digits, _ or -' using errcode = '22023';
  end if;
  if jsonb_typeof(coalesce(p_questions, '[]')) <> 'array' or jsonb_typeof(coalesce(p_responses, '[]')) <> 'array' then
    raise exception 'p_questions and p_responses must be JSON arrays' using errcode = '22023';
  end if;
  if char_length(p_cursor) > 1000 then
    raise exception 'p_cursor may be at most 1000 characters' using errcode = '22023';
  end if;
  perform private.require_batch_size('questions', jsonb_array_length(coalesce(p_questions, '[]')), 100);
  perform private.require_batch_size('responses', jsonb_array_length(coalesce(p_responses, '[]')), 1000);
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(coalesce(p_questions, '[]')) with ordinality e loop
    problem := private.survey_import_problem('question', o);
    if problem is not null then
      raise exception 'questions[%].%', idx, problem using errcode = '22023';
    end if;
  end loop;
  for o, idx in select e.value, e.ordinality - 1 from jsonb_array_elements(coalesce(p_responses, '[]')) with ordinality e loop
    problem := private.survey_import_problem('response', o);
    if problem is not null then
      raise exception 'responses[%].%', idx, problem using errcode = '22023';
    end if;
  end loop;
  select btrim(e.value ->> 'id') into dup from jsonb_array_elements(coalesce(p_questions, '[]')) e
  group by 1 having count(*) > 1 limit 1;
  if dup is not null then
    raise exception 'questions: id % appears more than once in the batch', dup using errcode = '22023';
  end if;
  select btrim(e.value ->> 'id') into dup from jsonb_array_elements(coalesce(p_responses, '[]')) e
  group by 1 having count(*) > 1 limit 1;
  if dup is not null then
    raise exception 'responses: id % appears more than once in the batch', dup using errcode = '22023';
  end if;
  return query select * from private.import_survey(p_workspace_id, p_source, coalesce(p_questions, '[]'),
                                                   coalesce(p_responses, '[]'), p_cursor);
end $$;
comment on function public.import_survey(uuid, jsonb, jsonb, text, text) is 'Members and service_role (the survey sync): upsert up to 100 questions {id, prompt, kind, options, active, position} and up to 1000 responses {id, question_id, answers[], other_text, shopify_order_id, shopify_customer_id, email, responded_at}, and remember p_cursor. Idempotent. 22023 names the first bad row and field (or an unknown question); PT413 over the caps.';
grant execute on function public.import_survey(uuid, jsonb, jsonb, text, text) to authenticated;

-- Support: customer tickets (from the storefront through a narrow, rate-limited anon RPC, from
-- signed-in members, or from Chatwoot) with a status workflow enforced by trigger, and curated
-- replies for Chatwoot.
create type public.support_ticket_status as enum (
  'open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'
);

comment on type public.support_ticket_status is 'open -> in_progress <-> waiting_on_customer -> resolved -> closed; a resolved ticket may be reopened, a closed one never (open a new ticket).';

create type public.support_ticket_priority as enum ('low', 'normal', 'high', 'urgent');

comment on type public.support_ticket_priority is 'How soon a ticket needs an answer.';

create type public.support_ticket_source as enum ('storefront', 'app', 'chatwoot');

comment on type public.support_ticket_source is 'Where a ticket came from: the storefront''s contact form (anon), a signed-in member, or a Chatwoot conversation.';

create type public.support_ticket_category as enum (
  'general', 'order', 'shipping', 'returns', 'product', 'account', 'billing', 'other'
);

comment on type public.support_ticket_category is 'What a ticket is about.';

create table public.support_tickets (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  source public.support_ticket_source not null default 'app',
  requester_email text not null constraint support_tickets_requester_email_format
    check (requester_email = lower(requester_email) and char_length(requester_email) <= 254
           and requester_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  requester_name text constraint support_tickets_requester_name_length check (char_length(btrim(requester_name)) between 1 and 100),
  subject text not null constraint support_tickets_subject_length check (char_length(btrim(subject)) between 1 and 200),
  body text not null constraint support_tickets_body_length check (char_length(btrim(body)) between 1 and 10000),
  category public.support_ticket_category not null default 'general',
  status public.support_ticket_status not null default 'open',
  priority public.support_ticket_priority not null default 'normal',
  order_number text constraint support_tickets_order_number_length check (char_length(order_number) <= 64),
  order_id uuid,
  assigned_to uuid references auth.users (id) on delete set null,
  chatwoot_conversation_id text check (char_length(chatwoot_conversation_id) between 1 and 64),
  resolved_at timestamptz,
  closed_at timestamptz,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, chatwoot_conversation_id),
  foreign key (workspace_id, order_id) references public.orders (workspace_id, id) on delete set null (order_id)
);
comment on table public.support_tickets is 'Customer support tickets. The storefront creates them anonymously through public.create_support_ticket (rate limited); members create and work them (status, priority, category, assignee); the status workflow is enforced by trigger and every status change is audited.';
comment on column public.support_tickets.requester_email is 'The customer to answer, lowercased. Readable by the workspace''s members, never by anon.';
comment on column public.support_tickets.order_number is 'The order the customer named, as typed.';
comment on column public.support_tickets.order_id is 'That order, linked only when its email hash matches the requester''s email.';
comment on column public.support_tickets.assigned_to is 'The member working the ticket (must belong to the workspace).';
comment on column public.support_tickets.chatwoot_conversation_id is 'The Chatwoot conversation handling the ticket; its status changes move the ticket.';
comment on column public.support_tickets.created_by is 'The member who logged it; null for storefront and Chatwoot tickets.';
alter table public.support_tickets enable row level security;
grant select, delete on public.support_tickets to authenticated;
grant insert (workspace_id, requester_email, requester_name, subject, body, category, priority, order_number, assigned_to, chatwoot_conversation_id) on public.support_tickets to authenticated;
grant update (category, status, priority, assigned_to, chatwoot_conversation_id) on public.support_tickets to authenticated;
alter publication supabase_realtime add table public.support_tickets;
select private.install_row_triggers('public.support_tickets');
select private.tenant_policies('public.support_tickets', 'viewer', 'member', p_delete => 'admin');

create index support_tickets_queue_idx on public.support_tickets (workspace_id, status, created_at desc);

create index support_tickets_order_idx on public.support_tickets (order_id, workspace_id);

create index support_tickets_assigned_to_idx on public.support_tickets (assigned_to);

create index support_tickets_created_by_idx on public.support_tickets (created_by);

-- New tickets: members' tickets are source 'app' and start open; the order is linked only when
-- it belongs to the requester (email hash); the assignee must be a member of the workspace.
create function private.support_ticket_before_write() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    new.requester_email := lower(btrim(new.requester_email));
    if private.is_end_user() then
      new.source := 'app';
      new.status := 'open';
      new.created_by := (select auth.uid());
    end if;
    if new.order_number is not null and new.order_id is null then
      select o.id into new.order_id from public.orders o
      where o.workspace_id = new.workspace_id and o.order_number = btrim(new.order_number)
        and o.email_sha256 = private.email_sha256(new.requester_email)
      limit 1;
    end if;
  end if;
  if new.assigned_to is not null and (tg_op = 'INSERT' or new.assigned_to is distinct from old.assigned_to)
     and not exists (select 1 from public.workspace_members m
                     where m.workspace_id = new.workspace_id and m.user_id = new.assigned_to) then
    raise exception 'the assignee must be a member of this workspace' using errcode = '22023';
  end if;
  return new;
end $$;
comment on function private.support_ticket_before_write() is 'BEFORE INSERT/UPDATE on support_tickets: members'' tickets start open as source app; links the named order when it is the requester''s; the assignee must be a workspace member.';

create trigger support_ticket_before_write before insert or update of assigned_to on public.support_tickets
  for each row execute function private.support_ticket_before_write();
select private.exempt_user_deletion('public.support_tickets', 'support_ticket_before_write');

create function private.guard_support_ticket_status() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status = old.status then
    return new;
  end if;
  if old.status = 'closed' then
    raise exception 'a closed ticket cannot be reopened; open a new ticket' using errcode = 'PT409';
  end if;
  if not (
    (old.status = 'open' and new.status in ('in_progress', 'waiting_on_customer', 'resolved', 'closed')) or
    (old.status = 'in_progress' and new.status in ('open', 'waiting_on_customer', 'resolved', 'closed')) or
    (old.status = 'waiting_on_customer' and new.status in ('open', 'in_progress', 'resolved', 'closed')) or
    (old.status = 'resolved' and new.status in ('open', 'closed'))
  ) then
    raise exception 'a % ticket cannot become %', replace(old.status::text, '_', ' '), replace(new.status::text, '_', ' ')
      using errcode = 'PT409', hint = 'a resolved ticket can be reopened or closed';
  end if;
  new.resolved_at := case when new.status = 'resolved' then now()
                          when new.status = 'closed' then old.resolved_at end;
  new.closed_at := case when new.status = 'closed' then now() end;
  return new;
end $$;
comment on function private.guard_support_ticket_status() is 'BEFORE UPDATE OF status on support_tickets: enforces the workflow (PT409 otherwise) and stamps resolved_at / closed_at (cleared when reopened).';

create trigger guard_support_ticket_status before update of status on public.support_tickets
  for each row execute function private.guard_support_ticket_status();

select private.enable_audit('public.support_tickets', p_omit => array['requester_email', 'body'], p_events => 'delete or update of status');

-- ===== the storefront's contact form (anon)
insert into private.rate_limit_rules (bucket, max_hits, window_seconds, description) values
  ('support_ticket', 5, 3600, 'support tickets from one address to one workspace per hour');

create function private.anon_create_support_ticket(p_workspace_id uuid, p_email text, p_name text, p_subject text,
                                                   p_body text, p_category public.support_ticket_category,
                                                   p_order_number text)
returns table (ticket_id uuid, status public.support_ticket_status, created_at timestamptz)
language plpgsql volatile security definer set search_path = '' as $$
#variable_conflict use_column
declare
  t public.support_tickets;
begin
  if not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'shop % not found', p_workspace_id using errcode = 'PT404';
  end if;
  perform private.hit_rate_limit('support_ticket', p_workspace_id::text);
  insert into public.support_tickets (workspace_id, source, requester_email, requester_name, subject, body, category,
                                      order_number, created_by)
  values (p_workspace_id, 'storefront', p_email, p_name, p_subject, p_body, p_category, p_order_number, null)
  returning * into t;
  return query select t.id, t.status, t.created_at;
end $$;
comment on function private.anon_create_support_ticket(uuid, text, text, text, text, public.support_ticket_category, text) is 'Definer half of public.create_support_ticket: rate limited per address and shop.';
grant execute on function private.anon_create_support_ticket(uuid, text, text, text, text, public.support_ticket_category, text) to anon, authenticated, service_role;

create function public.create_support_ticket(p_workspace_id uuid, p_email text, p_subject text, p_body text,
                                             p_name text default null,
                                             p_category public.support_ticket_category default 'general',
                                             p_order_number text default null)
returns table (ticket_id uuid, status public.support_ticket_status, created_at timestamptz)
language plpgsql volatile set search_path = '' as $$
#variable_conflict use_column
declare
  email text := lower(btrim(p_email));
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if email is null or char_length(email) > 254 or email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    raise exception 'a valid email address is required' using errcode = '22023';
  end if;
  if p_subject is null or char_length(btrim(p_subject)) not between 1 and 200 then
    raise exception 'a subject is required (at most 200 characters)' using errcode = '22023';
  end if;
  if p_body is null or char_length(btrim(p_body)) not between 1 and 10000 then
    raise exception 'a message is required (at most 10000 characters)' using errcode = '22023';
  end if;
  if p_name is not null and char_length(btrim(p_name)) > 100 then
    raise exception 'the name may be at most 100 characters' using errcode = '22023';
  end if;
  if p_order_number is not null and char_length(btrim(p_order_number)) > 64 then
    raise exception 'the order number may be at most 64 characters' using errcode = '22023';
  end if;
  return query select * from private.anon_create_support_ticket(p_workspace_id, email, nullif(btrim(p_name), ''),
    btrim(p_subject), btrim(p_body), coalesce(p_category, 'general'), nullif(btrim(p_order_number), ''));
end $$;
comment on function public.create_support_ticket(uuid, text, text, text, text, public.support_ticket_category, text) is 'Storefront (anon): open a support ticket with an email address. 22023 invalid input, PT404 unknown shop, PT429 rate limited (5 per hour per address and shop).';
grant execute on function public.create_support_ticket(uuid, text, text, text, text, public.support_ticket_category, text) to anon, authenticated;

-- ===== Chatwoot: a conversation's status moves its ticket (events stored by the webhooks function)
create function private.process_chatwoot_ticket_event() returns trigger
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
  begin
    update public.support_tickets set status = target
    where workspace_id = new.workspace_id and chatwoot_conversation_id = new.payload ->> 'id'
      and status not in ('closed', target);
  exception when sqlstate 'PT409' then
    null;  -- a transition the workflow forbids (e.g. resolved -> waiting): the ticket stays as it is
  end;
  return null;
end $$;
comment on function private.process_chatwoot_ticket_event() is 'AFTER INSERT on private.webhook_events for Chatwoot conversation_status_changed: moves the linked ticket (open, pending/snoozed -> waiting on customer, resolved) where the workflow allows.';

create trigger process_chatwoot_ticket_event after insert on private.webhook_events
  for each row when (new.provider = 'chatwoot' and new.topic = 'conversation_status_changed')
  execute function private.process_chatwoot_ticket_event();

-- ===== curated replies for Chatwoot
create table public.support_curated_replies (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  title text not null constraint support_curated_replies_title_length check (char_length(btrim(title)) between 1 and 200),
  short_code text not null constraint support_curated_replies_short_code_format check (short_code ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  body text not null constraint support_curated_replies_body_length check (char_length(btrim(body)) between 1 and 10000),
  category public.support_ticket_category,
  tags text[] not null default '{}' constraint support_curated_replies_tags_count check (cardinality(tags) <= 20),
  active boolean not null default true,
  chatwoot_canned_response_id text check (char_length(chatwoot_canned_response_id) between 1 and 64),
  usage_count integer not null default 0 check (usage_count >= 0),
  last_used_at timestamptz,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, short_code)
);
comment on table public.support_curated_replies is 'Pre-approved reply templates for Chatwoot (its canned responses: short_code and content). Members write them; usage_count is kept by public.record_curated_reply_use.';
comment on column public.support_curated_replies.short_code is 'Chatwoot''s canned-response short code (typed after "/"), unique per workspace.';
comment on column public.support_curated_replies.chatwoot_canned_response_id is 'The canned response''s id in Chatwoot once synced.';
comment on column public.support_curated_replies.usage_count is 'Times agents used it (public.record_curated_reply_use); not writable directly.';
alter table public.support_curated_replies enable row level security;
grant select, delete on public.support_curated_replies to authenticated;
grant insert (workspace_id, title, short_code, body, category, tags, active, chatwoot_canned_response_id) on public.support_curated_replies to authenticated;
grant update (title, short_code, body, category, tags, active, chatwoot_canned_response_id) on public.support_curated_replies to authenticated;
select private.install_row_triggers('public.support_curated_replies');
select private.tenant_policies('public.support_curated_replies', 'viewer', 'member');

create index support_curated_replies_created_by_idx on public.support_curated_replies (created_by);

create function private.record_curated_reply_use(p_reply_id uuid) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  update public.support_curated_replies r set usage_count = r.usage_count + 1, last_used_at = now()
  where r.id = p_reply_id and r.active
    and (not private.is_end_user() or r.workspace_id = any (array(select private.workspace_ids('member'))))
  returning r.usage_count into n;
  if n is null then
    raise exception 'no active curated reply % in a workspace you are a member of', p_reply_id using errcode = 'PT404';
  end if;
  return n;
end $$;
comment on function private.record_curated_reply_use(uuid) is 'Counts one use of an active curated reply (members of its workspace, or service_role); returns the new count.';
grant execute on function private.record_curated_reply_use(uuid) to authenticated, service_role;

create function public.record_curated_reply_use(p_reply_id uuid) returns integer
language plpgsql volatile set search_path = '' as $$
begin
  if p_reply_id is null then
    raise exception 'p_reply_id is required' using errcode = '22023';
  end if;
  return private.record_curated_reply_use(p_reply_id);
end $$;
comment on function public.record_curated_reply_use(uuid) is 'Members: count one use of a curated reply; returns the new usage count. PT404 unknown or inactive reply.';
grant execute on function public.record_curated_reply_use(uuid) to authenticated;

-- ===== GDPR: what reviews and support hold about a shop customer
-- Reviews keep the author's email and name, tickets the requester's email, name and message.
-- Erasing a customer (Shopify's customers/redact) anonymises their reviews (no email, the name
-- becomes 'Anonymous'; rating and text stay, so summaries do not move) and deletes their tickets.
-- For the privacy domain's erasure to call with the customer's email hashes.
create function private.erase_review_support_contacts(p_workspace_id uuid, p_email_sha256 text[]) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  n_reviews integer;
  n_tickets integer;
begin
  update public.reviews set author_email = null, author_name = 'Anonymous'
  where workspace_id = p_workspace_id and author_email is not null
    and private.email_sha256(author_email) = any (coalesce(p_email_sha256, '{}'));
  get diagnostics n_reviews = row_count;
  delete from public.support_tickets
  where workspace_id = p_workspace_id and private.email_sha256(requester_email) = any (coalesce(p_email_sha256, '{}'));
  get diagnostics n_tickets = row_count;
  return jsonb_build_object('reviews_anonymised', n_reviews, 'support_tickets_deleted', n_tickets);
end $$;
comment on function private.erase_review_support_contacts(uuid, text[]) is 'GDPR erasure of shop customers (by email hash) in one workspace: anonymises their reviews and deletes their support tickets; returns the counts.';
grant execute on function private.erase_review_support_contacts(uuid, text[]) to service_role;
