-- Connectors, part 2: one queue for work that calls a provider through a connection.
-- A connector registers its queue (private.connector_queues: the worker function to wake, the
-- lease, attempts, backoff), and its work is rows of private.connector_jobs:
--   queued --claim--> running --finish--> done | queued (retry with backoff, or a wait the
--   provider asked for, or more work) | dead (dead letter with its last error)
-- Every job carries an idempotency key unique within its queue, recorded before any provider
-- call: enqueueing the same key again is a no-op, and a side effect's provider reference is kept
-- on the job (provider_ref) once the provider answered. A claim leases jobs (FOR UPDATE SKIP
-- LOCKED) and skips connections that are throttled, waiting for re-authorisation or not active
-- (private.connection_callable); a queue that runs one job per connection at a time (the
-- default, so a provider never sees two of our workers on one account) locks the connection row
-- while it picks. A lease that runs out puts the job back; one that runs out max_attempts times
-- kills it. The worker reports each job once through private.finish_connector_job, and saves
-- progress (a cursor, a report run id) as it goes with private.touch_connector_job, so a crash
-- resumes where it stopped. New work wakes the queue's function at commit; a minute sweeper
-- wakes it for retries whose time has come. Backoff: private.retry_backoff, shared with the
-- webhook and embedding queues.

-- ===== the shared backoff
create function private.retry_backoff(
  p_attempts integer, p_base interval, p_cap interval, p_spread double precision, p_jitter double precision default random()
) returns interval
language sql immutable set search_path = '' as $$
  select make_interval(secs => least(extract(epoch from p_base) * power(2, greatest(p_attempts, 1) - 1),
                                     extract(epoch from p_cap))
                               * (1 - p_spread + 2 * p_spread * p_jitter))
$$;
comment on function private.retry_backoff(integer, interval, interval, double precision, double precision) is 'Exponential backoff with jitter before attempt n+1 after n failures: p_base x 2^(n-1), at most p_cap, times a factor spread evenly over [1 - p_spread, 1 + p_spread] by p_jitter (0-1, random by default). Every queue''s retries use it.';

create or replace function private.webhook_backoff(p_attempts integer, p_jitter double precision default random())
returns interval
language sql immutable set search_path = '' as $$
  select private.retry_backoff(p_attempts, interval '30 seconds', interval '6 hours', 0.5, p_jitter)
$$;
create or replace function private.embedding_backoff(p_attempts integer, p_jitter double precision default random())
returns interval
language sql immutable set search_path = '' as $$
  select private.retry_backoff(p_attempts, interval '10 seconds', interval '1 hour', 0.25, p_jitter)
$$;

-- ===== queues and jobs
create table private.connector_queues (
  queue text primary key check (queue ~ '^[a-z][a-z0-9_]{0,62}$'),
  function_name text not null references private.callable_functions (name) on delete cascade,
  lease interval not null default interval '2 minutes' check (lease between interval '5 seconds' and interval '1 hour'),
  max_attempts integer not null default 8 check (max_attempts between 1 and 100),
  backoff_base interval not null default interval '30 seconds' check (backoff_base > interval '0'),
  backoff_cap interval not null default interval '6 hours' check (backoff_cap >= backoff_base),
  one_per_connection boolean not null default true,
  keep_done interval not null default interval '7 days',
  keep_dead interval not null default interval '30 days',
  description text not null check (char_length(description) between 1 and 500)
);
comment on table private.connector_queues is 'The connector queues: which worker function a queue wakes, how long a claim is leased, attempts before a job is dead, the retry backoff, whether a connection runs one job at a time, and how long finished jobs are kept. A connector adds its row in its migration.';
comment on column private.connector_queues.function_name is 'The worker the database wakes for this queue; a function no longer callable takes its queue (and the queue its jobs) with it.';
comment on column private.connector_queues.one_per_connection is 'True: a claim takes at most one job per connection and none from a connection with a job still leased (syncs). False: many jobs per connection per claim (batched sends).';
create index connector_queues_function_name_idx on private.connector_queues (function_name);
alter table private.connector_queues enable row level security;

