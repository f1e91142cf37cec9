-- Experiment results from maintained sufficient statistics instead of a pass over the raw events
-- on every call (1.5 s at 1M events): per visitor the state the statistics need (purchase
-- revenue x, purchases o, whether a goal event happened, the CUPED covariate c), and per variant,
-- assignment day and stripe the sums over visitors (n, conversions, x, x^2, o, o^2, x o, c, c^2,
-- x c). Triggers on every source the computation reads (assignments, events, orders, visitors,
-- customer identities, the experiment's goal and CUPED settings) recompute the touched visitors
-- from the sources and add the difference to the sums, so a read sums a few rows per variant.
-- Sums are exact (numeric); the results equal the computation from raw events
-- (private.experiment_moments_scan, kept for checking) to 1e-9 (supabase/tests/140).
--
-- Concurrency: a statement recomputes its visitors under a per-(experiment, visitor) advisory
-- lock taken before it reads the sources (so it sees what earlier holders committed); statements
-- touching more than 200 visitors take the experiment's lock exclusively instead, which every
-- small statement holds shared. Stripes (8 per variant and day, by a hash of the visitor id)
-- spread concurrent assignments over rows.

create table private.experiment_visitor_stats (
  experiment_id uuid not null,
  visitor_id text not null,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  variant_id uuid not null,
  day date not null,
  x bigint not null,
  o bigint not null,
  c bigint not null,
  converted boolean not null,
  primary key (experiment_id, visitor_id),
  foreign key (workspace_id, experiment_id) references public.experiments (workspace_id, id) on delete cascade,
  foreign key (experiment_id, variant_id) references public.experiment_variants (experiment_id, id) on delete cascade
);
comment on table private.experiment_visitor_stats is 'Per assigned visitor of an experiment: variant, assignment day (UTC), purchase revenue x (cents), purchases o, pre-exposure net order revenue c (cents, 0 without CUPED) and whether a goal event happened. Written by private.apply_experiment_visitors (triggers) and private.rebuild_experiment_stats; read by the same to compute differences.';
create index experiment_visitor_stats_workspace_idx on private.experiment_visitor_stats (workspace_id, experiment_id);
create index experiment_visitor_stats_variant_idx on private.experiment_visitor_stats (experiment_id, variant_id);
alter table private.experiment_visitor_stats enable row level security;
select private.install_row_triggers('private.experiment_visitor_stats');

create table private.experiment_variant_stats (
  experiment_id uuid not null,
  variant_id uuid not null,
  day date not null,
  stripe smallint not null,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  n bigint not null default 0,
  conversions bigint not null default 0,
  sum_x numeric not null default 0,
  sum_xx numeric not null default 0,
  sum_o numeric not null default 0,
  sum_oo numeric not null default 0,
  sum_xo numeric not null default 0,
  sum_c numeric not null default 0,
  sum_cc numeric not null default 0,
  sum_xc numeric not null default 0,
  primary key (experiment_id, variant_id, day, stripe),
  foreign key (workspace_id, experiment_id) references public.experiments (workspace_id, id) on delete cascade,
  foreign key (experiment_id, variant_id) references public.experiment_variants (experiment_id, id) on delete cascade
);
comment on table private.experiment_variant_stats is 'Sufficient statistics of an experiment per variant, assignment day (UTC) and stripe: sums over the visitors of private.experiment_visitor_stats. Kept by private.apply_experiment_visitors (adds differences) and private.rebuild_experiment_stats; read by private.experiment_moments. A deleted variant''s rows go with it (cascade), like its assignments.';
create index experiment_variant_stats_workspace_idx on private.experiment_variant_stats (workspace_id, experiment_id);
alter table private.experiment_variant_stats enable row level security;
select private.install_row_triggers('private.experiment_variant_stats');

-- The computation from raw events stays, renamed, as the reference the tests compare with.
alter function private.experiment_moments(uuid) rename to experiment_moments_scan;
comment on function private.experiment_moments_scan(uuid) is 'Sufficient statistics per variant computed from raw assignments, events and orders (one pass; what results were computed from before the maintained statistics). The reference for checking private.experiment_moments. Runs with the caller''s rights.';

-- Per-visitor state from the sources: the same definitions as private.experiment_moments_scan,
-- for the given (experiment, visitor) pairs. Each visitor's events and prior orders are read by
-- index (lateral), so one plan fits the few visitors a write touches; PL/pgSQL keeps that plan
-- (a SQL function's body, over the events' monthly partitions, took ~3 ms to plan per call).
create function private.experiment_visitor_rows(p_experiment_ids uuid[], p_visitor_ids text[])
returns table (experiment_id uuid, visitor_id text, workspace_id uuid, variant_id uuid, day date,
               x bigint, o bigint, c bigint, converted boolean)
language plpgsql stable rows 5 set search_path = '' set plan_cache_mode = force_generic_plan as $$
#variable_conflict use_column
begin
  return query
  select a.experiment_id, a.visitor_id, a.workspace_id, a.variant_id, (a.assigned_at at time zone 'UTC')::date,
         coalesce(d.x, 0), coalesce(d.o, 0), coalesce(cv.c, 0), coalesce(d.converted, false)
  from (select distinct t.e, t.v from unnest(p_experiment_ids, p_visitor_ids) as t (e, v)) p
  join public.experiments x on x.id = p.e
  join public.experiment_assignments a on a.workspace_id = x.workspace_id and a.experiment_id = p.e and a.visitor_id = p.v
  cross join lateral (
    select coalesce(sum(ev.value_cents) filter (where ev.event_type = 'purchase'), 0)::bigint as x,
           count(*) filter (where ev.event_type = 'purchase') as o,
           bool_or((ev.event_type::text = x.goal_event and ev.event_type <> 'custom')
                   or (ev.event_type = 'custom' and ev.event_name = x.goal_event)) as converted
    from public.experiment_events ev
    where ev.workspace_id = a.workspace_id and ev.experiment_id = a.experiment_id and ev.visitor_id = a.visitor_id
  ) d
  left join lateral (
    select sum(po.net)::bigint as c from (
      select o.id, o.total_price_cents - o.total_refunded_cents as net
      from public.orders o
      where o.workspace_id = a.workspace_id and o.visitor_id = a.visitor_id and o.cancelled_at is null
        and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - make_interval(days => x.cuped_lookback_days)
      union
      select o.id, o.total_price_cents - o.total_refunded_cents
      from public.visitors v
      join public.customer_identities i on i.id = v.identity_id
      join public.orders o on o.customer_id = i.customer_id
      where v.workspace_id = a.workspace_id and v.visitor_id = a.visitor_id and o.cancelled_at is null
        and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - make_interval(days => x.cuped_lookback_days)
    ) po
  ) cv on x.cuped_enabled;
end $$;
comment on function private.experiment_visitor_rows(uuid[], text[]) is 'Per-visitor state (variant, assignment day, x, o, c, converted) of the given (experiment, visitor) pairs, computed from assignments, events and orders as private.experiment_moments_scan defines them.';
revoke all on function private.experiment_visitor_rows(uuid[], text[]) from public;

-- The same for every assigned visitor of one experiment, in one pass (hash joins), for rebuilds.
create function private.experiment_all_visitor_rows(p_experiment_id uuid)
returns table (experiment_id uuid, visitor_id text, workspace_id uuid, variant_id uuid, day date,
               x bigint, o bigint, c bigint, converted boolean)
language plpgsql stable set search_path = '' set work_mem = '32MB' as $$
#variable_conflict use_column
begin
  return query
  with a as (
    select a.workspace_id, a.experiment_id, a.visitor_id, a.variant_id, a.assigned_at,
           x.goal_event as goal, x.cuped_enabled as cuped, make_interval(days => x.cuped_lookback_days) as lookback
    from public.experiments x
    join public.experiment_assignments a on a.workspace_id = x.workspace_id and a.experiment_id = x.id
    where x.id = p_experiment_id
  ), did as (
    select a.experiment_id, a.visitor_id,
           coalesce(sum(ev.value_cents) filter (where ev.event_type = 'purchase'), 0)::bigint as x,
           count(*) filter (where ev.event_type = 'purchase') as o,
           bool_or((ev.event_type::text = a.goal and ev.event_type <> 'custom')
                   or (ev.event_type = 'custom' and ev.event_name = a.goal)) as converted
    from a
    join public.experiment_events ev
      on ev.workspace_id = a.workspace_id and ev.experiment_id = a.experiment_id and ev.visitor_id = a.visitor_id
    group by a.experiment_id, a.visitor_id
  ), prior_orders as (
    select a.experiment_id, a.visitor_id, o.id, o.total_price_cents - o.total_refunded_cents as net
    from a
    join public.orders o on o.workspace_id = a.workspace_id and o.visitor_id = a.visitor_id
    where a.cuped and o.cancelled_at is null and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - a.lookback
    union
    select a.experiment_id, a.visitor_id, o.id, o.total_price_cents - o.total_refunded_cents
    from a
    join public.visitors v on v.workspace_id = a.workspace_id and v.visitor_id = a.visitor_id
    join public.customer_identities i on i.id = v.identity_id
    join public.orders o on o.customer_id = i.customer_id
    where a.cuped and o.cancelled_at is null and o.processed_at < a.assigned_at and o.processed_at >= a.assigned_at - a.lookback
  ), covariate as (
    select po.experiment_id, po.visitor_id, sum(po.net)::bigint as c from prior_orders po group by 1, 2
  )
  select a.experiment_id, a.visitor_id, a.workspace_id, a.variant_id, (a.assigned_at at time zone 'UTC')::date,
         coalesce(d.x, 0), coalesce(d.o, 0), coalesce(cv.c, 0), coalesce(d.converted, false)
  from a
  left join did d on d.experiment_id = a.experiment_id and d.visitor_id = a.visitor_id
  left join covariate cv on cv.experiment_id = a.experiment_id and cv.visitor_id = a.visitor_id;
end $$;
comment on function private.experiment_all_visitor_rows(uuid) is 'Per-visitor state of every assigned visitor of an experiment in one set-based pass (what private.experiment_visitor_rows gives visitor by visitor).';
revoke all on function private.experiment_all_visitor_rows(uuid) from public;

-- Recomputes the given (experiment, visitor) pairs and adds the differences to the sums.
-- Generic plans: a custom plan of its statements costs ~1 ms to make, more than running them for
-- the few visitors a storefront write touches (0.5 ms in all). The row estimate of
-- private.experiment_visitor_rows (5) keeps those plans on the primary key: with the default of
-- 1,000 the update hashed the whole visitor table (9 ms at 40,000 visitors).
create function private.apply_experiment_visitors(p_experiment_ids uuid[], p_visitor_ids text[]) returns void
language plpgsql security definer set search_path = '' set plan_cache_mode = force_generic_plan as $$
declare
  ex uuid[];
  vi text[];
begin
  -- experiments that still exist (a deleted experiment's rows go by cascade)
  select array_agg(t.e order by t.e, t.v), array_agg(t.v order by t.e, t.v) into ex, vi
  from (select distinct u.e, u.v from unnest(p_experiment_ids, p_visitor_ids) as u (e, v)
        where u.e is not null and u.v is not null and exists (select 1 from public.experiments x where x.id = u.e)) t;
  if ex is null then
    return;
  end if;
  if cardinality(ex) > 200 then
    perform pg_advisory_xact_lock(28, hashtext(e::text)) from (select distinct u.e from unnest(ex) u (e) order by 1) s;
  else
    perform pg_advisory_xact_lock_shared(28, hashtext(e::text)) from (select distinct u.e from unnest(ex) u (e) order by 1) s;
    perform pg_advisory_xact_lock(k) from (
      select distinct hashtextextended(u.e::text || '/' || u.v, 28) as k from unnest(ex, vi) u (e, v) order by 1) s;
  end if;
  -- a new statement, so a new snapshot: it sees what earlier lock holders committed
  with fresh as (
    select * from private.experiment_visitor_rows(ex, vi)
  ), old as (
    select s.* from unnest(ex, vi) as u (e, v)
    join private.experiment_visitor_stats s on s.experiment_id = u.e and s.visitor_id = u.v
  ), diff as (
    select coalesce(f.experiment_id, o.experiment_id) as experiment_id, coalesce(f.visitor_id, o.visitor_id) as visitor_id,
           f.workspace_id as f_ws, f.variant_id as f_variant, f.day as f_day, f.x as f_x, f.o as f_o, f.c as f_c, f.converted as f_conv,
           o.workspace_id as o_ws, o.variant_id as o_variant, o.day as o_day, o.x as o_x, o.o as o_o, o.c as o_c, o.converted as o_conv
    from fresh f
    full join old o on o.experiment_id = f.experiment_id and o.visitor_id = f.visitor_id
    where (f.variant_id, f.day, f.x, f.o, f.c, f.converted) is distinct from (o.variant_id, o.day, o.x, o.o, o.c, o.converted)
  ), gone as (
    delete from private.experiment_visitor_stats s using diff d
    where d.f_variant is null and s.experiment_id = d.experiment_id and s.visitor_id = d.visitor_id
  ), changed as (
    update private.experiment_visitor_stats s
    set variant_id = d.f_variant, day = d.f_day, x = d.f_x, o = d.f_o, c = d.f_c, converted = d.f_conv
    from diff d
    where d.f_variant is not null and d.o_variant is not null and s.experiment_id = d.experiment_id and s.visitor_id = d.visitor_id
  ), added as (
    insert into private.experiment_visitor_stats (experiment_id, visitor_id, workspace_id, variant_id, day, x, o, c, converted)
    select d.experiment_id, d.visitor_id, d.f_ws, d.f_variant, d.f_day, d.f_x, d.f_o, d.f_c, d.f_conv
    from diff d where d.o_variant is null
  ), terms as (
    select d.experiment_id, d.f_ws as ws, d.f_variant as variant_id, d.f_day as day, d.visitor_id, 1 as s,
           d.f_conv as conv, d.f_x::numeric as x, d.f_o::numeric as o, d.f_c::numeric as c
    from diff d where d.f_variant is not null
    union all
    select d.experiment_id, d.o_ws, d.o_variant, d.o_day, d.visitor_id, -1, d.o_conv, d.o_x, d.o_o, d.o_c
    from diff d where d.o_variant is not null
  )
  insert into private.experiment_variant_stats as vs
    (experiment_id, variant_id, day, stripe, workspace_id, n, conversions,
     sum_x, sum_xx, sum_o, sum_oo, sum_xo, sum_c, sum_cc, sum_xc)
  select t.experiment_id, t.variant_id, t.day, (hashtext(t.visitor_id) & 7)::smallint, min(t.ws::text)::uuid,
         sum(t.s), sum(t.s * t.conv::integer),
         sum(t.s * t.x), sum(t.s * t.x * t.x), sum(t.s * t.o), sum(t.s * t.o * t.o), sum(t.s * t.x * t.o),
         sum(t.s * t.c), sum(t.s * t.c * t.c), sum(t.s * t.x * t.c)
  from terms t
  group by t.experiment_id, t.variant_id, t.day, (hashtext(t.visitor_id) & 7)::smallint
  order by 1, 2, 3, 4
  on conflict (experiment_id, variant_id, day, stripe) do update
  set n = vs.n + excluded.n, conversions = vs.conversions + excluded.conversions,
      sum_x = vs.sum_x + excluded.sum_x, sum_xx = vs.sum_xx + excluded.sum_xx,
      sum_o = vs.sum_o + excluded.sum_o, sum_oo = vs.sum_oo + excluded.sum_oo, sum_xo = vs.sum_xo + excluded.sum_xo,
      sum_c = vs.sum_c + excluded.sum_c, sum_cc = vs.sum_cc + excluded.sum_cc, sum_xc = vs.sum_xc + excluded.sum_xc;
end $$;
comment on function private.apply_experiment_visitors(uuid[], text[]) is 'Recomputes the given (experiment, visitor) pairs from the sources under advisory locks, stores their new state and adds the difference to private.experiment_variant_stats. Called by the source tables'' statement triggers.';
revoke all on function private.apply_experiment_visitors(uuid[], text[]) from public;

-- Whole experiments: recomputed from scratch (settings changes, repair, backfill).
create function private.rebuild_experiment_stats(p_experiment_ids uuid[]) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  n integer;
begin
  perform pg_advisory_xact_lock(28, hashtext(e::text)) from (select distinct u.e from unnest(p_experiment_ids) u (e) order by 1) s;
  delete from private.experiment_visitor_stats s where s.experiment_id = any (p_experiment_ids);
  delete from private.experiment_variant_stats s where s.experiment_id = any (p_experiment_ids);
  insert into private.experiment_visitor_stats (experiment_id, visitor_id, workspace_id, variant_id, day, x, o, c, converted)
  select r.* from (select distinct u.e from unnest(p_experiment_ids) u (e)) x
  cross join lateral private.experiment_all_visitor_rows(x.e) r;
  get diagnostics n = row_count;
  insert into private.experiment_variant_stats
    (experiment_id, variant_id, day, stripe, workspace_id, n, conversions,
     sum_x, sum_xx, sum_o, sum_oo, sum_xo, sum_c, sum_cc, sum_xc)
  select s.experiment_id, s.variant_id, s.day, (hashtext(s.visitor_id) & 7)::smallint, min(s.workspace_id::text)::uuid,
         count(*), count(*) filter (where s.converted),
         sum(s.x), sum(s.x::numeric * s.x), sum(s.o), sum(s.o::numeric * s.o), sum(s.x::numeric * s.o),
         sum(s.c), sum(s.c::numeric * s.c), sum(s.x::numeric * s.c)
  from private.experiment_visitor_stats s
  where s.experiment_id = any (p_experiment_ids)
  group by 1, 2, 3, 4;
  return n;
end $$;
comment on function private.rebuild_experiment_stats(uuid[]) is 'Recomputes the maintained statistics of whole experiments from the sources; returns the visitors stored. Used when an experiment''s goal or CUPED settings change, and for repair.';
revoke all on function private.rebuild_experiment_stats(uuid[]) from public;
grant execute on function private.rebuild_experiment_stats(uuid[]) to service_role;

-- The reader: the same columns as the scan, from the sums.
create function private.experiment_moments(p_experiment_id uuid) returns setof private.variant_moments
language plpgsql stable security definer set search_path = '' as $$
declare
  ws uuid;
begin
  select x.workspace_id into ws from public.experiments x where x.id = p_experiment_id;
  if not found then
    return;
  end if;
  perform private.require_reader(ws);
  return query
  select v.id, v.key, v.is_control, v.weight,
         coalesce(sum(s.n), 0)::bigint, coalesce(sum(s.conversions), 0)::bigint,
         coalesce(sum(s.sum_x), 0)::double precision, coalesce(sum(s.sum_xx), 0)::double precision,
         coalesce(sum(s.sum_o), 0)::double precision, coalesce(sum(s.sum_oo), 0)::double precision,
         coalesce(sum(s.sum_xo), 0)::double precision, coalesce(sum(s.sum_c), 0)::double precision,
         coalesce(sum(s.sum_cc), 0)::double precision, coalesce(sum(s.sum_xc), 0)::double precision
  from public.experiment_variants v
  left join private.experiment_variant_stats s on s.experiment_id = v.experiment_id and s.variant_id = v.id
  where v.experiment_id = p_experiment_id
  group by v.id, v.key, v.is_control, v.weight
  order by v.key;
end $$;
comment on function private.experiment_moments(uuid) is 'Sufficient statistics per variant of an experiment from the maintained sums (private.experiment_variant_stats): what private.compute_experiment_results reads. Checks that a signed-in caller can view the workspace.';
revoke all on function private.experiment_moments(uuid) from public;
grant execute on function private.experiment_moments(uuid) to authenticated, service_role;

-- ===== triggers on the sources
create function private.experiment_stats_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  ex uuid[];
  vi text[];
  ws uuid[];
  vis text[];
  cus uuid[];
  ats timestamptz[];
begin
  if tg_table_name in ('experiment_assignments', 'experiment_events') then
    if tg_op = 'INSERT' then
      select array_agg(r.experiment_id), array_agg(r.visitor_id) into ex, vi from new_rows r;
    elsif tg_op = 'DELETE' then
      select array_agg(r.experiment_id), array_agg(r.visitor_id) into ex, vi from old_rows r;
    else
      select array_agg(r.experiment_id), array_agg(r.visitor_id) into ex, vi
      from (select n.experiment_id, n.visitor_id from new_rows n union select o.experiment_id, o.visitor_id from old_rows o) r;
    end if;
  elsif tg_table_name = 'orders' then
    -- the CUPED covariate: orders before an assignment within its experiment's lookback, by the
    -- visitor id or by the customer of the visitor's identity; updates count only when a column
    -- the covariate reads changed (then both the old and the new version)
    if tg_op = 'INSERT' then
      select array_agg(r.workspace_id), array_agg(r.visitor_id), array_agg(r.customer_id), array_agg(r.processed_at)
        into ws, vis, cus, ats from new_rows r;
    elsif tg_op = 'DELETE' then
      select array_agg(r.workspace_id), array_agg(r.visitor_id), array_agg(r.customer_id), array_agg(r.processed_at)
        into ws, vis, cus, ats from old_rows r;
    else
      select array_agg(u.workspace_id), array_agg(u.visitor_id), array_agg(u.customer_id), array_agg(u.processed_at)
        into ws, vis, cus, ats
      from new_rows n join old_rows b on b.id = n.id
      cross join lateral (values (n.workspace_id, n.visitor_id, n.customer_id, n.processed_at),
                                 (b.workspace_id, b.visitor_id, b.customer_id, b.processed_at)) u (workspace_id, visitor_id, customer_id, processed_at)
      where (n.visitor_id, n.customer_id, n.processed_at, n.cancelled_at, n.total_price_cents, n.total_refunded_cents)
            is distinct from (b.visitor_id, b.customer_id, b.processed_at, b.cancelled_at, b.total_price_cents, b.total_refunded_cents);
    end if;
    if ws is null or not exists (select 1 from public.experiments x where x.workspace_id = any (ws) and x.cuped_enabled) then
      return null;
    end if;
    with o as (
      select * from unnest(ws, vis, cus, ats) as o (workspace_id, visitor_id, customer_id, processed_at)
    ), hit as (
      select a.experiment_id, a.visitor_id, a.assigned_at, o.processed_at
      from o join public.experiment_assignments a on a.workspace_id = o.workspace_id and a.visitor_id = o.visitor_id
      where o.visitor_id is not null
      union all
      select a.experiment_id, a.visitor_id, a.assigned_at, o.processed_at
      from o
      join public.customer_identities i on i.customer_id = o.customer_id
      join public.visitors v on v.workspace_id = i.workspace_id and v.identity_id = i.id
      join public.experiment_assignments a on a.workspace_id = v.workspace_id and a.visitor_id = v.visitor_id
      where o.customer_id is not null
    )
    select array_agg(h.experiment_id), array_agg(h.visitor_id) into ex, vi
    from hit h join public.experiments x on x.id = h.experiment_id and x.cuped_enabled
    where h.processed_at < h.assigned_at and h.processed_at >= h.assigned_at - make_interval(days => x.cuped_lookback_days);
  elsif tg_table_name = 'visitors' then
    -- only a changed identity matters (last_seen_at moves on every visit)
    if tg_op = 'INSERT' then
      select array_agg(r.workspace_id), array_agg(r.visitor_id) into ws, vis from new_rows r where r.identity_id is not null;
    elsif tg_op = 'DELETE' then
      select array_agg(r.workspace_id), array_agg(r.visitor_id) into ws, vis from old_rows r where r.identity_id is not null;
    else
      select array_agg(u.workspace_id), array_agg(u.visitor_id) into ws, vis
      from new_rows n join old_rows b on b.id = n.id
      cross join lateral (values (n.workspace_id, n.visitor_id), (b.workspace_id, b.visitor_id)) u (workspace_id, visitor_id)
      where (n.identity_id, n.visitor_id) is distinct from (b.identity_id, b.visitor_id);
    end if;
    select array_agg(a.experiment_id), array_agg(a.visitor_id) into ex, vi
    from unnest(ws, vis) as r (workspace_id, visitor_id)
    join public.experiment_assignments a on a.workspace_id = r.workspace_id and a.visitor_id = r.visitor_id
    join public.experiments x on x.id = a.experiment_id and x.cuped_enabled;
  elsif tg_table_name = 'customer_identities' then
    -- updates only: a new identity has no visitors yet, and a deleted one sets theirs to null
    -- (which the visitors trigger sees)
    select array_agg(a.experiment_id), array_agg(a.visitor_id) into ex, vi
    from new_rows n join old_rows o on o.id = n.id
    join public.visitors v on v.workspace_id = n.workspace_id and v.identity_id = n.id
    join public.experiment_assignments a on a.workspace_id = v.workspace_id and a.visitor_id = v.visitor_id
    join public.experiments x on x.id = a.experiment_id and x.cuped_enabled
    where n.customer_id is distinct from o.customer_id;
  end if;
  if ex is not null then
    perform private.apply_experiment_visitors(ex, vi);
  end if;
  return null;
end $$;
comment on function private.experiment_stats_changed() is 'Statement trigger on experiment_assignments, experiment_events, orders, visitors and customer_identities: recomputes the maintained statistics of the (experiment, visitor) pairs the change can affect.';
revoke all on function private.experiment_stats_changed() from public;

do $$
declare
  t text;
begin
  foreach t in array array['experiment_assignments', 'experiment_events', 'orders', 'visitors', 'customer_identities'] loop
    continue when t = 'customer_identities';
    execute format('create trigger experiment_stats_insert after insert on public.%I referencing new table as new_rows
                    for each statement execute function private.experiment_stats_changed()', t);
    execute format('create trigger experiment_stats_update after update on public.%I referencing old table as old_rows new table as new_rows
                    for each statement execute function private.experiment_stats_changed()', t);
    execute format('create trigger experiment_stats_delete after delete on public.%I referencing old table as old_rows
                    for each statement execute function private.experiment_stats_changed()', t);
  end loop;
  -- a new identity has no visitors yet, a deleted one sets theirs to null (the visitors trigger sees that)
  create trigger experiment_stats_update after update on public.customer_identities
    referencing old table as old_rows new table as new_rows
    for each statement execute function private.experiment_stats_changed();
end $$;

create function private.experiment_settings_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform private.rebuild_experiment_stats(array[new.id]);
  return null;
end $$;
comment on function private.experiment_settings_changed() is 'AFTER UPDATE of goal_event, cuped_enabled or cuped_lookback_days on experiments: recomputes that experiment''s maintained statistics.';
revoke all on function private.experiment_settings_changed() from public;
create trigger experiment_stats_settings after update of goal_event, cuped_enabled, cuped_lookback_days on public.experiments
  for each row when (old.goal_event is distinct from new.goal_event or old.cuped_enabled is distinct from new.cuped_enabled
                     or old.cuped_lookback_days is distinct from new.cuped_lookback_days)
  execute function private.experiment_settings_changed();

-- Backfill what exists.
select private.rebuild_experiment_stats(array(select x.id from public.experiments x));
