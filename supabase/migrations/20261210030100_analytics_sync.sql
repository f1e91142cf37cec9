-- Analytics inputs, part 2: the sync that fills them, on the connector framework.
-- - A connection that feeds analytics has a schedule per source (public.analytics_sync_schedules),
--   made when it connects: a Search Console property (rankings), a PageSpeed site (Core Web
--   Vitals and audits), a Meta connection with Instagram's scopes (organic Instagram), a TikTok
--   business account (organic TikTok) and a Fairing key (post-purchase surveys).
-- - Connecting queues the first pull (kind initial: backfill_days of history); pg_cron queues a
--   daily pull of each enabled schedule (kind daily: the last recent_days, so days a provider
--   fills in late, such as Search Console's, are pulled again); an admin may ask for one now
--   (kind manual). Each pull is one job on the connector queue analytics_sync, one at a time per
--   connection, and one row of public.analytics_sync_runs that mirrors it.
-- - The analytics-sync worker claims jobs, pages through the provider and hands every page to the
--   source's one SQL apply function (private.apply_<source>_page), which checks the lease, writes
--   the page into the analytics tables and counts it in the run, in one transaction.
-- - Health is the connection's (private.record_connection_call through finishJob): ok,
--   rate_limited, reauth_required or failing, with the ops alert; public.analytics_sources shows
--   each source's health next to its last sync.

create type public.analytics_source as enum ('search_console', 'pagespeed', 'instagram', 'tiktok', 'fairing');
comment on type public.analytics_source is 'What an analytics sync pulls: search_console (Search Console search analytics into seo_rankings), pagespeed (PageSpeed Insights into seo_page_audits and seo_audits), instagram and tiktok (organic posts and account insights into the social tables), fairing (post-purchase survey responses into survey_responses).';
create type public.analytics_sync_kind as enum ('initial', 'daily', 'manual');
comment on type public.analytics_sync_kind is 'Why a pull runs: initial (on connecting: backfill_days of history), daily (pg_cron: the last recent_days again), manual (an admin asked for one now: the last recent_days).';
create type public.analytics_sync_status as enum ('queued', 'running', 'waiting', 'retrying', 'succeeded', 'dead');
comment on type public.analytics_sync_status is 'queued -> running -> succeeded; waiting (throttled, or the connection needs reconnecting), retrying (an attempt failed; next_attempt_at), dead (gave up: error says why).';

-- ===== schedules
create table public.analytics_sync_schedules (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  connection_id uuid not null,
  source public.analytics_source not null,
  enabled boolean not null default true,
  recent_days integer not null check (recent_days between 1 and 30),
  backfill_days integer not null check (backfill_days between 0 and 480),
  initial_queued_at timestamptz,
  last_daily_queued_on date,
  last_synced_at timestamptz,
  last_sync_status public.analytics_sync_status,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (connection_id, source),
  foreign key (workspace_id, connection_id) references public.integration_connections (workspace_id, id) on delete cascade
);
comment on table public.analytics_sync_schedules is 'One per connection and analytics source: what the analytics sync pulls and when. Made when the connection connects (private.analytics_connection_connected); admins may pause it or change its windows; viewers read when it last synced.';
comment on column public.analytics_sync_schedules.recent_days is 'The days before today pulled again every day (Search Console fills in the last 2-3 days late; social insights and survey responses keep changing for a while).';
comment on column public.analytics_sync_schedules.backfill_days is 'History pulled once, on connecting (Search Console keeps 16 months, Instagram account insights 30 days).';
comment on column public.analytics_sync_schedules.last_synced_at is 'When a pull of this source last succeeded.';
comment on column public.analytics_sync_schedules.last_sync_status is 'How the latest pull stands (its run''s status).';
alter table public.analytics_sync_schedules enable row level security;
grant select on public.analytics_sync_schedules to authenticated;
grant update (enabled, recent_days, backfill_days) on public.analytics_sync_schedules to authenticated;
select private.install_row_triggers('public.analytics_sync_schedules');
select private.tenant_policy('public.analytics_sync_schedules', 'select', 'viewer');
select private.tenant_policy('public.analytics_sync_schedules', 'update', 'admin');
create index analytics_sync_schedules_workspace_connection_idx on public.analytics_sync_schedules (workspace_id, connection_id);

-- ===== runs
create table public.analytics_sync_runs (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  connection_id uuid not null,
  source public.analytics_source not null,
  kind public.analytics_sync_kind not null,
  window_from date not null,
  window_to date not null,
  status public.analytics_sync_status not null default 'queued',
  attempts integer not null default 0 check (attempts >= 0),
  pages integer not null default 0 check (pages >= 0),
  api_calls integer not null default 0 check (api_calls >= 0),
  rows_written integer not null default 0 check (rows_written >= 0),
  error text check (char_length(error) <= 2000),
  next_attempt_at timestamptz,
  started_at timestamptz,
  finished_at timestamptz,
  job_id bigint not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, job_id),
  constraint "a window ends on or after it starts" check (window_to >= window_from),
  foreign key (workspace_id, connection_id) references public.integration_connections (workspace_id, id) on delete cascade
);
comment on table public.analytics_sync_runs is 'One row per analytics pull (a source, a window of days): status, pages, provider calls, rows written and what went wrong, mirrored from its connector job. Written by the analytics sync; viewers read. Kept 90 days.';
comment on column public.analytics_sync_runs.attempts is 'Failed attempts so far, the one running included (throttled and waiting turns do not count).';
comment on column public.analytics_sync_runs.api_calls is 'Provider requests made for this pull that were applied (a failed request is counted in the connection''s health, not here).';
comment on column public.analytics_sync_runs.rows_written is 'Rows the pull inserted or changed in the analytics tables.';
comment on column public.analytics_sync_runs.error is 'The last failure (provider message, throttling, token) while retrying or waiting, or why it is dead.';
comment on column public.analytics_sync_runs.next_attempt_at is 'While queued, waiting or retrying: when the pull runs next.';
comment on column public.analytics_sync_runs.job_id is 'Its job on the connector queue analytics_sync (private.connector_jobs).';
alter table public.analytics_sync_runs enable row level security;
grant select on public.analytics_sync_runs to authenticated;
select private.install_row_triggers('public.analytics_sync_runs');
select private.tenant_policy('public.analytics_sync_runs', 'select', 'viewer');
create index analytics_sync_runs_workspace_idx on public.analytics_sync_runs (workspace_id, created_at desc);
create index analytics_sync_runs_connection_idx on public.analytics_sync_runs (workspace_id, connection_id, source, created_at desc);
create index analytics_sync_runs_finished_idx on public.analytics_sync_runs (finished_at) where finished_at is not null;

