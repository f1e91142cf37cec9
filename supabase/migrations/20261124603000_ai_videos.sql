-- AI video generation (seed 003): projects a member drafts and starts, the background jobs that
-- generate images and video (Nano Banana, Veo) with their external operation ids and cost, and the
-- ai_video_stats view. Results are stored in the ai-videos bucket under <workspace_id>/<project_id>/.

create type public.ai_video_platform as enum ('youtube_short', 'tiktok', 'reels', 'landscape');
comment on type public.ai_video_platform is 'Target format: YouTube Short, TikTok and Reels are 9:16; landscape is 16:9.';
create type public.ai_video_status as enum ('draft', 'planning', 'generating_images', 'generating_video', 'completed', 'failed');
comment on type public.ai_video_status is 'draft -> planning -> generating_images -> generating_video -> completed; any unfinished state -> failed; failed -> draft to retry.';
create type public.ai_video_job_type as enum ('image_generation', 'video_generation');
comment on type public.ai_video_job_type is 'What a job asks the provider for.';
create type public.ai_video_job_status as enum ('pending', 'processing', 'completed', 'failed');
comment on type public.ai_video_job_status is 'pending -> processing -> completed | failed; failed -> pending to retry.';

create table public.ai_video_projects (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  title text not null constraint "project title must be 1-255 characters" check (char_length(btrim(title)) between 1 and 255),
  goal text not null constraint "goal must be 1-2000 characters" check (char_length(btrim(goal)) between 1 and 2000),
  platform public.ai_video_platform not null,
  duration_s integer not null constraint "duration must be 1-120 seconds" check (duration_s between 1 and 120),
  brand_kit jsonb not null default '{}'::jsonb constraint "brand kit must be a JSON object" check (jsonb_typeof(brand_kit) = 'object'),
  scene_plan jsonb constraint "scene plan must be a JSON array" check (scene_plan is null or jsonb_typeof(scene_plan) = 'array'),
  status public.ai_video_status not null default 'draft',
  auto_generated boolean not null default false,
  result_path text check (char_length(result_path) <= 1024),
  error text check (char_length(error) <= 2000),
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id)
);
comment on table public.ai_video_projects is 'An AI-generated video: goal, format, length, brand kit and the scene plan the planner writes; moved along by its jobs. Members draft, edit drafts and start; the generation worker (service role) does the rest.';
comment on column public.ai_video_projects.brand_kit is 'Colours, fonts, logo path and tone the generator follows, e.g. {"colors": ["#111"], "tone": "playful"}.';
comment on column public.ai_video_projects.scene_plan is 'The planner''s scenes: [{"index": 0, "prompt": "...", "seconds": 4}, ...].';
comment on column public.ai_video_projects.auto_generated is 'Made by the marketing autopilot rather than a person.';
comment on column public.ai_video_projects.result_path is 'The finished video in the ai-videos bucket (<workspace_id>/<project_id>/...).';
create index ai_video_projects_workspace_idx on public.ai_video_projects (workspace_id, created_at desc);
create index ai_video_projects_created_by_idx on public.ai_video_projects (created_by);
create trigger set_updated_at before update on public.ai_video_projects for each row execute function private.set_updated_at();

create table public.ai_video_jobs (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  project_id uuid not null,
  job_type public.ai_video_job_type not null,
  status public.ai_video_job_status not null default 'pending',
  scene_index integer check (scene_index >= 0),
  prompt text check (char_length(prompt) <= 10000),
  external_operation_id text unique check (char_length(external_operation_id) between 1 and 512),
  cost_micros bigint not null default 0 check (cost_micros >= 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  result_url text check (char_length(result_url) <= 2000),
  result_path text check (char_length(result_path) <= 1024),
  error text check (char_length(error) <= 2000),
  attempts integer not null default 0 check (attempts >= 0),
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workspace_id, project_id) references public.ai_video_projects (workspace_id, id) on delete cascade
);
comment on table public.ai_video_jobs is 'Background generation steps of a project (image per scene, then the video). Written by the generation worker (service role); members read them.';
comment on column public.ai_video_jobs.external_operation_id is 'The provider''s long-running operation id (Veo operations/...), polled until done; unique, so a repeated report is idempotent.';
comment on column public.ai_video_jobs.cost_micros is 'What the provider charged, in micros of currency (USD): $0.039 per image = 39000; Veo at $0.40/s x 8 s = 3200000.';
comment on column public.ai_video_jobs.result_url is 'Where the provider left the output (short-lived), before it is copied to result_path.';
create index ai_video_jobs_project_idx on public.ai_video_jobs (workspace_id, project_id);
create index ai_video_jobs_due_idx on public.ai_video_jobs (created_at) where status in ('pending', 'processing');
create trigger set_updated_at before update on public.ai_video_jobs for each row execute function private.set_updated_at();

