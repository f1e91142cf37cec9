-- Shopify's mandatory GDPR topics, completed. customers/data_request used to record a pending
-- request only: it now queues an export the privacy worker builds (private.build_customer_export)
-- and stores in the data-exports bucket, downloadable by the workspace's admins, with a
-- privacy_request.completed webhook to the shop's endpoints. shop/redact used to erase customers
-- only: it now erases everything the shop's data left in the workspace (orders, products, ad and
-- inventory data, raw Shopify deliveries) through a registry later domains add their tables to.
-- The GDPR topics also reach a shop whose connection was revoked (Shopify sends shop/redact 48
-- hours after app/uninstalled). Replaces private.store_shopify_webhook and
-- private.process_shopify_event (webhook_pipeline migration); every other topic behaves as there.

create table private.shop_data_tables (
  table_name regclass primary key,
  position integer not null default 100,
  note text
);
comment on table private.shop_data_tables is 'Tables whose rows of a workspace are the shop''s data: shop/redact deletes them (where workspace_id = the shop''s workspace) in position order. Later domains register theirs with private.register_shop_data_table.';
alter table private.shop_data_tables enable row level security;
grant all on private.shop_data_tables to service_role;

create function private.register_shop_data_table(p_table regclass, p_position integer, p_note text) returns void
language plpgsql volatile set search_path = '' as $$
begin
  if not exists (select 1 from pg_attribute a where a.attrelid = p_table and a.attname = 'workspace_id' and not a.attisdropped) then
    raise exception 'register_shop_data_table: % has no workspace_id', p_table;
  end if;
  insert into private.shop_data_tables (table_name, position, note) values (p_table, p_position, p_note)
  on conflict (table_name) do update set position = excluded.position, note = excluded.note;
end $$;
comment on function private.register_shop_data_table(regclass, integer, text) is 'Migration helper: shop/redact will delete this table''s rows of the redacted workspace (lower positions first).';
revoke all on function private.register_shop_data_table(regclass, integer, text) from public;

select private.register_shop_data_table('public.gift_card_emails', 10, 'gift card deliveries (recipient emails)');
select private.register_shop_data_table('public.gift_card_transactions', 11, 'gift cards earned by orders');
select private.register_shop_data_table('public.gift_card_products', 12, 'gift card offers');
select private.register_shop_data_table('public.order_line_items', 20, 'what orders contained');
select private.register_shop_data_table('public.orders', 21, 'Shopify orders');
select private.register_shop_data_table('public.customers', 22, 'Shopify customers');
select private.register_shop_data_table('public.reorder_points', 30, 'computed reorder points');
select private.register_shop_data_table('public.inventory_snapshots', 31, 'stock levels');
select private.register_shop_data_table('public.supplier_lead_times', 32, 'suppliers per product');
select private.register_shop_data_table('public.inventory_settings', 33, 'reorder settings');
select private.register_shop_data_table('public.products', 34, 'the catalogue');
select private.register_shop_data_table('public.ad_metrics_rollup_daily', 40, 'ad spend rollup');
select private.register_shop_data_table('private.ad_rollup_dirty', 48, 'ad rollup queue (last: deleting metrics queues their days)');
select private.register_shop_data_table('public.ad_metrics_daily', 42, 'ad metrics');
select private.register_shop_data_table('public.ads', 43, 'ads');
select private.register_shop_data_table('public.ad_groups', 44, 'ad groups');
select private.register_shop_data_table('public.ad_campaigns', 45, 'ad campaigns');
select private.register_shop_data_table('public.ad_accounts', 46, 'ad accounts');
select private.register_shop_data_table('public.ads_settings', 47, 'ads retention settings');

-- Erases every registered table's rows of the workspace; returns rows deleted per table.
create function private.erase_shop_data(p_workspace uuid) returns jsonb
language plpgsql volatile security definer set search_path = '' as $$
declare
  t record;
  n bigint;
  done jsonb := '{}'::jsonb;
begin
  for t in select s.table_name from private.shop_data_tables s order by s.position, s.table_name::text loop
    execute format('with d as (delete from %s t where t.workspace_id = $1 returning 1) select count(*) from d', t.table_name)
      into n using p_workspace;
    if n > 0 then
      done := done || jsonb_build_object(t.table_name::text, n);
    end if;
  end loop;
  return done;
end $$;
comment on function private.erase_shop_data(uuid) is 'shop/redact: deletes the workspace''s rows from every table in private.shop_data_tables; returns counts per table.';
revoke all on function private.erase_shop_data(uuid) from public;
grant execute on function private.erase_shop_data(uuid) to service_role;

-- The GDPR topics come after the app is gone (shop/redact 48 hours after app/uninstalled): they are
-- stored for the workspace of the shop's latest connection, revoked or not. Everything else as
-- before: the workspace of the shop's active connection, or ignored.
create or replace function private.store_shopify_webhook(
  p_webhook_id text, p_topic text, p_shop text, p_sha256 text, p_payload jsonb
) returns text
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid := private.shop_workspace(p_shop);
  fresh boolean;
