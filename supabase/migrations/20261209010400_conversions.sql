-- Conversions sent back server-side: orders and the storefront's pixel events go to Meta's
-- Conversions API, GA4's Measurement Protocol and TikTok's Events API from the connector queue
-- `conversions`, one job per event and destination.
-- - A workspace configures its destinations (public.conversion_destinations): the pixel (Meta
--   dataset, GA4 measurement id, TikTok pixel code), the connection whose credential sends
--   (the Meta or TikTok ad connection's token; for GA4 an API secret stored encrypted as a ga4
--   connection), and whether a visitor's marketing consent is required (default yes).
-- - Events come from the server-side pixel (public.record_conversion_events, which hashes any
--   plaintext email or phone at once and never stores it) and from new orders (a purchase event
--   whose event_id is the Shopify order id, the id the browser pixel sends too, so each platform
--   keeps one of the two). In a workspace with destinations, each new event's status per
--   destination is set on insert: pending (queued), or skipped (not configured, or no consent).
-- - The conversions worker sends in batches (Meta and TikTok up to 1,000 events a request, GA4
--   one) and reports each job (private.finish_conversion_jobs): sent, retried with backoff, or
--   failed (a dead letter, with the error on the event); the hourly pixel accuracy of the hours
--   it touched is recomputed from these real results at once.
-- Workspaces without destinations keep the earlier behaviour: an external forwarder reports
-- statuses through record_pixel_events, and nothing is queued.

create type public.conversion_destination as enum ('meta', 'ga4', 'tiktok');
comment on type public.conversion_destination is 'Where conversions are sent server-side: Meta''s Conversions API, GA4''s Measurement Protocol, TikTok''s Events API.';


create table public.conversion_destinations (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  destination public.conversion_destination not null,
  connection_id uuid not null,
  pixel_id text not null constraint conversion_destinations_pixel_id_format check (
    (destination = 'meta' and pixel_id ~ '^\d{5,20}$') or (destination = 'ga4' and pixel_id ~ '^G-[A-Z0-9]{4,16}$')
    or (destination = 'tiktok' and pixel_id ~ '^[A-Z0-9]{10,30}$')),
  enabled boolean not null default true,
  require_consent boolean not null default true,
  test_event_code text check (char_length(test_event_code) between 1 and 64),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, destination),
  foreign key (workspace_id, connection_id) references public.integration_connections (workspace_id, id) on delete cascade
);
comment on table public.conversion_destinations is 'Per workspace and platform: where its conversions are sent server-side and with which connection''s credential. Admins manage them.';
comment on column public.conversion_destinations.pixel_id is 'Meta: the pixel (dataset) id; GA4: the measurement id (G-...); TikTok: the pixel code.';
comment on column public.conversion_destinations.connection_id is 'The credential that sends: the workspace''s meta, tiktok or ga4 connection (for GA4 the API secret, stored encrypted).';
comment on column public.conversion_destinations.require_consent is 'When true (the default), an event is sent only with the visitor''s marketing consent; others are skipped.';
comment on column public.conversion_destinations.test_event_code is 'Meta''s or TikTok''s test event code: events show in the platform''s test tool and are not counted.';
create index conversion_destinations_connection_idx on public.conversion_destinations (workspace_id, connection_id);
select private.install_row_triggers('public.conversion_destinations');

create function private.check_conversion_destination() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  p public.integration_provider;
begin
  if private.is_end_user() then
    perform private.require_workspace_role(new.workspace_id, 'admin');  -- before saying anything about connections
  end if;
  select c.provider into p from public.integration_connections c where c.id = new.connection_id and c.workspace_id = new.workspace_id;
  if not found then
    raise exception 'connection % is not one of this workspace''s', new.connection_id using errcode = '22023';
  elsif p is distinct from new.destination::text::public.integration_provider then
    raise exception 'a % destination sends with the workspace''s % connection', new.destination, new.destination
      using errcode = '22023';
  end if;
  return new;
