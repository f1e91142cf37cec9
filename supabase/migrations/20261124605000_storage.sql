-- Storage: the buckets (all private), storage.objects policies by bucket and path, and storage
-- quotas. Every object path starts with the workspace id (<workspace_id>/...), demo media with
-- the demo too (<workspace_id>/<demo_id>/...), so a member uploads and reads only their
-- workspace's objects. anon reads media of published demos only. Export documents are read only
-- by whoever may download them (privacy_requests). workspaces gains plan and storage quota
-- (RAWDOG's video_organizations plan and storage limit), usage is counted per workspace and bucket.

-- ===== plan and quota on the one tenant model
create type public.workspace_plan as enum ('free', 'pro', 'business', 'enterprise');
comment on type public.workspace_plan is 'Billing plan of a workspace; sets its storage quota (free 5 GiB, pro 100 GiB, business 1 TiB, enterprise unlimited).';
alter table public.workspaces
  add column plan public.workspace_plan not null default 'free',
  add column storage_quota_bytes bigint default 5368709120 check (storage_quota_bytes >= 0);
comment on column public.workspaces.plan is 'Billing plan; changed by billing (service role) through private.set_workspace_plan, never by members.';
comment on column public.workspaces.storage_quota_bytes is 'Bytes of media the workspace may keep across its buckets (data-exports excluded); null = unlimited. Uploads are refused once usage reaches it.';

create function private.set_workspace_plan(p_workspace uuid, p_plan public.workspace_plan) returns public.workspaces
language sql volatile security definer set search_path = '' as $$
  update public.workspaces set plan = p_plan,
    storage_quota_bytes = case p_plan when 'free' then 5368709120 when 'pro' then 107374182400
                                      when 'business' then 1099511627776 else null end
  where id = p_workspace
  returning *
$$;
comment on function private.set_workspace_plan(uuid, public.workspace_plan) is 'Billing (service role): sets a workspace''s plan and the storage quota that comes with it.';
revoke all on function private.set_workspace_plan(uuid, public.workspace_plan) from public;
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
create trigger set_updated_at before update on public.workspace_storage_usage for each row execute function private.set_updated_at();
select private.install_tenant_guard('public.workspace_storage_usage');
alter table public.workspace_storage_usage enable row level security;
grant select on public.workspace_storage_usage to authenticated;
grant all on public.workspace_storage_usage to service_role;
create policy "viewers read storage usage" on public.workspace_storage_usage for select to authenticated
  using (workspace_id = any (array(select private.workspace_ids('viewer'))));

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
revoke all on function private.object_workspace(text, text) from public;

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
revoke all on function private.track_storage_usage() from public;
create trigger track_storage_usage after insert or delete or update of bucket_id, name, metadata on storage.objects
  for each row execute function private.track_storage_usage();

-- ===== helpers the policies call once per statement (array(select ...))
create function private.workspace_folders(min_role public.workspace_role) returns setof text
language plpgsql stable security definer set search_path = '' as $$
begin
  return query select w::text from private.workspace_ids(min_role) w;
end $$;
comment on function private.workspace_folders(public.workspace_role) is 'The caller''s workspace ids with at least min_role, as the text a storage path starts with.';

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
revoke all on function private.workspace_folders(public.workspace_role) from public;
revoke all on function private.workspace_folders_with_room() from public;
revoke all on function private.downloadable_exports() from public;
grant execute on function private.workspace_folders(public.workspace_role), private.workspace_folders_with_room(),
  private.downloadable_exports() to authenticated;

-- ===== policies on storage.objects
-- demo-videos: seed 004's four policies, by demo (<workspace_id>/<demo_id>/...), for the demo's workspace.
create policy "demo-videos: members read their demos' media" on storage.objects for select to authenticated
  using (bucket_id = 'demo-videos'
         and array_to_string((storage.foldername(name))[1:2], '/') = any (array(select private.demo_prefixes('viewer'))));
create policy "demo-videos: members upload to their demos" on storage.objects for insert to authenticated
  with check (bucket_id = 'demo-videos'
              and array_to_string((storage.foldername(name))[1:2], '/') = any (array(select private.demo_prefixes('member')))
              and (storage.foldername(name))[1] = any (array(select private.workspace_folders_with_room())));
create policy "demo-videos: members replace their demos' media" on storage.objects for update to authenticated
  using (bucket_id = 'demo-videos'
         and array_to_string((storage.foldername(name))[1:2], '/') = any (array(select private.demo_prefixes('member'))))
  with check (bucket_id = 'demo-videos'
              and array_to_string((storage.foldername(name))[1:2], '/') = any (array(select private.demo_prefixes('member'))));
create policy "demo-videos: members delete their demos' media" on storage.objects for delete to authenticated
  using (bucket_id = 'demo-videos'
         and array_to_string((storage.foldername(name))[1:2], '/') = any (array(select private.demo_prefixes('member'))));
create policy "demo-videos: anyone reads published demos' media" on storage.objects for select to anon, authenticated
  using (bucket_id = 'demo-videos'
         and array_to_string((storage.foldername(name))[1:2], '/') = any (array(select private.anon_published_demo_prefixes())));

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
