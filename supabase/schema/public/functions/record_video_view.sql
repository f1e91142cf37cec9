CREATE OR REPLACE FUNCTION public.record_video_view(p_video_id uuid)
 RETURNS bigint
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  n bigint;
begin
  if not exists (select 1 from public.videos v where v.id = p_video_id and v.deleted_at is null) then
    raise exception 'no such video' using errcode = 'PT404';
  end if;
  select private.bump_video_views(p_video_id) into n;
  return n;
end $function$;
comment on function public.record_video_view(uuid) is 'Counts one view of a video the caller can see; returns the new count. PT404 when it is not visible or deleted.';
grant execute on function public.record_video_view(uuid) to authenticated;
grant execute on function public.record_video_view(uuid) to service_role;