-- Project status: the machine above. Signed-in members may only start a draft (draft ->
-- planning) and retry a failed project (failed -> draft), and edit content while draft or failed.
create function private.guard_ai_video_project() returns trigger
language plpgsql set search_path = '' as $$
declare
  ok boolean;
  by_user boolean := (select auth.role()) = 'authenticated';
begin
  if tg_op = 'INSERT' then
    if by_user and (new.status <> 'draft' or new.result_path is not null or new.auto_generated) then
      raise exception 'a new project starts as an empty draft (status, results and auto_generated belong to the worker)'
        using errcode = '22023';
    end if;
    return new;
  end if;
  if new.status is distinct from old.status then
    ok := case old.status
      when 'draft' then new.status in ('planning', 'failed')
      when 'planning' then new.status in ('generating_images', 'failed')
      when 'generating_images' then new.status in ('generating_video', 'failed')
      when 'generating_video' then new.status in ('completed', 'failed')
      when 'failed' then new.status = 'draft'
      else false end;
    if not ok then
      raise exception 'a project cannot move from % to %', old.status, new.status using errcode = 'PT409';
    end if;
    if by_user and not ((old.status = 'draft' and new.status = 'planning') or (old.status = 'failed' and new.status = 'draft')) then
      raise exception 'only the generation worker moves a project to %', new.status using errcode = '42501';
    end if;
    new.started_at := case when new.status = 'planning' then now() when new.status = 'draft' then null else new.started_at end;
    new.completed_at := case when new.status in ('completed', 'failed') then now() else null end;
    if new.status = 'draft' then
      new.error := null;
    end if;
  elsif by_user and old.status not in ('draft', 'failed')
        and (new.title, new.goal, new.platform, new.duration_s, new.brand_kit, new.scene_plan)
            is distinct from (old.title, old.goal, old.platform, old.duration_s, old.brand_kit, old.scene_plan) then
    raise exception 'a project can be edited only while it is a draft or failed' using errcode = 'PT409';
  end if;
  if by_user and (new.result_path, new.auto_generated) is distinct from (old.result_path, old.auto_generated) then
    raise exception 'results are written by the generation worker' using errcode = '42501';
  end if;
  return new;
end $$;
comment on function private.guard_ai_video_project() is 'BEFORE INSERT/UPDATE on ai_video_projects: the status machine, what members may change and when; stamps started_at/completed_at.';
revoke all on function private.guard_ai_video_project() from public;
create trigger guard_ai_video_project before insert or update on public.ai_video_projects
  for each row execute function private.guard_ai_video_project();

create function private.guard_ai_video_job() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status is distinct from old.status then
    if not ((old.status = 'pending' and new.status in ('processing', 'failed'))
         or (old.status = 'processing' and new.status in ('completed', 'failed', 'pending'))
         or (old.status = 'failed' and new.status = 'pending')) then
      raise exception 'a job cannot move from % to %', old.status, new.status using errcode = 'PT409';
    end if;
    if new.status = 'processing' then
      new.started_at := now();
      new.attempts := old.attempts + 1;
    end if;
    new.completed_at := case when new.status in ('completed', 'failed') then now() end;
  end if;
  return new;
end $$;
comment on function private.guard_ai_video_job() is 'BEFORE UPDATE OF status on ai_video_jobs: pending -> processing -> completed | failed (retry: back to pending); counts attempts.';
revoke all on function private.guard_ai_video_job() from public;
create trigger guard_ai_video_job before update of status on public.ai_video_jobs
  for each row execute function private.guard_ai_video_job();

