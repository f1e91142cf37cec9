-- Ads: accounts, campaigns, ad groups and ads across platforms; daily metrics with KPIs derived
-- by trigger; batch ingestion; an incremental per-day rollup kept by pg_cron; dashboard RPCs;
-- retention.
create type public.ad_platform as enum ('meta', 'google', 'tiktok', 'pinterest', 'organic');

comment on type public.ad_platform is 'Where an ad object lives. organic: unpaid posts tracked like campaigns (spend 0).';

create type public.ad_status as enum ('draft', 'active', 'paused', 'archived', 'deleted');

comment on type public.ad_status is 'Delivery status of an ad object, normalized across platforms.';

create type public.ad_level as enum ('account', 'campaign', 'ad_group', 'ad');

comment on type public.ad_level is 'Which object a metrics row describes. Totals sum campaign-level rows only, never across levels.';

create table public.ad_accounts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  platform public.ad_platform not null,
  external_account_id text not null check (char_length(external_account_id) between 1 and 64),
  name text check (char_length(name) <= 200),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  timezone text not null default 'UTC' check (char_length(timezone) between 1 and 64),
  status public.ad_status not null default 'active',
  integration_connection_id uuid constraint ad_accounts_integration_connection_id_fkey
    references public.integration_connections (id) on delete set null,
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, platform, external_account_id),
  unique (workspace_id, id)
);
comment on table public.ad_accounts is 'Ad accounts (Meta act_..., Google customer ids ...) a workspace reports on.';
comment on column public.ad_accounts.integration_connection_id is 'The integration connection that syncs this account.';
alter table public.ad_accounts enable row level security;
grant select, insert, update, delete on public.ad_accounts to authenticated;
select private.install_row_triggers('public.ad_accounts');
select private.tenant_policies('public.ad_accounts', 'viewer', 'admin');

create table public.ad_campaigns (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  ad_account_id uuid,
  platform public.ad_platform not null,
  external_id text not null check (char_length(external_id) between 1 and 64),
  name text not null check (char_length(name) between 1 and 500),
  objective text check (char_length(objective) <= 64),
  status public.ad_status not null default 'active',
  daily_budget_cents bigint check (daily_budget_cents >= 0),
  total_budget_cents bigint check (total_budget_cents >= 0),
  bid_strategy text check (char_length(bid_strategy) <= 64),
  target_roas numeric(10, 2) check (target_roas >= 0),
  start_date date,
  end_date date check (end_date is null or start_date is null or end_date >= start_date),
  utm_source text check (char_length(utm_source) <= 256),
  utm_medium text check (char_length(utm_medium) <= 256),
  utm_campaign text check (char_length(utm_campaign) <= 256),
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  campaign_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, platform, external_id),
  unique (workspace_id, id),
  foreign key (workspace_id, ad_account_id) references public.ad_accounts (workspace_id, id) on delete set null (ad_account_id)
);
comment on table public.ad_campaigns is 'Campaigns as the platforms define them; one row per platform campaign.';
comment on column public.ad_campaigns.total_budget_cents is 'Lifetime budget, when the campaign has one instead of (or besides) a daily budget.';
comment on column public.ad_campaigns.target_roas is 'Target return on ad spend, e.g. 3.00 = 3x.';
comment on column public.ad_campaigns.utm_campaign is 'The utm_campaign its ads link with; joins orders to campaigns.';
comment on column public.ad_campaigns.campaign_id is 'The marketing campaign (public.campaigns) this ad campaign belongs to, in the same workspace; null when unassigned.';
alter table public.ad_campaigns enable row level security;
grant select, insert, update, delete on public.ad_campaigns to authenticated;
select private.install_row_triggers('public.ad_campaigns');
select private.tenant_policies('public.ad_campaigns', 'viewer', 'member');

create index ad_campaigns_ad_account_id_idx on public.ad_campaigns (workspace_id, ad_account_id);

create index ad_campaigns_workspace_utm_idx on public.ad_campaigns (workspace_id, utm_campaign) where utm_campaign is not null;

create table public.ad_groups (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  campaign_id uuid not null,
  platform public.ad_platform not null,
  external_id text not null check (char_length(external_id) between 1 and 64),
  name text not null check (char_length(name) between 1 and 500),
  status public.ad_status not null default 'active',
  targeting jsonb not null default '{}'::jsonb check (jsonb_typeof(targeting) = 'object'),
  cpc_bid_micros bigint check (cpc_bid_micros >= 0),
  daily_budget_cents bigint check (daily_budget_cents >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, platform, external_id),
  unique (workspace_id, id),
  foreign key (workspace_id, campaign_id) references public.ad_campaigns (workspace_id, id) on delete cascade
);
comment on table public.ad_groups is 'Meta ad sets and Google ad groups.';
comment on column public.ad_groups.cpc_bid_micros is 'Max CPC bid in micros of the account currency (Google''s unit: 1,000,000 = 1 unit).';
alter table public.ad_groups enable row level security;
grant select, insert, update, delete on public.ad_groups to authenticated;
select private.install_row_triggers('public.ad_groups');
select private.tenant_policies('public.ad_groups', 'viewer', 'member');

create index ad_groups_campaign_id_idx on public.ad_groups (workspace_id, campaign_id);

