CREATE OR REPLACE FUNCTION private.compute_reorder_points(p_workspace_id uuid, p_as_of date DEFAULT CURRENT_DATE)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.compute_reorder_points(uuid,date) is 'Recomputes reorder_points for every product of a workspace as of a day; returns how many are below their reorder point.';
grant execute on function private.compute_reorder_points(uuid,date) to authenticated;
grant execute on function private.compute_reorder_points(uuid,date) to service_role;
