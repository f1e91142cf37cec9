-- Dashboards read once: one membership check per request instead of one per row.
-- Measured through pgbench with PostgREST's per-request settings (docs/benchmarks.md, gateway):
-- 1. private.workspace_role was a SECURITY DEFINER SQL function. Such functions are never
--    inlined and PostgreSQL 15 plans their body on every call: ~100 us per membership check
--    against ~20 us for the same lookup in PL/pgSQL, whose plan is cached per session.
-- 2. The dashboard RPCs checked membership, then read tenant tables as the caller, so RLS
--    re-checked `workspace_id = any(...)` on every row. Worse, enum equality is not leakproof:
--    under RLS `level = 'campaign'` or `model = 'linear'` runs only after the policy and cannot
--    be an index condition (attribution_credits: a seq scan instead of its report index, 7.0
--    vs 4.6 ms). Each dashboard now checks once and reads as the owner in a private SECURITY
--    DEFINER function; the public RPC is an invoker wrapper (what DESIGN asks of public RPCs),
--    with the same signature, so callers and generated types do not change.
-- The caller's role inside a definer function is current_setting('role') (what PostgREST and
-- `set role` set; SECURITY DEFINER changes current_user, not that setting).

create or replace function private.workspace_role(p_workspace_id uuid)
returns public.workspace_role
language plpgsql stable security definer set search_path = '' as $$
begin
  return (select m.role from public.workspace_members m
          where m.workspace_id = p_workspace_id and m.user_id = (select auth.uid()));
end $$;
comment on function private.workspace_role(uuid) is 'The caller''s role in the given workspace, or null when not a member. PL/pgSQL so its plan is cached per session.';

create function private.require_reader(p_workspace_id uuid) returns void
language plpgsql stable set search_path = '' as $$
begin
  if current_setting('role', true) in ('authenticated', 'anon') and private.workspace_role(p_workspace_id) is null then
    raise exception 'you need the viewer role in this workspace' using errcode = '42501';
  end if;
end $$;
comment on function private.require_reader(uuid) is 'Raises 42501 unless a signed-in caller (role authenticated or anon, as PostgREST set it) is a member of the workspace; service_role and jobs pass. Works inside SECURITY DEFINER functions.';
revoke all on function private.require_reader(uuid) from public;
grant execute on function private.require_reader(uuid) to authenticated, service_role;

create or replace function private.check_date_range(p_workspace_id uuid, p_from date, p_to date) returns void
language plpgsql stable set search_path = '' as $$
begin
  if p_workspace_id is null or p_from is null or p_to is null then
    raise exception 'workspace, from and to are required' using errcode = '22023';
  end if;
  if p_from > p_to then
    raise exception 'from (%) is after to (%)', p_from, p_to using errcode = '22023';
  end if;
  if p_to - p_from > 731 then
    raise exception 'a range covers at most 732 days' using errcode = '22023';
  end if;
  perform private.require_reader(p_workspace_id);
end $$;
comment on function private.check_date_range(uuid, date, date) is 'Dashboard input check: a valid range of at most 732 days, and a caller who can view the workspace (also from inside a definer function).';

-- Only the definer readers below call it now, after their check.
create or replace function private.ad_rollup_current(p_workspace_id uuid, p_from date, p_to date)
returns table (platform public.ad_platform, day date, spend_cents bigint, impressions bigint, clicks bigint,
               conversions numeric, revenue_cents bigint, campaigns integer)
