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

create function private.ads_dashboard(p_workspace_id uuid, p_from date, p_to date, p_group_by public.ads_group_by)
returns setof public.ads_dashboard_row
language plpgsql stable security definer set search_path = '' as $$begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  if p_group_by is null then
    raise exception 'p_group_by is required: platform, campaign or day' using errcode = '22023';
  end if;
  if p_group_by = 'campaign' then
    return query
    select c.id::text, c.name, s.spend, s.revenue, s.impr, s.clk, s.conv,
           case when s.spend > 0 then round(s.revenue::numeric / s.spend, 4) end,
           case when s.conv > 0 then round(s.spend / s.conv, 2) end,
           case when s.impr > 0 then round(s.clk::numeric / s.impr, 6) end
    from (
      select m.campaign_id, sum(m.spend_cents)::bigint as spend, sum(m.revenue_cents)::bigint as revenue,
             sum(m.impressions)::bigint as impr, sum(m.clicks)::bigint as clk, sum(m.conversions) as conv
      from public.ad_metrics_daily m
      where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between p_from and p_to
      group by m.campaign_id
    ) s join public.ad_campaigns c on c.workspace_id = p_workspace_id and c.id = s.campaign_id
    order by s.spend desc, c.name;
  else
    return query
    select s.k, s.k, s.spend, s.revenue, s.impr, s.clk, s.conv,
           case when s.spend > 0 then round(s.revenue::numeric / s.spend, 4) end,
           case when s.conv > 0 then round(s.spend / s.conv, 2) end,
           case when s.impr > 0 then round(s.clk::numeric / s.impr, 6) end
    from (
      select case when p_group_by = 'platform' then r.platform::text else r.day::text end as k,
             sum(r.spend_cents)::bigint as spend, sum(r.revenue_cents)::bigint as revenue,
             sum(r.impressions)::bigint as impr, sum(r.clicks)::bigint as clk, sum(r.conversions) as conv
      from private.ad_rollup_current(p_workspace_id, p_from, p_to) r
      group by 1
    ) s
    order by case when p_group_by = 'day' then s.k end, s.spend desc;
  end if;
end $$;
comment on function private.ads_dashboard(uuid, date, date, public.ads_group_by) is 'What public.ads_dashboard returns, read as the owner after one membership check (see the header).';
revoke all on function private.ads_dashboard(uuid, date, date, public.ads_group_by) from public;
grant execute on function private.ads_dashboard(uuid, date, date, public.ads_group_by) to authenticated, service_role;

create or replace function public.ads_dashboard(p_workspace_id uuid, p_from date, p_to date, p_group_by public.ads_group_by)
returns setof public.ads_dashboard_row
language sql stable set search_path = '' as $$
  select * from private.ads_dashboard(p_workspace_id, p_from, p_to, p_group_by)
$$;

create function private.ads_blended_roas(p_workspace_id uuid, p_from date, p_to date)
returns setof public.ads_blended_roas_row
language plpgsql stable security definer set search_path = '' as $$begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  return query
  with spend as (
    select coalesce(sum(r.spend_cents), 0)::bigint as spend, coalesce(sum(r.revenue_cents), 0)::bigint as revenue
    from private.ad_rollup_current(p_workspace_id, p_from, p_to) r
  ), sales as (
    select coalesce(sum(o.net_revenue_cents), 0)::bigint as revenue, coalesce(sum(o.orders), 0)::bigint as n
    from public.order_revenue_daily o
    where o.workspace_id = p_workspace_id and o.day between p_from and p_to
  )
  select spend.spend, spend.revenue, sales.revenue, sales.n,
         case when spend.spend > 0 then round(spend.revenue::numeric / spend.spend, 4) end,
         case when spend.spend > 0 then round(sales.revenue::numeric / spend.spend, 4) end
  from spend, sales;
end $$;
comment on function private.ads_blended_roas(uuid, date, date) is 'What public.ads_blended_roas returns, read as the owner after one membership check (see the header).';
revoke all on function private.ads_blended_roas(uuid, date, date) from public;
grant execute on function private.ads_blended_roas(uuid, date, date) to authenticated, service_role;

create or replace function public.ads_blended_roas(p_workspace_id uuid, p_from date, p_to date)
returns setof public.ads_blended_roas_row
language sql stable set search_path = '' as $$
  select * from private.ads_blended_roas(p_workspace_id, p_from, p_to)
$$;

create function private.ads_roas_tile(p_workspace_id uuid, p_today date)
returns setof public.ads_roas_tile_row
language plpgsql stable security definer set search_path = '' as $$begin
  if p_today is null then
    raise exception 'p_today is required' using errcode = '22023';
  end if;
  perform private.check_date_range(p_workspace_id, p_today - 60, p_today - 1);
  return query
  with w as (
    select sum(r.spend_cents) filter (where r.day >= p_today - 30) as spend,
           sum(r.revenue_cents) filter (where r.day >= p_today - 30) as revenue,
           sum(r.spend_cents) filter (where r.day < p_today - 30) as prev_spend,
           sum(r.revenue_cents) filter (where r.day < p_today - 30) as prev_revenue
    from private.ad_rollup_current(p_workspace_id, p_today - 60, p_today - 1) r
  ), k as (
    select coalesce(w.spend, 0)::bigint as spend, coalesce(w.revenue, 0)::bigint as revenue,
           case when w.spend > 0 then round(w.revenue::numeric / w.spend, 4) end as roas,
           case when w.prev_spend > 0 then round(w.prev_revenue::numeric / w.prev_spend, 4) end as prev
    from w
  )
  select k.spend, k.revenue, k.roas, k.prev,
         case when k.prev > 0 then round((k.roas - k.prev) / k.prev, 4) end
  from k;
