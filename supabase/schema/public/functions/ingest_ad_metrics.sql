CREATE OR REPLACE FUNCTION public.ingest_ad_metrics(p_workspace_id uuid, p_rows jsonb)
 RETURNS TABLE(inserted integer, updated integer)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  batch private.ad_metric_row[];
  bad record;
begin
  if p_workspace_id is null then
    raise exception 'p_workspace_id is required' using errcode = '22023';
  end if;
  if jsonb_typeof(p_rows) is distinct from 'array' then
    raise exception 'p_rows must be a JSON array of metric rows' using errcode = '22023';
  end if;
  perform private.require_batch_size('metric rows', jsonb_array_length(p_rows), 5000);
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;

  select array_agg(b) into batch from private.ad_metric_batch(p_workspace_id, p_rows) b;
  select b.idx, b.problem into bad from unnest(batch) b where b.problem is not null order by b.idx limit 1;
  if found then
    raise exception 'rows[%].%', bad.idx, bad.problem using errcode = '22023';
  end if;
  select min(b.idx) as idx into bad from unnest(batch) b
  group by b.object_id, b.day having count(*) > 1 order by 1 limit 1;
  if found then
    raise exception 'rows[%]: the same object and day appear more than once in the batch', bad.idx using errcode = '22023';
  end if;

  return query
  with up as (
    insert into public.ad_metrics_daily as m (
      workspace_id, platform, level, object_id, ad_account_id, campaign_id, ad_group_id, ad_id, day, currency,
      spend_cents, impressions, clicks, conversions, revenue_cents)
    select p_workspace_id, b.platform, b.level, b.object_id, b.ad_account_id, b.campaign_id, b.ad_group_id, b.ad_id,
           b.day, b.currency, b.spend_cents, b.impressions, b.clicks, b.conversions, b.revenue_cents
    from unnest(batch) b
    on conflict (workspace_id, object_id, day) do update set
      currency = excluded.currency, spend_cents = excluded.spend_cents, impressions = excluded.impressions,
      clicks = excluded.clicks, conversions = excluded.conversions, revenue_cents = excluded.revenue_cents,
      ad_account_id = excluded.ad_account_id, campaign_id = excluded.campaign_id, ad_group_id = excluded.ad_group_id
    returning (m.xmax = 0) as was_insert
  )
  select (count(*) filter (where up.was_insert))::integer, (count(*) filter (where not up.was_insert))::integer from up;
end $function$;
comment on function public.ingest_ad_metrics(uuid,jsonb) is 'Upserts a batch of daily metric rows (at most 5,000; PT413 above) for one workspace, keyed by (workspace, object, day); rejects the whole batch (22023, naming row and field) if any row is invalid or names an object not in this workspace. Returns counts inserted and updated. For service_role (connectors) and members.';
grant execute on function public.ingest_ad_metrics(uuid,jsonb) to authenticated;
grant execute on function public.ingest_ad_metrics(uuid,jsonb) to service_role;
