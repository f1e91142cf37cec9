create table public.experiment_variants (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  experiment_id uuid not null,
  key text not null,
  name text not null,
  weight numeric(5,2) not null,
  is_control boolean default false not null,
  url text,
  config jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "experiment_variants_pkey" PRIMARY KEY (id),
  constraint "experiment_variants_config_object" CHECK ((jsonb_typeof(config) = 'object'::text)),
  constraint "experiment_variants_experiment_id_id_key" UNIQUE (experiment_id, id),
  constraint "experiment_variants_experiment_id_key_key" UNIQUE (experiment_id, key),
  constraint "experiment_variants_key_format" CHECK ((key ~ '^[a-z0-9][a-z0-9_-]{0,63}$'::text)),
  constraint "experiment_variants_name_length" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "experiment_variants_url_format" CHECK (((url ~ '^(https?://|/)[^\s]*$'::text) AND (char_length(url) <= 2000))),
  constraint "experiment_variants_weight_range" CHECK (((weight >= (0)::numeric) AND (weight <= (100)::numeric))),
  constraint "experiment_variants_workspace_id_experiment_id_fkey" FOREIGN KEY (workspace_id, experiment_id) REFERENCES public.experiments(workspace_id, id) ON DELETE CASCADE,
  constraint "experiment_variants_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.experiment_variants is 'Variants of an experiment with their traffic weights (percent; a running experiment''s sum to 100) and exactly one control. Key, weight and control can change only while the experiment is a draft.';
comment on column public.experiment_variants.url is 'For redirect tests: where the storefront sends visitors of this variant.';
comment on column public.experiment_variants.config is 'Free-form settings the storefront applies for this variant (copy, price display, ...).';

alter table public.experiment_variants enable row level security;
grant insert, select, update, delete on public.experiment_variants to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.experiment_variants to service_role;

CREATE INDEX experiment_variants_experiment_idx ON public.experiment_variants USING btree (workspace_id, experiment_id);
CREATE UNIQUE INDEX experiment_variants_one_control ON public.experiment_variants USING btree (experiment_id) WHERE is_control;

create policy "members add" on public.experiment_variants for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.experiment_variants for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.experiment_variants for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.experiment_variants for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER guard_experiment_variant BEFORE INSERT OR DELETE OR UPDATE ON public.experiment_variants FOR EACH ROW EXECUTE FUNCTION private.guard_experiment_variant();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.experiment_variants FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.experiment_variants FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
