-- The campaign dashboard flat in campaigns x days. By campaign it summed every campaign-level
-- row in the range: 311 ms for 365 days over 1M rows (2,740 campaigns), growing with
-- campaigns x days. Now each campaign keeps running totals per day, dense from its first to its
-- last day with data: sum(from .. to) = total(to) - total(from - 1). A 365-day view reads one
-- span row and at most two running-total rows per campaign (two index range scans at the two
-- days), whatever the range. Kept by statement triggers on ad_metrics_daily (every write path:
-- ingest_ad_metrics, the platform sync, direct writes), so the view is fresh after every
-- write. A write on day d adds its difference to the campaign's running totals from d on: a
-- row for today touches one row, a restated week seven, a late row a year back a year's.

create table private.ad_campaign_running_totals (
  workspace_id uuid not null,
  campaign_id uuid not null,
  day date not null,
  rows_upto bigint not null default 0,
  spend_cents bigint not null default 0,
  revenue_cents bigint not null default 0,
  impressions bigint not null default 0,
  clicks bigint not null default 0,
  conversions numeric not null default 0,
  primary key (workspace_id, campaign_id, day),
  foreign key (workspace_id, campaign_id) references public.ad_campaigns (workspace_id, id) on delete cascade
);
comment on table private.ad_campaign_running_totals is 'Per campaign and day, dense from its first to its last day with campaign-level rows: the running totals of those rows up to and including that day (rows, spend, revenue, impressions, clicks, conversions). Kept by private.apply_ad_campaign_deltas (statement triggers on ad_metrics_daily); read by the campaign dashboard (private.ads_campaign_totals).';
create index ad_campaign_running_totals_day_idx on private.ad_campaign_running_totals (workspace_id, day)
  include (campaign_id, rows_upto, spend_cents, revenue_cents, impressions, clicks, conversions);
alter table private.ad_campaign_running_totals enable row level security;
select private.install_row_triggers('private.ad_campaign_running_totals');

create table private.ad_campaign_spans (
  campaign_id uuid not null,
  workspace_id uuid not null,
  first_day date not null,
  last_day date not null,
  rows_total bigint not null default 0,
  spend_cents bigint not null default 0,
  revenue_cents bigint not null default 0,
  impressions bigint not null default 0,
  clicks bigint not null default 0,
  conversions numeric not null default 0,
  primary key (workspace_id, campaign_id),
  foreign key (workspace_id, campaign_id) references public.ad_campaigns (workspace_id, id) on delete cascade
);
comment on table private.ad_campaign_spans is 'Per campaign: the days its running totals cover (first to last day with campaign-level rows, never shrinking) and its totals (= the running totals of the last day). Kept with private.ad_campaign_running_totals.';
create index ad_campaign_spans_workspace_idx on private.ad_campaign_spans (workspace_id, first_day);
alter table private.ad_campaign_spans enable row level security;
select private.install_row_triggers('private.ad_campaign_spans');

