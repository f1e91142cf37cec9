-- Attribution credits: each conversion's revenue split over its journey by five models, to the
-- cent, computed incrementally by pg_cron; and the report of attributed revenue, conversions and
-- ROAS per channel or campaign against ad spend.
--
-- Journey: the touchpoints of the conversion's visitor and of every visitor of its identity, in
-- (occurred_at - lookback, occurred_at], ordered by time (then id). Models:
--   first_touch     all to the first touch
--   last_touch      all to the last touch
--   linear          equal shares
--   time_decay      weight 0.5 ^ (days before the conversion / half-life), normalised
--   position_based  40% first, 40% last, 20% shared by the middle (50/50 for two touches, all for one)
-- Cents: each touch gets floor(revenue x weight); the cents left over go one each to the touches
-- with the largest remainders (ties: the later touch, then the higher touchpoint id), so every
-- conversion's credits sum to its revenue exactly for every model. A conversion without
-- touchpoints credits its own order's channel (utm fields, click ids, referring site; else direct).

create type public.attribution_model as enum ('first_touch', 'last_touch', 'linear', 'time_decay', 'position_based');
comment on type public.attribution_model is 'How a conversion''s revenue is split over its journey.';
create type public.attribution_group_by as enum ('channel', 'campaign');
comment on type public.attribution_group_by is 'How attribution_report groups its rows.';

create table public.attribution_credits (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  conversion_id uuid not null references public.conversions (id) on delete cascade,
  model public.attribution_model not null,
  position integer not null check (position >= 0),
  touchpoint_id bigint,
  touched_at timestamptz,
  channel public.marketing_channel not null,
  source text,
  medium text,
  campaign text,
  utm_id text,
  weight numeric(13, 12) not null check (weight > 0 and weight <= 1),
  credit_cents bigint not null check (credit_cents >= 0),
  converted_at timestamptz not null,
  created_at timestamptz not null default now(),
  primary key (conversion_id, model, position)
);
comment on table public.attribution_credits is 'A conversion''s revenue split over its touchpoints, per model; for every conversion and model the credits sum to its revenue_cents. Written by private.credit_conversions() (pg_cron); a changed conversion loses its credits until the next round.';
comment on column public.attribution_credits.position is 'Index of the touch in the journey (0 = first); 0 for a conversion credited to its own order''s channel.';
comment on column public.attribution_credits.touchpoint_id is 'touchpoints.id of the credited touch (no foreign key: touchpoints are partitioned and expire); null when the order''s own channel is credited.';
comment on column public.attribution_credits.weight is 'Share of the revenue the model gives this touch (the weights of a conversion and model sum to 1).';
comment on column public.attribution_credits.converted_at is 'The conversion''s time, copied for date-range reports.';
create index attribution_credits_report_idx on public.attribution_credits (workspace_id, model, converted_at);

-- A conversion that became pending again (revenue, customer, visitor or time changed) loses its credits.
create function private.drop_stale_credits() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  delete from public.attribution_credits where conversion_id = new.id;
  return null;
end $$;
comment on function private.drop_stale_credits() is 'AFTER UPDATE on conversions when credited_at becomes null: removes its credits so the next credit round recomputes them.';
revoke all on function private.drop_stale_credits() from public;
create trigger drop_stale_credits after update of credited_at on public.conversions
  for each row when (old.credited_at is not null and new.credited_at is null)
  execute function private.drop_stale_credits();

-- The credits of the given conversions for all five models, computed from current data. Used by
-- the cron round to store them and by the report for conversions not yet stored.
create function private.compute_attribution_credits(p_conversion_ids uuid[])
returns table (
  workspace_id uuid, conversion_id uuid, model public.attribution_model, "position" integer, touchpoint_id bigint,
  touched_at timestamptz, channel public.marketing_channel, source text, medium text, campaign text, utm_id text,
  weight numeric, credit_cents bigint, converted_at timestamptz)
