CREATE OR REPLACE FUNCTION private.klaviyo_batch(p_job_id bigint, p_lease_id uuid, p_limit integer)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
  s public.klaviyo_sync_states;
  profiles jsonb;
  orders jsonb;
begin
  perform private.require_batch_size('klaviyo batch', p_limit, 500);
  j := private.touch_connector_job(p_job_id, p_lease_id, null);
  insert into public.klaviyo_sync_states (connection_id, workspace_id) values (j.connection_id, j.workspace_id)
  on conflict (connection_id) do nothing;
  select * into s from public.klaviyo_sync_states where connection_id = j.connection_id;
  select coalesce(jsonb_agg(x order by x ->> 'updated_at', x ->> 'customer_id'), '[]') into profiles from (
    select jsonb_build_object('customer_id', k.customer_id, 'email', k.email, 'phone', k.phone,
                              'external_id', c.shopify_customer_id, 'updated_at', k.updated_at) as x
    from private.customer_contacts k join public.customers c on c.id = k.customer_id and c.workspace_id = k.workspace_id
    where k.workspace_id = j.workspace_id and c.accepts_marketing
      and (s.profiles_cursor is null or (k.updated_at, k.customer_id) > (s.profiles_cursor, s.profiles_cursor_id::uuid))
    order by k.updated_at, k.customer_id limit p_limit) q;
  select coalesce(jsonb_agg(x order by x ->> 'updated_at', x ->> 'id'), '[]') into orders from (
    select jsonb_build_object('id', o.id, 'shopify_order_id', o.shopify_order_id, 'order_number', o.order_number,
             'email', k.email, 'phone', k.phone, 'external_id', c.shopify_customer_id,
             'currency', o.currency, 'total_price_cents', o.total_price_cents, 'processed_at', o.processed_at,
             'updated_at', o.updated_at,
             'items', (select coalesce(jsonb_agg(jsonb_build_object('sku', li.sku, 'title', li.title, 'quantity', li.quantity,
                                                                    'price_cents', li.price_cents, 'product_id', li.shopify_product_id)
                                                 order by li.id), '[]')
                       from public.order_line_items li where li.order_id = o.id and li.workspace_id = o.workspace_id)) as x
    from public.orders o
    join public.customers c on c.id = o.customer_id and c.workspace_id = o.workspace_id and c.accepts_marketing
    join private.customer_contacts k on k.customer_id = c.id and k.workspace_id = c.workspace_id and k.email is not null
    where o.workspace_id = j.workspace_id and o.cancelled_at is null
      and (s.orders_cursor is null or (o.updated_at, o.id) > (s.orders_cursor, s.orders_cursor_id::uuid))
    order by o.updated_at, o.id limit p_limit) q;
  return jsonb_build_object('profiles', profiles, 'orders', orders);
end $function$;
comment on function private.klaviyo_batch(bigint,uuid,integer) is 'The klaviyo-sync worker''s read under its lease: up to p_limit consenting customers (contact and Shopify id) changed after the profile cursor, and up to p_limit orders of consenting customers updated after the order cursor, oldest first.';
grant execute on function private.klaviyo_batch(bigint,uuid,integer) to service_role;