language plpgsql stable security definer set search_path = '' as $$
begin
  return query
  select r.platform, r.day, r.spend_cents, r.impressions, r.clicks, r.conversions, r.revenue_cents, r.campaigns
  from public.ad_metrics_rollup_daily r
  where r.workspace_id = p_workspace_id and r.day between p_from and p_to
    and not exists (select 1 from private.ad_rollup_dirty d
                    where d.workspace_id = r.workspace_id and d.platform = r.platform and d.day = r.day)
  union all
  select m.platform, m.day, sum(m.spend_cents)::bigint, sum(m.impressions)::bigint, sum(m.clicks)::bigint,
         sum(m.conversions), sum(m.revenue_cents)::bigint, count(*)::integer
  from private.ad_rollup_dirty d
  join public.ad_metrics_daily m
    on m.workspace_id = d.workspace_id and m.platform = d.platform and m.day = d.day and m.level = 'campaign'
  where d.workspace_id = p_workspace_id and d.day between p_from and p_to
  group by m.platform, m.day;
end $$;
comment on function private.ad_rollup_current(uuid, date, date) is 'The ads rollup of one workspace and date range as of now: stored days, with the days still queued for the hourly refresh recomputed from campaign-level rows. No membership check: only the private dashboard readers call it, after theirs.';
revoke execute on function private.ad_rollup_current(uuid, date, date) from authenticated;

-- Its body is already the reader's (check_date_range now checks from inside a definer too): moved, not copied.
alter function public.ads_dashboard(uuid, date, date, public.ads_group_by) set schema private;
alter function private.ads_dashboard(uuid, date, date, public.ads_group_by) security definer;
-- The wrapper made below keeps the RPC's documentation.
select set_config('growthbase.moved_comment', obj_description('private.ads_dashboard(uuid, date, date, public.ads_group_by)'::regprocedure, 'pg_proc'), true);
comment on function private.ads_dashboard(uuid, date, date, public.ads_group_by) is 'What public.ads_dashboard returns, read as the owner after one membership check (see the header).';
revoke all on function private.ads_dashboard(uuid, date, date, public.ads_group_by) from public;
grant execute on function private.ads_dashboard(uuid, date, date, public.ads_group_by) to authenticated, service_role;

create function public.ads_dashboard(p_workspace_id uuid, p_from date, p_to date, p_group_by public.ads_group_by)
returns setof public.ads_dashboard_row
language sql stable set search_path = '' as $$
  select * from private.ads_dashboard(p_workspace_id, p_from, p_to, p_group_by)
$$;
do $$ begin
  execute format('comment on function public.ads_dashboard(uuid, date, date, public.ads_group_by) is %L', current_setting('growthbase.moved_comment'));
end $$;
grant execute on function public.ads_dashboard(uuid, date, date, public.ads_group_by) to authenticated, service_role;

-- Its body is already the reader's (check_date_range now checks from inside a definer too): moved, not copied.
alter function public.ads_blended_roas(uuid, date, date) set schema private;
alter function private.ads_blended_roas(uuid, date, date) security definer;
-- The wrapper made below keeps the RPC's documentation.
select set_config('growthbase.moved_comment', obj_description('private.ads_blended_roas(uuid, date, date)'::regprocedure, 'pg_proc'), true);
comment on function private.ads_blended_roas(uuid, date, date) is 'What public.ads_blended_roas returns, read as the owner after one membership check (see the header).';
revoke all on function private.ads_blended_roas(uuid, date, date) from public;
grant execute on function private.ads_blended_roas(uuid, date, date) to authenticated, service_role;

create function public.ads_blended_roas(p_workspace_id uuid, p_from date, p_to date)
returns setof public.ads_blended_roas_row
language sql stable set search_path = '' as $$
  select * from private.ads_blended_roas(p_workspace_id, p_from, p_to)
$$;
do $$ begin
  execute format('comment on function public.ads_blended_roas(uuid, date, date) is %L', current_setting('growthbase.moved_comment'));
end $$;
grant execute on function public.ads_blended_roas(uuid, date, date) to authenticated, service_role;

