create table public.email_automation_rules (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  name text not null,
  trigger_event public.email_automation_trigger not null,
  conditions jsonb default '[]'::jsonb not null,
  template_id uuid,
  list_id uuid,
  delay_minutes integer default 0 not null,
  active boolean default true not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "email_automation_rules_pkey" PRIMARY KEY (id),
  constraint "an active automation has a template" CHECK (((NOT active) OR (template_id IS NOT NULL))),
  constraint "an automation name has 1 to 200 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "delay_minutes is between 0 and 525600 (a year)" CHECK (((delay_minutes >= 0) AND (delay_minutes <= 525600))),
  constraint "email automation names are unique per workspace" UNIQUE (workspace_id, name),
  constraint "email_automation_rules_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "email_automation_rules_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "email_automation_rules_workspace_id_list_id_fkey" FOREIGN KEY (workspace_id, list_id) REFERENCES public.email_lists(workspace_id, id) ON DELETE SET NULL (list_id),
  constraint "email_automation_rules_workspace_id_template_id_fkey" FOREIGN KEY (workspace_id, template_id) REFERENCES public.email_templates(workspace_id, id) ON DELETE SET NULL (template_id)
);
comment on table public.email_automation_rules is 'Send a template when an event happens and the conditions hold, after a delay; list_id limits it to that list''s contacts. Conditions use the shared condition language against the event''s subject.';
comment on column public.email_automation_rules.conditions is 'Condition list (private.conditions_problem validates it), e.g. [{"field": "row.score", "op": "gte", "value": 50}].';

alter table public.email_automation_rules enable row level security;
grant insert, select, update, delete on public.email_automation_rules to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.email_automation_rules to service_role;

CREATE INDEX email_automation_rules_created_by_idx ON public.email_automation_rules USING btree (created_by);
CREATE INDEX email_automation_rules_list_idx ON public.email_automation_rules USING btree (workspace_id, list_id);
CREATE INDEX email_automation_rules_template_idx ON public.email_automation_rules USING btree (workspace_id, template_id);
CREATE INDEX email_automation_rules_workspace_idx ON public.email_automation_rules USING btree (workspace_id, trigger_event) WHERE active;

create policy "members add" on public.email_automation_rules for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.email_automation_rules for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.email_automation_rules for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.email_automation_rules for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_rule_conditions BEFORE INSERT OR UPDATE OF conditions ON public.email_automation_rules FOR EACH ROW EXECUTE FUNCTION private.check_rule_conditions();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.email_automation_rules FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.email_automation_rules FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.email_automation_rules FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
