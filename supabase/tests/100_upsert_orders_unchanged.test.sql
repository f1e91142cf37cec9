-- upsert_orders leaves an identical re-delivery alone: the order, its line items and its customer
-- are not rewritten (same row versions), no order.updated webhook is queued, and the call reports
-- the order unchanged. A changed column or line item is an update; an older version is unchanged.
-- Caps and duplicate keys are refused before any work.
begin;
set search_path = extensions, public;
select plan(12);

select tests.two_workspaces();
insert into public.webhook_endpoints (workspace_id, url, events)
values (tests.workspace_id('A'), 'https://a.example.com/orders', '{order.created,order.updated}');

create temp table sent (o jsonb) on commit drop;
insert into sent values ('[
  {"shopify_order_id": "2001", "currency": "EUR", "total_price_cents": 5000, "processed_at": "2026-11-20T10:00:00Z",
   "email": "Jane@Example.com", "shopify_customer_id": "c-1", "source_updated_at": "2026-11-20T10:05:00Z",
   "line_items": [{"sku": "BALM", "title": "Balm", "quantity": 2, "price_cents": 2000},
                  {"sku": "SOAP", "title": "Soap", "quantity": 1, "price_cents": 1000}]},
  {"shopify_order_id": "2002", "currency": "EUR", "total_price_cents": 1200, "processed_at": "2026-11-20T11:00:00Z",
   "email": "guest@example.com"}]');
grant select on sent to authenticated, service_role;

create temp table snap on commit drop as select 1 as k, null::jsonb as v;
grant all on snap to authenticated;
-- Every row version the batch touches: orders, line items (by id), customers.
create function pg_temp.versions() returns jsonb language sql as $$
  select jsonb_build_object(
    'orders', (select jsonb_agg(jsonb_build_array(shopify_order_id, ctid::text) order by shopify_order_id)
               from public.orders where workspace_id = tests.workspace_id('A')),
    'items', (select jsonb_agg(jsonb_build_array(id, ctid::text) order by id)
              from public.order_line_items where workspace_id = tests.workspace_id('A')),
    'customers', (select jsonb_agg(jsonb_build_array(id, ctid::text) order by id)
                  from public.customers where workspace_id = tests.workspace_id('A')))
$$;

select tests.authenticate_as('member-a');
select results_eq($$ select * from public.upsert_orders(tests.workspace_id('A'), (select o from sent)) $$,
  $$ values (2, 0, 0) $$, 'a new batch is inserted');
select tests.clear_authentication();
update snap set v = pg_temp.versions();
select is((select count(*)::integer from public.webhook_deliveries where workspace_id = tests.workspace_id('A')
           and event_type = 'order.updated'), 0, 'nothing updated yet');

select tests.authenticate_as('member-a');
select results_eq($$ select * from public.upsert_orders(tests.workspace_id('A'), (select o from sent)) $$,
  $$ values (0, 0, 2) $$, 'the same batch again: both orders unchanged');
select tests.clear_authentication();
select is(pg_temp.versions(), (select v from snap),
  'no order, line item or customer row was rewritten by the identical re-delivery');
select is((select count(*)::integer from public.webhook_deliveries where workspace_id = tests.workspace_id('A')
           and event_type = 'order.updated'), 0, 'and no order.updated webhook was queued');

-- The same line items in another order are the same line items.
select tests.authenticate_as_service_role();
select results_eq($$ select * from public.upsert_orders(tests.workspace_id('A'), jsonb_build_array(
    jsonb_set((select o -> 0 from sent), '{line_items}', jsonb_build_array((select o #> '{0,line_items,1}' from sent),
                                                                         (select o #> '{0,line_items,0}' from sent))))) $$,
  $$ values (0, 0, 1) $$, 'line items compare as a set: reordered, still unchanged');
select results_eq($$ select * from public.upsert_orders(tests.workspace_id('A'), jsonb_build_array(
    jsonb_set((select o -> 0 from sent), '{line_items,1,quantity}', '3'))) $$,
  $$ values (0, 1, 0) $$, 'one line item''s quantity changed: an update');
select results_eq($$ select sku, quantity from public.order_line_items
                    where order_id = (select id from public.orders where shopify_order_id = '2001' and workspace_id = tests.workspace_id('A'))
                    order by sku $$,
  $$ values ('BALM'::text, 2), ('SOAP'::text, 3) $$, 'and its line items were replaced');
select results_eq($$ select * from public.upsert_orders(tests.workspace_id('A'), jsonb_build_array(
    jsonb_set((select o -> 1 from sent), '{financial_status}', '"paid"'))) $$,
  $$ values (0, 1, 0) $$, 'a changed column is an update');
select results_eq($$ select * from public.upsert_orders(tests.workspace_id('A'), jsonb_build_array(
    jsonb_set((select o -> 0 from sent), '{source_updated_at}', '"2026-11-20T10:01:00Z"'))) $$,
  $$ values (0, 0, 1) $$, 'an older version is unchanged');
select tests.clear_authentication();

select tests.authenticate_as('member-a');
select throws_ok($$ select * from public.upsert_orders(tests.workspace_id('A'),
    (select jsonb_agg(jsonb_build_object('shopify_order_id', i::text, 'currency', 'EUR', 'total_price_cents', 1,
       'processed_at', '2026-11-20T10:00:00Z', 'line_items',
       (select jsonb_agg(jsonb_build_object('quantity', 1)) from generate_series(1, 21))))
     from generate_series(1, 500) i)) $$,
  'PT413', 'too many line items: 10500 given, at most 10000 per call', '10,000 line items per call at the most');
select throws_ok($$ select * from public.upsert_orders(tests.workspace_id('A'), '[
    {"shopify_order_id": " 3001", "currency": "EUR", "total_price_cents": 1, "processed_at": "2026-11-20T10:00:00Z"},
    {"shopify_order_id": "3001 ", "currency": "bad"}]') $$,
  '22023', 'orders: shopify_order_id 3001 appears more than once in the batch',
  'a repeated key (compared trimmed) is refused before the orders are validated');
select tests.clear_authentication();

select * from finish();
rollback;