-- Signed differences as one row per (campaign, day), for campaigns still there (a deleted
-- campaign's rows go by cascade).
create function private.ad_campaign_delta_rows(
  p_workspace_ids uuid[], p_campaign_ids uuid[], p_days date[], p_rows bigint[], p_spend bigint[], p_revenue bigint[],
  p_impressions bigint[], p_clicks bigint[], p_conversions numeric[])
returns table (workspace_id uuid, campaign_id uuid, day date, n bigint, spend bigint, revenue bigint, impr bigint, clk bigint, conv numeric)
language sql stable set search_path = '' as $$
  select d.w, d.c, d.d, sum(d.n)::bigint, sum(d.s)::bigint, sum(d.r)::bigint, sum(d.i)::bigint, sum(d.k)::bigint, sum(d.v)
  from unnest(p_workspace_ids, p_campaign_ids, p_days, p_rows, p_spend, p_revenue, p_impressions, p_clicks, p_conversions)
    as d (w, c, d, n, s, r, i, k, v)
  where exists (select 1 from public.ad_campaigns a where a.workspace_id = d.w and a.id = d.c)
  group by 1, 2, 3
$$;
comment on function private.ad_campaign_delta_rows(uuid[], uuid[], date[], bigint[], bigint[], bigint[], bigint[], bigint[], numeric[]) is 'The given signed differences summed per (campaign, day), for campaigns that still exist.';
revoke all on function private.ad_campaign_delta_rows(uuid[], uuid[], date[], bigint[], bigint[], bigint[], bigint[], bigint[], numeric[]) from public;

-- Adds signed per-(campaign, day) differences to the running totals.
create function private.apply_ad_campaign_deltas(
  p_workspace_ids uuid[], p_campaign_ids uuid[], p_days date[], p_rows bigint[], p_spend bigint[], p_revenue bigint[],
  p_impressions bigint[], p_clicks bigint[], p_conversions numeric[])
returns void
language plpgsql security definer set search_path = ''
-- each difference touches a few days of one campaign: index lookups, never a pass over the table
-- (estimating the day ranges, the planner hashed all running totals: 1.9 s for 1,000 rows)
set enable_hashjoin = off set enable_mergejoin = off set enable_seqscan = off as $$
begin
  -- one writer per campaign at a time: the span extension and the running update go together
  perform pg_advisory_xact_lock(2802, hashtext(c::text))
  from (select distinct u.c from unnest(p_campaign_ids) u (c) order by 1) s;

  -- extend the dense spans: days before the first (totals 0) and after the last (the totals so far)
  insert into private.ad_campaign_running_totals as t
    (workspace_id, campaign_id, day, rows_upto, spend_cents, revenue_cents, impressions, clicks, conversions)
  select e.workspace_id, e.campaign_id, g.day::date,
         case when g.day > s.last_day then s.rows_total else 0 end,
         case when g.day > s.last_day then s.spend_cents else 0 end,
         case when g.day > s.last_day then s.revenue_cents else 0 end,
         case when g.day > s.last_day then s.impressions else 0 end,
         case when g.day > s.last_day then s.clicks else 0 end,
         case when g.day > s.last_day then s.conversions else 0 end
  from (select d.workspace_id, d.campaign_id, min(d.day) as lo, max(d.day) as hi
        from private.ad_campaign_delta_rows(p_workspace_ids, p_campaign_ids, p_days, p_rows, p_spend, p_revenue,
                                            p_impressions, p_clicks, p_conversions) d group by 1, 2) e
  left join private.ad_campaign_spans s on s.workspace_id = e.workspace_id and s.campaign_id = e.campaign_id
  cross join lateral (
    -- only the missing days: before the span (or the whole range for a new campaign), after it
    select b.day from generate_series(e.lo, case when s.campaign_id is null then e.hi else s.first_day - 1 end,
                                      interval '1 day') b (day)
    union all
    select a.day from generate_series(s.last_day + 1, e.hi, interval '1 day') a (day) where s.campaign_id is not null
  ) g
  order by 1, 2, 3;

  -- add the running sum of the differences: each day gets the differences of all days up to it
  update private.ad_campaign_running_totals t
  set rows_upto = t.rows_upto + x.n, spend_cents = t.spend_cents + x.spend, revenue_cents = t.revenue_cents + x.revenue,
      impressions = t.impressions + x.impr, clicks = t.clicks + x.clk, conversions = t.conversions + x.conv
  from (
    select d.workspace_id, d.campaign_id, d.day, lead(d.day) over w as next_day,
           sum(d.n) over w as n, sum(d.spend) over w as spend, sum(d.revenue) over w as revenue,
           sum(d.impr) over w as impr, sum(d.clk) over w as clk, sum(d.conv) over w as conv
    from private.ad_campaign_delta_rows(p_workspace_ids, p_campaign_ids, p_days, p_rows, p_spend, p_revenue,
                                        p_impressions, p_clicks, p_conversions) d
    window w as (partition by d.workspace_id, d.campaign_id order by d.day)
  ) x
  where t.workspace_id = x.workspace_id and t.campaign_id = x.campaign_id and t.day >= x.day and t.day < coalesce(x.next_day, 'infinity'::date);

  insert into private.ad_campaign_spans as s
    (campaign_id, workspace_id, first_day, last_day, rows_total, spend_cents, revenue_cents, impressions, clicks, conversions)
  select d.campaign_id, d.workspace_id, min(d.day), max(d.day), sum(d.n), sum(d.spend), sum(d.revenue), sum(d.impr),
         sum(d.clk), sum(d.conv)
  from private.ad_campaign_delta_rows(p_workspace_ids, p_campaign_ids, p_days, p_rows, p_spend, p_revenue,
                                      p_impressions, p_clicks, p_conversions) d
  group by 1, 2
  order by 2, 1
  on conflict (workspace_id, campaign_id) do update set
    first_day = least(s.first_day, excluded.first_day), last_day = greatest(s.last_day, excluded.last_day),
    rows_total = s.rows_total + excluded.rows_total, spend_cents = s.spend_cents + excluded.spend_cents,
    revenue_cents = s.revenue_cents + excluded.revenue_cents, impressions = s.impressions + excluded.impressions,
    clicks = s.clicks + excluded.clicks, conversions = s.conversions + excluded.conversions;
end $$;
comment on function private.apply_ad_campaign_deltas(uuid[], uuid[], date[], bigint[], bigint[], bigint[], bigint[], bigint[], numeric[]) is 'Adds signed per-(campaign, day) differences of campaign-level metrics to the campaigns'' running totals, extending their dense day spans as needed. Called by the ad_metrics_daily statement triggers.';
revoke all on function private.apply_ad_campaign_deltas(uuid[], uuid[], date[], bigint[], bigint[], bigint[], bigint[], bigint[], numeric[]) from public;

create function private.ad_campaign_rows_changed() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  w uuid[]; c uuid[]; d date[]; n bigint[]; s bigint[]; r bigint[]; i bigint[]; k bigint[]; v numeric[];
begin
  if tg_op = 'INSERT' then
    select array_agg(x.workspace_id), array_agg(x.campaign_id), array_agg(x.day), array_agg(1::bigint), array_agg(x.spend_cents),
           array_agg(x.revenue_cents), array_agg(x.impressions), array_agg(x.clicks), array_agg(x.conversions)
      into w, c, d, n, s, r, i, k, v
    from new_rows x where x.level = 'campaign' and x.campaign_id is not null;
  elsif tg_op = 'DELETE' then
    select array_agg(x.workspace_id), array_agg(x.campaign_id), array_agg(x.day), array_agg(-1::bigint), array_agg(-x.spend_cents),
           array_agg(-x.revenue_cents), array_agg(-x.impressions), array_agg(-x.clicks), array_agg(-x.conversions)
      into w, c, d, n, s, r, i, k, v
    from old_rows x where x.level = 'campaign' and x.campaign_id is not null;
  else
    select array_agg(x.workspace_id), array_agg(x.campaign_id), array_agg(x.day), array_agg(x.n), array_agg(x.s),
           array_agg(x.r), array_agg(x.i), array_agg(x.k), array_agg(x.v)
      into w, c, d, n, s, r, i, k, v
    from (select y.workspace_id, y.campaign_id, y.day, 1::bigint as n, y.spend_cents as s, y.revenue_cents as r,
                 y.impressions as i, y.clicks as k, y.conversions as v
          from new_rows y where y.level = 'campaign' and y.campaign_id is not null
          union all
          select y.workspace_id, y.campaign_id, y.day, -1, -y.spend_cents, -y.revenue_cents, -y.impressions, -y.clicks, -y.conversions
          from old_rows y where y.level = 'campaign' and y.campaign_id is not null) x;
  end if;
  if w is not null then
    perform private.apply_ad_campaign_deltas(w, c, d, n, s, r, i, k, v);
  end if;
  return null;
end $$;
comment on function private.ad_campaign_rows_changed() is 'Statement triggers on ad_metrics_daily: passes the campaign-level rows'' differences to private.apply_ad_campaign_deltas.';
revoke all on function private.ad_campaign_rows_changed() from public;
create trigger ad_campaign_totals_ins after insert on public.ad_metrics_daily
  referencing new table as new_rows for each statement execute function private.ad_campaign_rows_changed();
create trigger ad_campaign_totals_upd after update on public.ad_metrics_daily
  referencing old table as old_rows new table as new_rows for each statement execute function private.ad_campaign_rows_changed();
create trigger ad_campaign_totals_del after delete on public.ad_metrics_daily
  referencing old table as old_rows for each statement execute function private.ad_campaign_rows_changed();

-- Per campaign with rows in the range: its sums over the range. No membership check: the private
-- dashboard reader calls it after its own.
create function private.ads_campaign_totals(p_workspace_id uuid, p_from date, p_to date)
returns table (campaign_id uuid, spend_cents bigint, revenue_cents bigint, impressions bigint, clicks bigint, conversions numeric)
language plpgsql stable security definer set search_path = '' as $$
#variable_conflict use_column
begin
  -- PL/pgSQL keeps the plan (a SQL definer function is planned on every call)
  return query
  select s.campaign_id,
         coalesce(h.spend_cents, s.spend_cents) - coalesce(l.spend_cents, 0),
         coalesce(h.revenue_cents, s.revenue_cents) - coalesce(l.revenue_cents, 0),
         coalesce(h.impressions, s.impressions) - coalesce(l.impressions, 0),
         coalesce(h.clicks, s.clicks) - coalesce(l.clicks, 0),
         coalesce(h.conversions, s.conversions) - coalesce(l.conversions, 0)
  from private.ad_campaign_spans s
  left join (select t.* from private.ad_campaign_running_totals t where t.workspace_id = p_workspace_id and t.day = p_to) h
    on h.campaign_id = s.campaign_id
  left join (select t.* from private.ad_campaign_running_totals t where t.workspace_id = p_workspace_id and t.day = p_from - 1) l
    on l.campaign_id = s.campaign_id
  where s.workspace_id = p_workspace_id and s.first_day <= p_to and s.last_day >= p_from
    and coalesce(h.rows_upto, s.rows_total) - coalesce(l.rows_upto, 0) > 0;
end $$;
comment on function private.ads_campaign_totals(uuid, date, date) is 'Per campaign with campaign-level rows in [from, to]: the sums over the range from the running totals (total at to minus total before from). No membership check: only private.ads_dashboard calls it, after its own.';
revoke all on function private.ads_campaign_totals(uuid, date, date) from public;

create or replace function private.ads_dashboard(p_workspace_id uuid, p_from date, p_to date, p_group_by public.ads_group_by)
returns setof private.ads_dashboard_row
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  if p_group_by is null then
    raise exception 'p_group_by is required: platform, campaign or day' using errcode = '22023';
  end if;
  if p_group_by = 'campaign' then
    return query
    select c.id::text, c.name, s.spend_cents, s.revenue_cents, s.impressions, s.clicks, s.conversions,
           case when s.spend_cents > 0 then round(s.revenue_cents::numeric / s.spend_cents, 4) end,
           case when s.conversions > 0 then round(s.spend_cents / s.conversions, 2) end,
           case when s.impressions > 0 then round(s.clicks::numeric / s.impressions, 6) end
    from private.ads_campaign_totals(p_workspace_id, p_from, p_to) s
    join public.ad_campaigns c on c.workspace_id = p_workspace_id and c.id = s.campaign_id
    order by s.spend_cents desc, c.name;
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

-- Backfill what exists: every campaign-level row as an insert.
select private.apply_ad_campaign_deltas(array_agg(m.workspace_id), array_agg(m.campaign_id), array_agg(m.day),
  array_agg(1::bigint), array_agg(m.spend_cents), array_agg(m.revenue_cents), array_agg(m.impressions), array_agg(m.clicks),
  array_agg(m.conversions))
from public.ad_metrics_daily m where m.level = 'campaign' and m.campaign_id is not null
having count(*) > 0;
