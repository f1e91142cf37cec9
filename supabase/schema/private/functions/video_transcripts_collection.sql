CREATE OR REPLACE FUNCTION private.video_transcripts_collection(p_workspace_id uuid)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  cid uuid;
begin
  perform pg_advisory_xact_lock(hashtextextended('video_transcripts:' || p_workspace_id::text, 0));
  select c.id into cid from public.knowledge_collections c
  where c.workspace_id = p_workspace_id and c.scope = 'general' and c.metadata ->> 'source' = 'video_transcripts'
  order by c.created_at limit 1;
  if cid is null then
    insert into public.knowledge_collections (workspace_id, scope, name, description, metadata)
    values (p_workspace_id, 'general', 'Video transcripts', 'What is said in the workspace''s videos (Mux generated subtitles).',
            '{"source": "video_transcripts"}')
    returning id into cid;
  end if;
  return cid;
end $function$;
comment on function private.video_transcripts_collection(uuid) is 'The workspace''s general collection for transcripts of videos in no demo (metadata.source = video_transcripts), made on first use.';
