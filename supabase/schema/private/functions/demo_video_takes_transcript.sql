CREATE OR REPLACE FUNCTION private.demo_video_takes_transcript()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v public.videos;
begin
  select * into v from public.videos where id = new.video_id and workspace_id = new.workspace_id;
  if found and v.transcription_status = 'completed' then
    new.transcript := v.transcription_text;
    new.processing_status := 'completed';
    new.duration_seconds := coalesce(new.duration_seconds, ceil(v.duration_seconds)::integer);
  end if;
  return new;
end $function$;
comment on function private.demo_video_takes_transcript() is 'BEFORE INSERT/UPDATE OF video_id on demo_videos: a transcribed video''s transcript, status and duration are the demo video''s from the start.';
