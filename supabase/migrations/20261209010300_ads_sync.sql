-- Ads sync: spend and structure pulled from Meta, Google Ads and TikTok into the ads tables.
-- - A connection of an ad platform (meta, google_ads, tiktok) has an ad account and a schedule
--   (made when it connects). pg_cron queues its due windows on the connector queue `ads_sync`:
--   the recent days every hour, a restatement window every day (platforms revise recent numbers:
--   28 days for Meta, the longest conversion window for Google, 7 days for TikTok), and on first
--   connect a backfill of up to two years in chunks, each its own resumable job.
-- - The ads-sync worker claims windows (one per connection at a time), calls the provider and
--   hands each page to private.apply_ad_sync_page, which in one transaction checks the lease,
--   upserts the hierarchy (campaigns, ad groups, ads: names, status, objective, budgets;
--   removed objects arrive as deleted) where the platform changed it, and writes the daily rows
--   through public.ingest_ad_metrics (the ads domain's one write path), only those the platform
--   changed; the last page of a window derives the ad group and campaign rows of its days.
--   Bad rows are rejected one by one with their reason in the run; nothing in a page names a
--   workspace: everything is written to the job's.
-- - public.ad_sync_runs is what a frontend reads: one row per window with status, pages, API
--   calls, rows, rejections, error and next attempt, mirrored from the job.
-- - Money: integer minor units of the account's currency (private.minor_units). Dashboards do
--   not add up different currencies: they refuse (PT409) and ads_currencies says which there are.

create type public.ad_sync_kind as enum ('recent', 'restatement', 'backfill');
comment on type public.ad_sync_kind is 'Why a window is synced: recent (the last days, hourly), restatement (the days the platform still revises, daily), backfill (history on first connect, in chunks).';
create type public.ad_sync_status as enum ('queued', 'running', 'waiting', 'retrying', 'succeeded', 'dead');
comment on type public.ad_sync_status is 'queued -> running -> succeeded; waiting (throttled, a report being built, the connection needs reconnecting), retrying (an attempt failed; next_attempt_at), dead (gave up: error says why).';

-- ===== objects remember when the platform last described them (a late, older page never wins)
alter table public.ad_campaigns add column last_synced_at timestamptz;
alter table public.ad_groups add column last_synced_at timestamptz;
alter table public.ads add column last_synced_at timestamptz;
comment on column public.ad_campaigns.last_synced_at is 'When the platform''s description of this campaign was fetched by the ads sync (null: entered by hand); an older page never overwrites a newer one.';
comment on column public.ad_groups.last_synced_at is 'When the platform''s description of this ad group was fetched by the ads sync; an older page never overwrites a newer one.';
comment on column public.ads.last_synced_at is 'When the platform''s description of this ad was fetched by the ads sync; an older page never overwrites a newer one.';

-- ===== schedules
create table public.ad_sync_schedules (
  connection_id uuid primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  ad_account_id uuid not null,
  platform public.ad_platform not null,
  enabled boolean not null default true,
  recent_days integer not null default 3 check (recent_days between 1 and 7),
  restatement_days integer not null check (restatement_days between 1 and 90),
  backfill_days integer not null default 730 check (backfill_days between 0 and 730),
  backfill_chunk_days integer not null default 30 check (backfill_chunk_days between 1 and 90),
  structure_synced_at timestamptz,
  last_recent_queued_at timestamptz,
  last_restatement_queued_at timestamptz,
  backfill_queued_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, connection_id) references public.integration_connections (workspace_id, id) on delete cascade,
  foreign key (workspace_id, ad_account_id) references public.ad_accounts (workspace_id, id) on delete cascade
);
comment on table public.ad_sync_schedules is 'One per connected ad account: what the ads sync queues and when. Made when the connection connects; admins may pause it or change its windows.';
comment on column public.ad_sync_schedules.recent_days is 'The last days (today included, in the account''s time zone) synced every hour.';
comment on column public.ad_sync_schedules.restatement_days is 'How far back the platform revises numbers: the days before the recent ones synced again daily (Meta 28; Google the longest conversion window of the account, kept up to date by the sync; TikTok 7).';
comment on column public.ad_sync_schedules.backfill_days is 'History fetched once, on first connect (at most 730 days), in chunks of backfill_chunk_days.';
comment on column public.ad_sync_schedules.structure_synced_at is 'When campaigns, ad groups and ads were last listed in full.';
create index ad_sync_schedules_workspace_id_idx on public.ad_sync_schedules (workspace_id, ad_account_id);
create index ad_sync_schedules_workspace_connection_idx on public.ad_sync_schedules (workspace_id, connection_id);
select private.install_row_triggers('public.ad_sync_schedules');

-- ===== runs
create table public.ad_sync_runs (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  connection_id uuid not null,
  ad_account_id uuid,
  platform public.ad_platform not null,
  kind public.ad_sync_kind not null,
  window_from date not null,
  window_to date not null check (window_to >= window_from),
  status public.ad_sync_status not null default 'queued',
  attempts integer not null default 0 check (attempts >= 0),
  pages integer not null default 0 check (pages >= 0),
  api_calls integer not null default 0 check (api_calls >= 0),
  rows_applied integer not null default 0 check (rows_applied >= 0),
  rows_unchanged integer not null default 0 check (rows_unchanged >= 0),
  rows_rejected integer not null default 0 check (rows_rejected >= 0),
  rejections jsonb not null default '[]'::jsonb check (jsonb_typeof(rejections) = 'array'),
  error text check (char_length(error) <= 2000),
  next_attempt_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  job_id bigint not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, job_id),
  foreign key (workspace_id, connection_id) references public.integration_connections (workspace_id, id) on delete cascade,
  foreign key (workspace_id, ad_account_id) references public.ad_accounts (workspace_id, id) on delete set null (ad_account_id)
);
comment on table public.ad_sync_runs is 'One row per synced window of an ad account: status, progress and what went wrong. Written by the ads sync; viewers read. Kept 90 days.';
comment on column public.ad_sync_runs.attempts is 'Failed attempts so far, the one running included (throttled and waiting turns do not count).';
comment on column public.ad_sync_runs.api_calls is 'Provider requests made for this window, failed ones included.';
comment on column public.ad_sync_runs.rows_applied is 'Objects and daily rows written because the platform changed them (new, restated, renamed ...).';
comment on column public.ad_sync_runs.rows_unchanged is 'Rows the platform sent again unchanged: nothing was written for them.';
comment on column public.ad_sync_runs.rejections is 'The first 100 rejected rows: [{"kind": "metric" | "campaign" | "ad_group" | "ad" | "account", "index", "external_id", "day", "reason"}].';
comment on column public.ad_sync_runs.error is 'The last failure (provider message, throttling, token) while retrying or waiting, or why it is dead.';
comment on column public.ad_sync_runs.next_attempt_at is 'While queued, waiting or retrying: when the window runs next.';
create index ad_sync_runs_workspace_idx on public.ad_sync_runs (workspace_id, created_at desc);
create index ad_sync_runs_connection_idx on public.ad_sync_runs (connection_id, created_at desc);
create index ad_sync_runs_workspace_connection_idx on public.ad_sync_runs (workspace_id, connection_id);
-- the job's mirror and the worker find a run by its job
create index ad_sync_runs_job_id_idx on public.ad_sync_runs (job_id);
create index ad_sync_runs_ad_account_id_idx on public.ad_sync_runs (workspace_id, ad_account_id);
select private.install_row_triggers('public.ad_sync_runs');

