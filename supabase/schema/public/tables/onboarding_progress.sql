create table public.onboarding_progress (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  workspace_id uuid not null,
  step_key text not null,
  step_order integer default 0 not null,
  status public.onboarding_status default 'not_started'::public.onboarding_status not null,
  attempts integer default 0 not null,
  time_spent_seconds integer default 0 not null,
  started_at timestamp with time zone,
  completed_at timestamp with time zone,
  metadata jsonb default '{}'::jsonb not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "onboarding_progress_pkey" PRIMARY KEY (id),
  constraint "attempts and time spent cannot be negative" CHECK (((attempts >= 0) AND (time_spent_seconds >= 0))),
  constraint "metadata is a JSON object" CHECK ((jsonb_typeof(metadata) = 'object'::text)),
  constraint "onboarding_progress_user_id_fkey" FOREIGN KEY (user_id) REFERENCES auth.users(id) ON DELETE CASCADE,
  constraint "onboarding_progress_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "one row per user, workspace and step" UNIQUE (user_id, workspace_id, step_key),
  constraint "step_key is a short lowercase key" CHECK ((step_key ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'::text))
);
comment on table public.onboarding_progress is 'One user''s progress through one onboarding step in one workspace. Personal: visible only to that user. Written through public.record_onboarding_step (or directly by the user).';
comment on column public.onboarding_progress.attempts is 'How many times the user started the step (entered in_progress).';
comment on column public.onboarding_progress.time_spent_seconds is 'Seconds spent on the step, summed over attempts.';
comment on column public.onboarding_progress.completed_at is 'When the step was completed or skipped; cleared if it is reopened.';

alter table public.onboarding_progress enable row level security;
grant insert, select, update, delete on public.onboarding_progress to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.onboarding_progress to service_role;

CREATE INDEX onboarding_progress_user_idx ON public.onboarding_progress USING btree (user_id, workspace_id, step_order);
CREATE INDEX onboarding_progress_workspace_idx ON public.onboarding_progress USING btree (workspace_id, status);

create policy "users change their onboarding" on public.onboarding_progress for update to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)))
  with check ((user_id = ( SELECT auth.uid() AS uid)));
create policy "users read their onboarding" on public.onboarding_progress for select to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));
create policy "users record their onboarding in their workspaces" on public.onboarding_progress for insert to authenticated
  with check (((user_id = ( SELECT auth.uid() AS uid)) AND (workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids)))));
create policy "users remove their onboarding" on public.onboarding_progress for delete to authenticated
  using ((user_id = ( SELECT auth.uid() AS uid)));

CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.onboarding_progress FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER onboarding_timestamps BEFORE INSERT OR UPDATE ON public.onboarding_progress FOR EACH ROW EXECUTE FUNCTION private.onboarding_timestamps();
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.onboarding_progress FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