create table public.ads (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  ad_group_id uuid not null,
  platform public.ad_platform not null,
  external_id text not null check (char_length(external_id) between 1 and 64),
  name text not null check (char_length(name) between 1 and 500),
  status public.ad_status not null default 'active',
  creative_id text check (char_length(creative_id) <= 64),
  creative jsonb not null default '{}'::jsonb check (jsonb_typeof(creative) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, platform, external_id),
  unique (workspace_id, id),
  foreign key (workspace_id, ad_group_id) references public.ad_groups (workspace_id, id) on delete cascade
);
comment on table public.ads is 'Individual ads and the creative they run.';
comment on column public.ads.creative is 'Headline, body, link and asset references as the platform reports them.';
alter table public.ads enable row level security;
grant select, insert, update, delete on public.ads to authenticated;
select private.install_row_triggers('public.ads');
select private.tenant_policies('public.ads', 'viewer', 'member');

create index ads_ad_group_id_idx on public.ads (workspace_id, ad_group_id);

-- ===== daily metrics
create table public.ad_metrics_daily (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  platform public.ad_platform not null,
  level public.ad_level not null,
  object_id uuid not null,
  ad_account_id uuid,
  campaign_id uuid,
  ad_group_id uuid,
  ad_id uuid,
  day date not null,
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  spend_cents bigint not null default 0 check (spend_cents >= 0),
  impressions bigint not null default 0 check (impressions >= 0),
  clicks bigint not null default 0 check (clicks >= 0),
  conversions numeric(18, 4) not null default 0 check (conversions >= 0),
  revenue_cents bigint not null default 0 check (revenue_cents >= 0),
  cpc_cents numeric(20, 2),
  cpa_cents numeric(20, 2),
  cpm_cents numeric(20, 2),
  roas numeric(20, 4),
  ctr numeric(12, 6),
  cvr numeric(20, 6),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (object_id, day),
  check (clicks <= impressions),
  foreign key (workspace_id, ad_account_id) references public.ad_accounts (workspace_id, id) on delete cascade,
  foreign key (workspace_id, campaign_id) references public.ad_campaigns (workspace_id, id) on delete cascade,
  foreign key (workspace_id, ad_group_id) references public.ad_groups (workspace_id, id) on delete cascade,
  foreign key (workspace_id, ad_id) references public.ads (workspace_id, id) on delete cascade,
  check (object_id = case level when 'account' then ad_account_id when 'campaign' then campaign_id
                                 when 'ad_group' then ad_group_id else ad_id end)
);
comment on table public.ad_metrics_daily is 'One row per ad object (account, campaign, ad group or ad) per day. KPIs are derived by private.derive_ad_kpis(); each is NULL when its denominator is zero.';
comment on column public.ad_metrics_daily.object_id is 'The object the row describes (the id in the table its level names). Composite foreign keys keep every referenced object in the row''s workspace.';
comment on column public.ad_metrics_daily.conversions is 'Platform-reported conversions; fractional under data-driven attribution.';
comment on column public.ad_metrics_daily.cpc_cents is 'spend_cents / clicks, rounded half away from zero to 2 decimals (hundredths of a cent); NULL when clicks = 0.';
comment on column public.ad_metrics_daily.cpa_cents is 'spend_cents / conversions, rounded half away from zero to 2 decimals; NULL when conversions = 0.';
comment on column public.ad_metrics_daily.cpm_cents is 'spend_cents * 1000 / impressions, rounded half away from zero to 2 decimals; NULL when impressions = 0.';
comment on column public.ad_metrics_daily.roas is 'revenue_cents / spend_cents, rounded half away from zero to 4 decimals; NULL when spend_cents = 0.';
comment on column public.ad_metrics_daily.ctr is 'clicks / impressions as a ratio (0.0123 = 1.23%), rounded half away from zero to 6 decimals; NULL when impressions = 0.';
comment on column public.ad_metrics_daily.cvr is 'conversions / clicks as a ratio, rounded half away from zero to 6 decimals; may exceed 1 (view-through conversions); NULL when clicks = 0.';
alter table public.ad_metrics_daily enable row level security;
grant select, insert, update, delete on public.ad_metrics_daily to authenticated;
select private.install_row_triggers('public.ad_metrics_daily');
select private.tenant_policies('public.ad_metrics_daily', 'viewer', 'member');

create index ad_metrics_daily_workspace_day_idx on public.ad_metrics_daily (workspace_id, day);

create index ad_metrics_daily_ad_account_id_idx on public.ad_metrics_daily (workspace_id, ad_account_id);

create index ad_metrics_daily_campaign_day_idx on public.ad_metrics_daily (workspace_id, campaign_id, day);

create index ad_metrics_daily_ad_group_id_idx on public.ad_metrics_daily (workspace_id, ad_group_id);

create index ad_metrics_daily_ad_id_idx on public.ad_metrics_daily (workspace_id, ad_id);

