create table public.lead_activities (
  id bigint generated always as identity not null,
  workspace_id uuid not null,
  lead_id uuid not null,
  activity_type public.lead_activity_type not null,
  occurred_at timestamp with time zone default now() not null,
  activity_data jsonb default '{}'::jsonb not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  constraint "lead_activities_pkey" PRIMARY KEY (id),
  constraint "activity_data is a JSON object of at most 16 kB" CHECK (((jsonb_typeof(activity_data) = 'object'::text) AND (octet_length((activity_data)::text) <= 16384))),
  constraint "lead_activities_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "lead_activities_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "lead_activities_workspace_id_lead_id_fkey" FOREIGN KEY (workspace_id, lead_id) REFERENCES public.leads(workspace_id, id) ON DELETE CASCADE
);
comment on table public.lead_activities is 'Interaction history of a lead. Inserting, changing or deleting activities rescores their leads.';
comment on column public.lead_activities.activity_data is 'Details scoring rules and workflows can test, e.g. {"url": "/pricing", "subject": "..."}; addressed as data.<key> in conditions.';

alter table public.lead_activities enable row level security;
grant insert, select, update, delete on public.lead_activities to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.lead_activities to service_role;

CREATE INDEX lead_activities_created_by_idx ON public.lead_activities USING btree (created_by);
CREATE INDEX lead_activities_lead_idx ON public.lead_activities USING btree (workspace_id, lead_id, occurred_at DESC);
CREATE INDEX lead_activities_workspace_occurred_idx ON public.lead_activities USING btree (workspace_id, occurred_at DESC);

create policy "members add" on public.lead_activities for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.lead_activities for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.lead_activities for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.lead_activities for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.lead_activities FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER rescore_leads_del AFTER DELETE ON public.lead_activities REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.rescore_activity_leads();
CREATE TRIGGER rescore_leads_ins AFTER INSERT ON public.lead_activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.rescore_activity_leads();
CREATE TRIGGER rescore_leads_upd AFTER UPDATE ON public.lead_activities REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.rescore_activity_leads();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.lead_activities FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
CREATE TRIGGER workflow_events_ins AFTER INSERT ON public.lead_activities REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.workflow_activity_events();
