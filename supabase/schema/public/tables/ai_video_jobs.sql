create table public.ai_video_jobs (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  project_id uuid not null,
  job_type public.ai_video_job_type not null,
  status public.ai_video_job_status default 'pending'::public.ai_video_job_status not null,
  scene_index integer,
  prompt text,
  external_operation_id text,
  cost_micros bigint default 0 not null,
  currency character(3) default 'USD'::bpchar not null,
  result_url text,
  result_path text,
  error text,
  attempts integer default 0 not null,
  started_at timestamp with time zone,
  completed_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "ai_video_jobs_pkey" PRIMARY KEY (id),
  constraint "ai_video_jobs_attempts_check" CHECK ((attempts >= 0)),
  constraint "ai_video_jobs_cost_micros_check" CHECK ((cost_micros >= 0)),
  constraint "ai_video_jobs_currency_check" CHECK ((currency ~ '^[A-Z]{3}$'::text)),
  constraint "ai_video_jobs_error_check" CHECK ((char_length(error) <= 2000)),
  constraint "ai_video_jobs_external_operation_id_check" CHECK (((char_length(external_operation_id) >= 1) AND (char_length(external_operation_id) <= 512))),
  constraint "ai_video_jobs_external_operation_id_key" UNIQUE (external_operation_id),
  constraint "ai_video_jobs_prompt_check" CHECK ((char_length(prompt) <= 10000)),
  constraint "ai_video_jobs_result_path_check" CHECK ((char_length(result_path) <= 1024)),
  constraint "ai_video_jobs_result_url_check" CHECK ((char_length(result_url) <= 2000)),
  constraint "ai_video_jobs_scene_index_check" CHECK ((scene_index >= 0)),
  constraint "ai_video_jobs_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "ai_video_jobs_workspace_id_project_id_fkey" FOREIGN KEY (workspace_id, project_id) REFERENCES public.ai_video_projects(workspace_id, id) ON DELETE CASCADE
);
comment on table public.ai_video_jobs is 'Background generation steps of a project (image per scene, then the video). Written by the generation worker (service role); members read them.';
comment on column public.ai_video_jobs.external_operation_id is 'The provider''s long-running operation id (Veo operations/...), polled until done; unique, so a repeated report is idempotent.';
comment on column public.ai_video_jobs.cost_micros is 'What the provider charged, in micros of currency (USD): $0.039 per image = 39000; Veo at $0.40/s x 8 s = 3200000.';
comment on column public.ai_video_jobs.result_url is 'Where the provider left the output (short-lived), before it is copied to result_path.';

alter table public.ai_video_jobs enable row level security;
grant insert, select, update, delete, truncate, references, trigger on public.ai_video_jobs to service_role;
grant select on public.ai_video_jobs to authenticated;

CREATE INDEX ai_video_jobs_due_idx ON public.ai_video_jobs USING btree (created_at) WHERE (status = ANY (ARRAY['pending'::public.ai_video_job_status, 'processing'::public.ai_video_job_status]));
CREATE INDEX ai_video_jobs_project_idx ON public.ai_video_jobs USING btree (workspace_id, project_id);

create policy "viewers read" on public.ai_video_jobs for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER ai_video_job_progress AFTER UPDATE OF status ON public.ai_video_jobs FOR EACH ROW WHEN ((new.status IS DISTINCT FROM old.status)) EXECUTE FUNCTION private.ai_video_job_progress();
CREATE TRIGGER guard_ai_video_job BEFORE UPDATE OF status ON public.ai_video_jobs FOR EACH ROW EXECUTE FUNCTION private.guard_ai_video_job();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_at ON public.ai_video_jobs FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ai_video_jobs FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
