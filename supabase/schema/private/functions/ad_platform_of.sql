CREATE OR REPLACE FUNCTION private.ad_platform_of(p_provider public.integration_provider)
 RETURNS public.ad_platform
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case p_provider when 'meta' then 'meta' when 'google_ads' then 'google' when 'tiktok' then 'tiktok' end::public.ad_platform
$function$;
comment on function private.ad_platform_of(public.integration_provider) is 'The ad platform a connection''s provider syncs (meta, google_ads -> google, tiktok); null for other providers.';
