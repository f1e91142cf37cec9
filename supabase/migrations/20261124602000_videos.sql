-- Videos (RAWDOG's video module): folders in a hierarchy that cannot form a cycle, videos hosted
-- by Mux (processed from Mux webhook events), per-video permissions for private videos, and
-- comments pinned to a moment of the video. RAWDOG's video_organizations are workspaces (plan
-- and storage quota live on workspaces, see the storage migration).

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
create unique index video_folders_unique_name on public.video_folders (workspace_id, parent_id, lower(name)) nulls not distinct;
create index video_folders_parent_idx on public.video_folders (workspace_id, parent_id);
create index video_folders_created_by_idx on public.video_folders (created_by);
create trigger set_updated_at before update on public.video_folders for each row execute function private.set_updated_at();

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
revoke all on function private.guard_video_folder_tree() from public;
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
create index videos_workspace_idx on public.videos (workspace_id, created_at desc);
create index videos_folder_idx on public.videos (workspace_id, folder_id);
create index videos_created_by_idx on public.videos (created_by);
create trigger set_updated_at before update on public.videos for each row execute function private.set_updated_at();

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
create index video_permissions_workspace_video_idx on public.video_permissions (workspace_id, video_id);
create index video_permissions_user_idx on public.video_permissions (user_id);
create index video_permissions_granted_by_idx on public.video_permissions (granted_by);
create trigger set_updated_at before update on public.video_permissions for each row execute function private.set_updated_at();

create function private.guard_video_permission() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.workspace_members m where m.workspace_id = new.workspace_id and m.user_id = new.user_id) then
    raise exception 'a video can only be shared with members of its workspace' using errcode = '22023';
  end if;
  if (select auth.role()) = 'authenticated' then
    new.granted_by := (select auth.uid());
  end if;
  return new;
end $$;
comment on function private.guard_video_permission() is 'BEFORE INSERT/UPDATE on video_permissions: the grantee must belong to the workspace; granted_by is the caller.';
revoke all on function private.guard_video_permission() from public;
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
create index video_comments_video_idx on public.video_comments (workspace_id, video_id, timestamp_seconds);
create index video_comments_parent_idx on public.video_comments (workspace_id, parent_id);
create index video_comments_user_idx on public.video_comments (user_id, created_at);
create trigger set_updated_at before update on public.video_comments for each row execute function private.set_updated_at();

create function private.guard_video_comment() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  dur numeric;
begin
  if (select auth.role()) = 'authenticated' and tg_op = 'INSERT' then
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
revoke all on function private.guard_video_comment() from public;
create trigger guard_video_comment before insert or update on public.video_comments
  for each row execute function private.guard_video_comment();

select private.register_personal_retention('public.video_comments', 'user_id', 'created_at', 'comments are their author''s personal data');

-- ===== access
-- Videos shared with the caller at min_level or above, in workspaces the caller still belongs to.
create function private.shared_video_ids(min_level public.video_permission_level) returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
begin
  return query
    select p.video_id from public.video_permissions p
    join public.workspace_members m on m.workspace_id = p.workspace_id and m.user_id = p.user_id
    where p.user_id = (select auth.uid()) and p.permission_level >= min_level;
end $$;
comment on function private.shared_video_ids(public.video_permission_level) is 'Ids of videos shared with the caller at least at min_level (policies: array(select ...)).';

-- Videos the caller created.
create function private.own_video_ids() returns setof uuid
language plpgsql stable security definer set search_path = '' as $$
begin
  return query select v.id from public.videos v where v.created_by = (select auth.uid());
end $$;
comment on function private.own_video_ids() is 'Ids of videos the caller created (policies on video_permissions).';
revoke all on function private.shared_video_ids(public.video_permission_level) from public;
revoke all on function private.own_video_ids() from public;
grant execute on function private.shared_video_ids(public.video_permission_level), private.own_video_ids() to authenticated;

alter table public.video_folders enable row level security;
alter table public.videos enable row level security;
alter table public.video_permissions enable row level security;
alter table public.video_comments enable row level security;
grant select, insert, update, delete on public.video_folders, public.videos, public.video_permissions to authenticated;
grant select, insert, delete on public.video_comments to authenticated;
grant update (body, timestamp_seconds, resolved_at) on public.video_comments to authenticated;
grant all on public.video_folders, public.videos, public.video_permissions, public.video_comments to service_role;

select private.tenant_policies('public.video_folders', 'viewer', 'member');

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
select private.install_tenant_guard('public.videos');

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
select private.install_tenant_guard('public.video_permissions');

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
select private.install_tenant_guard('public.video_comments');

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
create function private.bump_video_views(p_video_id uuid) returns bigint
language sql volatile security definer set search_path = '' as $$
  update public.videos set view_count = view_count + 1 where id = p_video_id returning view_count
$$;
comment on function private.bump_video_views(uuid) is 'Increments a video''s view count beneath RLS (viewers may not update videos).';
comment on function public.record_video_view(uuid) is 'Counts one view of a video the caller can see; returns the new count. PT404 when it is not visible or deleted.';
revoke all on function private.bump_video_views(uuid) from public;
grant execute on function private.bump_video_views(uuid) to authenticated;
grant execute on function public.record_video_view(uuid) to authenticated;

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
revoke all on function private.apply_mux_event() from public;
create trigger apply_mux_event after insert on private.webhook_events
  for each row when (new.provider = 'mux') execute function private.apply_mux_event();
