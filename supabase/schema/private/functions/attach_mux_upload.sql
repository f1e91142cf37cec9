CREATE OR REPLACE FUNCTION private.attach_mux_upload(p_video_id uuid, p_upload_id text)
 RETURNS public.videos
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  v public.videos;
begin
  update public.videos set mux_upload_id = p_upload_id
  where id = p_video_id and status = 'uploading' and mux_upload_id is null
  returning * into v;
  if not found then
    raise exception 'video % is not waiting for an upload', p_video_id using errcode = 'PT409';
  end if;
  return v;
end $function$;
comment on function private.attach_mux_upload(uuid,text) is 'The videos function (service role): binds the Mux direct upload it created to the video, once; PT409 if the video already has one or moved on.';
grant execute on function private.attach_mux_upload(uuid,text) to service_role;