-- ===== the queue
select private.register_connector_queue('ads_sync', 'ads-sync',
  'The ads sync worker: windows of connected Meta, Google Ads and TikTok accounts (public.ad_sync_runs).',
  p_backoff_base => interval '1 minute');

create function private.ad_platform_of(p_provider public.integration_provider) returns public.ad_platform
language sql immutable set search_path = '' as $$
  select case p_provider when 'meta' then 'meta' when 'google_ads' then 'google' when 'tiktok' then 'tiktok' end::public.ad_platform
$$;
comment on function private.ad_platform_of(public.integration_provider) is 'The ad platform a connection''s provider syncs (meta, google_ads -> google, tiktok); null for other providers.';

-- One window as a job and its run, unless the same key was queued before.
create function private.queue_ad_sync(p_connection_id uuid, p_kind public.ad_sync_kind, p_window_from date, p_window_to date,
  p_idempotency_key text, p_priority smallint, p_structure boolean default false)
returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  s public.ad_sync_schedules;
  jid bigint;
begin
  select * into s from public.ad_sync_schedules where connection_id = p_connection_id;
  if not found then
    raise exception 'connection % has no ads sync schedule', p_connection_id using errcode = 'PT404';
  end if;
  if p_window_from is null or p_window_to is null or p_window_from > p_window_to then
    raise exception 'a window needs from <= to' using errcode = '22023';
  end if;
  jid := private.enqueue_connector_job('ads_sync', s.workspace_id, p_connection_id, p_idempotency_key,
    jsonb_build_object('kind', p_kind, 'from', p_window_from, 'to', p_window_to, 'platform', s.platform,
                       'structure', p_structure),
    p_priority);
  insert into public.ad_sync_runs (workspace_id, connection_id, ad_account_id, platform, kind, window_from, window_to,
                                   job_id, next_attempt_at)
  values (s.workspace_id, p_connection_id, s.ad_account_id, s.platform, p_kind, p_window_from, p_window_to, jid, now())
  on conflict (workspace_id, job_id) do nothing;
  return jid;
end $$;
comment on function private.queue_ad_sync(uuid, public.ad_sync_kind, date, date, text, smallint, boolean) is 'Queues one sync window of a connection (a connector job and its ad_sync_runs row), idempotently by key; p_structure lists campaigns, ad groups and ads first. Returns the job id.';

-- The scheduler: every due window of every enabled schedule (or of one connection).
create function private.queue_ad_sync_windows(p_connection_id uuid default null, p_now timestamptz default now())
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  s record;
  today date;
  n integer := 0;
  chunk_to date;
  chunk_from date;
  i integer;
begin
  for s in
    select sc.*, a.timezone
    from public.ad_sync_schedules sc
    join public.integration_connections c on c.id = sc.connection_id
    join public.ad_accounts a on a.id = sc.ad_account_id
    where sc.enabled and c.status = 'active' and (p_connection_id is null or sc.connection_id = p_connection_id)
    for update of sc skip locked
  loop
    today := (p_now at time zone coalesce((select z.name from pg_catalog.pg_timezone_names z where z.name = s.timezone), 'UTC'))::date;
    if (s.last_recent_queued_at is null or s.last_recent_queued_at <= p_now - interval '55 minutes')
       and not exists (select 1 from private.connector_jobs j where j.connection_id = s.connection_id and j.queue = 'ads_sync'
                       and j.status in ('queued', 'running') and j.payload ->> 'kind' = 'recent') then
      perform private.queue_ad_sync(s.connection_id, 'recent', today - (s.recent_days - 1), today,
        format('recent:%s:%s', s.connection_id, to_char(p_now at time zone 'UTC', 'YYYY-MM-DD"T"HH24')), 10::smallint, true);
      update public.ad_sync_schedules set last_recent_queued_at = p_now where connection_id = s.connection_id;
      n := n + 1;
    end if;
    if (s.last_restatement_queued_at is null or s.last_restatement_queued_at <= p_now - interval '23 hours')
       and not exists (select 1 from private.connector_jobs j where j.connection_id = s.connection_id and j.queue = 'ads_sync'
                       and j.status in ('queued', 'running') and j.payload ->> 'kind' = 'restatement') then
      perform private.queue_ad_sync(s.connection_id, 'restatement', today - (s.recent_days - 1) - s.restatement_days,
        today - s.recent_days, format('restatement:%s:%s', s.connection_id, today), 50::smallint);
      update public.ad_sync_schedules set last_restatement_queued_at = p_now where connection_id = s.connection_id;
      n := n + 1;
    end if;
    if s.backfill_queued_at is null and s.backfill_days > 0 then
      -- newest chunk first; each chunk a job of its own, resumable page by page
      chunk_to := today - s.recent_days;
      i := 0;
      while chunk_to > today - s.backfill_days loop
        chunk_from := greatest(chunk_to - (s.backfill_chunk_days - 1), today - s.backfill_days + 1);
        perform private.queue_ad_sync(s.connection_id, 'backfill', chunk_from, chunk_to,
          format('backfill:%s:%s:%s', s.connection_id, chunk_from, chunk_to), (100 + least(i, 900))::smallint);
        chunk_to := chunk_from - 1;
        i := i + 1;
      end loop;
      update public.ad_sync_schedules set backfill_queued_at = p_now where connection_id = s.connection_id;
      n := n + i;
    end if;
  end loop;
  return n;
end $$;
comment on function private.queue_ad_sync_windows(uuid, timestamptz) is 'pg_cron (ads-sync-schedule, every 5 minutes) and connecting: queues each enabled schedule''s due windows (recent hourly, restatement daily, the backfill chunks once), never a second open window of the same kind; returns how many it queued.';

-- Connecting an ad platform makes its ad account and schedule, and queues its first windows.
create function private.ad_connection_connected() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  pf public.ad_platform := private.ad_platform_of(new.provider);
  acct uuid;
begin
  insert into public.ad_accounts as a (workspace_id, platform, external_account_id, integration_connection_id)
  values (new.workspace_id, pf, left(new.external_account_id, 64), new.id)
  on conflict (workspace_id, platform, external_account_id) do update set integration_connection_id = excluded.integration_connection_id
    where a.integration_connection_id is distinct from excluded.integration_connection_id
  returning a.id into acct;
  if acct is null then
    select a.id into acct from public.ad_accounts a
    where a.workspace_id = new.workspace_id and a.platform = pf and a.external_account_id = left(new.external_account_id, 64);
  end if;
  insert into public.ad_sync_schedules (connection_id, workspace_id, ad_account_id, platform, restatement_days)
  values (new.id, new.workspace_id, acct, pf, case pf when 'meta' then 28 when 'google' then 30 else 7 end)
  on conflict (connection_id) do nothing;
  perform private.queue_ad_sync_windows(new.id);
  return null;
