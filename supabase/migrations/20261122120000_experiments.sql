-- Experiments (A/B tests): definitions with a status machine, weighted variants, sticky
-- assignments by deterministic hash bucketing, events (high volume, partitioned by month) and
-- purchases from orders. The storefront (anon) assigns and tracks through two narrow RPCs.
-- Statistics: the results section below.
--
-- Bucketing: n = first 4 bytes of sha256(key || ':' || visitor_id) / 2^32, in [0, 1). Variants,
-- ordered by key, own consecutive ranges of the unit interval proportional to their weights; with
-- traffic percentage t a visitor is in variant i when n falls in [start_i, start_i + w_i * t / 100)
-- (GrowthBook's scheme): raising t only adds visitors, nobody changes variant. Assignments are
-- stored, so a visitor keeps the variant whatever changes afterwards.
create type public.experiment_status as enum ('draft', 'running', 'paused', 'completed', 'archived');

comment on type public.experiment_status is 'draft -> running <-> paused -> completed -> archived (draft may be archived directly). Enforced by private.guard_experiment().';

create type public.experiment_metric as enum (
  'conversion_rate', 'revenue_per_visitor', 'average_order_value'
);

comment on type public.experiment_metric is 'The metric an experiment is decided on: share of visitors with a goal event, purchase revenue per assigned visitor, or revenue per order.';

create type public.experiment_event_type as enum ('exposure', 'add_to_cart', 'purchase', 'custom');

comment on type public.experiment_event_type is 'What an experiment event records; purchase events come from orders only, custom events carry a name.';

-- ===== targeting: a list of conditions on the storefront's context object, all of which must hold
--   [{"field": "country", "op": "in", "value": ["US", "CA"]}, {"field": "device.type", "op": "eq", "value": "mobile"}]
-- ops: eq, neq, gt, gte, lt, lte (numbers), in, not_in (arrays), contains (string or array field),
-- exists, not_exists. The same language as the marketing domain's rule conditions.
create function private.targeting_problem(p_rules jsonb) returns text
language plpgsql immutable set search_path = '' as $$
declare
  c jsonb;
  i integer := 0;
  op text;
begin
  if p_rules is null or jsonb_typeof(p_rules) <> 'array' then
    return 'must be a JSON array of conditions ([] targets everyone)';
  end if;
  if jsonb_array_length(p_rules) > 20 then
    return 'at most 20 conditions';
  end if;
  for c in select e.value from jsonb_array_elements(p_rules) e loop
    if jsonb_typeof(c) <> 'object' or exists (select 1 from jsonb_object_keys(c) k where k not in ('field', 'op', 'value')) then
      return format('[%s]: must be an object with field, op and value', i);
    end if;
    if jsonb_typeof(c -> 'field') is distinct from 'string'
       or c ->> 'field' !~ '^[a-z_][a-z0-9_]{0,62}(\.[a-z0-9_]{1,63}){0,4}$' then
      return format('[%s].field: must be a dotted path of lowercase names, e.g. device.type', i);
    end if;
    op := c ->> 'op';
    if op is null or op not in ('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'contains', 'exists', 'not_exists') then
      return format('[%s].op: must be one of eq, neq, gt, gte, lt, lte, in, not_in, contains, exists, not_exists', i);
    end if;
    if op in ('exists', 'not_exists') and c ? 'value' then
      return format('[%s].value: %s takes no value', i, op);
    elsif op not in ('exists', 'not_exists') and not c ? 'value' then
      return format('[%s].value: is required for %s', i, op);
    elsif op in ('gt', 'gte', 'lt', 'lte') and jsonb_typeof(c -> 'value') <> 'number' then
      return format('[%s].value: %s compares numbers; give a number', i, op);
    elsif op in ('in', 'not_in') and (jsonb_typeof(c -> 'value') <> 'array' or jsonb_array_length(c -> 'value') not between 1 and 100) then
      return format('[%s].value: %s takes an array of 1 to 100 values', i, op);
    end if;
    i := i + 1;
  end loop;
  return null;
end $$;
comment on function private.targeting_problem(jsonb) is 'Validates experiment targeting rules; the first problem as readable text, or null.';
grant execute on function private.targeting_problem(jsonb) to authenticated, service_role;

create function private.targeting_matches(p_rules jsonb, p_context jsonb) returns boolean
language sql immutable parallel safe set search_path = '' as $$
  select coalesce(bool_and(
    case r.value ->> 'op'
      when 'exists' then coalesce(jsonb_typeof(v.x), 'null') <> 'null'
      when 'not_exists' then coalesce(jsonb_typeof(v.x), 'null') = 'null'
      when 'eq' then coalesce(v.x = r.value -> 'value', false)
      when 'neq' then coalesce(v.x <> r.value -> 'value', true)
      when 'in' then coalesce(r.value -> 'value' @> jsonb_build_array(v.x), false)
      when 'not_in' then not coalesce(r.value -> 'value' @> jsonb_build_array(v.x), false)
      when 'contains' then case jsonb_typeof(v.x)
        when 'string' then strpos(lower(v.x #>> '{}'), lower(r.value ->> 'value')) > 0
        when 'array' then v.x @> jsonb_build_array(r.value -> 'value')
        else false end
      else case when jsonb_typeof(v.x) = 'number' then case r.value ->> 'op'
        when 'gt' then (v.x #>> '{}')::numeric > (r.value ->> 'value')::numeric
        when 'gte' then (v.x #>> '{}')::numeric >= (r.value ->> 'value')::numeric
        when 'lt' then (v.x #>> '{}')::numeric < (r.value ->> 'value')::numeric
        when 'lte' then (v.x #>> '{}')::numeric <= (r.value ->> 'value')::numeric
        else false end else false end
    end), true)
  from jsonb_array_elements(p_rules) r
  cross join lateral (select coalesce(p_context, '{}') #> string_to_array(r.value ->> 'field', '.') as x) v
$$;
comment on function private.targeting_matches(jsonb, jsonb) is 'True when every (validated) targeting condition holds for the context; [] matches everyone; a missing field fails every op except neq, not_in and not_exists.';
grant execute on function private.targeting_matches(jsonb, jsonb) to authenticated, service_role;

-- ===== experiments and variants
create table public.experiments (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  key text not null constraint experiments_key_format check (key ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  name text not null constraint experiments_name_length check (char_length(btrim(name)) between 1 and 200),
  hypothesis text constraint experiments_hypothesis_length check (char_length(hypothesis) <= 4000),
  status public.experiment_status not null default 'draft',
  goal_event text not null default 'purchase'
    constraint experiments_goal_event_format check (goal_event ~ '^[a-z][a-z0-9_.:-]{0,63}$'),
  primary_metric public.experiment_metric not null default 'conversion_rate',
  traffic_percentage numeric(5, 2) not null default 100
    constraint experiments_traffic_percentage_range check (traffic_percentage > 0 and traffic_percentage <= 100),
  targeting_rules jsonb not null default '[]'::jsonb,
  confidence_level numeric(4, 3) not null default 0.95
    constraint experiments_confidence_level_range check (confidence_level between 0.8 and 0.999),
  sequential_testing boolean not null default true,
  sequential_tuning integer not null default 5000
    constraint experiments_sequential_tuning_range check (sequential_tuning between 100 and 100000000),
  cuped_enabled boolean not null default true,
  cuped_lookback_days integer not null default 30
    constraint experiments_cuped_lookback_range check (cuped_lookback_days between 1 and 365),
  winner_variant_id uuid,
  started_at timestamptz,
  ended_at timestamptz,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, key),
  unique (workspace_id, id)
);
comment on table public.experiments is 'A/B tests. Status moves draft -> running <-> paused -> completed -> archived (private.guard_experiment); starting needs at least two variants, exactly one control and weights summing to 100. Members manage them; the storefront assigns through public.assign_experiment.';
comment on column public.experiments.key is 'Stable identifier the storefront uses (unique per workspace); it seeds the bucketing hash, so it cannot change once the experiment has left draft.';
comment on column public.experiments.goal_event is 'The event that counts as a conversion: purchase, add_to_cart, exposure, or the name of a custom event.';
comment on column public.experiments.primary_metric is 'The metric the winner is decided on.';
comment on column public.experiments.traffic_percentage is 'Share of (targeted) visitors that enter the experiment; the rest see the control without being assigned.';
comment on column public.experiments.targeting_rules is 'Conditions on the storefront''s context object, all of which must hold for a visitor to enter, e.g. [{"field":"country","op":"in","value":["US"]}].';
comment on column public.experiments.confidence_level is 'E.g. 0.95: intervals are at this level and results are significant when p < 1 - confidence_level (after Holm''s correction).';
comment on column public.experiments.sequential_testing is 'Decide on always-valid confidence sequences (safe to watch daily) rather than fixed-horizon p-values.';
comment on column public.experiments.sequential_tuning is 'Total sample size at which the confidence sequence is tightest (GrowthBook''s tuning parameter, default 5000).';
comment on column public.experiments.cuped_enabled is 'Revenue metrics use CUPED with each visitor''s pre-exposure order revenue as covariate.';
comment on column public.experiments.cuped_lookback_days is 'How many days of orders before a visitor''s assignment form the CUPED covariate.';
comment on column public.experiments.winner_variant_id is 'Set when the experiment completes, and only when the result is significant. Not writable by clients.';
alter table public.experiments enable row level security;
grant select, delete on public.experiments to authenticated;
grant insert (id, workspace_id, key, name, hypothesis, goal_event, primary_metric, traffic_percentage, targeting_rules, confidence_level, sequential_testing, sequential_tuning, cuped_enabled, cuped_lookback_days) on public.experiments to authenticated;
grant update (key, name, hypothesis, status, goal_event, primary_metric, traffic_percentage, targeting_rules, confidence_level, sequential_testing, sequential_tuning, cuped_enabled, cuped_lookback_days) on public.experiments to authenticated;
alter publication supabase_realtime add table public.experiments;
select private.install_row_triggers('public.experiments');
select private.tenant_policies('public.experiments', 'viewer', 'member');

create index experiments_created_by_idx on public.experiments (created_by);

create index experiments_workspace_status_idx on public.experiments (workspace_id, status);

create table public.experiment_variants (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  experiment_id uuid not null,
  key text not null constraint experiment_variants_key_format check (key ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  name text not null constraint experiment_variants_name_length check (char_length(btrim(name)) between 1 and 200),
  weight numeric(5, 2) not null constraint experiment_variants_weight_range check (weight >= 0 and weight <= 100),
  is_control boolean not null default false,
  url text constraint experiment_variants_url_format check (url ~ '^(https?://|/)[^\s]*$' and char_length(url) <= 2000),
  config jsonb not null default '{}'::jsonb constraint experiment_variants_config_object check (jsonb_typeof(config) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (experiment_id, key),
  unique (experiment_id, id),
  foreign key (workspace_id, experiment_id) references public.experiments (workspace_id, id) on delete cascade
);
comment on table public.experiment_variants is 'Variants of an experiment with their traffic weights (percent; a running experiment''s sum to 100) and exactly one control. Key, weight and control can change only while the experiment is a draft.';
comment on column public.experiment_variants.url is 'For redirect tests: where the storefront sends visitors of this variant.';
comment on column public.experiment_variants.config is 'Free-form settings the storefront applies for this variant (copy, price display, ...).';
alter table public.experiment_variants enable row level security;
grant select, insert, update, delete on public.experiment_variants to authenticated;
select private.install_row_triggers('public.experiment_variants');
select private.tenant_policies('public.experiment_variants', 'viewer', 'member');

-- The winner is one of the experiment's own variants.
alter table public.experiments add constraint experiments_winner_is_a_variant
  foreign key (id, winner_variant_id) references public.experiment_variants (experiment_id, id) on delete set null (winner_variant_id);

create unique index experiment_variants_one_control on public.experiment_variants (experiment_id) where is_control;

create index experiment_variants_experiment_idx on public.experiment_variants (workspace_id, experiment_id);

create index experiments_winner_idx on public.experiments (id, winner_variant_id) where winner_variant_id is not null;

-- Status machine, protected columns and the checks that need the variants.
create function private.guard_experiment() returns trigger
language plpgsql set search_path = '' as $$
declare
  n integer;
  controls integer;
  total numeric;
begin
  if tg_op = 'DELETE' then
    -- a workspace being deleted takes its experiments along
    if old.status not in ('draft', 'archived')
       and exists (select 1 from public.workspaces w where w.id = old.workspace_id) then
      raise exception 'experiment % is %; only draft or archived experiments can be deleted', old.key, old.status
        using errcode = 'PT409', hint = 'complete and archive it first';
    end if;
    return old;
  end if;
  if private.targeting_problem(new.targeting_rules) is not null then
    raise exception 'targeting_rules%', private.targeting_problem(new.targeting_rules) using errcode = '22023';
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      raise exception 'a new experiment starts as a draft; add its variants, then start it' using errcode = '22023';
    end if;
    new.winner_variant_id := null;
    new.started_at := null;
    new.ended_at := null;
    return new;
  end if;

  -- UPDATE: the system fields are not the client's to set
  new.winner_variant_id := old.winner_variant_id;
  new.started_at := old.started_at;
  new.ended_at := old.ended_at;
  if new.key <> old.key and old.status <> 'draft' then
    raise exception 'the key of experiment % cannot change once it has started (it seeds the bucketing)', old.key
      using errcode = 'PT409';
  end if;
  if new.status = old.status then
    return new;
  end if;
  if (old.status, new.status) not in (('draft', 'running'), ('draft', 'archived'), ('running', 'paused'),
                                      ('paused', 'running'), ('running', 'completed'), ('paused', 'completed'),
                                      ('completed', 'archived')) then
    raise exception 'experiment % cannot go from % to %', old.key, old.status, new.status
      using errcode = 'PT409', hint = 'draft -> running <-> paused -> completed -> archived';
  end if;
  if new.status = 'running' and old.status = 'draft' then
    select count(*), count(*) filter (where v.is_control), coalesce(sum(v.weight), 0)
      into n, controls, total
    from public.experiment_variants v where v.experiment_id = new.id;
    if n < 2 then
      raise exception 'experiment % needs at least two variants to start (it has %)', new.key, n using errcode = '22023';
    end if;
    if controls <> 1 then
      raise exception 'experiment % needs exactly one control variant to start (it has %)', new.key, controls
        using errcode = '22023';
    end if;
    if total <> 100 then
      raise exception 'the variant weights of experiment % sum to %; they must sum to 100 to start', new.key, total
        using errcode = '22023';
    end if;
    new.started_at := now();
  end if;
  if new.status = 'completed' then
    new.ended_at := now();
  end if;
  return new;
end $$;
comment on function private.guard_experiment() is 'BEFORE INSERT/UPDATE/DELETE on experiments: the status machine (PT409), start checks on the variants (22023), valid targeting, fixed key after draft, and winner/started_at/ended_at kept from clients.';

create trigger guard_experiment before insert or update or delete on public.experiments
  for each row execute function private.guard_experiment();
select private.exempt_user_deletion('public.experiments', 'guard_experiment');

create function private.guard_experiment_variant() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  st public.experiment_status;
  exp_key text;
begin
  select e.status, e.key into st, exp_key from public.experiments e
  where e.id = case when tg_op = 'DELETE' then old.experiment_id else new.experiment_id end;
  if not found or st = 'draft' then
    return case when tg_op = 'DELETE' then old else new end;
  end if;
  if tg_op in ('INSERT', 'DELETE')
     or new.key <> old.key or new.weight <> old.weight or new.is_control <> old.is_control
     or new.experiment_id <> old.experiment_id then
    raise exception 'experiment % is %: its variants cannot be added, removed, renamed or reweighted', exp_key, st
      using errcode = 'PT409', hint = 'only name, url and config can change after the start';
  end if;
  return new;
end $$;
comment on function private.guard_experiment_variant() is 'BEFORE INSERT/UPDATE/DELETE on experiment_variants: key, weight and control change only while the experiment is a draft (PT409).';

create trigger guard_experiment_variant before insert or update or delete on public.experiment_variants
  for each row execute function private.guard_experiment_variant();

-- ===== assignments (sticky: one variant per visitor per experiment)
create table public.experiment_assignments (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  experiment_id uuid not null,
  visitor_id text not null constraint experiment_assignments_visitor_id_format check (private.is_visitor_id(visitor_id)),
  variant_id uuid not null,
  assigned_at timestamptz not null default now(),
  primary key (workspace_id, experiment_id, visitor_id),
  foreign key (workspace_id, experiment_id) references public.experiments (workspace_id, id) on delete cascade,
  foreign key (experiment_id, variant_id) references public.experiment_variants (experiment_id, id) on delete cascade
);
comment on table public.experiment_assignments is 'Which variant each visitor got: written once by public.assign_experiment (deterministic hash bucketing) and returned on every later call.';
alter table public.experiment_assignments enable row level security;
grant select on public.experiment_assignments to authenticated;
select private.install_row_triggers('public.experiment_assignments');
select private.tenant_policy('public.experiment_assignments', 'select', 'viewer');

create index experiment_assignments_variant_idx on public.experiment_assignments (experiment_id, variant_id, assigned_at);

create index experiment_assignments_visitor_idx on public.experiment_assignments (workspace_id, visitor_id);

-- ===== events (high volume, monthly partitions, 25 months kept)
create table public.experiment_events (
  id bigint generated always as identity,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  experiment_id uuid not null,
  variant_id uuid not null,
  visitor_id text not null,
  event_type public.experiment_event_type not null,
  event_name text constraint experiment_events_event_name_format check (event_name ~ '^[a-z][a-z0-9_.:-]{0,63}$'),
  value_cents bigint constraint experiment_events_value_not_negative check (value_cents >= 0),
  currency char(3) check (currency ~ '^[A-Z]{3}$'),
  order_id uuid,
  occurred_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  primary key (workspace_id, id, occurred_at),
  constraint experiment_events_custom_named check ((event_type = 'custom') = (event_name is not null)),
  foreign key (workspace_id, experiment_id, visitor_id)
    references public.experiment_assignments (workspace_id, experiment_id, visitor_id) on delete cascade
) partition by range (occurred_at);
comment on table public.experiment_events is 'What assigned visitors did: exposures, add-to-carts, purchases (from orders, with order_id) and named custom events, with values in cents. Partitioned by month on occurred_at (private.experiment_events_pYYYYMM), 25 months kept.';
comment on column public.experiment_events.variant_id is 'The visitor''s assigned variant when the event was recorded.';
comment on column public.experiment_events.order_id is 'For purchases: orders.id (no foreign key: events outlive order edits and expire by partition).';
alter table public.experiment_events enable row level security;
grant select on public.experiment_events to authenticated;
select private.install_row_triggers('public.experiment_events');
select private.tenant_policy('public.experiment_events', 'select', 'viewer');

create index experiment_events_visitor_idx on public.experiment_events (workspace_id, experiment_id, visitor_id);

create index experiment_events_experiment_time_idx on public.experiment_events (experiment_id, occurred_at);

-- ===== purchases from orders (ab_purchase_attribution): one per experiment and order
create table public.experiment_purchases (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  experiment_id uuid not null,
  order_id uuid not null references public.orders (id) on delete cascade,
  visitor_id text not null,
  variant_id uuid not null,
  revenue_cents bigint not null check (revenue_cents >= 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  ordered_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (experiment_id, order_id),
  foreign key (workspace_id, experiment_id, visitor_id)
    references public.experiment_assignments (workspace_id, experiment_id, visitor_id) on delete cascade
);
comment on table public.experiment_purchases is 'Orders carrying the visitor id of an assigned visitor, one row per experiment and order however often the order is redelivered; each row made one purchase event. Orders placed before the assignment do not count.';
comment on column public.experiment_purchases.revenue_cents is 'The order''s total when it first arrived (later refunds are not reflected).';
alter table public.experiment_purchases enable row level security;
grant select on public.experiment_purchases to authenticated;
select private.install_row_triggers('public.experiment_purchases');
select private.tenant_policy('public.experiment_purchases', 'select', 'viewer');

create index experiment_purchases_order_idx on public.experiment_purchases (order_id);

create index experiment_purchases_visitor_idx on public.experiment_purchases (workspace_id, experiment_id, visitor_id);

-- Orders with a visitor id become purchases (and purchase events) of the running or paused
-- experiments the visitor was assigned to before ordering; exactly once per experiment and order.
create function private.order_experiment_purchases() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.visitor_id is null or new.cancelled_at is not null then
    return null;
  end if;
  if tg_op = 'UPDATE' and old.visitor_id is not distinct from new.visitor_id and old.cancelled_at is null then
    return null;  -- already handled when the visitor id arrived
  end if;
  with fresh as (
    insert into public.experiment_purchases as p
      (workspace_id, experiment_id, order_id, visitor_id, variant_id, revenue_cents, currency, ordered_at)
    select a.workspace_id, a.experiment_id, new.id, a.visitor_id, a.variant_id, new.total_price_cents, new.currency,
           new.processed_at
    from public.experiment_assignments a
    join public.experiments e on e.id = a.experiment_id and e.status in ('running', 'paused')
    where a.workspace_id = new.workspace_id and a.visitor_id = new.visitor_id and a.assigned_at <= new.processed_at
    on conflict (experiment_id, order_id) do nothing
    returning p.*
  )
  insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, value_cents,
                                        currency, order_id, occurred_at)
  select f.workspace_id, f.experiment_id, f.variant_id, f.visitor_id, 'purchase', f.revenue_cents, f.currency, f.order_id,
         f.ordered_at
  from fresh f;
  return null;
end $$;
comment on function private.order_experiment_purchases() is 'AFTER INSERT/UPDATE OF visitor_id, cancelled_at on orders: records the order as a purchase (and purchase event) of each running or paused experiment its visitor was assigned to before ordering; idempotent by (experiment, order).';

create trigger experiment_purchases after insert or update of visitor_id, cancelled_at on public.orders
  for each row execute function private.order_experiment_purchases();

-- ===== bucketing
create function private.experiment_bucket(p_key text, p_visitor_id text) returns numeric
language sql immutable parallel safe set search_path = '' as $$
  select (get_byte(d, 0)::bigint * 16777216 + get_byte(d, 1) * 65536 + get_byte(d, 2) * 256 + get_byte(d, 3))::numeric
         / 4294967296
  from (select extensions.digest(convert_to(p_key || ':' || p_visitor_id, 'UTF8'), 'sha256') as d) h
$$;
comment on function private.experiment_bucket(text, text) is 'The visitor''s position in [0, 1) for an experiment: the first 4 bytes of sha256(key || '':'' || visitor_id) over 2^32.';
grant execute on function private.experiment_bucket(text, text) to authenticated, service_role;

-- Each variant's range of the unit interval: [range_start, range_end), width weight x traffic.
-- PL/pgSQL so its plan is kept for the session: the assign RPC calls it for every new visitor.
create function private.experiment_variant_ranges(p_experiment_id uuid)
returns table (variant_id uuid, range_start numeric, range_end numeric)
language plpgsql stable set search_path = '' as $$
begin
  return query
  select s.id, s.start / 100, (s.start + s.weight * s.traffic / 100) / 100
  from (
    select v.id, v.weight, e.traffic_percentage as traffic,
           coalesce(sum(v.weight) over (order by v.key rows between unbounded preceding and 1 preceding), 0) as start
    from public.experiment_variants v
    join public.experiments e on e.id = v.experiment_id
    where v.experiment_id = p_experiment_id
  ) s
  where s.weight > 0;
end $$;
comment on function private.experiment_variant_ranges(uuid) is 'Bucketing ranges: variants in key order own consecutive slices proportional to their weight, each shrunk to the traffic percentage from its start.';
grant execute on function private.experiment_variant_ranges(uuid) to authenticated, service_role;

-- ===== storefront RPCs (anon): SECURITY INVOKER in public, validating, over their SECURITY DEFINER
-- halves private.anon_*
create type public.experiment_assignment_row as (
  experiment_key text,
  variant_key text,
  variant_url text,
  variant_config jsonb,
  in_experiment boolean,
  assigned_at timestamptz
);

comment on type public.experiment_assignment_row is 'What assign_experiment answers: the variant to show, whether the visitor is in the experiment (false: not targeted, outside the traffic share, or the experiment is not running; then the control, or a completed experiment''s winner, is shown) and when it was assigned. experiment_key and in_experiment are never null.';

create function private.anon_assign_experiment(p_workspace_id uuid, p_key text, p_visitor_id text, p_context jsonb)
returns public.experiment_assignment_row
language plpgsql volatile security definer set search_path = '' as $$
declare
  e public.experiments;
  vid uuid;
  a_at timestamptz;
  bucket numeric;
  inside boolean := false;
  r public.experiment_assignment_row;
begin
  select * into e from public.experiments x where x.workspace_id = p_workspace_id and x.key = p_key;
  if not found then
    raise exception 'no experiment % in this workspace', p_key using errcode = 'PT404';
  end if;
  if e.status in ('running', 'paused') then
    select a.variant_id, a.assigned_at into vid, a_at from public.experiment_assignments a
    where a.workspace_id = p_workspace_id and a.experiment_id = e.id and a.visitor_id = p_visitor_id;
    inside := found;
  end if;
  if not inside and e.status = 'running' and private.targeting_matches(e.targeting_rules, p_context) then
    bucket := private.experiment_bucket(e.key, p_visitor_id);
    select rg.variant_id into vid from private.experiment_variant_ranges(e.id) rg
    where bucket >= rg.range_start and bucket < rg.range_end;
    if vid is not null then
      insert into public.experiment_assignments (workspace_id, experiment_id, visitor_id, variant_id)
      values (p_workspace_id, e.id, p_visitor_id, vid)
      on conflict (workspace_id, experiment_id, visitor_id) do nothing
      returning assigned_at into a_at;
      if a_at is null then  -- a concurrent call assigned first: return what it stored
        select a.variant_id, a.assigned_at into vid, a_at from public.experiment_assignments a
        where a.workspace_id = p_workspace_id and a.experiment_id = e.id and a.visitor_id = p_visitor_id;
      end if;
      inside := true;
    end if;
  end if;
  if not inside then
    vid := coalesce(case when e.status = 'completed' then e.winner_variant_id end,
                    (select v.id from public.experiment_variants v where v.experiment_id = e.id and v.is_control));
    a_at := null;
  end if;
  select e.key, v.key, v.url, v.config, inside, a_at into r
  from (select 1) one left join public.experiment_variants v on v.id = vid;
  return r;
end $$;
comment on function private.anon_assign_experiment(uuid, text, text, jsonb) is 'Definer half of public.assign_experiment: the stored assignment, or a new one by hash bucketing when the experiment runs and the visitor is targeted and inside the traffic share; otherwise the control (a completed experiment''s winner).';
grant execute on function private.anon_assign_experiment(uuid, text, text, jsonb) to anon, authenticated, service_role;

create function public.assign_experiment(p_workspace_id uuid, p_experiment_key text, p_visitor_id text, p_context jsonb default '{}')
returns public.experiment_assignment_row
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if p_experiment_key is null or p_experiment_key !~ '^[a-z0-9][a-z0-9_-]{0,63}$' then
    raise exception 'p_experiment_key must be an experiment key (lowercase letters, digits, _ and -)' using errcode = '22023';
  end if;
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_context is not null and (jsonb_typeof(p_context) <> 'object' or octet_length(p_context::text) > 8192) then
    raise exception 'p_context must be a JSON object of at most 8 KB' using errcode = '22023';
  end if;
  return private.anon_assign_experiment(p_workspace_id, p_experiment_key, p_visitor_id, coalesce(p_context, '{}'));
end $$;
comment on function public.assign_experiment(uuid, text, text, jsonb) is 'Storefront (anon): the variant a visitor sees. Sticky: the same variant on every call once assigned. p_context is matched against the experiment''s targeting rules. PT404 for an unknown experiment key in the workspace, 22023 on bad input.';
grant execute on function public.assign_experiment(uuid, text, text, jsonb) to anon, authenticated;

create function private.anon_track_experiment_event(
  p_workspace_id uuid, p_key text, p_visitor_id text, p_event_type public.experiment_event_type, p_event_name text,
  p_value_cents bigint, p_currency text)
returns bigint
language plpgsql volatile security definer set search_path = '' as $$
declare
  e public.experiments;
  vid uuid;
  eid bigint;
begin
  select * into e from public.experiments x where x.workspace_id = p_workspace_id and x.key = p_key;
  if not found then
    raise exception 'no experiment % in this workspace', p_key using errcode = 'PT404';
  end if;
  if e.status not in ('running', 'paused') then
    raise exception 'experiment % is %; events are recorded while it runs or is paused', p_key, e.status
      using errcode = 'PT409';
  end if;
  select a.variant_id into vid from public.experiment_assignments a
  where a.workspace_id = p_workspace_id and a.experiment_id = e.id and a.visitor_id = p_visitor_id;
  if not found then
    raise exception 'visitor % is not assigned to experiment %', p_visitor_id, p_key
      using errcode = 'PT409', hint = 'call assign_experiment first; visitors outside the experiment are not tracked';
  end if;
  insert into public.experiment_events (workspace_id, experiment_id, variant_id, visitor_id, event_type, event_name,
                                        value_cents, currency)
  values (p_workspace_id, e.id, vid, p_visitor_id, p_event_type, p_event_name, p_value_cents, p_currency)
  returning id into eid;
  return eid;
end $$;
comment on function private.anon_track_experiment_event(uuid, text, text, public.experiment_event_type, text, bigint, text) is 'Definer half of public.track_experiment_event: records an event of an assigned visitor under its variant.';
grant execute on function private.anon_track_experiment_event(uuid, text, text, public.experiment_event_type, text, bigint, text) to anon, authenticated, service_role;

create function public.track_experiment_event(
  p_workspace_id uuid, p_experiment_key text, p_visitor_id text, p_event_type public.experiment_event_type,
  p_event_name text default null, p_value_cents bigint default null, p_currency text default null)
returns bigint
language plpgsql volatile set search_path = '' as $$
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if p_experiment_key is null or p_experiment_key !~ '^[a-z0-9][a-z0-9_-]{0,63}$' then
    raise exception 'p_experiment_key must be an experiment key (lowercase letters, digits, _ and -)' using errcode = '22023';
  end if;
  if not coalesce(p_visitor_id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', false) then  -- private.is_visitor_id
    raise exception 'p_visitor_id must be 1-128 letters, digits or . _ : -' using errcode = '22023';
  end if;
  if p_event_type is null then
    raise exception 'p_event_type is required' using errcode = '22023';
  end if;
  if p_event_type = 'purchase' then
    raise exception 'purchases are not tracked by the storefront: they come from orders carrying the visitor id'
      using errcode = '22023', hint = 'set the cart attribute _visitor_id so the order carries it';
  end if;
  if p_event_type = 'custom' and (p_event_name is null or p_event_name !~ '^[a-z][a-z0-9_.:-]{0,63}$') then
    raise exception 'a custom event needs p_event_name (lowercase letters, digits and _ . : -, at most 64)' using errcode = '22023';
  end if;
  if p_event_type <> 'custom' and p_event_name is not null then
    raise exception 'p_event_name is only for custom events' using errcode = '22023';
  end if;
  if p_value_cents is not null and (p_value_cents < 0 or p_value_cents > 100000000000) then
    raise exception 'p_value_cents must be between 0 and 100000000000 (a non-negative amount in cents)' using errcode = '22023';
  end if;
  if p_currency is not null and p_currency !~ '^[A-Z]{3}$' then
    raise exception 'p_currency must be a three-letter ISO code' using errcode = '22023';
  end if;
  return private.anon_track_experiment_event(p_workspace_id, p_experiment_key, p_visitor_id, p_event_type, p_event_name,
                                           p_value_cents, p_currency);
end $$;
comment on function public.track_experiment_event(uuid, text, text, public.experiment_event_type, text, bigint, text) is 'Storefront (anon): records an event (exposure, add_to_cart or a named custom event, with an optional value in cents) for a visitor assigned to a running or paused experiment. Returns the event id. 22023 on bad input (negative value, purchase events), PT404 unknown experiment key in the workspace, PT409 visitor not assigned or experiment not running.';
grant execute on function public.track_experiment_event(uuid, text, text, public.experiment_event_type, text, bigint, text) to anon, authenticated;

select private.register_partitioned_table('public.experiment_events', 25);

-- Experiment statistics: the incremental daily rollup (pg_cron) and each variant's result
-- against the control, computed in SQL from assignments, events and orders.
--
-- Per variant, over its assigned visitors (intent to treat):
--   conversion rate      visitors with a goal event / visitors; two-proportion z-test (pooled),
--                        uplift interval from the normal with Bernoulli variance p(1 - p)
--   revenue per visitor  purchase revenue per visitor (0 for non-buyers); Welch's t-test, uplift
--                        interval from t with Welch's degrees of freedom. CUPED (when enabled):
--                        Y - theta (X - mean X), X = the visitor's net order revenue in the
--                        cuped_lookback_days before assignment (orders by its visitor id or by its
--                        identity's customer), theta = cov(X, Y) / var(X) pooled over control and
--                        variant; cuped_variance_reduction = 1 - var(adjusted difference) /
--                        var(unadjusted difference)
--   average order value  revenue / orders as a ratio metric (delta method), normal test
-- Relative uplift and its interval by the delta method (private.relative_uplift, as GrowthBook);
-- the always-valid confidence sequence and p-value on the uplift (private.sequential_interval);
-- Holm's correction across the variants on the decision p-value (sequential when the
-- experiment uses sequential testing); sample-ratio mismatch by Pearson's chi-square of visitors
-- against weights, flagged at p < 0.001. A completing experiment records its winner only when
-- the result is significant.

-- ===== daily rollup
create table public.experiment_daily_metrics (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  experiment_id uuid not null,
  variant_id uuid not null,
  day date not null,
  new_visitors integer not null default 0,
  exposures integer not null default 0,
  add_to_carts integer not null default 0,
  goal_events integer not null default 0,
  converting_visitors integer not null default 0,
  purchases integer not null default 0,
  revenue_cents bigint not null default 0,
  refreshed_at timestamptz not null default now(),
  primary key (experiment_id, variant_id, day),
  foreign key (workspace_id, experiment_id) references public.experiments (workspace_id, id) on delete cascade,
  foreign key (experiment_id, variant_id) references public.experiment_variants (experiment_id, id) on delete cascade
);
comment on table public.experiment_daily_metrics is 'Per variant and UTC day: visitors assigned, exposures, add-to-carts, goal events and the visitors who had one that day, purchases and revenue. Kept by private.refresh_experiment_rollup() (pg_cron, hourly) for the days whose events changed; private.rebuild_experiment_rollup() recomputes everything and must agree.';
comment on column public.experiment_daily_metrics.converting_visitors is 'Distinct visitors with a goal event on that day (a visitor converting on two days counts on both).';
alter table public.experiment_daily_metrics enable row level security;
grant select on public.experiment_daily_metrics to authenticated;
select private.install_row_triggers('public.experiment_daily_metrics');
select private.tenant_policy('public.experiment_daily_metrics', 'select', 'viewer');

create index experiment_daily_metrics_experiment_idx on public.experiment_daily_metrics (workspace_id, experiment_id, day);

create table private.experiment_rollup_dirty (
  experiment_id uuid not null,
  day date not null,
  primary key (experiment_id, day)
);
comment on table private.experiment_rollup_dirty is 'Queue of (experiment, day) to recompute in experiment_daily_metrics; filled by statement triggers on assignments and events.';
alter table private.experiment_rollup_dirty enable row level security;

create function private.mark_experiment_rollup_dirty() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_table_name = 'experiment_assignments' then
    insert into private.experiment_rollup_dirty (experiment_id, day)
    select distinct n.experiment_id, (n.assigned_at at time zone 'UTC')::date from new_rows n
    on conflict do nothing;
  elsif tg_table_name = 'experiment_events' then
    insert into private.experiment_rollup_dirty (experiment_id, day)
    select distinct n.experiment_id, (n.occurred_at at time zone 'UTC')::date from new_rows n
    on conflict do nothing;
  else
    -- experiments: a new goal event changes the goal counts of every day already rolled up
    insert into private.experiment_rollup_dirty (experiment_id, day)
    select distinct m.experiment_id, m.day from public.experiment_daily_metrics m
    join new_rows n on n.id = m.experiment_id
    join old_rows o on o.id = n.id and o.goal_event is distinct from n.goal_event
    on conflict do nothing;
  end if;
  return null;
end $$;
comment on function private.mark_experiment_rollup_dirty() is 'Statement trigger on experiment_assignments and experiment_events (inserts) and experiments (goal_event changes): queues the (experiment, day) pairs to recompute.';

create trigger mark_experiment_rollup_dirty after insert on public.experiment_assignments
  referencing new table as new_rows for each statement execute function private.mark_experiment_rollup_dirty();

create trigger mark_experiment_rollup_dirty after insert on public.experiment_events
  referencing new table as new_rows for each statement execute function private.mark_experiment_rollup_dirty();

create trigger mark_experiment_rollup_dirty after update on public.experiments
  referencing new table as new_rows old table as old_rows for each statement execute function private.mark_experiment_rollup_dirty();

-- The rollup rows of the given (experiment, day) pairs, from the source tables.
create function private.experiment_rollup_rows(p_experiment_ids uuid[], p_days date[])
returns setof public.experiment_daily_metrics
language sql stable set search_path = '' as $$
  with pairs as (
    select distinct t.experiment_id, t.day from unnest(p_experiment_ids, p_days) as t (experiment_id, day)
  ), assigned as (
    select a.experiment_id, a.variant_id, p.day, count(*)::integer as n
    from pairs p
    join public.experiment_assignments a on a.experiment_id = p.experiment_id
      and a.assigned_at >= p.day::timestamp at time zone 'UTC' and a.assigned_at < (p.day + 1)::timestamp at time zone 'UTC'
    group by 1, 2, 3
  ), happened as (
    select ev.experiment_id, ev.variant_id, p.day,
           count(*) filter (where ev.event_type = 'exposure')::integer as exposures,
           count(*) filter (where ev.event_type = 'add_to_cart')::integer as add_to_carts,
           count(*) filter (where g.is_goal)::integer as goal_events,
           count(distinct ev.visitor_id) filter (where g.is_goal)::integer as converting_visitors,
           count(*) filter (where ev.event_type = 'purchase')::integer as purchases,
           coalesce(sum(ev.value_cents) filter (where ev.event_type = 'purchase'), 0)::bigint as revenue
    from pairs p
    join public.experiments e on e.id = p.experiment_id
    join public.experiment_events ev on ev.experiment_id = p.experiment_id
      and ev.occurred_at >= p.day::timestamp at time zone 'UTC' and ev.occurred_at < (p.day + 1)::timestamp at time zone 'UTC'
    cross join lateral (select (ev.event_type::text = e.goal_event and ev.event_type <> 'custom')
                               or (ev.event_type = 'custom' and ev.event_name = e.goal_event) as is_goal) g
    group by 1, 2, 3
  )
  select e.workspace_id, k.experiment_id, k.variant_id, k.day, coalesce(a.n, 0), coalesce(h.exposures, 0),
         coalesce(h.add_to_carts, 0), coalesce(h.goal_events, 0), coalesce(h.converting_visitors, 0),
         coalesce(h.purchases, 0), coalesce(h.revenue, 0), now()
  from (select experiment_id, variant_id, day from assigned union select experiment_id, variant_id, day from happened) k
  join public.experiments e on e.id = k.experiment_id
  left join assigned a using (experiment_id, variant_id, day)
  left join happened h using (experiment_id, variant_id, day)
$$;
comment on function private.experiment_rollup_rows(uuid[], date[]) is 'Recomputes experiment_daily_metrics rows for (experiment, day) pairs from assignments and events.';

-- Incremental: recomputes the queued days only; returns the experiments it touched.
create function private.refresh_experiment_rollup() returns uuid[]
language plpgsql security definer set search_path = '' as $$
declare
  ex uuid[];
  dy date[];
begin
  with taken as (delete from private.experiment_rollup_dirty returning experiment_id, day)
  select array_agg(t.experiment_id), array_agg(t.day) into ex, dy from taken t;
  if ex is null then
    return '{}'::uuid[];
  end if;
  delete from public.experiment_daily_metrics m
  using unnest(ex, dy) as t (experiment_id, day)
  where m.experiment_id = t.experiment_id and m.day = t.day;
  insert into public.experiment_daily_metrics select * from private.experiment_rollup_rows(ex, dy);
  return array(select distinct x from unnest(ex) x);
end $$;
comment on function private.refresh_experiment_rollup() is 'Incremental rollup: recomputes only the (experiment, day) pairs queued in private.experiment_rollup_dirty; returns the experiments touched.';
grant execute on function private.refresh_experiment_rollup() to service_role;

-- Full recomputation, for repair and for checking the incremental path.
create function private.rebuild_experiment_rollup() returns integer
language plpgsql security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from private.experiment_rollup_dirty;
  delete from public.experiment_daily_metrics;
  insert into public.experiment_daily_metrics
  select r.* from (
    select array_agg(d.experiment_id) as ex, array_agg(d.day) as dy from (
      select a.experiment_id, (a.assigned_at at time zone 'UTC')::date as day from public.experiment_assignments a
      union
      select ev.experiment_id, (ev.occurred_at at time zone 'UTC')::date from public.experiment_events ev
    ) d
  ) all_pairs
  cross join lateral private.experiment_rollup_rows(all_pairs.ex, all_pairs.dy) r;
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.rebuild_experiment_rollup() is 'Recomputes experiment_daily_metrics from scratch; the incremental refresh must give the same table.';
grant execute on function private.rebuild_experiment_rollup() to service_role;

-- ===== results
create table public.experiment_results (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  experiment_id uuid not null,
  variant_id uuid not null,
  variant_key text not null,
  is_control boolean not null,
  metric public.experiment_metric not null,
  visitors bigint not null,
  conversions bigint not null,
  conversion_rate double precision,
  orders bigint not null,
  revenue_cents bigint not null,
  revenue_per_visitor double precision,
  average_order_value double precision,
  metric_value double precision,
  uplift double precision,
  uplift_lower double precision,
  uplift_upper double precision,
  p_value double precision,
  sequential_lower double precision,
  sequential_upper double precision,
  sequential_p_value double precision,
  p_value_adjusted double precision,
  significant boolean not null default false,
  cuped_variance_reduction double precision,
  srm_p_value double precision,
  srm_detected boolean not null default false,
  computed_at timestamptz not null default now(),
  primary key (experiment_id, variant_id),
  foreign key (workspace_id, experiment_id) references public.experiments (workspace_id, id) on delete cascade,
  foreign key (experiment_id, variant_id) references public.experiment_variants (experiment_id, id) on delete cascade
);
comment on table public.experiment_results is 'Each variant of an experiment against its control on the primary metric: the latest snapshot stored by pg_cron and at completion. public.get_experiment_results() computes the same columns live. Statistics are double precision.';
comment on column public.experiment_results.conversions is 'Visitors with at least one goal event.';
comment on column public.experiment_results.revenue_per_visitor is 'Purchase revenue per assigned visitor, in cents (unadjusted).';
comment on column public.experiment_results.average_order_value is 'Purchase revenue per order, in cents.';
comment on column public.experiment_results.metric_value is 'The primary metric''s value for this variant (revenue per visitor CUPED-adjusted when CUPED is on).';
comment on column public.experiment_results.uplift is 'Relative difference to the control on the primary metric (0.05 = +5%); null for the control.';
comment on column public.experiment_results.uplift_lower is 'Lower end of the fixed-horizon interval of the uplift at the experiment''s confidence level (delta method).';
comment on column public.experiment_results.p_value is 'Fixed-horizon two-sided p-value of the primary metric against the control (z-test, Welch''s t-test, or the delta-method test of the ratio).';
comment on column public.experiment_results.sequential_lower is 'Always-valid confidence sequence of the uplift (Waudby-Smith et al., as GrowthBook): safe to watch daily.';
comment on column public.experiment_results.p_value_adjusted is 'Holm-adjusted decision p-value across the experiment''s variants: of the sequential p-value when the experiment uses sequential testing, else of p_value.';
comment on column public.experiment_results.significant is 'p_value_adjusted < 1 - confidence_level.';
comment on column public.experiment_results.cuped_variance_reduction is 'Revenue per visitor with CUPED: the share of the variance of the difference removed by the pre-exposure covariate.';
comment on column public.experiment_results.srm_p_value is 'Sample-ratio mismatch: Pearson chi-square p-value of visitors per variant against the weights (same on every row of an experiment).';
comment on column public.experiment_results.srm_detected is 'srm_p_value < 0.001: the split is broken and the results should not be trusted.';
alter table public.experiment_results enable row level security;
grant select on public.experiment_results to authenticated;
alter publication supabase_realtime add table public.experiment_results;
select private.install_row_triggers('public.experiment_results');
select private.tenant_policy('public.experiment_results', 'select', 'viewer');

create index experiment_results_experiment_idx on public.experiment_results (workspace_id, experiment_id);

-- Per-variant sufficient statistics: visitors, converters, revenue and orders per visitor
-- (sums, squares, cross products) and the CUPED covariate.
create type private.variant_moments as (
  variant_id uuid, variant_key text, is_control boolean, weight numeric,
  n bigint, conversions bigint,
  sum_x double precision, sum_xx double precision, sum_o double precision, sum_oo double precision, sum_xo double precision,
  sum_c double precision, sum_cc double precision, sum_xc double precision);

comment on type private.variant_moments is 'Sufficient statistics of one variant for private.compute_experiment_results: x = purchase revenue per visitor (cents), o = purchases per visitor, c = pre-exposure net order revenue per visitor (cents).';

grant usage on type private.variant_moments to authenticated, service_role;

-- PL/pgSQL with the experiment's fields as constants: the plan then reads the experiment's events
-- and assignments by index (a join against the experiments row would scan every partition).
-- work_mem: the per-visitor aggregation of a large experiment otherwise spills to disk.
create function private.experiment_moments(p_experiment_id uuid) returns setof private.variant_moments
language plpgsql stable set search_path = '' set work_mem = '32MB' as $$
declare
  ws uuid;
  goal text;
  cuped boolean;
  lookback interval;
begin
  select x.workspace_id, x.goal_event, x.cuped_enabled, make_interval(days => x.cuped_lookback_days)
    into ws, goal, cuped, lookback
  from public.experiments x where x.id = p_experiment_id;
  if not found then
    return;
  end if;
  return query
  with a as (
    select a.visitor_id, a.variant_id, a.assigned_at
    from public.experiment_assignments a
    where a.workspace_id = ws and a.experiment_id = p_experiment_id
  ), did as (
    -- one pass over the experiment's events: purchase revenue and count, and whether a goal event happened
    select ev.visitor_id,
           coalesce(sum(ev.value_cents) filter (where ev.event_type = 'purchase'), 0)::double precision as x,
           (count(*) filter (where ev.event_type = 'purchase'))::double precision as o,
           bool_or((ev.event_type::text = goal and ev.event_type <> 'custom')
                   or (ev.event_type = 'custom' and ev.event_name = goal)) as converted
    from public.experiment_events ev
    where ev.workspace_id = ws and ev.experiment_id = p_experiment_id
    group by ev.visitor_id
  ), prior_orders as (
    -- orders before the assignment, within the CUPED lookback, by the visitor id or by the
    -- customer of the visitor's identity (each order once)
    select a.visitor_id, o.id, o.total_price_cents - o.total_refunded_cents as net
    from a
    join public.orders o on o.workspace_id = ws and o.visitor_id = a.visitor_id
    where cuped and o.cancelled_at is null and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - lookback
    union
    select a.visitor_id, o.id, o.total_price_cents - o.total_refunded_cents
    from a
    join public.visitors v on v.workspace_id = ws and v.visitor_id = a.visitor_id
    join public.customer_identities i on i.id = v.identity_id
    join public.orders o on o.customer_id = i.customer_id
    where cuped and o.cancelled_at is null and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - lookback
  ), covariate as (
    select p.visitor_id, sum(p.net)::double precision as c from prior_orders p group by p.visitor_id
  ), per_visitor as (
    select a.variant_id, coalesce(d.x, 0) as x, coalesce(d.o, 0) as o, coalesce(cv.c, 0) as c,
           coalesce(d.converted, false) as converted
    from a
    left join did d on d.visitor_id = a.visitor_id
    left join covariate cv on cv.visitor_id = a.visitor_id
  )
  select v.id, v.key, v.is_control, v.weight,
         count(p.variant_id), count(*) filter (where p.converted),
         coalesce(sum(p.x), 0), coalesce(sum(p.x * p.x), 0), coalesce(sum(p.o), 0), coalesce(sum(p.o * p.o), 0),
         coalesce(sum(p.x * p.o), 0), coalesce(sum(p.c), 0), coalesce(sum(p.c * p.c), 0), coalesce(sum(p.x * p.c), 0)
  from public.experiment_variants v
  left join per_visitor p on p.variant_id = v.id
  where v.experiment_id = p_experiment_id
  group by v.id, v.key, v.is_control, v.weight
  order by v.key;
end $$;
comment on function private.experiment_moments(uuid) is 'Sufficient statistics per variant of an experiment, from assignments, purchase and goal events, and pre-exposure orders (CUPED covariate). Runs with the caller''s rights.';
grant execute on function private.experiment_moments(uuid) to authenticated, service_role;

-- The results rows of one experiment, computed now. Runs with the caller's rights: a caller who
-- cannot read the experiment gets no rows.
create function private.compute_experiment_results(p_experiment_id uuid)
returns setof public.experiment_results
language plpgsql stable set search_path = '' as $$
declare
  e public.experiments;
  alpha double precision;
  ctl private.variant_moments;
  v private.variant_moments;
  moments private.variant_moments[];
  res public.experiment_results[] := '{}'::public.experiment_results[];
  r public.experiment_results;
  srm double precision;
  decision double precision[] := '{}'::double precision[];
  adjusted double precision[];
  i integer;
  -- per comparison
  mean_a double precision; var_a double precision; mean_b double precision; var_b double precision;
  raw_var_a double precision; raw_var_b double precision;
  big_n double precision; theta double precision; pooled_c double precision;
  cov_pool double precision; var_c_pool double precision;
  cov_a double precision; cov_b double precision; vc_a double precision; vc_b double precision;
  ma_o double precision; mb_o double precision;
  ztest record;
  welch record;
  up record;
  seq record;
  df double precision;
begin
  select * into e from public.experiments x where x.id = p_experiment_id;
  if not found then
    return;
  end if;
  alpha := 1 - e.confidence_level::double precision;
  select array_agg(m order by m.is_control desc, m.variant_key) into moments from private.experiment_moments(p_experiment_id) m;
  select * into ctl from unnest(moments) m where m.is_control;
  select private.srm_p_value(array_agg(m.n order by m.variant_key), array_agg(m.weight order by m.variant_key)) into srm
  from unnest(moments) m where m.weight > 0;

  foreach v in array coalesce(moments, '{}'::private.variant_moments[]) loop
    r := null;
    r.workspace_id := e.workspace_id;
    r.experiment_id := e.id;
    r.variant_id := v.variant_id;
    r.variant_key := v.variant_key;
    r.is_control := v.is_control;
    r.metric := e.primary_metric;
    r.visitors := v.n;
    r.conversions := v.conversions;
    r.orders := v.sum_o::bigint;
    r.revenue_cents := v.sum_x::bigint;
    r.conversion_rate := case when v.n > 0 then v.conversions::double precision / v.n end;
    r.revenue_per_visitor := case when v.n > 0 then v.sum_x / v.n end;
    r.average_order_value := case when v.sum_o > 0 then v.sum_x / v.sum_o end;
    r.metric_value := case e.primary_metric when 'conversion_rate' then r.conversion_rate
                        when 'revenue_per_visitor' then r.revenue_per_visitor else r.average_order_value end;
    r.srm_p_value := srm;
    r.srm_detected := coalesce(srm < 0.001, false);
    r.significant := false;
    r.computed_at := now();

    if not v.is_control and ctl.variant_id is not null and ctl.n > 1 and v.n > 1 then
      df := null;
      if e.primary_metric = 'conversion_rate' then
        mean_a := ctl.conversions::double precision / ctl.n;
        mean_b := v.conversions::double precision / v.n;
        var_a := mean_a * (1 - mean_a);
        var_b := mean_b * (1 - mean_b);
        select * into ztest from private.two_proportion_ztest(ctl.conversions, ctl.n, v.conversions, v.n);
        r.p_value := ztest.p_value;
      elsif e.primary_metric = 'revenue_per_visitor' then
        mean_a := ctl.sum_x / ctl.n;
        mean_b := v.sum_x / v.n;
        raw_var_a := greatest((ctl.sum_xx - ctl.n * mean_a ^ 2) / (ctl.n - 1), 0);
        raw_var_b := greatest((v.sum_xx - v.n * mean_b ^ 2) / (v.n - 1), 0);
        var_a := raw_var_a;
        var_b := raw_var_b;
        if e.cuped_enabled then
          big_n := ctl.n + v.n;
          pooled_c := (ctl.sum_c + v.sum_c) / big_n;
          var_c_pool := ((ctl.sum_cc + v.sum_cc) - big_n * pooled_c ^ 2) / (big_n - 1);
          cov_pool := ((ctl.sum_xc + v.sum_xc) - (ctl.sum_x + v.sum_x) * pooled_c) / (big_n - 1);
          if var_c_pool > 0 then
            theta := cov_pool / var_c_pool;
            vc_a := (ctl.sum_cc - ctl.n * (ctl.sum_c / ctl.n) ^ 2) / (ctl.n - 1);
            vc_b := (v.sum_cc - v.n * (v.sum_c / v.n) ^ 2) / (v.n - 1);
            cov_a := (ctl.sum_xc - ctl.n * mean_a * (ctl.sum_c / ctl.n)) / (ctl.n - 1);
            cov_b := (v.sum_xc - v.n * mean_b * (v.sum_c / v.n)) / (v.n - 1);
            mean_a := mean_a - theta * (ctl.sum_c / ctl.n - pooled_c);
            mean_b := mean_b - theta * (v.sum_c / v.n - pooled_c);
            var_a := greatest(raw_var_a - 2 * theta * cov_a + theta ^ 2 * vc_a, 0);
            var_b := greatest(raw_var_b - 2 * theta * cov_b + theta ^ 2 * vc_b, 0);
            if raw_var_a / ctl.n + raw_var_b / v.n > 0 then
              r.cuped_variance_reduction := 1 - (var_a / ctl.n + var_b / v.n) / (raw_var_a / ctl.n + raw_var_b / v.n);
            end if;
            r.metric_value := mean_b;
          else
            r.cuped_variance_reduction := 0;
          end if;
        end if;
        select * into welch from private.welch_ttest(ctl.n, mean_a, var_a, v.n, mean_b, var_b);
        r.p_value := welch.p_value;
        df := welch.df;
      elsif ctl.sum_o > 0 and v.sum_o > 0 then
        -- average order value: ratio of per-visitor means, delta-method variance of each ratio
        ma_o := ctl.sum_o / ctl.n;
        mb_o := v.sum_o / v.n;
        mean_a := ctl.sum_x / ctl.sum_o;
        mean_b := v.sum_x / v.sum_o;
        var_a := ((ctl.sum_xx - ctl.n * (ctl.sum_x / ctl.n) ^ 2) / (ctl.n - 1) / ma_o ^ 2
                  - 2 * mean_a * ((ctl.sum_xo - ctl.n * (ctl.sum_x / ctl.n) * ma_o) / (ctl.n - 1)) / ma_o ^ 2
                  + mean_a ^ 2 * ((ctl.sum_oo - ctl.n * ma_o ^ 2) / (ctl.n - 1)) / ma_o ^ 2);
        var_b := ((v.sum_xx - v.n * (v.sum_x / v.n) ^ 2) / (v.n - 1) / mb_o ^ 2
                  - 2 * mean_b * ((v.sum_xo - v.n * (v.sum_x / v.n) * mb_o) / (v.n - 1)) / mb_o ^ 2
                  + mean_b ^ 2 * ((v.sum_oo - v.n * mb_o ^ 2) / (v.n - 1)) / mb_o ^ 2);
        var_a := greatest(var_a, 0);
        var_b := greatest(var_b, 0);
        if var_a / ctl.n + var_b / v.n > 0 then
          r.p_value := private.normal_two_sided_p((mean_b - mean_a) / sqrt(var_a / ctl.n + var_b / v.n));
        end if;
      end if;

      if mean_a is not null and mean_a <> 0 then
        select * into up from private.relative_uplift(ctl.n, mean_a, var_a, v.n, mean_b, var_b, alpha, df);
        r.uplift := up.uplift;
        r.uplift_lower := up.lower;
        r.uplift_upper := up.upper;
        select * into seq from private.sequential_interval(up.uplift, up.std_error, ctl.n + v.n, alpha,
                                                           e.sequential_tuning::double precision);
        r.sequential_lower := seq.lower;
        r.sequential_upper := seq.upper;
        r.sequential_p_value := seq.p_value;
      end if;
      mean_a := null;
      mean_b := null;
      decision := decision || case when e.sequential_testing then r.sequential_p_value else r.p_value end;
    end if;
    res := res || r;
  end loop;

  -- Holm across the variants compared with the control (in the loop's order)
  adjusted := private.holm_adjust(decision);
  i := 0;
  foreach r in array res loop
    if not r.is_control and ctl.variant_id is not null and ctl.n > 1 and r.visitors > 1 then
      i := i + 1;
      r.p_value_adjusted := adjusted[i];
      r.significant := coalesce(adjusted[i] < alpha, false);
    end if;
    return next r;
  end loop;
end $$;
comment on function private.compute_experiment_results(uuid) is 'Each variant''s result against the control on the experiment''s primary metric, computed now (see the migration header). Runs with the caller''s rights.';
grant execute on function private.compute_experiment_results(uuid) to authenticated, service_role;

create function public.get_experiment_results(p_experiment_id uuid) returns setof public.experiment_results
language plpgsql stable set search_path = '' as $$
begin
  if p_experiment_id is null then
    raise exception 'p_experiment_id is required' using errcode = '22023';
  end if;
  if not exists (select 1 from public.experiments e where e.id = p_experiment_id) then
    raise exception 'no such experiment' using errcode = 'PT404';
  end if;
  return query select * from private.compute_experiment_results(p_experiment_id);
end $$;
comment on function public.get_experiment_results(uuid) is 'Live results of an experiment (one row per variant, control first): conversion rate, revenue per visitor, AOV, uplift with fixed-horizon and always-valid intervals, p-values (Holm-adjusted), CUPED variance reduction and the SRM check. Viewers of the workspace; PT404 when the experiment does not exist or is not visible.';
grant execute on function public.get_experiment_results(uuid) to authenticated;

-- Stores the snapshot of one experiment's results.
create function private.store_experiment_results(p_experiment_id uuid) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer;
begin
  delete from public.experiment_results where experiment_id = p_experiment_id;
  insert into public.experiment_results select * from private.compute_experiment_results(p_experiment_id);
  get diagnostics n = row_count;
  return n;
end $$;
comment on function private.store_experiment_results(uuid) is 'Replaces the stored results snapshot of one experiment with a fresh computation.';
grant execute on function private.store_experiment_results(uuid) to service_role;

-- The hourly round: the rollup, then the results of the running or paused experiments it touched.
create function private.refresh_experiments() returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  ex uuid;
  n integer := 0;
begin
  for ex in select x.id from public.experiments x
            where x.id = any (private.refresh_experiment_rollup()) and x.status in ('running', 'paused') loop
    perform private.store_experiment_results(ex);
    n := n + 1;
  end loop;
  return n;
end $$;
comment on function private.refresh_experiments() is 'pg_cron (job experiments-refresh, hourly): incremental daily rollup, then results snapshots of the running or paused experiments whose data changed; returns how many experiments it refreshed.';
grant execute on function private.refresh_experiments() to service_role;

select cron.schedule('experiments-refresh', '11 * * * *', 'select private.refresh_experiments()');

-- Completion: the winner, only when significant, and a final snapshot.
create function private.record_experiment_winner() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  best uuid;
  losers integer;
  compared integer;
begin
  delete from public.experiment_results where experiment_id = new.id;
  insert into public.experiment_results select * from private.compute_experiment_results(new.id);
  -- the significantly better variant with the largest uplift; the control when every variant is
  -- significantly worse; otherwise no winner
  select r.variant_id into best from public.experiment_results r
  where r.experiment_id = new.id and not r.is_control and r.significant and r.uplift > 0
  order by r.uplift desc, r.variant_key limit 1;
  if best is null then
    select count(*) filter (where r.significant and r.uplift < 0), count(*) into losers, compared
    from public.experiment_results r where r.experiment_id = new.id and not r.is_control and r.p_value_adjusted is not null;
    if compared > 0 and losers = compared then
      select v.id into best from public.experiment_variants v where v.experiment_id = new.id and v.is_control;
    end if;
  end if;
  new.winner_variant_id := best;
  return new;
end $$;
comment on function private.record_experiment_winner() is 'BEFORE UPDATE OF status on experiments, when it becomes completed (after guard_experiment): stores the final results and sets winner_variant_id only when significant.';

create trigger record_winner before update of status on public.experiments
  for each row when (new.status = 'completed' and old.status is distinct from 'completed')
  execute function private.record_experiment_winner();
