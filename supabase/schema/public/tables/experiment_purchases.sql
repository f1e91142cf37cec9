create table public.experiment_purchases (
  workspace_id uuid not null,
  experiment_id uuid not null,
  order_id uuid not null,
  visitor_id text not null,
  variant_id uuid not null,
  revenue_cents bigint not null,
  currency character(3) not null,
  ordered_at timestamp with time zone not null,
  created_at timestamp with time zone default now() not null,
  constraint "experiment_purchases_pkey" PRIMARY KEY (experiment_id, order_id),
  constraint "experiment_purchases_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "experiment_purchases_order_id_fkey" FOREIGN KEY (order_id, workspace_id) REFERENCES public.orders(id, workspace_id) ON DELETE CASCADE,
  constraint "experiment_purchases_revenue_cents_check" CHECK ((revenue_cents >= 0)),
  constraint "experiment_purchases_workspace_id_experiment_id_visitor_id_fkey" FOREIGN KEY (workspace_id, experiment_id, visitor_id, variant_id) REFERENCES public.experiment_assignments(workspace_id, experiment_id, visitor_id, variant_id) ON DELETE CASCADE,
  constraint "experiment_purchases_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.experiment_purchases is 'Orders carrying the visitor id of an assigned visitor, one row per experiment and order however often the order is redelivered; each row made one purchase event. Orders placed before the assignment do not count.';
comment on column public.experiment_purchases.revenue_cents is 'The order''s total when it first arrived (later refunds are not reflected).';

alter table public.experiment_purchases enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.experiment_purchases to service_role;
grant select on public.experiment_purchases to authenticated;

CREATE INDEX experiment_purchases_order_id_workspace_id_idx ON public.experiment_purchases USING btree (order_id, workspace_id);
CREATE INDEX experiment_purchases_visitor_idx ON public.experiment_purchases USING btree (workspace_id, experiment_id, visitor_id, variant_id);

create policy "viewers read" on public.experiment_purchases for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.experiment_purchases FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
