create table public.social_accounts (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  connection_id uuid,
  platform public.social_platform not null,
  external_account_id text not null,
  username text,
  display_name text,
  followers bigint,
  posts_count bigint,
  last_synced_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "social_accounts_pkey" PRIMARY KEY (id),
  constraint "social_accounts_display_name_check" CHECK ((char_length(display_name) <= 200)),
  constraint "social_accounts_external_account_id_check" CHECK (((char_length(external_account_id) >= 1) AND (char_length(external_account_id) <= 200))),
  constraint "social_accounts_followers_check" CHECK ((followers >= 0)),
  constraint "social_accounts_posts_count_check" CHECK ((posts_count >= 0)),
  constraint "social_accounts_username_check" CHECK ((char_length(username) <= 200)),
  constraint "social_accounts_workspace_id_connection_id_fkey" FOREIGN KEY (workspace_id, connection_id) REFERENCES public.integration_connections(workspace_id, id) ON DELETE SET NULL (connection_id),
  constraint "social_accounts_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "social_accounts_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "social_accounts_workspace_id_platform_external_account_id_key" UNIQUE (workspace_id, platform, external_account_id)
);
comment on table public.social_accounts is 'A social network account whose organic posts and insights the analytics sync reads (Instagram professional account, TikTok business account), with its current follower and post counts. Written by the sync; viewers read.';
comment on column public.social_accounts.connection_id is 'The connection it is read through (a Meta connection for Instagram, a tiktok_account connection); NULL once that is deleted.';

alter table public.social_accounts enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.social_accounts to service_role;
grant select on public.social_accounts to authenticated;

CREATE INDEX social_accounts_connection_idx ON public.social_accounts USING btree (workspace_id, connection_id);

create policy "viewers read" on public.social_accounts for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.social_accounts FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.social_accounts FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