create type private.connector_job_status as enum ('queued', 'running', 'done', 'dead');
comment on type private.connector_job_status is 'queued (due at next_attempt_at) -> running (leased until lease_expires_at) -> done | queued again | dead (dead letter: last_error says why).';

create type private.connector_job_outcome as enum ('done', 'continue', 'wait', 'retry', 'throttled', 'dead');
comment on type private.connector_job_outcome is 'How a worker''s turn on a job ended: done; continue (progress made, more to do: due again at once, failures forgotten); wait (the provider is preparing something: due at p_retry_at, the attempt not counted); retry (failed: backoff, dead after max_attempts); throttled (the connection must wait: due at p_retry_at, not counted); dead (a permanent failure).';

create table private.connector_jobs (
  id bigint generated always as identity primary key,
  queue text not null references private.connector_queues (queue) on delete cascade,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  connection_id uuid,
  idempotency_key text not null check (char_length(idempotency_key) between 1 and 300),
  status private.connector_job_status not null default 'queued',
  priority smallint not null default 100,
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null check (max_attempts between 1 and 100),
  next_attempt_at timestamptz not null default now(),
  lease_id uuid,
  lease_expires_at timestamptz,
  payload jsonb not null default '{}'::jsonb check (jsonb_typeof(payload) = 'object'),
  progress jsonb not null default '{}'::jsonb check (jsonb_typeof(progress) = 'object'),
  provider_ref text check (char_length(provider_ref) <= 300),
  last_outcome private.connector_job_outcome,
  last_error text check (char_length(last_error) <= 2000),
  finished_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, queue, idempotency_key),
  foreign key (workspace_id, connection_id) references public.integration_connections (workspace_id, id) on delete cascade,
  check ((status = 'running') = (lease_id is not null and lease_expires_at is not null))
);
comment on table private.connector_jobs is 'Work for connectors, one row per unit (a sync window, a conversion to send ...), in the queue its connector registered. Service only; each connector shows its own public view of progress (ad_sync_runs, pixel_events statuses ...).';
comment on column private.connector_jobs.idempotency_key is 'Unique within the workspace''s queue and recorded before any provider call: the same work queued twice is one job; a side effect''s key is what the provider deduplicates on where it can.';
comment on column private.connector_jobs.priority is 'Lower runs first among due jobs (e.g. recent sync windows before backfill chunks).';
comment on column private.connector_jobs.attempts is 'Claims that counted: throttled and waiting turns and progress give theirs back.';
comment on column private.connector_jobs.next_attempt_at is 'A queued job is not claimed before this time (backoff, throttling, a report the provider is still building).';
comment on column private.connector_jobs.lease_expires_at is 'While running: when the claim lapses and another worker may take the job (the worker extends it as it saves progress).';
comment on column private.connector_jobs.payload is 'What to do, set at enqueue; never changed by the worker.';
comment on column private.connector_jobs.progress is 'Where the work stands (a page cursor, a report run id), saved by the worker as it goes so a retry resumes there.';
comment on column private.connector_jobs.last_outcome is 'How the worker''s last turn on the job ended (a connector''s public view of its work reads it: retrying, waiting ...).';
comment on column private.connector_jobs.provider_ref is 'The provider''s id for what the job did, once it answered (a request id, events received ...).';
create index connector_jobs_workspace_connection_idx on private.connector_jobs (workspace_id, connection_id);
create index connector_jobs_connection_id_idx on private.connector_jobs (connection_id, queue, status);
create index connector_jobs_due_idx on private.connector_jobs (queue, next_attempt_at) where status = 'queued';
create index connector_jobs_leased_idx on private.connector_jobs (queue, lease_expires_at) where status = 'running';
create index connector_jobs_finished_idx on private.connector_jobs (queue, finished_at) where status in ('done', 'dead');
alter table private.connector_jobs enable row level security;
select private.install_row_triggers('private.connector_jobs');

-- What a claim hands the worker.
create type private.connector_job_claim as (
  job_id bigint, lease_id uuid, workspace_id uuid, connection_id uuid, provider public.integration_provider,
  external_account_id text, idempotency_key text, payload jsonb, progress jsonb, attempts integer, max_attempts integer);
comment on type private.connector_job_claim is 'One leased job as private.claim_connector_jobs hands it to a worker, with its connection''s provider and account.';