end $$;
comment on function private.ad_connection_connected() is 'AFTER INSERT/UPDATE OF status on integration_connections of meta, google_ads and tiktok turning active: the ad account (linked to the connection), its sync schedule, and its due windows (the backfill on first connect).';
create trigger ad_connection_connected after insert or update of status on public.integration_connections
  for each row when (new.provider in ('meta', 'google_ads', 'tiktok') and new.status = 'active')
  execute function private.ad_connection_connected();

-- ===== the run mirrors its job
create function private.mirror_ad_sync_run() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.ad_sync_runs r set
    status = (case
      when new.status = 'running' then 'running'
      when new.status = 'done' then 'succeeded'
      when new.status = 'dead' then 'dead'
      when new.last_outcome = 'retry' then 'retrying'
      when new.last_outcome in ('wait', 'throttled') then 'waiting'
      else 'queued' end)::public.ad_sync_status,
    attempts = new.attempts,
    error = case when new.status = 'done' then null else coalesce(new.last_error, r.error) end,
    next_attempt_at = case when new.status = 'queued' then new.next_attempt_at end,
    started_at = case when new.status = 'running' then coalesce(r.started_at, now()) else r.started_at end,
    finished_at = case when new.status in ('done', 'dead') then now() end
  where r.job_id = new.id;
  return null;
end $$;
comment on function private.mirror_ad_sync_run() is 'AFTER UPDATE on private.connector_jobs of the ads_sync queue: the run''s status, attempts, error and next attempt follow its job.';
create trigger mirror_ad_sync_run after update of status, next_attempt_at, last_error on private.connector_jobs
  for each row when (new.queue = 'ads_sync') execute function private.mirror_ad_sync_run();

-- ===== applying a page
-- A page, as the worker hands it over (every field optional):
-- { "fetched_at": "...", "account": {"name", "currency", "timezone"},
--   "campaigns": [{"external_id", "name", "status", "objective", "daily_budget" | "daily_budget_minor" | "daily_budget_micros",
--                  "lifetime_budget..." , "bid_strategy", "start_date", "end_date"}],
--   "ad_groups": [{"external_id", "campaign_external_id", "name", "status", "daily_budget...", "cpc_bid_micros"}],
--   "ads": [{"external_id", "ad_group_external_id", "name", "status", "creative_id"}],
--   "metrics": [{"level": "ad" | "ad_group", "external_id", "name", "ad_group_external_id", "ad_group_name",
--                "campaign_external_id", "campaign_name", "day", "currency", "spend" | "spend_micros",
--                "impressions", "clicks", "conversions", "revenue" | "revenue_micros"}],
--   "settings": {"restatement_days"}, "structure_complete": true, "metrics_complete": {"derive_from": "ad" | "ad_group"} }
-- Amounts: "name" in major units (decimal strings, never floats), "name_minor" in minor units,
-- "name_micros" in millionths.

-- One structure object's problem, or null.
create function private.ad_object_problem(p jsonb, p_kind text) returns text
language sql immutable set search_path = '' as $$
  select case
    when jsonb_typeof(p) is distinct from 'object' then 'row: must be an object'
    when coalesce(btrim(p ->> 'external_id'), '') = '' then 'external_id: is required'
    when char_length(p ->> 'external_id') > 64 then 'external_id: at most 64 characters'
    when coalesce(btrim(p ->> 'name'), '') = '' then 'name: is required'
    when not coalesce(p ->> 'status' = any (enum_range(null::public.ad_status)::text[]), false)
      then 'status: must be one of ' || array_to_string(enum_range(null::public.ad_status)::text[], ', ')
    when p_kind = 'ad_group' and coalesce(btrim(p ->> 'campaign_external_id'), '') = '' then 'campaign_external_id: is required'
    when p_kind = 'ad' and coalesce(btrim(p ->> 'ad_group_external_id'), '') = '' then 'ad_group_external_id: is required'
    else (select f || ': ' || pr from unnest(array['daily_budget', 'daily_budget_minor', 'daily_budget_micros',
            'lifetime_budget', 'lifetime_budget_minor', 'lifetime_budget_micros', 'cpc_bid_micros']) f
          cross join lateral (select private.amount_problem(p -> f,
            case when f like '%\_minor' then 'minor' when f like '%\_micros' then 'micros' else 'major' end) as pr) x
          where p ? f and x.pr is not null limit 1)
  end
$$;
comment on function private.ad_object_problem(jsonb, text) is 'Checks one campaign, ad group or ad of a sync page: ids, a name, a known status, non-negative amounts; null when it is fine, else ''field: reason''.';

-- One daily row's problem, or null (PL/pgSQL: it runs for every row of every page).
create function private.ad_metric_problem(p jsonb, p_window_from date, p_window_to date, p_currency text) returns text
language plpgsql stable set search_path = '' as $$
declare
  d text := p ->> 'day';
  cur text := p ->> 'currency';
  f text;
  problem text;
begin
  if jsonb_typeof(p) is distinct from 'object' then
    return 'row: must be an object';
  elsif coalesce(p ->> 'level', '') not in ('ad', 'ad_group') then
    return 'level: must be ad or ad_group';
  elsif coalesce(btrim(p ->> 'external_id'), '') = '' then
    return 'external_id: is required';
  elsif char_length(p ->> 'external_id') > 64 then
    return 'external_id: at most 64 characters';
  elsif coalesce(btrim(p ->> 'campaign_external_id'), '') = '' then
    return 'campaign_external_id: is required';
  elsif char_length(p ->> 'campaign_external_id') > 64 then
    return 'campaign_external_id: at most 64 characters';
  elsif p ->> 'level' = 'ad' and coalesce(btrim(p ->> 'ad_group_external_id'), '') = '' then
    return 'ad_group_external_id: is required';
  elsif char_length(p ->> 'ad_group_external_id') > 64 then
    return 'ad_group_external_id: at most 64 characters';
  elsif d is null or d !~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$' then
    return 'day: must be a calendar date (YYYY-MM-DD)';
  elsif substr(d, 9, 2)::integer > extract(day from date_trunc('month', (substr(d, 1, 8) || '01')::date) + interval '1 month - 1 day') then
    return 'day: must be a calendar date (YYYY-MM-DD)';
  elsif d::date not between p_window_from and p_window_to then
    return format('day: %s is outside the window %s to %s', d, p_window_from, p_window_to);
  elsif cur is not null and upper(cur) <> p_currency then
    if private.currency_exponent(cur) is null then
      return format('currency: %s is not an ISO 4217 currency', cur);
    end if;
    return format('currency: %s is not the account''s currency (%s)', cur, p_currency);
  elsif not (p ? 'spend' or p ? 'spend_micros') then
    return 'spend: is required';
  end if;
  foreach f in array array['spend', 'spend_micros', 'revenue', 'revenue_micros'] loop
    if p ? f then
      problem := private.amount_problem(p -> f, case when f like '%\_micros' then 'micros' else 'major' end);
      if problem is not null then
        return f || ': ' || problem;
      end if;
    end if;
  end loop;
  if coalesce(p ->> 'impressions', '0') !~ '^\d{1,15}$' then
    return 'impressions: must be a non-negative whole number';
  elsif coalesce(p ->> 'clicks', '0') !~ '^\d{1,15}$' then
    return 'clicks: must be a non-negative whole number';
  elsif coalesce(p ->> 'clicks', '0')::bigint > coalesce(p ->> 'impressions', '0')::bigint then
    return 'clicks: cannot exceed impressions';
  elsif coalesce(p ->> 'conversions', '0') !~ '^\d{1,14}(\.\d+)?$' then
    return 'conversions: must be a non-negative number';
  end if;
  return null;
