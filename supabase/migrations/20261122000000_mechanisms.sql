-- Mechanisms: what every domain's tables, policies and functions use. Extensions, default
-- privileges and the private schema; the tenant helpers (the caller's workspaces and role, the
-- standard policies, the row triggers every table gets: updated_at and the tenant-key guard);
-- row audit; the exemption that lets a deleted user's ON DELETE SET NULL past history guards;
-- batch caps; waking edge functions through pg_net; time partitions; the statistics library the
-- experiments use; the rule-condition language of scoring, workflow and automation rules.
--
-- A migration after this baseline never edits it: hosted projects apply only the migrations
-- they have not seen. Add a new migration named for the change; supabase/schema/ shows the result.

-- ===== extensions (before default privileges change, so their functions keep Supabase's grants)
create extension if not exists pgcrypto with schema extensions;

create extension if not exists pg_trgm with schema extensions;

create extension if not exists vector with schema extensions;

-- ===== privileges: nothing is callable or readable by the API roles unless granted by name
-- Supabase grants everything in public to anon/authenticated by default (TRUNCATE included,
-- which ignores RLS). Each table and function below grants exactly what it needs instead.
alter default privileges revoke execute on functions from public;

alter default privileges in schema public revoke all on tables from anon, authenticated;

alter default privileges in schema public revoke all on sequences from anon, authenticated;

alter default privileges in schema public revoke all on functions from anon, authenticated;

-- pg_cron in pg_catalog, where Supabase installs it (its objects live in the cron schema); after the
-- default privileges, so nothing of it is callable by PUBLIC.
create extension if not exists pg_cron with schema pg_catalog;

create schema if not exists private;

comment on schema private is 'Helpers and service-only tables; never exposed through PostgREST.';

grant usage on schema private to authenticated, service_role, anon;

-- ===== shared trigger: updated_at
create function private.set_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end $$;
comment on function private.set_updated_at() is 'BEFORE UPDATE trigger shared by every table with updated_at.';

-- ===== tenancy
create type public.workspace_role as enum ('viewer', 'member', 'admin', 'owner');

comment on type public.workspace_role is 'Ordered: viewer < member < admin < owner. viewer reads, member writes day-to-day data, admin manages connections, members and settings, owner deletes the workspace and transfers ownership.';

-- ===== policy helpers (SECURITY DEFINER: they read memberships beneath RLS)
-- The caller's workspaces with at least min_role. Policies use it as
--   workspace_id = any (array(select private.workspace_ids('member')))
-- so it runs once per statement (an InitPlan), never once per row.
-- PL/pgSQL rather than SQL: a non-inlinable SQL function is planned on every call, a PL/pgSQL
-- one keeps its plan for the session (measured: ~92 us vs ~52 us per statement).
create function private.workspace_ids(p_min_role public.workspace_role default 'viewer')
returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
begin
  return query
    select m.workspace_id
    from public.workspace_members m
    where m.user_id = (select auth.uid()) and m.role >= p_min_role;
end $$;
comment on function private.workspace_ids(public.workspace_role) is 'The caller''s workspace ids with at least min_role; wrap in array(select ...) in policies.';
grant execute on function private.workspace_ids(public.workspace_role) to authenticated;

-- The caller's role in one workspace, or null.
create function private.workspace_role(p_workspace_id uuid)
returns public.workspace_role
language plpgsql stable security definer set search_path = '' as $$
begin
  return (select m.role from public.workspace_members m
          where m.workspace_id = p_workspace_id and m.user_id = (select auth.uid()));
end $$;
comment on function private.workspace_role(uuid) is 'The caller''s role in the given workspace, or null when not a member. PL/pgSQL so its plan is cached per session.';
grant execute on function private.workspace_role(uuid) to authenticated;

-- For RPCs: raise 42501 unless the caller has at least min_role in the workspace.
create function private.require_workspace_role(p_workspace_id uuid, p_min_role public.workspace_role)
returns public.workspace_role
language plpgsql stable security definer set search_path = '' as $$
declare
  r public.workspace_role := private.workspace_role(p_workspace_id);
begin
  if r is null or r < p_min_role then
    raise exception 'you need the % role in this workspace', p_min_role using errcode = '42501';
  end if;
  return r;
end $$;
comment on function private.require_workspace_role(uuid, public.workspace_role) is 'Raises insufficient_privilege (42501) unless the caller has at least min_role in the workspace; returns the caller''s role.';
grant execute on function private.require_workspace_role(uuid, public.workspace_role) to authenticated;

-- ===== the row triggers every table gets, installed by one helper
-- set_updated_at when the table has updated_at; keep_tenant_keys (naming whichever of
-- workspace_id, created_at and created_by it has) when it has workspace_id. The guard fires only
-- when an UPDATE sets one of those columns, which keeps its cost off ordinary updates and upserts.
create function private.install_row_triggers(p_table regclass) returns void
language plpgsql volatile set search_path = '' as $$
declare
  cols text[];
begin
  select array_agg(a.attname::text order by a.attnum) into cols
  from pg_attribute a
  where a.attrelid = p_table and not a.attisdropped and a.attnum > 0
    and a.attname in ('workspace_id', 'created_at', 'created_by', 'updated_at');
  if not (cols && array['workspace_id', 'updated_at']) then
    raise exception 'install_row_triggers: % has neither workspace_id nor updated_at', p_table;
  end if;
  if 'updated_at' = any (cols) then
    execute format('create trigger set_updated_at before update on %s for each row execute function private.set_updated_at()',
                   p_table);
  end if;
  if 'workspace_id' = any (cols) then
    cols := array_remove(cols, 'updated_at');
    execute format(
      'create trigger keep_tenant_keys before update of %s on %s for each row execute function private.keep_tenant_keys(%s)',
      (select string_agg(quote_ident(c), ', ') from unnest(cols) c), p_table,
      (select string_agg(quote_literal(c), ', ') from unnest(cols) c));
  end if;
end $$;
comment on function private.install_row_triggers(regclass) is 'Migration helper: installs set_updated_at (a table with updated_at) and the keep_tenant_keys guard (a table with workspace_id).';

-- ===== the standard tenant policies
-- One policy per command, scoped by the caller's workspaces where they hold at least p_role:
--   workspace_id = any (array(select private.workspace_ids('<role>')))
-- named "<role>s read|add|change|remove" (select, insert, update, delete).
create function private.tenant_policy(p_table regclass, p_command text, p_role public.workspace_role) returns void
language plpgsql volatile set search_path = '' as $$
declare
  cond text := format('workspace_id = any (array(select private.workspace_ids(%L)))', p_role);
begin
  case p_command
    when 'select' then
      execute format('create policy %I on %s for select to authenticated using (%s)', p_role || 's read', p_table, cond);
    when 'insert' then
      execute format('create policy %I on %s for insert to authenticated with check (%s)', p_role || 's add', p_table, cond);
    when 'update' then
      execute format('create policy %I on %s for update to authenticated using (%s) with check (%s)',
                     p_role || 's change', p_table, cond, cond);
    when 'delete' then
      execute format('create policy %I on %s for delete to authenticated using (%s)', p_role || 's remove', p_table, cond);
    else
      raise exception 'tenant_policy: % is not select, insert, update or delete', p_command;
  end case;
end $$;
comment on function private.tenant_policy(regclass, text, public.workspace_role) is 'Migration helper: the standard tenant policy of one command (select, insert, update, delete) for callers with at least p_role in the row''s workspace.';

-- The usual tenant table: p_read reads; p_write adds, changes and removes (p_delete, when given, removes).
create function private.tenant_policies(p_table regclass, p_read public.workspace_role, p_write public.workspace_role,
                                        p_delete public.workspace_role default null) returns void
language plpgsql volatile set search_path = '' as $$
begin
  perform private.tenant_policy(p_table, 'select', p_read);
  perform private.tenant_policy(p_table, 'insert', p_write);
  perform private.tenant_policy(p_table, 'update', p_write);
  perform private.tenant_policy(p_table, 'delete', coalesce(p_delete, p_write));
end $$;
comment on function private.tenant_policies(regclass, public.workspace_role, public.workspace_role, public.workspace_role) is 'Migration helper: the four standard tenant policies of a table (see private.tenant_policy).';

-- Generic row audit. Trigger arguments name columns to leave out (secrets, token hashes).
create function private.audit_row() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  old_j jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
  new_j jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
  row_j jsonb := coalesce(new_j, old_j);
  hidden text[] := coalesce(tg_argv::text[], '{}');
begin
  old_j := old_j - hidden;
  new_j := new_j - hidden;
  if tg_op = 'UPDATE' and old_j = new_j then
    return null;
  end if;
  -- A workspace being deleted takes its history with it (its rows cascade away right after).
  if row_j ? 'workspace_id' and not exists (
    select 1 from public.workspaces w where w.id = (row_j ->> 'workspace_id')::uuid
  ) then
    return null;
  end if;
  insert into public.audit_log (workspace_id, table_name, record_id, action, actor_id, actor_role, old_data, new_data)
  values (
    (row_j ->> 'workspace_id')::uuid,
    tg_table_name,
    coalesce(row_j ->> 'id', concat_ws(':', row_j ->> 'workspace_id', row_j ->> 'user_id')),
    lower(tg_op)::public.audit_action,
    (select auth.uid()),
    coalesce(nullif((select auth.role()), ''), session_user::text),
    old_j,
    new_j
  );
  return null;
end $$;
comment on function private.audit_row() is 'AFTER row trigger writing public.audit_log; arguments are column names to omit.';

-- Turns on the row audit of a table: which events, and which columns to leave out (secrets).
create function private.enable_audit(p_table regclass, p_omit text[] default '{}',
                                     p_events text default 'insert or update or delete') returns void
language plpgsql volatile set search_path = '' as $$
begin
  execute format('create trigger audit after %s on %s for each row execute function private.audit_row(%s)',
                 p_events, p_table, (select string_agg(quote_literal(c), ', ') from unnest(p_omit) c));
end $$;
comment on function private.enable_audit(regclass, text[], text) is 'Migration helper: installs the audit trigger (private.audit_row) for the given events, leaving out the named columns.';

-- ===== scheduled function rounds: in the cloud pg_cron calls the functions through pg_net
-- with the project URL and service role key kept in Vault (secrets named project_url and
-- service_role_key). Where pg_net or those secrets are missing (the embedded local stack) the
-- jobs do nothing; call the functions directly there.
create function private.invoke_function(p_name text) returns bigint
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

-- ===== who is calling
-- An end user is a signed-in user calling through the API (PostgREST, or an edge function acting
-- as the user): the request's JWT role is authenticated, also inside a SECURITY DEFINER function
-- (where current_user is the function's owner). Their workspace roles decide what they may do.
-- Everything else acts for the system: service_role (edge functions after verifying a provider),
-- pg_cron jobs, migrations, and the storefront functions anonymous visitors call, which validate
-- their own input and act for the shop. Functions an anonymous caller must never pass refuse
-- role anon explicitly.
create function private.is_end_user() returns boolean
language sql stable set search_path = '' as $$
  select coalesce(auth.role() = 'authenticated', false)
$$;
comment on function private.is_end_user() is 'True when the request comes from a signed-in user (JWT role authenticated), also inside SECURITY DEFINER functions; false for service_role, pg_cron, migrations and the storefront functions anon calls.';
grant execute on function private.is_end_user() to authenticated, service_role;

-- ===== the tenant-key guard
-- Tenant rows never move: workspace_id, created_at and created_by are fixed at insert. A user who
-- belongs to two workspaces could otherwise `update orders set workspace_id = <other>` (both
-- sides pass the policies) and leave the order's line items behind.
create function private.keep_tenant_keys() returns trigger
language plpgsql set search_path = '' as $$
declare
  col text;
  before_j jsonb := to_jsonb(old);
  after_j jsonb := to_jsonb(new);
begin
  foreach col in array tg_argv loop
    if after_j -> col is distinct from before_j -> col then
      if col = 'created_by' and jsonb_typeof(after_j -> col) = 'null'
         and not exists (select 1 from auth.users u where u.id = (before_j ->> col)::uuid) then
        continue;
      end if;
      raise exception '% cannot change once a row exists', col
        using errcode = '42501',
              detail = format('table %s keeps %s fixed after insert', tg_table_name, array_to_string(tg_argv, ', ')),
              hint = 'create a new row in the other workspace instead';
    end if;
  end loop;
  return new;
end $$;
comment on function private.keep_tenant_keys() is 'BEFORE UPDATE OF <the named columns> trigger: raises 42501 when workspace_id, created_at or created_by would change; created_by may only become null once its user is gone (erasure, ON DELETE SET NULL). Installed by private.install_row_triggers().';

-- Batch caps: raise PT413 (HTTP 413 through PostgREST) naming the cap, before any work is done.
create function private.require_batch_size(p_what text, p_count bigint, p_max bigint) returns void
language plpgsql immutable set search_path = '' as $$
begin
  if p_count > p_max then
    raise exception 'too many %: % given, at most % per call', p_what, p_count, p_max
      using errcode = 'PT413', hint = 'split the batch into smaller calls';
  end if;
end $$;
comment on function private.require_batch_size(text, bigint, bigint) is 'For batch RPCs: raises PT413 (HTTP 413) when p_count exceeds the documented cap p_max.';
grant execute on function private.require_batch_size(text, bigint, bigint) to authenticated, service_role;

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

-- Called by a woken function as its round starts: later work needs a new wake-up.
create function private.function_round_started(p_name text) returns void
language sql volatile security definer set search_path = '' as $$
  update private.callable_functions set wake_requested_at = null where name = p_name
$$;
comment on function private.function_round_started(text) is 'Clears the pending wake-up of a function whose round has started.';
grant execute on function private.function_round_started(text) to service_role;

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

select cron.schedule('cron-history-retention', '17 4 * * *', $$select private.purge_cron_history()$$);

-- Retention and upkeep for monthly time partitions, declared once per table: a registry of
-- parents (experiment_events, touchpoints, pixel_events) with how many months each keeps and
-- how many it makes ahead, kept by one daily pg_cron job. The partitions themselves are made and
-- dropped by the generic private.ensure_monthly_partitions() and
-- private.drop_monthly_partitions() (private.<parent>_pYYYYMM, RLS on, reached only through the
-- parent; a default partition catches what falls outside).
create table private.partitioned_tables (
  parent regclass primary key,
  retention_months integer not null check (retention_months between 1 and 33),
  premake_months integer not null default 3 check (premake_months between 1 and 3),
  created_at timestamptz not null default now()
);
comment on table private.partitioned_tables is 'Parents partitioned by month on a timestamptz column, with how many whole months before the current one are kept and how many are made ahead. Kept by private.maintain_partitions() (pg_cron job time-partitions, daily).';
comment on column private.partitioned_tables.retention_months is 'Monthly partitions ending on or before the first day of (current month - retention_months) are dropped, rows and all.';
alter table private.partitioned_tables enable row level security;
grant select on private.partitioned_tables to service_role;

-- Partitions ahead and retention for every registered parent (or one). Returns what it did.
create function private.maintain_partitions(p_today date default current_date, p_only regclass default null)
returns table (parent regclass, created integer, dropped integer)
language plpgsql volatile set search_path = '' as $$
declare
  t private.partitioned_tables;
  first_kept date;
begin
  for t in select * from private.partitioned_tables pt where p_only is null or pt.parent = p_only order by pt.parent::text loop
    first_kept := (date_trunc('month', p_today) - make_interval(months => t.retention_months))::date;
    parent := t.parent;
    created := private.ensure_monthly_partitions(t.parent, first_kept, t.retention_months + t.premake_months + 1);
    dropped := private.drop_monthly_partitions(t.parent, first_kept::timestamp at time zone 'UTC');
    return next;
  end loop;
end $$;
comment on function private.maintain_partitions(date, regclass) is 'For every registered parent (or p_only): monthly partitions from the retention start to premake_months ahead, and the ones before the retention start dropped. Run daily by pg_cron (job time-partitions).';

-- Migration helper: registers a parent, gives it a default partition and its monthly ones.
create function private.register_partitioned_table(p_parent regclass, p_retention_months integer, p_premake_months integer default 3)
returns void
language plpgsql volatile set search_path = '' as $$
declare
  default_name text := (select c.relname from pg_class c where c.oid = p_parent) || '_default';
begin
  insert into private.partitioned_tables (parent, retention_months, premake_months)
  values (p_parent, p_retention_months, p_premake_months)
  on conflict on constraint partitioned_tables_pkey do update
    set retention_months = excluded.retention_months, premake_months = excluded.premake_months;
  if to_regclass(format('private.%I', default_name)) is null then
    execute format('create table private.%I partition of %s default', default_name, p_parent);
    execute format('alter table private.%I enable row level security', default_name);
    execute format('comment on table private.%I is %L', default_name,
                   format('Catch-all partition of %s for rows outside the monthly partitions made so far.', p_parent));
  end if;
  perform private.maintain_partitions(current_date, p_parent);
end $$;
comment on function private.register_partitioned_table(regclass, integer, integer) is 'Migration helper: registers a parent partitioned by month, creates its default partition and its monthly partitions for the retention window and ahead.';

select cron.schedule('time-partitions', '17 1 * * *', 'select private.maintain_partitions()');

-- Statistics in SQL: the distribution functions and tests the experiment results use.
-- Everything is double precision and IMMUTABLE. PostgreSQL raises an error on floating-point
-- underflow (exp(-800), 1e-200 * 1e-200), so tail probabilities are computed in log space and
-- exponentiated through private.stat_exp(), which returns 0 below the smallest double.
--
--   ln_gamma           Lanczos approximation (g = 7, 9 coefficients), |rel. error| < 1e-14
--   gamma_p, gamma_q   regularized incomplete gamma (series / Lentz continued fraction)
--   beta_inc           regularized incomplete beta I_x(a, b) (Lentz continued fraction)
--   normal_cdf         0.5 * erfc(-z / sqrt 2), erfc through gamma_q(1/2, x^2)
--   normal_quantile    Wichura's AS241 (PPND16), ~1e-16
--   t_cdf, t_quantile  Student's t through beta_inc; the quantile by safeguarded Newton
--   chi2_sf            upper tail of chi-square through gamma_q
-- and on top of them: the two-proportion z-test, Welch's t-test, the relative uplift with its
-- delta-method interval (as GrowthBook computes it), Pearson's chi-square for sample-ratio
-- mismatch, Holm's step-down adjustment and the always-valid confidence sequence of
-- Waudby-Smith et al. (2023, eq. 9 and 155) that GrowthBook uses for sequential testing.
-- supabase/tests/071_experiment_stats.test.sql fixes every one against scipy.
create function private.stat_exp(p_x double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select case when p_x < -745 then 0::double precision else exp(p_x) end
$$;
comment on function private.stat_exp(double precision) is 'exp(x), but 0 where the result underflows a double (PostgreSQL raises an error there).';
grant execute on function private.stat_exp(double precision) to authenticated, service_role;

create function private.ln_gamma(p_x double precision) returns double precision
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  c double precision[] := array[0.99999999999980993, 676.5203681218851, -1259.1392167224028,
    771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7];
  x double precision;
  a double precision;
  t double precision;
begin
  if p_x is null or p_x <= 0 then
    return null;
  end if;
  if p_x < 0.5 then
    -- reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x)
    return ln(pi() / sin(pi() * p_x)) - private.ln_gamma(1 - p_x);
  end if;
  x := p_x - 1;
  a := c[1];
  t := x + 7.5;
  for i in 1..8 loop
    a := a + c[i + 1] / (x + i);
  end loop;
  return 0.5 * ln(2 * pi()) + (x + 0.5) * ln(t) - t + ln(a);
end $$;
comment on function private.ln_gamma(double precision) is 'ln Gamma(x) for x > 0 (Lanczos, g = 7); null otherwise.';
grant execute on function private.ln_gamma(double precision) to authenticated, service_role;

-- Regularized lower incomplete gamma P(a, x) and its complement Q(a, x) = 1 - P(a, x).
create function private.gamma_q(p_a double precision, p_x double precision) returns double precision
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  eps constant double precision := 1e-16;
  tiny constant double precision := 1e-300;
  lead double precision;
  s double precision;
  term double precision;
  ap double precision;
  b double precision;
  c double precision;
  d double precision;
  h double precision;
  an double precision;
  del double precision;
begin
  if p_a is null or p_x is null or p_a <= 0 or p_x < 0 then
    return null;
  end if;
  if p_x = 0 then
    return 1;
  end if;
  lead := -p_x + p_a * ln(p_x) - private.ln_gamma(p_a);
  if p_x < p_a + 1 then
    -- series for P, then Q = 1 - P
    ap := p_a;
    term := 1 / p_a;
    s := term;
    for n in 1..10000 loop
      ap := ap + 1;
      term := term * p_x / ap;
      s := s + term;
      exit when abs(term) < abs(s) * eps;
    end loop;
    return 1 - private.stat_exp(lead + ln(s));
  end if;
  -- continued fraction for Q (modified Lentz)
  b := p_x + 1 - p_a;
  c := 1 / tiny;
  d := 1 / b;
  h := d;
  for i in 1..10000 loop
    an := -i * (i - p_a);
    b := b + 2;
    d := an * d + b;
    if abs(d) < tiny then d := tiny; end if;
    c := b + an / c;
    if abs(c) < tiny then c := tiny; end if;
    d := 1 / d;
    del := d * c;
    h := h * del;
    exit when abs(del - 1) < eps;
  end loop;
  return private.stat_exp(lead + ln(h));
end $$;
comment on function private.gamma_q(double precision, double precision) is 'Regularized upper incomplete gamma Q(a, x) = Gamma(a, x) / Gamma(a); accurate in the far tail.';
grant execute on function private.gamma_q(double precision, double precision) to authenticated, service_role;

create function private.gamma_p(p_a double precision, p_x double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select 1 - private.gamma_q(p_a, p_x)
$$;
comment on function private.gamma_p(double precision, double precision) is 'Regularized lower incomplete gamma P(a, x) = 1 - Q(a, x).';
grant execute on function private.gamma_p(double precision, double precision) to authenticated, service_role;

-- Continued fraction of the incomplete beta (Numerical Recipes' betacf, modified Lentz).
create function private.beta_cf(p_a double precision, p_b double precision, p_x double precision)
returns double precision
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  eps constant double precision := 1e-16;
  tiny constant double precision := 1e-300;
  qab double precision := p_a + p_b;
  qap double precision := p_a + 1;
  qam double precision := p_a - 1;
  c double precision := 1;
  d double precision := 1 - qab * p_x / qap;
  h double precision;
  aa double precision;
  del double precision;
  m2 double precision;
begin
  if abs(d) < tiny then d := tiny; end if;
  d := 1 / d;
  h := d;
  for m in 1..20000 loop
    m2 := 2 * m;
    aa := m * (p_b - m) * p_x / ((qam + m2) * (p_a + m2));
    d := 1 + aa * d;
    if abs(d) < tiny then d := tiny; end if;
    c := 1 + aa / c;
    if abs(c) < tiny then c := tiny; end if;
    d := 1 / d;
    h := h * d * c;
    aa := -(p_a + m) * (qab + m) * p_x / ((p_a + m2) * (qap + m2));
    d := 1 + aa * d;
    if abs(d) < tiny then d := tiny; end if;
    c := 1 + aa / c;
    if abs(c) < tiny then c := tiny; end if;
    d := 1 / d;
    del := d * c;
    h := h * del;
    exit when abs(del - 1) < eps;
  end loop;
  return h;
end $$;
comment on function private.beta_cf(double precision, double precision, double precision) is 'Continued fraction for the incomplete beta function; used by private.beta_inc.';
grant execute on function private.beta_cf(double precision, double precision, double precision) to authenticated, service_role;

create function private.beta_inc(p_a double precision, p_b double precision, p_x double precision)
returns double precision
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  lead double precision;
begin
  if p_a is null or p_b is null or p_x is null or p_a <= 0 or p_b <= 0 or p_x < 0 or p_x > 1 then
    return null;
  end if;
  if p_x = 0 or p_x = 1 then
    return p_x;
  end if;
  lead := private.ln_gamma(p_a + p_b) - private.ln_gamma(p_a) - private.ln_gamma(p_b)
          + p_a * ln(p_x) + p_b * ln(1 - p_x);
  if p_x < (p_a + 1) / (p_a + p_b + 2) then
    return private.stat_exp(lead + ln(private.beta_cf(p_a, p_b, p_x)) - ln(p_a));
  end if;
  return 1 - private.stat_exp(lead + ln(private.beta_cf(p_b, p_a, 1 - p_x)) - ln(p_b));
end $$;
comment on function private.beta_inc(double precision, double precision, double precision) is 'Regularized incomplete beta I_x(a, b).';
grant execute on function private.beta_inc(double precision, double precision, double precision) to authenticated, service_role;

-- ===== normal distribution
create function private.normal_cdf(p_z double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select case
    when p_z is null then null
    when p_z = 0 then 0.5::double precision
    when p_z < 0 then 0.5 * private.gamma_q(0.5, p_z * p_z / 2)
    else 1 - 0.5 * private.gamma_q(0.5, p_z * p_z / 2) end
$$;
comment on function private.normal_cdf(double precision) is 'Standard normal CDF Phi(z) = erfc(-z / sqrt 2) / 2, with erfc(x) = Q(1/2, x^2).';
grant execute on function private.normal_cdf(double precision) to authenticated, service_role;

create function private.normal_two_sided_p(p_z double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select case when p_z is null then null when p_z = 0 then 1::double precision
              else private.gamma_q(0.5, p_z * p_z / 2) end
$$;
comment on function private.normal_two_sided_p(double precision) is 'Two-sided p-value of a z statistic, 2 * Phi(-|z|) = erfc(|z| / sqrt 2), exact in the tails.';
grant execute on function private.normal_two_sided_p(double precision) to authenticated, service_role;

create function private.normal_quantile(p_p double precision) returns double precision
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  q double precision;
  r double precision;
  x double precision;
begin
  if p_p is null or p_p <= 0 or p_p >= 1 then
    return null;
  end if;
  q := p_p - 0.5;
  if abs(q) <= 0.425 then
    r := 0.180625 - q * q;
    return q * (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r + 6.7265770927008700853e+4) * r
                   + 4.5921953931549871457e+4) * r + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
                   + 1.3314166789178437745e+2) * r + 3.3871328727963666080e+0)
             / (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r + 3.9307895800092710610e+4) * r
                   + 2.1213794301586595867e+4) * r + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r
                   + 4.2313330701600911252e+1) * r + 1.0);
  end if;
  r := sqrt(-ln(case when q < 0 then p_p else 1 - p_p end));
  if r <= 5 then
    r := r - 1.6;
    x := (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r
             + 1.27045825245236838258e+0) * r + 3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r
             + 4.63033784615654529590e+0) * r + 1.42343711074968357734e+0)
       / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r
             + 1.48103976427480074590e-1) * r + 6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r
             + 2.05319162663775882187e+0) * r + 1.0);
  else
    r := r - 5;
    x := (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r
             + 2.65321895265761230930e-2) * r + 2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r
             + 5.46378491116411436990e+0) * r + 6.65790464350110377720e+0)
       / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) * r
             + 7.86869131145613259100e-4) * r + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
             + 5.99832206555887937690e-1) * r + 1.0);
  end if;
  return case when q < 0 then -x else x end;
