CREATE OR REPLACE FUNCTION private.ad_platform_channel(p_platform public.ad_platform)
 RETURNS public.marketing_channel
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
  select case p_platform when 'google' then 'paid_search' when 'organic' then 'organic_social'
                         else 'paid_social' end::public.marketing_channel
$function$;
comment on function private.ad_platform_channel(public.ad_platform) is 'The channel an ad platform''s spend counts under in the channel report: Google paid search; Meta, TikTok, Pinterest paid social; organic posts organic social.';
grant execute on function private.ad_platform_channel(public.ad_platform) to authenticated;
grant execute on function private.ad_platform_channel(public.ad_platform) to service_role;