language sql stable set search_path = '' as $$
  with conv as (
    select c.id, c.workspace_id, c.visitor_id, c.identity_id, c.revenue_cents, c.occurred_at,
           c.order_channel, c.order_source, c.order_medium, c.order_campaign, c.order_utm_id,
           coalesce(s.lookback_days, 30) as lookback_days, coalesce(s.time_decay_half_life_days, 7)::numeric as half_life
    from public.conversions c
    left join public.attribution_settings s on s.workspace_id = c.workspace_id
    where c.id = any (p_conversion_ids)
  ), journey_visitors as (
    select c.id as conversion_id, c.visitor_id from conv c where c.visitor_id is not null
    union
    select c.id, v.visitor_id from conv c
    join public.visitors v on v.workspace_id = c.workspace_id and v.identity_id = c.identity_id
  ), touches as (
    select c.id as conversion_id, t.id as touchpoint_id, t.occurred_at, t.channel, t.source, t.medium, t.campaign, t.utm_id,
           (row_number() over w - 1)::integer as pos, count(*) over (partition by c.id) as n,
           extract(epoch from c.occurred_at - t.occurred_at) / 86400 as age_days
    from conv c
    join journey_visitors j on j.conversion_id = c.id
    join public.touchpoints t on t.workspace_id = c.workspace_id and t.visitor_id = j.visitor_id
      and t.occurred_at <= c.occurred_at and t.occurred_at > c.occurred_at - make_interval(days => c.lookback_days)
    window w as (partition by c.id order by t.occurred_at, t.id)
  ), raw as (
    select t.*, m.model,
           case m.model
             when 'first_touch' then case when t.pos = 0 then 1 else 0 end
             when 'last_touch' then case when t.pos = t.n - 1 then 1 else 0 end
             when 'linear' then 1
             when 'time_decay' then power(0.5::numeric, t.age_days / c.half_life)
             else case when t.n = 1 then 1 when t.n = 2 then 0.5
                       when t.pos = 0 or t.pos = t.n - 1 then 0.4 else 0.2 / (t.n - 2) end
           end::numeric as w
    from touches t
    join conv c on c.id = t.conversion_id
    cross join unnest(enum_range(null::public.attribution_model)) as m (model)
  ), weighted as (
    select r.conversion_id, r.model, r.pos, r.touchpoint_id, r.occurred_at, r.channel, r.source, r.medium, r.campaign,
           r.utm_id, r.w / sum(r.w) over (partition by r.conversion_id, r.model) as weight
    from raw r
    where r.w > 0
    union all
    -- no touchpoint in the window: the order's own channel gets everything
    select c.id, m.model, 0, null, null, c.order_channel, c.order_source, c.order_medium, c.order_campaign,
           c.order_utm_id, 1::numeric
    from conv c cross join unnest(enum_range(null::public.attribution_model)) as m (model)
    where not exists (select 1 from touches t where t.conversion_id = c.id)
  ), shares as (
    select w.*, c.workspace_id, c.occurred_at as converted_at, c.revenue_cents,
           floor(c.revenue_cents * w.weight)::bigint as base,
           c.revenue_cents * w.weight - floor(c.revenue_cents * w.weight) as frac
    from weighted w join conv c on c.id = w.conversion_id
  ), ranked as (
    select s.*,
           s.revenue_cents - sum(s.base) over (partition by s.conversion_id, s.model) as leftover,
           row_number() over (partition by s.conversion_id, s.model
                              order by s.frac desc, s.pos desc, s.touchpoint_id desc nulls last) as rk
    from shares s
  )
  select r.workspace_id, r.conversion_id, r.model, r.pos, r.touchpoint_id, r.occurred_at, r.channel, r.source,
         r.medium, r.campaign, r.utm_id, round(r.weight, 12),
         r.base + case when r.rk <= r.leftover then 1 else 0 end, r.converted_at
  from ranked r
$$;
comment on function private.compute_attribution_credits(uuid[]) is 'The five models'' credits for the given conversions from current touchpoints, identities and settings: weights per touch and cents that sum to each conversion''s revenue. Runs with the caller''s rights.';
revoke all on function private.compute_attribution_credits(uuid[]) from public;
grant execute on function private.compute_attribution_credits(uuid[]) to authenticated, service_role;

