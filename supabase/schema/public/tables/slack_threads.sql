create table public.slack_threads (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  slack_channel_id text not null,
  thread_ts text not null,
  reply_count integer default 0 not null,
  participant_ids text[] default '{}'::text[] not null,
  last_reply_at timestamp with time zone,
  preserved boolean default false not null,
  preserved_by uuid,
  summary text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "slack_threads_pkey" PRIMARY KEY (id),
  constraint "slack_threads_preserved_by_fkey" FOREIGN KEY (preserved_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "slack_threads_reply_count_check" CHECK ((reply_count >= 0)),
  constraint "slack_threads_summary_check" CHECK ((char_length(summary) <= 20000)),
  constraint "slack_threads_thread_ts_check" CHECK ((thread_ts ~ '^\d{1,12}\.\d{1,6}$'::text)),
  constraint "slack_threads_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "slack_threads_workspace_id_slack_channel_id_fkey" FOREIGN KEY (workspace_id, slack_channel_id) REFERENCES public.slack_channels(workspace_id, slack_channel_id) ON DELETE CASCADE,
  constraint "slack_threads_workspace_id_slack_channel_id_thread_ts_key" UNIQUE (workspace_id, slack_channel_id, thread_ts)
);
comment on table public.slack_threads is 'Threads: reply count, participants and last reply kept by triggers on slack_messages. A preserved thread (marked by a member) keeps its messages past the 30-day purge.';
comment on column public.slack_threads.reply_count is 'Cached replies (messages with this thread_ts other than the parent).';
comment on column public.slack_threads.participant_ids is 'Slack user ids that replied, in order of first reply.';
comment on column public.slack_threads.preserved is 'Kept beyond 30 days (with its messages) until unmarked.';

alter table public.slack_threads enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.slack_threads to service_role;
grant select on public.slack_threads to authenticated;
grant update (preserved) on public.slack_threads to authenticated;
grant update (preserved_by) on public.slack_threads to authenticated;

CREATE INDEX slack_threads_preserved_by_idx ON public.slack_threads USING btree (preserved_by);

create policy "members change" on public.slack_threads for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.slack_threads for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.slack_threads FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.slack_threads FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
