create table public.slack_poll_states (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  poll_id text not null,
  slack_channel_id text not null,
  thread_ts text,
  question text not null,
  options text[] not null,
  responses jsonb default '{}'::jsonb not null,
  closes_at timestamp with time zone,
  closed_at timestamp with time zone,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "slack_poll_states_pkey" PRIMARY KEY (id),
  constraint "a poll has 2-20 options" CHECK (((cardinality(options) >= 2) AND (cardinality(options) <= 20))),
  constraint "slack_poll_states_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "slack_poll_states_poll_id_check" CHECK (((char_length(poll_id) >= 1) AND (char_length(poll_id) <= 128))),
  constraint "slack_poll_states_question_check" CHECK (((char_length(question) >= 1) AND (char_length(question) <= 2000))),
  constraint "slack_poll_states_responses_check" CHECK ((jsonb_typeof(responses) = 'object'::text)),
  constraint "slack_poll_states_thread_ts_check" CHECK ((thread_ts ~ '^\d{1,12}\.\d{1,6}$'::text)),
  constraint "slack_poll_states_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "slack_poll_states_workspace_id_poll_id_key" UNIQUE (workspace_id, poll_id),
  constraint "slack_poll_states_workspace_id_slack_channel_id_fkey" FOREIGN KEY (workspace_id, slack_channel_id) REFERENCES public.slack_channels(workspace_id, slack_channel_id) ON DELETE CASCADE
);
comment on table public.slack_poll_states is 'Polls the assistant posts in Slack: the answers so far, one per Slack user, until closed.';
comment on column public.slack_poll_states.responses is 'Slack user id -> chosen option index, e.g. {"U123": 0}.';

alter table public.slack_poll_states enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.slack_poll_states to service_role;
grant select on public.slack_poll_states to authenticated;

CREATE INDEX slack_poll_states_channel_idx ON public.slack_poll_states USING btree (workspace_id, slack_channel_id);
CREATE INDEX slack_poll_states_created_by_idx ON public.slack_poll_states USING btree (created_by);

create policy "viewers read" on public.slack_poll_states for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.slack_poll_states FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.slack_poll_states FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
