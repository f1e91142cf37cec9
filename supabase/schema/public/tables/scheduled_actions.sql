create table public.scheduled_actions (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  execution_id uuid not null,
  action_index integer not null,
  action_type public.workflow_action_type not null,
  params jsonb default '{}'::jsonb not null,
  scheduled_for timestamp with time zone default now() not null,
  status public.scheduled_action_status default 'pending'::public.scheduled_action_status not null,
  attempts integer default 0 not null,
  max_attempts integer default 3 not null,
  executed_at timestamp with time zone,
  result jsonb,
  last_error text,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "scheduled_actions_pkey" PRIMARY KEY (id),
  constraint "an execution schedules each action once" UNIQUE (execution_id, action_index),
  constraint "attempts are between 0 and max_attempts" CHECK (((attempts >= 0) AND ((max_attempts >= 1) AND (max_attempts <= 10)) AND (attempts <= max_attempts))),
  constraint "scheduled_actions_workspace_id_execution_id_fkey" FOREIGN KEY (workspace_id, execution_id) REFERENCES public.workflow_executions(workspace_id, id) ON DELETE CASCADE,
  constraint "scheduled_actions_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.scheduled_actions is 'The action queue: one row per action of an execution, due at scheduled_for. private.process_scheduled_actions (pg_cron, every minute) claims due rows with FOR UPDATE SKIP LOCKED and marks each succeeded in the transaction that performs it; failures retry after 1, 2, 4 ... minutes until max_attempts. Members cancel pending ones with public.cancel_scheduled_action.';
comment on column public.scheduled_actions.executed_at is 'When it succeeded, finally failed or was cancelled.';
comment on column public.scheduled_actions.result is 'What the action did, e.g. {"task_id": ...} or {"lead_id", "from", "to"}.';

alter table public.scheduled_actions enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.scheduled_actions to service_role;
grant select on public.scheduled_actions to authenticated;

CREATE INDEX scheduled_actions_due_idx ON public.scheduled_actions USING btree (scheduled_for, id) WHERE (status = 'pending'::public.scheduled_action_status);
CREATE INDEX scheduled_actions_execution_idx ON public.scheduled_actions USING btree (workspace_id, execution_id);

create policy "viewers read" on public.scheduled_actions for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.scheduled_actions FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.scheduled_actions FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