-- ===== the queue
-- The first queue a migration registers makes private.callable_functions a referenced table: a
-- function's queue (and the queue's jobs) go with it, so removing a worker never fails on them.
alter table private.connector_queues drop constraint connector_queues_function_name_fkey,
  add constraint connector_queues_function_name_fkey foreign key (function_name)
    references private.callable_functions (name) on delete cascade;
alter table private.connector_jobs drop constraint connector_jobs_queue_fkey,
  add constraint connector_jobs_queue_fkey foreign key (queue) references private.connector_queues (queue) on delete cascade;

insert into private.callable_functions (name, description)
values ('analytics-sync', 'one run of the analytics sync worker (Search Console, PageSpeed, Instagram, TikTok, Fairing)')
on conflict (name) do nothing;
insert into private.connector_queues (queue, function_name, lease, max_attempts, backoff_base, backoff_cap, one_per_connection,
                                      keep_done, keep_dead, description)
values ('analytics_sync', 'analytics-sync', interval '2 minutes', 8, interval '1 minute', interval '6 hours', true,
        interval '7 days', interval '30 days',
        'Analytics pulls: one job per source, connection and window (public.analytics_sync_runs).');

-- The defaults of a new schedule, per source.
create function private.analytics_source_defaults(p_source public.analytics_source, out recent_days integer, out backfill_days integer)
language sql immutable set search_path = '' as $$
  select case p_source when 'search_console' then 7 when 'pagespeed' then 1 when 'instagram' then 3 when 'tiktok' then 3
                       else 3 end,
         case p_source when 'search_console' then 90 when 'pagespeed' then 0 when 'instagram' then 30 when 'tiktok' then 30
                       else 365 end
