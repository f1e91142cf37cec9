CREATE OR REPLACE FUNCTION private.attribution_report(p_workspace_id uuid, p_from date, p_to date, p_model public.attribution_model DEFAULT 'last_touch'::public.attribution_model, p_group_by public.attribution_group_by DEFAULT 'channel'::public.attribution_group_by)
 RETURNS SETOF private.attribution_report_row
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.attribution_report(uuid,date,date,public.attribution_model,public.attribution_group_by) is 'What public.attribution_report returns, read as the owner after one membership check (see the header).';
grant execute on function private.attribution_report(uuid,date,date,public.attribution_model,public.attribution_group_by) to authenticated;
grant execute on function private.attribution_report(uuid,date,date,public.attribution_model,public.attribution_group_by) to service_role;
