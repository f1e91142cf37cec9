-- Demo inventory: 120 days of end-of-day stock per product, drawn down by the demo orders' units
-- and restocked when a purchase order arrives; supplier lead times; then reorder points computed
-- by the same SQL the nightly job runs. The 4 oz balm runs low on purpose (below its reorder point).
insert into public.supplier_lead_times (workspace_id, product_id, supplier_name, lead_time_days, lead_time_stddev_days, min_order_qty, is_primary)
select '10000000-0000-4000-8000-000000000001', p.id, s.supplier, s.lt, s.sd, s.moq, true
from public.products p
join (values ('TB-2OZ', 'Pasture Co-op Rendering', 14, 3, 200), ('TB-4OZ', 'Pasture Co-op Rendering', 14, 3, 200),
             ('LB-3PK', 'Tin & Tube Packaging', 21, 5, 500), ('BB-8OZ', 'Pasture Co-op Rendering', 18, 4, 150),
             ('SOAP-1', 'Hill Country Soapworks', 10, 2, 300), ('GIFT-SET', 'In-house kitting', 5, 1, 50))
  as s (sku, supplier, lt, sd, moq) on s.sku = p.sku
where p.workspace_id = '10000000-0000-4000-8000-000000000001'
on conflict do nothing;

insert into public.inventory_settings (workspace_id, demand_window_days, service_level_z)
values ('10000000-0000-4000-8000-000000000001', 28, 1.650)
on conflict do nothing;

-- Stock walks backwards from today's level: each earlier day had that day's sales more, minus
-- any restock that arrived the next day (every 30 days for most products).
with sold as (
  select li.product_id, (o.processed_at at time zone 'UTC')::date as day, sum(li.quantity) as units
  from public.order_line_items li join public.orders o on o.id = li.order_id
  where o.workspace_id = '10000000-0000-4000-8000-000000000001'
  group by 1, 2
), grid as (
  select p.id as product_id, p.sku, d.day,
         coalesce(s.units, 0) as units,
         case when (current_date - d.day) % 30 = 12 and p.sku <> 'TB-4OZ' then 400 else 0 end as restock_next_day
  from public.products p
  cross join lateral (select current_date - 119 + k as day from generate_series(0, 119) k) d
  left join sold s on s.product_id = p.id and s.day = d.day
  where p.workspace_id = '10000000-0000-4000-8000-000000000001'
), today as (
  select sku, level from (values ('TB-2OZ', 240), ('TB-4OZ', 18), ('LB-3PK', 410), ('BB-8OZ', 95), ('SOAP-1', 530), ('GIFT-SET', 60)) t (sku, level)
)
insert into public.inventory_snapshots (workspace_id, product_id, location, day, on_hand, available, incoming)
select '10000000-0000-4000-8000-000000000001', g.product_id, 'Austin warehouse', g.day,
       t.level + coalesce(sum(g.units) over w, 0) - coalesce(sum(g.restock_next_day) over w, 0),
       t.level + coalesce(sum(g.units) over w, 0) - coalesce(sum(g.restock_next_day) over w, 0)
         - case when g.day = current_date then 3 else 0 end,
       case when g.sku = 'TB-4OZ' and g.day > current_date - 5 then 300 else 0 end
from grid g join today t on t.sku = g.sku
window w as (partition by g.product_id order by g.day desc rows between unbounded preceding and 1 preceding)
on conflict do nothing;

select private.compute_reorder_points('10000000-0000-4000-8000-000000000001');
