-- Ops and observability: errors
-- deduplicated by fingerprint (reported through one atomic upsert), one health row per service,
-- alerts and incidents with status workflows, and high-volume structured logs partitioned by
-- month with workspace_id in the key, where info and warn are visible to members and error and
-- debug only to admins. Retention and partition upkeep by pg_cron.

-- ===== monthly partitions (generic: any table partitioned by range on a timestamptz column)
-- Partitions live in private (never exposed; the parent's policies govern every read through
-- it), are named <parent>_pYYYYMM, have RLS on and a comment, and inherit the parent's indexes,
-- foreign keys and row triggers.
create function private.ensure_monthly_partitions(p_parent regclass, p_from date, p_months integer)
returns integer
language plpgsql volatile set search_path = '' as $$
declare
  parent_name text := (select c.relname from pg_class c where c.oid = p_parent);
  key_column text := (select a.attname from pg_partitioned_table pt
                      join pg_attribute a on a.attrelid = pt.partrelid and a.attnum = pt.partattrs[0]
                      where pt.partrelid = p_parent);
  default_part regclass := (select c.oid::regclass from pg_inherits i join pg_class c on c.oid = i.inhrelid
                            where i.inhparent = p_parent and pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT');
  m timestamp;
  part text;
  moved bigint;
  made integer := 0;
begin
  if p_months is null or p_months < 1 or p_months > 36 then
    raise exception 'between 1 and 36 months at a time' using errcode = '22023';
  end if;
  for i in 0 .. p_months - 1 loop
    m := date_trunc('month', p_from::timestamp) + make_interval(months => i);
    part := parent_name || '_p' || to_char(m, 'YYYYMM');
    continue when to_regclass('private.' || quote_ident(part)) is not null;
    -- Rows of that month already caught by the default partition would block the new partition:
    -- they are set aside and put back through the parent once it exists.
    moved := 0;
    if default_part is not null then
      execute format('create temp table partition_moved on commit drop as
                      with d as (delete from %s where %I >= %L and %I < %L returning *) select * from d',
                     default_part, key_column, (m at time zone 'UTC'), key_column, ((m + interval '1 month') at time zone 'UTC'));
      get diagnostics moved = row_count;
    end if;
    execute format('create table private.%I partition of %s for values from (%L) to (%L)', part, p_parent,
                   (m at time zone 'UTC'), ((m + interval '1 month') at time zone 'UTC'));
    if default_part is not null then
      if moved > 0 then
        execute format('insert into %s overriding system value select * from pg_temp.partition_moved', p_parent);
      end if;
      drop table pg_temp.partition_moved;
    end if;
    execute format('alter table private.%I enable row level security', part);
    execute format('comment on table private.%I is %L', part,
                   format('Partition of %s for %s (UTC). Read and written through the parent only.', p_parent, to_char(m, 'YYYY-MM')));
    made := made + 1;
  end loop;
  return made;
end $$;
comment on function private.ensure_monthly_partitions(regclass, date, integer) is 'Creates the missing monthly partitions private.<parent>_pYYYYMM for p_months months from p_from''s month (UTC), moving rows the default partition already holds for that month into it; returns how many partitions it made.';

-- Drops the monthly partitions that end on or before p_before (their rows are past every window).
create function private.drop_monthly_partitions(p_parent regclass, p_before timestamptz)
returns integer
language plpgsql volatile set search_path = '' as $$
declare
  parent_name text := (select c.relname from pg_class c where c.oid = p_parent);
  part record;
  dropped integer := 0;
begin
  for part in
    select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = p_parent and c.relname ~ ('^' || parent_name || '_p\d{6}$')
      and ((to_date(right(c.relname, 6), 'YYYYMM') + interval '1 month')::timestamp at time zone 'UTC') <= p_before
  loop
    execute format('drop table private.%I', part.relname);
    dropped := dropped + 1;
  end loop;
  return dropped;
end $$;
comment on function private.drop_monthly_partitions(regclass, timestamp with time zone) is 'Drops the monthly partitions of p_parent whose range ends on or before p_before; returns how many.';

-- ===== enums
create type public.ops_severity as enum ('low', 'medium', 'high', 'critical');

comment on type public.ops_severity is 'Severity of errors, alerts and incidents (ordered).';

create type public.ops_error_status as enum ('open', 'acknowledged', 'resolved', 'ignored');

comment on type public.ops_error_status is 'open -> acknowledged -> resolved; ignored silences an error. A resolved error that recurs reopens.';

create type public.health_status as enum ('healthy', 'degraded', 'down', 'unknown');

comment on type public.health_status is 'Result of the latest health check of a service.';

create type public.ops_alert_status as enum ('open', 'acknowledged', 'resolved');

comment on type public.ops_alert_status is 'open -> acknowledged | resolved; acknowledged -> resolved; resolved -> open (reopen).';

create type public.incident_status as enum ('investigating', 'identified', 'monitoring', 'resolved');

comment on type public.incident_status is 'investigating -> identified | monitoring | resolved; identified -> monitoring | resolved; monitoring -> identified | resolved; resolved -> investigating (reopen).';

create type public.log_level as enum ('debug', 'info', 'warn', 'error');

comment on type public.log_level is 'Log levels. info and warn are visible to members, debug and error only to admins.';

-- ===== settings
create table public.ops_settings (
  workspace_id uuid primary key references public.workspaces (id) on delete cascade,
  log_retention_days integer not null default 30 check (log_retention_days between 1 and 365),
  resolved_error_retention_days integer not null default 90 check (resolved_error_retention_days between 1 and 3650),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.ops_settings is 'Per-workspace ops retention; without a row: logs 30 days, resolved or ignored errors 90 days after they were last seen.';
alter table public.ops_settings enable row level security;
grant select, insert, update, delete on public.ops_settings to authenticated;
select private.install_row_triggers('public.ops_settings');
select private.tenant_policies('public.ops_settings', 'viewer', 'admin');

-- ===== errors
create table public.ops_errors (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  fingerprint text not null check (fingerprint ~ '^[0-9a-f]{64}$'),
  error_type text not null check (char_length(error_type) between 1 and 200),
  source text not null check (char_length(source) between 1 and 120),
  message text not null check (char_length(message) between 1 and 10000),
  stack text check (char_length(stack) <= 50000),
  severity public.ops_severity not null default 'medium',
  status public.ops_error_status not null default 'open',
  occurrence_count bigint not null default 1 check (occurrence_count > 0),
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  last_context jsonb not null default '{}'::jsonb check (jsonb_typeof(last_context) = 'object'),
  resolved_at timestamptz,
  resolved_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, fingerprint),
  unique (workspace_id, id)
);
comment on table public.ops_errors is 'Errors deduplicated by fingerprint: one row per distinct error per workspace, counted by public.report_error(). Members triage (status); the service and signed-in members report.';
comment on column public.ops_errors.last_context is 'Context of the latest occurrence (request id, url, user agent ...).';
comment on column public.ops_errors.fingerprint is 'SHA-256 (hex) of the error''s identity: type, source and the message with numbers, ids and hex strings masked, or of the caller''s own key.';
comment on column public.ops_errors.occurrence_count is 'How many times it was reported; incremented atomically by report_error.';
alter table public.ops_errors enable row level security;
grant select on public.ops_errors to authenticated;
grant update (status) on public.ops_errors to authenticated;
select private.install_row_triggers('public.ops_errors');
select private.tenant_policy('public.ops_errors', 'select', 'viewer');
select private.tenant_policy('public.ops_errors', 'update', 'member');

create index ops_errors_triage_idx on public.ops_errors (workspace_id, status, last_seen_at desc);

create index ops_errors_resolved_by_idx on public.ops_errors (resolved_by);

create function private.error_fingerprint(p_error_type text, p_source text, p_message text) returns text
language sql immutable set search_path = '' as $$
  select encode(extensions.digest(
    coalesce(p_error_type, '') || chr(31) || coalesce(p_source, '') || chr(31) ||
    regexp_replace(regexp_replace(regexp_replace(coalesce(p_message, ''),
      '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}', '<uuid>', 'g'),
      '\m(0x)?[0-9a-fA-F]{16,}\M', '<hex>', 'g'),
      '\d+', '<n>', 'g'), 'sha256'), 'hex')
$$;
comment on function private.error_fingerprint(text, text, text) is 'Fingerprint of an error: SHA-256 of type, source and the message with uuids, long hex strings and numbers masked, so "order 123 failed" and "order 456 failed" are one error.';

-- Atomic under concurrency: one INSERT ... ON CONFLICT DO UPDATE per report, so parallel
-- reports of the same error serialise on its row and none is lost.
create function private.report_error(
  p_workspace_id uuid, p_error_type text, p_source text, p_message text,
  p_severity public.ops_severity default 'medium', p_stack text default null, p_context jsonb default '{}',
  p_fingerprint_key text default null
) returns table (error_id uuid, occurrence_count bigint, is_new boolean, status public.ops_error_status)
language plpgsql volatile security definer set search_path = '' as $$
begin
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'viewer');
  end if;
  return query
    insert into public.ops_errors as e (workspace_id, fingerprint, error_type, source, message, stack, severity, last_context)
    values (p_workspace_id,
            case when p_fingerprint_key is not null then encode(extensions.digest('key:' || p_fingerprint_key, 'sha256'), 'hex')
                 else private.error_fingerprint(p_error_type, p_source, p_message) end,
            p_error_type, p_source, p_message, p_stack, coalesce(p_severity, 'medium'), coalesce(p_context, '{}'))
    on conflict (workspace_id, fingerprint) do update set
      occurrence_count = e.occurrence_count + 1,
      last_seen_at = greatest(e.last_seen_at, now()),
      severity = greatest(e.severity, excluded.severity),
      stack = coalesce(excluded.stack, e.stack),
      last_context = excluded.last_context,
      status = case when e.status = 'resolved' then 'open' else e.status end,
      resolved_at = case when e.status = 'resolved' then null else e.resolved_at end,
      resolved_by = case when e.status = 'resolved' then null else e.resolved_by end
    returning e.id, e.occurrence_count, (e.xmax = 0), e.status;
