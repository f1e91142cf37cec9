CREATE OR REPLACE FUNCTION private.demo_video_transcript()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.ingest_video_transcript(new.video_id);
  return null;
end $function$;
comment on function private.demo_video_transcript() is 'AFTER INSERT/UPDATE OF video_id on demo_videos: a video with a transcript joins the demo''s knowledge at once.';
