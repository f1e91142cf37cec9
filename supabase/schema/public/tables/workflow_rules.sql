create table public.workflow_rules (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  name text not null,
  description text,
  trigger_type public.workflow_trigger not null,
  conditions jsonb default '[]'::jsonb not null,
  actions jsonb not null,
  active boolean default true not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "workflow_rules_pkey" PRIMARY KEY (id),
  constraint "a rule description has at most 2000 characters" CHECK ((char_length(description) <= 2000)),
  constraint "a rule name has 1 to 200 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "workflow rule names are unique per workspace" UNIQUE (workspace_id, name),
  constraint "workflow_rules_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "workflow_rules_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "workflow_rules_workspace_id_id_key" UNIQUE (workspace_id, id)
);
comment on table public.workflow_rules is 'When trigger_type happens and the conditions hold, run the actions. Switching a rule off cancels its pending actions when they come due.';
comment on column public.workflow_rules.conditions is 'Condition list over the event subject ({"row", "old", "lead"}), validated by private.conditions_problem; [] matches every event.';
comment on column public.workflow_rules.actions is '[{"type": workflow_action_type, "params": {...}, "delay_minutes": 0-43200}], 1 to 10, validated by private.workflow_actions_problem (see the workflow_action_type type for params).';

alter table public.workflow_rules enable row level security;
grant insert, select, update, delete on public.workflow_rules to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.workflow_rules to service_role;

CREATE INDEX workflow_rules_created_by_idx ON public.workflow_rules USING btree (created_by);
CREATE INDEX workflow_rules_trigger_idx ON public.workflow_rules USING btree (workspace_id, trigger_type) WHERE active;

create policy "members add" on public.workflow_rules for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.workflow_rules for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.workflow_rules for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.workflow_rules for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_rule_conditions BEFORE INSERT OR UPDATE OF conditions ON public.workflow_rules FOR EACH ROW EXECUTE FUNCTION private.check_rule_conditions();
CREATE TRIGGER check_workflow_rule BEFORE INSERT OR UPDATE OF trigger_type, actions ON public.workflow_rules FOR EACH ROW EXECUTE FUNCTION private.check_workflow_rule();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.workflow_rules FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.workflow_rules FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.workflow_rules FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
