-- Inventory: daily stock snapshots per product variant and location, supplier lead times, and
-- reorder points computed in SQL from order demand (reorder point and weeks of supply).

create table public.inventory_snapshots (
  id bigint generated always as identity primary key,
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  product_id uuid not null,
  location text not null default 'default' check (char_length(location) between 1 and 128),
  day date not null,
  on_hand integer not null,
  available integer,
  incoming integer not null default 0 check (incoming >= 0),
  created_at timestamptz not null default now(),
  unique (workspace_id, product_id, location, day),
  foreign key (workspace_id, product_id) references public.products (workspace_id, id) on delete cascade
);
comment on table public.inventory_snapshots is 'Stock of one variant at one location at the end of one day (Shopify inventory levels). One row per product, location and day.';
comment on column public.inventory_snapshots.on_hand is 'Units physically held; may be negative when Shopify oversold.';
comment on column public.inventory_snapshots.available is 'on_hand minus units committed to unfulfilled orders, when reported.';
comment on column public.inventory_snapshots.incoming is 'Units on open purchase orders.';
alter table public.inventory_snapshots enable row level security;
grant select, insert, update, delete on public.inventory_snapshots to authenticated;
select private.install_row_triggers('public.inventory_snapshots');
select private.tenant_policies('public.inventory_snapshots', 'viewer', 'member');

create index inventory_snapshots_workspace_day_idx on public.inventory_snapshots (workspace_id, day);

create table public.supplier_lead_times (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  product_id uuid not null,
  supplier_name text not null check (char_length(supplier_name) between 1 and 200),
  lead_time_days numeric(6, 2) not null check (lead_time_days > 0),
  lead_time_stddev_days numeric(6, 2) check (lead_time_stddev_days >= 0),
  min_order_qty integer check (min_order_qty > 0),
  is_primary boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, product_id, supplier_name),
  foreign key (workspace_id, product_id) references public.products (workspace_id, id) on delete cascade
);
comment on table public.supplier_lead_times is 'Who supplies a variant and how long an order takes to arrive. The primary supplier (or else the fastest) drives the reorder point.';
comment on column public.supplier_lead_times.lead_time_stddev_days is 'Variability of the lead time, when known (recorded; the reorder point uses demand variability only).';
alter table public.supplier_lead_times enable row level security;
grant select, insert, update, delete on public.supplier_lead_times to authenticated;
select private.install_row_triggers('public.supplier_lead_times');
select private.tenant_policies('public.supplier_lead_times', 'viewer', 'member');

create unique index supplier_lead_times_one_primary on public.supplier_lead_times (workspace_id, product_id) where is_primary;

