CREATE OR REPLACE FUNCTION private.guard_video_provider_columns()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
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
end $function$;
comment on function private.guard_video_provider_columns() is 'BEFORE INSERT/UPDATE on videos: signed-in users cannot set status, Mux ids, size, errors or transcripts (42501); only the upload function, Mux events and workers do.';