end $$;
comment on function private.report_error(uuid, text, text, text, public.ops_severity, text, jsonb, text) is 'Counts one occurrence of an error: inserts it or atomically increments occurrence_count and last_seen_at; keeps the highest severity; a resolved error that recurs reopens.';
grant execute on function private.report_error(uuid, text, text, text, public.ops_severity, text, jsonb, text) to authenticated, service_role;

create function public.report_error(
  p_workspace_id uuid, p_error_type text, p_source text, p_message text,
  p_severity public.ops_severity default 'medium', p_stack text default null, p_context jsonb default '{}',
  p_fingerprint_key text default null
) returns table (error_id uuid, occurrence_count bigint, is_new boolean, status public.ops_error_status)
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null or coalesce(btrim(p_error_type), '') = '' or coalesce(btrim(p_source), '') = ''
     or coalesce(btrim(p_message), '') = '' then
    raise exception 'workspace, error type, source and message are required' using errcode = '22023';
  end if;
  if char_length(p_error_type) > 200 or char_length(p_source) > 120 or char_length(p_message) > 10000
     or char_length(coalesce(p_stack, '')) > 50000 or char_length(coalesce(p_fingerprint_key, '')) > 500 then
    raise exception 'too long: type 200, source 120, message 10000, stack 50000, fingerprint key 500 characters at most'
      using errcode = '22023';
  end if;
  if p_context is not null and jsonb_typeof(p_context) <> 'object' then
    raise exception 'context must be a JSON object' using errcode = '22023';
  end if;
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'viewer');
  end if;
  return query select * from private.report_error(p_workspace_id, p_error_type, p_source, p_message, p_severity,
                                                  p_stack, p_context, p_fingerprint_key);
