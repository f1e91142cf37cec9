CREATE OR REPLACE FUNCTION private.derive_social_engagement()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  select p.platform into new.platform from public.social_posts p where p.id = new.social_post_id;
  new.engagements := new.likes + new.comments + new.shares + new.saves;
  new.engagement_rate := case when coalesce(new.reach, 0) = 0 then null
                              else round(new.engagements::numeric / new.reach, 6) end;
  return new;
end $function$;
comment on function private.derive_social_engagement() is 'BEFORE INSERT/UPDATE on social_analytics: copies the post''s platform and computes engagements and engagement_rate (NULL on zero or unknown reach).';
