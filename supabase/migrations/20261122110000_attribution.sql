-- Attribution: who came from where. Visitors (the storefront's anonymous id) and their devices;
-- customer identities, which reference commerce's customers (email and phone hashes stay there)
-- and gather the visitors a customer has used; touchpoints (every landing with its UTM fields
-- and click ids; high volume, partitioned by month); conversions, one per order.
-- Stitching: when a visitor is identified (an order carrying its visitor id and a customer, or the
-- storefront's identify call) it joins the customer's identity. Touchpoints stay keyed by visitor
-- id, so a journey is every touchpoint of every visitor of the identity: nothing is copied or
-- lost, and touchpoints recorded before identification count from then on.
-- Credits and the report follow below.

-- One channel vocabulary for the whole growth team: where a visit came from (touchpoints,
-- classified by private.classify_channel() into the traffic channels) and where a marketing
-- campaign or content piece runs (the marketing domain).
create type public.marketing_channel as enum (
  'paid_search', 'paid_social', 'display', 'video', 'organic_search', 'organic_social', 'email', 'sms',
  'affiliate', 'influencer', 'referral', 'content', 'events', 'direct_mail', 'direct', 'other'
);

comment on type public.marketing_channel is 'A marketing channel. Touchpoints use the traffic channels (derived from click ids, utm_medium/utm_source and the referrer by private.classify_channel()); campaigns and content may also be video, influencer, content, events or direct_mail. Organic search (SEO) is organic_search.';

create type public.device_type as enum ('desktop', 'mobile', 'tablet', 'other');

comment on type public.device_type is 'Kind of device a visitor used.';

-- ===== settings
create table public.attribution_settings (
  workspace_id uuid primary key references public.workspaces (id) on delete cascade,
  lookback_days integer not null default 30
    constraint attribution_settings_lookback_days_range check (lookback_days between 1 and 365),
  time_decay_half_life_days numeric(6, 2) not null default 7
    constraint attribution_settings_half_life_range check (time_decay_half_life_days > 0 and time_decay_half_life_days <= 365),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.attribution_settings is 'Per-workspace attribution settings; without a row the defaults apply (30-day lookback, 7-day half-life). Changes apply to conversions credited afterwards (private.rebuild_attribution_credits() recredits).';
comment on column public.attribution_settings.lookback_days is 'Touchpoints up to this many days before a conversion are in its journey.';
comment on column public.attribution_settings.time_decay_half_life_days is 'Time-decay model: a touch this many days before the conversion weighs half as much as one at the conversion.';
alter table public.attribution_settings enable row level security;
grant select, insert, update, delete on public.attribution_settings to authenticated;
select private.install_row_triggers('public.attribution_settings');
select private.tenant_policies('public.attribution_settings', 'viewer', 'admin');

-- ===== identities, visitors, devices
create table public.customer_identities (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  customer_id uuid not null unique references public.customers (id) on delete cascade,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id)
);
comment on table public.customer_identities is 'One per customer (commerce) seen in attribution: the identity graph node that gathers the customer''s visitors and devices. Email and phone hashes live on customers; GDPR erasure of the customer removes the identity and unlinks its visitors.';
comment on column public.customer_identities.first_seen_at is 'Earliest activity of any of its visitors known when it was linked.';
alter table public.customer_identities enable row level security;
grant select on public.customer_identities to authenticated;
select private.install_row_triggers('public.customer_identities');
select private.tenant_policy('public.customer_identities', 'select', 'viewer');

create table public.visitors (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  visitor_id text not null constraint visitors_visitor_id_format check (private.is_visitor_id(visitor_id)),
  identity_id uuid,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  identified_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, visitor_id),
  foreign key (workspace_id, identity_id) references public.customer_identities (workspace_id, id)
    on delete set null (identity_id)
);
comment on table public.visitors is 'Storefront visitors by their anonymous id (cookie). identity_id links a visitor to a customer once identified (stitching); its touchpoints then belong to the identity''s journey.';
comment on column public.visitors.visitor_id is 'The storefront''s anonymous visitor id (the same id experiments assign and orders carry).';
comment on column public.visitors.identified_at is 'When the visitor was last linked to an identity.';
alter table public.visitors enable row level security;
grant select on public.visitors to authenticated;
select private.install_row_triggers('public.visitors');
select private.tenant_policy('public.visitors', 'select', 'viewer');

create index visitors_identity_idx on public.visitors (workspace_id, identity_id) where identity_id is not null;

create table public.customer_devices (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  visitor_id text not null,
  fingerprint text not null constraint customer_devices_fingerprint_length check (char_length(fingerprint) between 1 and 128),
  device_type public.device_type not null default 'other',
  browser text check (char_length(browser) <= 64),
  os text check (char_length(os) <= 64),
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, visitor_id, fingerprint),
  foreign key (workspace_id, visitor_id) references public.visitors (workspace_id, visitor_id) on delete cascade
);
comment on table public.customer_devices is 'Devices a visitor used (an opaque fingerprint the storefront computes, device type, browser, OS); an identity''s devices are those of its visitors. No IP addresses are kept.';
comment on column public.customer_devices.fingerprint is 'Opaque device id from the storefront (e.g. a hash it computes); never an IP address.';
alter table public.customer_devices enable row level security;
grant select on public.customer_devices to authenticated;
select private.install_row_triggers('public.customer_devices');
select private.tenant_policy('public.customer_devices', 'select', 'viewer');

