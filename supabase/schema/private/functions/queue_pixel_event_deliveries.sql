CREATE OR REPLACE FUNCTION private.queue_pixel_event_deliveries()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  jobs jsonb;
begin
  select jsonb_agg(jsonb_build_object('workspace_id', n.workspace_id, 'connection_id', d.connection_id,
           'idempotency_key', format('%s:%s:%s:%s', d.destination, n.workspace_id, n.event_id, n.occurred_at),
           'payload', jsonb_build_object('destination', d.destination, 'event_id', n.event_id, 'occurred_at', n.occurred_at),
           'priority', case when n.event_name = 'purchase' then 10 else 100 end))
  into jobs
  from new_rows n
  join public.conversion_destinations d on d.workspace_id = n.workspace_id and d.enabled
  where (d.destination = 'meta' and n.meta_status = 'pending') or (d.destination = 'ga4' and n.ga4_status = 'pending')
     or (d.destination = 'tiktok' and n.tiktok_status = 'pending');
  if jobs is not null then
    perform private.enqueue_connector_jobs('conversions', jobs);
  end if;
  return null;
end $function$;
comment on function private.queue_pixel_event_deliveries() is 'AFTER INSERT statement trigger on pixel_events: one conversions job per new event and destination still pending, keyed by destination, workspace, event id and time (the same event is never sent twice by us).';