end $$;
comment on function public.report_error(uuid, text, text, text, public.ops_severity, text, jsonb, text) is 'Any workspace member or the service: reports one occurrence of an error; returns its id, the new count, whether it was new, and its status (a resolved error that recurs reopens).';
grant execute on function public.report_error(uuid, text, text, text, public.ops_severity, text, jsonb, text) to authenticated;

-- Triage: members move status; resolved_at/resolved_by follow from the session.
create function private.guard_ops_error() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status is distinct from old.status then
    if new.status = 'resolved' then
      new.resolved_at := now();
      new.resolved_by := case when private.is_end_user() then (select auth.uid()) else new.resolved_by end;
    elsif old.status = 'resolved' then
      new.resolved_at := null;
      new.resolved_by := null;
    end if;
  end if;
  return new;
end $$;
comment on function private.guard_ops_error() is 'BEFORE UPDATE on ops_errors: stamps resolved_at/resolved_by from the session when an error is resolved, clears them when it reopens.';

create trigger guard_ops_error before update on public.ops_errors for each row execute function private.guard_ops_error();
select private.exempt_user_deletion('public.ops_errors', 'guard_ops_error');

-- ===== health checks: one row per service per workspace
create table public.ops_health_checks (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  service text not null check (service ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  status public.health_status not null default 'unknown',
  response_time_ms integer check (response_time_ms >= 0),
  message text check (char_length(message) <= 2000),
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object'),
  consecutive_failures integer not null default 0 check (consecutive_failures >= 0),
  last_checked_at timestamptz,
  last_success_at timestamptz,
  last_failure_at timestamptz,
  status_changed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, service)
);
comment on table public.ops_health_checks is 'Latest health of each service a workspace depends on (Shopify, Meta, Google Ads, webhooks ...): one row per service, upserted by private.record_health_check(). A service going down opens an alert; coming back healthy resolves it.';
comment on column public.ops_health_checks.consecutive_failures is 'Checks in a row that were degraded or down.';
alter table public.ops_health_checks enable row level security;
grant select on public.ops_health_checks to authenticated;
alter publication supabase_realtime add table public.ops_health_checks;
select private.install_row_triggers('public.ops_health_checks');
select private.tenant_policy('public.ops_health_checks', 'select', 'viewer');

