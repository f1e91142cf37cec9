-- Media: videos, AI video projects and the storage buckets with their policies.
--
-- Videos: folders in a hierarchy that cannot form a cycle, videos hosted by Mux (processed from
-- Mux webhook events), per-video permissions for private videos, and comments pinned to a moment
-- of the video. A workspace's plan and storage quota live on workspaces.
create type public.media_processing_status as enum ('pending', 'processing', 'completed', 'failed');

comment on type public.media_processing_status is 'Progress of background work on a media item (transcription, encoding): pending -> processing -> completed | failed.';

create type public.video_status as enum ('uploading', 'processing', 'ready', 'errored');

comment on type public.video_status is 'uploading: waiting for the file (Mux direct upload); processing: Mux is encoding; ready: playable; errored: Mux could not process it.';

create type public.video_visibility as enum ('workspace', 'private');

comment on type public.video_visibility is 'workspace: every member sees it; private: its creator, admins and the people it is shared with (video_permissions).';

create type public.video_permission_level as enum ('view', 'comment', 'edit');

comment on type public.video_permission_level is 'Ordered: view < comment < edit. What a share grants on one video.';

-- ===== folders
create table public.video_folders (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  parent_id uuid,
  name text not null constraint "folder name must be 1-255 characters" check (char_length(btrim(name)) between 1 and 255),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, parent_id) references public.video_folders (workspace_id, id) on delete cascade
);
comment on table public.video_folders is 'Folders of videos, nested under parent_id within one workspace; a folder can never end up inside itself (guard_video_folder_tree). Deleting a folder deletes its subfolders; their videos move to the top level.';
comment on column public.video_folders.parent_id is 'The folder this one sits in; null at the top level. Same workspace (composite key).';
alter table public.video_folders enable row level security;
grant select, insert, update, delete on public.video_folders to authenticated;
select private.install_row_triggers('public.video_folders');
select private.tenant_policies('public.video_folders', 'viewer', 'member');

create unique index video_folders_unique_name on public.video_folders (workspace_id, parent_id, lower(name)) nulls not distinct;

create index video_folders_parent_idx on public.video_folders (workspace_id, parent_id);

create index video_folders_created_by_idx on public.video_folders (created_by);

-- A move is refused when the new parent is the folder itself or one of its descendants. Moves in
-- one workspace are serialised by an advisory lock, so two concurrent moves (A into B, B into A)
-- cannot together build a cycle that neither sees alone.
create function private.guard_video_folder_tree() returns trigger
language plpgsql set search_path = '' as $$
declare
  cycle boolean;
begin
  if new.parent_id is null or (tg_op = 'UPDATE' and new.parent_id is not distinct from old.parent_id) then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('video_folders:' || new.workspace_id::text, 0));
  with recursive up (id, parent_id, depth) as (
    select f.id, f.parent_id, 1 from public.video_folders f
    where f.workspace_id = new.workspace_id and f.id = new.parent_id
    union all
    select f.id, f.parent_id, up.depth + 1 from public.video_folders f
    join up on f.id = up.parent_id and f.workspace_id = new.workspace_id
    where up.depth < 1000
  )
  select exists (select 1 from up where up.id = new.id) into cycle;
  if cycle then
    raise exception 'a folder cannot be moved into itself or one of its own subfolders' using errcode = '22023';
  end if;
  return new;
end $$;
comment on function private.guard_video_folder_tree() is 'BEFORE INSERT/UPDATE OF parent_id on video_folders: refuses cycles (22023), serialising moves per workspace.';

create trigger guard_video_folder_tree before insert or update of parent_id on public.video_folders
  for each row execute function private.guard_video_folder_tree();

