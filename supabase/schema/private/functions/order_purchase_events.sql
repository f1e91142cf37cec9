CREATE OR REPLACE FUNCTION private.order_purchase_events()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not exists (select 1 from public.conversion_destinations c
                 where c.workspace_id in (select n.workspace_id from new_orders n) and c.enabled) then
    return null;
  end if;
  insert into public.pixel_events (workspace_id, event_id, event_name, visitor_id, shopify_order_id, value_cents, currency,
                                   occurred_at, marketing_consent, user_data)
  select o.workspace_id, o.shopify_order_id, 'purchase', o.visitor_id, o.shopify_order_id, o.total_price_cents, o.currency,
    o.processed_at,
    (select e.marketing_consent from public.pixel_events e
     where e.workspace_id = o.workspace_id and e.visitor_id = o.visitor_id and e.marketing_consent is not null
     order by e.occurred_at desc limit 1),
    jsonb_strip_nulls(jsonb_build_object(
      'em', o.email_sha256, 'ph', cu.phone_sha256,
      'external_id', case when cu.shopify_customer_id is not null then private.sha256_hex(cu.shopify_customer_id) end,
      'fbc', case when o.fbclid is not null
                  then format('fb.1.%s.%s', (extract(epoch from o.processed_at) * 1000)::bigint, o.fbclid) end,
      'ttclid', o.ttclid, 'gclid', o.gclid, 'ga_client_id', o.visitor_id,
      'page_url', case when o.landing_site ~ '^https?://' then left(o.landing_site, 2048) end))
  from new_orders o
  left join public.customers cu on cu.workspace_id = o.workspace_id and cu.id = o.customer_id
  where o.cancelled_at is null
    and exists (select 1 from public.conversion_destinations c where c.workspace_id = o.workspace_id and c.enabled)
    and not exists (select 1 from public.pixel_events e where e.workspace_id = o.workspace_id
                    and e.shopify_order_id = o.shopify_order_id and e.event_name = 'purchase')
  on conflict (workspace_id, event_id, occurred_at) do nothing;
  return null;
end $function$;
comment on function private.order_purchase_events() is 'AFTER INSERT statement trigger on orders, in workspaces with conversion destinations: a purchase pixel event per new uncancelled order (event_id = the Shopify order id, as the browser pixel sends it; value and currency of the order; hashed email, phone and customer id, click ids, the visitor''s last known consent), unless the order already has one.';
