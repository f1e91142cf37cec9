create table public.shopify_sync_runs (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  connection_id uuid not null,
  trigger text not null,
  status public.shopify_sync_status default 'queued'::public.shopify_sync_status not null,
  phase text,
  bulk_operation_id text,
  lines_read bigint default 0 not null,
  lines_rejected bigint default 0 not null,
  products_count integer default 0 not null,
  inventory_levels_count integer default 0 not null,
  customers_count integer default 0 not null,
  orders_count integer default 0 not null,
  requested_by uuid,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  last_error text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "shopify_sync_runs_pkey" PRIMARY KEY (id),
  constraint "shopify_sync_runs_bulk_operation_id_check" CHECK ((char_length(bulk_operation_id) <= 200)),
  constraint "shopify_sync_runs_last_error_check" CHECK ((char_length(last_error) <= 2000)),
  constraint "shopify_sync_runs_lines_read_check" CHECK ((lines_read >= 0)),
  constraint "shopify_sync_runs_lines_rejected_check" CHECK ((lines_rejected >= 0)),
  constraint "shopify_sync_runs_phase_check" CHECK ((phase = ANY (ARRAY['products'::text, 'customers'::text, 'orders'::text]))),
  constraint "shopify_sync_runs_requested_by_fkey" FOREIGN KEY (requested_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "shopify_sync_runs_trigger_check" CHECK ((trigger = ANY (ARRAY['install'::text, 'manual'::text]))),
  constraint "shopify_sync_runs_workspace_id_connection_id_fkey" FOREIGN KEY (workspace_id, connection_id) REFERENCES public.integration_connections(workspace_id, id) ON DELETE CASCADE,
  constraint "shopify_sync_runs_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "shopify_sync_runs_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.shopify_sync_runs is 'Shopify backfills (bulk operations of products, customers and orders): one row per run, its phase, counts and outcome. Admins read; started on install and by public.start_shopify_backfill; kept by the shopify-sync worker.';
comment on column public.shopify_sync_runs.bulk_operation_id is 'The Shopify bulk operation of the current phase (gid://shopify/BulkOperation/...).';
comment on column public.shopify_sync_runs.lines_read is 'JSONL lines of the results read and applied or rejected so far, over every phase.';

alter table public.shopify_sync_runs enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.shopify_sync_runs to service_role;
grant select on public.shopify_sync_runs to authenticated;

CREATE INDEX shopify_sync_runs_connection_idx ON public.shopify_sync_runs USING btree (workspace_id, connection_id, created_at DESC);
CREATE INDEX shopify_sync_runs_requested_by_idx ON public.shopify_sync_runs USING btree (requested_by);

create policy "admins read" on public.shopify_sync_runs for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.shopify_sync_runs FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.shopify_sync_runs FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
