create table public.experiment_assignments (
  workspace_id uuid not null,
  experiment_id uuid not null,
  visitor_id text not null,
  variant_id uuid not null,
  assigned_at timestamp with time zone default now() not null,
  constraint "experiment_assignments_pkey" PRIMARY KEY (workspace_id, experiment_id, visitor_id),
  constraint "experiment_assignments_experiment_id_variant_id_fkey" FOREIGN KEY (experiment_id, variant_id) REFERENCES public.experiment_variants(experiment_id, id) ON DELETE CASCADE,
  constraint "experiment_assignments_visitor_id_format" CHECK (private.is_visitor_id(visitor_id)),
  constraint "experiment_assignments_workspace_id_experiment_id_fkey" FOREIGN KEY (workspace_id, experiment_id) REFERENCES public.experiments(workspace_id, id) ON DELETE CASCADE,
  constraint "experiment_assignments_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.experiment_assignments is 'Which variant each visitor got: written once by public.assign_experiment (deterministic hash bucketing) and returned on every later call.';

alter table public.experiment_assignments enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.experiment_assignments to service_role;
grant select on public.experiment_assignments to authenticated;

CREATE INDEX experiment_assignments_variant_idx ON public.experiment_assignments USING btree (experiment_id, variant_id, assigned_at);
CREATE UNIQUE INDEX experiment_assignments_variant_key ON public.experiment_assignments USING btree (workspace_id, experiment_id, visitor_id, variant_id);
CREATE INDEX experiment_assignments_visitor_idx ON public.experiment_assignments USING btree (workspace_id, visitor_id);

create policy "viewers read" on public.experiment_assignments for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER experiment_stats_delete AFTER DELETE ON public.experiment_assignments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER experiment_stats_insert AFTER INSERT ON public.experiment_assignments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER experiment_stats_update AFTER UPDATE ON public.experiment_assignments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id ON public.experiment_assignments FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id');
CREATE TRIGGER mark_experiment_rollup_dirty AFTER INSERT ON public.experiment_assignments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.mark_experiment_rollup_dirty();
CREATE TRIGGER mark_experiment_rollup_dirty_delete AFTER DELETE ON public.experiment_assignments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.mark_experiment_rollup_dirty();
CREATE TRIGGER mark_experiment_rollup_dirty_update AFTER UPDATE ON public.experiment_assignments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.mark_experiment_rollup_dirty();