begin
  if ws is null and p_topic in ('customers/data_request', 'customers/redact', 'shop/redact') then
    ws := (select c.workspace_id from public.integration_connections c
           where c.provider = 'shopify' and c.external_account_id = lower(p_shop)
           order by c.updated_at desc limit 1);
  end if;
  -- Acknowledged means stored: this commit waits for its WAL whatever the cluster's setting.
  perform set_config('synchronous_commit', 'on', true);
  insert into private.webhook_events as e
    (provider, topic, external_id, payload_sha256, workspace_id, shop, status, payload, next_attempt_at, processed_at)
  values ('shopify', p_topic, p_webhook_id, p_sha256, ws, p_shop,
          case when ws is null then 'ignored' else 'pending' end::public.webhook_event_status, p_payload,
          case when ws is null then null else now() end, case when ws is null then now() end)
  on conflict (provider, external_id) do update set attempts = e.attempts + 1
  returning (xmax = 0) into fresh;
  if not fresh then
    return 'duplicate';
  end if;
  return case when ws is null then 'ignored' else 'accepted' end;
end $$;
comment on function private.store_shopify_webhook(text, text, text, text, jsonb) is 'The webhooks function''s one call for Shopify: stores a verified delivery once (accepted, or ignored when no workspace holds the shop''s active connection, or for the GDPR topics any connection; duplicate for a redelivery). Processing happens in private.process_webhook_events.';

create or replace function private.process_shopify_event(e private.webhook_events) returns public.webhook_event_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  ws uuid := e.workspace_id;
  ids uuid[];
  hashes text[];
  n bigint;
  erased jsonb;
begin
  if ws is null then
    return 'ignored'::public.webhook_event_status;
  elsif e.topic in ('orders/create', 'orders/updated', 'orders/paid', 'orders/cancelled', 'orders/fulfilled') then
    perform public.upsert_orders(ws, jsonb_build_array(private.shopify_order(e.payload)));
  elsif e.topic = 'app/uninstalled' then
    perform set_config('growthbase.credential_reason', 'app uninstalled (Shopify webhook)', true);
    delete from private.integration_tokens t using public.integration_connections c
    where t.connection_id = c.id and c.workspace_id = ws and c.provider = 'shopify' and c.external_account_id = e.shop;
    update public.integration_connections set status = 'revoked', expires_at = null
    where workspace_id = ws and provider = 'shopify' and external_account_id = e.shop;
    update public.workspaces set shop_domain = null where id = ws and shop_domain = e.shop;
  elsif e.topic = 'customers/data_request' then
    -- Queued for the privacy worker, which builds the customer's document, stores it in
    -- data-exports and completes the request (admins download it; the shop's endpoints hear of it).
    insert into public.privacy_requests (workspace_id, kind, source, subject, details)
    values (ws, 'export', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', e.payload #>> '{customer,id}',
              'email_sha256', private.email_sha256(e.payload #>> '{customer,email}'))),
            jsonb_build_object('orders_requested', e.payload -> 'orders_requested',
                               'data_request_id', e.payload #>> '{data_request,id}'));
  elsif e.topic = 'customers/redact' then
    select array_agg(c.id) into ids from public.customers c
    where c.workspace_id = ws and c.shopify_customer_id = e.payload #>> '{customer,id}';
    hashes := array_remove(array[private.email_sha256(e.payload #>> '{customer,email}')], null);
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'erasure', 'shopify',
            jsonb_strip_nulls(jsonb_build_object('shopify_customer_id', e.payload #>> '{customer,id}',
              'email_sha256', hashes[1])), 'completed', now(),
            jsonb_build_object('customers_erased', private.erase_customers(ws, ids, hashes),
                               'orders_to_redact', e.payload -> 'orders_to_redact'));
  elsif e.topic = 'shop/redact' then
    select array_agg(c.id) into ids from public.customers c where c.workspace_id = ws;
    n := private.erase_customers(ws, ids, null);
    erased := private.erase_shop_data(ws);
    -- Raw deliveries of this shop hold customer data too; this one stays as the record.
    delete from private.webhook_events w where w.workspace_id = ws and w.provider = 'shopify' and w.id <> e.id;
    insert into public.privacy_requests (workspace_id, kind, source, subject, status, completed_at, details)
    values (ws, 'erasure', 'shopify', jsonb_build_object('shop', e.shop), 'completed', now(),
            jsonb_build_object('customers_erased', n, 'erased', erased));
  else
    return 'ignored'::public.webhook_event_status;
  end if;
  return 'processed'::public.webhook_event_status;
end $$;
comment on function private.process_shopify_event(private.webhook_events) is 'Handles one stored Shopify event: orders, app/uninstalled, and the GDPR topics (data_request queues an export for the privacy worker; customers/redact erases the customer; shop/redact erases customers and every registered shop data table, and the shop''s raw deliveries). Returns processed or ignored, raises when it fails.';
