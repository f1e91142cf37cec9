-- Attribution: who came from where. Visitors (the storefront's anonymous id) and their devices;
-- customer identities, which reference commerce's customers (email and phone hashes stay there)
-- and gather the visitors a customer has used; touchpoints (every landing with its UTM fields
-- and click ids; high volume, partitioned by month); conversions, one per order.
-- Stitching: when a visitor is identified (an order carrying its visitor id and a customer, or the
-- storefront's identify call) it joins the customer's identity. Touchpoints stay keyed by visitor
-- id, so a journey is every touchpoint of every visitor of the identity: nothing is copied or
-- lost, and touchpoints recorded before identification count from then on.
-- Credits and the report are in the attribution_credits migration.

-- One channel vocabulary for the whole growth team: where a visit came from (touchpoints,
-- classified by private.classify_channel() into the traffic channels) and where a marketing
-- campaign or content piece runs (the marketing domain).
create type public.marketing_channel as enum
  ('paid_search', 'paid_social', 'display', 'video', 'organic_search', 'organic_social', 'email', 'sms', 'affiliate',
   'influencer', 'referral', 'content', 'events', 'direct_mail', 'direct', 'other');
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
create trigger set_updated_at before update on public.attribution_settings
  for each row execute function private.set_updated_at();

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
create trigger set_updated_at before update on public.customer_identities
  for each row execute function private.set_updated_at();

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
create index visitors_identity_idx on public.visitors (workspace_id, identity_id) where identity_id is not null;
create trigger set_updated_at before update on public.visitors
  for each row execute function private.set_updated_at();

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
create trigger set_updated_at before update on public.customer_devices
  for each row execute function private.set_updated_at();

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
create index conversions_workspace_occurred_idx on public.conversions (workspace_id, occurred_at);
create index conversions_customer_id_idx on public.conversions (customer_id);
create index conversions_identity_idx on public.conversions (workspace_id, identity_id);
create index conversions_pending_idx on public.conversions (created_at) where credited_at is null;
create trigger set_updated_at before update on public.conversions
  for each row execute function private.set_updated_at();

-- ===== channel classification
create function private.url_host(p_url text) returns text
language sql immutable parallel safe set search_path = '' as $$
  select nullif(lower(regexp_replace((regexp_match(p_url, '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#:]+)'))[1], '^www\.', '')), '')
$$;
comment on function private.url_host(text) is 'Lowercase host of an absolute URL without a leading www., or null.';

create function private.classify_channel(
  p_source text, p_medium text, p_gclid text, p_fbclid text, p_ttclid text, p_referrer text)
returns public.marketing_channel
language sql immutable parallel safe set search_path = '' as $$
  with v as (
    select lower(coalesce(p_source, '')) as s, lower(coalesce(p_medium, '')) as m, private.url_host(p_referrer) as host
  ), f as (
    select v.*,
      v.s ~ '(facebook|^fb$|instagram|^ig$|meta|tiktok|pinterest|snapchat|twitter|^x$|linkedin|reddit|youtube)' as social_src,
      coalesce(v.host ~ '(^|\.)(facebook\.com|instagram\.com|t\.co|twitter\.com|x\.com|tiktok\.com|pinterest\.[a-z.]+|linkedin\.com|reddit\.com|youtube\.com|l\.facebook\.com|lm\.facebook\.com)$', false) as social_ref,
      coalesce(v.host ~ '(^|\.)(google\.[a-z.]+|bing\.com|duckduckgo\.com|search\.yahoo\.com|yahoo\.com|ecosia\.org|baidu\.com|yandex\.[a-z.]+|search\.brave\.com)$', false) as search_ref
    from v
  )
  select case
    when p_gclid is not null then 'paid_search'
    when p_ttclid is not null then 'paid_social'
    when f.m ~ '^(cpc|ppc|paid|paid[ _-]?search|sem|search[ _-]?ads?)$' then
      case when f.social_src then 'paid_social' else 'paid_search' end
    when f.m ~ '^(paid[ _-]?social|social[ _-]?paid|cpm|cpv|paid[ _-]?video)$' then 'paid_social'
    when p_fbclid is not null and f.m ~ '(paid|cpc|ad)' then 'paid_social'
    when f.m ~ '^(display|banner|programmatic|retargeting)$' then 'display'
    when f.m ~ '^e[ _-]?mail' or f.s ~ '(klaviyo|mailchimp|newsletter|omnisend)' then 'email'
    when f.m in ('sms', 'text', 'mms') or f.s in ('attentive', 'postscript') then 'sms'
    when f.m ~ 'affiliate|partner' then 'affiliate'
    when f.m ~ 'social' or f.social_src or p_fbclid is not null or (f.m = '' and f.social_ref) then 'organic_social'
    when f.m = 'organic' or (f.m = '' and f.s = '' and f.search_ref) then 'organic_search'
    when f.m = 'referral' or (f.m = '' and f.s = '' and f.host is not null) then 'referral'
    when f.s <> '' or f.m <> '' then 'other'
    else 'direct'
  end::public.marketing_channel
  from f
$$;
comment on function private.classify_channel(text, text, text, text, text, text) is 'Channel of a touch from utm_source, utm_medium, click ids (gclid: paid search, ttclid: paid social, fbclid: social) and the referrer''s host (search engines, social networks, other sites); direct when there is nothing.';

revoke all on function private.url_host(text) from public;
revoke all on function private.classify_channel(text, text, text, text, text, text) from public;
grant execute on function private.url_host(text) to authenticated, service_role;
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
comment on function private.stitch_visitor(uuid, text, uuid, timestamptz) is 'Identity stitching: links a visitor to the customer''s identity (made when missing); returns the identity id. Touchpoints are keyed by visitor id, so history is kept.';
revoke all on function private.stitch_visitor(uuid, text, uuid, timestamptz) from public;

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
revoke all on function private.orders_to_conversions() from public;
create trigger attribution_conversions_insert after insert on public.orders
  referencing new table as changed for each statement execute function private.orders_to_conversions();
create trigger attribution_conversions_update after update on public.orders
  referencing new table as changed for each statement execute function private.orders_to_conversions();

-- Orders that landed before this migration become conversions too (they carry no visitor id yet).
insert into public.conversions (workspace_id, order_id, customer_id, revenue_cents, currency, order_channel, order_source,
                                order_medium, order_campaign, order_utm_id, occurred_at)
select o.workspace_id, o.id, o.customer_id, greatest(o.total_price_cents - o.total_refunded_cents, 0), o.currency,
       private.classify_channel(o.utm_source, o.utm_medium, o.gclid, o.fbclid, o.ttclid, o.referring_site),
       coalesce(o.utm_source, private.url_host(o.referring_site)), o.utm_medium, o.utm_campaign,
       coalesce(private.url_param(o.landing_site, 'utm_id'), private.url_param(o.landing_site, 'campaign_id')),
       o.processed_at
from public.orders o
where o.cancelled_at is null
on conflict (order_id) do nothing;

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
revoke all on function private.anon_track_touchpoint(uuid, text, text, text, jsonb) from public;
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
grant execute on function public.track_touchpoint(uuid, text, text, text, jsonb) to anon, authenticated, service_role;

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
revoke all on function private.anon_identify_visitor(uuid, text, text, text, text) from public;
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
grant execute on function public.identify_visitor(uuid, text, text, text, text) to anon, authenticated, service_role;

-- ===== access: viewers read; the storefront RPCs, the order trigger and service_role write
alter table public.attribution_settings enable row level security;
alter table public.customer_identities enable row level security;
alter table public.visitors enable row level security;
alter table public.customer_devices enable row level security;
alter table public.touchpoints enable row level security;
alter table public.conversions enable row level security;
grant select, insert, update, delete on public.attribution_settings to authenticated;
grant select on public.customer_identities, public.visitors, public.customer_devices, public.touchpoints,
  public.conversions to authenticated;
grant all on public.attribution_settings, public.customer_identities, public.visitors, public.customer_devices,
  public.touchpoints, public.conversions to service_role;

select private.tenant_policies('public.attribution_settings', 'viewer', 'admin');
create policy "viewers read identities" on public.customer_identities for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read visitors" on public.visitors for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read devices" on public.customer_devices for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read touchpoints" on public.touchpoints for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read conversions" on public.conversions for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
select private.install_tenant_guard('public.customer_identities');
select private.install_tenant_guard('public.visitors');
select private.install_tenant_guard('public.customer_devices');
select private.install_tenant_guard('public.touchpoints');
select private.install_tenant_guard('public.conversions');

select private.register_partitioned_table('public.touchpoints', 25);
