create table public.ai_video_projects (
  id uuid default gen_random_uuid() not null,
  workspace_id uuid not null,
  created_by uuid default auth.uid(),
  title text not null,
  goal text not null,
  platform public.ai_video_platform not null,
  duration_s integer not null,
  brand_kit jsonb default '{}'::jsonb not null,
  scene_plan jsonb,
  status public.ai_video_status default 'draft'::public.ai_video_status not null,
  auto_generated boolean default false not null,
  result_path text,
  error text,
  started_at timestamp with time zone,
  completed_at timestamp with time zone,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint "ai_video_projects_pkey" PRIMARY KEY (id),
  constraint "ai_video_projects_created_by_fkey" FOREIGN KEY (created_by) REFERENCES auth.users(id) ON DELETE SET NULL,
  constraint "ai_video_projects_error_check" CHECK ((char_length(error) <= 2000)),
  constraint "ai_video_projects_result_path_check" CHECK ((char_length(result_path) <= 1024)),
  constraint "ai_video_projects_workspace_id_fkey" FOREIGN KEY (workspace_id) REFERENCES public.workspaces(id) ON DELETE CASCADE,
  constraint "ai_video_projects_workspace_id_id_key" UNIQUE (workspace_id, id),
  constraint "brand kit must be a JSON object" CHECK ((jsonb_typeof(brand_kit) = 'object'::text)),
  constraint "duration must be 1-120 seconds" CHECK (((duration_s >= 1) AND (duration_s <= 120))),
  constraint "goal must be 1-2000 characters" CHECK (((char_length(btrim(goal)) >= 1) AND (char_length(btrim(goal)) <= 2000))),
  constraint "project title must be 1-255 characters" CHECK (((char_length(btrim(title)) >= 1) AND (char_length(btrim(title)) <= 255))),
  constraint "scene plan must be a JSON array" CHECK (((scene_plan IS NULL) OR (jsonb_typeof(scene_plan) = 'array'::text)))
);
comment on table public.ai_video_projects is 'An AI-generated video: goal, format, length, brand kit and the scene plan the planner writes; moved along by its jobs. Members draft, edit drafts and start; the generation worker (service role) does the rest.';
comment on column public.ai_video_projects.brand_kit is 'Colours, fonts, logo path and tone the generator follows, e.g. {"colors": ["#111"], "tone": "playful"}.';
comment on column public.ai_video_projects.scene_plan is 'The planner''s scenes: [{"index": 0, "prompt": "...", "seconds": 4}, ...].';
comment on column public.ai_video_projects.auto_generated is 'Made by the marketing autopilot rather than a person.';
comment on column public.ai_video_projects.result_path is 'The finished video in the ai-videos bucket (<workspace_id>/<project_id>/...).';

alter table public.ai_video_projects enable row level security;
grant insert, select, delete on public.ai_video_projects to authenticated;
grant insert, select, update, delete, truncate, references, trigger on public.ai_video_projects to service_role;
grant update (title) on public.ai_video_projects to authenticated;
grant update (goal) on public.ai_video_projects to authenticated;
grant update (platform) on public.ai_video_projects to authenticated;
grant update (duration_s) on public.ai_video_projects to authenticated;
grant update (brand_kit) on public.ai_video_projects to authenticated;
grant update (scene_plan) on public.ai_video_projects to authenticated;
grant update (status) on public.ai_video_projects to authenticated;

CREATE INDEX ai_video_projects_created_by_idx ON public.ai_video_projects USING btree (created_by);
CREATE INDEX ai_video_projects_workspace_idx ON public.ai_video_projects USING btree (workspace_id, created_at DESC);

create policy "members add" on public.ai_video_projects for insert to authenticated
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members change" on public.ai_video_projects for update to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))))
  with check ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "members remove" on public.ai_video_projects for delete to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('member'::public.workspace_role) AS workspace_ids))));
create policy "viewers read" on public.ai_video_projects for select to authenticated
  using ((workspace_id = ANY (ARRAY( SELECT private.workspace_ids('viewer'::public.workspace_role) AS workspace_ids))));

CREATE TRIGGER guard_ai_video_project BEFORE INSERT ON public.ai_video_projects FOR EACH ROW EXECUTE FUNCTION private.guard_ai_video_project();
CREATE TRIGGER guard_ai_video_project_update BEFORE UPDATE ON public.ai_video_projects FOR EACH ROW WHEN ((NOT ((old.created_by IS NOT NULL) AND (new.created_by IS NULL) AND private.only_deleted_users_cleared(ARRAY[old.created_by], ARRAY[new.created_by])))) EXECUTE FUNCTION private.guard_ai_video_project();
CREATE TRIGGER keep_tenant_keys BEFORE UPDATE OF workspace_id, created_by, created_at ON public.ai_video_projects FOR EACH ROW EXECUTE FUNCTION private.keep_tenant_keys('workspace_id', 'created_by', 'created_at');
CREATE TRIGGER set_updated_at BEFORE UPDATE ON public.ai_video_projects FOR EACH ROW EXECUTE FUNCTION private.set_updated_at();
CREATE TRIGGER start_ai_video_project AFTER UPDATE OF status ON public.ai_video_projects FOR EACH ROW WHEN (((old.status = 'draft'::public.ai_video_status) AND (new.status = 'planning'::public.ai_video_status))) EXECUTE FUNCTION private.start_ai_video_project();