-- ===== videos
create table public.videos (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  folder_id uuid,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  title text not null constraint "video title must be 1-500 characters" check (char_length(btrim(title)) between 1 and 500),
  description text constraint "video description is at most 5000 characters" check (char_length(description) <= 5000),
  visibility public.video_visibility not null default 'workspace',
  status public.video_status not null default 'uploading',
  mux_upload_id text unique check (char_length(mux_upload_id) <= 255),
  mux_asset_id text unique check (char_length(mux_asset_id) <= 255),
  mux_playback_id text check (char_length(mux_playback_id) <= 255),
  storage_path text check (char_length(storage_path) <= 1024),
  duration_seconds numeric(10, 3) constraint "video duration must be positive" check (duration_seconds > 0),
  size_bytes bigint check (size_bytes >= 0),
  thumbnail_url text check (char_length(thumbnail_url) <= 2000),
  transcription_status public.media_processing_status not null default 'pending',
  transcription_text text,
  error text check (char_length(error) <= 2000),
  view_count bigint not null default 0 check (view_count >= 0),
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, folder_id) references public.video_folders (workspace_id, id) on delete set null (folder_id)
);
comment on table public.videos is 'A workspace''s videos, hosted by Mux: created when an upload starts, moved along by Mux webhook events (uploading -> processing -> ready | errored). Soft-deleted with deleted_at.';
comment on column public.videos.mux_upload_id is 'Mux direct upload id; video.upload.asset_created links it to the asset.';
comment on column public.videos.mux_asset_id is 'Mux asset id; video.asset.ready/errored find the video by it.';
comment on column public.videos.storage_path is 'Original file in a storage bucket (<workspace_id>/...), when kept besides Mux.';
comment on column public.videos.deleted_at is 'Soft delete: set to hide the video; rows are kept for their comments and history.';
alter table public.videos enable row level security;
grant select, insert, update, delete on public.videos to authenticated;
select private.install_row_triggers('public.videos');

create index videos_workspace_idx on public.videos (workspace_id, created_at desc);

create index videos_folder_idx on public.videos (workspace_id, folder_id);

create index videos_created_by_idx on public.videos (created_by);

-- ===== per-video permissions (shares of private videos with members of the same workspace)
create table public.video_permissions (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  video_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  permission_level public.video_permission_level not null default 'view',
  granted_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (video_id, user_id),
  foreign key (workspace_id, video_id) references public.videos (workspace_id, id) on delete cascade
);
comment on table public.video_permissions is 'Who else may view, comment on or edit a video (mostly private ones). Only members of the video''s workspace can be granted; the video''s creator and admins manage shares.';
alter table public.video_permissions enable row level security;
grant select, insert, update, delete on public.video_permissions to authenticated;
select private.install_row_triggers('public.video_permissions');

create index video_permissions_workspace_video_idx on public.video_permissions (workspace_id, video_id);

create index video_permissions_user_idx on public.video_permissions (user_id);

create index video_permissions_granted_by_idx on public.video_permissions (granted_by);

create function private.guard_video_permission() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.workspace_members m where m.workspace_id = new.workspace_id and m.user_id = new.user_id) then
    raise exception 'a video can only be shared with members of its workspace' using errcode = '22023';
  end if;
  if private.is_end_user() then
    new.granted_by := (select auth.uid());
  end if;
  return new;
end $$;
comment on function private.guard_video_permission() is 'BEFORE INSERT/UPDATE on video_permissions: the grantee must belong to the workspace; granted_by is the caller.';

create trigger guard_video_permission before insert or update of user_id, workspace_id on public.video_permissions
  for each row execute function private.guard_video_permission();

