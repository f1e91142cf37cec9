CREATE OR REPLACE FUNCTION private.guard_video_folder_tree()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  cycle boolean;
begin
  if new.parent_id is null or (tg_op = 'UPDATE' and new.parent_id is not distinct from old.parent_id) then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('video_folders:' || new.workspace_id::text, 0));
  with recursive up (id, parent_id, depth) as (
    select f.id, f.parent_id, 1 from public.video_folders f
    where f.workspace_id = new.workspace_id and f.id = new.parent_id
    union all
    select f.id, f.parent_id, up.depth + 1 from public.video_folders f
    join up on f.id = up.parent_id and f.workspace_id = new.workspace_id
    where up.depth < 1000
  )
  select exists (select 1 from up where up.id = new.id) into cycle;
  if cycle then
    raise exception 'a folder cannot be moved into itself or one of its own subfolders' using errcode = '22023';
  end if;
  return new;
end $function$;
comment on function private.guard_video_folder_tree() is 'BEFORE INSERT/UPDATE OF parent_id on video_folders: refuses cycles (22023), serialising moves per workspace.';