-- ===== touchpoints (high volume, monthly partitions, 25 months kept)
create table public.touchpoints (
  id bigint generated always as identity,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  visitor_id text not null,
  channel public.marketing_channel not null,
  source text check (char_length(source) <= 256),
  medium text check (char_length(medium) <= 256),
  campaign text check (char_length(campaign) <= 256),
  utm_content text check (char_length(utm_content) <= 256),
  utm_term text check (char_length(utm_term) <= 256),
  utm_id text check (char_length(utm_id) <= 256),
  gclid text check (char_length(gclid) <= 512),
  fbclid text check (char_length(fbclid) <= 512),
  ttclid text check (char_length(ttclid) <= 512),
  landing_url text check (char_length(landing_url) <= 4096),
  referrer text check (char_length(referrer) <= 4096),
  occurred_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  primary key (workspace_id, id, occurred_at),
  foreign key (workspace_id, visitor_id) references public.visitors (workspace_id, visitor_id) on delete cascade
) partition by range (occurred_at);
comment on table public.touchpoints is 'Marketing touches: one per storefront landing, with source, medium, campaign, UTM fields and click ids. Partitioned by month on occurred_at (private.touchpoints_pYYYYMM), 25 months kept.';
comment on column public.touchpoints.source is 'utm_source, or the referrer''s host when there is none.';
comment on column public.touchpoints.medium is 'utm_medium.';
comment on column public.touchpoints.campaign is 'utm_campaign; joins ad_campaigns.utm_campaign (or external_id) in the report.';
comment on column public.touchpoints.utm_id is 'utm_id (or campaign_id) from the landing URL: the ad platform''s campaign id, matched to ad_campaigns.external_id.';
alter table public.touchpoints enable row level security;
grant select on public.touchpoints to authenticated;
select private.install_row_triggers('public.touchpoints');
select private.tenant_policy('public.touchpoints', 'select', 'viewer');

create index touchpoints_visitor_idx on public.touchpoints (workspace_id, visitor_id, occurred_at);

create index touchpoints_workspace_occurred_idx on public.touchpoints (workspace_id, occurred_at);

-- ===== conversions: one per (uncancelled) order
create table public.conversions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  order_id uuid not null unique references public.orders (id) on delete cascade,
  customer_id uuid references public.customers (id) on delete set null,
  identity_id uuid,
  visitor_id text constraint conversions_visitor_id_format check (private.is_visitor_id(visitor_id)),
  revenue_cents bigint not null check (revenue_cents >= 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  order_channel public.marketing_channel not null,
  order_source text,
  order_medium text,
  order_campaign text,
  order_utm_id text,
  occurred_at timestamptz not null,
  credited_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, identity_id) references public.customer_identities (workspace_id, id)
    on delete set null (identity_id)
);
comment on table public.conversions is 'One per uncancelled order (kept by a trigger on orders): net revenue, the visitor and identity whose touchpoints form its journey, and the order''s own channel for conversions without touchpoints. Credited by pg_cron (attribution_credits).';
comment on column public.conversions.revenue_cents is 'Net revenue of the order (total minus refunds, not below 0). A change recredits the conversion.';
comment on column public.conversions.order_channel is 'Channel of the order itself (its utm fields, click ids and referring site): all the credit goes there when the journey has no touchpoints.';
comment on column public.conversions.credited_at is 'When its credits were stored; null while pending (new, or revenue changed). Reports compute pending conversions on the fly.';
alter table public.conversions enable row level security;
grant select on public.conversions to authenticated;
select private.install_row_triggers('public.conversions');
select private.tenant_policy('public.conversions', 'select', 'viewer');

create index conversions_workspace_occurred_idx on public.conversions (workspace_id, occurred_at);

create index conversions_customer_id_idx on public.conversions (customer_id);

create index conversions_identity_idx on public.conversions (workspace_id, identity_id);

create index conversions_pending_idx on public.conversions (created_at) where credited_at is null;

-- ===== channel classification
create function private.url_host(p_url text) returns text
language sql immutable parallel safe set search_path = '' as $$
  select nullif(lower(regexp_replace((regexp_match(p_url, '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#:]+)'))[1], '^www\.', '')), '')
$$;
comment on function private.url_host(text) is 'Lowercase host of an absolute URL without a leading www., or null.';
grant execute on function private.url_host(text) to authenticated, service_role;

create function private.classify_channel(
  p_source text, p_medium text, p_gclid text, p_fbclid text, p_ttclid text, p_referrer text)
returns public.marketing_channel
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  s text := lower(coalesce(p_source, ''));
  m text := lower(coalesce(p_medium, ''));
  host text;
  social_src boolean;
begin
  if p_gclid is not null then
    return 'paid_search'::public.marketing_channel;
  elsif p_ttclid is not null then
    return 'paid_social'::public.marketing_channel;
  end if;
  social_src := s ~ '(facebook|^fb$|instagram|^ig$|meta|tiktok|pinterest|snapchat|twitter|^x$|linkedin|reddit|youtube)';
  if m ~ '^(cpc|ppc|paid|paid[ _-]?search|sem|search[ _-]?ads?)$' then
    return (case when social_src then 'paid_social' else 'paid_search' end)::public.marketing_channel;
  elsif m ~ '^(paid[ _-]?social|social[ _-]?paid|cpm|cpv|paid[ _-]?video)$' then
    return 'paid_social'::public.marketing_channel;
  elsif p_fbclid is not null and m ~ '(paid|cpc|ad)' then
    return 'paid_social'::public.marketing_channel;
  elsif m ~ '^(display|banner|programmatic|retargeting)$' then
    return 'display'::public.marketing_channel;
  elsif m ~ '^e[ _-]?mail' or s ~ '(klaviyo|mailchimp|newsletter|omnisend)' then
    return 'email'::public.marketing_channel;
  elsif m in ('sms', 'text', 'mms') or s in ('attentive', 'postscript') then
    return 'sms'::public.marketing_channel;
  elsif m ~ 'affiliate|partner' then
    return 'affiliate'::public.marketing_channel;
  end if;
  host := nullif(lower(regexp_replace((regexp_match(p_referrer, '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#:]+)'))[1], '^www\.', '')), '');
  if m ~ 'social' or social_src or p_fbclid is not null
     or (m = '' and coalesce(host ~ '(^|\.)(facebook\.com|instagram\.com|t\.co|twitter\.com|x\.com|tiktok\.com|pinterest\.[a-z.]+|linkedin\.com|reddit\.com|youtube\.com|l\.facebook\.com|lm\.facebook\.com)$', false)) then
    return 'organic_social'::public.marketing_channel;
  elsif m = 'organic'
     or (m = '' and s = '' and coalesce(host ~ '(^|\.)(google\.[a-z.]+|bing\.com|duckduckgo\.com|search\.yahoo\.com|yahoo\.com|ecosia\.org|baidu\.com|yandex\.[a-z.]+|search\.brave\.com)$', false)) then
    return 'organic_search'::public.marketing_channel;
  elsif m = 'referral' or (m = '' and s = '' and host is not null) then
    return 'referral'::public.marketing_channel;
  elsif s <> '' or m <> '' then
    return 'other'::public.marketing_channel;
  end if;
  return 'direct'::public.marketing_channel;