end $$;
comment on function private.normal_quantile(double precision) is 'Standard normal quantile Phi^-1(p) for 0 < p < 1 (Wichura, AS241 PPND16); null outside.';
grant execute on function private.normal_quantile(double precision) to authenticated, service_role;

-- ===== Student's t
create function private.t_cdf(p_t double precision, p_df double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select case
    when p_t is null or p_df is null or p_df <= 0 then null
    -- beyond a million degrees of freedom t and normal agree to ~1e-7; the beta fraction would
    -- need thousands of terms
    when p_df > 1e6 then private.normal_cdf(p_t)
    when p_t = 0 then 0.5::double precision
    when p_t < 0 then 0.5 * private.beta_inc(p_df / 2, 0.5, p_df / (p_df + p_t * p_t))
    else 1 - 0.5 * private.beta_inc(p_df / 2, 0.5, p_df / (p_df + p_t * p_t)) end
$$;
comment on function private.t_cdf(double precision, double precision) is 'Student''s t CDF with df degrees of freedom (df may be fractional, as Welch''s is); the normal CDF above 1e6.';
grant execute on function private.t_cdf(double precision, double precision) to authenticated, service_role;

create function private.t_two_sided_p(p_t double precision, p_df double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select case
    when p_t is null or p_df is null or p_df <= 0 then null
    when p_df > 1e6 then private.normal_two_sided_p(p_t)
    when p_t = 0 then 1::double precision
    else private.beta_inc(p_df / 2, 0.5, p_df / (p_df + p_t * p_t)) end
$$;
comment on function private.t_two_sided_p(double precision, double precision) is 'Two-sided p-value of a t statistic, 2 * P(T > |t|) = I_{df/(df+t^2)}(df/2, 1/2), exact in the tails.';
grant execute on function private.t_two_sided_p(double precision, double precision) to authenticated, service_role;

create function private.t_pdf(p_t double precision, p_df double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select private.stat_exp(private.ln_gamma((p_df + 1) / 2) - private.ln_gamma(p_df / 2) - 0.5 * ln(p_df * pi())
                          - (p_df + 1) / 2 * ln(1 + p_t * p_t / p_df))
$$;
comment on function private.t_pdf(double precision, double precision) is 'Student''s t density.';
grant execute on function private.t_pdf(double precision, double precision) to authenticated, service_role;

create function private.t_quantile(p_p double precision, p_df double precision) returns double precision
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  z double precision;
  t double precision;
  lo double precision := -1e300;
  hi double precision := 1e300;
  f double precision;
  step double precision;
  dens double precision;
begin
  if p_p is null or p_df is null or p_p <= 0 or p_p >= 1 or p_df <= 0 then
    return null;
  end if;
  if p_df > 1e6 then
    return private.normal_quantile(p_p);
  end if;
  if p_df = 1 then
    return tan(pi() * (p_p - 0.5));
  end if;
  if p_df = 2 then
    return (2 * p_p - 1) / sqrt(2 * p_p * (1 - p_p));
  end if;
  -- Cornish-Fisher start, then Newton steps kept inside a shrinking bracket (bisection when a
  -- step would leave it).
  z := private.normal_quantile(p_p);
  t := z + (z ^ 3 + z) / (4 * p_df) + (5 * z ^ 5 + 16 * z ^ 3 + 3 * z) / (96 * p_df ^ 2);
  for i in 1..200 loop
    f := private.t_cdf(t, p_df) - p_p;
    if f = 0 then
      return t;
    end if;
    if f < 0 then lo := t; else hi := t; end if;
    dens := private.t_pdf(t, p_df);
    step := case when dens > 0 then f / dens end;
    if step is null or t - step <= lo or t - step >= hi then
      if lo > -1e300 and hi < 1e300 then
        step := t - (lo + hi) / 2;
      else
        step := case when f < 0 then -greatest(1, abs(t)) else greatest(1, abs(t)) end;
      end if;
    end if;
    t := t - step;
    exit when abs(step) <= 1e-13 * greatest(1, abs(t));
  end loop;
  return t;
end $$;
comment on function private.t_quantile(double precision, double precision) is 'Student''s t quantile for 0 < p < 1 and df > 0 (fractional allowed): closed forms for df 1 and 2, otherwise Newton on t_cdf from a Cornish-Fisher start.';
grant execute on function private.t_quantile(double precision, double precision) to authenticated, service_role;

-- ===== chi-square
create function private.chi2_sf(p_x double precision, p_k double precision) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  select case when p_x is null or p_k is null or p_k <= 0 then null
              when p_x <= 0 then 1::double precision
              else private.gamma_q(p_k / 2, p_x / 2) end
$$;
comment on function private.chi2_sf(double precision, double precision) is 'Upper tail P(X > x) of chi-square with k degrees of freedom, Q(k/2, x/2).';
grant execute on function private.chi2_sf(double precision, double precision) to authenticated, service_role;

-- ===== tests
-- Two-proportion z-test with the pooled standard error (statsmodels' proportions_ztest default).
create function private.two_proportion_ztest(
  p_x_a bigint, p_n_a bigint, p_x_b bigint, p_n_b bigint, out z double precision, out p_value double precision)
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  pooled double precision;
  se double precision;
begin
  if p_n_a is null or p_n_b is null or p_n_a <= 0 or p_n_b <= 0 then
    return;
  end if;
  pooled := (p_x_a + p_x_b)::double precision / (p_n_a + p_n_b);
  se := sqrt(pooled * (1 - pooled) * (1.0 / p_n_a + 1.0 / p_n_b));
  if se = 0 then
    return;
  end if;
  z := (p_x_b::double precision / p_n_b - p_x_a::double precision / p_n_a) / se;
  p_value := private.normal_two_sided_p(z);
end $$;
comment on function private.two_proportion_ztest(bigint, bigint, bigint, bigint) is 'Two-proportion z-test of b against a (x successes of n), pooled standard error; z > 0 when b converts better. Nulls when undefined (no data or no variance).';
grant execute on function private.two_proportion_ztest(bigint, bigint, bigint, bigint) to authenticated, service_role;

-- Welch's unequal-variance t-test of b against a from summary statistics (sample variances).
create function private.welch_ttest(
  p_n_a bigint, p_mean_a double precision, p_var_a double precision,
  p_n_b bigint, p_mean_b double precision, p_var_b double precision,
  out t double precision, out df double precision, out p_value double precision)
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  va double precision;
  vb double precision;
begin
  if p_n_a is null or p_n_b is null or p_n_a < 2 or p_n_b < 2 or p_var_a is null or p_var_b is null then
    return;
  end if;
  va := p_var_a / p_n_a;
  vb := p_var_b / p_n_b;
  if va + vb <= 0 then
    return;
  end if;
  t := (p_mean_b - p_mean_a) / sqrt(va + vb);
  df := (va + vb) ^ 2 / (va ^ 2 / (p_n_a - 1) + vb ^ 2 / (p_n_b - 1));
  p_value := private.t_two_sided_p(t, df);
end $$;
comment on function private.welch_ttest(bigint, double precision, double precision, bigint, double precision, double precision) is 'Welch''s t-test of b against a: t, Welch-Satterthwaite degrees of freedom and the two-sided p-value. Nulls when undefined.';
grant execute on function private.welch_ttest(bigint, double precision, double precision, bigint, double precision, double precision) to authenticated, service_role;

-- Relative uplift b/a - 1 with the delta-method standard error GrowthBook uses:
--   var = var_b / (n_b mean_a^2) + var_a mean_b^2 / (n_a mean_a^4)
-- and a two-sided interval from Student's t with df degrees of freedom (normal when df is null).
create function private.relative_uplift(
  p_n_a bigint, p_mean_a double precision, p_var_a double precision,
  p_n_b bigint, p_mean_b double precision, p_var_b double precision,
  p_alpha double precision, p_df double precision default null,
  out uplift double precision, out std_error double precision, out lower double precision, out upper double precision)
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  q double precision;
begin
  if p_n_a is null or p_n_b is null or p_n_a <= 0 or p_n_b <= 0 or p_mean_a is null or p_mean_a = 0 then
    return;
  end if;
  uplift := p_mean_b / p_mean_a - 1;
  std_error := sqrt(p_var_b / (p_n_b * p_mean_a ^ 2) + p_var_a * p_mean_b ^ 2 / (p_n_a * p_mean_a ^ 4));
  q := case when p_df is null then private.normal_quantile(1 - p_alpha / 2)
            else private.t_quantile(1 - p_alpha / 2, p_df) end;
  lower := uplift - q * std_error;
  upper := uplift + q * std_error;
end $$;
comment on function private.relative_uplift(bigint, double precision, double precision, bigint, double precision, double precision, double precision, double precision) is 'Relative uplift of b over a with its delta-method standard error and (1 - alpha) interval (t with df, or normal when df is null), as GrowthBook''s frequentist engine.';
grant execute on function private.relative_uplift(bigint, double precision, double precision, bigint, double precision, double precision, double precision, double precision) to authenticated, service_role;

-- Always-valid confidence sequence (Waudby-Smith et al. 2023, eq. 9) and p-value (eq. 155), as
-- GrowthBook's SequentialTwoSidedTTest: rho is tuned for n_star total observations;
-- n = n_a + n_b, s^2 = se^2 n.
create function private.sequential_interval(
  p_estimate double precision, p_std_error double precision, p_n bigint, p_alpha double precision,
  p_n_star double precision default 5000,
  out lower double precision, out upper double precision, out p_value double precision)
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  rho2 double precision;
  nr1 double precision;
  half double precision;
  st2 double precision;
begin
  if p_estimate is null or p_std_error is null or p_std_error <= 0 or p_n is null or p_n <= 0 then
    return;
  end if;
  rho2 := (-2 * ln(p_alpha) + ln(-2 * ln(p_alpha) + 1)) / p_n_star;
  nr1 := p_n * rho2 + 1;
  half := sqrt(p_std_error ^ 2 * p_n) * sqrt(2 * nr1 * ln(sqrt(nr1) / p_alpha) / (p_n ^ 2 * rho2));
  lower := p_estimate - half;
  upper := p_estimate + half;
  st2 := p_estimate ^ 2 * p_n / p_std_error ^ 2;
  -- p = min(1, 1 / e-value), e-value = exp(rho^2 st2 / (2 nr1)) / sqrt(nr1)
  p_value := least(1, private.stat_exp(ln(sqrt(nr1)) - rho2 * st2 / (2 * nr1)));
end $$;
comment on function private.sequential_interval(double precision, double precision, bigint, double precision, double precision) is 'Always-valid (1 - alpha) confidence sequence around an estimate with standard error se after n observations, and the matching always-valid p-value (Waudby-Smith et al. 2023, as GrowthBook). Valid under continuous monitoring.';
grant execute on function private.sequential_interval(double precision, double precision, bigint, double precision, double precision) to authenticated, service_role;

-- Pearson chi-square goodness of fit of observed counts against expected shares (weights in
-- any unit, e.g. percent); k - 1 degrees of freedom.
create function private.srm_p_value(p_observed bigint[], p_weights numeric[]) returns double precision
language sql immutable parallel safe set search_path = '' as $$
  with o as (
    select x.obs::double precision as obs, x.w::double precision as w
    from unnest(p_observed, p_weights) as x (obs, w)
  ), tot as (select sum(obs) as n, sum(w) as w, count(*) as k from o)
  select case when tot.n > 0 and tot.w > 0 and tot.k > 1 and cardinality(p_observed) = cardinality(p_weights)
              then private.chi2_sf(sum((o.obs - tot.n * o.w / tot.w) ^ 2 / (tot.n * o.w / tot.w)), tot.k - 1) end
  from o, tot
  where o.w > 0
  group by tot.n, tot.w, tot.k
$$;
comment on function private.srm_p_value(bigint[], numeric[]) is 'Sample-ratio-mismatch p-value: Pearson chi-square of observed counts against the shares their weights give (k - 1 df). Null without data.';
grant execute on function private.srm_p_value(bigint[], numeric[]) to authenticated, service_role;

-- Holm's step-down adjustment: sort ascending, p_(i) * (m - i + 1), running maximum, capped at 1;
-- returned in the input order. Nulls stay null and do not count in m.
create function private.holm_adjust(p_values double precision[]) returns double precision[]
language sql immutable parallel safe set search_path = '' as $$
  with v as (
    select u.p, u.i, row_number() over (order by u.p, u.i) as r, count(u.p) over () as m
    from unnest(p_values) with ordinality as u (p, i)
    where u.p is not null
  ), adj as (
    select v.i, least(1, max(v.p * (v.m - v.r + 1)) over (order by v.r)) as p from v
  )
  select array_agg(adj.p order by u.i)
  from unnest(p_values) with ordinality as u (p, i)
  left join adj on adj.i = u.i
$$;
comment on function private.holm_adjust(double precision[]) is 'Holm-Bonferroni adjusted p-values (family-wise error control across the variants of one experiment), in input order.';
grant execute on function private.holm_adjust(double precision[]) to authenticated, service_role;

-- Rule conditions: the one small condition language that lead scoring rules, workflow rules and
-- email automation rules share. A condition list is a JSON array (at most 20) of
--   {"field": "data.url", "op": "contains", "value": "/pricing"}
-- and matches a subject (a JSON object the rule is evaluated against) when every condition
-- holds. Fields are dotted paths into the subject. Operators:
--   eq, neq            JSON equality (numbers compare by value: 1 = 1.0)
--   gt, gte, lt, lte   numeric comparison; the value is a number, the field must be a number
--   in, not_in         the value is an array (1-100 items) of candidates
--   contains           a string field contains the value (case-insensitive), or an array field has it
--   exists, not_exists the field is present (and not JSON null) or absent; no value
-- Validation raises nothing itself: private.conditions_problem() returns the first problem as
-- text ("conditions[1].op: must be one of ...") or null, so each table's trigger can raise it
-- as 22023 with its own column name.
create function private.conditions_problem(p_conditions jsonb)
returns text
language plpgsql immutable set search_path = '' as $$
declare
  c jsonb;
  i integer := 0;
  op text;
  k text;
begin
  if p_conditions is null then
    return 'is required (use [] to match everything)';
  end if;
  if jsonb_typeof(p_conditions) <> 'array' then
    return 'must be a JSON array of conditions';
  end if;
  if jsonb_array_length(p_conditions) > 20 then
    return 'at most 20 conditions';
  end if;
  for c in select e.value from jsonb_array_elements(p_conditions) e loop
    if jsonb_typeof(c) <> 'object' then
      return format('[%s]: must be an object with field, op and value', i);
    end if;
    for k in select jsonb_object_keys(c) loop
      if k not in ('field', 'op', 'value') then
        return format('[%s]: unknown key %s (allowed: field, op, value)', i, k);
      end if;
    end loop;
    if jsonb_typeof(c -> 'field') is distinct from 'string'
       or c ->> 'field' !~ '^[a-z_][a-z0-9_]{0,62}(\.[a-z0-9_]{1,63}){0,4}$' then
      return format('[%s].field: must be a dotted path of lowercase names, e.g. data.url', i);
    end if;
    op := c ->> 'op';
    if jsonb_typeof(c -> 'op') is distinct from 'string'
       or op not in ('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'contains', 'exists', 'not_exists') then
      return format('[%s].op: must be one of eq, neq, gt, gte, lt, lte, in, not_in, contains, exists, not_exists', i);
    end if;
    if op in ('exists', 'not_exists') then
      if c ? 'value' then
        return format('[%s].value: %s takes no value', i, op);
      end if;
    elsif not c ? 'value' then
      return format('[%s].value: is required for %s', i, op);
    elsif op in ('gt', 'gte', 'lt', 'lte') and jsonb_typeof(c -> 'value') <> 'number' then
      return format('[%s].value: %s compares numbers; give a number', i, op);
    elsif op in ('in', 'not_in') and (jsonb_typeof(c -> 'value') <> 'array'
                                      or jsonb_array_length(c -> 'value') not between 1 and 100) then
      return format('[%s].value: %s takes an array of 1 to 100 values', i, op);
    elsif op = 'contains' and jsonb_typeof(c -> 'value') not in ('string', 'number', 'boolean') then
      return format('[%s].value: contains takes a string, number or boolean', i);
    end if;
    i := i + 1;
  end loop;
  return null;
end $$;
comment on function private.conditions_problem(jsonb) is 'Validates a rule condition list (see the migration header for the language); returns the first problem as readable text, or null when valid.';
grant execute on function private.conditions_problem(jsonb) to authenticated, service_role;

-- Evaluation. PL/pgSQL walking the array by index: only simple expressions, no query per call
-- (measured on 10,000 calls with one condition: ~0.3 ms each as a SQL aggregate over
-- jsonb_array_elements, a few microseconds this way). Scoring evaluates it per activity and rule.
create function private.conditions_match(p_conditions jsonb, p_subject jsonb)
returns boolean
language plpgsql immutable parallel safe set search_path = '' as $$
declare
  c jsonb;
  v jsonb;
  want jsonb;
  op text;
  t text;
begin
  if p_conditions is null or jsonb_array_length(p_conditions) = 0 then
    return true;
  end if;
  for i in 0 .. jsonb_array_length(p_conditions) - 1 loop
    c := p_conditions -> i;
    v := p_subject #> string_to_array(c ->> 'field', '.');
    t := coalesce(jsonb_typeof(v), 'null');
    op := c ->> 'op';
    want := c -> 'value';
    if op = 'exists' then
      if t = 'null' then return false; end if;
    elsif op = 'not_exists' then
      if t <> 'null' then return false; end if;
    elsif op = 'eq' then
      if v is null or v <> want then return false; end if;
    elsif op = 'neq' then
      if v = want then return false; end if;
    elsif op = 'in' then
      if v is null or not want @> jsonb_build_array(v) then return false; end if;
    elsif op = 'not_in' then
      if v is not null and want @> jsonb_build_array(v) then return false; end if;
    elsif op = 'contains' then
      if t = 'string' then
        if strpos(lower(v #>> '{}'), lower(want #>> '{}')) = 0 then return false; end if;
      elsif t = 'array' then
        if not v @> jsonb_build_array(want) then return false; end if;
      else
        return false;
      end if;
    elsif t <> 'number' then
      return false; -- gt, gte, lt, lte compare numbers only
    elsif op = 'gt' then
      if not (v #>> '{}')::numeric > (want #>> '{}')::numeric then return false; end if;
    elsif op = 'gte' then
      if not (v #>> '{}')::numeric >= (want #>> '{}')::numeric then return false; end if;
    elsif op = 'lt' then
      if not (v #>> '{}')::numeric < (want #>> '{}')::numeric then return false; end if;
    elsif op = 'lte' then
      if not (v #>> '{}')::numeric <= (want #>> '{}')::numeric then return false; end if;
    else
      return false;
    end if;
  end loop;
  return true;
end $$;
comment on function private.conditions_match(jsonb, jsonb) is 'True when every condition of a validated list holds for the subject; an empty list matches everything. A missing field (or JSON null) fails every operator except neq, not_in and not_exists.';
grant execute on function private.conditions_match(jsonb, jsonb) to authenticated, service_role;

create function private.check_rule_conditions() returns trigger
language plpgsql set search_path = '' as $$
declare
  problem text := private.conditions_problem(to_jsonb(new) -> 'conditions');
begin
  if problem is not null then
    raise exception 'conditions%', case when problem like '[%' then problem else ': ' || problem end
      using errcode = '22023';
  end if;
  return new;
end $$;
comment on function private.check_rule_conditions() is 'BEFORE INSERT/UPDATE OF conditions on rule tables: the conditions column must be a valid condition list (22023 naming the condition).';

create function private.require_reader(p_workspace_id uuid) returns void
language plpgsql stable set search_path = '' as $$
begin
  if ((select auth.role()) = 'anon' or private.is_end_user()) and private.workspace_role(p_workspace_id) is null then
    raise exception 'you need the viewer role in this workspace' using errcode = '42501';
  end if;
end $$;
comment on function private.require_reader(uuid) is 'Raises 42501 unless a signed-in caller (role authenticated or anon, as PostgREST set it) is a member of the workspace; service_role and jobs pass. Works inside SECURITY DEFINER functions.';
grant execute on function private.require_reader(uuid) to authenticated, service_role;

-- ===== deleting a user
-- Deleting a user (the dashboard's "delete user", auth.admin.deleteUser) works for anyone who is
-- not a workspace's last owner (the membership guard's rule, with its message saying what to do).
-- Columns that name who did something (decided_by, acknowledged_by, accepted_by, ...) reference
-- auth.users ON DELETE SET NULL, and the guard triggers that keep history honest would see that
-- foreign-key action as an edit; each such guard stands aside for exactly that update.
--
-- Why comparing the user columns is enough: the foreign keys are validated and not deferrable,
-- so a row naming a user who does not exist can only be seen inside the foreign key's own
-- ON DELETE SET NULL update, which changes nothing else; and that update runs inside a trigger.

-- True inside a trigger when each user id in `new_ids` equals the one in `old_ids` or is null
-- where the old user no longer exists, and at least one was cleared.
create function private.only_deleted_users_cleared(p_old_ids uuid[], p_new_ids uuid[]) returns boolean
language plpgsql stable security definer set search_path = '' as $$
declare
  cleared boolean := false;
begin
  -- Called anywhere but inside a trigger (a user's own update is checked at depth 0), the answer
  -- is false, so it tells nobody whether a user id exists.
  if pg_trigger_depth() = 0 or cardinality(p_old_ids) is distinct from cardinality(p_new_ids) then
    return false;
  end if;
  for i in 1 .. cardinality(p_old_ids) loop
    continue when p_new_ids[i] is not distinct from p_old_ids[i];
    if p_new_ids[i] is not null or exists (select 1 from auth.users u where u.id = p_old_ids[i]) then
      return false;
    end if;
    cleared := true;
  end loop;
  return cleared;
end $$;
comment on function private.only_deleted_users_cleared(uuid[], uuid[]) is 'Trigger WHEN clauses: true inside a trigger when an update only sets references to deleted users to null (a foreign key''s ON DELETE SET NULL), so history guards let it through.';
grant execute on function private.only_deleted_users_cleared(uuid[], uuid[]) to authenticated, service_role;

-- A history guard (a row-level BEFORE UPDATE trigger on a table whose columns name users ON
-- DELETE SET NULL) stands aside for exactly that foreign-key update: this gives the named trigger
-- a WHEN clause naming only the user columns (a trigger's WHEN makes the columns it names
-- unalterable). A trigger that also fires on INSERT or DELETE is split: its name keeps those
-- events and `<name>_update` takes UPDATE (its name sorts right after, so the firing order stays).
-- A trigger only for UPDATE OF other columns is left alone: the foreign key's update never fires it.
create function private.exempt_user_deletion(p_table regclass, p_trigger name) returns void
language plpgsql volatile set search_path = '' as $$
declare
  t record;
  cols text[];
  events text;
  upd text;
  action text;
begin
  select tg.oid, tg.tgname, tg.tgtype, tg.tgattr, tg.tgqual, pg_get_triggerdef(tg.oid) def into t
  from pg_trigger tg where tg.tgrelid = p_table and tg.tgname = p_trigger;
  if not found or t.tgtype & 1 = 0 or t.tgtype & 2 = 0 or t.tgtype & 16 = 0 then
    raise exception 'exempt_user_deletion: % on % is not a row-level BEFORE UPDATE trigger', p_trigger, p_table;
  end if;
  if t.tgqual is not null then
    raise exception 'exempt_user_deletion: % on % has a WHEN clause; give it the exemption by hand', p_trigger, p_table;
  end if;
  select array_agg(a.attname::text order by a.attname) into cols
  from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
  where k.conrelid = p_table and k.contype = 'f' and k.confrelid = 'auth.users'::regclass and k.confdeltype = 'n';
  if cols is null then
    raise exception 'exempt_user_deletion: % has no column referencing auth.users on delete set null', p_table;
  end if;
  if array_length(t.tgattr::int2[], 1) > 0 and not exists (
    select 1 from pg_attribute a where a.attrelid = p_table and a.attnum = any (t.tgattr::int2[]) and a.attname = any (cols)) then
    return;
  end if;
  select 'update' || coalesce(' of ' || string_agg(quote_ident(a.attname), ', ' order by a.attnum), '') into upd
  from pg_attribute a where a.attrelid = p_table and a.attnum = any (t.tgattr::int2[]);
  action := substring(t.def from 'EXECUTE FUNCTION .*$');
  events := concat_ws(' or ', case when t.tgtype & 4 = 4 then 'insert' end, case when t.tgtype & 8 = 8 then 'delete' end);
  execute format('drop trigger %I on %s', p_trigger, p_table);
  if events <> '' then
    execute format('create trigger %I before %s on %s for each row %s', p_trigger, events, p_table, action);
  end if;
  execute format('create trigger %I before %s on %s for each row when (not ((%s) and '
                 'private.only_deleted_users_cleared(array[%s]::uuid[], array[%s]::uuid[]))) %s',
    case when events <> '' then p_trigger || '_update' else p_trigger end, upd, p_table,
    (select string_agg(format('old.%1$I is not null and new.%1$I is null', c), ' or ') from unnest(cols) c),
    (select string_agg(format('old.%I', c), ', ') from unnest(cols) c),
    (select string_agg(format('new.%I', c), ', ') from unnest(cols) c),
    action);
end $$;
comment on function private.exempt_user_deletion(regclass, name) is 'Migration helper: lets a history guard trigger pass the ON DELETE SET NULL update that deleting a user makes (a WHEN clause with private.only_deleted_users_cleared).';
