CREATE OR REPLACE FUNCTION private.social_post_published()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.content_calendar c set status = 'published', published_at = coalesce(new.published_at, now())
  where c.workspace_id = new.workspace_id and c.social_post_id = new.id and c.status not in ('published', 'cancelled');
  return null;
end $function$;
comment on function private.social_post_published() is 'AFTER INSERT/UPDATE OF status on social_posts, when a post is published: the content calendar entries that schedule it (social_post_id) become published at the post''s time.';