end $$;
comment on function private.classify_channel(text, text, text, text, text, text) is 'Channel of a touch from utm_source, utm_medium, click ids (gclid: paid search, ttclid: paid social, fbclid: social) and the referrer''s host (search engines, social networks, other sites); direct when there is nothing.';
grant execute on function private.classify_channel(text, text, text, text, text, text) to authenticated, service_role;

-- ===== stitching (SECURITY DEFINER: called from the order trigger and the storefront)
-- Links a visitor to the customer's identity (creating either when missing). A visitor already
-- linked to another identity moves to this one: the latest identification wins, and its
-- touchpoints move with it because they are keyed by visitor id.
create function private.stitch_visitor(p_workspace_id uuid, p_visitor_id text, p_customer_id uuid, p_at timestamptz default now())
returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  ident uuid;
  first_at timestamptz;
begin
  insert into public.customer_identities as i (workspace_id, customer_id, first_seen_at, last_seen_at)
  values (p_workspace_id, p_customer_id, p_at, p_at)
  on conflict (customer_id) do update set last_seen_at = greatest(i.last_seen_at, excluded.last_seen_at)
  returning i.id into ident;
  if p_visitor_id is null then
    return ident;
  end if;
  insert into public.visitors as v (workspace_id, visitor_id, identity_id, first_seen_at, last_seen_at, identified_at)
  values (p_workspace_id, p_visitor_id, ident, p_at, p_at, p_at)
  on conflict (workspace_id, visitor_id) do update set
    identity_id = excluded.identity_id,
    identified_at = excluded.identified_at,
    first_seen_at = least(v.first_seen_at, excluded.first_seen_at),
    last_seen_at = greatest(v.last_seen_at, excluded.last_seen_at)
  where v.identity_id is distinct from excluded.identity_id or v.first_seen_at > excluded.first_seen_at
     or v.last_seen_at < excluded.last_seen_at
  returning v.first_seen_at into first_at;
  update public.customer_identities set first_seen_at = least(first_seen_at, first_at)
  where id = ident and first_at is not null and first_seen_at > first_at;
  return ident;
end $$;
comment on function private.stitch_visitor(uuid, text, uuid, timestamp with time zone) is 'Identity stitching: links a visitor to the customer''s identity (made when missing); returns the identity id. Touchpoints are keyed by visitor id, so history is kept.';

