create table public.social_account_daily (
  workspace_id uuid not null,
  social_account_id uuid not null,
  day date not null,
  followers bigint,
  reach bigint,
  impressions bigint,
  views bigint,
  profile_views bigint,
  likes bigint,
  comments bigint,
  shares bigint,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "social_account_daily_pkey" PRIMARY KEY (social_account_id, day),
  constraint "social_account_daily_comments_check" CHECK ((comments >= 0)),
  constraint "social_account_daily_followers_check" CHECK ((followers >= 0)),
  constraint "social_account_daily_impressions_check" CHECK ((impressions >= 0)),
  constraint "social_account_daily_likes_check" CHECK ((likes >= 0)),
  constraint "social_account_daily_profile_views_check" CHECK ((profile_views >= 0)),
  constraint "social_account_daily_reach_check" CHECK ((reach >= 0)),
  constraint "social_account_daily_shares_check" CHECK ((shares >= 0)),
  constraint "social_account_daily_views_check" CHECK ((views >= 0)),
  constraint "social_account_daily_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "social_account_daily_workspace_id_social_account_id_fkey" FOREIGN KEY (workspace_id, social_account_id) REFERENCES public.social_accounts(workspace_id, id) ON DELETE CASCADE
);
comment on table public.social_account_daily is 'An account''s insights per day as the network reports them (Instagram: followers, reach, views, profile views; TikTok: followers, video views, profile views, likes, comments, shares); NULL where the network does not report a figure. Written by the analytics sync; viewers read; kept social_retention_days.';

alter table public.social_account_daily enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.social_account_daily to service_role;
grant select on public.social_account_daily to authenticated;

CREATE INDEX social_account_daily_account_idx ON public.social_account_daily USING btree (workspace_id, social_account_id, day DESC);

create policy "viewers read" on public.social_account_daily for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.social_account_daily FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.social_account_daily FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
