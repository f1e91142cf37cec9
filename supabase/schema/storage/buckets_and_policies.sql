-- bucket ai-videos: private, at most 524288000 bytes, video/mp4, video/webm, image/png, image/jpeg, image/webp, audio/mpeg
-- bucket data-exports: private, at most 1073741824 bytes, application/json
-- bucket demo-videos: private, at most 104857600 bytes, video/mp4, video/webm, video/quicktime
-- bucket knowledge-uploads: private, at most 52428800 bytes, application/pdf, text/plain, text/markdown, text/csv, text/html, application/json, application/vnd.openxmlformats-officedocument.wordprocessingml.document
-- bucket marketing-assets: private, at most 104857600 bytes, image/svg+xml, image/png, image/jpeg, image/webp, image/gif, video/mp4, video/quicktime, video/webm, application/pdf
-- bucket review-media: private, at most 52428800 bytes, image/png, image/jpeg, image/webp, image/gif, video/mp4, video/quicktime

create policy "data-exports: requesters download their exports" on storage.objects for select to authenticated
  using (((bucket_id = 'data-exports'::text) AND (name = ANY (ARRAY( SELECT private.downloadable_exports() AS downloadable_exports)))));
create policy "demo-videos: anyone reads published demos' media" on storage.objects for select to anon, authenticated
  using (((bucket_id = 'demo-videos'::text) AND (array_to_string((storage.foldername(name))[1:2], '/'::text) = ANY (ARRAY( SELECT private.anon_published_demo_prefixes() AS anon_published_demo_prefixes)))));
create policy "demo-videos: members delete their demos' media" on storage.objects for delete to authenticated
  using (((bucket_id = 'demo-videos'::text) AND (array_to_string((storage.foldername(name))[1:2], '/'::text) = ANY (ARRAY( SELECT private.demo_prefixes('member'::public.workspace_role) AS demo_prefixes)))));
create policy "demo-videos: members read their demos' media" on storage.objects for select to authenticated
  using (((bucket_id = 'demo-videos'::text) AND (array_to_string((storage.foldername(name))[1:2], '/'::text) = ANY (ARRAY( SELECT private.demo_prefixes('viewer'::public.workspace_role) AS demo_prefixes)))));
create policy "demo-videos: members replace their demos' media" on storage.objects for update to authenticated
  using (((bucket_id = 'demo-videos'::text) AND (array_to_string((storage.foldername(name))[1:2], '/'::text) = ANY (ARRAY( SELECT private.demo_prefixes('member'::public.workspace_role) AS demo_prefixes)))))
  with check (((bucket_id = 'demo-videos'::text) AND (array_to_string((storage.foldername(name))[1:2], '/'::text) = ANY (ARRAY( SELECT private.demo_prefixes('member'::public.workspace_role) AS demo_prefixes)))));
create policy "demo-videos: members upload to their demos" on storage.objects for insert to authenticated
  with check (((bucket_id = 'demo-videos'::text) AND (array_to_string((storage.foldername(name))[1:2], '/'::text) = ANY (ARRAY( SELECT private.demo_prefixes('member'::public.workspace_role) AS demo_prefixes))) AND ((storage.foldername(name))[1] = ANY (ARRAY( SELECT private.workspace_folders_with_room() AS workspace_folders_with_room)))));
create policy "media: members delete their workspace's objects" on storage.objects for delete to authenticated
  using (((bucket_id = ANY (ARRAY['ai-videos'::text, 'review-media'::text, 'knowledge-uploads'::text, 'marketing-assets'::text])) AND ((storage.foldername(name))[1] = ANY (ARRAY( SELECT private.workspace_folders('member'::public.workspace_role) AS workspace_folders)))));
create policy "media: members replace their workspace's objects" on storage.objects for update to authenticated
  using (((bucket_id = ANY (ARRAY['ai-videos'::text, 'review-media'::text, 'knowledge-uploads'::text, 'marketing-assets'::text])) AND ((storage.foldername(name))[1] = ANY (ARRAY( SELECT private.workspace_folders('member'::public.workspace_role) AS workspace_folders)))))
  with check (((bucket_id = ANY (ARRAY['ai-videos'::text, 'review-media'::text, 'knowledge-uploads'::text, 'marketing-assets'::text])) AND ((storage.foldername(name))[1] = ANY (ARRAY( SELECT private.workspace_folders('member'::public.workspace_role) AS workspace_folders)))));
create policy "media: members upload to their workspace under quota" on storage.objects for insert to authenticated
  with check (((bucket_id = ANY (ARRAY['ai-videos'::text, 'review-media'::text, 'knowledge-uploads'::text, 'marketing-assets'::text])) AND ((storage.foldername(name))[1] = ANY (ARRAY( SELECT private.workspace_folders_with_room() AS workspace_folders_with_room)))));
create policy "media: viewers read their workspace's objects" on storage.objects for select to authenticated
  using (((bucket_id = ANY (ARRAY['ai-videos'::text, 'review-media'::text, 'knowledge-uploads'::text, 'marketing-assets'::text])) AND ((storage.foldername(name))[1] = ANY (ARRAY( SELECT private.workspace_folders('viewer'::public.workspace_role) AS workspace_folders)))));
