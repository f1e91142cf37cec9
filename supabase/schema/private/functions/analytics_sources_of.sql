CREATE OR REPLACE FUNCTION private.analytics_sources_of(p_provider public.integration_provider, p_scopes text[])
 RETURNS public.analytics_source[]
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case p_provider
    when 'google_search_console' then array['search_console']
    when 'pagespeed' then array['pagespeed']
    when 'tiktok_account' then array['tiktok']
    when 'fairing' then array['fairing']
    when 'meta' then case when p_scopes @> array['instagram_basic', 'instagram_manage_insights'] then array['instagram'] end
  end::public.analytics_source[]
$function$;
comment on function private.analytics_sources_of(public.integration_provider,text[]) is 'The analytics sources a connection feeds: google_search_console -> search_console, pagespeed -> pagespeed, tiktok_account -> tiktok, fairing -> fairing, and a meta connection granted instagram_basic and instagram_manage_insights -> instagram; null for anything else.';
