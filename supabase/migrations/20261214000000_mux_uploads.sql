-- Mux uploads and playback. A member asks for an upload (public.create_video_upload, called by
-- the videos function as the member): the quota of the workspace's plan is checked under a
-- per-workspace lock, the video row is made in `uploading`, then the function asks Mux for a
-- direct upload bound to the row (passthrough = video id) and records it
-- (private.attach_mux_upload). Mux's signed webhooks move the row on (uploading -> processing ->
-- ready | errored), matching it by upload id, asset id or passthrough, and never back from a
-- finished state. Playback ids are signed: public.video_playback answers the playback id only
-- to someone who may see the video (RLS on videos: creator, workspace visibility, admins,
-- video_permissions), and the function signs the tokens. What Mux decides (status, Mux ids,
-- size, errors) is written by the service only: end users cannot forge a playback id.

-- ===== what end users may not write on videos
create function private.guard_video_provider_columns() returns trigger
language plpgsql set search_path = '' as $$
begin
  if not private.is_end_user() then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'uploading' or new.mux_upload_id is not null or new.mux_asset_id is not null
       or new.mux_playback_id is not null or new.error is not null then
      raise exception 'a new video starts as uploading without Mux ids: upload through create_video_upload'
        using errcode = '42501';
    end if;
  elsif (new.status, new.mux_upload_id, new.mux_asset_id, new.mux_playback_id, new.size_bytes, new.error,
         new.transcription_status, new.transcription_text)
        is distinct from (old.status, old.mux_upload_id, old.mux_asset_id, old.mux_playback_id, old.size_bytes, old.error,
                          old.transcription_status, old.transcription_text) then
    raise exception 'status, Mux ids, size, errors and transcripts are written by Mux events, not by members'
      using errcode = '42501';
  end if;
  return new;
end $$;
comment on function private.guard_video_provider_columns() is 'BEFORE INSERT/UPDATE on videos: signed-in users cannot set status, Mux ids, size, errors or transcripts (42501); only the upload function, Mux events and workers do.';

create trigger guard_video_provider_columns before insert or update on public.videos
  for each row execute function private.guard_video_provider_columns();
select private.exempt_user_deletion('public.videos', 'guard_video_provider_columns');

-- ===== quota
-- Bytes a workspace uses: stored objects plus the declared size of its videos at Mux.
create function private.workspace_bytes_used(p_workspace_id uuid) returns bigint
language sql stable security definer set search_path = '' as $$
  select coalesce((select sum(u.bytes) from public.workspace_storage_usage u where u.workspace_id = p_workspace_id), 0)::bigint
       + coalesce((select sum(v.size_bytes) from public.videos v
                   where v.workspace_id = p_workspace_id and v.deleted_at is null and v.status <> 'errored'), 0)::bigint
$$;
comment on function private.workspace_bytes_used(uuid) is 'Bytes counted against a workspace''s storage quota: its storage objects (workspace_storage_usage) and the declared size of its live videos at Mux.';

-- Serialised per workspace, so two uploads started together cannot both squeeze under the quota.
create function private.require_storage_room(p_workspace_id uuid, p_bytes bigint) returns void
language plpgsql volatile security definer set search_path = '' as $$
declare
  quota bigint;
  used bigint;
begin
  perform pg_advisory_xact_lock(hashtextextended('storage_quota:' || p_workspace_id::text, 0));
  select w.storage_quota_bytes into quota from public.workspaces w where w.id = p_workspace_id;
  if quota is null then
    return;
  end if;
  used := private.workspace_bytes_used(p_workspace_id);
  if used + p_bytes > quota then
    raise exception 'the workspace''s storage quota is full: % of % bytes used, % more asked', used, quota, p_bytes
      using errcode = 'PT413', hint = 'delete media or move the workspace to a larger plan';
  end if;
end $$;
comment on function private.require_storage_room(uuid, bigint) is 'Raises PT413 when p_bytes more would pass the workspace''s storage_quota_bytes (null: unlimited); holds a per-workspace lock until commit.';
grant execute on function private.require_storage_room(uuid, bigint) to authenticated;

-- ===== upload
create function public.create_video_upload(
  p_workspace_id uuid, p_title text, p_size_bytes bigint, p_folder_id uuid default null,
  p_visibility public.video_visibility default 'workspace', p_description text default null
) returns public.videos
language plpgsql volatile set search_path = '' as $$
declare
  v public.videos;
begin
  if p_workspace_id is null then
    raise exception 'workspace id is required' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'member');
  if p_size_bytes is null or p_size_bytes <= 0 then
    raise exception 'size_bytes must be the file''s size in bytes (positive)' using errcode = '22023';
  end if;
  perform private.require_storage_room(p_workspace_id, p_size_bytes);
  insert into public.videos (workspace_id, folder_id, title, description, visibility, size_bytes)
  values (p_workspace_id, p_folder_id, p_title, p_description, coalesce(p_visibility, 'workspace'), p_size_bytes)
  returning * into v;
  return v;
end $$;
comment on function public.create_video_upload(uuid, text, bigint, uuid, public.video_visibility, text) is 'Members (through the videos function, which then asks Mux for the direct upload): a new video in uploading, after checking the plan''s storage quota (PT413). 22023 for a missing workspace or size; 42501 below member.';
grant execute on function public.create_video_upload(uuid, text, bigint, uuid, public.video_visibility, text) to authenticated;