-- Its body is already the reader's (check_date_range now checks from inside a definer too): moved, not copied.
alter function public.ads_roas_tile(uuid, date) set schema private;
alter function private.ads_roas_tile(uuid, date) security definer;
-- The wrapper made below keeps the RPC's documentation.
select set_config('growthbase.moved_comment', obj_description('private.ads_roas_tile(uuid, date)'::regprocedure, 'pg_proc'), true);
comment on function private.ads_roas_tile(uuid, date) is 'What public.ads_roas_tile returns, read as the owner after one membership check (see the header).';
revoke all on function private.ads_roas_tile(uuid, date) from public;
grant execute on function private.ads_roas_tile(uuid, date) to authenticated, service_role;

create function public.ads_roas_tile(p_workspace_id uuid, p_today date default current_date)
returns setof public.ads_roas_tile_row
language sql stable set search_path = '' as $$
  select * from private.ads_roas_tile(p_workspace_id, p_today)
$$;
do $$ begin
  execute format('comment on function public.ads_roas_tile(uuid, date) is %L', current_setting('growthbase.moved_comment'));
end $$;
grant execute on function public.ads_roas_tile(uuid, date) to authenticated, service_role;

create function private.dashboard_tiles(p_workspace_id uuid, p_today date)
returns public.dashboard_tiles_row
language plpgsql stable security definer set search_path = '' as $$declare
  t public.dashboard_tiles_row;
begin
  if p_workspace_id is null or p_today is null then
    raise exception 'workspace and date are required' using errcode = '22023';
  end if;
  perform private.require_reader(p_workspace_id);
  t.as_of := p_today;

  -- Revenue: net revenue of uncancelled orders, in the currency that sold most over both windows.
  with days as (
    select r.currency, r.day, r.orders, r.net_revenue_cents
    from public.order_revenue_daily r
    where r.workspace_id = p_workspace_id and r.day between p_today - 60 and p_today - 1
  ), main as (
    select d.currency from days d group by d.currency order by sum(d.net_revenue_cents) desc, d.currency limit 1
  )
  select m.currency,
         coalesce(sum(d.net_revenue_cents) filter (where d.day >= p_today - 30), 0)::bigint,
         coalesce(sum(d.net_revenue_cents) filter (where d.day < p_today - 30), 0)::bigint,
         coalesce(sum(d.orders) filter (where d.day >= p_today - 30), 0)::bigint
  into t.revenue_currency, t.revenue_cents, t.previous_revenue_cents, t.orders
  from main m join days d on d.currency = m.currency
  group by m.currency;
  t.revenue_cents := coalesce(t.revenue_cents, 0);
  t.previous_revenue_cents := coalesce(t.previous_revenue_cents, 0);
  t.orders := coalesce(t.orders, 0);
  t.revenue_change := case when t.previous_revenue_cents > 0
    then round((t.revenue_cents - t.previous_revenue_cents)::numeric / t.previous_revenue_cents, 4) end;
  t.average_order_cents := case when t.orders > 0 then round(t.revenue_cents::numeric / t.orders)::bigint end;

  -- Inventory: the latest reorder point computation.
  select count(*)::integer, (count(*) filter (where r.below_reorder_point))::integer, min(r.weeks_of_supply),
         max(r.computed_at)
  into t.skus_tracked, t.skus_below_reorder_point, t.lowest_weeks_of_supply, t.reorder_points_computed_at
  from public.reorder_points r where r.workspace_id = p_workspace_id;

  -- Ads: the landed ROAS tile (from the ads rollup).
  select a.spend_cents, a.revenue_cents, a.roas, a.previous_roas, a.change
  into t.ad_spend_cents, t.ad_revenue_cents, t.roas, t.previous_roas, t.roas_change
  from private.ads_roas_tile(p_workspace_id, p_today) a;

  -- The approval queue: what still waits (pending and not yet past its expiry).
  select count(*)::integer, (count(*) filter (where a.priority in ('high', 'urgent')))::integer,
         (count(*) filter (where a.expires_at <= now() + interval '24 hours'))::integer, min(a.created_at)
  into t.pending_approvals, t.urgent_approvals, t.approvals_expiring_24h, t.oldest_pending_approval_at
  from public.agent_approvals a
  where a.workspace_id = p_workspace_id and a.status = 'pending' and a.expires_at > now();

  select count(*)::integer into t.open_errors from public.ops_errors e
  where e.workspace_id = p_workspace_id and e.status in ('open', 'acknowledged');
  select count(*)::integer into t.open_alerts from public.ops_alerts a
  where a.workspace_id = p_workspace_id and a.status <> 'resolved';
  return t;