-- ===== comments with a moment in the video
create table public.video_comments (
  id uuid primary key default gen_random_uuid(),
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  video_id uuid not null,
  parent_id uuid,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  body text not null constraint "comment must be 1-5000 characters" check (char_length(btrim(body)) between 1 and 5000),
  timestamp_seconds numeric(10, 3) constraint "comment timestamp cannot be negative" check (timestamp_seconds >= 0),
  resolved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, id),
  foreign key (workspace_id, video_id) references public.videos (workspace_id, id) on delete cascade,
  foreign key (workspace_id, parent_id) references public.video_comments (workspace_id, id) on delete cascade
);
comment on table public.video_comments is 'Comments on a video, optionally at a moment (timestamp_seconds) and as replies (parent_id). Their author''s personal data: erased with the author, purged after the author''s data_retention_days.';
comment on column public.video_comments.timestamp_seconds is 'Where in the video the comment points; within the video''s duration when known.';
alter table public.video_comments enable row level security;
grant select, insert, delete on public.video_comments to authenticated;
grant update (body, timestamp_seconds, resolved_at) on public.video_comments to authenticated;
select private.install_row_triggers('public.video_comments');

create index video_comments_video_idx on public.video_comments (workspace_id, video_id, timestamp_seconds);

create index video_comments_parent_idx on public.video_comments (workspace_id, parent_id);

create index video_comments_user_idx on public.video_comments (user_id, created_at);

create function private.guard_video_comment() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  dur numeric;
begin
  if private.is_end_user() and tg_op = 'INSERT' then
    new.user_id := (select auth.uid());
  end if;
  if tg_op = 'UPDATE' and new.user_id is distinct from old.user_id then
    raise exception 'a comment''s author cannot change' using errcode = '42501';
  end if;
  select v.duration_seconds into dur from public.videos v where v.id = new.video_id;
  if new.timestamp_seconds is not null and dur is not null and new.timestamp_seconds > dur then
    raise exception 'the comment points at %s but the video is only %s long', new.timestamp_seconds, dur using errcode = '22023';
  end if;
  return new;
end $$;
comment on function private.guard_video_comment() is 'BEFORE INSERT/UPDATE on video_comments: the author is the caller and stays so; the timestamp lies within the video.';

create trigger guard_video_comment before insert or update on public.video_comments
  for each row execute function private.guard_video_comment();

select private.register_personal_retention('public.video_comments', 'user_id', 'created_at', 'comments are their author''s personal data');

-- ===== access
-- Videos shared with the caller at min_level or above, in workspaces the caller still belongs to.
create function private.shared_video_ids(p_min_level public.video_permission_level) returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
begin
  return query
    select p.video_id from public.video_permissions p
    join public.workspace_members m on m.workspace_id = p.workspace_id and m.user_id = p.user_id
    where p.user_id = (select auth.uid()) and p.permission_level >= p_min_level;
end $$;
comment on function private.shared_video_ids(public.video_permission_level) is 'Ids of videos shared with the caller at least at min_level (policies: array(select ...)).';
grant execute on function private.shared_video_ids(public.video_permission_level) to authenticated;

-- Videos the caller created.
create function private.own_video_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
begin
  return query select v.id from public.videos v where v.created_by = (select auth.uid());
end $$;
comment on function private.own_video_ids() is 'Ids of videos the caller created (policies on video_permissions).';
grant execute on function private.own_video_ids() to authenticated;

create policy "members see workspace videos and private ones shared with them" on public.videos for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer')))
         and (visibility = 'workspace' or created_by = (select auth.uid())
              or workspace_id = any (array(select private.workspace_ids('admin')))
              or id = any (array(select private.shared_video_ids('view')))));

create policy "members add videos as themselves" on public.videos for insert to authenticated
  with check (workspace_id = any (array(select private.workspace_ids('member'))) and created_by = (select auth.uid()));

create policy "members edit workspace videos, creators and editors private ones" on public.videos for update to authenticated
  using ((workspace_id = any (array(select private.workspace_ids('member'))) and (visibility = 'workspace' or created_by = (select auth.uid())))
         or workspace_id = any (array(select private.workspace_ids('admin')))
         or id = any (array(select private.shared_video_ids('edit'))))
  with check ((workspace_id = any (array(select private.workspace_ids('member'))) and (visibility = 'workspace' or created_by = (select auth.uid())))
         or workspace_id = any (array(select private.workspace_ids('admin')))
         or id = any (array(select private.shared_video_ids('edit'))));