end $$;
comment on function private.check_conversion_destination() is 'BEFORE INSERT/UPDATE on conversion_destinations: an admin''s (42501 otherwise), and the credential is the workspace''s own connection of the same platform (22023).';
create trigger check_conversion_destination before insert or update of destination, connection_id on public.conversion_destinations
  for each row execute function private.check_conversion_destination();

-- ===== what events carry for the platforms
alter table public.pixel_events
  add column marketing_consent boolean,
  add column user_data jsonb not null default '{}'::jsonb constraint pixel_events_user_data_object check (jsonb_typeof(user_data) = 'object');
comment on column public.pixel_events.marketing_consent is 'The visitor''s marketing consent when the event happened (true, false, or null: unknown). Destinations that require consent skip events without it.';
comment on column public.pixel_events.user_data is 'What the platforms match the event with, hashed where they ask for hashes: em, ph, external_id (SHA-256 hex of the normalised value), fbp, fbc, ttp, ttclid, gclid, ga_client_id, client_user_agent, page_url. Never a plaintext email or phone.';
create index pixel_events_visitor_consent_idx on public.pixel_events (workspace_id, visitor_id, occurred_at desc)
  where marketing_consent is not null;

-- Each new event's status per destination, in workspaces that send conversions themselves.
create function private.pixel_event_destinations() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  d record;
  next_status public.pixel_delivery_status;
begin
  if not exists (select 1 from public.conversion_destinations c where c.workspace_id = new.workspace_id) then
    return new;  -- an external forwarder reports statuses (record_pixel_events)
  end if;
  for d in select dest, c.enabled, c.require_consent, c.destination is not null as configured
           from unnest(enum_range(null::public.conversion_destination)) dest
           left join public.conversion_destinations c on c.workspace_id = new.workspace_id and c.destination = dest loop
    next_status := case when d.configured and d.enabled and (not d.require_consent or new.marketing_consent is true)
                        then 'pending' else 'skipped' end;
    case d.dest
      when 'meta' then if new.meta_status = 'pending' then new.meta_status := next_status; end if;
      when 'ga4' then if new.ga4_status = 'pending' then new.ga4_status := next_status; end if;
      when 'tiktok' then if new.tiktok_status = 'pending' then new.tiktok_status := next_status; end if;
    end case;
  end loop;
  return new;
end $$;
comment on function private.pixel_event_destinations() is 'BEFORE INSERT on pixel_events, in workspaces with conversion destinations: a destination still pending is queued (stays pending) when it is configured, enabled and the visitor consented where consent is required; skipped otherwise.';
create trigger pixel_event_destinations before insert on public.pixel_events
  for each row execute function private.pixel_event_destinations();

create function private.queue_pixel_event_deliveries() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  jobs jsonb;
begin
  select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'connection_id', d.connection_id,
           'idempotency_key', format('%s:%s:%s:%s', d.destination, n.workspace_id, n.event_id, n.occurred_at),
           'payload', jsonb_build_object('destination', d.destination, 'event_id', n.event_id, 'occurred_at', n.occurred_at),
           'priority', case when n.event_name = 'purchase' then 10 else 100 end))
  into jobs
  from new_rows n
  join public.conversion_destinations d on d.workspace_id = n.workspace_id and d.enabled
  where (d.destination = 'meta' and n.meta_status = 'pending') or (d.destination = 'ga4' and n.ga4_status = 'pending')
     or (d.destination = 'tiktok' and n.tiktok_status = 'pending');
  if jobs is not null then
    perform private.enqueue_connector_jobs('conversions', jobs);
  end if;
  return null;
end $$;
comment on function private.queue_pixel_event_deliveries() is 'AFTER INSERT statement trigger on pixel_events: one conversions job per new event and destination still pending, keyed by destination, workspace, event id and time (the same event is never sent twice by us).';
create trigger queue_pixel_event_deliveries after insert on public.pixel_events
  referencing new table as new_rows for each statement execute function private.queue_pixel_event_deliveries();

