create table private.experiment_variant_stats (
  experiment_id uuid not null,
  variant_id uuid not null,
  day date not null,
  stripe smallint not null,
  workspace_id uuid not null,
  n bigint default 0 not null,
  conversions bigint default 0 not null,
  sum_x numeric default 0 not null,
  sum_xx numeric default 0 not null,
  sum_o numeric default 0 not null,
  sum_oo numeric default 0 not null,
  sum_xo numeric default 0 not null,
  sum_c numeric default 0 not null,
  sum_cc numeric default 0 not null,
  sum_xc numeric default 0 not null,
  constraint "experiment_variant_stats_pkey" PRIMARY KEY (experiment_id, variant_id, day, stripe),
  constraint "experiment_variant_stats_experiment_id_variant_id_fkey" FOREIGN KEY (experiment_id, variant_id) REFERENCES public.experiment_variants(experiment_id, id) ON DELETE CASCADE,
  constraint "experiment_variant_stats_workspace_id_experiment_id_fkey" FOREIGN KEY (workspace_id, experiment_id) REFERENCES public.experiments(workspace_id, id) ON DELETE CASCADE,
  constraint "experiment_variant_stats_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table private.experiment_variant_stats is 'Sufficient statistics of an experiment per variant, assignment day (UTC) and stripe: sums over the visitors of private.experiment_visitor_stats. Kept by private.apply_experiment_visitors (adds differences) and private.rebuild_experiment_stats; read by private.experiment_moments. A deleted variant''s rows go with it (cascade), like its assignments.';

alter table private.experiment_variant_stats enable row level security;

CREATE INDEX experiment_variant_stats_workspace_idx ON private.experiment_variant_stats USING btree (workspace_id, experiment_id);

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON private.experiment_variant_stats FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
