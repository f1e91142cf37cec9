CREATE OR REPLACE FUNCTION private.shared_video_ids(p_min_level public.video_permission_level)
 RETURNS SETOF uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query
    select p.video_id from public.video_permissions p
    join public.workspace_members m on m.workspace_id = p.workspace_id and m.user_id = p.user_id
    where p.user_id = (select auth.uid()) and p.permission_level >= p_min_level;
end $function$;
comment on function private.shared_video_ids(public.video_permission_level) is 'Ids of videos shared with the caller at least at min_level (policies: array(select ...)).';
grant execute on function private.shared_video_ids(public.video_permission_level) to authenticated;
