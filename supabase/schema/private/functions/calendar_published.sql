CREATE OR REPLACE FUNCTION private.calendar_published()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.status = 'published' and (tg_op = 'INSERT' or old.status <> 'published') then
    new.published_at := coalesce(new.published_at, now());
  end if;
  return new;
end $function$;
comment on function private.calendar_published() is 'BEFORE INSERT/UPDATE on content_calendar: published_at when an entry is published.';
