create table public.reorder_points (
  workspace_id uuid not null,
  product_id uuid not null,
  as_of date not null,
  window_days integer not null,
  units_sold integer not null,
  avg_daily_demand numeric(14,4) not null,
  demand_stddev numeric(14,4) not null,
  lead_time_days numeric(6,2),
  service_level_z numeric(4,3) not null,
  safety_stock numeric(14,2),
  reorder_point numeric(14,2),
  on_hand integer,
  weeks_of_supply numeric(10,2),
  below_reorder_point boolean default false not null,
  computed_at timestamp with time zone default now() not null,
  constraint "reorder_points_pkey" PRIMARY KEY (workspace_id, product_id),
  constraint "reorder_points_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "reorder_points_workspace_id_product_id_fkey" FOREIGN KEY (workspace_id, product_id) REFERENCES public.products(workspace_id, id) ON DELETE CASCADE
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
grant insert, select, update, delete, truncate, references, trigger on public.reorder_points to service_role;
grant select on public.reorder_points to authenticated;

create policy "viewers read" on public.reorder_points for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON public.reorder_points FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
