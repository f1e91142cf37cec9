create table public.brand_assets (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  kind public.brand_asset_kind not null,
  name text not null,
  value jsonb default '{}'::jsonb not null,
  digital_asset_id uuid,
  is_primary boolean default false not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "brand_assets_pkey" PRIMARY KEY (id),
  constraint "a brand asset name has 1 to 200 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "brand asset names are unique per kind" UNIQUE (workspace_id, kind, name),
  constraint "brand_assets_workspace_id_digital_asset_id_fkey" FOREIGN KEY (workspace_id, digital_asset_id) REFERENCES public.digital_assets(workspace_id, id) ON DELETE SET NULL (digital_asset_id),
  constraint "brand_assets_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.brand_assets is 'The brand identity: logos, colors, fonts, taglines, tone of voice, guidelines. At most one primary asset per kind; value is validated per kind (see the brand_asset_kind type).';
comment on column public.brand_assets.value is 'Kind-specific details, validated by private.check_brand_asset().';

alter table public.brand_assets enable row level security;
grant insert, select, update, delete on public.brand_assets to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.brand_assets to service_role;

CREATE INDEX brand_assets_digital_asset_idx ON public.brand_assets USING btree (workspace_id, digital_asset_id);
CREATE UNIQUE INDEX brand_assets_one_primary_per_kind ON public.brand_assets USING btree (workspace_id, kind) WHERE is_primary;

create policy "members add" on public.brand_assets for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.brand_assets for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.brand_assets for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.brand_assets for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_brand_asset BEFORE INSERT OR UPDATE ON public.brand_assets FOR EACH ROW EXECUTE FUNCTION private.check_brand_asset();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.brand_assets FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.brand_assets FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
