CREATE OR REPLACE FUNCTION private.orders_to_conversions()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  delete from public.conversions c using changed n where c.order_id = n.id and n.cancelled_at is not null;

  -- Each customer's identity (made when missing).
  insert into public.customer_identities as i (workspace_id, customer_id, first_seen_at, last_seen_at)
  select n.workspace_id, n.customer_id, min(n.processed_at), max(n.processed_at)
  from changed n where n.cancelled_at is null and n.customer_id is not null
  group by n.workspace_id, n.customer_id
  on conflict (customer_id) do update set last_seen_at = greatest(i.last_seen_at, excluded.last_seen_at);

  -- Visitors: an order with a customer links its visitor to the customer's identity (the latest
  -- identification wins); without one it only widens the visitor's seen range.
  with seen as (
    select distinct on (n.workspace_id, n.visitor_id)
           n.workspace_id, n.visitor_id, i.id as identity_id,
           min(n.processed_at) over w as first_at, max(n.processed_at) over w as last_at,
           case when i.id is not null then n.processed_at end as identified_at
    from changed n left join public.customer_identities i on i.customer_id = n.customer_id
    where n.cancelled_at is null and n.visitor_id is not null
    window w as (partition by n.workspace_id, n.visitor_id)
    order by n.workspace_id, n.visitor_id, (i.id is not null) desc, n.processed_at desc
  ), up as (
    insert into public.visitors as v (workspace_id, visitor_id, identity_id, first_seen_at, last_seen_at, identified_at)
    select s.workspace_id, s.visitor_id, s.identity_id, s.first_at, s.last_at, s.identified_at from seen s
    on conflict (workspace_id, visitor_id) do update set
      identity_id = coalesce(excluded.identity_id, v.identity_id),
      identified_at = coalesce(excluded.identified_at, v.identified_at),
      first_seen_at = least(v.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(v.last_seen_at, excluded.last_seen_at)
    where (excluded.identity_id is not null and v.identity_id is distinct from excluded.identity_id)
       or v.first_seen_at > excluded.first_seen_at or v.last_seen_at < excluded.last_seen_at
    returning v.identity_id, v.first_seen_at
  )
  update public.customer_identities i set first_seen_at = f.first_at
  from (select up.identity_id, min(up.first_seen_at) as first_at from up where up.identity_id is not null group by 1) f
  where i.id = f.identity_id and i.first_seen_at > f.first_at;

  insert into public.conversions as c (
    workspace_id, order_id, customer_id, identity_id, visitor_id, revenue_cents, currency,
    order_channel, order_source, order_medium, order_campaign, order_utm_id, occurred_at)
  select n.workspace_id, n.id, n.customer_id, i.id, n.visitor_id,
         greatest(n.total_price_cents - n.total_refunded_cents, 0), n.currency,
         private.classify_channel(n.utm_source, n.utm_medium, n.gclid, n.fbclid, n.ttclid, n.referring_site),
         coalesce(n.utm_source, private.url_host(n.referring_site)), n.utm_medium, n.utm_campaign,
         coalesce(private.url_param(n.landing_site, 'utm_id'), private.url_param(n.landing_site, 'campaign_id')),
         n.processed_at
  from changed n left join public.customer_identities i on i.customer_id = n.customer_id
  where n.cancelled_at is null
  on conflict (order_id) do update set
    customer_id = excluded.customer_id, identity_id = excluded.identity_id, visitor_id = excluded.visitor_id,
    revenue_cents = excluded.revenue_cents, currency = excluded.currency, order_channel = excluded.order_channel,
    order_source = excluded.order_source, order_medium = excluded.order_medium, order_campaign = excluded.order_campaign,
    order_utm_id = excluded.order_utm_id, occurred_at = excluded.occurred_at,
    credited_at = null
  where (c.customer_id, c.identity_id, c.visitor_id, c.revenue_cents, c.currency, c.order_channel, c.order_source,
         c.order_medium, c.order_campaign, c.order_utm_id, c.occurred_at)
        is distinct from
        (excluded.customer_id, excluded.identity_id, excluded.visitor_id, excluded.revenue_cents, excluded.currency,
         excluded.order_channel, excluded.order_source, excluded.order_medium, excluded.order_campaign,
         excluded.order_utm_id, excluded.occurred_at);
  return null;
end $function$;
comment on function private.orders_to_conversions() is 'AFTER INSERT/UPDATE statement trigger on orders: keeps each order''s conversion (removed when cancelled; pending again, credited_at null, when its revenue, customer, visitor or time changes) and stitches orders'' visitors to their customers, set-based.';