end $$;
comment on function private.ads_roas_tile(uuid, date) is 'What public.ads_roas_tile returns, read as the owner after one membership check (see the header).';
revoke all on function private.ads_roas_tile(uuid, date) from public;
grant execute on function private.ads_roas_tile(uuid, date) to authenticated, service_role;

create or replace function public.ads_roas_tile(p_workspace_id uuid, p_today date default current_date)
returns setof public.ads_roas_tile_row
language sql stable set search_path = '' as $$
  select * from private.ads_roas_tile(p_workspace_id, p_today)
$$;

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

create function private.attribution_report(p_workspace_id uuid, p_from date, p_to date, p_model public.attribution_model, p_group_by public.attribution_group_by)
returns setof public.attribution_report_row
language plpgsql stable security definer set search_path = '' as $$declare
  t0 timestamptz := p_from::timestamp at time zone 'UTC';
  t1 timestamptz := (p_to + 1)::timestamp at time zone 'UTC';
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  if p_model is null or p_group_by is null then
    raise exception 'p_model and p_group_by are required' using errcode = '22023';
  end if;
  return query
  with credits as (
    select a.conversion_id, a.channel, a.campaign, a.utm_id, a.weight, a.credit_cents
    from public.attribution_credits a
    where a.workspace_id = p_workspace_id and a.model = p_model and a.converted_at >= t0 and a.converted_at < t1
    union all
    -- fresh reads: conversions the cron round has not credited yet are computed now
    select f.conversion_id, f.channel, f.campaign, f.utm_id, f.weight, f.credit_cents
    from private.compute_attribution_credits(array(
      select c.id from public.conversions c
      where c.workspace_id = p_workspace_id and c.credited_at is null and c.occurred_at >= t0 and c.occurred_at < t1)) f
    where f.model = p_model
  ), grouped as (
    select c.channel, c.campaign, c.utm_id, sum(c.credit_cents)::bigint as revenue, sum(c.weight) as conv
    from credits c group by c.channel, c.campaign, c.utm_id
  ), matched as (
    select g.*, ac.id as ad_campaign_id, ac.name as ad_campaign_name, ac.platform
    from grouped g
    left join lateral (
      select a.id, a.name, a.platform from public.ad_campaigns a
      where a.workspace_id = p_workspace_id
        and (a.external_id = g.utm_id or a.utm_campaign = g.campaign or a.external_id = g.campaign)
      order by (a.external_id = g.utm_id) desc nulls last, (a.utm_campaign = g.campaign) desc nulls last, a.id
      limit 1
    ) ac on g.campaign is not null or g.utm_id is not null
  ), spend as (
    select m.campaign_id, a.name, a.platform, sum(m.spend_cents)::bigint as spend
    from public.ad_metrics_daily m join public.ad_campaigns a on a.id = m.campaign_id
    where m.workspace_id = p_workspace_id and m.level = 'campaign' and m.day between p_from and p_to
    group by m.campaign_id, a.name, a.platform
  ), rows as (
    select case when p_group_by = 'channel' then x.channel::text
                else coalesce(x.ad_campaign_id::text, x.campaign, '(none)') end as key,
           case when p_group_by = 'channel' then x.channel::text
                else coalesce(x.ad_campaign_name, x.campaign, '(no campaign)') end as label,
           x.channel, x.ad_campaign_id, x.revenue, x.conv
    from matched x
  ), revenue as (
    select r.key, min(r.label) as label,
           case when count(distinct r.channel) = 1 then min(r.channel::text)::public.marketing_channel end as channel,
           min(r.ad_campaign_id::text)::uuid as ad_campaign_id,
           sum(r.revenue)::bigint as revenue, sum(r.conv) as conv
    from rows r group by r.key
  ), cost as (
    select case when p_group_by = 'channel' then private.ad_platform_channel(s.platform)::text else s.campaign_id::text end as key,
           case when p_group_by = 'channel' then private.ad_platform_channel(s.platform)::text else s.name end as label,
           private.ad_platform_channel(s.platform) as channel,
           case when p_group_by = 'campaign' then s.campaign_id end as ad_campaign_id,
           s.spend
    from spend s
  ), cost_by_key as (
    select c.key, min(c.label) as label, min(c.channel::text)::public.marketing_channel as channel,
           min(c.ad_campaign_id::text)::uuid as ad_campaign_id, sum(c.spend)::bigint as spend
    from cost c group by c.key
  )
  select coalesce(r.key, k.key), coalesce(r.label, k.label),
         case when r.key is null or p_group_by = 'channel' then coalesce(r.channel, k.channel) else r.channel end,
         coalesce(r.ad_campaign_id, k.ad_campaign_id),
         coalesce(r.revenue, 0)::bigint, round(coalesce(r.conv, 0), 4), k.spend,
         case when k.spend > 0 then round(coalesce(r.revenue, 0)::numeric / k.spend, 4) end
  from revenue r
  full join cost_by_key k on k.key = r.key
  order by coalesce(r.revenue, 0) desc, k.spend desc nulls last, 1;
end $$;
comment on function private.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) is 'What public.attribution_report returns, read as the owner after one membership check (see the header).';
revoke all on function private.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) from public;
grant execute on function private.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) to authenticated, service_role;

create or replace function public.attribution_report(p_workspace_id uuid, p_from date, p_to date,
  p_model public.attribution_model default 'last_touch', p_group_by public.attribution_group_by default 'channel')
returns setof public.attribution_report_row
language sql stable set search_path = '' as $$
  select * from private.attribution_report(p_workspace_id, p_from, p_to, p_model, p_group_by)
$$;

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
