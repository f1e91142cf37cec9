create table public.ad_groups (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  campaign_id uuid not null,
  platform public.ad_platform not null,
  external_id text not null,
  name text not null,
  status public.ad_status default 'active'::public.ad_status not null,
  targeting jsonb default '{}'::jsonb not null,
  cpc_bid_micros bigint,
  daily_budget_cents bigint,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  last_synced_at timestamp with time zone,
  constraint "ad_groups_pkey" PRIMARY KEY (id),
  constraint "ad_groups_cpc_bid_micros_check" CHECK ((cpc_bid_micros >= 0)),
  constraint "ad_groups_daily_budget_cents_check" CHECK ((daily_budget_cents >= 0)),
  constraint "ad_groups_external_id_check" CHECK (((char_length(external_id) >= 1) AND (char_length(external_id) <= 64))),
  constraint "ad_groups_name_check" CHECK (((char_length(name) >= 1) AND (char_length(name) <= 500))),
  constraint "ad_groups_targeting_check" CHECK ((jsonb_typeof(targeting) = 'object'::text)),
  constraint "ad_groups_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.ad_campaigns(workspace_id, id) ON DELETE CASCADE,
  constraint "ad_groups_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "ad_groups_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "ad_groups_workspace_id_platform_external_id_key" UNIQUE (workspace_id, platform, external_id)
);
comment on table public.ad_groups is 'Meta ad sets and Google ad groups.';
comment on column public.ad_groups.cpc_bid_micros is 'Max CPC bid in micros of the account currency (Google''s unit: 1,000,000 = 1 unit).';
comment on column public.ad_groups.last_synced_at is 'When the platform''s description of this ad group was fetched by the ads sync; an older page never overwrites a newer one.';

alter table public.ad_groups enable row level security;
grant insert, select, update, delete on public.ad_groups to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.ad_groups to service_role;

CREATE INDEX ad_groups_campaign_id_idx ON public.ad_groups USING btree (workspace_id, campaign_id);

create policy "members add" on public.ad_groups for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.ad_groups for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.ad_groups for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.ad_groups for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ad_groups FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ad_groups FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
