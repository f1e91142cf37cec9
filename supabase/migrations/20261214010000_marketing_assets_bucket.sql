-- Marketing files as real objects: digital_assets (logos, brand guidelines, campaign imagery and
-- video) named a storage_path in no bucket, so the seeded assets and any a frontend added pointed
-- at nothing. A private bucket by workspace, like ai-videos, review-media and knowledge-uploads:
-- viewers read, members upload under the plan's quota, replace and delete; usage counted.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values
  ('marketing-assets', 'marketing-assets', false, 104857600, array['image/svg+xml', 'image/png', 'image/jpeg', 'image/webp',
     'image/gif', 'video/mp4', 'video/quicktime', 'video/webm', 'application/pdf'])
on conflict (id) do update set public = false, file_size_limit = excluded.file_size_limit,
  allowed_mime_types = excluded.allowed_mime_types;

-- The workspace an object is counted against: the uuid its path starts with, in a media bucket.
create or replace function private.object_workspace(p_bucket text, p_name text) returns uuid
language plpgsql stable security definer set search_path = '' as $$
declare
  head text := split_part(p_name, '/', 1);
begin
  if p_bucket not in ('demo-videos', 'ai-videos', 'review-media', 'knowledge-uploads', 'marketing-assets')
     or head !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    return null;
  end if;
  return (select w.id from public.workspaces w where w.id = head::uuid);
end $$;

alter policy "media: viewers read their workspace's objects" on storage.objects
  using (bucket_id in ('ai-videos', 'review-media', 'knowledge-uploads', 'marketing-assets')
         and (storage.foldername(name))[1] = any (array(select private.workspace_folders('viewer'))));

alter policy "media: members upload to their workspace under quota" on storage.objects
  with check (bucket_id in ('ai-videos', 'review-media', 'knowledge-uploads', 'marketing-assets')
              and (storage.foldername(name))[1] = any (array(select private.workspace_folders_with_room())));

alter policy "media: members replace their workspace's objects" on storage.objects
  using (bucket_id in ('ai-videos', 'review-media', 'knowledge-uploads', 'marketing-assets')
         and (storage.foldername(name))[1] = any (array(select private.workspace_folders('member'))))
  with check (bucket_id in ('ai-videos', 'review-media', 'knowledge-uploads', 'marketing-assets')
              and (storage.foldername(name))[1] = any (array(select private.workspace_folders('member'))));

alter policy "media: members delete their workspace's objects" on storage.objects
  using (bucket_id in ('ai-videos', 'review-media', 'knowledge-uploads', 'marketing-assets')
         and (storage.foldername(name))[1] = any (array(select private.workspace_folders('member'))));
