-- Pixel events: the conversion events a server-side pixel forwards to GA4, Meta and TikTok, with
-- each destination's delivery status (high volume, partitioned by month, 13 months kept), and the
-- hourly accuracy rollup against Shopify orders (RAWDOG's Elevar-style pixel_accuracy_hourly):
-- of the orders processed in an hour, how many had a purchase event that reached each destination.

create type public.pixel_delivery_status as enum ('pending', 'sent', 'failed', 'skipped');
comment on type public.pixel_delivery_status is 'Delivery of a pixel event to one destination: pending (not tried yet), sent (accepted), failed (gave up or rejected), skipped (not configured or filtered out).';

create table public.pixel_events (
  id bigint generated always as identity,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  event_id text not null constraint pixel_events_event_id_length check (char_length(event_id) between 1 and 128),
  event_name text not null constraint pixel_events_event_name_format check (event_name ~ '^[a-z][a-z0-9_]{0,63}$'),
  visitor_id text constraint pixel_events_visitor_id_format check (private.is_visitor_id(visitor_id)),
  shopify_order_id text check (char_length(shopify_order_id) between 1 and 64),
  value_cents bigint check (value_cents >= 0),
  currency char(3) check (currency ~ '^[A-Z]{3}$'),
  ga4_status public.pixel_delivery_status not null default 'pending',
  meta_status public.pixel_delivery_status not null default 'pending',
  tiktok_status public.pixel_delivery_status not null default 'pending',
  last_error text check (char_length(last_error) <= 2000),
  occurred_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, id, occurred_at),
  unique (workspace_id, event_id, occurred_at)
) partition by range (occurred_at);
comment on table public.pixel_events is 'Conversion events forwarded server-side to GA4, Meta and TikTok with each destination''s delivery status. One row per (event_id, occurred_at): the forwarder reports again with the same pair to update statuses. Partitioned by month on occurred_at (private.pixel_events_pYYYYMM), 13 months kept.';
comment on column public.pixel_events.event_id is 'The deduplication id sent to every destination (Meta event_id, GA4 transaction id ...).';
comment on column public.pixel_events.shopify_order_id is 'For purchase events: the Shopify order, matched against orders for the accuracy rollup.';
comment on column public.pixel_events.last_error is 'The last destination error, for failed deliveries.';
create index pixel_events_occurred_idx on public.pixel_events (workspace_id, occurred_at);
create index pixel_events_order_idx on public.pixel_events (workspace_id, shopify_order_id) where shopify_order_id is not null;
create trigger set_updated_at before update on public.pixel_events
  for each row execute function private.set_updated_at();

create table public.pixel_accuracy_hourly (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  hour timestamptz not null constraint pixel_accuracy_hourly_whole_hour check (date_trunc('hour', hour) = hour),
  shopify_orders integer not null check (shopify_orders >= 0),
  tracked_orders integer not null check (tracked_orders >= 0),
  ga4_sent integer not null check (ga4_sent >= 0),
  meta_sent integer not null check (meta_sent >= 0),
  tiktok_sent integer not null check (tiktok_sent >= 0),
  ga4_accuracy numeric(7, 4),
  meta_accuracy numeric(7, 4),
  tiktok_accuracy numeric(7, 4),
  refreshed_at timestamptz not null default now(),
  primary key (workspace_id, hour)
);
comment on table public.pixel_accuracy_hourly is 'Per workspace and hour (by the orders'' processed_at): Shopify orders, those with a purchase pixel event, and those whose purchase event reached GA4, Meta and TikTok, with accuracy = sent / orders (null without orders). Kept by private.refresh_pixel_accuracy() (pg_cron, hourly, the last 48 hours).';
comment on column public.pixel_accuracy_hourly.tracked_orders is 'Orders of the hour with at least one purchase pixel event, whatever its delivery.';

-- Recomputes every hour from p_since on (all workspaces, or one); returns the rows written.
create function private.refresh_pixel_accuracy(p_since timestamptz default now() - interval '48 hours', p_workspace_id uuid default null)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  since timestamptz := date_trunc('hour', p_since);
  n integer;