-- A connector's migration registers its queue in one call: the worker function the database
-- may wake, and the queue's rules.
create function private.register_connector_queue(
  p_queue text, p_function_name text, p_description text, p_lease interval default interval '2 minutes',
  p_max_attempts integer default 8, p_backoff_base interval default interval '30 seconds',
  p_backoff_cap interval default interval '6 hours', p_one_per_connection boolean default true,
  p_keep_done interval default interval '7 days', p_keep_dead interval default interval '30 days'
) returns void
language plpgsql volatile security definer set search_path = '' as $$
begin
  insert into private.callable_functions (name, description) values (p_function_name, p_description)
  on conflict (name) do nothing;
  insert into private.connector_queues (queue, function_name, description, lease, max_attempts, backoff_base, backoff_cap,
                                        one_per_connection, keep_done, keep_dead)
  values (p_queue, p_function_name, p_description, p_lease, p_max_attempts, p_backoff_base, p_backoff_cap,
          p_one_per_connection, p_keep_done, p_keep_dead)
  on conflict (queue) do update set function_name = excluded.function_name, description = excluded.description,
    lease = excluded.lease, max_attempts = excluded.max_attempts, backoff_base = excluded.backoff_base,
    backoff_cap = excluded.backoff_cap, one_per_connection = excluded.one_per_connection,
    keep_done = excluded.keep_done, keep_dead = excluded.keep_dead;
end $$;
comment on function private.register_connector_queue(text, text, text, interval, integer, interval, interval, boolean, interval, interval) is 'For connectors'' migrations: registers (or re-tunes) a queue and the worker function the database may wake for it.';

-- ===== enqueue, claim, touch, finish
-- A queue by name; 22023 for a name no connector registered.
create function private.connector_queue(p_queue text) returns private.connector_queues
language plpgsql stable security definer set search_path = '' as $$
declare
  q private.connector_queues;
begin
  select * into q from private.connector_queues where queue = p_queue;
  if not found then
    raise exception 'no connector queue %', p_queue using errcode = '22023';
  end if;
  return q;
end $$;
comment on function private.connector_queue(text) is 'The registered queue of this name (its worker, lease, attempts, backoff); 22023 when no connector registered it.';

create function private.enqueue_connector_job(
  p_queue text, p_workspace_id uuid, p_connection_id uuid, p_idempotency_key text,
  p_payload jsonb default '{}', p_priority smallint default 100, p_next_attempt_at timestamptz default now()
) returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  q private.connector_queues;
  jid bigint;
begin
  q := private.connector_queue(p_queue);
  if p_connection_id is not null and not exists (
    select 1 from public.integration_connections c where c.id = p_connection_id and c.workspace_id = p_workspace_id) then
    raise exception 'connection % is not in workspace %', p_connection_id, p_workspace_id using errcode = '22023';
  end if;
  insert into private.connector_jobs (queue, workspace_id, connection_id, idempotency_key, payload, priority,
                                      max_attempts, next_attempt_at)
  values (p_queue, p_workspace_id, p_connection_id, p_idempotency_key, coalesce(p_payload, '{}'), coalesce(p_priority, 100),
          q.max_attempts, coalesce(p_next_attempt_at, now()))
  on conflict (workspace_id, queue, idempotency_key) do nothing
  returning id into jid;
  if jid is null then
    select j.id into jid from private.connector_jobs j
    where j.workspace_id = p_workspace_id and j.queue = p_queue and j.idempotency_key = p_idempotency_key;
  elsif coalesce(p_next_attempt_at, now()) <= now() then
    perform private.wake_function(q.function_name);
  end if;
  return jid;
end $$;
comment on function private.enqueue_connector_job(text, uuid, uuid, text, jsonb, smallint, timestamptz) is 'Queues one job, idempotently by (queue, key): a key already queued (or done, or dead) returns the existing job''s id and changes nothing. A job due now wakes the queue''s worker at commit.';

