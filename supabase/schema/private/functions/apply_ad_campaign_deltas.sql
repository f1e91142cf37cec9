CREATE OR REPLACE FUNCTION private.apply_ad_campaign_deltas(p_workspace_ids uuid[], p_campaign_ids uuid[], p_days date[], p_rows bigint[], p_spend bigint[], p_revenue bigint[], p_impressions bigint[], p_clicks bigint[], p_conversions numeric[])
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
 SET enable_hashjoin TO 'off'
 SET enable_mergejoin TO 'off'
 SET enable_seqscan TO 'off'
AS $function$
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
end $function$;
comment on function private.apply_ad_campaign_deltas(uuid[],uuid[],date[],bigint[],bigint[],bigint[],bigint[],bigint[],numeric[]) is 'Adds signed per-(campaign, day) differences of campaign-level metrics to the campaigns'' running totals, extending their dense day spans as needed. Called by the ad_metrics_daily statement triggers.';
