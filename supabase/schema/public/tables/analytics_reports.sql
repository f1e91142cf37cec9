create table public.analytics_reports (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  name text not null,
  kind public.report_kind not null,
  period_start date not null,
  period_end date not null,
  parameters jsonb default '{}'::jsonb not null,
  status public.report_status default 'pending'::public.report_status not null,
  results jsonb,
  error text,
  storage_path text,
  generated_at timestamp with time zone,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "analytics_reports_pkey" PRIMARY KEY (id),
  constraint "a report period ends on or after it starts" CHECK ((period_end >= period_start)),
  constraint "analytics_reports_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "analytics_reports_error_check" CHECK ((char_length(error) <= 4000)),
  constraint "analytics_reports_name_check" CHECK (((char_length(btrim(name)) >= 1) AND (char_length(btrim(name)) <= 200))),
  constraint "analytics_reports_parameters_check" CHECK ((jsonb_typeof(parameters) = 'object'::text)),
  constraint "analytics_reports_storage_path_check" CHECK ((char_length(storage_path) <= 1024)),
  constraint "analytics_reports_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.analytics_reports is 'Generated reports: members request one (pending); the report generator (service) fills results and moves the status.';
comment on column public.analytics_reports.storage_path is 'A rendered file (PDF, CSV) in storage, <workspace_id>/reports/...';

alter table public.analytics_reports enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.analytics_reports to service_role;
grant select, delete on public.analytics_reports to authenticated;
grant insert (id) on public.analytics_reports to authenticated;
grant insert (workspace_id) on public.analytics_reports to authenticated;
grant insert, update (name) on public.analytics_reports to authenticated;
grant insert (kind) on public.analytics_reports to authenticated;
grant insert (period_start) on public.analytics_reports to authenticated;
grant insert (period_end) on public.analytics_reports to authenticated;
grant insert (parameters) on public.analytics_reports to authenticated;
grant update (status) on public.analytics_reports to authenticated;

CREATE INDEX analytics_reports_created_by_idx ON public.analytics_reports USING btree (created_by);
CREATE INDEX analytics_reports_workspace_idx ON public.analytics_reports USING btree (workspace_id, created_at DESC);

create policy "members add" on public.analytics_reports for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.analytics_reports for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.analytics_reports for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.analytics_reports for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER guard_analytics_report BEFORE INSERT ON public.analytics_reports FOR EACH ROW EXECUTE FUNCTION private.guard_analytics_report();
CREATE TRIGGER guard_analytics_report_update BEFORE UPDATE ON public.analytics_reports FOR EACH ROW WHEN ((NOT ((old.created_by IS NOT NULL) AND (new.created_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.created_by], ARRAY[new.created_by])))) EXECUTE FUNCTION private.guard_analytics_report();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.analytics_reports FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.analytics_reports FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.analytics_reports FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('created_by');