-- ===== alerts
create table public.ops_alerts (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  alert_type text not null check (alert_type ~ '^[a-z][a-z0-9_]{0,63}$'),
  severity public.ops_severity not null default 'medium',
  title text not null check (char_length(btrim(title)) between 1 and 200),
  message text check (char_length(message) <= 10000),
  source text check (char_length(source) <= 120),
  error_id uuid,
  dedupe_key text check (char_length(dedupe_key) between 1 and 200),
  status public.ops_alert_status not null default 'open',
  acknowledged_by uuid references auth.users (id) on delete set null,
  acknowledged_at timestamptz,
  resolved_by uuid references auth.users (id) on delete set null,
  resolved_at timestamptz,
  slack_message_ts text check (char_length(slack_message_ts) <= 64),
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object'),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, error_id) references public.ops_errors (workspace_id, id) on delete set null (error_id)
);
comment on table public.ops_alerts is 'Alerts: raised by health checks, error spikes or people; acknowledged and resolved by members. At most one unresolved alert per dedupe key. Realtime.';
comment on column public.ops_alerts.alert_type is 'What raised it: health, error, budget, manual ...';
comment on column public.ops_alerts.dedupe_key is 'At most one unresolved alert per workspace and key (e.g. health:shopify).';
comment on column public.ops_alerts.slack_message_ts is 'The Slack message that announced it, to thread updates.';
alter table public.ops_alerts enable row level security;
grant select on public.ops_alerts to authenticated;
grant insert (id, workspace_id, alert_type, severity, title, message, source, error_id, dedupe_key, details) on public.ops_alerts to authenticated;
grant update (severity, status, slack_message_ts) on public.ops_alerts to authenticated;
alter publication supabase_realtime add table public.ops_alerts;
select private.install_row_triggers('public.ops_alerts');
select private.tenant_policy('public.ops_alerts', 'select', 'viewer');
select private.tenant_policy('public.ops_alerts', 'insert', 'member');
select private.tenant_policy('public.ops_alerts', 'update', 'member');

