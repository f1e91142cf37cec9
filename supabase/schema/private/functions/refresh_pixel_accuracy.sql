CREATE OR REPLACE FUNCTION private.refresh_pixel_accuracy(p_since timestamp with time zone DEFAULT (now() - '48:00:00'::interval), p_workspace_id uuid DEFAULT NULL::uuid)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  since timestamptz := date_trunc('hour', p_since);
  n integer;
begin
  delete from public.pixel_accuracy_hourly h
  where h.hour >= since and (p_workspace_id is null or h.workspace_id = p_workspace_id);
  insert into public.pixel_accuracy_hourly as h (workspace_id, hour, shopify_orders, tracked_orders, ga4_sent, meta_sent,
                                                 tiktok_sent, ga4_accuracy, meta_accuracy, tiktok_accuracy)
  select s.workspace_id, s.hour, s.orders, s.tracked, s.ga4, s.meta, s.tiktok,
         round(s.ga4::numeric / s.orders, 4), round(s.meta::numeric / s.orders, 4), round(s.tiktok::numeric / s.orders, 4)
  from (
    select o.workspace_id, date_trunc('hour', o.processed_at) as hour, count(*)::integer as orders,
           count(*) filter (where p.any_event)::integer as tracked,
           count(*) filter (where p.ga4)::integer as ga4,
           count(*) filter (where p.meta)::integer as meta,
           count(*) filter (where p.tiktok)::integer as tiktok
    from public.orders o
    left join lateral (
      select true as any_event, bool_or(e.ga4_status = 'sent') as ga4, bool_or(e.meta_status = 'sent') as meta,
             bool_or(e.tiktok_status = 'sent') as tiktok
      from public.pixel_events e
      where e.workspace_id = o.workspace_id and e.shopify_order_id = o.shopify_order_id and e.event_name = 'purchase'
      having count(*) > 0
    ) p on true
    where o.processed_at >= since and (p_workspace_id is null or o.workspace_id = p_workspace_id)
    group by o.workspace_id, date_trunc('hour', o.processed_at)
  ) s;
  get diagnostics n = row_count;
  return n;
end $function$;
comment on function private.refresh_pixel_accuracy(timestamp with time zone,uuid) is 'Recomputes pixel_accuracy_hourly for the hours from p_since on (default: the last 48 hours; pass ''-infinity'' to rebuild all). pg_cron runs it hourly (job pixel-accuracy).';
grant execute on function private.refresh_pixel_accuracy(timestamp with time zone,uuid) to service_role;
