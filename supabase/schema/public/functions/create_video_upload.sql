CREATE OR REPLACE FUNCTION public.create_video_upload(p_workspace_id uuid, p_title text, p_size_bytes bigint, p_folder_id uuid DEFAULT NULL::uuid, p_visibility public.video_visibility DEFAULT 'workspace'::public.video_visibility, p_description text DEFAULT NULL::text)
 RETURNS public.videos
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  v public.videos;
begin
  if p_workspace_id is null then
    raise exception 'workspace id is required' using errcode = '22023';
  end if;
  perform private.require_workspace_role(p_workspace_id, 'member');
  if p_size_bytes is null or p_size_bytes <= 0 then
    raise exception 'size_bytes must be the file''s size in bytes (positive)' using errcode = '22023';
  end if;
  perform private.require_storage_room(p_workspace_id, p_size_bytes);
  insert into public.videos (workspace_id, folder_id, title, description, visibility, size_bytes)
  values (p_workspace_id, p_folder_id, p_title, p_description, coalesce(p_visibility, 'workspace'), p_size_bytes)
  returning * into v;
  return v;
end $function$;
comment on function public.create_video_upload(uuid,text,bigint,uuid,public.video_visibility,text) is 'Members (through the videos function, which then asks Mux for the direct upload): a new video in uploading, after checking the plan''s storage quota (PT413). 22023 for a missing workspace or size; 42501 below member.';
grant execute on function public.create_video_upload(uuid,text,bigint,uuid,public.video_visibility,text) to authenticated;
grant execute on function public.create_video_upload(uuid,text,bigint,uuid,public.video_visibility,text) to service_role;
