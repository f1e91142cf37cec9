create table public.workflow_executions (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  rule_id uuid not null,
  trigger_type public.workflow_trigger not null,
  entity_id uuid,
  subject jsonb not null,
  depth integer default 0 not null,
  status public.workflow_execution_status default 'running'::public.workflow_execution_status not null,
  actions_total integer not null,
  actions_succeeded integer default 0 not null,
  actions_failed integer default 0 not null,
  actions_cancelled integer default 0 not null,
  results jsonb default '[]'::jsonb not null,
  started_by uuid,
  started_at timestamp with time zone default now() not null,
  finished_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "workflow_executions_pkey" PRIMARY KEY (id),
  constraint "workflow_executions_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "workflow_executions_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "workflow_executions_workspace_id_rule_id_fkey" FOREIGN KEY (workspace_id, rule_id) REFERENCES public.workflow_rules(workspace_id, id) ON DELETE CASCADE
);
comment on table public.workflow_executions is 'One run of a rule for one event, with its results. Written by the engine only; counts, status and results follow its scheduled actions.';
comment on column public.workflow_executions.entity_id is 'The row the event was about (lead, campaign, task); null for manual runs without one.';
comment on column public.workflow_executions.subject is 'What the conditions were evaluated against and the actions read: {"row", "old"?, "lead"?}.';
comment on column public.workflow_executions.depth is '0 for events caused by people or systems; n+1 for events caused by a workflow action at depth n. Nothing runs at depth 3.';
comment on column public.workflow_executions.results is 'Per action, in order: {"action_index", "type", "status", "attempts", "result", "error"}.';
comment on column public.workflow_executions.started_by is 'The member who ran a manual rule; null for events. Not a foreign key: history outlives users.';

alter table public.workflow_executions enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.workflow_executions to service_role;
grant select on public.workflow_executions to authenticated;

CREATE INDEX workflow_executions_rule_idx ON public.workflow_executions USING btree (workspace_id, rule_id, started_at DESC);
CREATE INDEX workflow_executions_workspace_started_idx ON public.workflow_executions USING btree (workspace_id, started_at DESC);

create policy "viewers read" on public.workflow_executions for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.workflow_executions FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.workflow_executions FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
