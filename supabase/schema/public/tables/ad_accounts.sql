create table public.ad_accounts (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  platform public.ad_platform not null,
  external_account_id text not null,
  name text,
  currency character(3) default 'USD'::bpchar not null,
  timezone text default 'UTC'::text not null,
  status public.ad_status default 'active'::public.ad_status not null,
  integration_connection_id uuid,
  metadata jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "ad_accounts_pkey" PRIMARY KEY (id),
  constraint "ad_accounts_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "ad_accounts_external_account_id_check" CHECK (((char_length(external_account_id) >= 1) AND (char_length(external_account_id) <= 64))),
  constraint "ad_accounts_integration_connection_id_fkey" FOREIGN KEY (integration_connection_id, workspace_id) REFERENCES public.integration_connections(id, workspace_id) ON DELETE SET NULL (integration_connection_id),
  constraint "ad_accounts_metadata_check" CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint "ad_accounts_name_check" CHECK ((char_length(name) <= 200)),
  constraint "ad_accounts_timezone_check" CHECK (((char_length(timezone) >= 1) AND (char_length(timezone) <= 64))),
  constraint "ad_accounts_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "ad_accounts_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "ad_accounts_workspace_id_platform_external_account_id_key" UNIQUE (workspace_id, platform, external_account_id)
);
comment on table public.ad_accounts is 'Ad accounts (Meta act_..., Google customer ids ...) a workspace reports on.';
comment on column public.ad_accounts.integration_connection_id is 'The integration connection that syncs this account.';

alter table public.ad_accounts enable row level security;
grant insert, select, update, delete on public.ad_accounts to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.ad_accounts to service_role;

CREATE INDEX ad_accounts_integration_connection_id_workspace_id_idx ON public.ad_accounts USING btree (integration_connection_id, workspace_id);

create policy "admins add" on public.ad_accounts for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins change" on public.ad_accounts for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "admins remove" on public.ad_accounts for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.ad_accounts for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ad_accounts FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ad_accounts FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