$$;
comment on function private.analytics_source_defaults(public.analytics_source) is 'A new schedule''s windows: Search Console re-pulls 7 days (its data arrives 2-3 days late) and backfills 90; Instagram and TikTok 3 and 30 (Instagram keeps 30 days of account insights); Fairing 3 and 365; PageSpeed audits today only.';

-- The sources a connection feeds: by provider, and for Meta only with Instagram's scopes.
create function private.analytics_sources_of(p_provider public.integration_provider, p_scopes text[])
returns public.analytics_source[]
language sql immutable set search_path = '' as $$
  select case p_provider
    when 'google_search_console' then array['search_console']
    when 'pagespeed' then array['pagespeed']
    when 'tiktok_account' then array['tiktok']
    when 'fairing' then array['fairing']
    when 'meta' then case when p_scopes @> array['instagram_basic', 'instagram_manage_insights'] then array['instagram'] end
  end::public.analytics_source[]
$$;
comment on function private.analytics_sources_of(public.integration_provider, text[]) is 'The analytics sources a connection feeds: google_search_console -> search_console, pagespeed -> pagespeed, tiktok_account -> tiktok, fairing -> fairing, and a meta connection granted instagram_basic and instagram_manage_insights -> instagram; null for anything else.';

-- One pull as a job and its run, unless the same key was queued before.
create function private.queue_analytics_sync(p_connection_id uuid, p_source public.analytics_source,
  p_kind public.analytics_sync_kind, p_window_from date, p_window_to date, p_idempotency_key text, p_priority smallint)
returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  s public.analytics_sync_schedules;
  jid bigint;
begin
  select * into s from public.analytics_sync_schedules where connection_id = p_connection_id and source = p_source;
  if not found then
    raise exception 'connection % has no % schedule', p_connection_id, p_source using errcode = 'PT404';
  end if;
  if p_window_from is null or p_window_to is null or p_window_from > p_window_to then
    raise exception 'a window needs from <= to' using errcode = '22023';
  end if;
  jid := private.enqueue_connector_job('analytics_sync', s.workspace_id, p_connection_id, p_idempotency_key,
    jsonb_build_object('source', p_source, 'kind', p_kind, 'from', p_window_from, 'to', p_window_to), p_priority);
  insert into public.analytics_sync_runs (workspace_id, connection_id, source, kind, window_from, window_to, job_id, next_attempt_at)
  values (s.workspace_id, p_connection_id, p_source, p_kind, p_window_from, p_window_to, jid, now())
  on conflict (workspace_id, job_id) do nothing;
  update public.analytics_sync_schedules set last_sync_status = coalesce(last_sync_status, 'queued')
  where connection_id = p_connection_id and source = p_source and last_sync_status is null;
  return jid;
end $$;
comment on function private.queue_analytics_sync(uuid, public.analytics_source, public.analytics_sync_kind, date, date, text, smallint) is 'Queues one pull of a connection''s source (a connector job and its analytics_sync_runs row), idempotently by key. Returns the job id.';

-- The scheduler: the first pull of every new schedule, and today's daily pull of every enabled one.
create function private.queue_analytics_syncs(p_connection_id uuid default null, p_now timestamptz default now())
returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  s public.analytics_sync_schedules;
  today date := (p_now at time zone 'UTC')::date;
  n integer := 0;
begin
  for s in
    select sc.* from public.analytics_sync_schedules sc
    join public.integration_connections c on c.id = sc.connection_id
    where sc.enabled and c.status = 'active' and (p_connection_id is null or sc.connection_id = p_connection_id)
      and (sc.initial_queued_at is null or sc.last_daily_queued_on is distinct from today)
    order by sc.connection_id, sc.source
    for update of sc skip locked
  loop
    if s.initial_queued_at is null then
      perform private.queue_analytics_sync(s.connection_id, s.source, 'initial',
        least(today - greatest(s.backfill_days, s.recent_days), today - 1), today - 1,
        format('initial:%s:%s:%s', s.source, s.connection_id, today), 10::smallint);
      update public.analytics_sync_schedules set initial_queued_at = p_now, last_daily_queued_on = today
      where connection_id = s.connection_id and source = s.source;
    else
      perform private.queue_analytics_sync(s.connection_id, s.source, 'daily', today - s.recent_days, today - 1,
        format('daily:%s:%s:%s', s.source, s.connection_id, today), 50::smallint);
      update public.analytics_sync_schedules set last_daily_queued_on = today
      where connection_id = s.connection_id and source = s.source;
    end if;
    n := n + 1;
  end loop;
  return n;
