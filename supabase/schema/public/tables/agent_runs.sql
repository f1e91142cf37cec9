create table public.agent_runs (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  agent_id uuid not null,
  trigger public.agent_run_trigger default 'manual'::public.agent_run_trigger not null,
  triggered_by uuid default auth.uid(),
  status public.agent_run_status default 'queued'::public.agent_run_status not null,
  input jsonb default '{}'::jsonb not null,
  output jsonb,
  error text,
  started_at timestamp with time zone,
  finished_at timestamp with time zone,
  duration_ms integer generated always as (((EXTRACT(epoch FROM (finished_at - started_at)) * (1000)::numeric))::integer) stored,
  queries integer default 0 not null,
  input_tokens bigint default 0 not null,
  output_tokens bigint default 0 not null,
  cost_micros bigint default 0 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  kind public.agent_run_kind default 'task'::public.agent_run_kind not null,
  dedupe_key text,
  acting_user_id uuid,
  model text,
  model_id uuid,
  steps smallint default 0 not null,
  lease_expires_at timestamp with time zone,
  chat_session_id uuid,
  constraint "agent_runs_pkey" PRIMARY KEY (id),
  constraint "agent_runs_acting_user_id_fkey" FOREIGN KEY (acting_user_id) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "agent_runs_chat_session_fkey" FOREIGN KEY (workspace_id, chat_session_id) REFERENCES public.chat_sessions(workspace_id, id) ON DELETE SET NULL (chat_session_id),
  constraint "agent_runs_dedupe_key_check" CHECK (((char_length(dedupe_key) >= 1) AND (char_length(dedupe_key) <= 200))),
  constraint "agent_runs_error_check" CHECK ((char_length(error) <= 4000)),
  constraint "agent_runs_model_check" CHECK (((char_length(model) >= 1) AND (char_length(model) <= 128))),
  constraint "agent_runs_model_id_fkey" FOREIGN KEY (model_id) REFERENCES public.ai_models(id) ON DELETE SET NULL,
  constraint "agent_runs_steps_check" CHECK ((steps >= 0)),
  constraint "agent_runs_triggered_by_fkey" FOREIGN KEY (triggered_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "agent_runs_workspace_id_agent_id_fkey" FOREIGN KEY (workspace_id, agent_id) REFERENCES public.agents(workspace_id, id) ON DELETE CASCADE,
  constraint "agent_runs_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "agent_runs_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.agent_runs is 'One execution of an agent: trigger, status, timings, and token and cost totals summed from its agent_queries. Members queue manual runs and cancel; the agent runtime (service) moves them.';
comment on column public.agent_runs.duration_ms is 'finished_at - started_at in milliseconds, once both are set.';
comment on column public.agent_runs.queries is 'LLM calls made by the run (agent_queries rows), kept by trigger.';
comment on column public.agent_runs.cost_micros is 'Sum of its agent_queries.cost_micros (micros of USD), kept by trigger.';
comment on column public.agent_runs.kind is 'What the run does and where its output is stored (agent_run_kind).';
comment on column public.agent_runs.dedupe_key is 'Scheduled runs'' key (e.g. ceo_briefing:daily:2026-12-10): one run per workspace and key, ever.';
comment on column public.agent_runs.acting_user_id is 'The member the run''s tools act as under RLS: who asked, else the agent''s creator, else the workspace owner (private.agent_run_actor).';
comment on column public.agent_runs.model is 'The model the run called (the agent''s, the deployment''s AGENT_MODEL, or the default flagship).';
comment on column public.agent_runs.steps is 'Model calls the loop made (including failed ones).';
comment on column public.agent_runs.lease_expires_at is 'While running: when the runtime''s claim lapses (each model call extends it); a lapsed run fails.';
comment on column public.agent_runs.chat_session_id is 'The chat session a chat run answers in.';

alter table public.agent_runs enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.agent_runs to service_role;
grant select on public.agent_runs to authenticated;
grant insert (id) on public.agent_runs to authenticated;
grant insert (workspace_id) on public.agent_runs to authenticated;
grant insert (agent_id) on public.agent_runs to authenticated;
grant update (status) on public.agent_runs to authenticated;
grant insert (input) on public.agent_runs to authenticated;
grant insert (kind) on public.agent_runs to authenticated;

CREATE INDEX agent_runs_acting_user_idx ON public.agent_runs USING btree (acting_user_id);
CREATE INDEX agent_runs_active_idx ON public.agent_runs USING btree (workspace_id, status) WHERE (status = ANY (ARRAY['queued'::public.agent_run_status, 'running'::public.agent_run_status]));
CREATE INDEX agent_runs_agent_idx ON public.agent_runs USING btree (workspace_id, agent_id, created_at DESC);
CREATE INDEX agent_runs_chat_session_idx ON public.agent_runs USING btree (workspace_id, chat_session_id);
CREATE UNIQUE INDEX agent_runs_dedupe_idx ON public.agent_runs USING btree (workspace_id, dedupe_key) WHERE (dedupe_key IS NOT NULL);
CREATE INDEX agent_runs_leased_idx ON public.agent_runs USING btree (lease_expires_at) WHERE (status = 'running'::public.agent_run_status);
CREATE INDEX agent_runs_model_id_idx ON public.agent_runs USING btree (model_id);
CREATE INDEX agent_runs_queued_idx ON public.agent_runs USING btree (created_at) WHERE (status = 'queued'::public.agent_run_status);
CREATE INDEX agent_runs_triggered_by_idx ON public.agent_runs USING btree (triggered_by);

create policy "members add" on public.agent_runs for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.agent_runs for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.agent_runs for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER guard_agent_run BEFORE INSERT ON public.agent_runs FOR EACH ROW EXECUTE FUNCTION private.guard_agent_run();
CREATE TRIGGER guard_agent_run_update BEFORE UPDATE ON public.agent_runs FOR EACH ROW WHEN ((NOT ((((old.acting_user_id IS NOT NULL) AND (new.acting_user_id IS NULL)) OR ((old.triggered_by IS NOT NULL) AND (new.triggered_by IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.acting_user_id, old.triggered_by], ARRAY[new.acting_user_id, new.triggered_by])))) EXECUTE FUNCTION private.guard_agent_run();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.agent_runs FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.agent_runs FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER wake_agent_runner AFTER INSERT ON public.agent_runs REFERENCING NEW TABLE AS new_runs FOR EACH STATEMENT EXECUTE FUNCTION private.wake_agent_runner();