create policy "creators and admins remove videos" on public.videos for delete to authenticated
  using ((workspace_id = any (array(select private.workspace_ids('member'))) and created_by = (select auth.uid()))
         or workspace_id = any (array(select private.workspace_ids('admin'))));

create policy "grantees, video creators and admins see shares" on public.video_permissions for select to authenticated
  using (user_id = (select auth.uid())
         or workspace_id = any (array(select private.workspace_ids('admin')))
         or video_id = any (array(select private.own_video_ids())));

create policy "video creators and admins share" on public.video_permissions for insert to authenticated
  with check (workspace_id = any (array(select private.workspace_ids('admin')))
              or (workspace_id = any (array(select private.workspace_ids('viewer'))) and video_id = any (array(select private.own_video_ids()))));

create policy "video creators and admins change shares" on public.video_permissions for update to authenticated
  using (workspace_id = any (array(select private.workspace_ids('admin'))) or video_id = any (array(select private.own_video_ids())))
  with check (workspace_id = any (array(select private.workspace_ids('admin')))
              or (workspace_id = any (array(select private.workspace_ids('viewer'))) and video_id = any (array(select private.own_video_ids()))));

create policy "video creators, admins and grantees remove shares" on public.video_permissions for delete to authenticated
  using (user_id = (select auth.uid())
         or workspace_id = any (array(select private.workspace_ids('admin')))
         or video_id = any (array(select private.own_video_ids())));

-- Comments are readable with their video; members comment on what they see, others need a
-- comment share; authors and admins edit and remove.
create policy "readers of a video read its comments" on public.video_comments for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer')))
         and exists (select 1 from public.videos v where v.id = video_comments.video_id));

create policy "members and comment shares add comments" on public.video_comments for insert to authenticated
  with check (user_id = (select auth.uid())
              and (workspace_id = any (array(select private.workspace_ids('member')))
                   or video_id = any (array(select private.shared_video_ids('comment'))))
              and exists (select 1 from public.videos v where v.id = video_comments.video_id));

create policy "authors and admins edit comments" on public.video_comments for update to authenticated
  using (user_id = (select auth.uid()) or workspace_id = any (array(select private.workspace_ids('admin'))))
  with check (user_id = (select auth.uid()) or workspace_id = any (array(select private.workspace_ids('admin'))));

create policy "authors and admins remove comments" on public.video_comments for delete to authenticated
  using (user_id = (select auth.uid()) or workspace_id = any (array(select private.workspace_ids('admin'))));

-- Counts a view (any reader of the video); returns the new count.
create function public.record_video_view(p_video_id uuid) returns bigint
language plpgsql volatile set search_path = '' as $$
declare
  n bigint;
begin
  if not exists (select 1 from public.videos v where v.id = p_video_id and v.deleted_at is null) then
    raise exception 'no such video' using errcode = 'PT404';
  end if;
  select private.bump_video_views(p_video_id) into n;
  return n;
end $$;
comment on function public.record_video_view(uuid) is 'Counts one view of a video the caller can see; returns the new count. PT404 when it is not visible or deleted.';
grant execute on function public.record_video_view(uuid) to authenticated;

create function private.bump_video_views(p_video_id uuid) returns bigint
language sql volatile security definer set search_path = '' as $$
  update public.videos set view_count = view_count + 1 where id = p_video_id returning view_count
$$;
comment on function private.bump_video_views(uuid) is 'Increments a video''s view count beneath RLS (viewers may not update videos).';
grant execute on function private.bump_video_views(uuid) to authenticated;

