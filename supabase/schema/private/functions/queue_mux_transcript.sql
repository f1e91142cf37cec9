CREATE OR REPLACE FUNCTION private.queue_mux_transcript()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  d jsonb := new.payload -> 'data';
  v public.videos;
begin
  if new.topic <> 'video.asset.track.ready' or d ->> 'type' is distinct from 'text' or d ->> 'id' is null then
    return null;
  end if;
  begin
    select * into v from public.videos where mux_asset_id = d ->> 'asset_id' and deleted_at is null;
    if found then
      update public.videos set transcription_status = 'processing' where id = v.id and transcription_status <> 'completed';
      perform private.enqueue_connector_job('mux_transcripts', v.workspace_id, null, 'track:' || (d ->> 'id'),
        jsonb_build_object('video_id', v.id, 'track_id', d ->> 'id', 'language', d ->> 'language_code'));
    end if;
  exception when others then
    update private.webhook_events set status = 'failed', error = left('transcripts: ' || sqlerrm, 2000) where id = new.id;
  end;
  return null;
end $function$;
comment on function private.queue_mux_transcript() is 'AFTER INSERT on private.webhook_events (Mux video.asset.track.ready, text): queues the track''s transcript job (once per track) and marks the video''s transcription processing.';