create function private.derive_ad_kpis() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.cpc_cents := case when new.clicks > 0 then round(new.spend_cents::numeric / new.clicks, 2) end;
  new.cpa_cents := case when new.conversions > 0 then round(new.spend_cents / new.conversions, 2) end;
  new.cpm_cents := case when new.impressions > 0 then round(new.spend_cents * 1000::numeric / new.impressions, 2) end;
  new.roas := case when new.spend_cents > 0 then round(new.revenue_cents::numeric / new.spend_cents, 4) end;
  new.ctr := case when new.impressions > 0 then round(new.clicks::numeric / new.impressions, 6) end;
  new.cvr := case when new.clicks > 0 then round(new.conversions / new.clicks, 6) end;
  return new;
end $$;
comment on function private.derive_ad_kpis() is 'BEFORE INSERT/UPDATE on ad_metrics_daily: CPC, CPA, CPM, ROAS, CTR, CVR (NULL on a zero denominator).';

create trigger derive_ad_kpis before insert or update on public.ad_metrics_daily
  for each row execute function private.derive_ad_kpis();

-- ===== ingestion: a connector's batch, all or nothing, idempotent on (object, day)
-- Each row: platform, level, external_id (the object's id on the platform), day, spend_cents,
-- impressions, clicks, conversions, revenue_cents, currency (optional, default USD).
create type private.ad_metric_row as (
  idx bigint, problem text, platform public.ad_platform, level public.ad_level, object_id uuid,
  ad_account_id uuid, campaign_id uuid, ad_group_id uuid, ad_id uuid, day date, currency char(3),
  spend_cents bigint, impressions bigint, clicks bigint, conversions numeric, revenue_cents bigint);

comment on type private.ad_metric_row is 'One validated, resolved row of an ingest_ad_metrics batch.';

grant usage on type private.ad_metric_row to authenticated, service_role;

-- Validates each row and resolves its object inside the workspace; problem is null when valid.
create function private.ad_metric_batch(p_workspace_id uuid, p_rows jsonb)
returns setof private.ad_metric_row
language sql stable set search_path = '' as $$
  -- materialized: the checks run once per row, not once per join that reads them
  with rows as materialized (
    select e.ordinality - 1 as idx, e.value as r,
      case
        when jsonb_typeof(e.value) <> 'object' then 'row: must be an object'
        when not coalesce(e.value ->> 'platform' = any (enum_range(null::public.ad_platform)::text[]), false)
          then 'platform: must be one of ' || array_to_string(enum_range(null::public.ad_platform)::text[], ', ')
        when not coalesce(e.value ->> 'level' = any (enum_range(null::public.ad_level)::text[]), false)
          then 'level: must be one of account, campaign, ad_group, ad'
        when coalesce(btrim(e.value ->> 'external_id'), '') = '' then 'external_id: is required'
        when not coalesce(e.value ->> 'day' ~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$'
                 and substr(e.value ->> 'day', 9, 2)::int <= extract(day from
                   date_trunc('month', (substr(e.value ->> 'day', 1, 8) || '01')::date) + interval '1 month - 1 day'), false)
          then 'day: must be a calendar date (YYYY-MM-DD)'
        -- whole non-negative numbers print as plain digits in jsonb's text form
        when e.value ? 'spend_cents' and (e.value -> 'spend_cents')::text !~ '^\d{1,15}$' then 'spend_cents: must be a non-negative whole number'
        when e.value ? 'impressions' and (e.value -> 'impressions')::text !~ '^\d{1,15}$' then 'impressions: must be a non-negative whole number'
        when e.value ? 'clicks' and (e.value -> 'clicks')::text !~ '^\d{1,15}$' then 'clicks: must be a non-negative whole number'
        when e.value ? 'revenue_cents' and (e.value -> 'revenue_cents')::text !~ '^\d{1,15}$' then 'revenue_cents: must be a non-negative whole number'
        when e.value ? 'conversions' and (e.value -> 'conversions')::text !~ '^\d{1,14}(\.\d{1,4})?$'
          then 'conversions: must be a non-negative number with at most 4 decimals'
        when coalesce((e.value ->> 'clicks')::numeric, 0) > coalesce((e.value ->> 'impressions')::numeric, 0)
          then 'clicks: cannot exceed impressions'
        when e.value ? 'currency' and coalesce(e.value ->> 'currency', '') !~ '^[A-Z]{3}$' then 'currency: must be a three-letter ISO code'
      end as problem
    from jsonb_array_elements(p_rows) with ordinality e
  ), typed as materialized (
    select r.idx, r.r, r.problem, p.platform, p.level, r.r ->> 'external_id' as ext
    from rows r
    cross join lateral (
      select case when r.problem is null then (r.r ->> 'platform')::public.ad_platform end as platform,
             case when r.problem is null then (r.r ->> 'level')::public.ad_level end as level
    ) p
  )
  select t.idx,
    coalesce(t.problem, case when coalesce(acc.id, cmp.id, grp.id, ad.id) is null
      then format('external_id: no %s %s in this workspace', replace(t.level::text, '_', ' '), t.ext) end),
    t.platform, t.level,
    coalesce(acc.id, cmp.id, grp.id, ad.id),
    coalesce(acc.id, cmp.ad_account_id, grp_c.ad_account_id, ad_c.ad_account_id),
    coalesce(cmp.id, grp.campaign_id, ad_g.campaign_id),
    coalesce(grp.id, ad.ad_group_id),
    ad.id,
    case when t.problem is null then (t.r ->> 'day')::date end,
    coalesce(t.r ->> 'currency', 'USD')::char(3),
    case when t.problem is null then coalesce((t.r ->> 'spend_cents')::bigint, 0) end,
    case when t.problem is null then coalesce((t.r ->> 'impressions')::bigint, 0) end,
    case when t.problem is null then coalesce((t.r ->> 'clicks')::bigint, 0) end,
    case when t.problem is null then coalesce((t.r ->> 'conversions')::numeric, 0) end,
    case when t.problem is null then coalesce((t.r ->> 'revenue_cents')::bigint, 0) end
  from typed t
  left join public.ad_accounts acc on t.level = 'account' and acc.workspace_id = p_workspace_id
    and acc.platform = t.platform and acc.external_account_id = t.ext
  left join public.ad_campaigns cmp on t.level = 'campaign' and cmp.workspace_id = p_workspace_id
    and cmp.platform = t.platform and cmp.external_id = t.ext
  left join public.ad_groups grp on t.level = 'ad_group' and grp.workspace_id = p_workspace_id
    and grp.platform = t.platform and grp.external_id = t.ext
  left join public.ad_campaigns grp_c on grp_c.id = grp.campaign_id
  left join public.ads ad on t.level = 'ad' and ad.workspace_id = p_workspace_id
    and ad.platform = t.platform and ad.external_id = t.ext
  left join public.ad_groups ad_g on ad_g.id = ad.ad_group_id
  left join public.ad_campaigns ad_c on ad_c.id = ad_g.campaign_id
$$;
comment on function private.ad_metric_batch(uuid, jsonb) is 'Validates and resolves an ingest_ad_metrics batch; objects are looked up in the given workspace only, under the caller''s RLS.';
grant execute on function private.ad_metric_batch(uuid, jsonb) to authenticated, service_role;

create function public.ingest_ad_metrics(p_workspace_id uuid, p_rows jsonb)
returns table (inserted integer, updated integer)
language plpgsql volatile set search_path = '' as $$
declare
  batch private.ad_metric_row[];
  bad record;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if jsonb_typeof(p_rows) is distinct from 'array' then
    raise exception 'p_rows must be a JSON array of metric rows' using errcode = '22023';
  end if;
  perform private.require_batch_size('metric rows', jsonb_array_length(p_rows), 5000);
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;

  select array_agg(b) into batch from private.ad_metric_batch(p_workspace_id, p_rows) b;
  select b.idx, b.problem into bad from unnest(batch) b where b.problem is not null order by b.idx limit 1;
  if found then
    raise exception 'rows[%].%', bad.idx, bad.problem using errcode = '22023';
  end if;
  select min(b.idx) as idx into bad from unnest(batch) b
  group by b.object_id, b.day having count(*) > 1 order by 1 limit 1;
  if found then
    raise exception 'rows[%]: the same object and day appear more than once in the batch', bad.idx using errcode = '22023';
  end if;

  return query
  with up as (
    insert into public.ad_metrics_daily as m (
      workspace_id, platform, level, object_id, ad_account_id, campaign_id, ad_group_id, ad_id, day, currency,
      spend_cents, impressions, clicks, conversions, revenue_cents)
    select p_workspace_id, b.platform, b.level, b.object_id, b.ad_account_id, b.campaign_id, b.ad_group_id, b.ad_id,
           b.day, b.currency, b.spend_cents, b.impressions, b.clicks, b.conversions, b.revenue_cents
    from unnest(batch) b
    on conflict (object_id, day) do update set
      currency = excluded.currency, spend_cents = excluded.spend_cents, impressions = excluded.impressions,
      clicks = excluded.clicks, conversions = excluded.conversions, revenue_cents = excluded.revenue_cents,
      ad_account_id = excluded.ad_account_id, campaign_id = excluded.campaign_id, ad_group_id = excluded.ad_group_id
    returning (m.xmax = 0) as was_insert
  )
  select (count(*) filter (where up.was_insert))::integer, (count(*) filter (where not up.was_insert))::integer from up;
end $$;
comment on function public.ingest_ad_metrics(uuid, jsonb) is 'Upserts a batch of daily metric rows (at most 5,000; PT413 above) for one workspace, keyed by (object, day); rejects the whole batch (22023, naming row and field) if any row is invalid or names an object not in this workspace. Returns counts inserted and updated. For service_role (connectors) and members.';
grant execute on function public.ingest_ad_metrics(uuid, jsonb) to authenticated;

-- ===== rollup: workspace x platform x day, from campaign-level rows, kept incrementally
create table public.ad_metrics_rollup_daily (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  platform public.ad_platform not null,
  day date not null,
  spend_cents bigint not null,
  impressions bigint not null,
  clicks bigint not null,
  conversions numeric(20, 4) not null,
  revenue_cents bigint not null,
  campaigns integer not null,
  refreshed_at timestamptz not null default now(),
  primary key (workspace_id, platform, day)
);
comment on table public.ad_metrics_rollup_daily is 'Sum of campaign-level ad_metrics_daily per workspace, platform and day. Kept by private.refresh_ad_rollup() (pg_cron, hourly) for the days whose source rows changed; private.rebuild_ad_rollup() recomputes everything and must agree.';
comment on column public.ad_metrics_rollup_daily.campaigns is 'How many campaigns reported that day.';
alter table public.ad_metrics_rollup_daily enable row level security;
grant select on public.ad_metrics_rollup_daily to authenticated;
select private.install_row_triggers('public.ad_metrics_rollup_daily');
select private.tenant_policy('public.ad_metrics_rollup_daily', 'select', 'viewer');

-- Days whose source rows changed since the last refresh.
create table private.ad_rollup_dirty (
  workspace_id uuid not null,
  platform public.ad_platform not null,
  day date not null,
  primary key (workspace_id, platform, day)
);
comment on table private.ad_rollup_dirty is 'Queue of (workspace, platform, day) to recompute in ad_metrics_rollup_daily; filled by statement triggers on ad_metrics_daily.';
alter table private.ad_rollup_dirty enable row level security;
select private.install_row_triggers('private.ad_rollup_dirty');

create function private.mark_ad_rollup_dirty() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then
    insert into private.ad_rollup_dirty (workspace_id, platform, day)
    select distinct n.workspace_id, n.platform, n.day from new_rows n where n.level = 'campaign'
    on conflict do nothing;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    insert into private.ad_rollup_dirty (workspace_id, platform, day)
    select distinct o.workspace_id, o.platform, o.day from old_rows o where o.level = 'campaign'
    on conflict do nothing;
  end if;
  return null;
end $$;
comment on function private.mark_ad_rollup_dirty() is 'Statement trigger on ad_metrics_daily: queues the changed campaign-level days for the rollup.';

create trigger mark_ad_rollup_dirty_ins after insert on public.ad_metrics_daily
  referencing new table as new_rows for each statement execute function private.mark_ad_rollup_dirty();

create trigger mark_ad_rollup_dirty_upd after update on public.ad_metrics_daily
  referencing new table as new_rows old table as old_rows for each statement execute function private.mark_ad_rollup_dirty();

create trigger mark_ad_rollup_dirty_del after delete on public.ad_metrics_daily
  referencing old table as old_rows for each statement execute function private.mark_ad_rollup_dirty();

-- Recomputes the queued days only; returns how many (workspace, platform, day) it refreshed.
create function private.refresh_ad_rollup() returns integer
language plpgsql security definer set search_path = '' as $$
declare
  ws uuid[];
  pf public.ad_platform[];
  dy date[];
begin
  with taken as (delete from private.ad_rollup_dirty returning workspace_id, platform, day)
  select array_agg(t.workspace_id), array_agg(t.platform), array_agg(t.day) into ws, pf, dy from taken t;
  if ws is null then
    return 0;
  end if;

  insert into public.ad_metrics_rollup_daily as r
    (workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns, refreshed_at)
  select m.workspace_id, m.platform, m.day, sum(m.spend_cents), sum(m.impressions), sum(m.clicks),
         sum(m.conversions), sum(m.revenue_cents), count(*), now()
  from unnest(ws, pf, dy) as t (workspace_id, platform, day)
  join public.ad_metrics_daily m
    on m.workspace_id = t.workspace_id and m.platform = t.platform and m.day = t.day and m.level = 'campaign'
  group by m.workspace_id, m.platform, m.day
  on conflict (workspace_id, platform, day) do update set
    spend_cents = excluded.spend_cents, impressions = excluded.impressions, clicks = excluded.clicks,
    conversions = excluded.conversions, revenue_cents = excluded.revenue_cents, campaigns = excluded.campaigns,
    refreshed_at = excluded.refreshed_at;

  -- Days whose last campaign row went away.
  delete from public.ad_metrics_rollup_daily r
  using unnest(ws, pf, dy) as t (workspace_id, platform, day)
  where r.workspace_id = t.workspace_id and r.platform = t.platform and r.day = t.day
    and not exists (select 1 from public.ad_metrics_daily m
                    where m.workspace_id = t.workspace_id and m.platform = t.platform and m.day = t.day
                      and m.level = 'campaign');
  return cardinality(ws);
end $$;
comment on function private.refresh_ad_rollup() is 'Incremental rollup: recomputes only the days queued in private.ad_rollup_dirty. Run hourly by pg_cron (job ads-rollup-refresh).';
grant execute on function private.refresh_ad_rollup() to service_role;

-- Full recomputation, for repair and for checking the incremental path.
create function private.rebuild_ad_rollup() returns integer
language plpgsql security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from private.ad_rollup_dirty;
  delete from public.ad_metrics_rollup_daily;
  insert into public.ad_metrics_rollup_daily
    (workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns)
  select m.workspace_id, m.platform, m.day, sum(m.spend_cents), sum(m.impressions), sum(m.clicks),
         sum(m.conversions), sum(m.revenue_cents), count(*)
  from public.ad_metrics_daily m
  where m.level = 'campaign'
  group by m.workspace_id, m.platform, m.day;
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.rebuild_ad_rollup() is 'Recomputes ad_metrics_rollup_daily from scratch; the incremental refresh must give the same table.';
grant execute on function private.rebuild_ad_rollup() to service_role;

-- ===== retention: metrics older than the workspace's window (default 730 days)
create table public.ads_settings (
  workspace_id uuid primary key references public.workspaces (id) on delete cascade,
  metrics_retention_days integer not null default 730 check (metrics_retention_days between 30 and 3650),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.ads_settings is 'Per-workspace ads settings; without a row the defaults apply (730 days of metrics).';
comment on column public.ads_settings.metrics_retention_days is 'Days of ad_metrics_daily (and its rollup) kept; older rows are purged daily by pg_cron (job ads-retention).';
alter table public.ads_settings enable row level security;
grant select, insert, update, delete on public.ads_settings to authenticated;
select private.install_row_triggers('public.ads_settings');
select private.tenant_policies('public.ads_settings', 'viewer', 'admin');

create function private.purge_ad_metrics(p_today date default current_date) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from public.ad_metrics_daily m
  using public.workspaces w
  left join public.ads_settings s on s.workspace_id = w.id
  where m.workspace_id = w.id and m.day < p_today - coalesce(s.metrics_retention_days, 730);
  get diagnostics n = row_count;
  delete from public.ad_metrics_rollup_daily r
  using public.workspaces w
  left join public.ads_settings s on s.workspace_id = w.id
  where r.workspace_id = w.id and r.day < p_today - coalesce(s.metrics_retention_days, 730);
  delete from private.ad_rollup_dirty d
  using public.workspaces w
  left join public.ads_settings s on s.workspace_id = w.id
  where d.workspace_id = w.id and d.day < p_today - coalesce(s.metrics_retention_days, 730);
  return n;
end $$;
comment on function private.purge_ad_metrics(date) is 'Deletes ad metrics (and rollup days) older than each workspace''s retention window; returns rows purged.';
grant execute on function private.purge_ad_metrics(date) to service_role;

select cron.schedule('ads-rollup-refresh', '7 * * * *', 'select private.refresh_ad_rollup()');

select cron.schedule('ads-retention', '23 3 * * *', 'select private.purge_ad_metrics()');

-- ===== dashboards (SECURITY INVOKER: RLS decides what the caller sees)
create function private.check_date_range(p_workspace_id uuid, p_from date, p_to date) returns void
language plpgsql stable set search_path = '' as $$
begin
  if p_workspace_id is null or p_from is null or p_to is null then
    raise exception 'workspace, from and to are required' using errcode = '22023';
  end if;
  if p_from > p_to then
    raise exception 'from (%) is after to (%)', p_from, p_to using errcode = '22023';
  end if;
  if p_to - p_from > 731 then
    raise exception 'a range covers at most 732 days' using errcode = '22023';
  end if;
  perform private.require_reader(p_workspace_id);
end $$;
comment on function private.check_date_range(uuid, date, date) is 'Dashboard input check: a valid range of at most 732 days, and a caller who can view the workspace (also from inside a definer function).';
grant execute on function private.check_date_range(uuid, date, date) to authenticated, service_role;

create type public.ads_group_by as enum ('platform', 'campaign', 'day');

comment on type public.ads_group_by is 'How ads_dashboard groups its rows.';

create index ad_accounts_integration_connection_id_idx on public.ad_accounts (integration_connection_id);

-- ===== dashboards, fresh and typed truthfully
-- Fresh: the platform/day views, blended ROAS and the ROAS tile read the per-day rollup (refreshed
-- hourly by pg_cron) through private.ad_rollup_current(), which recomputes every still-queued day
-- from the campaign-level rows at read time (the queue is small: what changed since the last
-- refresh), so a write shows at once; the hourly refresh is for bulk.
-- Typed: ROAS, CPA, CTR, MER ... are NULL on a zero denominator, so the RPCs return row types
-- whose fields the generated types mark nullable.
create function private.ad_rollup_current(p_workspace_id uuid, p_from date, p_to date)
returns table (platform public.ad_platform, day date, spend_cents bigint, impressions bigint, clicks bigint,
               conversions numeric, revenue_cents bigint, campaigns integer)
language plpgsql stable security definer set search_path = '' as $$
begin
  return query
  select r.platform, r.day, r.spend_cents, r.impressions, r.clicks, r.conversions, r.revenue_cents, r.campaigns
  from public.ad_metrics_rollup_daily r
  where r.workspace_id = p_workspace_id and r.day between p_from and p_to
    and not exists (select 1 from private.ad_rollup_dirty d
                    where d.workspace_id = r.workspace_id and d.platform = r.platform and d.day = r.day)
  union all
  select m.platform, m.day, sum(m.spend_cents)::bigint, sum(m.impressions)::bigint, sum(m.clicks)::bigint,
         sum(m.conversions), sum(m.revenue_cents)::bigint, count(*)::integer
  from private.ad_rollup_dirty d
  join public.ad_metrics_daily m
    on m.workspace_id = d.workspace_id and m.platform = d.platform and m.day = d.day and m.level = 'campaign'
  where d.workspace_id = p_workspace_id and d.day between p_from and p_to
  group by m.platform, m.day;
end $$;
comment on function private.ad_rollup_current(uuid, date, date) is 'The ads rollup of one workspace and date range as of now: stored days, with the days still queued for the hourly refresh recomputed from campaign-level rows. No membership check: only the private dashboard readers call it, after theirs.';
grant execute on function private.ad_rollup_current(uuid, date, date) to service_role;

create type public.ads_dashboard_row as (
  key text, label text, spend_cents bigint, revenue_cents bigint, impressions bigint, clicks bigint,
  conversions numeric, roas numeric, cpa_cents numeric, ctr numeric);

comment on type public.ads_dashboard_row is 'One row of ads_dashboard. Never null: key, label and the sums. NULL on a zero denominator: roas (no spend), cpa_cents (no conversions), ctr (no impressions).';

create type public.ads_blended_roas_row as (
  ad_spend_cents bigint, platform_revenue_cents bigint, order_revenue_cents bigint, orders bigint,
  platform_roas numeric, mer numeric);

comment on type public.ads_blended_roas_row is 'ads_blended_roas'' single row. The sums are never null (0 without data); platform_roas and mer are NULL without spend.';

create type public.ads_roas_tile_row as (
  spend_cents bigint, revenue_cents bigint, roas numeric, previous_roas numeric, change numeric);

comment on type public.ads_roas_tile_row is 'ads_roas_tile''s single row. spend and revenue never null; roas NULL without spend in the last 30 days, previous_roas without spend in the 30 before, change when either is NULL or previous_roas is 0.';

create function private.ads_dashboard(p_workspace_id uuid, p_from date, p_to date, p_group_by public.ads_group_by)
returns setof public.ads_dashboard_row
language plpgsql stable set search_path = '' security definer
as $$
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  if p_group_by is null then
    raise exception 'p_group_by is required: platform, campaign or day' using errcode = '22023';
  end if;
  if p_group_by = 'campaign' then
    return query
    select c.id::text, c.name, s.spend, s.revenue, s.impr, s.clk, s.conv,
           case when s.spend > 0 then round(s.revenue::numeric / s.spend, 4) end,
           case when s.conv > 0 then round(s.spend / s.conv, 2) end,
           case when s.impr > 0 then round(s.clk::numeric / s.impr, 6) end
    from (
      select m.campaign_id, sum(m.spend_cents)::bigint as spend, sum(m.revenue_cents)::bigint as revenue,
             sum(m.impressions)::bigint as impr, sum(m.clicks)::bigint as clk, sum(m.conversions) as conv
      from public.ad_metrics_daily m
      where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between p_from and p_to
      group by m.campaign_id
    ) s join public.ad_campaigns c on c.workspace_id = p_workspace_id and c.id = s.campaign_id
    order by s.spend desc, c.name;
  else
    return query
    select s.k, s.k, s.spend, s.revenue, s.impr, s.clk, s.conv,
           case when s.spend > 0 then round(s.revenue::numeric / s.spend, 4) end,
           case when s.conv > 0 then round(s.spend / s.conv, 2) end,
           case when s.impr > 0 then round(s.clk::numeric / s.impr, 6) end
    from (
      select case when p_group_by = 'platform' then r.platform::text else r.day::text end as k,
             sum(r.spend_cents)::bigint as spend, sum(r.revenue_cents)::bigint as revenue,
             sum(r.impressions)::bigint as impr, sum(r.clicks)::bigint as clk, sum(r.conversions) as conv
      from private.ad_rollup_current(p_workspace_id, p_from, p_to) r
      group by 1
    ) s
    order by case when p_group_by = 'day' then s.k end, s.spend desc;
  end if;
end $$;
comment on function private.ads_dashboard(uuid, date, date, public.ads_group_by) is 'What public.ads_dashboard returns, read as the owner after one membership check (see the header).';
grant execute on function private.ads_dashboard(uuid, date, date, public.ads_group_by) to service_role, authenticated;

create function private.ads_blended_roas(p_workspace_id uuid, p_from date, p_to date)
returns setof public.ads_blended_roas_row
language plpgsql stable set search_path = '' security definer
as $$
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  return query
  with spend as (
    select coalesce(sum(r.spend_cents), 0)::bigint as spend, coalesce(sum(r.revenue_cents), 0)::bigint as revenue
    from private.ad_rollup_current(p_workspace_id, p_from, p_to) r
  ), sales as (
    select coalesce(sum(o.net_revenue_cents), 0)::bigint as revenue, coalesce(sum(o.orders), 0)::bigint as n
    from public.order_revenue_daily o
    where o.workspace_id = p_workspace_id and o.day between p_from and p_to
  )
  select spend.spend, spend.revenue, sales.revenue, sales.n,
         case when spend.spend > 0 then round(spend.revenue::numeric / spend.spend, 4) end,
         case when spend.spend > 0 then round(sales.revenue::numeric / spend.spend, 4) end
  from spend, sales;
end $$;
comment on function private.ads_blended_roas(uuid, date, date) is 'What public.ads_blended_roas returns, read as the owner after one membership check (see the header).';
grant execute on function private.ads_blended_roas(uuid, date, date) to service_role, authenticated;

create function private.ads_roas_tile(p_workspace_id uuid, p_today date default current_date)
returns setof public.ads_roas_tile_row
language plpgsql stable set search_path = '' security definer
as $$
begin
  if p_today is null then
    raise exception 'p_today is required' using errcode = '22023';
  end if;
  perform private.check_date_range(p_workspace_id, p_today - 60, p_today - 1);
  return query
  with w as (
    select sum(r.spend_cents) filter (where r.day >= p_today - 30) as spend,
           sum(r.revenue_cents) filter (where r.day >= p_today - 30) as revenue,
           sum(r.spend_cents) filter (where r.day < p_today - 30) as prev_spend,
           sum(r.revenue_cents) filter (where r.day < p_today - 30) as prev_revenue
    from private.ad_rollup_current(p_workspace_id, p_today - 60, p_today - 1) r
  ), k as (
    select coalesce(w.spend, 0)::bigint as spend, coalesce(w.revenue, 0)::bigint as revenue,
           case when w.spend > 0 then round(w.revenue::numeric / w.spend, 4) end as roas,
           case when w.prev_spend > 0 then round(w.prev_revenue::numeric / w.prev_spend, 4) end as prev
    from w
  )
  select k.spend, k.revenue, k.roas, k.prev,
         case when k.prev > 0 then round((k.roas - k.prev) / k.prev, 4) end
  from k;
end $$;
comment on function private.ads_roas_tile(uuid, date) is 'What public.ads_roas_tile returns, read as the owner after one membership check (see the header).';
grant execute on function private.ads_roas_tile(uuid, date) to service_role, authenticated;

-- ===== reorder points: sku, on_hand, reorder_point and weeks_of_supply can be NULL
create type public.reorder_point_row as (
  product_id uuid, sku text, title text, on_hand integer, reorder_point numeric, weeks_of_supply numeric);

comment on type public.reorder_point_row is 'A SKU below its reorder point. product_id and title never null; sku NULL for variants without one, on_hand without a snapshot, reorder_point without a lead time, weeks_of_supply without demand.';

create function public.recompute_reorder_points(p_workspace_id uuid, p_as_of date default current_date)
returns setof public.reorder_point_row
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null or p_as_of is null then
    raise exception 'workspace and as_of are required' using errcode = '22023';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  perform private.compute_reorder_points(p_workspace_id, p_as_of);
  return query
  select r.product_id, p.sku, p.title, r.on_hand, r.reorder_point, r.weeks_of_supply
  from public.reorder_points r join public.products p on p.id = r.product_id
  where r.workspace_id = p_workspace_id and r.below_reorder_point
  order by r.weeks_of_supply nulls first, p.sku;
end $$;
comment on function public.recompute_reorder_points(uuid, date) is 'Members: recompute the workspace''s reorder points as of a day and list the SKUs below their reorder point.';
grant execute on function public.recompute_reorder_points(uuid, date) to authenticated;

-- The campaign dashboard flat in data size. It sums campaign-level rows per campaign over the
-- date range, but `level` was in no index: a year of one workspace's rows was read from the heap
-- with every ad-level row of those days (1M rows, 365 days: 231 ms). A partial covering index
-- on the campaign-level rows answers it from the index alone, reading campaigns x days entries
-- whatever the number of ad, ad group and account rows beside them.
create index ad_metrics_daily_campaign_level_idx on public.ad_metrics_daily (workspace_id, day)
  include (campaign_id, spend_cents, revenue_cents, impressions, clicks, conversions)
  where level = 'campaign';
comment on index public.ad_metrics_daily_campaign_level_idx is 'Campaign-level rows by workspace and day, covering what ads_dashboard by campaign sums (index-only scans).';

create index ad_campaigns_campaign_id_idx on public.ad_campaigns (workspace_id, campaign_id);

create function public.ads_dashboard(p_workspace_id uuid, p_from date, p_to date, p_group_by public.ads_group_by)
returns setof public.ads_dashboard_row
language sql stable set search_path = '' as $$
  select * from private.ads_dashboard(p_workspace_id, p_from, p_to, p_group_by)
$$;
comment on function public.ads_dashboard(uuid, date, date, public.ads_group_by) is 'Spend, revenue, ROAS, CPA and CTR for a date range (at most 732 days), one row per platform, campaign or day (trend). Reflects every committed write. Viewers and up.';
grant execute on function public.ads_dashboard(uuid, date, date, public.ads_group_by) to authenticated;

create function public.ads_blended_roas(p_workspace_id uuid, p_from date, p_to date)
returns setof public.ads_blended_roas_row
language sql stable set search_path = '' as $$
  select * from private.ads_blended_roas(p_workspace_id, p_from, p_to)
$$;
comment on function public.ads_blended_roas(uuid, date, date) is 'Blended view: ad spend against the platforms'' claimed revenue (platform ROAS) and against all order revenue (MER = order revenue / ad spend). NULL ratios when there was no spend. Assumes one currency per workspace.';
grant execute on function public.ads_blended_roas(uuid, date, date) to authenticated;

create function public.ads_roas_tile(p_workspace_id uuid, p_today date default current_date)
returns setof public.ads_roas_tile_row
language sql stable set search_path = '' as $$
  select * from private.ads_roas_tile(p_workspace_id, p_today)
$$;
comment on function public.ads_roas_tile(uuid, date) is 'The ROAS tile of the last 30 days: spend, revenue and ROAS of the 30 days before p_today (days p_today-30 .. p_today-1), the 30 days before that (p_today-60 .. p_today-31), and the relative change.';
grant execute on function public.ads_roas_tile(uuid, date) to authenticated;