end $$;
comment on function private.dashboard_tiles(uuid, date) is 'What public.dashboard_tiles returns, read as the owner after one membership check (see the header).';
revoke all on function private.dashboard_tiles(uuid, date) from public;
grant execute on function private.dashboard_tiles(uuid, date) to authenticated, service_role;

create or replace function public.dashboard_tiles(p_workspace_id uuid, p_today date default current_date)
returns public.dashboard_tiles_row
language sql stable set search_path = '' as $$
  select private.dashboard_tiles(p_workspace_id, p_today)
$$;

-- Its body is already the reader's (check_date_range now checks from inside a definer too): moved, not copied.
alter function public.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) set schema private;
alter function private.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) security definer;
-- The wrapper made below keeps the RPC's documentation.
select set_config('growthbase.moved_comment', obj_description('private.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by)'::regprocedure, 'pg_proc'), true);
comment on function private.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) is 'What public.attribution_report returns, read as the owner after one membership check (see the header).';
revoke all on function private.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) from public;
grant execute on function private.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) to authenticated, service_role;

create function public.attribution_report(p_workspace_id uuid, p_from date, p_to date,
  p_model public.attribution_model default 'last_touch', p_group_by public.attribution_group_by default 'channel')
returns setof public.attribution_report_row
language sql stable set search_path = '' as $$
  select * from private.attribution_report(p_workspace_id, p_from, p_to, p_model, p_group_by)
$$;
do $$ begin
  execute format('comment on function public.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) is %L', current_setting('growthbase.moved_comment'));
end $$;
grant execute on function public.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) to authenticated, service_role;

