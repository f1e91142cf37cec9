create table public.digital_assets (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  name text not null,
  kind public.asset_kind not null,
  storage_path text not null,
  mime_type text not null,
  size_bytes bigint default 0 not null,
  width integer,
  height integer,
  duration_seconds numeric(10,3),
  alt_text text,
  tags text[] default '{}'::text[] not null,
  campaign_id uuid,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "digital_assets_pkey" PRIMARY KEY (id),
  constraint "alt text has at most 1000 characters" CHECK ((char_length(alt_text) <= 1000)),
  constraint "an asset name has 1 to 300 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 300))),
  constraint "an asset path is used once" UNIQUE (workspace_id, storage_path),
  constraint "at most 50 tags" CHECK ((cardinality(tags) <= 50)),
  constraint "digital_assets_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "digital_assets_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.campaigns(workspace_id, id) ON DELETE SET NULL (campaign_id),
  constraint "digital_assets_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "digital_assets_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "mime_type looks like type/subtype" CHECK ((mime_type ~ '^[a-z]+/[a-zA-Z0-9.+-]+$'::text)),
  constraint "size and dimensions cannot be negative" CHECK (((size_bytes >= 0) AND (COALESCE(width, 0) >= 0) AND (COALESCE(height, 0) >= 0) AND (COALESCE(duration_seconds, (0)::numeric) >= (0)::numeric))),
  constraint "the storage path starts with the workspace id" CHECK (((storage_path ~~ ((workspace_id)::text || '/_%'::text)) AND (char_length(storage_path) <= 1024)))
);
comment on table public.digital_assets is 'Uploaded files (images, videos, documents) used in campaigns; the file itself is in Storage at storage_path, which starts with the workspace id.';
comment on column public.digital_assets.storage_path is '<workspace_id>/<...>: the object''s path in its bucket.';

alter table public.digital_assets enable row level security;
grant insert, select, update, delete on public.digital_assets to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.digital_assets to service_role;

CREATE INDEX digital_assets_campaign_idx ON public.digital_assets USING btree (workspace_id, campaign_id);
CREATE INDEX digital_assets_created_by_idx ON public.digital_assets USING btree (created_by);
CREATE INDEX digital_assets_workspace_kind_idx ON public.digital_assets USING btree (workspace_id, kind);

create policy "members add" on public.digital_assets for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.digital_assets for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.digital_assets for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.digital_assets for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.digital_assets FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER refuse_deleting_brand_file BEFORE DELETE ON public.digital_assets FOR EACH ROW EXECUTE FUNCTION private.refuse_deleting_brand_file();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.digital_assets FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.digital_assets FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
