CREATE OR REPLACE FUNCTION private.refresh_ad_rollup()
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  ws uuid[];
  pf public.ad_platform[];
  dy date[];
begin
  with taken as (delete from private.ad_rollup_dirty returning workspace_id, platform, day)
  select array_agg(t.workspace_id), array_agg(t.platform), array_agg(t.day) into ws, pf, dy from taken t;
  if ws is null then
    return 0;
  end if;

  insert into public.ad_metrics_rollup_daily as r
    (workspace_id, platform, day, spend_cents, impressions, clicks, conversions, revenue_cents, campaigns, refreshed_at)
  select m.workspace_id, m.platform, m.day, sum(m.spend_cents), sum(m.impressions), sum(m.clicks),
         sum(m.conversions), sum(m.revenue_cents), count(*), now()
  from unnest(ws, pf, dy) as t (workspace_id, platform, day)
  join public.ad_metrics_daily m
    on m.workspace_id = t.workspace_id and m.platform = t.platform and m.day = t.day and m.level = 'campaign'
  group by m.workspace_id, m.platform, m.day
  on conflict (workspace_id, platform, day) do update set
    spend_cents = excluded.spend_cents, impressions = excluded.impressions, clicks = excluded.clicks,
    conversions = excluded.conversions, revenue_cents = excluded.revenue_cents, campaigns = excluded.campaigns,
    refreshed_at = excluded.refreshed_at;

  -- Days whose last campaign row went away.
  delete from public.ad_metrics_rollup_daily r
  using unnest(ws, pf, dy) as t (workspace_id, platform, day)
  where r.workspace_id = t.workspace_id and r.platform = t.platform and r.day = t.day
    and not exists (select 1 from public.ad_metrics_daily m
                    where m.workspace_id = t.workspace_id and m.platform = t.platform and m.day = t.day
                      and m.level = 'campaign');
  return cardinality(ws);
end $function$;
comment on function private.refresh_ad_rollup() is 'Incremental rollup: recomputes only the days queued in private.ad_rollup_dirty. Run hourly by pg_cron (job ads-rollup-refresh).';
grant execute on function private.refresh_ad_rollup() to service_role;
