CREATE OR REPLACE FUNCTION private.ad_campaign_rows_changed()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.ad_campaign_rows_changed() is 'Statement triggers on ad_metrics_daily: passes the campaign-level rows'' differences to private.apply_ad_campaign_deltas.';
