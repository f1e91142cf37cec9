CREATE OR REPLACE FUNCTION public.social_overview(p_workspace_id uuid, p_from date, p_to date)
 RETURNS SETOF public.social_overview_row
 LANGUAGE sql
 STABLE
 SET search_path TO ''
AS $function$
  select * from private.social_overview(p_workspace_id, p_from, p_to)
$function$;
comment on function public.social_overview(uuid,date,date) is 'Viewers: the organic social dashboard, one row per platform: accounts and their followers (now, and the change over the range), reach and profile views by day, posts published in the range with their latest views, engagements, reach and engagement rate, and scheduled posts still waiting to go out. Reads what the Instagram and TikTok syncs wrote. 22023 bad range; 42501 not a member.';
grant execute on function public.social_overview(uuid,date,date) to authenticated;
grant execute on function public.social_overview(uuid,date,date) to service_role;
