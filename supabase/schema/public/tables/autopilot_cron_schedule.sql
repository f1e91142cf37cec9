create table public.autopilot_cron_schedule (
  workspace_id uuid not null,
  job public.autopilot_job not null,
  enabled boolean default true not null,
  runs integer default 0 not null,
  failures integer default 0 not null,
  last_run_at timestamp with time zone,
  last_status public.autopilot_run_status,
  last_error text,
  last_result jsonb,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "autopilot_cron_schedule_pkey" PRIMARY KEY (workspace_id, job),
  constraint "autopilot_cron_schedule_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.autopilot_cron_schedule is 'Per workspace and autopilot job: whether it runs and how its runs went. Rows appear with the workspace''s autopilot config; admins may switch a job off (enabled); the jobs write the rest.';
comment on column public.autopilot_cron_schedule.last_result is 'What the last run did, e.g. {"report_id": ..., "week_start": ...} or {"proposals": 2}.';

alter table public.autopilot_cron_schedule enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.autopilot_cron_schedule to service_role;
grant select on public.autopilot_cron_schedule to authenticated;
grant update (enabled) on public.autopilot_cron_schedule to authenticated;

create policy "admins change" on public.autopilot_cron_schedule for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('admin'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.autopilot_cron_schedule for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.autopilot_cron_schedule FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.autopilot_cron_schedule FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