create table public.inventory_settings (
  workspace_id uuid primary key references public.workspaces (id) on delete cascade,
  demand_window_days integer not null default 28 check (demand_window_days between 7 and 365),
  service_level_z numeric(4, 3) not null default 1.650 check (service_level_z between 0 and 4),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.inventory_settings is 'Per-workspace reorder settings; without a row: 28-day demand window, z = 1.65 (about 95% cycle service level).';
alter table public.inventory_settings enable row level security;
grant select, insert, update, delete on public.inventory_settings to authenticated;
select private.install_row_triggers('public.inventory_settings');
select private.tenant_policies('public.inventory_settings', 'viewer', 'admin');

create table public.reorder_points (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  product_id uuid not null,
  as_of date not null,
  window_days integer not null,
  units_sold integer not null,
  avg_daily_demand numeric(14, 4) not null,
  demand_stddev numeric(14, 4) not null,
  lead_time_days numeric(6, 2),
  service_level_z numeric(4, 3) not null,
  safety_stock numeric(14, 2),
  reorder_point numeric(14, 2),
  on_hand integer,
  weeks_of_supply numeric(10, 2),
  below_reorder_point boolean not null default false,
  computed_at timestamptz not null default now(),
  primary key (workspace_id, product_id),
  foreign key (workspace_id, product_id) references public.products (workspace_id, id) on delete cascade
);
comment on table public.reorder_points is 'Computed by private.compute_reorder_points(): demand over the window before as_of, reorder point = demand x lead time + safety stock, safety stock = z x sigma x sqrt(lead time). Read-only for API roles.';
comment on column public.reorder_points.avg_daily_demand is 'Units sold in the window (uncancelled orders, by UTC day) / window_days; days without sales count as 0.';
comment on column public.reorder_points.demand_stddev is 'Population standard deviation of daily units over the window.';
comment on column public.reorder_points.safety_stock is 'service_level_z x demand_stddev x sqrt(lead_time_days), rounded to 2 decimals; NULL without a lead time.';
comment on column public.reorder_points.reorder_point is 'avg_daily_demand x lead_time_days + safety_stock, rounded to 2 decimals; NULL without a lead time.';
comment on column public.reorder_points.on_hand is 'Sum over locations of the latest snapshot on or before as_of; NULL without snapshots.';
comment on column public.reorder_points.weeks_of_supply is 'on_hand / (avg_daily_demand x 7), rounded to 2 decimals; NULL when nothing sold.';
comment on column public.reorder_points.below_reorder_point is 'on_hand is below reorder_point: time to reorder.';
alter table public.reorder_points enable row level security;
grant select on public.reorder_points to authenticated;
select private.install_row_triggers('public.reorder_points');
select private.tenant_policy('public.reorder_points', 'select', 'viewer');

-- Recomputes every product of one workspace as of a day; returns how many are below their point.
create function private.compute_reorder_points(p_workspace_id uuid, p_as_of date default current_date)
returns integer
language plpgsql security definer set search_path = '' as $$
declare
  win integer;
  z numeric;
  flagged integer;
begin
  if private.is_end_user() then
    perform private.require_workspace_role(p_workspace_id, 'member');
  end if;
  select coalesce(s.demand_window_days, 28), coalesce(s.service_level_z, 1.65) into win, z
  from (select 1) one left join public.inventory_settings s on s.workspace_id = p_workspace_id;

  insert into public.reorder_points as r (workspace_id, product_id, as_of, window_days, units_sold, avg_daily_demand,
    demand_stddev, lead_time_days, service_level_z, safety_stock, reorder_point, on_hand, weeks_of_supply,
    below_reorder_point, computed_at)
  with daily as (
    select li.product_id, (o.processed_at at time zone 'UTC')::date as day, sum(li.quantity)::numeric as units
    from public.order_line_items li
    join public.orders o on o.id = li.order_id
    where li.workspace_id = p_workspace_id and o.workspace_id = p_workspace_id and o.cancelled_at is null
      and li.product_id is not null
      and o.processed_at >= (p_as_of - win)::timestamp at time zone 'UTC'
      and o.processed_at < p_as_of::timestamp at time zone 'UTC'
    group by 1, 2
  ), demand as (
    select d.product_id, sum(d.units) as s1, sum(d.units * d.units) as s2 from daily d group by 1
  ), lead as (
    select distinct on (l.product_id) l.product_id, l.lead_time_days
    from public.supplier_lead_times l where l.workspace_id = p_workspace_id
    order by l.product_id, l.is_primary desc, l.lead_time_days
  ), latest as (
    select distinct on (s.product_id, s.location) s.product_id, s.on_hand
    from public.inventory_snapshots s
    where s.workspace_id = p_workspace_id and s.day <= p_as_of
    order by s.product_id, s.location, s.day desc
  ), stock as (
    select l.product_id, sum(l.on_hand)::integer as on_hand from latest l group by 1
  ), k as (
    select p.id as product_id, coalesce(d.s1, 0) as units,
           coalesce(d.s1, 0) / win as avg_d,
           sqrt(greatest(coalesce(d.s2, 0) / win - power(coalesce(d.s1, 0) / win, 2), 0)) as sigma,
           l.lead_time_days as lt, st.on_hand
    from public.products p
    left join demand d on d.product_id = p.id
    left join lead l on l.product_id = p.id
    left join stock st on st.product_id = p.id
    where p.workspace_id = p_workspace_id
  )
  select p_workspace_id, k.product_id, p_as_of, win, k.units::integer, round(k.avg_d, 4), round(k.sigma, 4), k.lt, z,
         round(z * k.sigma * sqrt(k.lt), 2),
         round(k.avg_d * k.lt + round(z * k.sigma * sqrt(k.lt), 2), 2),
         k.on_hand,
         case when k.avg_d > 0 and k.on_hand is not null then round(k.on_hand / (k.avg_d * 7), 2) end,
         coalesce(k.on_hand < round(k.avg_d * k.lt + round(z * k.sigma * sqrt(k.lt), 2), 2), false),
         now()
  from k
  on conflict (workspace_id, product_id) do update set
    as_of = excluded.as_of, window_days = excluded.window_days, units_sold = excluded.units_sold,
    avg_daily_demand = excluded.avg_daily_demand, demand_stddev = excluded.demand_stddev,
    lead_time_days = excluded.lead_time_days, service_level_z = excluded.service_level_z,
    safety_stock = excluded.safety_stock, reorder_point = excluded.reorder_point, on_hand = excluded.on_hand,
    weeks_of_supply = excluded.weeks_of_supply, below_reorder_point = excluded.below_reorder_point,
    computed_at = excluded.computed_at;

  select count(*)::integer into flagged from public.reorder_points r
  where r.workspace_id = p_workspace_id and r.below_reorder_point;
  return flagged;
end $$;
comment on function private.compute_reorder_points(uuid, date) is 'Recomputes reorder_points for every product of a workspace as of a day; returns how many are below their reorder point.';
grant execute on function private.compute_reorder_points(uuid, date) to authenticated, service_role;

create function private.compute_all_reorder_points() returns integer
language plpgsql security definer set search_path = '' as $$
declare
  ws uuid;
  n integer := 0;
begin
  for ws in select distinct p.workspace_id from public.products p loop
    perform private.compute_reorder_points(ws);
    n := n + 1;
  end loop;
  return n;
end $$;
comment on function private.compute_all_reorder_points() is 'Daily pg_cron job (inventory-reorder-points): recompute every workspace that has products.';
grant execute on function private.compute_all_reorder_points() to service_role;

select cron.schedule('inventory-reorder-points', '30 5 * * *', 'select private.compute_all_reorder_points()');
