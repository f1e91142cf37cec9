create table public.ads (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  ad_group_id uuid not null,
  platform public.ad_platform not null,
  external_id text not null,
  name text not null,
  status public.ad_status default 'active'::public.ad_status not null,
  creative_id text,
  creative jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  last_synced_at timestamp with time zone,
  constraint "ads_pkey" PRIMARY KEY (id),
  constraint "ads_creative_check" CHECK ((jsonb_typeof(creative) = 'object'::text)),
  constraint "ads_creative_id_check" CHECK ((char_length(creative_id) <= 64)),
  constraint "ads_external_id_check" CHECK (((char_length(external_id) >= 1) AND (char_length(external_id) <= 64))),
  constraint "ads_name_check" CHECK (((char_length(name) >= 1) AND (char_length(name) <= 500))),
  constraint "ads_workspace_id_ad_group_id_fkey" FOREIGN KEY (workspace_id, ad_group_id) REFERENCES public.ad_groups(workspace_id, id) ON DELETE CASCADE,
  constraint "ads_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "ads_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "ads_workspace_id_platform_external_id_key" UNIQUE (workspace_id, platform, external_id)
);
comment on table public.ads is 'Individual ads and the creative they run.';
comment on column public.ads.creative is 'Headline, body, link and asset references as the platform reports them.';
comment on column public.ads.last_synced_at is 'When the platform''s description of this ad was fetched by the ads sync; an older page never overwrites a newer one.';

alter table public.ads enable row level security;
grant insert, select, update, delete on public.ads to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.ads to service_role;

CREATE INDEX ads_ad_group_id_idx ON public.ads USING btree (workspace_id, ad_group_id);

create policy "members add" on public.ads for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.ads for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.ads for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.ads for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ads FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ads FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
