-- Attribution: position-based credits from exact rational weights, and a report that does not
-- plan the credit computation when nothing is pending.
--
-- 1. The middle weight of position-based credit, 0.2 / (n - 2), was a rounded numeric (0.2 / 3 =
--    0.0666...67), so with five touches a middle touch's remainder came out a hair above the last
--    touch's equal remainder and won the leftover cent the documented tie rule gives the later
--    touch (41 of 13,880 demo pairs off by one cent). Every model's weight is now a fraction
--    num / den and cents are floor(revenue x num / den) with the remainder kept exact, so equal
--    fractions tie exactly and the tie rule decides. Time decay keeps its real-valued weights.
-- 2. attribution_report collected the conversions not yet credited and called
--    private.compute_attribution_credits inside its one query, so that query (and the inlined
--    credit computation) was planned on every call, ~2 ms of an ~8 ms report even with nothing
--    pending. It now computes pending credits first, only when there are any, and its main
--    query reads them from arrays: nothing pending, nothing computed or planned for them.

create or replace function private.compute_attribution_credits(p_conversion_ids uuid[])
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
    -- weights as exact fractions num / den: a rational model's den is its common denominator
    -- (position-based with n >= 3 touches: 2(n-2) / 5(n-2) at each end, 1 / 5(n-2) between),
    -- time decay's den is the sum of its weights
    select t.*, m.model, f.num, f.den
    from touches t
    join conv c on c.id = t.conversion_id
    cross join unnest(enum_range(null::public.attribution_model)) as m (model)
    cross join lateral (select
      case m.model
        when 'first_touch' then case when t.pos = 0 then 1 else 0 end
        when 'last_touch' then case when t.pos = t.n - 1 then 1 else 0 end
        when 'linear' then 1
        when 'time_decay' then power(0.5::numeric, t.age_days / c.half_life)
        else case when t.n <= 2 then 1 when t.pos = 0 or t.pos = t.n - 1 then 2 * (t.n - 2) else 1 end
      end::numeric as num,
      case m.model
        when 'linear' then t.n
        when 'position_based' then case when t.n <= 2 then t.n else 5 * (t.n - 2) end
        else 1
      end::numeric as den) f
  ), weighted as (
    select r.conversion_id, r.model, r.pos, r.touchpoint_id, r.occurred_at, r.channel, r.source, r.medium, r.campaign,
           r.utm_id, r.num,
           case when r.model = 'time_decay' then sum(r.num) over (partition by r.conversion_id, r.model) else r.den end as den
    from raw r
    where r.num > 0
    union all
    -- no touchpoint in the window: the order's own channel gets everything
    select c.id, m.model, 0, null, null, c.order_channel, c.order_source, c.order_medium, c.order_campaign,
           c.order_utm_id, 1::numeric, 1::numeric
    from conv c cross join unnest(enum_range(null::public.attribution_model)) as m (model)
    where not exists (select 1 from touches t where t.conversion_id = c.id)
  ), shares as (
    -- base = floor(revenue x num / den) and the remainder over den, both exact (div truncates;
    -- every term is positive), so equal fractions tie exactly
    select w.*, w.num / w.den as weight, c.workspace_id, c.occurred_at as converted_at, c.revenue_cents,
           div(c.revenue_cents * w.num, w.den)::bigint as base,
           (c.revenue_cents * w.num - div(c.revenue_cents * w.num, w.den) * w.den) / w.den as frac
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
comment on function private.compute_attribution_credits(uuid[]) is 'The five models'' credits for the given conversions from current touchpoints, identities and settings: weights per touch (exact fractions for the rational models) and cents that sum to each conversion''s revenue, leftover cents by largest exact remainder, ties to the later touch. Runs with the caller''s rights.';

create or replace function private.attribution_report(
  p_workspace_id uuid, p_from date, p_to date, p_model public.attribution_model default 'last_touch',
  p_group_by public.attribution_group_by default 'channel')
returns setof private.attribution_report_row
language plpgsql stable security definer set search_path = '' as $$
declare
  t0 timestamptz := p_from::timestamp at time zone 'UTC';
  t1 timestamptz := (p_to + 1)::timestamp at time zone 'UTC';
  pending uuid[];
  f_conv uuid[];
  f_channel public.marketing_channel[];
  f_campaign text[];
  f_utm text[];
  f_weight numeric[];
  f_credit bigint[];
begin
  perform private.check_date_range(p_workspace_id, p_from, p_to);
  if p_model is null or p_group_by is null then
    raise exception 'p_model and p_group_by are required' using errcode = '22023';
  end if;
  -- fresh reads: conversions the cron round has not credited yet are computed now, only if any
  pending := array(select c.id from public.conversions c
                   where c.workspace_id = p_workspace_id and c.credited_at is null and c.occurred_at >= t0 and c.occurred_at < t1);
  if cardinality(pending) > 0 then
    select array_agg(f.conversion_id), array_agg(f.channel), array_agg(f.campaign), array_agg(f.utm_id),
           array_agg(f.weight), array_agg(f.credit_cents)
      into f_conv, f_channel, f_campaign, f_utm, f_weight, f_credit
    from private.compute_attribution_credits(pending) f where f.model = p_model;
  end if;
  return query
  with credits as (
    select a.conversion_id, a.channel, a.campaign, a.utm_id, a.weight, a.credit_cents
    from public.attribution_credits a
    where a.workspace_id = p_workspace_id and a.model = p_model and a.converted_at >= t0 and a.converted_at < t1
    union all
    -- fresh reads: the pending conversions' credits computed above
    select f.conversion_id, f.channel, f.campaign, f.utm_id, f.weight, f.credit_cents
    from unnest(f_conv, f_channel, f_campaign, f_utm, f_weight, f_credit)
      as f (conversion_id, channel, campaign, utm_id, weight, credit_cents)
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


-- Conversions whose stored position-based credits came from an inexact middle weight (five or
-- more touches) are credited again by the next round (the report computes them meanwhile).
update public.conversions c set credited_at = null
where c.credited_at is not null
  and c.id in (select a.conversion_id from public.attribution_credits a where a.model = 'position_based'
               group by a.conversion_id having count(*) >= 5);
