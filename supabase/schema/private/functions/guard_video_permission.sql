CREATE OR REPLACE FUNCTION private.guard_video_permission()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if not exists (select 1 from public.workspace_members m where m.workspace_id = new.workspace_id and m.user_id = new.user_id) then
    raise exception 'a video can only be shared with members of its workspace' using errcode = '22023';
  end if;
  if private.is_end_user() then
    new.granted_by := (select auth.uid());
  end if;
  return new;
end $function$;
comment on function private.guard_video_permission() is 'BEFORE INSERT/UPDATE on video_permissions: the grantee must belong to the workspace; granted_by is the caller.';
