-- Calling edge functions from the database, for both of Supabase's key models, and outbound
-- webhook deliveries that leave as soon as they are queued.
-- - private.invoke_function() sends the Vault secret `service_role_key` both as `apikey` and as
--   the bearer, so a secret key (sb_secret_..., the current model) or a legacy service_role JWT
--   both work; the functions it calls check the caller themselves (requireServiceRole).
-- - Which functions the database may call is a table (private.callable_functions), so a domain
--   adds its worker with one insert instead of replacing this function.
-- - A statement that queues webhook deliveries wakes the dispatcher at commit (pg_net is
--   transactional), debounced to one call per second; the every-minute pg_cron round stays as
--   the sweeper for retries and for anything a debounced wake-up missed.

create table private.callable_functions (
  name text primary key check (name ~ '^[a-z0-9-]+(/[a-z0-9-]+)?$'),
  description text not null,
  last_invoked_at timestamptz not null default '-infinity'
);
comment on table private.callable_functions is 'Edge functions (path under /functions/v1) the database may call through pg_net, with when it last did (for debouncing). Service only.';
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
  update private.callable_functions set last_invoked_at = now() where name = p_name;
  return request_id;
end $$;
comment on function private.invoke_function(text) is 'Calls an edge function listed in private.callable_functions through pg_net with the Vault secrets project_url and service_role_key (sent as apikey and bearer); returns the pg_net request id, or null where pg_net or the secrets are missing.';
revoke all on function private.invoke_function(text) from public;

-- At most one wake-up per function per second; never waits for another transaction's wake-up.
create function private.wake_function(p_name text) returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  due boolean;
begin
  select f.last_invoked_at < now() - interval '1 second' into due
  from private.callable_functions f where f.name = p_name
  for update skip locked;
  if coalesce(due, false) then
    return private.invoke_function(p_name);
  end if;
  return null;
end $$;
comment on function private.wake_function(text) is 'private.invoke_function debounced to once a second per function; skips (returns null) while another transaction is waking it.';
revoke all on function private.wake_function(text) from public;

create function private.dispatch_new_deliveries() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.wake_function('webhook-dispatch');
  return null;
end $$;
comment on function private.dispatch_new_deliveries() is 'AFTER INSERT statement trigger on webhook_deliveries: wakes the dispatcher at commit.';
revoke all on function private.dispatch_new_deliveries() from public;
create trigger dispatch_new_deliveries after insert on public.webhook_deliveries
  for each statement execute function private.dispatch_new_deliveries();