-- ===== Mux events (stored by the webhooks function) move videos along
create function private.apply_mux_event() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  d jsonb := new.payload -> 'data';
begin
  if new.provider <> 'mux' then
    return null;
  end if;
  begin
    if new.topic = 'video.upload.asset_created' then
      update public.videos set mux_asset_id = d ->> 'asset_id', status = 'processing'
      where mux_upload_id = d ->> 'id' and status = 'uploading';
    elsif new.topic = 'video.asset.ready' then
      update public.videos set status = 'ready', error = null,
        duration_seconds = case when (d ->> 'duration') ~ '^\d+(\.\d+)?$' and (d ->> 'duration')::numeric > 0
                                then round((d ->> 'duration')::numeric, 3) else duration_seconds end,
        mux_playback_id = coalesce(d #>> '{playback_ids,0,id}', mux_playback_id),
        mux_asset_id = coalesce(mux_asset_id, d ->> 'id')
      where mux_asset_id = d ->> 'id' or (d ->> 'upload_id' is not null and mux_upload_id = d ->> 'upload_id');
    elsif new.topic = 'video.asset.errored' then
      update public.videos set status = 'errored',
        error = left(coalesce(d #>> '{errors,messages,0}', d #>> '{errors,type}', 'Mux could not process the video'), 2000)
      where mux_asset_id = d ->> 'id' or (d ->> 'upload_id' is not null and mux_upload_id = d ->> 'upload_id');
    elsif new.topic = 'video.asset.deleted' then
      update public.videos set deleted_at = coalesce(deleted_at, now()) where mux_asset_id = d ->> 'id';
    end if;
  exception when others then
    update private.webhook_events set status = 'failed', error = left('videos: ' || sqlerrm, 2000) where id = new.id;
  end;
  return null;
end $$;
comment on function private.apply_mux_event() is 'AFTER INSERT on private.webhook_events (Mux): upload linked to its asset, asset ready (duration, playback id), errored or deleted. A failure marks the event failed and never loses it.';

create trigger apply_mux_event after insert on private.webhook_events
  for each row when (new.provider = 'mux') execute function private.apply_mux_event();

-- AI video generation: projects a member drafts and starts, the background jobs that
-- generate images and video (Nano Banana, Veo) with their external operation ids and cost, and the
-- ai_video_stats view. Results are stored in the ai-videos bucket under <workspace_id>/<project_id>/.
create type public.ai_video_platform as enum ('youtube_short', 'tiktok', 'reels', 'landscape');

comment on type public.ai_video_platform is 'Target format: YouTube Short, TikTok and Reels are 9:16; landscape is 16:9.';

create type public.ai_video_status as enum (
  'draft', 'planning', 'generating_images', 'generating_video', 'completed', 'failed'
);

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
alter table public.ai_video_projects enable row level security;
grant select, insert, delete on public.ai_video_projects to authenticated;
grant update (title, goal, platform, duration_s, brand_kit, scene_plan, status) on public.ai_video_projects to authenticated;
select private.install_row_triggers('public.ai_video_projects');
select private.tenant_policies('public.ai_video_projects', 'viewer', 'member');

create index ai_video_projects_workspace_idx on public.ai_video_projects (workspace_id, created_at desc);

create index ai_video_projects_created_by_idx on public.ai_video_projects (created_by);

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
alter table public.ai_video_jobs enable row level security;
grant select on public.ai_video_jobs to authenticated;
select private.install_row_triggers('public.ai_video_jobs');
select private.tenant_policy('public.ai_video_jobs', 'select', 'viewer');

create index ai_video_jobs_project_idx on public.ai_video_jobs (workspace_id, project_id);

create index ai_video_jobs_due_idx on public.ai_video_jobs (created_at) where status in ('pending', 'processing');

-- Project status: the machine above. Signed-in members may only start a draft (draft ->
-- planning) and retry a failed project (failed -> draft), and edit content while draft or failed.
create function private.guard_ai_video_project() returns trigger
language plpgsql set search_path = '' as $$
declare
  ok boolean;
  by_user boolean := private.is_end_user();
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

create trigger guard_ai_video_project before insert or update on public.ai_video_projects
  for each row execute function private.guard_ai_video_project();
select private.exempt_user_deletion('public.ai_video_projects', 'guard_ai_video_project');

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
comment on view public.ai_video_stats is 'Per workspace: projects by state, autopilot share, total generation cost in USD micros (sum of job cost_micros), jobs, and mean seconds from start to completion of completed projects. RLS of the tables applies.';
grant select on public.ai_video_stats to authenticated;

create function private.set_workspace_plan(p_workspace_id uuid, p_plan public.workspace_plan) returns public.workspaces
language sql volatile security definer set search_path = '' as $$
  update public.workspaces set plan = p_plan,
    storage_quota_bytes = case p_plan when 'free' then 5368709120 when 'pro' then 107374182400
                                      when 'business' then 1099511627776 else null end
  where id = p_workspace_id
  returning *
$$;
comment on function private.set_workspace_plan(uuid, public.workspace_plan) is 'Billing (service role): sets a workspace''s plan and the storage quota that comes with it.';
grant execute on function private.set_workspace_plan(uuid, public.workspace_plan) to service_role;

-- ===== buckets
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values
  ('demo-videos', 'demo-videos', false, 104857600, array['video/mp4', 'video/webm', 'video/quicktime']),
  ('ai-videos', 'ai-videos', false, 524288000, array['video/mp4', 'video/webm', 'image/png', 'image/jpeg', 'image/webp', 'audio/mpeg']),
  ('review-media', 'review-media', false, 52428800, array['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'video/mp4', 'video/quicktime']),
  ('knowledge-uploads', 'knowledge-uploads', false, 52428800, array['application/pdf', 'text/plain', 'text/markdown', 'text/csv',
     'text/html', 'application/json', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']),
  ('data-exports', 'data-exports', false, 1073741824, array['application/json'])
on conflict (id) do update set public = false, file_size_limit = excluded.file_size_limit,
  allowed_mime_types = excluded.allowed_mime_types;

-- ===== usage
create table public.workspace_storage_usage (
  workspace_id uuid not null references public.workspaces (id) on delete cascade,
  bucket_id text not null,
  bytes bigint not null default 0,
  objects bigint not null default 0,
  updated_at timestamptz not null default now(),
  primary key (workspace_id, bucket_id)
);
comment on table public.workspace_storage_usage is 'Bytes and objects per workspace and bucket (paths <workspace_id>/...), kept by a trigger on storage.objects; read by viewers; compared with workspaces.storage_quota_bytes on upload.';
comment on column public.workspace_storage_usage.bytes is 'Sum of metadata.size of the objects (the Storage API fills it once the upload finishes).';
alter table public.workspace_storage_usage enable row level security;
grant select on public.workspace_storage_usage to authenticated;
select private.install_row_triggers('public.workspace_storage_usage');
select private.tenant_policy('public.workspace_storage_usage', 'select', 'viewer');

-- The workspace an object is counted against: the uuid its path starts with, in a media bucket.
create function private.object_workspace(p_bucket text, p_name text) returns uuid
language plpgsql stable security definer set search_path = '' as $$
declare
  head text := split_part(p_name, '/', 1);
begin
  if p_bucket not in ('demo-videos', 'ai-videos', 'review-media', 'knowledge-uploads')
     or head !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return null;
  end if;
  return (select w.id from public.workspaces w where w.id = head::uuid);
end $$;
comment on function private.object_workspace(text, text) is 'The workspace a storage object counts against (media buckets, path <workspace_id>/...), or null.';

create function private.track_storage_usage() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  ws uuid;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    ws := private.object_workspace(old.bucket_id, old.name);
    if ws is not null then
      update public.workspace_storage_usage u
      set bytes = greatest(u.bytes - coalesce((old.metadata ->> 'size')::bigint, 0), 0), objects = greatest(u.objects - 1, 0)
      where u.workspace_id = ws and u.bucket_id = old.bucket_id;
    end if;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    ws := private.object_workspace(new.bucket_id, new.name);
    if ws is not null then
      insert into public.workspace_storage_usage as u (workspace_id, bucket_id, bytes, objects)
      values (ws, new.bucket_id, coalesce((new.metadata ->> 'size')::bigint, 0), 1)
      on conflict (workspace_id, bucket_id) do update
        set bytes = u.bytes + excluded.bytes, objects = u.objects + 1;
    end if;
  end if;
  return null;
end $$;
comment on function private.track_storage_usage() is 'AFTER INSERT/UPDATE/DELETE on storage.objects: keeps workspace_storage_usage (an update counts as remove + add).';

create trigger track_storage_usage after insert or delete or update of bucket_id, name, metadata on storage.objects
  for each row execute function private.track_storage_usage();

-- ===== helpers the policies call once per statement (array(select ...))
create function private.workspace_folders(p_min_role public.workspace_role) returns setof text
language plpgsql stable security definer set search_path = '' as $$
begin
  return query select w::text from private.workspace_ids(p_min_role) w;
end $$;
comment on function private.workspace_folders(public.workspace_role) is 'The caller''s workspace ids with at least min_role, as the text a storage path starts with.';
grant execute on function private.workspace_folders(public.workspace_role) to authenticated;

create function private.workspace_folders_with_room() returns setof text
language plpgsql stable security definer set search_path = '' as $$
begin
  return query
    select w.id::text from public.workspaces w
    where w.id in (select private.workspace_ids('member'))
      and (w.storage_quota_bytes is null
           or coalesce((select sum(u.bytes) from public.workspace_storage_usage u where u.workspace_id = w.id), 0) < w.storage_quota_bytes);
end $$;
comment on function private.workspace_folders_with_room() is 'The caller''s workspaces (member and up) still under their storage quota: where uploads are allowed.';
grant execute on function private.workspace_folders_with_room() to authenticated;

create function private.downloadable_exports() returns setof text
language plpgsql stable security definer set search_path = '' as $$
begin
  return query
    select r.export_path from public.privacy_requests r
    where r.export_path is not null and r.status = 'completed' and r.download_expires_at > now()
      and (r.user_id = (select auth.uid())
           or (r.user_id is null and r.workspace_id in (select private.workspace_ids('admin'))));
end $$;
comment on function private.downloadable_exports() is 'Object names in data-exports the caller may download now: their own completed exports, and their workspace''s customer exports for admins, until download_expires_at.';
grant execute on function private.downloadable_exports() to authenticated;

-- ai-videos, review-media, knowledge-uploads: by workspace.
create policy "media: viewers read their workspace's objects" on storage.objects for select to authenticated
  using (bucket_id in ('ai-videos', 'review-media', 'knowledge-uploads')
         and (storage.foldername(name))[1] = any (array(select private.workspace_folders('viewer'))));

create policy "media: members upload to their workspace under quota" on storage.objects for insert to authenticated
  with check (bucket_id in ('ai-videos', 'review-media', 'knowledge-uploads')
              and (storage.foldername(name))[1] = any (array(select private.workspace_folders_with_room())));

create policy "media: members replace their workspace's objects" on storage.objects for update to authenticated
  using (bucket_id in ('ai-videos', 'review-media', 'knowledge-uploads')
         and (storage.foldername(name))[1] = any (array(select private.workspace_folders('member'))))
  with check (bucket_id in ('ai-videos', 'review-media', 'knowledge-uploads')
              and (storage.foldername(name))[1] = any (array(select private.workspace_folders('member'))));

create policy "media: members delete their workspace's objects" on storage.objects for delete to authenticated
  using (bucket_id in ('ai-videos', 'review-media', 'knowledge-uploads')
         and (storage.foldername(name))[1] = any (array(select private.workspace_folders('member'))));

-- data-exports: written and removed by the privacy worker (service role) only.
create policy "data-exports: requesters download their exports" on storage.objects for select to authenticated
  using (bucket_id = 'data-exports' and name = any (array(select private.downloadable_exports())));