-- Many jobs at once (a statement trigger's rows): the same rules, one statement, one wake-up.
create function private.enqueue_connector_jobs(p_queue text, p_jobs jsonb) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  q private.connector_queues;
  n integer;
begin
  q := private.connector_queue(p_queue);
  if jsonb_typeof(p_jobs) is distinct from 'array' then
    raise exception 'p_jobs must be a JSON array of jobs' using errcode = '22023';
  end if;
  insert into private.connector_jobs (queue, workspace_id, connection_id, idempotency_key, payload, priority, max_attempts)
  select p_queue, (e ->> 'workspace_id')::uuid, (e ->> 'connection_id')::uuid, e ->> 'idempotency_key',
         coalesce(e -> 'payload', '{}'), coalesce((e ->> 'priority')::smallint, 100), q.max_attempts
  from jsonb_array_elements(p_jobs) e
  where e ->> 'connection_id' is null
     or exists (select 1 from public.integration_connections c
                where c.id = (e ->> 'connection_id')::uuid and c.workspace_id = (e ->> 'workspace_id')::uuid)
  on conflict (workspace_id, queue, idempotency_key) do nothing;
  get diagnostics n = row_count;
  if n > 0 then
    perform private.wake_function(q.function_name);
  end if;
  return n;
end $$;
comment on function private.enqueue_connector_jobs(text, jsonb) is 'Queues many jobs in one statement ([{workspace_id, connection_id, idempotency_key, payload, priority}]), each idempotent by (queue, key) and only with a connection of its own workspace; wakes the worker once. Returns how many were new.';

create function private.claim_connector_jobs(p_queue text, p_limit integer)
returns setof private.connector_job_claim
language plpgsql volatile security definer set search_path = '' as $$
declare
  q private.connector_queues;
begin
  q := private.connector_queue(p_queue);
  if p_limit is null or p_limit < 1 then
    raise exception 'p_limit must be at least 1' using errcode = '22023';
  end if;
  perform private.require_batch_size('jobs', p_limit, 1000);

  -- leases that ran out on their last attempt: the worker died on this job every time
  update private.connector_jobs j set status = 'dead', finished_at = now(), lease_id = null, lease_expires_at = null,
    last_outcome = 'dead', last_error = coalesce(j.last_error || ' / ', '') ||
                 format('the worker did not report back within the lease (%s attempts)', j.attempts)
  where j.queue = p_queue and j.status = 'running' and j.lease_expires_at <= now() and j.attempts >= j.max_attempts;

  if q.one_per_connection then
    return query
    with conns as (
      -- connections with due work, none of it leased, callable now; locked so two claims never
      -- pick the same connection (a job without a connection is its own unit)
      select c.id from public.integration_connections c
      where c.id in (select j.connection_id from private.connector_jobs j
                     where j.queue = p_queue and j.connection_id is not null
                       and ((j.status = 'queued' and j.next_attempt_at <= now())
                            or (j.status = 'running' and j.lease_expires_at <= now())))
        and private.connection_callable(c.status, c.health, c.throttled_until)
        and not exists (select 1 from private.connector_jobs r
                        where r.connection_id = c.id and r.queue = p_queue and r.status = 'running'
                          and r.lease_expires_at > now())
      order by c.id
      limit p_limit
      for no key update of c skip locked
    ), by_connection as (
      select n.id from conns
      cross join lateral (
        select j.id from private.connector_jobs j
        where j.queue = p_queue and j.connection_id = conns.id
          and ((j.status = 'queued' and j.next_attempt_at <= now()) or (j.status = 'running' and j.lease_expires_at <= now()))
        order by j.priority, j.next_attempt_at, j.id
        limit 1
        for update of j skip locked
      ) n
    ), without_connection as (
      select j.id from private.connector_jobs j
      where j.queue = p_queue and j.connection_id is null
        and ((j.status = 'queued' and j.next_attempt_at <= now()) or (j.status = 'running' and j.lease_expires_at <= now()))
      order by j.priority, j.next_attempt_at, j.id
      limit p_limit
      for update of j skip locked
    ), claimed as (
      update private.connector_jobs j set status = 'running', attempts = j.attempts + 1, lease_id = gen_random_uuid(),
        lease_expires_at = now() + q.lease
      where j.id in (select id from (select b.id from by_connection b union all select w.id from without_connection w) a
                     limit p_limit)
      returning j.*
    )
    select cl.id, cl.lease_id, cl.workspace_id, cl.connection_id, c.provider, c.external_account_id, cl.idempotency_key,
           cl.payload, cl.progress, cl.attempts, cl.max_attempts
    from claimed cl left join public.integration_connections c on c.id = cl.connection_id
    order by cl.priority, cl.id;
  else
    return query
    with picked as (
      select j.id from private.connector_jobs j
      left join public.integration_connections c on c.id = j.connection_id
      where j.queue = p_queue
        and ((j.status = 'queued' and j.next_attempt_at <= now()) or (j.status = 'running' and j.lease_expires_at <= now()))
        and (j.connection_id is null or private.connection_callable(c.status, c.health, c.throttled_until))
      order by j.priority, j.next_attempt_at, j.id
      limit p_limit
      for update of j skip locked
    ), claimed as (
      update private.connector_jobs j set status = 'running', attempts = j.attempts + 1, lease_id = gen_random_uuid(),
        lease_expires_at = now() + q.lease
      from picked where j.id = picked.id
      returning j.*
    )
    select cl.id, cl.lease_id, cl.workspace_id, cl.connection_id, c.provider, c.external_account_id, cl.idempotency_key,
           cl.payload, cl.progress, cl.attempts, cl.max_attempts
    from claimed cl left join public.integration_connections c on c.id = cl.connection_id
    order by cl.connection_id, cl.priority, cl.id;
  end if;
end $$;
comment on function private.claim_connector_jobs(text, integer) is 'A worker''s claim: leases up to p_limit due jobs of the queue (FOR UPDATE SKIP LOCKED), skipping connections that are throttled, waiting for re-authorisation or not active; one job per connection (and none while one is leased) when the queue says so. Jobs whose lease ran out on their last attempt are dead first.';

-- Saves progress under the current lease and extends it; raises PT409 when the lease is lost, so
-- the caller's transaction (the page it was applying) rolls back.
create function private.touch_connector_job(p_job_id bigint, p_lease_id uuid, p_progress jsonb default null)
returns private.connector_jobs
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs;
begin
  update private.connector_jobs t set progress = coalesce(p_progress, t.progress),
    lease_expires_at = greatest(t.lease_expires_at, now() + (select q.lease from private.connector_queues q where q.queue = t.queue))
  where t.id = p_job_id and t.lease_id = p_lease_id and t.status = 'running'
  returning t.* into j;
  if not found then
    raise exception 'job % is no longer leased to this worker', p_job_id using errcode = 'PT409';
  end if;
  return j;
end $$;
comment on function private.touch_connector_job(bigint, uuid, jsonb) is 'Within the worker''s transaction: saves the job''s progress and extends its lease; PT409 when the lease was lost (another worker has the job), so nothing of that transaction is kept.';

create function private.finish_connector_job(
  p_job_id bigint, p_lease_id uuid, p_outcome private.connector_job_outcome, p_last_error text default null,
  p_next_attempt_at timestamptz default null, p_progress jsonb default null, p_provider_ref text default null
) returns private.connector_job_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  j private.connector_jobs;
  q private.connector_queues;
  next_status private.connector_job_status;
  due timestamptz;
  counted integer;
begin
  select * into j from private.connector_jobs where id = p_job_id for update;
  if not found or j.status <> 'running' or j.lease_id is distinct from p_lease_id then
    return null;  -- the lease was lost: another worker has (or finished) the job
  end if;
  select * into q from private.connector_queues where queue = j.queue;
  counted := case when p_outcome in ('wait', 'throttled') then j.attempts - 1
                  when p_outcome = 'continue' then 0 else j.attempts end;
  next_status := case
    when p_outcome = 'done' then 'done'
    when p_outcome = 'dead' or (p_outcome = 'retry' and j.attempts >= j.max_attempts) then 'dead'
    else 'queued' end::private.connector_job_status;
  due := case p_outcome
    when 'continue' then coalesce(p_next_attempt_at, now())
    when 'wait' then coalesce(p_next_attempt_at, now() + interval '10 seconds')
    when 'throttled' then coalesce(p_next_attempt_at, now() + interval '60 seconds')
    when 'retry' then greatest(now() + private.retry_backoff(j.attempts, q.backoff_base, q.backoff_cap, 0.5), p_next_attempt_at)
    else j.next_attempt_at end;
  update private.connector_jobs set status = next_status, attempts = greatest(counted, 0), next_attempt_at = due,
    lease_id = null, lease_expires_at = null,
    finished_at = case when next_status in ('done', 'dead') then now() end,
    progress = coalesce(p_progress, progress),
    provider_ref = coalesce(left(p_provider_ref, 300), provider_ref),
    last_outcome = p_outcome,
    last_error = case when p_outcome in ('done', 'continue') then last_error else coalesce(left(p_last_error, 2000), last_error) end
  where id = p_job_id;
  return next_status;
end $$;
comment on function private.finish_connector_job(bigint, uuid, private.connector_job_outcome, text, timestamptz, jsonb, text) is 'The worker''s report on one job under its lease: done, dead, or queued again (continue at once, wait or throttled until p_next_attempt_at without counting the attempt, retry after the queue''s backoff with jitter, dead after max_attempts). Returns the new status; null when the lease was lost (nothing changed).';

-- ===== waking workers
create function private.wake_connector_queues() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  fn text;
  n integer := 0;
begin
  for fn in
    select distinct q.function_name from private.connector_queues q
    where exists (select 1 from private.connector_jobs j
                  left join public.integration_connections c on c.id = j.connection_id
                  where j.queue = q.queue
                    and ((j.status = 'queued' and j.next_attempt_at <= now())
                         or (j.status = 'running' and j.lease_expires_at <= now()))
                    and (j.connection_id is null or private.connection_callable(c.status, c.health, c.throttled_until)))
  loop
    perform private.wake_function(fn);
    n := n + 1;
  end loop;
  return n;
end $$;
comment on function private.wake_connector_queues() is 'pg_cron (connector-queues, every minute): wakes the worker of every queue with a job due on a callable connection (retries, waits, lapsed leases); returns how many workers it woke.';

create function private.purge_connector_jobs() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from private.connector_jobs j using private.connector_queues q
  where j.queue = q.queue and ((j.status = 'done' and j.finished_at < now() - q.keep_done)
                               or (j.status = 'dead' and j.finished_at < now() - q.keep_dead));
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.purge_connector_jobs() is 'pg_cron (connector-jobs-retention, daily): deletes done jobs after their queue''s keep_done and dead letters after keep_dead; returns how many.';

select cron.schedule('connector-queues', '* * * * *', $$select private.wake_connector_queues()$$);
select cron.schedule('connector-jobs-retention', '29 3 * * *', $$select private.purge_connector_jobs()$$);

-- ===== grants: the workers act as service_role
revoke all on function private.retry_backoff(integer, interval, interval, double precision, double precision) from public;
revoke all on function private.register_connector_queue(text, text, text, interval, integer, interval, interval, boolean, interval, interval) from public;
revoke all on function private.connector_queue(text) from public;
revoke all on function private.enqueue_connector_job(text, uuid, uuid, text, jsonb, smallint, timestamptz) from public;
revoke all on function private.enqueue_connector_jobs(text, jsonb) from public;
revoke all on function private.claim_connector_jobs(text, integer) from public;
revoke all on function private.touch_connector_job(bigint, uuid, jsonb) from public;
revoke all on function private.finish_connector_job(bigint, uuid, private.connector_job_outcome, text, timestamptz, jsonb, text) from public;
revoke all on function private.wake_connector_queues() from public;
revoke all on function private.purge_connector_jobs() from public;
grant execute on function private.retry_backoff(integer, interval, interval, double precision, double precision),
  private.enqueue_connector_job(text, uuid, uuid, text, jsonb, smallint, timestamptz),
  private.enqueue_connector_jobs(text, jsonb),
  private.claim_connector_jobs(text, integer),
  private.touch_connector_job(bigint, uuid, jsonb),
  private.finish_connector_job(bigint, uuid, private.connector_job_outcome, text, timestamptz, jsonb, text)
  to service_role;
grant select on private.connector_jobs, private.connector_queues to service_role;
-- a worker whose time budget ends with work left asks for its next call at once
grant execute on function private.wake_function(text) to service_role;
