CREATE OR REPLACE FUNCTION private.guard_video_comment()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
declare
  dur numeric;
begin
  if private.is_end_user() and tg_op = 'INSERT' then
    new.user_id := (select auth.uid());
  end if;
  if tg_op = 'UPDATE' and new.user_id is distinct from old.user_id then
    raise exception 'a comment''s author cannot change' using errcode = '42501';
  end if;
  select v.duration_seconds into dur from public.videos v where v.id = new.video_id;
  if new.timestamp_seconds is not null and dur is not null and new.timestamp_seconds > dur then
    raise exception 'the comment points at %s but the video is only %s long', new.timestamp_seconds, dur using errcode = '22023';
  end if;
  return new;
end $function$;
comment on function private.guard_video_comment() is 'BEFORE INSERT/UPDATE on video_comments: the author is the caller and stays so; the timestamp lies within the video.';
