CREATE OR REPLACE FUNCTION public.record_pixel_events(p_workspace_id uuid, p_events jsonb)
 RETURNS TABLE(inserted integer, updated integer)
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  oldest timestamptz;
  bad record;
  known integer;
begin
  if private.is_end_user() then
    raise exception 'pixel events are recorded by the server-side pixel (service role) only' using errcode = '42501';
  end if;
  if p_workspace_id is null or jsonb_typeof(p_events) is distinct from 'array' then
    raise exception 'p_workspace_id and p_events (a JSON array of events) are required' using errcode = '22023';
  end if;
  perform private.require_batch_size('pixel events', jsonb_array_length(p_events), 1000);
  if not exists (select 1 from public.workspaces w where w.id = p_workspace_id) then
    raise exception 'no such workspace' using errcode = 'PT404';
  end if;
  select date_trunc('month', now()) - make_interval(months => t.retention_months) into oldest
  from private.partitioned_tables t where t.parent = 'public.pixel_events'::regclass;
  select e.ordinality - 1 as idx, private.pixel_event_problem(e.value, oldest) as problem into bad
  from jsonb_array_elements(p_events) with ordinality e
  where private.pixel_event_problem(e.value, oldest) is not null
  order by e.ordinality limit 1;
  if found then
    raise exception 'events[%].%', bad.idx, bad.problem using errcode = '22023';
  end if;
  select min(e.ordinality - 1) as idx into bad from jsonb_array_elements(p_events) with ordinality e
  group by e.value ->> 'event_id', (e.value ->> 'occurred_at')::timestamptz having count(*) > 1 limit 1;
  if found then
    raise exception 'events[%]: the same event_id and occurred_at appear more than once in the batch', bad.idx
      using errcode = '22023';
  end if;

  -- (xmax is not available from a partitioned table's RETURNING: count the known ones first)
  select count(*) into known from jsonb_array_elements(p_events) e
  join public.pixel_events t on t.workspace_id = p_workspace_id and t.event_id = e.value ->> 'event_id'
   and t.occurred_at = (e.value ->> 'occurred_at')::timestamptz;
  insert into public.pixel_events as t (workspace_id, event_id, event_name, visitor_id, shopify_order_id, value_cents,
                                          currency, ga4_status, meta_status, tiktok_status, last_error, occurred_at)
    select p_workspace_id, e ->> 'event_id', e ->> 'event_name', e ->> 'visitor_id', e ->> 'shopify_order_id',
           (e ->> 'value_cents')::bigint, e ->> 'currency',
           coalesce((e ->> 'ga4_status')::public.pixel_delivery_status, 'pending'),
           coalesce((e ->> 'meta_status')::public.pixel_delivery_status, 'pending'),
           coalesce((e ->> 'tiktok_status')::public.pixel_delivery_status, 'pending'),
           e ->> 'error', (e ->> 'occurred_at')::timestamptz
    from jsonb_array_elements(p_events) e
    on conflict (workspace_id, event_id, occurred_at) do update set
      -- a report of pending (or none) never undoes a known outcome
      ga4_status = case when excluded.ga4_status = 'pending' then t.ga4_status else excluded.ga4_status end,
      meta_status = case when excluded.meta_status = 'pending' then t.meta_status else excluded.meta_status end,
      tiktok_status = case when excluded.tiktok_status = 'pending' then t.tiktok_status else excluded.tiktok_status end,
      last_error = coalesce(excluded.last_error, t.last_error),
      visitor_id = coalesce(excluded.visitor_id, t.visitor_id),
      shopify_order_id = coalesce(excluded.shopify_order_id, t.shopify_order_id),
      value_cents = coalesce(excluded.value_cents, t.value_cents),
      currency = coalesce(excluded.currency, t.currency);
  return query select jsonb_array_length(p_events) - known, known;
end $function$;
comment on function public.record_pixel_events(uuid,jsonb) is 'Server-side pixel (service role): records up to 1000 pixel events, or updates their delivery statuses (same event_id and occurred_at; a pending status never replaces sent/failed/skipped). All or nothing: 22023 naming the row and field, PT413 over 1000, 42501 for other roles. Returns counts inserted and updated.';
grant execute on function public.record_pixel_events(uuid,jsonb) to authenticated;
grant execute on function public.record_pixel_events(uuid,jsonb) to service_role;