create unique index ops_alerts_open_dedupe on public.ops_alerts (workspace_id, dedupe_key) where status <> 'resolved';

create index ops_alerts_queue_idx on public.ops_alerts (workspace_id, status, created_at desc);

create index ops_alerts_error_idx on public.ops_alerts (workspace_id, error_id);

create index ops_alerts_acknowledged_by_idx on public.ops_alerts (acknowledged_by);

create index ops_alerts_resolved_by_idx on public.ops_alerts (resolved_by);

create index ops_alerts_created_by_idx on public.ops_alerts (created_by);

create trigger stamp_actor before insert on public.ops_alerts for each row execute function private.stamp_actor('created_by');

create function private.guard_ops_alert() returns trigger
language plpgsql set search_path = '' as $$
declare
  signed_in boolean := private.is_end_user();
begin
  if tg_op = 'INSERT' then
    if new.status <> 'open' then
      raise exception 'an alert starts open' using errcode = '22023';
    end if;
    new.acknowledged_by := null; new.acknowledged_at := null; new.resolved_by := null; new.resolved_at := null;
    return new;
  end if;
  if new.status is not distinct from old.status then
    if (new.acknowledged_by, new.acknowledged_at, new.resolved_by, new.resolved_at)
       is distinct from (old.acknowledged_by, old.acknowledged_at, old.resolved_by, old.resolved_at) then
      raise exception 'acknowledgement and resolution are recorded by changing the status' using errcode = 'PT409';
    end if;
    return new;
  end if;
  if not (old.status = 'open' and new.status in ('acknowledged', 'resolved')
          or old.status = 'acknowledged' and new.status = 'resolved'
          or old.status = 'resolved' and new.status = 'open') then
    raise exception 'an alert that is % cannot become %', old.status, new.status
      using errcode = 'PT409', hint = 'open -> acknowledged | resolved; acknowledged -> resolved; resolved -> open';
  end if;
  if new.status = 'acknowledged' then
    new.acknowledged_at := now();
    new.acknowledged_by := case when signed_in then (select auth.uid()) else new.acknowledged_by end;
  elsif new.status = 'resolved' then
    new.resolved_at := now();
    new.resolved_by := case when signed_in then (select auth.uid()) else new.resolved_by end;
  else
    new.acknowledged_at := null; new.acknowledged_by := null; new.resolved_at := null; new.resolved_by := null;
  end if;
  return new;
end $$;
comment on function private.guard_ops_alert() is 'BEFORE INSERT/UPDATE on ops_alerts: alerts start open; open -> acknowledged | resolved, acknowledged -> resolved, resolved -> open; who and when come from the session.';

create trigger guard_ops_alert before insert or update on public.ops_alerts
  for each row execute function private.guard_ops_alert();
select private.exempt_user_deletion('public.ops_alerts', 'guard_ops_alert');

-- Raises an alert unless an unresolved one with the same key exists (then returns that one).
create function private.raise_alert(p_workspace_id uuid, p_alert_type text, p_severity public.ops_severity, p_title text,
  p_message text default null, p_source text default null, p_dedupe_key text default null, p_error_id uuid default null,
  p_details jsonb default '{}') returns uuid
language plpgsql volatile security definer set search_path = '' as $$
declare
  aid uuid;
begin
  insert into public.ops_alerts (workspace_id, alert_type, severity, title, message, source, dedupe_key, error_id, details)
  values (p_workspace_id, p_alert_type, p_severity, p_title, p_message, p_source, p_dedupe_key, p_error_id,
          coalesce(p_details, '{}'))
  on conflict (workspace_id, dedupe_key) where status <> 'resolved' do nothing
  returning id into aid;
  if aid is null then
    select a.id into aid from public.ops_alerts a
    where a.workspace_id = p_workspace_id and a.dedupe_key = p_dedupe_key and a.status <> 'resolved';
  end if;
  return aid;
end $$;
comment on function private.raise_alert(uuid, text, public.ops_severity, text, text, text, text, uuid, jsonb) is 'Service: raises an alert, idempotently per dedupe key while unresolved; returns its id.';
grant execute on function private.raise_alert(uuid, text, public.ops_severity, text, text, text, text, uuid, jsonb) to service_role;