-- A job's outcome moves its project: a failed job fails the project; a completed video job
-- completes it with the job's result.
create function private.ai_video_job_progress() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.status = 'failed' then
    update public.ai_video_projects set status = 'failed', error = coalesce(new.error, 'a generation job failed')
    where id = new.project_id and status not in ('completed', 'failed', 'draft');
  elsif new.status = 'completed' and new.job_type = 'video_generation' then
    update public.ai_video_projects set status = 'completed', result_path = coalesce(new.result_path, result_path)
    where id = new.project_id and status = 'generating_video';
  end if;
  return null;
end $$;
comment on function private.ai_video_job_progress() is 'AFTER UPDATE OF status on ai_video_jobs: failed job -> project failed; completed video job -> project completed with its result.';
revoke all on function private.ai_video_job_progress() from public;
create trigger ai_video_job_progress after update of status on public.ai_video_jobs
  for each row when (new.status is distinct from old.status) execute function private.ai_video_job_progress();

-- Idempotent report from the worker polling an operation: repeated reports change nothing.
create function private.report_ai_video_operation(
  p_operation_id text, p_status public.ai_video_job_status, p_cost_micros bigint default null,
  p_result_url text default null, p_result_path text default null, p_error text default null
) returns public.ai_video_job_status
language plpgsql volatile security definer set search_path = '' as $$
declare
  j public.ai_video_jobs;
begin
  select * into j from public.ai_video_jobs where external_operation_id = p_operation_id for update;
  if not found then
    raise exception 'no job with operation %', p_operation_id using errcode = 'PT404';
  end if;
  if j.status in ('completed', 'failed') or j.status = p_status then
    return j.status;
  end if;
  update public.ai_video_jobs set status = p_status, cost_micros = coalesce(p_cost_micros, cost_micros),
    result_url = coalesce(p_result_url, result_url), result_path = coalesce(p_result_path, result_path),
    error = left(p_error, 2000)
  where id = j.id;
  return p_status;
end $$;
comment on function private.report_ai_video_operation(text, public.ai_video_job_status, bigint, text, text, text) is 'Generation worker: records a polled operation''s state (cost, result) once; reports about finished jobs are ignored.';
revoke all on function private.report_ai_video_operation(text, public.ai_video_job_status, bigint, text, text, text) from public;
grant execute on function private.report_ai_video_operation(text, public.ai_video_job_status, bigint, text, text, text) to service_role;

create view public.ai_video_stats with (security_invoker = true) as
  select p.workspace_id,
         count(*)::bigint as projects,
         count(*) filter (where p.status = 'completed')::bigint as completed,
         count(*) filter (where p.status = 'failed')::bigint as failed,
         count(*) filter (where p.status not in ('draft', 'completed', 'failed'))::bigint as in_progress,
         count(*) filter (where p.auto_generated)::bigint as auto_generated,
         coalesce(sum(j.cost_micros), 0)::bigint as total_cost_micros,
         coalesce(sum(j.jobs), 0)::bigint as jobs,
         round(avg(extract(epoch from p.completed_at - p.started_at)) filter (where p.status = 'completed'), 1) as avg_generation_seconds
  from public.ai_video_projects p
  left join (select j.project_id, sum(j.cost_micros) as cost_micros, count(*) as jobs
             from public.ai_video_jobs j group by j.project_id) j on j.project_id = p.id
  group by p.workspace_id;
comment on view public.ai_video_stats is 'Per workspace (seed 003''s ai_video_stats): projects by state, autopilot share, total generation cost in USD micros (sum of job cost_micros), jobs, and mean seconds from start to completion of completed projects. RLS of the tables applies.';

alter table public.ai_video_projects enable row level security;
alter table public.ai_video_jobs enable row level security;
grant select, insert, delete on public.ai_video_projects to authenticated;
grant update (title, goal, platform, duration_s, brand_kit, scene_plan, status) on public.ai_video_projects to authenticated;
grant select on public.ai_video_jobs, public.ai_video_stats to authenticated;
grant all on public.ai_video_projects, public.ai_video_jobs to service_role;
grant select on public.ai_video_stats to service_role;
select private.tenant_policies('public.ai_video_projects', 'viewer', 'member');
create policy "viewers read generation jobs" on public.ai_video_jobs for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));
select private.install_tenant_guard('public.ai_video_jobs');