create function private.get_autopilot_dashboard_stats(p_workspace_id uuid, p_today date)
returns setof public.autopilot_dashboard_row
language plpgsql stable security definer set search_path = '' as $$declare
  today date := coalesce(p_today, (now() at time zone 'UTC')::date);
  month_start date := date_trunc('month', coalesce(p_today, (now() at time zone 'UTC')::date))::date;
  r public.autopilot_dashboard_row;
  cfg public.autopilot_configs;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  perform private.require_reader(p_workspace_id);
  select * into cfg from public.autopilot_configs c where c.workspace_id = p_workspace_id;

  r.workspace_id := p_workspace_id;
  r.autopilot_enabled := coalesce(cfg.enabled, false);
  r.currency := coalesce(cfg.currency, 'USD');
  r.monthly_budget_cents := cfg.monthly_budget_cents;
  -- month to date from the campaign-level rows themselves, so a metric written a minute ago counts
  select coalesce(sum(m.spend_cents), 0)::bigint, coalesce(sum(m.revenue_cents), 0)::bigint
    into r.month_spend_cents, r.month_revenue_cents
  from public.ad_metrics_daily m
  where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between month_start and today;
  r.month_roas := case when r.month_spend_cents > 0 then round(r.month_revenue_cents::numeric / r.month_spend_cents, 4) end;
  r.budget_used := case when cfg.monthly_budget_cents > 0 then round(r.month_spend_cents::numeric / cfg.monthly_budget_cents, 4) end;

  select count(*)::integer,
         (count(*) filter (where l.status in ('new', 'contacted', 'qualified', 'nurturing')))::integer,
         (count(*) filter (where l.created_at >= (today - 6)::timestamp at time zone 'UTC'
                             and l.created_at < (today + 1)::timestamp at time zone 'UTC'))::integer,
         (count(*) filter (where l.status in ('new', 'contacted', 'qualified', 'nurturing')
                             and l.score >= coalesce(cfg.hot_lead_score, 50)))::integer,
         (count(*) filter (where l.status = 'converted' and l.converted_at >= (today - 29)::timestamp at time zone 'UTC'
                             and l.converted_at < (today + 1)::timestamp at time zone 'UTC'))::integer,
         round(avg(l.score), 2)
    into r.total_leads, r.open_leads, r.new_leads_7d, r.hot_leads, r.converted_leads_30d, r.average_lead_score
  from public.leads l
  where l.workspace_id = p_workspace_id;

  select (count(*) filter (where c.status = 'active'))::integer,
         (count(*) filter (where c.auto_managed and c.status in ('active', 'paused', 'planned')))::integer
    into r.active_campaigns, r.auto_managed_campaigns
  from public.campaigns c where c.workspace_id = p_workspace_id;

  select (count(*) filter (where t.status in ('todo', 'in_progress', 'blocked')))::integer,
         (count(*) filter (where t.status in ('todo', 'in_progress', 'blocked') and t.due_date < today))::integer
    into r.open_tasks, r.overdue_tasks
  from public.campaign_tasks t where t.workspace_id = p_workspace_id;

  select count(*)::integer into r.activities_7d from public.autopilot_activity_log a
  where a.workspace_id = p_workspace_id and a.created_at >= (today - 6)::timestamp at time zone 'UTC'
    and a.created_at < (today + 1)::timestamp at time zone 'UTC';

  select count(*)::integer into r.pending_approvals from public.agent_approvals a
  where a.workspace_id = p_workspace_id and a.status = 'pending' and a.expires_at > now();

  select w.week_start, w.roi into r.last_report_week_start, r.last_report_roi
  from public.autopilot_weekly_reports w where w.workspace_id = p_workspace_id and w.week_start <= today - 7
  order by w.week_start desc limit 1;

  if coalesce(cfg.enabled, false) then
    r.next_weekly_report_at := private.autopilot_job_last_due('weekly_report') + interval '7 days';
    r.next_optimisation_at := private.autopilot_job_last_due('daily_optimisation') + interval '1 day';
  end if;
  r.as_of := now();
  return next r;
end $$;
comment on function private.get_autopilot_dashboard_stats(uuid, date) is 'What public.get_autopilot_dashboard_stats returns, read as the owner after one membership check (see the header).';
revoke all on function private.get_autopilot_dashboard_stats(uuid, date) from public;
grant execute on function private.get_autopilot_dashboard_stats(uuid, date) to authenticated, service_role;

create or replace function public.get_autopilot_dashboard_stats(p_workspace_id uuid, p_today date default null)
returns setof public.autopilot_dashboard_row
language sql stable set search_path = '' as $$
  select * from private.get_autopilot_dashboard_stats(p_workspace_id, p_today)
$$;

create function private.get_demo_stats(p_demo_id uuid)
returns public.demo_stats
language plpgsql stable security definer set search_path = '' as $$
declare
  s public.demo_stats;
begin
  select * into s from public.demo_stats where demo_id = p_demo_id;
  -- Another workspace's demo is as absent as a missing one.
  if not found or (current_setting('role', true) in ('authenticated', 'anon')
                   and private.workspace_role(s.workspace_id) is null) then
    raise exception 'no such demo' using errcode = 'PT404';
  end if;
  return s;
end $$;
comment on function private.get_demo_stats(uuid) is 'What public.get_demo_stats returns, read as the owner after one membership check (see the header).';
revoke all on function private.get_demo_stats(uuid) from public;
grant execute on function private.get_demo_stats(uuid) to authenticated, service_role;

create or replace function public.get_demo_stats(p_demo_id uuid)
returns public.demo_stats
language sql stable set search_path = '' as $$
  select private.get_demo_stats(p_demo_id)
$$;