begin
  delete from public.pixel_accuracy_hourly h
  where h.hour >= since and (p_workspace_id is null or h.workspace_id = p_workspace_id);
  insert into public.pixel_accuracy_hourly as h (workspace_id, hour, shopify_orders, tracked_orders, ga4_sent, meta_sent,
                                                 tiktok_sent, ga4_accuracy, meta_accuracy, tiktok_accuracy)
  select s.workspace_id, s.hour, s.orders, s.tracked, s.ga4, s.meta, s.tiktok,
         round(s.ga4::numeric / s.orders, 4), round(s.meta::numeric / s.orders, 4), round(s.tiktok::numeric / s.orders, 4)
  from (
    select o.workspace_id, date_trunc('hour', o.processed_at) as hour, count(*)::integer as orders,
           count(*) filter (where p.any_event)::integer as tracked,
           count(*) filter (where p.ga4)::integer as ga4,
           count(*) filter (where p.meta)::integer as meta,
           count(*) filter (where p.tiktok)::integer as tiktok
    from public.orders o
    left join lateral (
      select true as any_event, bool_or(e.ga4_status = 'sent') as ga4, bool_or(e.meta_status = 'sent') as meta,
             bool_or(e.tiktok_status = 'sent') as tiktok
      from public.pixel_events e
      where e.workspace_id = o.workspace_id and e.shopify_order_id = o.shopify_order_id and e.event_name = 'purchase'
      having count(*) > 0
    ) p on true
    where o.processed_at >= since and (p_workspace_id is null or o.workspace_id = p_workspace_id)
    group by o.workspace_id, date_trunc('hour', o.processed_at)
  ) s;
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.refresh_pixel_accuracy(timestamptz, uuid) is 'Recomputes pixel_accuracy_hourly for the hours from p_since on (default: the last 48 hours; pass ''-infinity'' to rebuild all). pg_cron runs it hourly (job pixel-accuracy).';
revoke all on function private.refresh_pixel_accuracy(timestamptz, uuid) from public;
grant execute on function private.refresh_pixel_accuracy(timestamptz, uuid) to service_role;
select cron.schedule('pixel-accuracy', '23 * * * *', 'select private.refresh_pixel_accuracy()');

-- One pixel event object of record_pixel_events' batch: the first problem as 'field: reason', or null.
create function private.pixel_event_problem(p jsonb, p_oldest timestamptz) returns text
language plpgsql stable set search_path = '' as $$
declare
  k text;
begin
  if jsonb_typeof(p) is distinct from 'object' then
    return 'row: must be an object';
  end if;
  if jsonb_typeof(p -> 'event_id') is distinct from 'string' or char_length(p ->> 'event_id') not between 1 and 128 then
    return 'event_id: is required (1-128 characters)';
  end if;
  if coalesce(p ->> 'event_name', '') !~ '^[a-z][a-z0-9_]{0,63}$' then
    return 'event_name: is required (lowercase letters, digits and _), e.g. purchase';
  end if;
  if p ->> 'occurred_at' is null or not private.is_timestamptz(p ->> 'occurred_at') then
    return 'occurred_at: is required and must be a timestamp';
  end if;
  if (p ->> 'occurred_at')::timestamptz < p_oldest or (p ->> 'occurred_at')::timestamptz > now() + interval '1 day' then
    return format('occurred_at: must be between %s and tomorrow', p_oldest);
  end if;
  if p ? 'visitor_id' and p -> 'visitor_id' <> 'null'::jsonb and not coalesce(private.is_visitor_id(p ->> 'visitor_id'), false) then
    return 'visitor_id: must be 1-128 letters, digits or . _ : -';
  end if;
  if p ? 'shopify_order_id' and p -> 'shopify_order_id' <> 'null'::jsonb
     and char_length(p ->> 'shopify_order_id') not between 1 and 64 then
    return 'shopify_order_id: must be 1-64 characters';
  end if;
  if p ? 'value_cents' and p -> 'value_cents' <> 'null'::jsonb and not private.is_whole_number(p -> 'value_cents') then
    return 'value_cents: must be a non-negative whole number of cents';
  end if;
  if p ? 'currency' and p -> 'currency' <> 'null'::jsonb and coalesce(p ->> 'currency', '') !~ '^[A-Z]{3}$' then
    return 'currency: must be a three-letter ISO code';
  end if;
  foreach k in array array['ga4_status', 'meta_status', 'tiktok_status'] loop
    if p ? k and not coalesce(p ->> k = any (enum_range(null::public.pixel_delivery_status)::text[]), false) then
      return k || ': must be one of pending, sent, failed, skipped';
    end if;
  end loop;
  if p ? 'error' and p -> 'error' <> 'null'::jsonb and char_length(p ->> 'error') > 2000 then
    return 'error: at most 2000 characters';
  end if;
  return null;
end $$;
comment on function private.pixel_event_problem(jsonb, timestamptz) is 'Validates one element of record_pixel_events'' batch; returns ''field: reason'' or null.';
revoke all on function private.pixel_event_problem(jsonb, timestamptz) from public;
grant execute on function private.pixel_event_problem(jsonb, timestamptz) to service_role;

