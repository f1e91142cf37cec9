create table public.slack_messages (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  slack_channel_id text not null,
  ts text not null,
  thread_ts text,
  slack_user_id text,
  subtype text,
  text text,
  blocks jsonb,
  files jsonb,
  reactions jsonb,
  posted_at timestamp with time zone not null,
  edited_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "slack_messages_pkey" PRIMARY KEY (id),
  constraint "slack_messages_slack_user_id_check" CHECK ((char_length(slack_user_id) <= 32)),
  constraint "slack_messages_subtype_check" CHECK ((char_length(subtype) <= 64)),
  constraint "slack_messages_text_check" CHECK ((char_length(text) <= 40000)),
  constraint "slack_messages_thread_ts_check" CHECK ((thread_ts ~ '^\d{1,12}\.\d{1,6}$'::text)),
  constraint "slack_messages_ts_check" CHECK ((ts ~ '^\d{1,12}\.\d{1,6}$'::text)),
  constraint "slack_messages_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "slack_messages_workspace_id_slack_channel_id_fkey" FOREIGN KEY (workspace_id, slack_channel_id) REFERENCES public.slack_channels(workspace_id, slack_channel_id) ON DELETE CASCADE,
  constraint "slack_messages_workspace_id_slack_channel_id_ts_key" UNIQUE (workspace_id, slack_channel_id, ts)
);
comment on table public.slack_messages is 'The last 30 days of messages, by (channel, ts): a re-synced message updates in place. Purged daily unless its thread is preserved.';
comment on column public.slack_messages.ts is 'Slack''s message timestamp ("1700000000.000100"): the message id within its channel.';
comment on column public.slack_messages.thread_ts is 'The parent''s ts for replies and for the parent itself; null outside threads.';
comment on column public.slack_messages.posted_at is 'ts as a time; the 30-day window counts from it.';

alter table public.slack_messages enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.slack_messages to service_role;
grant select on public.slack_messages to authenticated;

CREATE INDEX slack_messages_posted_idx ON public.slack_messages USING btree (posted_at);
CREATE INDEX slack_messages_thread_idx ON public.slack_messages USING btree (workspace_id, slack_channel_id, thread_ts) WHERE (thread_ts IS NOT NULL);

create policy "viewers read" on public.slack_messages for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.slack_messages FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.slack_messages FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER slack_thread_counts_del AFTER DELETE ON public.slack_messages REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.slack_thread_counts();
CREATE TRIGGER slack_thread_counts_ins AFTER INSERT ON public.slack_messages REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.slack_thread_counts();
CREATE TRIGGER slack_thread_counts_upd AFTER UPDATE ON public.slack_messages REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.slack_thread_counts();
