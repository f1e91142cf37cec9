CREATE OR REPLACE FUNCTION private.apply_shopify_bulk(p_job_id bigint, p_lease_id uuid, p_phase text, p_objects jsonb, p_rejected jsonb, p_progress jsonb)
 RETURNS jsonb
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  j private.connector_jobs;
  run public.shopify_sync_runs;
  o jsonb;
  good jsonb := '[]'::jsonb;
  bad jsonb := coalesce(p_rejected, '[]');
  variants jsonb := '[]'::jsonb;
  levels jsonb := '[]'::jsonb;
  orders jsonb := '[]'::jsonb;
  order_lines jsonb := '[]'::jsonb;
  n_customers integer := 0;
  n_refused integer := 0;
  n_lines bigint;
begin
  if p_phase not in ('products', 'customers', 'orders') then
    raise exception 'unknown phase %', p_phase using errcode = '22023';
  end if;
  if jsonb_typeof(p_objects) is distinct from 'array' then
    raise exception 'p_objects must be an array' using errcode = '22023';
  end if;
  perform private.require_batch_size('objects', jsonb_array_length(p_objects), 5000);
  j := private.touch_connector_job(p_job_id, p_lease_id, p_progress);
  select * into run from public.shopify_sync_runs r where r.id = (j.payload ->> 'run_id')::uuid for update;
  if not found then
    raise exception 'job % has no run', p_job_id using errcode = 'PT404';
  end if;

  -- one pass: the objects that can be applied, and the others with why
  select coalesce(jsonb_agg(c.o order by c.n) filter (where c.problem is null), '[]'),
         bad || coalesce(jsonb_agg(jsonb_build_object('line', (c.o ->> 'line')::bigint, 'reason', c.problem,
                                                      'excerpt', left((c.o -> 'node')::text, 300)) order by c.n)
                         filter (where c.problem is not null), '[]')
  into good, bad
  from (select x.o, x.n, private.shopify_bulk_problem(p_phase, x.o) as problem
        from jsonb_array_elements(p_objects) with ordinality x (o, n)) c;

  if p_phase = 'products' then
    select coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
             'shopify_product_id', private.shopify_gid_id(g.o #>> '{node,id}', 'Product'),
             'shopify_variant_id', private.shopify_gid_id(c.v #>> '{node,id}', 'ProductVariant'),
             'shopify_inventory_item_id', private.shopify_gid_id(c.v #>> '{node,inventoryItem,id}', 'InventoryItem'),
             'sku', c.v #>> '{node,sku}', 'title', g.o #>> '{node,title}',
             'variant_title', nullif(c.v #>> '{node,title}', 'Default Title'),
             'price_cents', case when c.v #>> '{node,price}' ~ '^\d+(\.\d+)?$' then round((c.v #>> '{node,price}')::numeric * 100) end,
             'cost_cents', case when c.v #>> '{node,inventoryItem,unitCost,amount}' ~ '^\d+(\.\d+)?$'
                                then round((c.v #>> '{node,inventoryItem,unitCost,amount}')::numeric * 100) end,
             'status', lower(g.o #>> '{node,status}'),
             'source_updated_at', greatest((g.o #>> '{node,updatedAt}')::timestamptz, (c.v #>> '{node,updatedAt}')::timestamptz)))), '[]')
    into variants
    from jsonb_array_elements(good) g (o), jsonb_array_elements(g.o -> 'children') c (v)
    where c.v #>> '{node,id}' like 'gid://shopify/ProductVariant/%';
    -- a level's parent is its variant; the variant names the inventory item
    select coalesce(jsonb_agg(jsonb_build_object(
             'shopify_inventory_item_id', private.shopify_gid_id(pv.v #>> '{node,inventoryItem,id}', 'InventoryItem'),
             'shopify_location_id', private.shopify_gid_id(c.v #>> '{node,location,id}', 'Location'),
             'location_name', c.v #>> '{node,location,name}',
             'available', (select (q ->> 'quantity')::integer from jsonb_array_elements(c.v #> '{node,quantities}') q where q ->> 'name' = 'available'),
             'on_hand', (select (q ->> 'quantity')::integer from jsonb_array_elements(c.v #> '{node,quantities}') q where q ->> 'name' = 'on_hand'),
             'source_updated_at', c.v #>> '{node,updatedAt}')), '[]')
    into levels
    from jsonb_array_elements(good) g (o)
    cross join jsonb_array_elements(g.o -> 'children') c (v)
    join lateral (select p.v from jsonb_array_elements(g.o -> 'children') p (v)
                  where p.v #>> '{node,id}' = c.v #>> '{node,__parentId}') pv on true
    where c.v #>> '{node,id}' like 'gid://shopify/InventoryLevel/%';
    -- levels without a location or quantity, or whose variant has no inventory item, are rejected
    select bad || coalesce(jsonb_agg(jsonb_build_object('line', (c.v ->> 'line')::bigint,
             'reason', 'an inventory level without an inventory item, location or available quantity',
             'excerpt', left((c.v -> 'node')::text, 300))), '[]')
    into bad
    from jsonb_array_elements(good) g (o), jsonb_array_elements(g.o -> 'children') c (v)
    where c.v #>> '{node,id}' like 'gid://shopify/InventoryLevel/%'
      and (private.shopify_gid_id(c.v #>> '{node,location,id}', 'Location') is null
           or not exists (select 1 from jsonb_array_elements(g.o -> 'children') p (v)
                          where p.v #>> '{node,id}' = c.v #>> '{node,__parentId}'
                            and private.shopify_gid_id(p.v #>> '{node,inventoryItem,id}', 'InventoryItem') is not null)
           or not exists (select 1 from jsonb_array_elements(c.v #> '{node,quantities}') q
                          where q ->> 'name' = 'available' and q ->> 'quantity' ~ '^-?\d+$'));
    select coalesce(jsonb_agg(l), '[]') into levels from jsonb_array_elements(levels) l
    where l ->> 'shopify_inventory_item_id' is not null and l ->> 'shopify_location_id' is not null and l ->> 'available' is not null;
    perform private.upsert_shopify_variants(run.workspace_id, variants);
    perform private.upsert_inventory_levels(run.workspace_id, levels);
  elsif p_phase = 'customers' then
    select coalesce(jsonb_agg(jsonb_build_object(
             'shopify_customer_id', private.shopify_gid_id(g.o #>> '{node,id}', 'Customer'),
             'email', g.o #>> '{node,email}', 'phone', g.o #>> '{node,phone}',
             'accepts_marketing', g.o #>> '{node,emailMarketingConsent,marketingState}' = 'SUBSCRIBED',
             'source_updated_at', g.o #>> '{node,updatedAt}')), '[]')
    into o from jsonb_array_elements(good) g (o);
    n_customers := private.upsert_shopify_customers(run.workspace_id, o);
  else
    select coalesce(jsonb_agg(private.shopify_gql_order(g.o -> 'node',
             (select jsonb_agg(c.v -> 'node' order by (c.v ->> 'line')::bigint) from jsonb_array_elements(g.o -> 'children') c (v)))
             order by (g.o ->> 'line')::bigint), '[]'),
           coalesce(jsonb_agg(g.o -> 'line' order by (g.o ->> 'line')::bigint), '[]')
    into orders, order_lines from jsonb_array_elements(good) g (o);
    if jsonb_array_length(orders) > 0 then
      begin
        perform public.upsert_orders(run.workspace_id, orders);
      exception when others then
        -- the batch was refused: each order on its own, so only the bad ones are rejected
        for i in 0 .. jsonb_array_length(orders) - 1 loop
          begin
            perform public.upsert_orders(run.workspace_id, jsonb_build_array(orders -> i));
          exception when others then
            bad := bad || jsonb_build_array(jsonb_build_object('line', (order_lines ->> i)::bigint,
                     'reason', left(regexp_replace(sqlerrm, '^orders\[0\]\.', ''), 500),
                     'excerpt', left((orders -> i)::text, 300)));
            n_refused := n_refused + 1;
          end;
        end loop;
      end;
    end if;
  end if;

  insert into public.shopify_sync_rejections (workspace_id, run_id, phase, line_number, reason, excerpt)
  select run.workspace_id, run.id, p_phase, (b ->> 'line')::bigint, left(coalesce(b ->> 'reason', 'rejected'), 500), left(b ->> 'excerpt', 300)
  from jsonb_array_elements(bad) b
  on conflict (workspace_id, run_id, phase, line_number) do nothing;

  select coalesce(sum(1 + coalesce(jsonb_array_length(x -> 'children'), 0)), 0) into n_lines from jsonb_array_elements(p_objects) x;
  n_lines := n_lines + jsonb_array_length(coalesce(p_rejected, '[]'));
  update public.shopify_sync_runs r set
    status = 'running', phase = p_phase, bulk_operation_id = coalesce(p_progress ->> 'op_id', r.bulk_operation_id),
    lines_read = r.lines_read + n_lines, lines_rejected = r.lines_rejected + jsonb_array_length(bad),
    products_count = r.products_count + jsonb_array_length(variants),
    inventory_levels_count = r.inventory_levels_count + jsonb_array_length(levels),
    customers_count = r.customers_count + n_customers,
    orders_count = r.orders_count + jsonb_array_length(orders) - n_refused
  where r.id = run.id;
  return jsonb_build_object('applied', jsonb_array_length(good), 'rejected', jsonb_array_length(bad),
                            'variants', jsonb_array_length(variants), 'levels', jsonb_array_length(levels),
                            'customers', n_customers, 'orders', jsonb_array_length(orders));
end $function$;
comment on function private.apply_shopify_bulk(bigint,uuid,text,jsonb,jsonb,jsonb) is 'The shopify-sync worker''s apply step: one chunk of a phase''s bulk results (objects grouped with their child lines, each with its line number), validated, applied (variants and levels, customers, or orders through public.upsert_orders; a refused order batch is retried order by order so only bad ones are rejected), rejected lines recorded with their numbers, the run''s counts and the job''s progress saved, in one transaction under the job''s lease (PT409 when lost).';
grant execute on function private.apply_shopify_bulk(bigint,uuid,text,jsonb,jsonb,jsonb) to service_role;
