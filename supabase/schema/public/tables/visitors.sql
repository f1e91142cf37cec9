create table public.visitors (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  visitor_id text not null,
  identity_id uuid,
  first_seen_at timestamp with time zone default now() not null,
  last_seen_at timestamp with time zone default now() not null,
  identified_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "visitors_pkey" PRIMARY KEY (id),
  constraint "visitors_visitor_id_format" CHECK (private.is_visitor_id(visitor_id)),
  constraint "visitors_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "visitors_workspace_id_identity_id_fkey" FOREIGN KEY (workspace_id, identity_id) REFERENCES public.customer_identities(workspace_id, id) ON DELETE SET NULL (identity_id),
  constraint "visitors_workspace_id_visitor_id_key" UNIQUE (workspace_id, visitor_id)
);
comment on table public.visitors is 'Storefront visitors by their anonymous id (cookie). identity_id links a visitor to a customer once identified (stitching); its touchpoints then belong to the identity''s journey.';
comment on column public.visitors.visitor_id is 'The storefront''s anonymous visitor id (the same id experiments assign and orders carry).';
comment on column public.visitors.identified_at is 'When the visitor was last linked to an identity.';

alter table public.visitors enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.visitors to service_role;
grant select on public.visitors to authenticated;

CREATE INDEX visitors_identity_idx ON public.visitors USING btree (workspace_id, identity_id) WHERE (identity_id IS NOT NULL);

create policy "viewers read" on public.visitors for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER experiment_stats_delete AFTER DELETE ON public.visitors REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER experiment_stats_insert AFTER INSERT ON public.visitors REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER experiment_stats_update AFTER UPDATE ON public.visitors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.visitors FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.visitors FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER uncredit_identity_journeys AFTER UPDATE ON public.visitors REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.visitor_identity_changed();