end $$;
comment on function private.queue_analytics_syncs(uuid, timestamptz) is 'pg_cron (analytics-sync-schedule, every 15 minutes) and connecting: queues the first pull of each new schedule (backfill_days up to yesterday) and, once per UTC day, the daily pull of each enabled schedule of an active connection (the last recent_days up to yesterday). Returns how many it queued.';

-- Connecting a connection that feeds analytics makes its schedules and queues the first pulls.
create function private.analytics_connection_connected() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  sources public.analytics_source[] := coalesce(private.analytics_sources_of(new.provider, new.scopes), '{}');
begin
  insert into public.analytics_sync_schedules (workspace_id, connection_id, source, recent_days, backfill_days)
  select new.workspace_id, new.id, s, d.recent_days, d.backfill_days
  from unnest(sources) s
  cross join lateral private.analytics_source_defaults(s) d
  on conflict (connection_id, source) do nothing;
  -- a source whose permissions were withdrawn (Instagram's on a Meta connection reconnected without
  -- them) is paused, so its pulls never make the connection look revoked; an admin resumes it
  update public.analytics_sync_schedules set enabled = false
  where connection_id = new.id and enabled and not (source = any (sources));
  perform private.queue_analytics_syncs(new.id);
  return null;
end $$;
comment on function private.analytics_connection_connected() is 'AFTER INSERT/UPDATE OF status, scopes on integration_connections of a provider that feeds analytics, turning or staying active: one schedule per source it feeds (private.analytics_sources_of) and its first pull; a schedule of a source it no longer feeds (permissions withdrawn) is paused.';
create trigger analytics_connection_connected after insert or update of status, scopes on public.integration_connections
  for each row when (new.provider in ('google_search_console', 'pagespeed', 'tiktok_account', 'fairing', 'meta')
                     and new.status = 'active')
  execute function private.analytics_connection_connected();

-- An admin asks for a pull now (the last recent_days).
create function private.sync_analytics_source(p_connection_id uuid, p_source public.analytics_source)
returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  s public.analytics_sync_schedules;
  today date := (now() at time zone 'UTC')::date;
begin
  if p_connection_id is null or p_source is null then
    raise exception 'p_connection_id and p_source are required' using errcode = '22023';
  end if;
  select * into s from public.analytics_sync_schedules where connection_id = p_connection_id and source = p_source;
  if not found then
    raise exception 'no % source on connection %', p_source, p_connection_id using errcode = 'PT404';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(s.workspace_id, 'admin');
  end if;
  if not exists (select 1 from public.integration_connections c where c.id = p_connection_id and c.status = 'active') then
    raise exception 'the connection is not active; reconnect it first' using errcode = 'PT409';
  end if;
  -- one manual pull at a time: asking again while one waits returns it
  return coalesce(
    (select r.job_id from public.analytics_sync_runs r
     where r.workspace_id = s.workspace_id and r.connection_id = p_connection_id and r.source = p_source
       and r.kind = 'manual' and r.status in ('queued', 'running', 'waiting', 'retrying')
     order by r.id desc limit 1),
    private.queue_analytics_sync(p_connection_id, p_source, 'manual', today - s.recent_days, today - 1,
      format('manual:%s:%s:%s', p_source, p_connection_id, clock_timestamp()), 5::smallint));
end $$;
comment on function private.sync_analytics_source(uuid, public.analytics_source) is 'What public.sync_analytics_source does, as the owner after the admin check.';

create function public.sync_analytics_source(p_connection_id uuid, p_source public.analytics_source)
returns bigint
language sql volatile set search_path = '' as $$
  select private.sync_analytics_source(p_connection_id, p_source)
