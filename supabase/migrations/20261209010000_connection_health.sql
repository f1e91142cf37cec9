-- Connectors, part 1: the health of each connection, as the provider calls made with it report it.
-- Every connector (ads sync, conversions, Shopify, email, Slack ...) reports the outcome of its
-- provider calls through one function, private.record_connection_call, which keeps the state a
-- frontend shows (ok | rate_limited | reauth_required | failing, with the last error, when the
-- connection may be called again and when it last worked) and the ops alert that says a
-- connection stopped working: one unresolved alert per connection (dedupe key
-- connection:<id>), opened when it stops, resolved when it works again. Queues skip connections
-- that private.connection_callable says are not callable (throttled, waiting for re-auth,
-- expired, revoked), so one connection backing off never holds up the others.

create type public.connection_health as enum ('ok', 'rate_limited', 'reauth_required', 'failing');
comment on type public.connection_health is 'What the last provider calls through a connection said: ok; rate_limited (the provider asked us to wait until throttled_until); reauth_required (the token is revoked or expired and a refresh did not help: an admin reconnects); failing (3 or more calls in a row failed for another reason).';

create type private.provider_call_outcome as enum ('ok', 'throttled', 'token_invalid', 'retry_later', 'bad_request');
comment on type private.provider_call_outcome is 'How one provider call ended, as functions/_shared/providers/http.ts classifies it: ok; throttled (wait until a time the provider gave or implied); token_invalid (after one refresh); retry_later (timeout, 5xx, connection failure); bad_request (the provider refused what we sent).';

alter table public.integration_connections
  add column health public.connection_health not null default 'ok',
  add column health_changed_at timestamptz,
  add column throttled_until timestamptz,
  add column last_success_at timestamptz,
  add column last_failure_at timestamptz,
  add column consecutive_failures integer not null default 0 check (consecutive_failures >= 0);
comment on column public.integration_connections.health is 'ok | rate_limited | reauth_required | failing, from the outcomes of the provider calls made with this connection (private.record_connection_call).';
comment on column public.integration_connections.health_changed_at is 'When health last changed.';
comment on column public.integration_connections.throttled_until is 'The provider asked us not to call before this time (Retry-After, Meta''s estimated time to regain access ...); queues skip the connection until then.';
comment on column public.integration_connections.last_success_at is 'The last provider call through this connection that worked (recorded at most once a minute).';
comment on column public.integration_connections.last_failure_at is 'The last provider call through this connection that failed or was throttled.';
comment on column public.integration_connections.consecutive_failures is 'Failed calls in a row (throttling not counted); 3 make the connection failing.';
comment on column public.integration_connections.last_error is 'The last error a provider call or a token refresh reported, for people to read.';

-- Whether a queue may call the provider through this connection now.
create function private.connection_callable(
  p_status public.connection_status, p_health public.connection_health, p_throttled_until timestamptz
) returns boolean
language sql stable set search_path = '' as $$
  select p_status = 'active' and p_health <> 'reauth_required' and (p_throttled_until is null or p_throttled_until <= now())
$$;
comment on function private.connection_callable(public.connection_status, public.connection_health, timestamptz) is 'True when work through a connection may run now: active, not waiting for re-authorisation, not throttled. Queue claims filter with it.';

-- The alert a connection raises while it does not work, and its resolution.
create function private.connection_alert(p_connection_id uuid, p_health public.connection_health, p_last_error text)
returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  c public.integration_connections;
  label text;
begin
  select * into c from public.integration_connections where id = p_connection_id;
  if not found then
    return;
  end if;
  label := replace(initcap(replace(c.provider::text, '_', ' ')), 'Tiktok', 'TikTok') || ' ' || c.external_account_id;
  if p_health in ('reauth_required', 'failing') then
    perform private.raise_alert(c.workspace_id, 'connection',
      case when p_health = 'reauth_required' then 'high' else 'medium' end::public.ops_severity,
      left(case when p_health = 'reauth_required' then label || ' needs to be reconnected'
                else label || ' is failing' end, 200),
      p_last_error, c.provider::text, 'connection:' || c.id,
      null, jsonb_build_object('connection_id', c.id, 'provider', c.provider, 'health', p_health));
  else
    update public.ops_alerts a set status = 'resolved'
    where a.workspace_id = c.workspace_id and a.dedupe_key = 'connection:' || c.id and a.status <> 'resolved';
  end if;
end $$;
comment on function private.connection_alert(uuid, public.connection_health, text) is 'Opens the connection''s ops alert (dedupe key connection:<id>; high when it needs reconnecting, medium when failing) or resolves it once the connection is ok or only rate limited.';