end $$;
comment on function private.ad_metric_problem(jsonb, date, date, text) is 'Checks one daily row of a sync page against its window and the account''s currency; null when it is fine, else ''field: reason''.';

-- Writes daily rows through the ads domain's ingest (public.ingest_ad_metrics), 5,000 at a time.
create function private.ingest_ad_sync_rows(p_workspace_id uuid, p_rows jsonb) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  total integer := 0;
  done integer := 0;
  size integer := jsonb_array_length(coalesce(p_rows, '[]'));
  chunk jsonb;
  r record;
begin
  while done < size loop
    select jsonb_agg(e.value order by e.ordinality) into chunk
    from jsonb_array_elements(p_rows) with ordinality e where e.ordinality > done and e.ordinality <= done + 5000;
    select * into r from public.ingest_ad_metrics(p_workspace_id, chunk);
    total := total + r.inserted + r.updated;
    done := done + 5000;
  end loop;
  return total;
end $$;
comment on function private.ingest_ad_sync_rows(uuid, jsonb) is 'The ads sync''s daily rows (already checked, in minor units) through public.ingest_ad_metrics, the ads domain''s one write path, in batches within its cap; returns rows written.';

-- The ad group and campaign rows of a window, summed from the level below.
create function private.derive_ad_sync_levels(p_workspace_id uuid, p_ad_account_id uuid, p_platform public.ad_platform,
  p_from date, p_to date, p_derive_from text, p_currency text)
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  rows jsonb;
begin
  with src as materialized (
    select m.campaign_id, m.ad_group_id, m.day, m.spend_cents, m.impressions, m.clicks, m.conversions, m.revenue_cents
    from public.ad_metrics_daily m
    where m.workspace_id = p_workspace_id and m.day between p_from and p_to and m.ad_account_id = p_ad_account_id
      and m.platform = p_platform and m.level = p_derive_from::public.ad_level
  ), sums as (
    select 'ad_group' as level, s.ad_group_id as object_id, s.day, sum(s.spend_cents)::bigint as spend,
      sum(s.impressions)::bigint as impressions, sum(s.clicks)::bigint as clicks, sum(s.conversions) as conversions,
      sum(s.revenue_cents)::bigint as revenue
    from src s where p_derive_from = 'ad' group by s.ad_group_id, s.day
    union all
    select 'campaign', s.campaign_id, s.day, sum(s.spend_cents)::bigint, sum(s.impressions)::bigint, sum(s.clicks)::bigint,
      sum(s.conversions), sum(s.revenue_cents)::bigint
    from src s group by s.campaign_id, s.day
  )
  select coalesce(jsonb_agg(jsonb_build_object('platform', p_platform, 'level', x.level,
           'external_id', coalesce(g.external_id, c.external_id), 'day', x.day, 'currency', p_currency,
           'spend_cents', x.spend, 'impressions', x.impressions, 'clicks', x.clicks, 'conversions', x.conversions,
           'revenue_cents', x.revenue)), '[]')
  into rows
  from sums x
  left join public.ad_groups g on x.level = 'ad_group' and g.id = x.object_id
  left join public.ad_campaigns c on x.level = 'campaign' and c.id = x.object_id
  left join public.ad_metrics_daily d on d.workspace_id = p_workspace_id and d.object_id = x.object_id and d.day = x.day
  where d.day is null
     or (d.spend_cents, d.impressions, d.clicks, d.conversions, d.revenue_cents, d.currency::text)
        is distinct from (x.spend, x.impressions, x.clicks, x.conversions, x.revenue, p_currency);
  return private.ingest_ad_sync_rows(p_workspace_id, rows);
end $$;
comment on function private.derive_ad_sync_levels(uuid, uuid, public.ad_platform, date, date, text, text) is 'At the end of a synced window: the ad group rows (from ad rows) and campaign rows (from the rows of p_derive_from) of its days, summed, written where they changed; returns rows written.';

-- One daily row of a page, checked (problem) and in minor units, as the page's steps pass it along.
create type private.ad_sync_metric as (
  idx integer, level text, ext text, name text, ad_group_ext text, ad_group_name text, campaign_ext text, campaign_name text,
  day date, spend bigint, impressions bigint, clicks bigint, conversions numeric, revenue bigint, problem text);
comment on type private.ad_sync_metric is 'A daily row of an ads sync page after its check: the object, its parents'' ids and names, the day, amounts in minor units, and the problem that rejects it (null when it is fine).';

create function private.apply_ad_sync_page(p_job_id bigint, p_lease_id uuid, p_page jsonb, p_progress jsonb,
  p_api_calls integer default 1)
returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs;
  acct public.ad_accounts;
  pf public.ad_platform;
  w_from date;
  w_to date;
  synced timestamptz;
  cur char(3);
  ex integer;
  rejected jsonb := '[]'::jsonb;
  applied integer := 0;
  unchanged integer := 0;
  n integer;
  bad integer;
  rows jsonb;
  ms private.ad_sync_metric[];
  major numeric;
  micros numeric;
  derive text;