-- ===== purchases from orders
create function private.order_purchase_events() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.conversion_destinations c
                 where c.workspace_id in (select n.workspace_id from new_orders n) and c.enabled) then
    return null;
  end if;
  insert into public.pixel_events (workspace_id, event_id, event_name, visitor_id, shopify_order_id, value_cents, currency,
                                   occurred_at, marketing_consent, user_data)
  select o.workspace_id, o.shopify_order_id, 'purchase', o.visitor_id, o.shopify_order_id, o.total_price_cents, o.currency,
    o.processed_at,
    (select e.marketing_consent from public.pixel_events e
     where e.workspace_id = o.workspace_id and e.visitor_id = o.visitor_id and e.marketing_consent is not null
     order by e.occurred_at desc limit 1),
    jsonb_strip_nulls(jsonb_build_object(
      'em', o.email_sha256, 'ph', cu.phone_sha256,
      'external_id', case when cu.shopify_customer_id is not null then private.sha256_hex(cu.shopify_customer_id) end,
      'fbc', case when o.fbclid is not null
                  then format('fb.1.%s.%s', (extract(epoch from o.processed_at) * 1000)::bigint, o.fbclid) end,
      'ttclid', o.ttclid, 'gclid', o.gclid, 'ga_client_id', o.visitor_id,
      'page_url', case when o.landing_site ~ '^https?://' then left(o.landing_site, 2048) end))
  from new_orders o
  left join public.customers cu on cu.workspace_id = o.workspace_id and cu.id = o.customer_id
  where o.cancelled_at is null
    and exists (select 1 from public.conversion_destinations c where c.workspace_id = o.workspace_id and c.enabled)
    and not exists (select 1 from public.pixel_events e where e.workspace_id = o.workspace_id
                    and e.shopify_order_id = o.shopify_order_id and e.event_name = 'purchase')
  on conflict (workspace_id, event_id, occurred_at) do nothing;
  return null;
end $$;
comment on function private.order_purchase_events() is 'AFTER INSERT statement trigger on orders, in workspaces with conversion destinations: a purchase pixel event per new uncancelled order (event_id = the Shopify order id, as the browser pixel sends it; value and currency of the order; hashed email, phone and customer id, click ids, the visitor''s last known consent), unless the order already has one.';
create trigger order_purchase_events after insert on public.orders
  referencing new table as new_orders for each statement execute function private.order_purchase_events();

-- ===== the server-side pixel's events
-- One event's user data: hashes as 64 hex characters (a plaintext email or phone is hashed here),
-- browser ids as short strings; null when it is fine, else 'user_data.field: reason'.
create function private.conversion_user_data_problem(p jsonb) returns text
language plpgsql immutable set search_path = '' as $$
declare
  k text;
begin
  if p is null or p = 'null'::jsonb then
    return null;
  elsif jsonb_typeof(p) <> 'object' then
    return 'user_data: must be an object';
  end if;
  for k in select jsonb_object_keys(p) loop
    if k not in ('em', 'ph', 'external_id', 'email', 'phone', 'fbp', 'fbc', 'ttp', 'ttclid', 'gclid', 'ga_client_id',
                 'client_user_agent', 'page_url') then
      return format('user_data.%s: not a field the platforms take', k);
    elsif k in ('em', 'ph', 'external_id') and coalesce(p ->> k, '') !~ '^[0-9a-f]{64}$' then
      return format('user_data.%s: must be the SHA-256 of the normalised value (64 lowercase hex)', k);
    elsif k = 'email' and coalesce(btrim(p ->> k), '') !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
      return 'user_data.email: is not an email address';
    elsif k = 'phone' and coalesce(length(regexp_replace(p ->> k, '[^0-9]', '', 'g')), 0) < 6 then
      return 'user_data.phone: is not a phone number';
    elsif jsonb_typeof(p -> k) <> 'string'
          or char_length(p ->> k) > (case when k in ('client_user_agent', 'page_url') then 2048 else 256 end) then
      return format('user_data.%s: must be a string of at most %s characters', k,
                    case when k in ('client_user_agent', 'page_url') then 2048 else 256 end);
    end if;
  end loop;
  return null;
