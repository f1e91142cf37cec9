-- Demo integrations: the Shopify shop, the Meta and Google Ads accounts connected (tokens are
-- FAKE, encrypted with the local-only key so the local functions can decrypt them), an outbound
-- webhook endpoint with some delivery history, and inbound webhook history.
insert into public.integration_connections (id, workspace_id, provider, external_account_id, status, scopes, expires_at,
                                            connected_by, last_refreshed_at, metadata)
values
  ('40000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'shopify', 'demo-brand.myshopify.com', 'active',
   '{read_orders,read_products,read_customers,read_inventory}', null, '00000000-0000-4000-8000-000000000002', null,
   '{"connected_via": "oauth", "shop_name": "Demo Brand"}'),
  ('40000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'meta', 'act_1029384756', 'active',
   '{ads_read,business_management}', now() + interval '50 days', '00000000-0000-4000-8000-000000000002', null,
   '{"connected_via": "oauth"}'),
  ('40000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'google_ads', '123-456-7890', 'active',
   '{https://www.googleapis.com/auth/adwords}', now() + interval '40 minutes', '00000000-0000-4000-8000-000000000002', now() - interval '20 minutes',
   '{"connected_via": "oauth"}')
on conflict do nothing;

insert into private.integration_tokens (connection_id, access_token_ciphertext, refresh_token_ciphertext, key_id) values
  ('40000000-0000-4000-8000-000000000001', 'v1.local1.WzgEuvei6JVuIxpl.xjsDRvmjwReEGpC2yvHyV6CIbBMqWXVbaldJdIPznZc_VIsbvPs-2nS_RhZyj15z7-Ki7bGJ', null, 'local1'),
  ('40000000-0000-4000-8000-000000000002', 'v1.local1.KonIEJRLYJsS-rbE._inR_aYxogFv73dGZdmZAhOkjhI0MEzXwSuiy-m06cPF83ULBSI5YQ', null, 'local1'),
  ('40000000-0000-4000-8000-000000000003', 'v1.local1.nLYDw425AVJb62ZU.kkKDTclTviCpQhmAe0DiDhA9-243MJ2os4o95THMKBKXSa2Fg87ZzRm1te1SRo-GjVw',
   'v1.local1.FhsggnUkvqZGDc8G.hex2vODXReOYTRGmXwtnJJNeq1iMLWy6jLwJ29m-UOKEXqE_uoBOlE0SZPodGCeMqw', 'local1')
on conflict do nothing;

update public.ad_accounts a set integration_connection_id = c.id
from public.integration_connections c
where a.workspace_id = c.workspace_id and a.workspace_id = '10000000-0000-4000-8000-000000000001'
  and ((a.platform = 'meta' and c.provider = 'meta') or (a.platform = 'google' and c.provider = 'google_ads'));

-- Inbound history: the last 20 orders as Shopify delivered them (the orders themselves came in
-- through upsert_orders in seed 10), one redelivered, and the shop's app/uninstalled test ping.
insert into private.webhook_events (provider, topic, external_id, payload_sha256, workspace_id, status, attempts, payload, received_at)
select 'shopify', 'orders/create', 'demo-' || o.shopify_order_id,
       encode(extensions.digest(o.shopify_order_id, 'sha256'), 'hex'), o.workspace_id, 'processed',
       case when row_number() over (order by o.processed_at desc) = 3 then 2 else 1 end,
       jsonb_build_object('id', o.shopify_order_id::bigint, 'name', o.order_number, 'currency', o.currency,
                          'total_price', to_char(o.total_price_cents / 100.0, 'FM999990.00')),
       o.processed_at + interval '2 seconds'
from public.orders o
where o.workspace_id = '10000000-0000-4000-8000-000000000001'
order by o.processed_at desc
limit 20
on conflict do nothing;

-- Outbound: the brand's fulfilment partner subscribes to new orders (an endpoint that does not
-- exist locally, so the dispatcher records failures and backs off), with some earlier history.
insert into public.webhook_endpoints (id, workspace_id, url, events, description, enabled)
values ('41000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001',
        'https://hooks.fulfilment-partner.example/growthbase', '{order.created,order.updated}', 'Fulfilment partner (demo)', false)
on conflict do nothing;
insert into private.webhook_endpoint_secrets (endpoint_id, secret)
values ('41000000-0000-4000-8000-000000000001', 'whsec_ZGVtby1vbmx5LWxvY2FsLXNpZ25pbmctc2VjcmV0LTMyYg==')
on conflict do nothing;
insert into public.webhook_deliveries (workspace_id, endpoint_id, event_type, payload, status, attempts, last_status_code, last_error, delivered_at, next_attempt_at)
select o.workspace_id, '41000000-0000-4000-8000-000000000001', 'order.created',
       jsonb_build_object('type', 'order.created', 'data', jsonb_build_object('id', o.id, 'shopify_order_id', o.shopify_order_id)),
       case when n <= 5 then 'succeeded' else 'dead' end::public.webhook_delivery_status,
       case when n <= 5 then 1 else 8 end, case when n <= 5 then 200 else 503 end,
       case when n <= 5 then null else 'HTTP 503' end,
       case when n <= 5 then o.processed_at + interval '3 seconds' end, o.processed_at
from (select o.*, row_number() over (order by o.processed_at) as n from public.orders o
      where o.workspace_id = '10000000-0000-4000-8000-000000000001' and o.processed_at < now() - interval '30 days'
      order by o.processed_at limit 7) o;
