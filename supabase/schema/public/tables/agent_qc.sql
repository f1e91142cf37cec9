create table public.agent_qc (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  run_id uuid not null,
  check_name text not null,
  result public.qc_result not null,
  score numeric(5,4),
  details jsonb default '{}'::jsonb not null,
  checked_by uuid default auth.uid(),
  created_at timestamp with time zone default now() not null,
  constraint "agent_qc_pkey" PRIMARY KEY (id),
  constraint "agent_qc_check_name_check" CHECK (((char_length(check_name) >= 1) AND (char_length(check_name) <= 120))),
  constraint "agent_qc_checked_by_fkey" FOREIGN KEY (checked_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "agent_qc_details_check" CHECK ((jsonb_typeof(details) = 'object'::text)),
  constraint "agent_qc_run_id_check_name_key" UNIQUE (run_id, check_name),
  constraint "agent_qc_score_check" CHECK (((score >= (0)::numeric) AND (score <= (1)::numeric))),
  constraint "agent_qc_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "agent_qc_workspace_id_run_id_fkey" FOREIGN KEY (workspace_id, run_id) REFERENCES public.agent_runs(workspace_id, id) ON DELETE CASCADE
);
comment on table public.agent_qc is 'Quality checks of a run''s output: automatic checks by the service (checked_by NULL) or a person''s review. One result per run and check.';
comment on column public.agent_qc.score is 'Check score from 0 to 1, when the check scores.';

alter table public.agent_qc enable row level security;
grant insert, select, update, delete on public.agent_qc to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.agent_qc to service_role;

CREATE INDEX agent_qc_checked_by_idx ON public.agent_qc USING btree (checked_by);
CREATE INDEX agent_qc_run_idx ON public.agent_qc USING btree (workspace_id, run_id);

create policy "members add" on public.agent_qc for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.agent_qc for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.agent_qc for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.agent_qc for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.agent_qc FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER stamp_actor BEFORE INSERT ON public.agent_qc FOR EACH ROW EXECUTE FUNCTION private.stamp_actor('checked_by');
CREATE TRIGGER stamp_qc_reviewer BEFORE UPDATE ON public.agent_qc FOR EACH ROW WHEN ((NOT ((old.checked_by IS NOT NULL) AND (new.checked_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.checked_by], ARRAY[new.checked_by])))) EXECUTE FUNCTION private.stamp_qc_reviewer();
