CREATE OR REPLACE FUNCTION private.bump_video_views(p_video_id uuid)
 RETURNS bigint
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  update public.videos set view_count = view_count + 1 where id = p_video_id returning view_count
$function$;
comment on function private.bump_video_views(uuid) is 'Increments a video''s view count beneath RLS (viewers may not update videos).';
grant execute on function private.bump_video_views(uuid) to authenticated;