-- A health check result: the service's row is upserted; going down raises an alert, coming
-- back healthy resolves it.
create function private.record_health_check(p_workspace_id uuid, p_service text, p_status public.health_status,
  p_response_time_ms integer default null, p_message text default null, p_details jsonb default '{}')
returns public.ops_health_checks
language plpgsql volatile security definer set search_path = '' as $$
declare
  before_status public.health_status;
  h public.ops_health_checks;
  failing boolean := p_status in ('degraded', 'down');
begin
  select c.status into before_status from public.ops_health_checks c
  where c.workspace_id = p_workspace_id and c.service = p_service for update;
  insert into public.ops_health_checks as c (workspace_id, service, status, response_time_ms, message, details,
    consecutive_failures, last_checked_at, last_success_at, last_failure_at, status_changed_at)
  values (p_workspace_id, p_service, p_status, p_response_time_ms, p_message, coalesce(p_details, '{}'),
          case when failing then 1 else 0 end, now(),
          case when p_status = 'healthy' then now() end, case when failing then now() end, now())
  on conflict (workspace_id, service) do update set
    status = excluded.status, response_time_ms = excluded.response_time_ms, message = excluded.message,
    details = excluded.details, last_checked_at = now(),
    consecutive_failures = case when failing then c.consecutive_failures + 1 else 0 end,
    last_success_at = case when p_status = 'healthy' then now() else c.last_success_at end,
    last_failure_at = case when failing then now() else c.last_failure_at end,
    status_changed_at = case when c.status is distinct from excluded.status then now() else c.status_changed_at end
  returning c.* into h;
  if p_status = 'down' and before_status is distinct from 'down' then
    perform private.raise_alert(p_workspace_id, 'health', 'high', p_service || ' is down', p_message, p_service,
                                'health:' || p_service);
  elsif p_status = 'healthy' and before_status in ('down', 'degraded') then
    update public.ops_alerts a set status = 'resolved'
    where a.workspace_id = p_workspace_id and a.dedupe_key = 'health:' || p_service and a.status <> 'resolved';
  end if;
  return h;
end $$;
comment on function private.record_health_check(uuid, text, public.health_status, integer, text, jsonb) is 'Service: records a health check result for one service (one row per service); down raises a health alert, healthy resolves it.';
grant execute on function private.record_health_check(uuid, text, public.health_status, integer, text, jsonb) to service_role;

-- ===== incidents
create table public.ops_incidents (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  alert_id uuid,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  severity public.ops_severity not null default 'high',
  status public.incident_status not null default 'investigating',
  summary text check (char_length(summary) <= 20000),
  impact text check (char_length(impact) <= 20000),
  root_cause text check (char_length(root_cause) <= 20000),
  commander_id uuid references auth.users (id) on delete set null,
  started_at timestamptz not null default now(),
  identified_at timestamptz,
  resolved_at timestamptz,
  timeline jsonb not null default '[]'::jsonb check (jsonb_typeof(timeline) = 'array'),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, alert_id) references public.ops_alerts (workspace_id, id) on delete set null (alert_id)
);
comment on table public.ops_incidents is 'Incidents with a status workflow; every status change is appended to timeline by trigger. Members run them; admins delete them.';
comment on column public.ops_incidents.commander_id is 'Who leads the response.';
comment on column public.ops_incidents.timeline is 'Status changes, appended by trigger: [{"at", "status", "by"}].';
alter table public.ops_incidents enable row level security;
grant select, insert, update, delete on public.ops_incidents to authenticated;
select private.install_row_triggers('public.ops_incidents');
select private.tenant_policies('public.ops_incidents', 'viewer', 'member', p_delete => 'admin');

create index ops_incidents_workspace_idx on public.ops_incidents (workspace_id, status, started_at desc);

create index ops_incidents_alert_idx on public.ops_incidents (workspace_id, alert_id);

create index ops_incidents_commander_id_idx on public.ops_incidents (commander_id);

