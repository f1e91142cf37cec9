create table public.slack_channels (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  team_id text not null,
  slack_channel_id text not null,
  name text,
  is_private boolean default false not null,
  is_im boolean default false not null,
  is_mpim boolean default false not null,
  is_archived boolean default false not null,
  topic text,
  purpose text,
  member_count integer,
  synced_at timestamp with time zone default now() not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "slack_channels_pkey" PRIMARY KEY (id),
  constraint "slack_channels_member_count_check" CHECK ((member_count >= 0)),
  constraint "slack_channels_name_check" CHECK ((char_length(name) <= 255)),
  constraint "slack_channels_purpose_check" CHECK ((char_length(purpose) <= 2000)),
  constraint "slack_channels_slack_channel_id_check" CHECK ((slack_channel_id ~ '^[A-Z0-9]{2,32}$'::text)),
  constraint "slack_channels_team_id_check" CHECK ((team_id ~ '^[A-Z0-9]{2,32}$'::text)),
  constraint "slack_channels_topic_check" CHECK ((char_length(topic) <= 2000)),
  constraint "slack_channels_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "slack_channels_workspace_id_slack_channel_id_key" UNIQUE (workspace_id, slack_channel_id)
);
comment on table public.slack_channels is 'Cached channels, DMs (is_im) and group DMs (is_mpim) of the connected Slack team.';

alter table public.slack_channels enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.slack_channels to service_role;
grant select on public.slack_channels to authenticated;

create policy "viewers read" on public.slack_channels for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.slack_channels FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.slack_channels FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
