create table public.campaign_tasks (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  campaign_id uuid not null,
  title text not null,
  description text,
  status public.task_status default 'todo'::public.task_status not null,
  priority public.task_priority default 'medium'::public.task_priority not null,
  assignee_id uuid,
  due_date date,
  completed_at timestamp with time zone,
  position integer default 0 not null,
  created_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "campaign_tasks_pkey" PRIMARY KEY (id),
  constraint "a task description has at most 10000 characters" CHECK ((char_length(description) <= 10000)),
  constraint "a task title has 1 to 300 characters" CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 300))),
  constraint "campaign_tasks_assignee_id_fkey" FOREIGN KEY (assignee_id) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "campaign_tasks_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "campaign_tasks_workspace_id_campaign_id_fkey" FOREIGN KEY (workspace_id, campaign_id) REFERENCES public.campaigns(workspace_id, id) ON DELETE CASCADE,
  constraint "campaign_tasks_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE
);
comment on table public.campaign_tasks is 'Work items of a marketing campaign. completed_at is set when a task becomes done and cleared when it reopens.';
comment on column public.campaign_tasks.assignee_id is 'A member of the workspace, or null.';
comment on column public.campaign_tasks.completed_at is 'When the task became done; kept by trigger.';
comment on column public.campaign_tasks.position is 'Order within the campaign''s board column, lowest first.';

alter table public.campaign_tasks enable row level security;
grant insert, select, update, delete on public.campaign_tasks to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.campaign_tasks to service_role;
alter publication supabase_realtime add table public.campaign_tasks;

CREATE INDEX campaign_tasks_assignee_id_idx ON public.campaign_tasks USING btree (assignee_id);
CREATE INDEX campaign_tasks_campaign_id_idx ON public.campaign_tasks USING btree (workspace_id, campaign_id, status, "position");
CREATE INDEX campaign_tasks_created_by_idx ON public.campaign_tasks USING btree (created_by);
CREATE INDEX campaign_tasks_open_by_assignee_idx ON public.campaign_tasks USING btree (assignee_id, due_date) WHERE (status = ANY (ARRAY['todo'::public.task_status, 'in_progress'::public.task_status, 'blocked'::public.task_status]));

create policy "members add" on public.campaign_tasks for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.campaign_tasks for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.campaign_tasks for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.campaign_tasks for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.campaign_tasks FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER require_members BEFORE INSERT ON public.campaign_tasks FOR EACH ROW EXECUTE FUNCTION private.require_members('assignee_id');
CREATE TRIGGER require_members_update BEFORE UPDATE OF assignee_id ON public.campaign_tasks FOR EACH ROW WHEN ((NOT ((((old.assignee_id IS NOT NULL) AND (new.assignee_id IS NULL)) OR ((old.created_by IS NOT NULL) AND (new.created_by IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.assignee_id, old.created_by], ARRAY[new.assignee_id, new.created_by])))) EXECUTE FUNCTION private.require_members('assignee_id');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.campaign_tasks FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER stamp_created_by BEFORE INSERT ON public.campaign_tasks FOR EACH ROW EXECUTE FUNCTION private.stamp_created_by();
CREATE TRIGGER task_completion BEFORE INSERT ON public.campaign_tasks FOR EACH ROW EXECUTE FUNCTION private.task_completion();
CREATE TRIGGER task_completion_update BEFORE UPDATE ON public.campaign_tasks FOR EACH ROW WHEN ((NOT ((((old.assignee_id IS NOT NULL) AND (new.assignee_id IS NULL)) OR ((old.created_by IS NOT NULL) AND (new.created_by IS NULL))) AND private.only_deleted_users_cleared(ARRAY[old.assignee_id, old.created_by], ARRAY[new.assignee_id, new.created_by])))) EXECUTE FUNCTION private.task_completion();
CREATE TRIGGER workflow_events_ins AFTER INSERT ON public.campaign_tasks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.workflow_task_events();
CREATE TRIGGER workflow_events_upd AFTER UPDATE ON public.campaign_tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.workflow_task_events();
