create table public.slack_users (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  team_id text not null,
  slack_user_id text not null,
  name text,
  real_name text,
  email text,
  title text,
  timezone text,
  avatar_url text,
  is_admin boolean default false not null,
  is_bot boolean default false not null,
  is_deleted boolean default false not null,
  synced_at timestamp with time zone default now() not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "slack_users_pkey" PRIMARY KEY (id),
  constraint "slack_users_avatar_url_check" CHECK ((char_length(avatar_url) <= 2000)),
  constraint "slack_users_email_check" CHECK ((char_length(email) <= 320)),
  constraint "slack_users_name_check" CHECK ((char_length(name) <= 255)),
  constraint "slack_users_real_name_check" CHECK ((char_length(real_name) <= 255)),
  constraint "slack_users_slack_user_id_check" CHECK ((slack_user_id ~ '^[A-Z0-9]{2,32}$'::text)),
  constraint "slack_users_team_id_check" CHECK ((team_id ~ '^[A-Z0-9]{2,32}$'::text)),
  constraint "slack_users_timezone_check" CHECK ((char_length(timezone) <= 64)),
  constraint "slack_users_title_check" CHECK ((char_length(title) <= 255)),
  constraint "slack_users_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "slack_users_workspace_id_slack_user_id_key" UNIQUE (workspace_id, slack_user_id)
);
comment on table public.slack_users is 'Cached profiles of the connected Slack team''s users (users.list). Personal data of team members: an erased user''s email is removed here too.';
comment on column public.slack_users.is_deleted is 'Deactivated in Slack; kept so old messages still have an author.';

alter table public.slack_users enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.slack_users to service_role;
grant select on public.slack_users to authenticated;

CREATE INDEX slack_users_workspace_email_idx ON public.slack_users USING btree (workspace_id, lower(email)) WHERE (email IS NOT NULL);

create policy "viewers read" on public.slack_users for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.slack_users FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.slack_users FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
