CREATE OR REPLACE FUNCTION private.fail_video_transcript(p_video_id uuid)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  update public.videos set transcription_status = 'failed' where id = p_video_id and transcription_status <> 'completed'
$function$;
comment on function private.fail_video_transcript(uuid) is 'The transcripts worker: the track''s job is dead (Mux could not serve it); the video''s transcription failed.';
grant execute on function private.fail_video_transcript(uuid) to service_role;