create index ops_incidents_created_by_idx on public.ops_incidents (created_by);

create trigger stamp_actor before insert on public.ops_incidents for each row execute function private.stamp_actor('created_by');

create function private.guard_ops_incident() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  actor uuid := case when private.is_end_user() then (select auth.uid()) end;
begin
  if new.commander_id is not null and (tg_op = 'INSERT' or new.commander_id is distinct from old.commander_id)
     and not exists (select 1 from public.workspace_members m
                     where m.workspace_id = new.workspace_id and m.user_id = new.commander_id) then
    raise exception 'the incident commander must be a member of the workspace' using errcode = '22023';
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'investigating' then
      raise exception 'an incident starts investigating' using errcode = '22023';
    end if;
    new.identified_at := null;
    new.resolved_at := null;
    new.timeline := jsonb_build_array(jsonb_build_object('at', now(), 'status', new.status, 'by', actor));
    return new;
  end if;
  if new.timeline is distinct from old.timeline or new.identified_at is distinct from old.identified_at
     or new.resolved_at is distinct from old.resolved_at or new.started_at is distinct from old.started_at then
    raise exception 'timeline and timestamps are kept by the status workflow' using errcode = '42501';
  end if;
  if new.status is not distinct from old.status then
    return new;
  end if;
  if not (old.status = 'investigating' and new.status in ('identified', 'monitoring', 'resolved')
          or old.status = 'identified' and new.status in ('monitoring', 'resolved')
          or old.status = 'monitoring' and new.status in ('identified', 'resolved')
          or old.status = 'resolved' and new.status = 'investigating') then
    raise exception 'an incident that is % cannot become %', old.status, new.status
      using errcode = 'PT409', hint = 'investigating -> identified | monitoring | resolved; identified -> monitoring | resolved; monitoring -> identified | resolved; resolved -> investigating';
  end if;
  if new.status = 'identified' then
    new.identified_at := coalesce(old.identified_at, now());
  end if;
  new.resolved_at := case when new.status = 'resolved' then now() end;
  new.timeline := old.timeline || jsonb_build_array(jsonb_build_object('at', now(), 'status', new.status, 'by', actor));
  return new;
end $$;
comment on function private.guard_ops_incident() is 'BEFORE INSERT/UPDATE on ops_incidents: the commander is a member of the workspace; enforces the status workflow, stamps identified_at/resolved_at and appends each change to timeline.';

create trigger guard_ops_incident before insert or update on public.ops_incidents
  for each row execute function private.guard_ops_incident();
select private.exempt_user_deletion('public.ops_incidents', 'guard_ops_incident');

-- ===== logs: partitioned by month, workspace_id in the key
create table public.ops_logs (
  id bigint generated always as identity,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  logged_at timestamptz not null default now(),
  level public.log_level not null,
  source text not null check (char_length(source) between 1 and 120),
  message text not null check (char_length(message) between 1 and 10000),
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  request_id text check (char_length(request_id) <= 200),
  user_id uuid,
  created_at timestamptz not null default now(),
  primary key (workspace_id, logged_at, id)
) partition by range (logged_at);
comment on table public.ops_logs is 'Structured logs, partitioned by month of logged_at (partitions in private, made ahead by pg_cron, dropped by retention). Members read info and warn; admins read every level. Written by the service.';
comment on column public.ops_logs.source is 'The component that logged: an edge function, a cron job, a connector.';
comment on column public.ops_logs.user_id is 'The user the entry concerns, if any (not a foreign key: logs outlive users until retention).';
alter table public.ops_logs enable row level security;
grant select on public.ops_logs to authenticated;
select private.install_row_triggers('public.ops_logs');
select private.tenant_policy('public.ops_logs', 'select', 'admin');

create index ops_logs_level_idx on public.ops_logs (workspace_id, level, logged_at desc);

create table private.ops_logs_default partition of public.ops_logs default;
comment on table private.ops_logs_default is 'Catch-all partition of ops_logs for rows outside the monthly partitions made so far (far past or future timestamps).';
alter table private.ops_logs_default enable row level security;

