CREATE OR REPLACE FUNCTION private.video_transcript_source(p_video_id uuid)
 RETURNS text
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select v.mux_playback_id from public.videos v where v.id = p_video_id and v.deleted_at is null
$function$;
comment on function private.video_transcript_source(uuid) is 'The transcripts worker: the signed playback id a video''s text track is fetched with; null while the video is not ready or deleted.';
grant execute on function private.video_transcript_source(uuid) to service_role;