-- One credit round: up to p_limit pending conversions, oldest first; returns how many it credited.
create function private.credit_conversions(p_limit integer default 5000) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  ids uuid[];
begin
  select array_agg(p.id) into ids from (
    select c.id from public.conversions c where c.credited_at is null
    order by c.created_at limit p_limit
    for update skip locked
  ) p;
  if ids is null then
    return 0;
  end if;
  delete from public.attribution_credits where conversion_id = any (ids);
  insert into public.attribution_credits (workspace_id, conversion_id, model, position, touchpoint_id, touched_at, channel,
                                          source, medium, campaign, utm_id, weight, credit_cents, converted_at)
  select * from private.compute_attribution_credits(ids);
  update public.conversions set credited_at = now() where id = any (ids);
  return cardinality(ids);
end $$;
comment on function private.credit_conversions(integer) is 'Incremental attribution: stores the credits of up to p_limit pending conversions (credited_at null) and marks them credited. pg_cron runs it every 10 minutes (job attribution-credits).';
revoke all on function private.credit_conversions(integer) from public;
grant execute on function private.credit_conversions(integer) to service_role;

-- Full recomputation (after changing settings, or to check the incremental path).
create function private.rebuild_attribution_credits(p_workspace_id uuid default null) returns integer
language plpgsql volatile security definer set search_path = '' as $$
declare
  n integer := 0;
  k integer;
begin
  update public.conversions set credited_at = null
  where (p_workspace_id is null or workspace_id = p_workspace_id) and credited_at is not null;
  loop
    k := private.credit_conversions(5000);
    n := n + k;
    exit when k = 0;
  end loop;
  return n;
end $$;
comment on function private.rebuild_attribution_credits(uuid) is 'Recredits every conversion (of one workspace, or all) from scratch; returns how many.';
revoke all on function private.rebuild_attribution_credits(uuid) from public;
grant execute on function private.rebuild_attribution_credits(uuid) to service_role;

select cron.schedule('attribution-credits', '*/10 * * * *', 'select private.credit_conversions()');

-- ===== report
create type public.attribution_report_row as (
  key text,
  label text,
  channel public.marketing_channel,
  ad_campaign_id uuid,
  attributed_revenue_cents bigint,
  conversions numeric,
  spend_cents bigint,
  roas numeric
);
comment on type public.attribution_report_row is 'One row of attribution_report: a channel or campaign with attributed revenue, credited conversions, ad spend and ROAS (null without spend). key, label, attributed_revenue_cents and conversions are never null.';

create function private.ad_platform_channel(p_platform public.ad_platform) returns public.marketing_channel
language sql immutable parallel safe set search_path = '' as $$
  select case p_platform when 'google' then 'paid_search' when 'organic' then 'organic_social'
                         else 'paid_social' end::public.marketing_channel
$$;
comment on function private.ad_platform_channel(public.ad_platform) is 'The channel an ad platform''s spend counts under in the channel report: Google paid search; Meta, TikTok, Pinterest paid social; organic posts organic social.';
revoke all on function private.ad_platform_channel(public.ad_platform) from public;
grant execute on function private.ad_platform_channel(public.ad_platform) to authenticated, service_role;

create function public.attribution_report(
  p_workspace_id uuid, p_from date, p_to date, p_model public.attribution_model default 'last_touch',
  p_group_by public.attribution_group_by default 'channel')
returns setof public.attribution_report_row
language plpgsql stable set search_path = '' as $$
declare
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
comment on function public.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by) is 'Attributed revenue, credited conversions, ad spend and ROAS per channel or per campaign for conversions (and spend days) in [p_from, p_to] (UTC days) under one model. Campaigns join ad_campaigns by utm_id = external_id, then utm_campaign, then utm_campaign = external_id; channel spend maps ad platforms to channels. Conversions not yet credited by the cron round are computed on the fly. Viewers of the workspace; assumes one currency per workspace.';
grant execute on function public.attribution_report(uuid, date, date, public.attribution_model, public.attribution_group_by)
  to authenticated, service_role;

alter table public.attribution_credits enable row level security;
grant select on public.attribution_credits to authenticated;
grant all on public.attribution_credits to service_role;
create policy "viewers read attribution credits" on public.attribution_credits for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
select private.install_tenant_guard('public.attribution_credits');
