create table public.customer_identities (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  customer_id uuid not null,
  first_seen_at timestamp with time zone default now() not null,
  last_seen_at timestamp with time zone default now() not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "customer_identities_pkey" PRIMARY KEY (id),
  constraint "customer_identities_customer_id_fkey" FOREIGN KEY (customer_id, workspace_id) REFERENCES public.customers(id, workspace_id) ON DELETE CASCADE,
  constraint "customer_identities_customer_id_key" UNIQUE (customer_id),
  constraint "customer_identities_customer_id_workspace_id_key" UNIQUE (customer_id, workspace_id),
  constraint "customer_identities_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "customer_identities_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.customer_identities is 'One per customer (commerce) seen in attribution: the identity graph node that gathers the customer''s visitors and devices. Email and phone hashes live on customers; GDPR erasure of the customer removes the identity and unlinks its visitors.';
comment on column public.customer_identities.first_seen_at is 'Earliest activity of any of its visitors known when it was linked.';

alter table public.customer_identities enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.customer_identities to service_role;
grant select on public.customer_identities to authenticated;

create policy "viewers read" on public.customer_identities for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER experiment_stats_update AFTER UPDATE ON public.customer_identities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.experiment_stats_changed();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.customer_identities FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.customer_identities FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
