create table public.workspaces (
  id uuid default gen_random_uuid() not null,
  name text not null,
  slug text not null,
  shop_domain text,
  plan public.workspace_plan default 'free'::public.workspace_plan not null,
  storage_quota_bytes bigint default '5368709120'::bigint,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "workspaces_pkey" PRIMARY KEY (id),
  constraint "name must be 1 to 120 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 120))),
  constraint "slug must be 2 to 63 lowercase letters, digits or hyphens" CHECK ((slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'::text)),
  constraint "workspaces_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "workspaces_shop_domain_check" CHECK ((shop_domain ~ '^[a-z0-9][a-z0-9-]*\.myshopify\.com$'::text)),
  constraint "workspaces_shop_domain_key" UNIQUE (shop_domain),
  constraint "workspaces_slug_key" UNIQUE (slug),
  constraint "workspaces_storage_quota_bytes_check" CHECK ((storage_quota_bytes >= 0))
);
comment on table public.workspaces is 'A brand or shop: the tenant. Every tenant row carries workspace_id.';
comment on column public.workspaces.slug is 'URL-safe unique handle: lowercase letters, digits and hyphens, 2-63 chars.';
comment on column public.workspaces.shop_domain is 'The Shopify shop whose app install (a verified OAuth callback) connected this workspace; set and cleared by the integration functions, never by users.';
comment on column public.workspaces.plan is 'Billing plan; changed by billing (service role) through private.set_workspace_plan, never by members.';
comment on column public.workspaces.storage_quota_bytes is 'Bytes of media the workspace may keep across its buckets (data-exports excluded); null = unlimited. Uploads are refused once usage reaches it.';
comment on column public.workspaces.created_by is 'The user who created it; became its first owner. Not changeable by API roles.';

alter table public.workspaces enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.workspaces to service_role;
grant select, delete on public.workspaces to authenticated;
grant insert (id) on public.workspaces to authenticated;
grant insert, update (name) on public.workspaces to authenticated;
grant insert, update (slug) on public.workspaces to authenticated;
grant insert (created_by) on public.workspaces to authenticated;

CREATE INDEX workspaces_created_by_idx ON public.workspaces USING btree (created_by);

create policy "admins change workspace settings" on public.workspaces for update to authenticated
  using ((id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "members read their workspaces, creators the one they are creati" on public.workspaces for select to authenticated
  using (((id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))) OR ((created_by = ( SELECT auth.uid() AS uid)) AND (created_at = now()))));
create policy "owners delete workspaces" on public.workspaces for delete to authenticated
  using ((id = ANY (ARRAY( SELECT private.workspace_ids('owner'::public.workspace_role) AS workspace_ids))));
create policy "users create workspaces they own" on public.workspaces for insert to authenticated
  with check ((created_by = ( SELECT auth.uid() AS uid)));

CREATE TRIGGER add_workspace_owner AFTER INSERT ON public.workspaces FOR EACH ROW EXECUTE FUNCTION private.add_workspace_owner();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.workspaces FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
