create table public.ops_incidents (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  alert_id uuid,
  title text not null,
  severity public.ops_severity default 'high'::public.ops_severity not null,
  status public.incident_status default 'investigating'::public.incident_status not null,
  summary text,
  impact text,
  root_cause text,
  commander_id uuid,
  started_at timestamp with time zone default now() not null,
  identified_at timestamp with time zone,
  resolved_at timestamp with time zone,
  timeline jsonb default '[]'::jsonb not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "ops_incidents_pkey" PRIMARY KEY (id),
  constraint "ops_incidents_commander_id_fkey" FOREIGN KEY (commander_id) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "ops_incidents_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "ops_incidents_impact_check" CHECK ((char_length(impact) <= 20000)),
  constraint "ops_incidents_root_cause_check" CHECK ((char_length(root_cause) <= 20000)),
  constraint "ops_incidents_summary_check" CHECK ((char_length(summary) <= 20000)),
  constraint "ops_incidents_timeline_check" CHECK ((jsonb_typeof(timeline) = 'array'::text)),
  constraint "ops_incidents_title_check" CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 200))),
  constraint "ops_incidents_workspace_id_alert_id_fkey" FOREIGN KEY (workspace_id, alert_id) REFERENCES public.ops_alerts(workspace_id, id) ON DELETE SET NULL (alert_id),
  constraint "ops_incidents_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.ops_incidents is 'Incidents with a status workflow; every status change is appended to timeline by trigger. Members run them; admins delete them.';
comment on column public.ops_incidents.commander_id is 'Who leads the response.';
comment on column public.ops_incidents.timeline is 'Status changes, appended by trigger: [{"at", "status", "by"}].';

alter table public.ops_incidents enable row level security;
grant insert, select, update, delete on public.ops_incidents to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.ops_incidents to service_role;

CREATE INDEX ops_incidents_alert_idx ON public.ops_incidents USING btree (workspace_id, alert_id);
CREATE INDEX ops_incidents_commander_id_idx ON public.ops_incidents USING btree (commander_id);
CREATE INDEX ops_incidents_created_by_idx ON public.ops_incidents USING btree (created_by);
CREATE INDEX ops_incidents_workspace_idx ON public.ops_incidents USING btree (workspace_id, status, started_at DESC);

create policy "admins remove" on public.ops_incidents for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "members add" on public.ops_incidents for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.ops_incidents for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.ops_incidents for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER guard_ops_incident BEFORE INSERT ON public.ops_incidents FOR EACH ROW EXECUTE FUNCTION private.guard_ops_incident();
CREATE TRIGGER guard_ops_incident_update BEFORE UPDATE ON public.ops_incidents FOR EACH ROW WHEN ((NOT ((((old.commander_id IS NOT NULL) AND (new.commander_id IS NULL)) OR ((old.created_by IS NOT NULL) AND (new.created_by IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.commander_id, old.created_by], ARRAY[new.commander_id, new.created_by])))) EXECUTE FUNCTION private.guard_ops_incident();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.ops_incidents FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ops_incidents FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.ops_incidents FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('created_by');
