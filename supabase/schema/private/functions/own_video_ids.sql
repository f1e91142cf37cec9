CREATE OR REPLACE FUNCTION private.own_video_ids()
 RETURNS SETOF uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  return query select v.id from public.videos v where v.created_by = (select auth.uid());
end $function$;
comment on function private.own_video_ids() is 'Ids of videos the caller created (policies on video_permissions).';
grant execute on function private.own_video_ids() to authenticated;
