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

  return query select * from private.write_ad_metric_rows(p_workspace_id, batch);
end $function$;
comment on function public.ingest_ad_metrics(uuid,jsonb) is 'Upserts a batch of daily metric rows (at most 5,000; PT413 above) for one workspace, keyed by (workspace, object, day); rejects the whole batch (22023, naming row and field) if any row is invalid or names an object not in this workspace. Returns counts inserted and updated. For service_role (connectors) and members.';
grant execute on function public.ingest_ad_metrics(uuid,jsonb) to authenticated;
grant execute on function public.ingest_ad_metrics(uuid,jsonb) to service_role;
