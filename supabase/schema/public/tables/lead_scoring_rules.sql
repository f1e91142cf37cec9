create table public.lead_scoring_rules (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  name text not null,
  description text,
  activity_type public.lead_activity_type,
  conditions jsonb default '[]'::jsonb not null,
  points integer not null,
  max_occurrences integer,
  active boolean default true not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "lead_scoring_rules_pkey" PRIMARY KEY (id),
  constraint "a rule description has at most 2000 characters" CHECK ((char_length(description) <= 2000)),
  constraint "a rule name has 1 to 200 characters" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "lead_scoring_rules_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "lead_scoring_rules_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "max_occurrences is between 1 and 1000" CHECK (((max_occurrences >= 1) AND (max_occurrences <= 1000))),
  constraint "points are between -1000 and 1000 and not 0" CHECK ((((points >= '-1000'::integer) AND (points <= 1000)) AND (points <> 0))),
  constraint "scoring rule names are unique per workspace" UNIQUE (workspace_id, name)
);
comment on table public.lead_scoring_rules is 'How activities score leads: each matching activity adds points, at most max_occurrences times per lead. Any change rescores the workspace''s leads.';
comment on column public.lead_scoring_rules.activity_type is 'The activity type the rule applies to; null for every type.';
comment on column public.lead_scoring_rules.conditions is 'Condition list (private.conditions_problem validates it) evaluated against {"activity_type", "occurred_at", "data": activity_data}; [] matches every activity of the type.';
comment on column public.lead_scoring_rules.points is 'Added per matching activity; negative for signals like unsubscribes.';
comment on column public.lead_scoring_rules.max_occurrences is 'Counts at most this many matching activities per lead; null for no cap.';

alter table public.lead_scoring_rules enable row level security;
grant insert, select, update, delete on public.lead_scoring_rules to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.lead_scoring_rules to service_role;

CREATE INDEX lead_scoring_rules_created_by_idx ON public.lead_scoring_rules USING btree (created_by);
CREATE INDEX lead_scoring_rules_workspace_idx ON public.lead_scoring_rules USING btree (workspace_id) WHERE active;

create policy "members add" on public.lead_scoring_rules for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.lead_scoring_rules for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.lead_scoring_rules for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.lead_scoring_rules for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER check_rule_conditions BEFORE INSERT OR UPDATE OF conditions ON public.lead_scoring_rules FOR EACH ROW EXECUTE FUNCTION private.check_rule_conditions();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.lead_scoring_rules FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER rescore_rules_del AFTER DELETE ON public.lead_scoring_rules REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.rescore_rule_workspaces();
CREATE TRIGGER rescore_rules_ins AFTER INSERT ON public.lead_scoring_rules REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.rescore_rule_workspaces();
CREATE TRIGGER rescore_rules_upd AFTER UPDATE ON public.lead_scoring_rules REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.rescore_rule_workspaces();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.lead_scoring_rules FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.lead_scoring_rules FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
