CREATE OR REPLACE FUNCTION private.review_status_stamp()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'INSERT' then
    if new.status = 'published' then
      new.published_at := coalesce(new.published_at, now());
    end if;
    return new;
  end if;
  if new.status is distinct from old.status then
    if new.status = 'pending' then
      raise exception 'a moderated review cannot go back to pending' using errcode = 'PT409';
    end if;
    new.moderated_at := now();
    new.moderated_by := (select auth.uid());
    if new.status = 'published' then
      new.published_at := coalesce(old.published_at, now());
    end if;
  end if;
  return new;
end $function$;
comment on function private.review_status_stamp() is 'BEFORE INSERT / UPDATE OF status on reviews: refuses a return to pending (PT409), stamps moderated_at/by and the first published_at.';
