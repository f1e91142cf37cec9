create table private.experiment_visitor_stats (
  experiment_id uuid not null,
  visitor_id text not null,
  workspace_id uuid not null,
  variant_id uuid not null,
  day date not null,
  x bigint not null,
  o bigint not null,
  c bigint not null,
  converted boolean not null,
  constraint "experiment_visitor_stats_pkey" PRIMARY KEY (experiment_id, visitor_id),
  constraint "experiment_visitor_stats_experiment_id_variant_id_fkey" FOREIGN KEY (experiment_id, variant_id) REFERENCES public.experiment_variants(experiment_id, id) ON DELETE CASCADE,
  constraint "experiment_visitor_stats_workspace_id_experiment_id_fkey" FOREIGN KEY (workspace_id, experiment_id) REFERENCES public.experiments(workspace_id, id) ON DELETE CASCADE,
  constraint "experiment_visitor_stats_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table private.experiment_visitor_stats is 'Per assigned visitor of an experiment: variant, assignment day (UTC), purchase revenue x (cents), purchases o, pre-exposure net order revenue c (cents, 0 without CUPED) and whether a goal event happened. Written by private.apply_experiment_visitors (triggers) and private.rebuild_experiment_stats; read by the same to compute differences.';

alter table private.experiment_visitor_stats enable row level security;

CREATE INDEX experiment_visitor_stats_variant_idx ON private.experiment_visitor_stats USING btree (experiment_id, variant_id);
CREATE INDEX experiment_visitor_stats_workspace_idx ON private.experiment_visitor_stats USING btree (workspace_id, experiment_id);

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON private.experiment_visitor_stats FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
