create table public.chat_sessions (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  user_id uuid default auth.uid() not null,
  agent_id uuid,
  purpose public.chat_purpose default 'chat'::public.chat_purpose not null,
  campaign_id uuid,
  title text,
  status public.chat_session_status default 'active'::public.chat_session_status not null,
  state jsonb default '{}'::jsonb not null,
  message_count integer default 0 not null,
  last_message_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "chat_sessions_pkey" PRIMARY KEY (id),
  constraint "chat_sessions_campaign_id_fkey" FOREIGN KEY (campaign_id, workspace_id) REFERENCES public.campaigns(id, workspace_id) ON DELETE SET NULL (campaign_id),
  constraint "chat_sessions_state_check" CHECK ((jsonb_typeof(state) = 'object'::text)),
  constraint "chat_sessions_title_check" CHECK ((char_length(title) <= 200)),
  constraint "chat_sessions_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint "chat_sessions_workspace_id_agent_id_fkey" FOREIGN KEY (workspace_id, agent_id) REFERENCES public.agents(workspace_id, id) ON DELETE SET NULL (agent_id),
  constraint "chat_sessions_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "chat_sessions_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.chat_sessions is 'A user''s conversation with our AI. Personal: only the user who owns it reads or writes it, and only while a member of its workspace.';
comment on column public.chat_sessions.campaign_id is 'The marketing campaign (public.campaigns) of the same workspace a copilot session designs or discusses.';
comment on column public.chat_sessions.state is 'Copilot working state: current step, the campaign draft, choices made.';
comment on column public.chat_sessions.message_count is 'Messages in the session, kept by trigger.';

alter table public.chat_sessions enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.chat_sessions to service_role;
grant select, delete on public.chat_sessions to authenticated;
grant insert (id) on public.chat_sessions to authenticated;
grant insert (workspace_id) on public.chat_sessions to authenticated;
grant insert, update (agent_id) on public.chat_sessions to authenticated;
grant insert, update (purpose) on public.chat_sessions to authenticated;
grant insert, update (campaign_id) on public.chat_sessions to authenticated;
grant insert, update (title) on public.chat_sessions to authenticated;
grant update (status) on public.chat_sessions to authenticated;
grant insert, update (state) on public.chat_sessions to authenticated;

CREATE INDEX chat_sessions_campaign_id_workspace_id_idx ON public.chat_sessions USING btree (campaign_id, workspace_id);
CREATE INDEX chat_sessions_user_idx ON public.chat_sessions USING btree (user_id, workspace_id, updated_at DESC);
CREATE INDEX chat_sessions_workspace_agent_idx ON public.chat_sessions USING btree (workspace_id, agent_id);

create policy "users change their chats" on public.chat_sessions for update to authenticated
  using (((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids)))))
  with check (((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids)))));
create policy "users delete their chats" on public.chat_sessions for delete to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));
create policy "users read their chats" on public.chat_sessions for select to authenticated
  using (((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids)))));
create policy "users start chats" on public.chat_sessions for insert to authenticated
  with check (((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids)))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.chat_sessions FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.chat_sessions FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.chat_sessions FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('user_id');