-- The one writer of a connection's health: every connector reports each provider call's outcome here.
create function private.record_connection_call(
  p_connection_id uuid, p_outcome private.provider_call_outcome, p_last_error text default null,
  p_throttled_until timestamptz default null
) returns public.connection_health
language plpgsql volatile security definer set search_path = '' as $$
declare
  c public.integration_connections;
  next_health public.connection_health;
  failures integer;
begin
  if p_connection_id is null or p_outcome is null then
    raise exception 'p_connection_id and p_outcome are required' using errcode = '22023';
  end if;
  if p_outcome = 'ok' then
    update public.integration_connections set health = 'ok', health_changed_at = now(), throttled_until = null,
      consecutive_failures = 0, last_success_at = now(), last_error = null
    where id = p_connection_id and health <> 'ok';
    if found then
      perform private.connection_alert(p_connection_id, 'ok', null);
      return 'ok'::public.connection_health;
    end if;
    -- the common case: one indexed update at most once a minute, nothing otherwise
    update public.integration_connections set throttled_until = null, consecutive_failures = 0, last_success_at = now()
    where id = p_connection_id
      and (consecutive_failures > 0 or throttled_until is not null
           or last_success_at is null or last_success_at < now() - interval '1 minute');
    return 'ok'::public.connection_health;
  end if;

  select * into c from public.integration_connections where id = p_connection_id for update;
  if not found then
    raise exception 'no connection %', p_connection_id using errcode = 'PT404';
  end if;
  failures := case when p_outcome in ('retry_later', 'bad_request') then c.consecutive_failures + 1
                   else c.consecutive_failures end;
  next_health := (case p_outcome
    when 'throttled' then case when c.health in ('failing', 'reauth_required') then c.health::text else 'rate_limited' end
    when 'token_invalid' then 'reauth_required'
    else case when failures >= 3 then 'failing' else c.health::text end
  end)::public.connection_health;
  update public.integration_connections set
    health = next_health,
    health_changed_at = case when next_health <> c.health then now() else health_changed_at end,
    throttled_until = case when p_outcome = 'throttled'
                           then greatest(coalesce(p_throttled_until, now() + interval '60 seconds'), throttled_until)
                           else throttled_until end,
    consecutive_failures = failures,
    last_failure_at = now(),
    last_error = coalesce(left(p_last_error, 2000), last_error)
  where id = p_connection_id;
  if next_health <> c.health and next_health in ('reauth_required', 'failing') then
    perform private.connection_alert(p_connection_id, next_health, p_last_error);
  end if;
  return next_health;
end $$;
comment on function private.record_connection_call(uuid, private.provider_call_outcome, text, timestamptz) is 'Records one provider call''s outcome for a connection: ok resets failures and throttling and resolves the connection''s alert; throttled sets rate_limited until p_throttled_until (60 s when the provider gave no time); token_invalid sets reauth_required; retry_later and bad_request count failures, 3 in a row make it failing. Going reauth_required or failing opens one ops alert per connection. Returns the new health.';

-- New credentials (a reconnect, a refresh) end a reauth_required state; an expired connection
-- (its token refresh failed) needs re-authorisation.
create function private.connection_credentials_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.integration_connections set health = 'ok', health_changed_at = now(), consecutive_failures = 0,
    throttled_until = null
  where id = new.connection_id and health = 'reauth_required';
  if found then
    perform private.connection_alert(new.connection_id, 'ok', null);
  end if;
  return null;
end $$;
comment on function private.connection_credentials_changed() is 'AFTER INSERT/UPDATE on private.integration_tokens: new tokens end reauth_required (health ok, its alert resolved); the next call tells whether they work.';
create trigger connection_credentials_changed after insert or update of access_token_ciphertext
  on private.integration_tokens
  for each row execute function private.connection_credentials_changed();

create function private.connection_expired() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.record_connection_call(new.id, 'token_invalid', coalesce(new.last_error, 'the token could not be refreshed'));
  return null;
end $$;
comment on function private.connection_expired() is 'AFTER UPDATE OF status on integration_connections: a connection that turns expired (its refresh failed) is reauth_required, with its alert.';
create trigger connection_expired after update of status on public.integration_connections
  for each row when (new.status = 'expired' and old.status is distinct from 'expired')
  execute function private.connection_expired();

create index integration_connections_unhealthy_idx on public.integration_connections (workspace_id, health)
  where health <> 'ok';

revoke all on function private.connection_callable(public.connection_status, public.connection_health, timestamptz) from public;
revoke all on function private.connection_alert(uuid, public.connection_health, text) from public;
revoke all on function private.record_connection_call(uuid, private.provider_call_outcome, text, timestamptz) from public;
revoke all on function private.connection_credentials_changed() from public;
revoke all on function private.connection_expired() from public;
grant execute on function private.connection_callable(public.connection_status, public.connection_health, timestamptz),
  private.record_connection_call(uuid, private.provider_call_outcome, text, timestamptz) to service_role;