end $$;
comment on function private.conversion_user_data_problem(jsonb) is 'Checks an event''s user_data for record_conversion_events: known fields, hashes as SHA-256 hex, plaintext email or phone well formed (they are hashed before anything is stored).';

create function public.record_conversion_events(p_workspace_id uuid, p_events jsonb)
returns table (inserted integer, duplicates integer)
language plpgsql volatile set search_path = '' as $$
declare
  bad record;
  n integer;
begin
  if private.is_end_user() then
    raise exception 'conversion events are recorded by the server-side pixel (service role) only' using errcode = '42501';
  end if;
  if p_workspace_id is null or jsonb_typeof(p_events) is distinct from 'array' then
    raise exception 'p_workspace_id and p_events (a JSON array of events) are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('conversion events', jsonb_array_length(p_events), 1000);
  if not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'no such workspace' using errcode = 'PT404';
  end if;
  select x.idx, x.problem into bad from (
    select e.ordinality - 1 as idx,
      coalesce(private.pixel_event_problem(e.value - 'ga4_status' - 'meta_status' - 'tiktok_status',
                 date_trunc('month', now()) - interval '13 months'),
               case when e.value ? 'marketing_consent' and jsonb_typeof(e.value -> 'marketing_consent') not in ('boolean', 'null')
                    then 'marketing_consent: must be true, false or null' end,
               private.conversion_user_data_problem(e.value -> 'user_data')) as problem
    from jsonb_array_elements(p_events) with ordinality e) x
  where x.problem is not null order by x.idx limit 1;
  if found then
    raise exception 'events[%].%', bad.idx, bad.problem using errcode = '22023';
  end if;
  insert into public.pixel_events (workspace_id, event_id, event_name, visitor_id, shopify_order_id, value_cents, currency,
                                   occurred_at, marketing_consent, user_data)
  select p_workspace_id, e ->> 'event_id', e ->> 'event_name', e ->> 'visitor_id', e ->> 'shopify_order_id',
    (e ->> 'value_cents')::bigint, e ->> 'currency', (e ->> 'occurred_at')::timestamptz, (e ->> 'marketing_consent')::boolean,
    jsonb_strip_nulls(coalesce(e -> 'user_data', '{}') - 'email' - 'phone'
      || jsonb_build_object('em', coalesce(e #>> '{user_data,em}', private.email_sha256(e #>> '{user_data,email}')),
                            'ph', coalesce(e #>> '{user_data,ph}', private.phone_sha256(e #>> '{user_data,phone}'))))
  from jsonb_array_elements(p_events) e
  on conflict (workspace_id, event_id, occurred_at) do nothing;
  get diagnostics n = row_count;
  return query select n, jsonb_array_length(p_events) - n;
end $$;
comment on function public.record_conversion_events(uuid, jsonb) is 'Server-side pixel (service role): records up to 1000 events to send to the workspace''s destinations: {event_id, event_name, occurred_at, visitor_id?, shopify_order_id?, value_cents?, currency?, marketing_consent?, user_data?: {em | email, ph | phone, external_id, fbp, fbc, ttp, ttclid, gclid, ga_client_id, client_user_agent, page_url}}. A plaintext email or phone is hashed (normalised SHA-256) and not stored. An event id and time already recorded is a duplicate and changes nothing. All or nothing: 22023 naming the row and field, PT413 over 1000, 42501 for users.';

-- ===== the worker's side
select private.register_connector_queue('conversions', 'conversions',
  'Server-side conversions to Meta CAPI, GA4 MP and TikTok Events: one job per pixel event and destination (pixel_events statuses).',
  p_lease => interval '1 minute', p_one_per_connection => false, p_keep_done => interval '3 days');

-- What the worker sends for each claimed job: the destination and the event.
create function private.conversion_batch(p_job_ids bigint[])
returns table (job_id bigint, destination public.conversion_destination, pixel_id text, test_event_code text,
               event_name text, event_id text, occurred_at timestamptz, value numeric, currency char(3),
               marketing_consent boolean, user_data jsonb, shopify_order_id text, visitor_id text)
language sql stable security definer set search_path = '' as $$
  select j.id, d.destination, d.pixel_id, d.test_event_code, e.event_name, e.event_id, e.occurred_at,
         e.value_cents / power(10::numeric, coalesce(private.currency_exponent(e.currency), 2)),
         e.currency, e.marketing_consent, e.user_data, e.shopify_order_id, e.visitor_id
  from private.connector_jobs j
  join public.conversion_destinations d on d.workspace_id = j.workspace_id
    and d.destination = (j.payload ->> 'destination')::public.conversion_destination
  join public.pixel_events e on e.workspace_id = j.workspace_id and e.event_id = j.payload ->> 'event_id'
    and e.occurred_at = (j.payload ->> 'occurred_at')::timestamptz
  where j.id = any (p_job_ids) and j.queue = 'conversions'
$$;
comment on function private.conversion_batch(bigint[]) is 'The conversions worker: each claimed job''s destination (pixel, test code) and event (name, id, time, value in major units of its currency, consent, hashed user data). A job whose event or destination is gone is not returned.';

-- The worker's report: [{job_id, lease_id, outcome, error, next_attempt_at, provider_ref}].
create function private.finish_conversion_jobs(p_results jsonb) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  fin jsonb;
  w record;
begin
  if jsonb_typeof(p_results) is distinct from 'array' then
    raise exception 'p_results must be a JSON array' using errcode = '22023';
  end if;
  perform private.require_batch_size('results', jsonb_array_length(p_results), 1000);
  -- each job finished by the queue's rules (retry, backoff, dead letter), with its new status
  select coalesce(jsonb_agg(jsonb_build_object('workspace_id', j.workspace_id, 'destination', j.payload ->> 'destination',
           'event_id', j.payload ->> 'event_id', 'occurred_at', j.payload ->> 'occurred_at', 'error', x.error,
           'status', private.finish_connector_job(x.job_id, x.lease_id, x.outcome::private.connector_job_outcome, x.error,
                                                  x.next_attempt_at, null, x.provider_ref))), '[]')
  into fin
  from jsonb_to_recordset(p_results) x (job_id bigint, lease_id uuid, outcome text, error text, next_attempt_at timestamptz,
                                        provider_ref text)
  join private.connector_jobs j on j.id = x.job_id and j.queue = 'conversions';

  -- the events' statuses: sent, or failed with the error (one update per event, whatever its destinations)
  update public.pixel_events e set
    meta_status = coalesce(u.meta, e.meta_status), ga4_status = coalesce(u.ga4, e.ga4_status),
    tiktok_status = coalesce(u.tiktok, e.tiktok_status), last_error = coalesce(u.error, e.last_error)
  from (
    select f.workspace_id, f.event_id, f.occurred_at,
      max(case when f.destination = 'meta' then f.delivery end)::public.pixel_delivery_status as meta,
      max(case when f.destination = 'ga4' then f.delivery end)::public.pixel_delivery_status as ga4,
      max(case when f.destination = 'tiktok' then f.delivery end)::public.pixel_delivery_status as tiktok,
      left(string_agg(f.destination || ': ' || f.error, '; ') filter (where f.delivery = 'failed'), 2000) as error
    from (select g.*, case g.status when 'done' then 'sent' when 'dead' then 'failed' end as delivery
          from jsonb_to_recordset(fin) g (workspace_id uuid, destination text, event_id text, occurred_at timestamptz,
                                          error text, status text)) f
    where f.delivery is not null
    group by f.workspace_id, f.event_id, f.occurred_at
  ) u
  where e.workspace_id = u.workspace_id and e.event_id = u.event_id and e.occurred_at = u.occurred_at;

  -- the hourly accuracy of the hours these results touched, from them
  for w in select f.workspace_id, min(f.occurred_at) as since
           from jsonb_to_recordset(fin) f (workspace_id uuid, occurred_at timestamptz, status text)
           where f.status in ('done', 'dead') group by f.workspace_id loop
    perform private.refresh_pixel_accuracy(w.since, w.workspace_id);
  end loop;

  return coalesce((select jsonb_object_agg(k, n) from (
    select coalesce(f.status, 'lease_lost') as k, count(*) as n
    from jsonb_to_recordset(fin) f (status text) group by 1) c), '{}');
end $$;
comment on function private.finish_conversion_jobs(jsonb) is 'The conversions worker''s report on a batch, in one transaction: each job finished under its lease (sent, retried with backoff, dead), each event''s destination statuses set from the results (sent; failed with the error on a dead letter), and the pixel accuracy of the touched hours recomputed. Returns counts by new job status.';

-- ===== GA4: an API secret as the connection's credential
create function private.connect_with_secret(p_workspace_id uuid, p_provider public.integration_provider,
  p_external_account_id text, p_access_token_ciphertext text, p_key_id text)
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  cid uuid;
begin
  if p_provider <> 'ga4' then
    raise exception 'only ga4 connects with a secret; other providers connect through OAuth' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'admin');
  perform set_config('growthbase.credential_reason', 'api secret stored', true);
  insert into public.integration_connections as c (workspace_id, provider, external_account_id, status, connected_by, last_refreshed_at,
                                                   metadata)
  values (p_workspace_id, p_provider, p_external_account_id, 'active', (select auth.uid()), now(), '{"connected_via": "secret"}')
  on conflict (workspace_id, provider, external_account_id) do update set status = 'active', connected_by = excluded.connected_by,
    last_refreshed_at = now(), last_error = null
  returning c.id into cid;
  insert into private.integration_tokens as t (connection_id, access_token_ciphertext, key_id)
  values (cid, p_access_token_ciphertext, p_key_id)
  on conflict (connection_id) do update set access_token_ciphertext = excluded.access_token_ciphertext, key_id = excluded.key_id;
  return cid;
end $$;
comment on function private.connect_with_secret(uuid, public.integration_provider, text, text, text) is 'The oauth function''s secret route, as the admin: a ga4 connection (the measurement id) with its API secret''s ciphertext, made or replaced; 42501 for non-admins. Returns the connection id.';

-- ===== access
alter table public.conversion_destinations enable row level security;
grant select, insert, delete on public.conversion_destinations to authenticated;
grant update (connection_id, pixel_id, enabled, require_consent, test_event_code) on public.conversion_destinations to authenticated;
grant all on public.conversion_destinations to service_role;
select private.tenant_policies('public.conversion_destinations', 'admin', 'admin');

revoke all on function private.check_conversion_destination() from public;
revoke all on function private.pixel_event_destinations() from public;
revoke all on function private.queue_pixel_event_deliveries() from public;
revoke all on function private.order_purchase_events() from public;
revoke all on function private.conversion_user_data_problem(jsonb) from public;
revoke all on function public.record_conversion_events(uuid, jsonb) from public;
revoke all on function private.conversion_batch(bigint[]) from public;
revoke all on function private.finish_conversion_jobs(jsonb) from public;
revoke all on function private.connect_with_secret(uuid, public.integration_provider, text, text, text) from public;
grant execute on function public.record_conversion_events(uuid, jsonb) to authenticated, service_role;
grant execute on function private.conversion_user_data_problem(jsonb), private.conversion_batch(bigint[]),
  private.finish_conversion_jobs(jsonb) to service_role;
grant execute on function private.connect_with_secret(uuid, public.integration_provider, text, text, text) to authenticated;
