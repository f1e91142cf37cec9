CREATE OR REPLACE FUNCTION private.write_ad_metric_rows(p_workspace_id uuid, p_rows private.ad_metric_row[])
 RETURNS TABLE(inserted integer, updated integer)
 LANGUAGE sql
 SET search_path TO ''
AS $function$
  with up as (
    insert into public.ad_metrics_daily as m (
      workspace_id, platform, level, object_id, ad_account_id, campaign_id, ad_group_id, ad_id, day, currency,
      spend_cents, impressions, clicks, conversions, revenue_cents)
    select p_workspace_id, b.platform, b.level, b.object_id, b.ad_account_id, b.campaign_id, b.ad_group_id, b.ad_id,
           b.day, b.currency, b.spend_cents, b.impressions, b.clicks, b.conversions, b.revenue_cents
    from unnest(p_rows) b
    on conflict (workspace_id, object_id, day) do update set
      currency = excluded.currency, spend_cents = excluded.spend_cents, impressions = excluded.impressions,
      clicks = excluded.clicks, conversions = excluded.conversions, revenue_cents = excluded.revenue_cents,
      ad_account_id = excluded.ad_account_id, campaign_id = excluded.campaign_id, ad_group_id = excluded.ad_group_id
    returning (m.xmax = 0) as was_insert
  )
  select (count(*) filter (where up.was_insert))::integer, (count(*) filter (where not up.was_insert))::integer from up
$function$;
comment on function private.write_ad_metric_rows(uuid,private.ad_metric_row[]) is 'Upserts daily metric rows already validated and resolved (private.ad_metric_row) into ad_metrics_daily, keyed by (workspace, object, day); returns counts inserted and updated. The one write under public.ingest_ad_metrics and the ads sync; runs as its caller.';
grant execute on function private.write_ad_metric_rows(uuid,private.ad_metric_row[]) to authenticated;
grant execute on function private.write_ad_metric_rows(uuid,private.ad_metric_row[]) to service_role;