$$;
comment on function public.sync_analytics_source(uuid, public.analytics_source) is 'Admins: pulls a source of a connection now (the last recent_days); while a manual pull is still pending, returns that one. Returns the job id (analytics_sync_runs.job_id). 22023 missing input, PT404 unknown source (or not yours), 42501 not an admin, PT409 the connection is not active.';

-- ===== the run mirrors its job; the schedule remembers the outcome
create function private.mirror_analytics_sync_run() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  st public.analytics_sync_status := (case
    when new.status = 'running' then 'running'
    when new.status = 'done' then 'succeeded'
    when new.status = 'dead' then 'dead'
    when new.last_outcome = 'retry' then 'retrying'
    when new.last_outcome in ('wait', 'throttled') then 'waiting'
    else 'queued' end)::public.analytics_sync_status;
  r public.analytics_sync_runs;
begin
  update public.analytics_sync_runs a set
    status = st,
    attempts = new.attempts,
    error = case when new.status = 'done' then null else coalesce(new.last_error, a.error) end,
    next_attempt_at = case when new.status = 'queued' then new.next_attempt_at end,
    started_at = case when new.status = 'running' then coalesce(a.started_at, now()) else a.started_at end,
    finished_at = case when new.status in ('done', 'dead') then now() end
  where a.workspace_id = new.workspace_id and a.job_id = new.id
  returning a.* into r;
  if found then
    update public.analytics_sync_schedules s set
      last_sync_status = st,
      last_synced_at = case when st = 'succeeded' then now() else s.last_synced_at end
    where s.connection_id = r.connection_id and s.source = r.source
      and not exists (select 1 from public.analytics_sync_runs later
                      where later.workspace_id = r.workspace_id and later.connection_id = r.connection_id
                        and later.source = r.source and later.id > r.id and later.status <> 'queued');
  end if;
  return null;
end $$;
comment on function private.mirror_analytics_sync_run() is 'AFTER UPDATE on private.connector_jobs of the analytics_sync queue: the run''s status, attempts, error and next attempt follow its job, and its schedule''s last_sync_status (and last_synced_at on success) follow the latest run that started.';
create trigger mirror_analytics_sync_run after update of status, next_attempt_at, last_error on private.connector_jobs
  for each row when (new.queue = 'analytics_sync') execute function private.mirror_analytics_sync_run();

-- ===== new credentials resume the work that waited for them
create function private.resume_connection_jobs(p_connection_id uuid) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  fn text;
  n integer := 0;
begin
  for fn in
    with resumed as (
      update private.connector_jobs j set next_attempt_at = now()
      where j.connection_id = p_connection_id and j.status = 'queued' and j.last_outcome = 'throttled'
        and j.next_attempt_at > now()
      returning j.queue
    )
    select distinct q.function_name from resumed r join private.connector_queues q on q.queue = r.queue
  loop
    perform private.wake_function(fn);
    n := n + 1;
  end loop;
  return n;
end $$;
comment on function private.resume_connection_jobs(uuid) is 'A connection got new credentials (a reconnect, a new API key): its queued jobs that were waiting (throttled or for re-authorisation) are due at once and their workers woken, instead of waiting out their next attempt. Returns how many workers it woke.';

create function private.resume_jobs_on_new_credentials() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.resume_connection_jobs(new.connection_id);
  return null;
end $$;
comment on function private.resume_jobs_on_new_credentials() is 'AFTER INSERT/UPDATE OF access_token_ciphertext on private.integration_tokens: private.resume_connection_jobs for the connection.';
create trigger resume_jobs_on_new_credentials after insert or update of access_token_ciphertext on private.integration_tokens
  for each row execute function private.resume_jobs_on_new_credentials();

-- ===== applying a page: what every source's apply function does first and last
create function private.begin_analytics_page(p_job_id bigint, p_lease_id uuid, p_progress jsonb,
  p_source public.analytics_source)
returns private.connector_jobs
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs;
begin
  j := private.touch_connector_job(p_job_id, p_lease_id, p_progress);
  if j.queue <> 'analytics_sync' or j.payload ->> 'source' is distinct from p_source::text then
    raise exception 'job % is not a % pull', p_job_id, p_source using errcode = '22023';
  end if;
  return j;
