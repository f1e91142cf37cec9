create table public.agent_feedback (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  agent_id uuid,
  run_id uuid,
  query_id bigint,
  chat_message_id bigint,
  user_id uuid default auth.uid(),
  kind public.agent_feedback_kind not null,
  rating smallint,
  comment text,
  correction text,
  prompt_excerpt text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "agent_feedback_pkey" PRIMARY KEY (id),
  constraint "a correction needs the corrected text" CHECK (((kind <> 'correction'::public.agent_feedback_kind) OR (correction IS NOT NULL))),
  constraint "a rating needs a value from 1 to 5" CHECK (((kind <> 'rating'::public.agent_feedback_kind) OR (rating IS NOT NULL))),
  constraint "agent_feedback_comment_check" CHECK ((char_length(comment) <= 4000)),
  constraint "agent_feedback_correction_check" CHECK ((char_length(correction) <= 20000)),
  constraint "agent_feedback_prompt_excerpt_check" CHECK ((char_length(prompt_excerpt) <= 20000)),
  constraint "agent_feedback_rating_check" CHECK (((rating >= 1) AND (rating <= 5))),
  constraint "agent_feedback_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "agent_feedback_workspace_id_agent_id_fkey" FOREIGN KEY (workspace_id, agent_id) REFERENCES public.agents(workspace_id, id) ON DELETE SET NULL (agent_id),
  constraint "agent_feedback_workspace_id_chat_message_id_fkey" FOREIGN KEY (workspace_id, chat_message_id) REFERENCES public.chat_messages(workspace_id, id) ON DELETE SET NULL (chat_message_id),
  constraint "agent_feedback_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "agent_feedback_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "agent_feedback_workspace_id_query_id_fkey" FOREIGN KEY (workspace_id, query_id) REFERENCES public.agent_queries(workspace_id, id) ON DELETE SET NULL (query_id),
  constraint "agent_feedback_workspace_id_run_id_fkey" FOREIGN KEY (workspace_id, run_id) REFERENCES public.agent_runs(workspace_id, id) ON DELETE SET NULL (run_id)
);
comment on table public.agent_feedback is 'Operators'' feedback on agent output. A correction becomes a training example. Members give feedback; each person edits only their own.';
comment on column public.agent_feedback.prompt_excerpt is 'What the agent was asked, for corrections the training example keeps (defaults to the run''s input).';

alter table public.agent_feedback enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.agent_feedback to service_role;
grant select, delete on public.agent_feedback to authenticated;
grant insert (id) on public.agent_feedback to authenticated;
grant insert (workspace_id) on public.agent_feedback to authenticated;
grant insert (agent_id) on public.agent_feedback to authenticated;
grant insert (run_id) on public.agent_feedback to authenticated;
grant insert (query_id) on public.agent_feedback to authenticated;
grant insert (chat_message_id) on public.agent_feedback to authenticated;
grant insert (kind) on public.agent_feedback to authenticated;
grant insert, update (rating) on public.agent_feedback to authenticated;
grant insert, update (comment) on public.agent_feedback to authenticated;
grant insert, update (correction) on public.agent_feedback to authenticated;
grant insert (prompt_excerpt) on public.agent_feedback to authenticated;

CREATE INDEX agent_feedback_agent_idx ON public.agent_feedback USING btree (workspace_id, agent_id);
CREATE INDEX agent_feedback_message_idx ON public.agent_feedback USING btree (workspace_id, chat_message_id);
CREATE INDEX agent_feedback_query_idx ON public.agent_feedback USING btree (workspace_id, query_id);
CREATE INDEX agent_feedback_run_idx ON public.agent_feedback USING btree (workspace_id, run_id);
CREATE INDEX agent_feedback_user_id_idx ON public.agent_feedback USING btree (user_id);
CREATE INDEX agent_feedback_workspace_idx ON public.agent_feedback USING btree (workspace_id, created_at DESC);

create policy "members add" on public.agent_feedback for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change their feedback" on public.agent_feedback for update to authenticated
  using (((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids)))))
  with check (((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids)))));
create policy "members remove their feedback" on public.agent_feedback for delete to authenticated
  using (((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids)))));
create policy "viewers read" on public.agent_feedback for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER drop_feedback_without_subject AFTER UPDATE ON public.agent_feedback FOR EACH ROW WHEN ((num_nonnulls(new.agent_id, new.run_id, new.query_id, new.chat_message_id) = 0)) EXECUTE FUNCTION private.drop_feedback_without_subject();
CREATE TRIGGER guard_feedback_message BEFORE INSERT ON public.agent_feedback FOR EACH ROW EXECUTE FUNCTION private.guard_feedback_message();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.agent_feedback FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER learn_from_feedback AFTER INSERT ON public.agent_feedback FOR EACH ROW WHEN ((new.kind = 'correction'::public.agent_feedback_kind)) EXECUTE FUNCTION private.learn_from_feedback();
CREATE TRIGGER require_feedback_subject BEFORE INSERT ON public.agent_feedback FOR EACH ROW EXECUTE FUNCTION private.require_feedback_subject();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.agent_feedback FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.agent_feedback FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('user_id');
