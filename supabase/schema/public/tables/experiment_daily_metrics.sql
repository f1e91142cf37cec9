create table public.experiment_daily_metrics (
  workspace_id uuid not null,
  experiment_id uuid not null,
  variant_id uuid not null,
  day date not null,
  new_visitors integer default 0 not null,
  exposures integer default 0 not null,
  add_to_carts integer default 0 not null,
  goal_events integer default 0 not null,
  converting_visitors integer default 0 not null,
  purchases integer default 0 not null,
  revenue_cents bigint default 0 not null,
  refreshed_at timestamp with time zone default now() not null,
  constraint "experiment_daily_metrics_pkey" PRIMARY KEY (experiment_id, variant_id, day),
  constraint "experiment_daily_metrics_experiment_id_variant_id_fkey" FOREIGN KEY (experiment_id, variant_id) REFERENCES public.experiment_variants(experiment_id, id) ON DELETE CASCADE,
  constraint "experiment_daily_metrics_workspace_id_experiment_id_fkey" FOREIGN KEY (workspace_id, experiment_id) REFERENCES public.experiments(workspace_id, id) ON DELETE CASCADE,
  constraint "experiment_daily_metrics_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.experiment_daily_metrics is 'Per variant and UTC day: visitors assigned, exposures, add-to-carts, goal events and the visitors who had one that day, purchases and revenue. Kept by private.refresh_experiment_rollup() (pg_cron, hourly) for the days whose events changed; private.rebuild_experiment_rollup() recomputes everything and must agree.';
comment on column public.experiment_daily_metrics.converting_visitors is 'Distinct visitors with a goal event on that day (a visitor converting on two days counts on both).';

alter table public.experiment_daily_metrics enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.experiment_daily_metrics to service_role;
grant select on public.experiment_daily_metrics to authenticated;

CREATE INDEX experiment_daily_metrics_experiment_idx ON public.experiment_daily_metrics USING btree (workspace_id, experiment_id, day);

create policy "viewers read" on public.experiment_daily_metrics for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON public.experiment_daily_metrics FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