end $$;
comment on function private.begin_analytics_page(bigint, uuid, jsonb, public.analytics_source) is 'First step of every analytics apply function: saves the job''s progress under its lease (PT409 when the lease was lost, so nothing of the page is kept) and checks the job pulls this source; returns the job, whose workspace and connection the page is written to.';

create function private.count_analytics_page(p_job private.connector_jobs, p_api_calls integer, p_rows integer)
returns void
language sql volatile security definer set search_path = '' as $$
  update public.analytics_sync_runs r set pages = r.pages + 1, api_calls = r.api_calls + greatest(coalesce(p_api_calls, 0), 0),
    rows_written = r.rows_written + greatest(coalesce(p_rows, 0), 0)
  where r.workspace_id = p_job.workspace_id and r.job_id = p_job.id
$$;
comment on function private.count_analytics_page(private.connector_jobs, integer, integer) is 'Last step of every analytics apply function: counts the page, its provider calls and the rows it wrote in the job''s run.';

-- ===== what a frontend reads: each source with its health and last sync
create view public.analytics_sources with (security_invoker = true) as
  select s.workspace_id, s.connection_id, s.source, c.provider, c.external_account_id, c.status as connection_status,
         s.enabled, s.recent_days, s.backfill_days, s.last_synced_at, s.last_sync_status,
         c.health, c.health_changed_at, c.throttled_until, c.last_error, c.last_success_at,
         (select min(r.next_attempt_at) from public.analytics_sync_runs r
          where r.workspace_id = s.workspace_id and r.connection_id = s.connection_id and r.source = s.source
            and r.status in ('queued', 'waiting', 'retrying')) as next_attempt_at
  from public.analytics_sync_schedules s
  left join public.integration_connections c on c.workspace_id = s.workspace_id and c.id = s.connection_id;
comment on view public.analytics_sources is 'Each analytics source of a workspace: its connection (provider, account), whether it is enabled, when it last synced and how the latest pull stands, and the connection''s health (health, throttled_until, last_error, last_success_at: admins only, as integration_connections is; null for members and viewers). Runs with the caller''s rights.';
grant select on public.analytics_sources to authenticated;

-- ===== housekeeping
create function private.purge_analytics_sync_runs() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from public.analytics_sync_runs r where r.finished_at < now() - interval '90 days';
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.purge_analytics_sync_runs() is 'pg_cron (analytics-sync-runs-retention, daily): deletes runs finished more than 90 days ago; returns how many.';

select cron.schedule('analytics-sync-schedule', '*/15 * * * *', $$select private.queue_analytics_syncs()$$);
select cron.schedule('analytics-sync-runs-retention', '41 3 * * *', $$select private.purge_analytics_sync_runs()$$);

-- ===== grants
revoke all on function private.analytics_source_defaults(public.analytics_source) from public;
revoke all on function private.analytics_sources_of(public.integration_provider, text[]) from public;
revoke all on function private.queue_analytics_sync(uuid, public.analytics_source, public.analytics_sync_kind, date, date, text, smallint) from public;
revoke all on function private.queue_analytics_syncs(uuid, timestamptz) from public;
revoke all on function private.analytics_connection_connected() from public;
revoke all on function private.sync_analytics_source(uuid, public.analytics_source) from public;
revoke all on function public.sync_analytics_source(uuid, public.analytics_source) from public;
revoke all on function private.mirror_analytics_sync_run() from public;
revoke all on function private.resume_connection_jobs(uuid) from public;
revoke all on function private.resume_jobs_on_new_credentials() from public;
revoke all on function private.begin_analytics_page(bigint, uuid, jsonb, public.analytics_source) from public;
revoke all on function private.count_analytics_page(private.connector_jobs, integer, integer) from public;
revoke all on function private.purge_analytics_sync_runs() from public;
grant execute on function private.sync_analytics_source(uuid, public.analytics_source) to authenticated, service_role;
grant execute on function public.sync_analytics_source(uuid, public.analytics_source) to authenticated, service_role;
grant execute on function private.queue_analytics_syncs(uuid, timestamptz),
  private.queue_analytics_sync(uuid, public.analytics_source, public.analytics_sync_kind, date, date, text, smallint),
  private.purge_analytics_sync_runs()
  to service_role;