create function private.attach_mux_upload(p_video_id uuid, p_upload_id text) returns public.videos
language plpgsql volatile security definer set search_path = '' as $$
declare
  v public.videos;
begin
  update public.videos set mux_upload_id = p_upload_id
  where id = p_video_id and status = 'uploading' and mux_upload_id is null
  returning * into v;
  if not found then
    raise exception 'video % is not waiting for an upload', p_video_id using errcode = 'PT409';
  end if;
  return v;
end $$;
comment on function private.attach_mux_upload(uuid, text) is 'The videos function (service role): binds the Mux direct upload it created to the video, once; PT409 if the video already has one or moved on.';
grant execute on function private.attach_mux_upload(uuid, text) to service_role;

create function private.fail_video_upload(p_video_id uuid, p_error text) returns void
language sql volatile security definer set search_path = '' as $$
  update public.videos set status = 'errored', error = left(p_error, 2000)
  where id = p_video_id and status = 'uploading' and mux_upload_id is null
$$;
comment on function private.fail_video_upload(uuid, text) is 'The videos function (service role): Mux refused the upload; the video is errored with the reason (and stops counting against the quota).';
grant execute on function private.fail_video_upload(uuid, text) to service_role;

-- ===== playback
create function public.video_playback(p_video_id uuid) returns public.videos
language plpgsql stable set search_path = '' as $$
declare
  v public.videos;
begin
  -- RLS decides: the creator, every reader of a workspace video, admins, and video_permissions
  select * into v from public.videos where id = p_video_id and deleted_at is null;
  if not found then
    raise exception 'no such video' using errcode = 'PT404';
  end if;
  if v.status <> 'ready' or v.mux_playback_id is null then
    raise exception 'the video is not ready to play (it is %)', v.status using errcode = 'PT409';
  end if;
  return v;
end $$;
comment on function public.video_playback(uuid) is 'A ready video (with its mux_playback_id) the caller may see (creator, workspace visibility, admins, video_permissions); PT404 otherwise, PT409 while not ready. The videos function signs playback tokens for it.';
grant execute on function public.video_playback(uuid) to authenticated;

-- ===== Mux events: matched by upload, asset or passthrough (our video id); never back from a finished state
create or replace function private.apply_mux_event() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  d jsonb := new.payload -> 'data';
  vid uuid := case when d ->> 'passthrough' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                   then (d ->> 'passthrough')::uuid end;
  playback text;
begin
  if new.provider <> 'mux' then
    return null;
  end if;
  begin
    select pb ->> 'id' into playback
    from jsonb_array_elements(case when jsonb_typeof(d -> 'playback_ids') = 'array' then d -> 'playback_ids' else '[]' end) pb
    order by (pb ->> 'policy' = 'signed') desc nulls last
    limit 1;
    if new.topic = 'video.upload.asset_created' then
      update public.videos set mux_asset_id = coalesce(mux_asset_id, d ->> 'asset_id'), status = 'processing'
      where mux_upload_id = d ->> 'id' and status = 'uploading';
    elsif new.topic = 'video.upload.errored' or new.topic = 'video.upload.cancelled' then
      update public.videos set status = 'errored',
        error = left(coalesce(d #>> '{error,message}', 'the upload was ' || split_part(new.topic, '.', 3)), 2000)
      where mux_upload_id = d ->> 'id' and status = 'uploading';
    elsif new.topic = 'video.asset.created' then
      update public.videos set status = 'processing', mux_asset_id = coalesce(mux_asset_id, d ->> 'id'),
        mux_playback_id = coalesce(mux_playback_id, playback)
      where status = 'uploading'
        and (mux_asset_id = d ->> 'id' or (d ->> 'upload_id' is not null and mux_upload_id = d ->> 'upload_id') or id = vid);
    elsif new.topic = 'video.asset.ready' then
      update public.videos set status = 'ready', error = null,
        duration_seconds = case when (d ->> 'duration') ~ '^\d+(\.\d+)?$' and (d ->> 'duration')::numeric > 0
                                then round((d ->> 'duration')::numeric, 3) else duration_seconds end,
        mux_playback_id = coalesce(playback, mux_playback_id),
        mux_asset_id = coalesce(mux_asset_id, d ->> 'id')
      where status <> 'errored'
        and (mux_asset_id = d ->> 'id' or (d ->> 'upload_id' is not null and mux_upload_id = d ->> 'upload_id') or id = vid);
    elsif new.topic = 'video.asset.errored' then
      update public.videos set status = 'errored',
        error = left(coalesce(d #>> '{errors,messages,0}', d #>> '{errors,type}', 'Mux could not process the video'), 2000)
      where status <> 'ready'
        and (mux_asset_id = d ->> 'id' or (d ->> 'upload_id' is not null and mux_upload_id = d ->> 'upload_id') or id = vid);
    elsif new.topic = 'video.asset.deleted' then
      update public.videos set deleted_at = coalesce(deleted_at, now()) where mux_asset_id = d ->> 'id';
    end if;
  exception when others then
    update private.webhook_events set status = 'failed', error = left('videos: ' || sqlerrm, 2000) where id = new.id;
  end;
  return null;
end $$;
comment on function private.apply_mux_event() is 'AFTER INSERT on private.webhook_events (Mux): upload linked to its asset (processing), upload errored or cancelled, asset created, ready (duration, signed playback id) or errored, deleted; videos found by upload id, asset id or passthrough (the video id); a ready video is never errored again nor an errored one made ready. A failure marks the event failed and never loses it.';
