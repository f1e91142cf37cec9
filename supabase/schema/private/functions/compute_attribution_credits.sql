CREATE OR REPLACE FUNCTION private.compute_attribution_credits(p_conversion_ids uuid[])
 RETURNS TABLE(workspace_id uuid, conversion_id uuid, model public.attribution_model, "position" integer, touchpoint_id bigint, touched_at timestamp with time zone, channel public.marketing_channel, source text, medium text, campaign text, utm_id text, weight numeric, credit_cents bigint, converted_at timestamp with time zone)
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
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
$function$;
comment on function private.compute_attribution_credits(uuid[]) is 'The five models'' credits for the given conversions from current touchpoints, identities and settings: weights per touch (exact fractions for the rational models) and cents that sum to each conversion''s revenue, leftover cents by largest exact remainder, ties to the later touch. Runs with the caller''s rights.';
grant execute on function private.compute_attribution_credits(uuid[]) to authenticated;
grant execute on function private.compute_attribution_credits(uuid[]) to service_role;
