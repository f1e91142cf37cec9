-- Experiments (A/B tests): definitions with a status machine, weighted variants, sticky
-- assignments by deterministic hash bucketing, events (high volume, partitioned by month) and
-- purchases from orders. The storefront (anon) assigns and tracks through two narrow RPCs.
-- Unifies RAWDOG's ab_tests/ab_variants/ab_targeting_rules/ab_visitors/ab_events/
-- ab_purchase_attribution and HotDash's experiments. Statistics: the experiment_results migration.
--
-- Bucketing: n = first 4 bytes of sha256(key || ':' || visitor_id) / 2^32, in [0, 1). Variants,
-- ordered by key, own consecutive ranges of the unit interval proportional to their weights; with
-- traffic percentage t a visitor is in variant i when n falls in [start_i, start_i + w_i * t / 100)
-- (GrowthBook's scheme): raising t only adds visitors, nobody changes variant. Assignments are
-- stored, so a visitor keeps the variant whatever changes afterwards.

create type public.experiment_status as enum ('draft', 'running', 'paused', 'completed', 'archived');
comment on type public.experiment_status is 'draft -> running <-> paused -> completed -> archived (draft may be archived directly). Enforced by private.guard_experiment().';
create type public.experiment_metric as enum ('conversion_rate', 'revenue_per_visitor', 'average_order_value');
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

revoke all on function private.targeting_problem(jsonb) from public;
revoke all on function private.targeting_matches(jsonb, jsonb) from public;
grant execute on function private.targeting_problem(jsonb) to authenticated, service_role;
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
create index experiments_created_by_idx on public.experiments (created_by);
create index experiments_workspace_status_idx on public.experiments (workspace_id, status);
create trigger set_updated_at before update on public.experiments
  for each row execute function private.set_updated_at();

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
create unique index experiment_variants_one_control on public.experiment_variants (experiment_id) where is_control;
create index experiment_variants_experiment_idx on public.experiment_variants (workspace_id, experiment_id);
create trigger set_updated_at before update on public.experiment_variants
  for each row execute function private.set_updated_at();

alter table public.experiments add constraint experiments_winner_is_a_variant
  foreign key (id, winner_variant_id) references public.experiment_variants (experiment_id, id) on delete set null (winner_variant_id);
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
revoke all on function private.guard_experiment() from public;
create trigger guard_experiment before insert or update or delete on public.experiments
  for each row execute function private.guard_experiment();

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
revoke all on function private.guard_experiment_variant() from public;
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
revoke all on function private.order_experiment_purchases() from public;
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

revoke all on function private.experiment_bucket(text, text) from public;
revoke all on function private.experiment_variant_ranges(uuid) from public;
grant execute on function private.experiment_bucket(text, text) to authenticated, service_role;
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
revoke all on function private.anon_assign_experiment(uuid, text, text, jsonb) from public;
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
grant execute on function public.assign_experiment(uuid, text, text, jsonb) to anon, authenticated, service_role;

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
revoke all on function private.anon_track_experiment_event(uuid, text, text, public.experiment_event_type, text, bigint, text) from public;
grant execute on function private.anon_track_experiment_event(uuid, text, text, public.experiment_event_type, text, bigint, text)
  to anon, authenticated, service_role;

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
grant execute on function public.track_experiment_event(uuid, text, text, public.experiment_event_type, text, bigint, text)
  to anon, authenticated, service_role;

-- ===== access: viewers read; members manage experiments and variants; the storefront RPCs and
-- the order trigger write assignments, events and purchases
alter table public.experiments enable row level security;
alter table public.experiment_variants enable row level security;
alter table public.experiment_assignments enable row level security;
alter table public.experiment_events enable row level security;
alter table public.experiment_purchases enable row level security;
grant select, delete on public.experiments to authenticated;
grant insert (id, workspace_id, key, name, hypothesis, goal_event, primary_metric, traffic_percentage, targeting_rules,
              confidence_level, sequential_testing, sequential_tuning, cuped_enabled, cuped_lookback_days)
  on public.experiments to authenticated;
grant update (key, name, hypothesis, status, goal_event, primary_metric, traffic_percentage, targeting_rules,
              confidence_level, sequential_testing, sequential_tuning, cuped_enabled, cuped_lookback_days)
  on public.experiments to authenticated;
grant select, insert, update, delete on public.experiment_variants to authenticated;
grant select on public.experiment_assignments, public.experiment_events, public.experiment_purchases to authenticated;
grant all on public.experiments, public.experiment_variants, public.experiment_assignments, public.experiment_events,
  public.experiment_purchases to service_role;

select private.tenant_policies('public.experiments', 'viewer', 'member');
select private.tenant_policies('public.experiment_variants', 'viewer', 'member');
create policy "viewers read assignments" on public.experiment_assignments for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read experiment events" on public.experiment_events for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
create policy "viewers read experiment purchases" on public.experiment_purchases for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
select private.install_tenant_guard('public.experiment_assignments');
select private.install_tenant_guard('public.experiment_events');
select private.install_tenant_guard('public.experiment_purchases');

alter publication supabase_realtime add table public.experiments;

select private.register_partitioned_table('public.experiment_events', 25);
