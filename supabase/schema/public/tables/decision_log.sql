create table public.decision_log (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  domain public.decision_domain not null,
  actor_kind public.actor_kind default 'user'::public.actor_kind not null,
  actor_id uuid default auth.uid(),
  actor_name text,
  decision text not null,
  rationale text,
  inputs jsonb default '{}'::jsonb not null,
  outcome jsonb,
  subject_table text,
  subject_id text,
  created_at timestamp with time zone default now() not null,
  constraint "decision_log_pkey" PRIMARY KEY (id),
  constraint "decision_log_actor_id_fkey" FOREIGN KEY (actor_id) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "decision_log_actor_name_check" CHECK ((char_length(actor_name) <= 200)),
  constraint "decision_log_decision_check" CHECK (((char_length(decision) >= 1) AND (char_length(decision) <= 2000))),
  constraint "decision_log_rationale_check" CHECK ((char_length(rationale) <= 20000)),
  constraint "decision_log_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "decision_log_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.decision_log is 'Append-only record of decisions (inventory, CX, growth ...) and their reasons. Rows are never updated or deleted by API roles.';
comment on column public.decision_log.actor_name is 'For agents and automations: the agent or job that decided.';
comment on column public.decision_log.inputs is 'The figures the decision was based on.';
comment on column public.decision_log.subject_table is 'What the decision was about (table name), with subject_id.';

alter table public.decision_log enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.decision_log to service_role;
grant select on public.decision_log to authenticated;
grant insert (workspace_id) on public.decision_log to authenticated;
grant insert (domain) on public.decision_log to authenticated;
grant insert (actor_name) on public.decision_log to authenticated;
grant insert (decision) on public.decision_log to authenticated;
grant insert (rationale) on public.decision_log to authenticated;
grant insert (inputs) on public.decision_log to authenticated;
grant insert (outcome) on public.decision_log to authenticated;
grant insert (subject_table) on public.decision_log to authenticated;
grant insert (subject_id) on public.decision_log to authenticated;

CREATE INDEX decision_log_actor_id_idx ON public.decision_log USING btree (actor_id);
CREATE INDEX decision_log_workspace_id_created_at_idx ON public.decision_log USING btree (workspace_id, created_at DESC);

create policy "members add" on public.decision_log for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.decision_log for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER guard_decision_actor BEFORE INSERT ON public.decision_log FOR EACH ROW EXECUTE FUNCTION private.guard_decision_actor();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.decision_log FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
