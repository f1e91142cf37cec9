create table public.chat_messages (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  session_id uuid not null,
  user_id uuid default auth.uid() not null,
  role public.chat_role not null,
  content text not null,
  query_id bigint,
  metadata jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  constraint "chat_messages_pkey" PRIMARY KEY (id),
  constraint "chat_messages_content_check" CHECK ((char_length(content) <= 100000)),
  constraint "chat_messages_metadata_check" CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint "chat_messages_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint "chat_messages_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "chat_messages_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "chat_messages_workspace_id_query_id_fkey" FOREIGN KEY (workspace_id, query_id) REFERENCES public.agent_queries(workspace_id, id) ON DELETE SET NULL (query_id),
  constraint "chat_messages_workspace_id_session_id_fkey" FOREIGN KEY (workspace_id, session_id) REFERENCES public.chat_sessions(workspace_id, id) ON DELETE CASCADE
);
comment on table public.chat_messages is 'Messages of a chat session (workspace_id must be the session''s; user_id is set to the session''s owner on insert). The session''s user reads them.';
comment on column public.chat_messages.query_id is 'The LLM call that produced an assistant message.';
comment on column public.chat_messages.metadata is 'Citations (knowledge chunk ids), tool calls, attachments.';

alter table public.chat_messages enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.chat_messages to service_role;
grant select on public.chat_messages to authenticated;
grant insert (workspace_id) on public.chat_messages to authenticated;
grant insert (session_id) on public.chat_messages to authenticated;
grant insert (role) on public.chat_messages to authenticated;
grant insert (content) on public.chat_messages to authenticated;
grant insert (metadata) on public.chat_messages to authenticated;

CREATE INDEX chat_messages_query_idx ON public.chat_messages USING btree (workspace_id, query_id);
CREATE INDEX chat_messages_session_idx ON public.chat_messages USING btree (workspace_id, session_id, id);
CREATE INDEX chat_messages_user_id_idx ON public.chat_messages USING btree (user_id);

create policy "users read their chat messages" on public.chat_messages for select to authenticated
  using (((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids)))));
create policy "users write to their chats" on public.chat_messages for insert to authenticated
  with check (((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids)))));

CREATE TRIGGER chat_message_from_session BEFORE INSERT ON public.chat_messages FOR EACH ROW EXECUTE FUNCTION private.chat_message_from_session();
CREATE TRIGGER count_chat_message AFTER INSERT ON public.chat_messages FOR EACH ROW EXECUTE FUNCTION private.count_chat_message();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.chat_messages FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER recount_chat_sessions_del AFTER DELETE ON public.chat_messages REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.recount_chat_sessions_deleted();
CREATE TRIGGER recount_chat_sessions_upd AFTER UPDATE ON public.chat_messages REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.recount_chat_sessions();