select private.ensure_monthly_partitions('public.ops_logs', (current_date - interval '1 month')::date, 4);

-- Service batch writer for edge functions and connectors.
create function public.ingest_logs(p_workspace_id uuid, p_entries jsonb) returns integer
language plpgsql volatile set search_path = '' as $$
declare
  n integer;
  bad jsonb;
begin
  if p_workspace_id is null or p_entries is null or jsonb_typeof(p_entries) <> 'array' then
    raise exception 'a workspace and an array of entries are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('log entries', jsonb_array_length(p_entries), 1000);
  select e into bad from jsonb_array_elements(p_entries) e
  where jsonb_typeof(e) <> 'object' or not (coalesce(e ->> 'level', '') = any (enum_range(null::public.log_level)::text[]))
     or coalesce(e ->> 'source', '') = '' or coalesce(e ->> 'message', '') = ''
     or (e ? 'logged_at' and not private.is_timestamptz(e ->> 'logged_at'))
  limit 1;
  if bad is not null then
    raise exception 'each entry needs level (debug, info, warn, error), source, message and an optional ISO logged_at: %',
      left(bad::text, 300) using errcode = '22023';
  end if;
  insert into public.ops_logs (workspace_id, logged_at, level, source, message, metadata, request_id, user_id)
  select p_workspace_id, least(coalesce((e ->> 'logged_at')::timestamptz, now()), now()), (e ->> 'level')::public.log_level,
         e ->> 'source', e ->> 'message', coalesce(e -> 'metadata', '{}'), e ->> 'request_id', (e ->> 'user_id')::uuid
  from jsonb_array_elements(p_entries) e;
  get diagnostics n = row_count;
  return n;
end $$;
comment on function public.ingest_logs(uuid, jsonb) is 'Service: writes up to 1000 log entries [{level, source, message, metadata?, request_id?, user_id?, logged_at?}] for one workspace (future times are clamped to now); returns how many.';

-- ===== retention and partition upkeep (pg_cron)
create function private.maintain_ops_partitions() returns integer
language sql volatile security definer set search_path = '' as $$
  select private.ensure_monthly_partitions('public.ops_logs', current_date, 3)
$$;
comment on function private.maintain_ops_partitions() is 'pg_cron job ops-partitions (daily): makes sure ops_logs has partitions for this month and the next two.';
grant execute on function private.maintain_ops_partitions() to service_role;

create function private.purge_ops_data(p_now timestamptz default now()) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  logs integer;
  errs integer;
begin
  delete from public.ops_logs l
  using public.workspaces w left join public.ops_settings s on s.workspace_id = w.id
  where l.workspace_id = w.id and l.logged_at < p_now - make_interval(days => coalesce(s.log_retention_days, 30));
  get diagnostics logs = row_count;
  delete from public.ops_errors e
  using public.workspaces w left join public.ops_settings s on s.workspace_id = w.id
  where e.workspace_id = w.id and e.status in ('resolved', 'ignored')
    and e.last_seen_at < p_now - make_interval(days => coalesce(s.resolved_error_retention_days, 90));
  get diagnostics errs = row_count;
  -- Whole months past the longest possible log window (365 days) go at once.
  perform private.drop_monthly_partitions('public.ops_logs', p_now - interval '366 days');
  return logs + errs;
end $$;
comment on function private.purge_ops_data(timestamp with time zone) is 'pg_cron job ops-retention (daily): deletes logs older than each workspace''s log window (default 30 days) and resolved or ignored errors not seen within their window (default 90 days); drops log partitions past 366 days. Returns rows deleted.';
grant execute on function private.purge_ops_data(timestamp with time zone) to service_role;

select cron.schedule('ops-partitions', '10 0 * * *', 'select private.maintain_ops_partitions()');

select cron.schedule('ops-retention', '20 4 * * *', 'select private.purge_ops_data()');

-- Log visibility by level: info and warn for members, everything for admins.
create policy "members read info and warn logs" on public.ops_logs for select to authenticated
  using (level in ('info', 'warn') and workspace_id = any (array(select private.workspace_ids('member'))));
