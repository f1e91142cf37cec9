-- Calling edge functions from the database, for both of Supabase's key models, and outbound
-- webhook deliveries that leave as soon as they are queued.
-- - private.invoke_function() sends the Vault secret `service_role_key` both as `apikey` and as
--   the bearer, so a secret key (sb_secret_..., the current model) or a legacy service_role JWT
--   both work; the functions it calls check the caller themselves (requireServiceRole).
-- - Which functions the database may call is a table (private.callable_functions), so a domain
--   adds its worker with one insert instead of replacing this function.
-- - A statement that queues webhook deliveries wakes the dispatcher at its commit (pg_net is
--   transactional). One wake-up is pending at a time: the dispatcher clears it when its round
--   starts, so a burst of orders makes one call, not one per order, and no inserter ever waits
--   for another. The every-minute pg_cron round stays as the sweeper (retries, and a delivery
--   that committed while a round was already claiming), calling only when something is due.
--   (Second-granularity pg_cron would be simpler, but bookworm's pg_cron is 1.4.)

create table private.callable_functions (
  name text primary key check (name ~ '^[a-z0-9-]+(/[a-z0-9-]+)?$'),
  description text not null,
  wake_requested_at timestamptz
);
comment on table private.callable_functions is 'Edge functions (path under /functions/v1) the database may call through pg_net. Service only.';
comment on column private.callable_functions.wake_requested_at is 'Set when a wake-up call is queued, cleared by the function when its round starts (private.function_round_started); a wake-up older than 30 s counts as lost.';
alter table private.callable_functions enable row level security;
insert into private.callable_functions (name, description) values
  ('webhook-dispatch', 'one round of outbound webhook deliveries'),
  ('oauth/refresh', 'renews OAuth tokens that expire soon');

create or replace function private.invoke_function(p_name text) returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  url text;
  key text;
  request_id bigint;
  -- named through variables: these objects exist only where pg_net and Vault are installed
  secrets text := 'vault.decrypted_secrets';
  http_post text := 'net.http_post';
begin
  if not exists (select 1 from private.callable_functions f where f.name = p_name) then
    raise exception 'not a function the database may call: %', p_name using errcode = '22023';
  end if;
  if to_regnamespace('net') is null or to_regclass('vault.decrypted_secrets') is null then
    return null;
  end if;
  execute format($q$select max(decrypted_secret) filter (where name = 'project_url'),
                           max(decrypted_secret) filter (where name = 'service_role_key')
                    from %s where name in ('project_url', 'service_role_key')$q$, secrets)
    into url, key;
  if url is null or key is null then
    return null;
  end if;
  execute format('select %s(url := $1, headers := $2, body := ''{}''::jsonb, timeout_milliseconds := 30000)', http_post)
    into request_id
    using rtrim(url, '/') || '/functions/v1/' || p_name,
          jsonb_build_object('Authorization', 'Bearer ' || key, 'apikey', key, 'Content-Type', 'application/json');
  return request_id;
end $$;
comment on function private.invoke_function(text) is 'Calls an edge function listed in private.callable_functions through pg_net with the Vault secrets project_url and service_role_key (sent as apikey and bearer); returns the pg_net request id, or null where pg_net or the secrets are missing.';
revoke all on function private.invoke_function(text) from public;

-- Queues a call unless one is already pending; never waits for another transaction.
create function private.wake_function(p_name text) returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  pending timestamptz;
begin
  -- The common case under load, a wake-up already pending, costs one read and no lock.
  select f.wake_requested_at into pending from private.callable_functions f where f.name = p_name;
  if pending is not null and pending > now() - interval '30 seconds' then
    return null;
  end if;
  select f.wake_requested_at into pending from private.callable_functions f
  where f.name = p_name
  for update skip locked;
  if not found then
    return null;  -- another transaction is waking it right now
  end if;
  if pending is not null and pending > now() - interval '30 seconds' then
    return null;  -- a call is pending and its round has not started yet
  end if;
  update private.callable_functions set wake_requested_at = now() where name = p_name;
  return private.invoke_function(p_name);
end $$;
comment on function private.wake_function(text) is 'private.invoke_function unless a call to the same function is already pending (or being queued by another transaction); returns the pg_net request id or null.';
revoke all on function private.wake_function(text) from public;

-- Called by a woken function as its round starts: later work needs a new wake-up.
create function private.function_round_started(p_name text) returns void
language sql volatile security definer set search_path = '' as $$
  update private.callable_functions set wake_requested_at = null where name = p_name
$$;
comment on function private.function_round_started(text) is 'Clears the pending wake-up of a function whose round has started.';
revoke all on function private.function_round_started(text) from public;
grant execute on function private.function_round_started(text) to service_role;

create function private.dispatch_new_deliveries() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from queued) then
    perform private.wake_function('webhook-dispatch');
  end if;
  return null;
end $$;
comment on function private.dispatch_new_deliveries() is 'AFTER INSERT statement trigger on webhook_deliveries: wakes the dispatcher at commit when the statement queued any delivery.';
revoke all on function private.dispatch_new_deliveries() from public;
create trigger dispatch_new_deliveries after insert on public.webhook_deliveries
  referencing new table as queued
  for each statement execute function private.dispatch_new_deliveries();

-- The sweeper: every minute, call the dispatcher only when a delivery is due.
create function private.dispatch_due_deliveries() returns bigint
language plpgsql volatile security definer set search_path = '' as $$
begin
  if exists (select 1 from public.webhook_deliveries d
             join public.webhook_endpoints e on e.id = d.endpoint_id and e.enabled
             where d.status = 'pending' and d.next_attempt_at <= now()) then
    return private.invoke_function('webhook-dispatch');
  end if;
  return null;
end $$;
comment on function private.dispatch_due_deliveries() is 'pg_cron, every minute: calls webhook-dispatch through pg_net when a delivery is due (retries, missed wake-ups); otherwise nothing.';
revoke all on function private.dispatch_due_deliveries() from public;
select cron.schedule('webhook-dispatch', '* * * * *', $$select private.dispatch_due_deliveries()$$);

-- Every job run leaves a record in cron.job_run_details: keep three days of history.
create function private.purge_cron_history() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from cron.job_run_details where end_time < now() - interval '3 days';
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.purge_cron_history() is 'Deletes pg_cron run records older than three days.';
revoke all on function private.purge_cron_history() from public;
select cron.schedule('cron-history-retention', '17 4 * * *', $$select private.purge_cron_history()$$);
