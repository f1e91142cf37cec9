CREATE OR REPLACE FUNCTION public.video_playback(p_video_id uuid)
 RETURNS public.videos
 LANGUAGE plpgsql
 STABLE
 SET search_path TO ''
AS $function$
declare
  v public.videos;
begin
  -- RLS decides: the creator, every reader of a workspace video, admins, and video_permissions
  select * into v from public.videos where id = p_video_id and deleted_at is null;
  if not found then
    raise exception 'no such video' using errcode = 'PT404';
  end if;
  if v.status <> 'ready' or v.mux_playback_id is null then
    raise exception 'the video is not ready to play (it is %)', v.status using errcode = 'PT409';
  end if;
  return v;
end $function$;
comment on function public.video_playback(uuid) is 'A ready video (with its mux_playback_id) the caller may see (creator, workspace visibility, admins, video_permissions); PT404 otherwise, PT409 while not ready. The videos function signs playback tokens for it.';
grant execute on function public.video_playback(uuid) to authenticated;
grant execute on function public.video_playback(uuid) to service_role;