create function public.record_pixel_events(p_workspace_id uuid, p_events jsonb)
returns table (inserted integer, updated integer)
language plpgsql volatile set search_path = '' as $$
declare
  oldest timestamptz;
  bad record;
  known integer;
begin
  if current_user in ('authenticated', 'anon') then
    raise exception 'pixel events are recorded by the server-side pixel (service role) only' using errcode = '42501';
  end if;
  if p_workspace_id is null or jsonb_typeof(p_events) is distinct from 'array' then
    raise exception 'p_workspace_id and p_events (a JSON array of events) are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('pixel events', jsonb_array_length(p_events), 1000);
  if not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'no such workspace' using errcode = 'PT404';
  end if;
  select date_trunc('month', now()) - make_interval(months => t.retention_months) into oldest
  from private.partitioned_tables t where t.parent = 'public.pixel_events'::regclass;
  select e.ordinality - 1 as idx, private.pixel_event_problem(e.value, oldest) as problem into bad
  from jsonb_array_elements(p_events) with ordinality e
  where private.pixel_event_problem(e.value, oldest) is not null
  order by e.ordinality limit 1;
  if found then
    raise exception 'events[%].%', bad.idx, bad.problem using errcode = '22023';
  end if;
  select min(e.ordinality - 1) as idx into bad from jsonb_array_elements(p_events) with ordinality e
  group by e.value ->> 'event_id', (e.value ->> 'occurred_at')::timestamptz having count(*) > 1 limit 1;
  if found then
    raise exception 'events[%]: the same event_id and occurred_at appear more than once in the batch', bad.idx
      using errcode = '22023';
  end if;

  -- (xmax is not available from a partitioned table's RETURNING: count the known ones first)
  select count(*) into known from jsonb_array_elements(p_events) e
  join public.pixel_events t on t.workspace_id = p_workspace_id and t.event_id = e.value ->> 'event_id'
   and t.occurred_at = (e.value ->> 'occurred_at')::timestamptz;
  insert into public.pixel_events as t (workspace_id, event_id, event_name, visitor_id, shopify_order_id, value_cents,
                                          currency, ga4_status, meta_status, tiktok_status, last_error, occurred_at)
    select p_workspace_id, e ->> 'event_id', e ->> 'event_name', e ->> 'visitor_id', e ->> 'shopify_order_id',
           (e ->> 'value_cents')::bigint, e ->> 'currency',
           coalesce((e ->> 'ga4_status')::public.pixel_delivery_status, 'pending'),
           coalesce((e ->> 'meta_status')::public.pixel_delivery_status, 'pending'),
           coalesce((e ->> 'tiktok_status')::public.pixel_delivery_status, 'pending'),
           e ->> 'error', (e ->> 'occurred_at')::timestamptz
    from jsonb_array_elements(p_events) e
    on conflict (workspace_id, event_id, occurred_at) do update set
      -- a report of pending (or none) never undoes a known outcome
      ga4_status = case when excluded.ga4_status = 'pending' then t.ga4_status else excluded.ga4_status end,
      meta_status = case when excluded.meta_status = 'pending' then t.meta_status else excluded.meta_status end,
      tiktok_status = case when excluded.tiktok_status = 'pending' then t.tiktok_status else excluded.tiktok_status end,
      last_error = coalesce(excluded.last_error, t.last_error),
      visitor_id = coalesce(excluded.visitor_id, t.visitor_id),
      shopify_order_id = coalesce(excluded.shopify_order_id, t.shopify_order_id),
      value_cents = coalesce(excluded.value_cents, t.value_cents),
      currency = coalesce(excluded.currency, t.currency);
  return query select jsonb_array_length(p_events) - known, known;
end $$;
comment on function public.record_pixel_events(uuid, jsonb) is 'Server-side pixel (service role): records up to 1000 pixel events, or updates their delivery statuses (same event_id and occurred_at; a pending status never replaces sent/failed/skipped). All or nothing: 22023 naming the row and field, PT413 over 1000, 42501 for other roles. Returns counts inserted and updated.';
grant execute on function public.record_pixel_events(uuid, jsonb) to authenticated, service_role;

-- ===== access: viewers read; the server-side pixel (service_role) writes
alter table public.pixel_events enable row level security;
alter table public.pixel_accuracy_hourly enable row level security;
grant select on public.pixel_events, public.pixel_accuracy_hourly to authenticated;
grant all on public.pixel_events, public.pixel_accuracy_hourly to service_role;
create policy "viewers read pixel events" on public.pixel_events for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read pixel accuracy" on public.pixel_accuracy_hourly for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
select private.install_tenant_guard('public.pixel_events');
select private.install_tenant_guard('public.pixel_accuracy_hourly');

select private.register_partitioned_table('public.pixel_events', 13);