-- Orders become conversions; an order with a visitor id and a customer stitches the visitor.
-- Set-based, once per statement: an order batch (500 orders from the webhook pipeline) costs a
-- few statements, not four per order (measured: 120 ms of a 240 ms batch before).
create function private.orders_to_conversions() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.conversions c using changed n where c.order_id = n.id and n.cancelled_at is not null;

  -- Each customer's identity (made when missing).
  insert into public.customer_identities as i (workspace_id, customer_id, first_seen_at, last_seen_at)
  select n.workspace_id, n.customer_id, min(n.processed_at), max(n.processed_at)
  from changed n where n.cancelled_at is null and n.customer_id is not null
  group by n.workspace_id, n.customer_id
  on conflict (customer_id) do update set last_seen_at = greatest(i.last_seen_at, excluded.last_seen_at);

  -- Visitors: an order with a customer links its visitor to the customer's identity (the latest
  -- identification wins); without one it only widens the visitor's seen range.
  with seen as (
    select distinct on (n.workspace_id, n.visitor_id)
           n.workspace_id, n.visitor_id, i.id as identity_id,
           min(n.processed_at) over w as first_at, max(n.processed_at) over w as last_at,
           case when i.id is not null then n.processed_at end as identified_at
    from changed n left join public.customer_identities i on i.customer_id = n.customer_id
    where n.cancelled_at is null and n.visitor_id is not null
    window w as (partition by n.workspace_id, n.visitor_id)
    order by n.workspace_id, n.visitor_id, (i.id is not null) desc, n.processed_at desc
  ), up as (
    insert into public.visitors as v (workspace_id, visitor_id, identity_id, first_seen_at, last_seen_at, identified_at)
    select s.workspace_id, s.visitor_id, s.identity_id, s.first_at, s.last_at, s.identified_at from seen s
    on conflict (workspace_id, visitor_id) do update set
      identity_id = coalesce(excluded.identity_id, v.identity_id),
      identified_at = coalesce(excluded.identified_at, v.identified_at),
      first_seen_at = least(v.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(v.last_seen_at, excluded.last_seen_at)
    where (excluded.identity_id is not null and v.identity_id is distinct from excluded.identity_id)
       or v.first_seen_at > excluded.first_seen_at or v.last_seen_at < excluded.last_seen_at
    returning v.identity_id, v.first_seen_at
  )
  update public.customer_identities i set first_seen_at = f.first_at
  from (select up.identity_id, min(up.first_seen_at) as first_at from up where up.identity_id is not null group by 1) f
  where i.id = f.identity_id and i.first_seen_at > f.first_at;

  insert into public.conversions as c (
    workspace_id, order_id, customer_id, identity_id, visitor_id, revenue_cents, currency,
    order_channel, order_source, order_medium, order_campaign, order_utm_id, occurred_at)
  select n.workspace_id, n.id, n.customer_id, i.id, n.visitor_id,
         greatest(n.total_price_cents - n.total_refunded_cents, 0), n.currency,
         private.classify_channel(n.utm_source, n.utm_medium, n.gclid, n.fbclid, n.ttclid, n.referring_site),
         coalesce(n.utm_source, private.url_host(n.referring_site)), n.utm_medium, n.utm_campaign,
         coalesce(private.url_param(n.landing_site, 'utm_id'), private.url_param(n.landing_site, 'campaign_id')),
         n.processed_at
  from changed n left join public.customer_identities i on i.customer_id = n.customer_id
  where n.cancelled_at is null
  on conflict (order_id) do update set
    customer_id = excluded.customer_id, identity_id = excluded.identity_id, visitor_id = excluded.visitor_id,
    revenue_cents = excluded.revenue_cents, currency = excluded.currency, order_channel = excluded.order_channel,
    order_source = excluded.order_source, order_medium = excluded.order_medium, order_campaign = excluded.order_campaign,
    order_utm_id = excluded.order_utm_id, occurred_at = excluded.occurred_at,
    credited_at = null
  where (c.customer_id, c.identity_id, c.visitor_id, c.revenue_cents, c.currency, c.order_channel, c.order_source,
         c.order_medium, c.order_campaign, c.order_utm_id, c.occurred_at)
        is distinct from
        (excluded.customer_id, excluded.identity_id, excluded.visitor_id, excluded.revenue_cents, excluded.currency,
         excluded.order_channel, excluded.order_source, excluded.order_medium, excluded.order_campaign,
         excluded.order_utm_id, excluded.occurred_at);
  return null;
end $$;
comment on function private.orders_to_conversions() is 'AFTER INSERT/UPDATE statement trigger on orders: keeps each order''s conversion (removed when cancelled; pending again, credited_at null, when its revenue, customer, visitor or time changes) and stitches orders'' visitors to their customers, set-based.';

create trigger attribution_conversions_insert after insert on public.orders
  referencing new table as changed for each statement execute function private.orders_to_conversions();

create trigger attribution_conversions_update after update on public.orders
  referencing new table as changed for each statement execute function private.orders_to_conversions();

-- ===== storefront (anon): touchpoints and identification. SECURITY INVOKER RPCs in public
-- validate, then call their SECURITY DEFINER half private.anon_* (the project's convention).
create function private.anon_track_touchpoint(
  p_workspace_id uuid, p_visitor_id text, p_landing_url text, p_referrer text default null, p_device jsonb default null)
returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  src text := private.url_param(p_landing_url, 'utm_source');
  med text := private.url_param(p_landing_url, 'utm_medium');
  g text := private.url_param(p_landing_url, 'gclid');
  fb text := private.url_param(p_landing_url, 'fbclid');
  tt text := private.url_param(p_landing_url, 'ttclid');
  tid bigint;
begin
  if p_workspace_id is null or not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'no such workspace' using errcode = 'PT404';
  end if;
  insert into public.visitors as v (workspace_id, visitor_id) values (p_workspace_id, p_visitor_id)
  on conflict (workspace_id, visitor_id) do update set last_seen_at = now();
  if p_device is not null then
    insert into public.customer_devices as d (workspace_id, visitor_id, fingerprint, device_type, browser, os)
    values (p_workspace_id, p_visitor_id, p_device ->> 'fingerprint',
            coalesce((p_device ->> 'type')::public.device_type, 'other'), p_device ->> 'browser', p_device ->> 'os')
    on conflict (workspace_id, visitor_id, fingerprint) do update set last_seen_at = now(),
      device_type = excluded.device_type, browser = coalesce(excluded.browser, d.browser), os = coalesce(excluded.os, d.os);
  end if;
  insert into public.touchpoints (workspace_id, visitor_id, channel, source, medium, campaign, utm_content, utm_term, utm_id,
                                  gclid, fbclid, ttclid, landing_url, referrer)
  values (p_workspace_id, p_visitor_id, private.classify_channel(src, med, g, fb, tt, p_referrer),
          coalesce(src, private.url_host(p_referrer)), med, private.url_param(p_landing_url, 'utm_campaign'),
          private.url_param(p_landing_url, 'utm_content'), private.url_param(p_landing_url, 'utm_term'),
          coalesce(private.url_param(p_landing_url, 'utm_id'), private.url_param(p_landing_url, 'campaign_id')),
          g, fb, tt, p_landing_url, p_referrer)
  returning id into tid;
  return tid;
end $$;
comment on function private.anon_track_touchpoint(uuid, text, text, text, jsonb) is 'Definer half of public.track_touchpoint (which validates the input): the visitor, its device and the touchpoint with channel, UTM fields and click ids parsed from the landing URL.';
grant execute on function private.anon_track_touchpoint(uuid, text, text, text, jsonb) to anon, authenticated, service_role;

create function public.track_touchpoint(
  p_workspace_id uuid, p_visitor_id text, p_landing_url text, p_referrer text default null, p_device jsonb default null)
returns bigint
language plpgsql volatile set search_path = '' as $$
begin
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_landing_url is null or char_length(p_landing_url) > 4096 or p_landing_url !~ '^(https?://[^\s]+|/[^\s]*)$' then
    raise exception 'p_landing_url must be an http(s) URL or a path, at most 4096 characters' using errcode = '22023';
  end if;
  if p_referrer is not null and (char_length(p_referrer) > 4096 or p_referrer !~ '^https?://[^\s]+$') then
    raise exception 'p_referrer must be an http(s) URL of at most 4096 characters' using errcode = '22023';
  end if;
  if p_device is not null and (jsonb_typeof(p_device) <> 'object'
     or coalesce(char_length(p_device ->> 'fingerprint'), 0) not between 1 and 128
     or (p_device ? 'type' and not coalesce(p_device ->> 'type' = any (enum_range(null::public.device_type)::text[]), false))
     or coalesce(char_length(p_device ->> 'browser'), 0) > 64 or coalesce(char_length(p_device ->> 'os'), 0) > 64) then
    raise exception 'p_device must be {fingerprint (1-128 chars), type (desktop|mobile|tablet|other), browser, os (at most 64 chars)}'
      using errcode = '22023';
  end if;
  return private.anon_track_touchpoint(p_workspace_id, p_visitor_id, p_landing_url, p_referrer, p_device);
end $$;
comment on function public.track_touchpoint(uuid, text, text, text, jsonb) is 'Storefront (anon): records a landing of a visitor (UTM fields and click ids from the URL, channel from them and the referrer). Call once per session start. Returns the touchpoint id. 22023 on bad input, PT404 for an unknown workspace.';
grant execute on function public.track_touchpoint(uuid, text, text, text, jsonb) to anon, authenticated;

create function private.anon_identify_visitor(
  p_workspace_id uuid, p_visitor_id text, p_email text, p_phone text, p_shopify_customer_id text)
returns boolean
language plpgsql volatile security definer set search_path = '' as $$
declare
  cust uuid;
  p_email_sha256 text := private.email_sha256(p_email);
  p_phone_sha256 text := private.phone_sha256(p_phone);
begin
  if p_workspace_id is null or not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'no such workspace' using errcode = 'PT404';
  end if;
  select c.id into cust from public.customers c
  where c.workspace_id = p_workspace_id
    and ((p_shopify_customer_id is not null and c.shopify_customer_id = p_shopify_customer_id)
      or (p_email_sha256 is not null and c.email_sha256 = p_email_sha256)
      or (p_phone_sha256 is not null and c.phone_sha256 = p_phone_sha256))
  order by (c.shopify_customer_id = p_shopify_customer_id) desc nulls last, (c.email_sha256 = p_email_sha256) desc nulls last,
           c.created_at
  limit 1;
  if cust is null then
    return false;
  end if;
  perform private.stitch_visitor(p_workspace_id, p_visitor_id, cust, now());
  return true;
end $$;
comment on function private.anon_identify_visitor(uuid, text, text, text, text) is 'Definer half of public.identify_visitor: hashes the email and phone (private.email_sha256, phone_sha256) and stitches the visitor to the customer matching the Shopify id, email hash or phone hash; false when no customer matches (nothing is created).';
grant execute on function private.anon_identify_visitor(uuid, text, text, text, text) to anon, authenticated, service_role;

create function public.identify_visitor(
  p_workspace_id uuid, p_visitor_id text, p_email text default null, p_phone text default null,
  p_shopify_customer_id text default null)
returns boolean
language plpgsql volatile set search_path = '' as $$
begin
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_email is null and p_phone is null and p_shopify_customer_id is null then
    raise exception 'give p_email, p_phone or p_shopify_customer_id' using errcode = '22023';
  end if;
  if p_email is not null and (char_length(p_email) > 320 or btrim(p_email) !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$') then
    raise exception 'p_email is not a valid address' using errcode = '22023';
  end if;
  if p_phone is not null and (char_length(p_phone) > 32 or char_length(regexp_replace(p_phone, '[^0-9]', '', 'g')) < 6) then
    raise exception 'p_phone must hold at least 6 digits' using errcode = '22023';
  end if;
  if p_shopify_customer_id is not null and char_length(btrim(p_shopify_customer_id)) not between 1 and 64 then
    raise exception 'p_shopify_customer_id must be 1-64 characters' using errcode = '22023';
  end if;
  return private.anon_identify_visitor(p_workspace_id, p_visitor_id, p_email, p_phone, btrim(p_shopify_customer_id));
end $$;
comment on function public.identify_visitor(uuid, text, text, text, text) is 'Storefront (anon): the visitor signed in or gave an email/phone. Links the visitor to the matching customer''s identity (stitching; the email and phone are hashed at once and never stored). Returns whether a customer matched. 22023 on bad input, PT404 for an unknown workspace.';
grant execute on function public.identify_visitor(uuid, text, text, text, text) to anon, authenticated;

select private.register_partitioned_table('public.touchpoints', 25);

-- Attribution credits: each conversion's revenue split over its journey by five models, to the
-- cent, computed incrementally by pg_cron; and the report of attributed revenue, conversions and
-- ROAS per channel or campaign against ad spend.
--
-- Journey: the touchpoints of the conversion's visitor and of every visitor of its identity, in
-- (occurred_at - lookback, occurred_at], ordered by time (then id). Models:
--   first_touch     all to the first touch
--   last_touch      all to the last touch
--   linear          equal shares
--   time_decay      weight 0.5 ^ (days before the conversion / half-life), normalised
--   position_based  40% first, 40% last, 20% shared by the middle (50/50 for two touches, all for one)
-- Cents: each touch gets floor(revenue x weight); the cents left over go one each to the touches
-- with the largest remainders (ties: the later touch, then the higher touchpoint id), so every
-- conversion's credits sum to its revenue exactly for every model. A conversion without
-- touchpoints credits its own order's channel (utm fields, click ids, referring site; else direct).
create type public.attribution_model as enum (
  'first_touch', 'last_touch', 'linear', 'time_decay', 'position_based'
);

comment on type public.attribution_model is 'How a conversion''s revenue is split over its journey.';

create type public.attribution_group_by as enum ('channel', 'campaign');

comment on type public.attribution_group_by is 'How attribution_report groups its rows.';

create table public.attribution_credits (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  conversion_id uuid not null references public.conversions (id) on delete cascade,
  model public.attribution_model not null,
  position integer not null check (position >= 0),
  touchpoint_id bigint,
  touched_at timestamptz,
  channel public.marketing_channel not null,
  source text,
  medium text,
  campaign text,
  utm_id text,
  weight numeric(13, 12) not null check (weight > 0 and weight <= 1),
  credit_cents bigint not null check (credit_cents >= 0),
  converted_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (conversion_id, model, position)
);
comment on table public.attribution_credits is 'A conversion''s revenue split over its touchpoints, per model; for every conversion and model the credits sum to its revenue_cents. Written by private.credit_conversions() (pg_cron); a changed conversion loses its credits until the next round.';
comment on column public.attribution_credits.position is 'Index of the touch in the journey (0 = first); 0 for a conversion credited to its own order''s channel.';
comment on column public.attribution_credits.touchpoint_id is 'touchpoints.id of the credited touch (no foreign key: touchpoints are partitioned and expire); null when the order''s own channel is credited.';
comment on column public.attribution_credits.weight is 'Share of the revenue the model gives this touch (the weights of a conversion and model sum to 1).';
comment on column public.attribution_credits.converted_at is 'The conversion''s time, copied for date-range reports.';
alter table public.attribution_credits enable row level security;
grant select on public.attribution_credits to authenticated;
select private.install_row_triggers('public.attribution_credits');
select private.tenant_policy('public.attribution_credits', 'select', 'viewer');

create index attribution_credits_report_idx on public.attribution_credits (workspace_id, model, converted_at);

-- A conversion that became pending again (revenue, customer, visitor or time changed) loses its credits.
create function private.drop_stale_credits() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.attribution_credits where conversion_id = new.id;
  return null;
end $$;
comment on function private.drop_stale_credits() is 'AFTER UPDATE on conversions when credited_at becomes null: removes its credits so the next credit round recomputes them.';

create trigger drop_stale_credits after update of credited_at on public.conversions
  for each row when (old.credited_at is not null and new.credited_at is null)
  execute function private.drop_stale_credits();

-- The credits of the given conversions for all five models, computed from current data. Used by
-- the cron round to store them and by the report for conversions not yet stored.
create function private.compute_attribution_credits(p_conversion_ids uuid[])
returns table (
  workspace_id uuid, conversion_id uuid, model public.attribution_model, "position" integer, touchpoint_id bigint,
  touched_at timestamptz, channel public.marketing_channel, source text, medium text, campaign text, utm_id text,
  weight numeric, credit_cents bigint, converted_at timestamptz)
language sql stable set search_path = '' as $$
  with conv as (
    select c.id, c.workspace_id, c.visitor_id, c.identity_id, c.revenue_cents, c.occurred_at,
           c.order_channel, c.order_source, c.order_medium, c.order_campaign, c.order_utm_id,
           coalesce(s.lookback_days, 30) as lookback_days, coalesce(s.time_decay_half_life_days, 7)::numeric as half_life
    from public.conversions c
    left join public.attribution_settings s on s.workspace_id = c.workspace_id
    where c.id = any (p_conversion_ids)
  ), journey_visitors as (
    select c.id as conversion_id, c.visitor_id from conv c where c.visitor_id is not null
    union
    select c.id, v.visitor_id from conv c
    join public.visitors v on v.workspace_id = c.workspace_id and v.identity_id = c.identity_id
  ), touches as (
    select c.id as conversion_id, t.id as touchpoint_id, t.occurred_at, t.channel, t.source, t.medium, t.campaign, t.utm_id,
           (row_number() over w - 1)::integer as pos, count(*) over (partition by c.id) as n,
           extract(epoch from c.occurred_at - t.occurred_at) / 86400 as age_days
    from conv c
    join journey_visitors j on j.conversion_id = c.id
    join public.touchpoints t on t.workspace_id = c.workspace_id and t.visitor_id = j.visitor_id
      and t.occurred_at <= c.occurred_at and t.occurred_at > c.occurred_at - make_interval(days => c.lookback_days)
    window w as (partition by c.id order by t.occurred_at, t.id)
  ), raw as (
    select t.*, m.model,
           case m.model
             when 'first_touch' then case when t.pos = 0 then 1 else 0 end
             when 'last_touch' then case when t.pos = t.n - 1 then 1 else 0 end
             when 'linear' then 1
             when 'time_decay' then power(0.5::numeric, t.age_days / c.half_life)
             else case when t.n = 1 then 1 when t.n = 2 then 0.5
                       when t.pos = 0 or t.pos = t.n - 1 then 0.4 else 0.2 / (t.n - 2) end
           end::numeric as w
    from touches t
    join conv c on c.id = t.conversion_id
    cross join unnest(enum_range(null::public.attribution_model)) as m (model)
  ), weighted as (
    select r.conversion_id, r.model, r.pos, r.touchpoint_id, r.occurred_at, r.channel, r.source, r.medium, r.campaign,
           r.utm_id, r.w / sum(r.w) over (partition by r.conversion_id, r.model) as weight
    from raw r
    where r.w > 0
    union all
    -- no touchpoint in the window: the order's own channel gets everything
    select c.id, m.model, 0, null, null, c.order_channel, c.order_source, c.order_medium, c.order_campaign,
           c.order_utm_id, 1::numeric
    from conv c cross join unnest(enum_range(null::public.attribution_model)) as m (model)
    where not exists (select 1 from touches t where t.conversion_id = c.id)
  ), shares as (
    select w.*, c.workspace_id, c.occurred_at as converted_at, c.revenue_cents,
           floor(c.revenue_cents * w.weight)::bigint as base,
           c.revenue_cents * w.weight - floor(c.revenue_cents * w.weight) as frac
    from weighted w join conv c on c.id = w.conversion_id
  ), ranked as (
    select s.*,
           s.revenue_cents - sum(s.base) over (partition by s.conversion_id, s.model) as leftover,
           row_number() over (partition by s.conversion_id, s.model
                              order by s.frac desc, s.pos desc, s.touchpoint_id desc nulls last) as rk
    from shares s
  )
  select r.workspace_id, r.conversion_id, r.model, r.pos, r.touchpoint_id, r.occurred_at, r.channel, r.source,
         r.medium, r.campaign, r.utm_id, round(r.weight, 12),
         r.base + case when r.rk <= r.leftover then 1 else 0 end, r.converted_at
  from ranked r
$$;
comment on function private.compute_attribution_credits(uuid[]) is 'The five models'' credits for the given conversions from current touchpoints, identities and settings: weights per touch and cents that sum to each conversion''s revenue. Runs with the caller''s rights.';
grant execute on function private.compute_attribution_credits(uuid[]) to authenticated, service_role;

-- One credit round: up to p_limit pending conversions, oldest first; returns how many it credited.
create function private.credit_conversions(p_limit integer default 5000) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  ids uuid[];
begin
  select array_agg(p.id) into ids from (
    select c.id from public.conversions c where c.credited_at is null
    order by c.created_at limit p_limit
    for update skip locked
  ) p;
  if ids is null then
    return 0;
  end if;
  delete from public.attribution_credits where conversion_id = any (ids);
  insert into public.attribution_credits (workspace_id, conversion_id, model, position, touchpoint_id, touched_at, channel,
                                          source, medium, campaign, utm_id, weight, credit_cents, converted_at)
  select * from private.compute_attribution_credits(ids);
  update public.conversions set credited_at = now() where id = any (ids);
  return cardinality(ids);
end $$;
comment on function private.credit_conversions(integer) is 'Incremental attribution: stores the credits of up to p_limit pending conversions (credited_at null) and marks them credited. pg_cron runs it every 10 minutes (job attribution-credits).';
grant execute on function private.credit_conversions(integer) to service_role;

-- Full recomputation (after changing settings, or to check the incremental path).
create function private.rebuild_attribution_credits(p_workspace_id uuid default null) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer := 0;
  k integer;
begin
  update public.conversions set credited_at = null
  where (p_workspace_id is null or workspace_id = p_workspace_id) and credited_at is not null;
  loop
    k := private.credit_conversions(5000);
    n := n + k;
    exit when k = 0;
  end loop;
  return n;
end $$;
comment on function private.rebuild_attribution_credits(uuid) is 'Recredits every conversion (of one workspace, or all) from scratch; returns how many.';
grant execute on function private.rebuild_attribution_credits(uuid) to service_role;

select cron.schedule('attribution-credits', '*/10 * * * *', 'select private.credit_conversions()');

-- ===== report
create type public.attribution_report_row as (
  key text,
  label text,
  channel public.marketing_channel,
  ad_campaign_id uuid,
  attributed_revenue_cents bigint,
  conversions numeric,
  spend_cents bigint,
  roas numeric
);

comment on type public.attribution_report_row is 'One row of attribution_report: a channel or campaign with attributed revenue, credited conversions, ad spend and ROAS (null without spend). key, label, attributed_revenue_cents and conversions are never null.';

create function private.ad_platform_channel(p_platform public.ad_platform) returns public.marketing_channel
language sql immutable parallel safe set search_path = '' as $$
  select case p_platform when 'google' then 'paid_search' when 'organic' then 'organic_social'
                         else 'paid_social' end::public.marketing_channel
$$;
comment on function private.ad_platform_channel(public.ad_platform) is 'The channel an ad platform''s spend counts under in the channel report: Google paid search; Meta, TikTok, Pinterest paid social; organic posts organic social.';
grant execute on function private.ad_platform_channel(public.ad_platform) to authenticated, service_role;

create function private.attribution_report(
  p_workspace_id uuid, p_from date, p_to date, p_model public.attribution_model default 'last_touch',
  p_group_by public.attribution_group_by default 'channel')
returns setof public.attribution_report_row
language plpgsql stable set search_path = '' security definer
as $$
declare
  t0 timestamptz := p_from::timestamp at time zone 'UTC';
  t1 timestamptz := (p_to + 1)::timestamp at time zone 'UTC';
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  if p_model is null or p_group_by is null then
    raise exception 'p_model and p_group_by are required' using errcode = '22023';
  end if;
  return query
  with credits as (
    select a.conversion_id, a.channel, a.campaign, a.utm_id, a.weight, a.credit_cents
    from public.attribution_credits a
    where a.workspace_id = p_workspace_id and a.model = p_model and a.converted_at >= t0 and a.converted_at < t1
    union all
    -- fresh reads: conversions the cron round has not credited yet are computed now
    select f.conversion_id, f.channel, f.campaign, f.utm_id, f.weight, f.credit_cents
    from private.compute_attribution_credits(array(
      select c.id from public.conversions c
      where c.workspace_id = p_workspace_id and c.credited_at is null and c.occurred_at >= t0 and c.occurred_at < t1)) f
    where f.model = p_model
  ), grouped as (
    select c.channel, c.campaign, c.utm_id, sum(c.credit_cents)::bigint as revenue, sum(c.weight) as conv
    from credits c group by c.channel, c.campaign, c.utm_id
  ), matched as (
    select g.*, ac.id as ad_campaign_id, ac.name as ad_campaign_name, ac.platform
    from grouped g
    left join lateral (
      select a.id, a.name, a.platform from public.ad_campaigns a
      where a.workspace_id = p_workspace_id
        and (a.external_id = g.utm_id or a.utm_campaign = g.campaign or a.external_id = g.campaign)
      order by (a.external_id = g.utm_id) desc nulls last, (a.utm_campaign = g.campaign) desc nulls last, a.id
      limit 1
    ) ac on g.campaign is not null or g.utm_id is not null
  ), spend as (
    select m.campaign_id, a.name, a.platform, sum(m.spend_cents)::bigint as spend
    from public.ad_metrics_daily m join public.ad_campaigns a on a.id = m.campaign_id
    where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between p_from and p_to
    group by m.campaign_id, a.name, a.platform
  ), rows as (
    select case when p_group_by = 'channel' then x.channel::text
                else coalesce(x.ad_campaign_id::text, x.campaign, '(none)') end as key,
           case when p_group_by = 'channel' then x.channel::text
                else coalesce(x.ad_campaign_name, x.campaign, '(no campaign)') end as label,
           x.channel, x.ad_campaign_id, x.revenue, x.conv
    from matched x
  ), revenue as (
    select r.key, min(r.label) as label,
           case when count(distinct r.channel) = 1 then min(r.channel::text)::public.marketing_channel end as channel,
           min(r.ad_campaign_id::text)::uuid as ad_campaign_id,
           sum(r.revenue)::bigint as revenue, sum(r.conv) as conv
    from rows r group by r.key
  ), cost as (
    select case when p_group_by = 'channel' then private.ad_platform_channel(s.platform)::text else s.campaign_id::text end as key,
           case when p_group_by = 'channel' then private.ad_platform_channel(s.platform)::text else s.name end as label,
           private.ad_platform_channel(s.platform) as channel,
           case when p_group_by = 'campaign' then s.campaign_id end as ad_campaign_id,
           s.spend
    from spend s
  ), cost_by_key as (
    select c.key, min(c.label) as label, min(c.channel::text)::public.marketing_channel as channel,
           min(c.ad_campaign_id::text)::uuid as ad_campaign_id, sum(c.spend)::bigint as spend
    from cost c group by c.key
  )
  select coalesce(r.key, k.key), coalesce(r.label, k.label),
         case when r.key is null or p_group_by = 'channel' then coalesce(r.channel, k.channel) else r.channel end,
         coalesce(r.ad_campaign_id, k.ad_campaign_id),
         coalesce(r.revenue, 0)::bigint, round(coalesce(r.conv, 0), 4), k.spend,
         case when k.spend > 0 then round(coalesce(r.revenue, 0)::numeric / k.spend, 4) end
  from revenue r
  full join cost_by_key k on k.key = r.key
  order by coalesce(r.revenue, 0) desc, k.spend desc nulls last, 1;
end $$;
comment on function private.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) is 'What public.attribution_report returns, read as the owner after one membership check (see the header).';
grant execute on function private.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) to service_role, authenticated;

-- Pixel events: the conversion events a server-side pixel forwards to GA4, Meta and TikTok, with
-- each destination's delivery status (high volume, partitioned by month, 13 months kept), and the
-- hourly accuracy rollup against Shopify orders (pixel_accuracy_hourly):
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
alter table public.pixel_events enable row level security;
grant select on public.pixel_events to authenticated;
select private.install_row_triggers('public.pixel_events');
select private.tenant_policy('public.pixel_events', 'select', 'viewer');

create index pixel_events_occurred_idx on public.pixel_events (workspace_id, occurred_at);

create index pixel_events_order_idx on public.pixel_events (workspace_id, shopify_order_id) where shopify_order_id is not null;

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
alter table public.pixel_accuracy_hourly enable row level security;
grant select on public.pixel_accuracy_hourly to authenticated;
select private.install_row_triggers('public.pixel_accuracy_hourly');
select private.tenant_policy('public.pixel_accuracy_hourly', 'select', 'viewer');

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
comment on function private.refresh_pixel_accuracy(timestamp with time zone, uuid) is 'Recomputes pixel_accuracy_hourly for the hours from p_since on (default: the last 48 hours; pass ''-infinity'' to rebuild all). pg_cron runs it hourly (job pixel-accuracy).';
grant execute on function private.refresh_pixel_accuracy(timestamp with time zone, uuid) to service_role;

select cron.schedule('pixel-accuracy', '23 * * * *', 'select private.refresh_pixel_accuracy()');

-- One pixel event object of record_pixel_events' batch: the first problem as 'field: reason', or null.
create function private.pixel_event_problem(p_event jsonb, p_oldest timestamptz) returns text
language plpgsql stable set search_path = '' as $$
declare
  k text;
begin
  if jsonb_typeof(p_event) is distinct from 'object' then
    return 'row: must be an object';
  end if;
  if jsonb_typeof(p_event -> 'event_id') is distinct from 'string' or char_length(p_event ->> 'event_id') not between 1 and 128 then
    return 'event_id: is required (1-128 characters)';
  end if;
  if coalesce(p_event ->> 'event_name', '') !~ '^[a-z][a-z0-9_]{0,63}$' then
    return 'event_name: is required (lowercase letters, digits and _), e.g. purchase';
  end if;
  if p_event ->> 'occurred_at' is null or not private.is_timestamptz(p_event ->> 'occurred_at') then
    return 'occurred_at: is required and must be a timestamp';
  end if;
  if (p_event ->> 'occurred_at')::timestamptz < p_oldest or (p_event ->> 'occurred_at')::timestamptz > now() + interval '1 day' then
    return format('occurred_at: must be between %s and tomorrow', p_oldest);
  end if;
  if p_event ? 'visitor_id' and p_event -> 'visitor_id' <> 'null'::jsonb and not coalesce(private.is_visitor_id(p_event ->> 'visitor_id'), false) then
    return 'visitor_id: must be 1-128 letters, digits or . _ : -';
  end if;
  if p_event ? 'shopify_order_id' and p_event -> 'shopify_order_id' <> 'null'::jsonb
     and char_length(p_event ->> 'shopify_order_id') not between 1 and 64 then
    return 'shopify_order_id: must be 1-64 characters';
  end if;
  if p_event ? 'value_cents' and p_event -> 'value_cents' <> 'null'::jsonb and not private.is_whole_number(p_event -> 'value_cents') then
    return 'value_cents: must be a non-negative whole number of cents';
  end if;
  if p_event ? 'currency' and p_event -> 'currency' <> 'null'::jsonb and coalesce(p_event ->> 'currency', '') !~ '^[A-Z]{3}$' then
    return 'currency: must be a three-letter ISO code';
  end if;
  foreach k in array array['ga4_status', 'meta_status', 'tiktok_status'] loop
    if p_event ? k and not coalesce(p_event ->> k = any (enum_range(null::public.pixel_delivery_status)::text[]), false) then
      return k || ': must be one of pending, sent, failed, skipped';
    end if;
  end loop;
  if p_event ? 'error' and p_event -> 'error' <> 'null'::jsonb and char_length(p_event ->> 'error') > 2000 then
    return 'error: at most 2000 characters';
  end if;
  return null;
end $$;
comment on function private.pixel_event_problem(jsonb, timestamp with time zone) is 'Validates one element of record_pixel_events'' batch; returns ''field: reason'' or null.';
grant execute on function private.pixel_event_problem(jsonb, timestamp with time zone) to service_role;

create function public.record_pixel_events(p_workspace_id uuid, p_events jsonb)
returns table (inserted integer, updated integer)
language plpgsql volatile set search_path = '' as $$
declare
  oldest timestamptz;
  bad record;
  known integer;
begin
  if private.is_end_user() then
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
grant execute on function public.record_pixel_events(uuid, jsonb) to authenticated;

select private.register_partitioned_table('public.pixel_events', 13);

create function public.attribution_report(p_workspace_id uuid, p_from date, p_to date,
  p_model public.attribution_model default 'last_touch', p_group_by public.attribution_group_by default 'channel')
returns setof public.attribution_report_row
language sql stable set search_path = '' as $$
  select * from private.attribution_report(p_workspace_id, p_from, p_to, p_model, p_group_by)
$$;
comment on function public.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) is 'Attributed revenue, credited conversions, ad spend and ROAS per channel or per campaign for conversions (and spend days) in [p_from, p_to] (UTC days) under one model. Campaigns join ad_campaigns by utm_id = external_id, then utm_campaign, then utm_campaign = external_id; channel spend maps ad platforms to channels. Conversions not yet credited by the cron round are computed on the fly. Viewers of the workspace; assumes one currency per workspace.';
grant execute on function public.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) to authenticated;
