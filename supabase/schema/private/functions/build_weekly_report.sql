CREATE OR REPLACE FUNCTION private.build_weekly_report(p_workspace_id uuid, p_week_start date)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  from_ts timestamptz := p_week_start::timestamp at time zone 'UTC';
  to_ts timestamptz := (p_week_start + 7)::timestamp at time zone 'UTC';
  cur char(3);
  rid uuid;
  was_insert boolean;
begin
  if p_week_start is null or extract(isodow from p_week_start) <> 1 then
    raise exception 'week_start must be a Monday (got %)', p_week_start using errcode = '22023';
  end if;
  select coalesce((select c.currency from public.autopilot_configs c where c.workspace_id = p_workspace_id), 'USD') into cur;

  insert into public.autopilot_weekly_reports as r (
    workspace_id, week_start, currency, total_leads_generated, converted_leads, leads_by_source, total_spend_cents,
    total_revenue_cents, conversions, roas, roi, top_performing_channel, channel_breakdown, generated_at)
  with ch as (
    select m.platform, sum(m.spend_cents)::bigint as spend, sum(m.revenue_cents)::bigint as revenue,
           sum(m.conversions) as conversions
    from public.ad_metrics_rollup_daily m
    where m.workspace_id = p_workspace_id and m.day between p_week_start and p_week_start + 6
    group by m.platform
  ), tot as (
    select coalesce(sum(ch.spend), 0)::bigint as spend, coalesce(sum(ch.revenue), 0)::bigint as revenue,
           coalesce(sum(ch.conversions), 0) as conversions,
           (select ch2.platform from ch ch2 where ch2.revenue > 0 order by ch2.revenue desc, ch2.spend, ch2.platform::text limit 1) as top,
           coalesce(jsonb_agg(jsonb_build_object('platform', ch.platform, 'spend_cents', ch.spend, 'revenue_cents', ch.revenue,
                                                 'conversions', ch.conversions,
                                                 'roas', case when ch.spend > 0 then round(ch.revenue::numeric / ch.spend, 4) end)
                              order by ch.revenue desc, ch.spend, ch.platform::text), '[]'::jsonb) as breakdown
    from ch
  ), ld as (
    select count(*)::integer as n, (count(*) filter (where l.status = 'converted'))::integer as converted
    from public.leads l
    where l.workspace_id = p_workspace_id and l.created_at >= from_ts and l.created_at < to_ts
  ), src as (
    select coalesce(jsonb_object_agg(s.source, s.n), '{}'::jsonb) as by_source
    from (select l.source::text as source, count(*) as n from public.leads l
          where l.workspace_id = p_workspace_id and l.created_at >= from_ts and l.created_at < to_ts
          group by 1) s
  )
  select p_workspace_id, p_week_start, cur, ld.n, ld.converted, src.by_source, tot.spend, tot.revenue, tot.conversions,
         case when tot.spend > 0 then round(tot.revenue::numeric / tot.spend, 4) end,
         case when tot.spend > 0 then round((tot.revenue - tot.spend)::numeric / tot.spend, 4) end,
         tot.top, tot.breakdown, now()
  from tot, ld, src
  on conflict (workspace_id, week_start) do update set
    currency = excluded.currency, total_leads_generated = excluded.total_leads_generated,
    converted_leads = excluded.converted_leads, leads_by_source = excluded.leads_by_source,
    total_spend_cents = excluded.total_spend_cents, total_revenue_cents = excluded.total_revenue_cents,
    conversions = excluded.conversions, roas = excluded.roas, roi = excluded.roi,
    top_performing_channel = excluded.top_performing_channel, channel_breakdown = excluded.channel_breakdown,
    generated_at = excluded.generated_at
  where (r.currency, r.total_leads_generated, r.converted_leads, r.leads_by_source, r.total_spend_cents,
         r.total_revenue_cents, r.conversions, r.roas, r.roi, r.top_performing_channel, r.channel_breakdown)
        is distinct from
        (excluded.currency, excluded.total_leads_generated, excluded.converted_leads, excluded.leads_by_source,
         excluded.total_spend_cents, excluded.total_revenue_cents, excluded.conversions, excluded.roas, excluded.roi,
         excluded.top_performing_channel, excluded.channel_breakdown)
  returning r.id, (r.xmax = 0) into rid, was_insert;

  if rid is null then
    -- nothing changed: the report is already right
    select r.id into rid from public.autopilot_weekly_reports r
    where r.workspace_id = p_workspace_id and r.week_start = p_week_start;
    return rid;
  end if;
  perform private.log_autopilot_activity(p_workspace_id, 'report_generated',
    format('Weekly report for the week of %s %s', to_char(p_week_start, 'YYYY-MM-DD'),
           case when was_insert then 'generated' else 'updated' end),
    'autopilot_weekly_reports', rid, jsonb_build_object('week_start', p_week_start));
  return rid;
end $function$;
comment on function private.build_weekly_report(uuid,date) is 'Builds or refreshes one workspace''s weekly report (22023 unless p_week_start is a Monday); returns its id. Idempotent: an unchanged week is left as it is and logged once.';
grant execute on function private.build_weekly_report(uuid,date) to service_role;
