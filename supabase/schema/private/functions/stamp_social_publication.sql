CREATE OR REPLACE FUNCTION private.stamp_social_publication()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.status = 'published' and (tg_op = 'INSERT' or old.status is distinct from 'published') then
    new.published_at := coalesce(new.published_at, now());
  end if;
  return new;
end $function$;
comment on function private.stamp_social_publication() is 'BEFORE INSERT/UPDATE on social_posts: a post becoming published gets published_at (unless given).';