begin
  if jsonb_typeof(p_page) is distinct from 'object' then
    raise exception 'p_page must be a JSON object' using errcode = '22023';
  end if;
  j := private.touch_connector_job(p_job_id, p_lease_id, p_progress);
  if j.queue <> 'ads_sync' then
    raise exception 'job % is not an ads sync job', p_job_id using errcode = '22023';
  end if;
  perform private.require_batch_size('metric rows', jsonb_array_length(coalesce(p_page -> 'metrics', '[]')), 5000);
  perform private.require_batch_size('objects', jsonb_array_length(coalesce(p_page -> 'campaigns', '[]'))
    + jsonb_array_length(coalesce(p_page -> 'ad_groups', '[]')) + jsonb_array_length(coalesce(p_page -> 'ads', '[]')), 5000);
  pf := (j.payload ->> 'platform')::public.ad_platform;
  w_from := (j.payload ->> 'from')::date;
  w_to := (j.payload ->> 'to')::date;
  synced := coalesce(case when private.is_timestamptz(p_page ->> 'fetched_at') then (p_page ->> 'fetched_at')::timestamptz end, now());
  select * into acct from public.ad_accounts a
  where a.workspace_id = j.workspace_id and a.integration_connection_id = j.connection_id and a.platform = pf;
  if not found then
    raise exception 'the job''s connection has no % ad account', pf using errcode = 'PT404';
  end if;

  -- the account
  if jsonb_typeof(p_page -> 'account') = 'object' then
    if private.currency_exponent(p_page #>> '{account,currency}') is null then
      rejected := rejected || jsonb_build_object('kind', 'account', 'index', 0, 'external_id', acct.external_account_id,
        'reason', format('currency: %s is not an ISO 4217 currency', coalesce(p_page #>> '{account,currency}', 'none')));
    else
      update public.ad_accounts a set
        currency = upper(p_page #>> '{account,currency}'),
        name = coalesce(left(nullif(btrim(p_page #>> '{account,name}'), ''), 200), a.name),
        timezone = coalesce((select z.name from pg_catalog.pg_timezone_names z where z.name = p_page #>> '{account,timezone}'), a.timezone)
      where a.id = acct.id
        and (a.currency, a.name, a.timezone) is distinct from (upper(p_page #>> '{account,currency}'),
             coalesce(left(nullif(btrim(p_page #>> '{account,name}'), ''), 200), a.name),
             coalesce((select z.name from pg_catalog.pg_timezone_names z where z.name = p_page #>> '{account,timezone}'), a.timezone))
      returning a.* into acct;
      get diagnostics n = row_count;
      applied := applied + n;
      if n = 0 then
        select * into acct from public.ad_accounts a where a.id = acct.id;
      end if;
    end if;
  end if;
  cur := acct.currency;
  ex := private.currency_exponent(cur);
  major := power(10::numeric, ex);
  micros := power(10::numeric, 6 - ex);

  if (p_page #>> '{settings,restatement_days}') ~ '^\d{1,2}$' then
    update public.ad_sync_schedules set restatement_days = least(greatest((p_page #>> '{settings,restatement_days}')::integer, 1), 90)
    where connection_id = j.connection_id
      and restatement_days <> least(greatest((p_page #>> '{settings,restatement_days}')::integer, 1), 90);
  end if;

  -- campaigns
  with input as (
    select e.ordinality - 1 as idx, e.value as o, private.ad_object_problem(e.value, 'campaign') as problem
    from jsonb_array_elements(coalesce(p_page -> 'campaigns', '[]')) with ordinality e
  ), bad as (
    select coalesce(jsonb_agg(jsonb_build_object('kind', 'campaign', 'index', i.idx, 'external_id', i.o ->> 'external_id',
      'reason', i.problem) order by i.idx), '[]') as list
    from input i where i.problem is not null
  ), up as (
    insert into public.ad_campaigns as c (workspace_id, ad_account_id, platform, external_id, name, objective, status,
      daily_budget_cents, total_budget_cents, bid_strategy, start_date, end_date, last_synced_at)
    select distinct on (i.o ->> 'external_id') j.workspace_id, acct.id, pf, i.o ->> 'external_id', left(btrim(i.o ->> 'name'), 500),
      left(i.o ->> 'objective', 64), (i.o ->> 'status')::public.ad_status,
      coalesce(private.minor_units(i.o -> 'daily_budget', 'major', ex), private.minor_units(i.o -> 'daily_budget_minor', 'minor', ex),
               private.minor_units(i.o -> 'daily_budget_micros', 'micros', ex)),
      coalesce(private.minor_units(i.o -> 'lifetime_budget', 'major', ex), private.minor_units(i.o -> 'lifetime_budget_minor', 'minor', ex),
               private.minor_units(i.o -> 'lifetime_budget_micros', 'micros', ex)),
      left(i.o ->> 'bid_strategy', 64),
      case when private.is_timestamptz(i.o ->> 'start_date') then (i.o ->> 'start_date')::date end,
      case when private.is_timestamptz(i.o ->> 'end_date') and (i.o ->> 'end_date')::date >= coalesce(
        case when private.is_timestamptz(i.o ->> 'start_date') then (i.o ->> 'start_date')::date end, '-infinity') then (i.o ->> 'end_date')::date end,
      synced
    from input i where i.problem is null
    order by i.o ->> 'external_id', i.idx desc
    on conflict (workspace_id, platform, external_id) do update set
      ad_account_id = excluded.ad_account_id, name = excluded.name, objective = excluded.objective, status = excluded.status,
      daily_budget_cents = excluded.daily_budget_cents, total_budget_cents = excluded.total_budget_cents,
      bid_strategy = excluded.bid_strategy, start_date = excluded.start_date, end_date = excluded.end_date,
      last_synced_at = excluded.last_synced_at
    where (c.last_synced_at is null or c.last_synced_at <= excluded.last_synced_at)
      and (c.ad_account_id, c.name, c.objective, c.status, c.daily_budget_cents, c.total_budget_cents, c.bid_strategy,
           c.start_date, c.end_date) is distinct from
          (excluded.ad_account_id, excluded.name, excluded.objective, excluded.status, excluded.daily_budget_cents,
           excluded.total_budget_cents, excluded.bid_strategy, excluded.start_date, excluded.end_date)
    returning 1
  )
  select rejected || bad.list, (select count(*) from up), jsonb_array_length(bad.list) into rejected, n, bad from bad;
  applied := applied + n;
  unchanged := unchanged + jsonb_array_length(coalesce(p_page -> 'campaigns', '[]')) - n - bad;

  -- ad groups (their campaign: in this workspace, on this platform)
  with input as (
    select e.ordinality - 1 as idx, e.value as o, private.ad_object_problem(e.value, 'ad_group') as problem
    from jsonb_array_elements(coalesce(p_page -> 'ad_groups', '[]')) with ordinality e
  ), resolved as (
    select i.idx, i.o, coalesce(i.problem, case when c.id is null
      then format('campaign_external_id: no campaign %s in this account', i.o ->> 'campaign_external_id') end) as problem, c.id as campaign_id
    from input i
    left join public.ad_campaigns c on c.workspace_id = j.workspace_id and c.platform = pf
      and c.external_id = i.o ->> 'campaign_external_id'
  ), bad as (
    select coalesce(jsonb_agg(jsonb_build_object('kind', 'ad_group', 'index', r.idx, 'external_id', r.o ->> 'external_id',
      'reason', r.problem) order by r.idx), '[]') as list
    from resolved r where r.problem is not null
  ), up as (
    insert into public.ad_groups as g (workspace_id, campaign_id, platform, external_id, name, status, daily_budget_cents,
      cpc_bid_micros, last_synced_at)
    select distinct on (r.o ->> 'external_id') j.workspace_id, r.campaign_id, pf, r.o ->> 'external_id', left(btrim(r.o ->> 'name'), 500),
      (r.o ->> 'status')::public.ad_status,
      coalesce(private.minor_units(r.o -> 'daily_budget', 'major', ex), private.minor_units(r.o -> 'daily_budget_minor', 'minor', ex),
               private.minor_units(r.o -> 'daily_budget_micros', 'micros', ex)),
      private.minor_units(r.o -> 'cpc_bid_micros', 'minor', ex), synced
    from resolved r where r.problem is null
    order by r.o ->> 'external_id', r.idx desc
    on conflict (workspace_id, platform, external_id) do update set
      campaign_id = excluded.campaign_id, name = excluded.name, status = excluded.status,
      daily_budget_cents = excluded.daily_budget_cents, cpc_bid_micros = excluded.cpc_bid_micros, last_synced_at = excluded.last_synced_at
    where (g.last_synced_at is null or g.last_synced_at <= excluded.last_synced_at)
      and (g.campaign_id, g.name, g.status, g.daily_budget_cents, g.cpc_bid_micros) is distinct from
          (excluded.campaign_id, excluded.name, excluded.status, excluded.daily_budget_cents, excluded.cpc_bid_micros)
    returning 1
  )
  select rejected || bad.list, (select count(*) from up), jsonb_array_length(bad.list) into rejected, n, bad from bad;
  applied := applied + n;
  unchanged := unchanged + jsonb_array_length(coalesce(p_page -> 'ad_groups', '[]')) - n - bad;

  -- ads (their ad group: in this workspace, on this platform)
  with input as (
    select e.ordinality - 1 as idx, e.value as o, private.ad_object_problem(e.value, 'ad') as problem
    from jsonb_array_elements(coalesce(p_page -> 'ads', '[]')) with ordinality e
  ), resolved as (
    select i.idx, i.o, coalesce(i.problem, case when g.id is null
      then format('ad_group_external_id: no ad group %s in this account', i.o ->> 'ad_group_external_id') end) as problem, g.id as ad_group_id
    from input i
    left join public.ad_groups g on g.workspace_id = j.workspace_id and g.platform = pf
      and g.external_id = i.o ->> 'ad_group_external_id'
  ), bad as (
    select coalesce(jsonb_agg(jsonb_build_object('kind', 'ad', 'index', r.idx, 'external_id', r.o ->> 'external_id',
      'reason', r.problem) order by r.idx), '[]') as list
    from resolved r where r.problem is not null
  ), up as (
    insert into public.ads as a (workspace_id, ad_group_id, platform, external_id, name, status, creative_id, last_synced_at)
    select distinct on (r.o ->> 'external_id') j.workspace_id, r.ad_group_id, pf, r.o ->> 'external_id', left(btrim(r.o ->> 'name'), 500),
      (r.o ->> 'status')::public.ad_status, left(r.o ->> 'creative_id', 64), synced
    from resolved r where r.problem is null
    order by r.o ->> 'external_id', r.idx desc
    on conflict (workspace_id, platform, external_id) do update set
      ad_group_id = excluded.ad_group_id, name = excluded.name, status = excluded.status, creative_id = excluded.creative_id,
      last_synced_at = excluded.last_synced_at
    where (a.last_synced_at is null or a.last_synced_at <= excluded.last_synced_at)
      and (a.ad_group_id, a.name, a.status, a.creative_id) is distinct from
          (excluded.ad_group_id, excluded.name, excluded.status, excluded.creative_id)
    returning 1
  )
  select rejected || bad.list, (select count(*) from up), jsonb_array_length(bad.list) into rejected, n, bad from bad;
  applied := applied + n;
  unchanged := unchanged + jsonb_array_length(coalesce(p_page -> 'ads', '[]')) - n - bad;

  -- daily rows: checked one by one (a second row for the same object and day is a duplicate),
  -- converted to minor units with the account's exponent
  if jsonb_array_length(coalesce(p_page -> 'metrics', '[]')) > 0 then
    select coalesce(array_agg(row(c.idx, c.level, c.ext, c.name, c.ad_group_ext, c.ad_group_name, c.campaign_ext, c.campaign_name,
             case when c.problem is null then (c.r ->> 'day')::date end,
             case when c.problem is null then coalesce(round((c.r ->> 'spend')::numeric * major),
                                                       round((c.r ->> 'spend_micros')::numeric / micros), 0)::bigint end,
             case when c.problem is null then coalesce((c.r ->> 'impressions')::bigint, 0) end,
             case when c.problem is null then coalesce((c.r ->> 'clicks')::bigint, 0) end,
             case when c.problem is null then round(coalesce((c.r ->> 'conversions')::numeric, 0), 4) end,
             case when c.problem is null then coalesce(round((c.r ->> 'revenue')::numeric * major),
                                                       round((c.r ->> 'revenue_micros')::numeric / micros), 0)::bigint end,
             coalesce(c.problem, case when c.nth > 1 then 'row: the same object and day appear more than once in the page' end)
           )::private.ad_sync_metric order by c.idx), '{}')
    into ms
    from (
      select b.*, row_number() over (partition by b.problem is null, b.level, b.ext, b.r ->> 'day' order by b.idx) as nth
      from (select (e.ordinality - 1)::integer as idx, e.value as r, e.value ->> 'level' as level, e.value ->> 'external_id' as ext,
                   nullif(btrim(e.value ->> 'name'), '') as name, e.value ->> 'ad_group_external_id' as ad_group_ext,
                   nullif(btrim(e.value ->> 'ad_group_name'), '') as ad_group_name, e.value ->> 'campaign_external_id' as campaign_ext,
                   nullif(btrim(e.value ->> 'campaign_name'), '') as campaign_name,
                   private.ad_metric_problem(e.value, w_from, w_to, cur) as problem
            from jsonb_array_elements(p_page -> 'metrics') with ordinality e offset 0) b
    ) c;

    -- objects only the report knows about (not in a listing yet): made archived, named as the report names them
    insert into public.ad_campaigns (workspace_id, ad_account_id, platform, external_id, name, status)
    select j.workspace_id, acct.id, pf, k.campaign_ext, left(coalesce(k.campaign_name, 'Campaign ' || k.campaign_ext), 500), 'archived'
    from (select distinct on (m.campaign_ext) m.campaign_ext, m.campaign_name from unnest(ms) m
          where m.problem is null order by m.campaign_ext, m.idx desc) k
    where not exists (select 1 from public.ad_campaigns c where c.workspace_id = j.workspace_id and c.platform = pf
                        and c.external_id = k.campaign_ext);
    get diagnostics n = row_count;
    applied := applied + n;
    insert into public.ad_groups (workspace_id, campaign_id, platform, external_id, name, status)
    select j.workspace_id, c.id, pf, k.ext, left(coalesce(k.nm, 'Ad group ' || k.ext), 500), 'archived'
    from (select k0.* from (select distinct on (1) case when m.level = 'ad_group' then m.ext else m.ad_group_ext end as ext,
                                   case when m.level = 'ad_group' then m.name else m.ad_group_name end as nm, m.campaign_ext
                            from unnest(ms) m where m.problem is null order by 1, m.idx desc) k0
          where not exists (select 1 from public.ad_groups g where g.workspace_id = j.workspace_id and g.platform = pf
                              and g.external_id = k0.ext)
          offset 0) k  -- the few missing ones only, then their campaigns
    join public.ad_campaigns c on c.workspace_id = j.workspace_id and c.platform = pf and c.external_id = k.campaign_ext;
    get diagnostics n = row_count;
    applied := applied + n;
    insert into public.ads (workspace_id, ad_group_id, platform, external_id, name, status)
    select j.workspace_id, g.id, pf, k.ext, left(coalesce(k.name, 'Ad ' || k.ext), 500), 'archived'
    from (select k0.* from (select distinct on (m.ext) m.ext, m.name, m.ad_group_ext from unnest(ms) m
                            where m.problem is null and m.level = 'ad' order by m.ext, m.idx desc) k0
          where not exists (select 1 from public.ads a where a.workspace_id = j.workspace_id and a.platform = pf
                              and a.external_id = k0.ext)
          offset 0) k  -- the few missing ones only, then their ad groups
    join public.ad_groups g on g.workspace_id = j.workspace_id and g.platform = pf and g.external_id = k.ad_group_ext;
    get diagnostics n = row_count;
    applied := applied + n;

    -- only the rows the platform changed go to the ads domain's ingest; days the account has no
    -- rows for yet (a backfill) need no comparison
    if not exists (select 1 from unnest(ms) m
                   join public.ad_metrics_daily d on d.workspace_id = j.workspace_id and d.day = m.day
                   where m.problem is null and d.ad_account_id = acct.id) then
      select coalesce(jsonb_agg(jsonb_build_object('platform', pf, 'level', m.level, 'external_id', m.ext, 'day', m.day,
               'currency', cur, 'spend_cents', m.spend, 'impressions', m.impressions, 'clicks', m.clicks,
               'conversions', m.conversions, 'revenue_cents', m.revenue)), '[]')
      into rows from unnest(ms) m where m.problem is null;
      applied := applied + private.ingest_ad_sync_rows(j.workspace_id, rows);
    else
    with x as (
      select m.*, case when m.level = 'ad'
             then (select a.id from public.ads a where a.workspace_id = j.workspace_id and a.platform = pf and a.external_id = m.ext)
             else (select g.id from public.ad_groups g where g.workspace_id = j.workspace_id and g.platform = pf and g.external_id = m.ext)
             end as object_id
      from unnest(ms) m where m.problem is null
    ), v as (
      select x.*, d.day is not null and (d.spend_cents, d.impressions, d.clicks, d.conversions, d.revenue_cents, d.currency)
             is not distinct from (x.spend, x.impressions, x.clicks, x.conversions, x.revenue, cur) as same
      from x left join public.ad_metrics_daily d on d.workspace_id = j.workspace_id and d.object_id = x.object_id and d.day = x.day
    )
    select coalesce(jsonb_agg(jsonb_build_object('platform', pf, 'level', v.level, 'external_id', v.ext, 'day', v.day,
             'currency', cur, 'spend_cents', v.spend, 'impressions', v.impressions, 'clicks', v.clicks,
             'conversions', v.conversions, 'revenue_cents', v.revenue)) filter (where not v.same), '[]'),
           count(*) filter (where v.same)
    into rows, n from v;
    unchanged := unchanged + n;
    applied := applied + private.ingest_ad_sync_rows(j.workspace_id, rows);
    end if;

    select rejected || coalesce(jsonb_agg(jsonb_build_object('kind', 'metric', 'index', m.idx, 'external_id', m.ext,
             'day', p_page #>> array['metrics', m.idx::text, 'day'], 'reason', m.problem) order by m.idx), '[]')
    into rejected from unnest(ms) m where m.problem is not null;
  end if;

  -- the window's last page: ad group and campaign rows of its days, summed from the rows below them
  derive := p_page #>> '{metrics_complete,derive_from}';
  if derive in ('ad', 'ad_group') then
    applied := applied + private.derive_ad_sync_levels(j.workspace_id, acct.id, pf, w_from, w_to, derive, cur);
  end if;
  if (p_page ->> 'structure_complete')::boolean is true then
    update public.ad_sync_schedules set structure_synced_at = synced where connection_id = j.connection_id;
  end if;

  update public.ad_sync_runs r set pages = r.pages + 1, api_calls = r.api_calls + greatest(coalesce(p_api_calls, 0), 0),
    rows_applied = r.rows_applied + applied, rows_unchanged = r.rows_unchanged + greatest(unchanged, 0),
    rows_rejected = r.rows_rejected + jsonb_array_length(rejected),
    rejections = case when jsonb_array_length(r.rejections) >= 100 then r.rejections
                      else (select coalesce(jsonb_agg(x), '[]') from (
                              select x from jsonb_array_elements(r.rejections || rejected) x limit 100) y) end
  where r.job_id = p_job_id;
  return jsonb_build_object('applied', applied, 'unchanged', greatest(unchanged, 0), 'rejected', jsonb_array_length(rejected));
end $$;
comment on function private.apply_ad_sync_page(bigint, uuid, jsonb, jsonb, integer) is 'The ads-sync worker''s one write per page, in one transaction under the job''s lease (PT409 when lost, nothing kept): the account, then campaigns, ad groups and ads (changed ones only, never older than what is stored), then the daily rows through public.ingest_ad_metrics (changed ones only), each bad row rejected with its reason; the last page of a window derives the ad group and campaign rows. Everything goes to the job''s workspace. Counts go to the run; returns {applied, unchanged, rejected}.';

-- Requests of a turn that ended without a page (a failure, a wait) still count.
create function private.count_ad_sync_calls(p_job_id bigint, p_api_calls integer) returns void
language sql volatile security definer set search_path = '' as $$
  update public.ad_sync_runs set api_calls = api_calls + greatest(coalesce(p_api_calls, 0), 0) where job_id = p_job_id
$$;
comment on function private.count_ad_sync_calls(bigint, integer) is 'The ads-sync worker: adds the provider requests made since the last applied page to the window''s run.';

-- ===== dashboards do not add up currencies
-- The currencies each workspace's ad rows were ever written in: a cheap first check (most
-- workspaces have one), kept by a statement trigger.
create table private.ad_metric_currencies (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  currency char(3) not null,
  primary key (workspace_id, currency)
);
comment on table private.ad_metric_currencies is 'Every currency a workspace''s ad_metrics_daily rows were written in (never shrinks); a workspace with one needs no closer look before its dashboards add up.';
alter table private.ad_metric_currencies enable row level security;
select private.install_row_triggers('private.ad_metric_currencies');

create function private.note_ad_metric_currencies() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into private.ad_metric_currencies (workspace_id, currency)
  select distinct n.workspace_id, n.currency from new_rows n
  where not exists (select 1 from private.ad_metric_currencies c where c.workspace_id = n.workspace_id and c.currency = n.currency)
  on conflict do nothing;
  return null;
end $$;
comment on function private.note_ad_metric_currencies() is 'Statement trigger on ad_metrics_daily: records the currencies its rows are written in.';
create trigger note_ad_metric_currencies_ins after insert on public.ad_metrics_daily
  referencing new table as new_rows for each statement execute function private.note_ad_metric_currencies();
create trigger note_ad_metric_currencies_upd after update on public.ad_metrics_daily
  referencing new table as new_rows for each statement execute function private.note_ad_metric_currencies();
insert into private.ad_metric_currencies (workspace_id, currency)
select distinct m.workspace_id, m.currency from public.ad_metrics_daily m on conflict do nothing;

-- Spend per currency of a workspace's campaign-level rows in a range.
create function private.ads_currencies(p_workspace_id uuid, p_from date, p_to date)
returns table (currency char(3), spend_cents bigint)
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  if (select count(*) from private.ad_metric_currencies c where c.workspace_id = p_workspace_id) <= 1 then
    return query select c.currency, coalesce((select sum(m.spend_cents) from public.ad_metrics_daily m
      where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between p_from and p_to), 0)::bigint
      from private.ad_metric_currencies c where c.workspace_id = p_workspace_id
        and exists (select 1 from public.ad_metrics_daily m where m.workspace_id = p_workspace_id and m.level = 'campaign'
                    and m.day between p_from and p_to);
    return;
  end if;
  return query
  select m.currency, sum(m.spend_cents)::bigint from public.ad_metrics_daily m
  where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between p_from and p_to
  group by m.currency order by 2 desc, 1;
end $$;
comment on function private.ads_currencies(uuid, date, date) is 'What public.ads_currencies returns, read as the owner after one membership check.';

create function public.ads_currencies(p_workspace_id uuid, p_from date, p_to date)
returns table (currency char(3), spend_cents bigint)
language sql stable set search_path = '' as $$
  select * from private.ads_currencies(p_workspace_id, p_from, p_to)
$$;
comment on function public.ads_currencies(uuid, date, date) is 'The currencies a workspace''s ad spend is in over a range (campaign-level rows), with the spend in each (minor units): dashboards add up one currency only and refuse (PT409) when a range holds more. Viewers; 22023 for a bad range, 42501 for another workspace.';

-- Raises PT409 naming the currencies when the range holds ad rows in more than one.
create function private.require_one_ad_currency(p_workspace_id uuid, p_from date, p_to date) returns void
language plpgsql stable security definer set search_path = '' as $$
declare
  held text[];
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);  -- who may look, before anything is read
  if (select count(*) from private.ad_metric_currencies c where c.workspace_id = p_workspace_id) <= 1 then
    return;
  end if;
  select array_agg(distinct m.currency::text order by m.currency::text) into held from public.ad_metrics_daily m
  where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between p_from and p_to;
  if cardinality(held) > 1 then
    raise exception 'ad spend in this range is in % currencies (%); totals are not added up across currencies',
      cardinality(held), array_to_string(held, ', ')
      using errcode = 'PT409', detail = jsonb_build_object('currencies', held)::text,
            hint = 'ads_currencies lists the spend in each; pick a range or accounts in one currency';
  end if;
end $$;
comment on function private.require_one_ad_currency(uuid, date, date) is 'Dashboards'' guard, after the dashboards'' own range and membership check: PT409 naming the currencies when a workspace''s campaign-level ad rows in the range are in more than one (no conversion is made). One lookup for single-currency workspaces.';

create or replace function public.ads_dashboard(p_workspace_id uuid, p_from date, p_to date, p_group_by public.ads_group_by)
returns setof public.ads_dashboard_row
language plpgsql stable set search_path = '' as $$
begin
  perform private.require_one_ad_currency(p_workspace_id, p_from, p_to);
  return query select * from private.ads_dashboard(p_workspace_id, p_from, p_to, p_group_by);
end $$;
create or replace function public.ads_blended_roas(p_workspace_id uuid, p_from date, p_to date)
returns setof public.ads_blended_roas_row
language plpgsql stable set search_path = '' as $$
begin
  perform private.require_one_ad_currency(p_workspace_id, p_from, p_to);
  return query select * from private.ads_blended_roas(p_workspace_id, p_from, p_to);
end $$;
create or replace function public.ads_roas_tile(p_workspace_id uuid, p_today date default current_date)
returns setof public.ads_roas_tile_row
language plpgsql stable set search_path = '' as $$
begin
  perform private.require_one_ad_currency(p_workspace_id, p_today - 60, p_today - 1);
  return query select * from private.ads_roas_tile(p_workspace_id, p_today);
end $$;

-- ===== retention and scheduling
create function private.purge_ad_sync_runs() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from public.ad_sync_runs where created_at < now() - interval '90 days' and status in ('succeeded', 'dead');
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.purge_ad_sync_runs() is 'pg_cron (ads-sync-retention, daily): finished sync runs after 90 days.';

select cron.schedule('ads-sync-schedule', '*/5 * * * *', $$select private.queue_ad_sync_windows()$$);
select cron.schedule('ads-sync-retention', '37 3 * * *', $$select private.purge_ad_sync_runs()$$);

-- ===== access: viewers read runs; admins read and tune schedules; the worker (service_role) writes
alter table public.ad_sync_schedules enable row level security;
alter table public.ad_sync_runs enable row level security;
grant select on public.ad_sync_runs to authenticated;
grant select on public.ad_sync_schedules to authenticated;
grant update (enabled, recent_days, restatement_days) on public.ad_sync_schedules to authenticated;
grant all on public.ad_sync_schedules, public.ad_sync_runs to service_role;
create policy "viewers read sync runs" on public.ad_sync_runs for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "admins read sync schedules" on public.ad_sync_schedules for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin'))));
create policy "admins tune sync schedules" on public.ad_sync_schedules for update to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin'))))
  with check (workspace_id = any (array(select private.workspace_ids('admin'))));
alter publication supabase_realtime add table public.ad_sync_runs;

revoke all on function private.ad_platform_of(public.integration_provider) from public;
revoke all on function private.queue_ad_sync(uuid, public.ad_sync_kind, date, date, text, smallint, boolean) from public;
revoke all on function private.queue_ad_sync_windows(uuid, timestamptz) from public;
revoke all on function private.ad_connection_connected() from public;
revoke all on function private.mirror_ad_sync_run() from public;
revoke all on function private.ad_object_problem(jsonb, text) from public;
revoke all on function private.ad_metric_problem(jsonb, date, date, text) from public;
revoke all on function private.ingest_ad_sync_rows(uuid, jsonb) from public;
revoke all on function private.derive_ad_sync_levels(uuid, uuid, public.ad_platform, date, date, text, text) from public;
revoke all on function private.apply_ad_sync_page(bigint, uuid, jsonb, jsonb, integer) from public;
revoke all on function private.note_ad_metric_currencies() from public;
revoke all on function private.ads_currencies(uuid, date, date) from public;
revoke all on function public.ads_currencies(uuid, date, date) from public;
revoke all on function private.require_one_ad_currency(uuid, date, date) from public;
revoke all on function private.purge_ad_sync_runs() from public;
revoke all on function private.count_ad_sync_calls(bigint, integer) from public;
grant execute on function private.queue_ad_sync(uuid, public.ad_sync_kind, date, date, text, smallint, boolean),
  private.queue_ad_sync_windows(uuid, timestamptz),
  private.apply_ad_sync_page(bigint, uuid, jsonb, jsonb, integer),
  private.count_ad_sync_calls(bigint, integer)
  to service_role;
grant execute on function private.ads_currencies(uuid, date, date), private.require_one_ad_currency(uuid, date, date)
  to authenticated, service_role;
grant execute on function public.ads_currencies(uuid, date, date) to authenticated, service_role;
