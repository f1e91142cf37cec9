CREATE OR REPLACE FUNCTION private.fail_video_upload(p_video_id uuid, p_error text)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  update public.videos set status = 'errored', error = left(p_error, 2000)
  where id = p_video_id and status = 'uploading' and mux_upload_id is null
$function$;
comment on function private.fail_video_upload(uuid,text) is 'The videos function (service role): Mux refused the upload; the video is errored with the reason (and stops counting against the quota).';
grant execute on function private.fail_video_upload(uuid,text) to service_role;
