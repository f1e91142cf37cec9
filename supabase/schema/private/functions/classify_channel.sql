CREATE OR REPLACE FUNCTION private.classify_channel(p_source text, p_medium text, p_gclid text, p_fbclid text, p_ttclid text, p_referrer text)
 RETURNS public.marketing_channel
 LANGUAGE plpgsql
 IMMUTABLE PARALLEL SAFE
 SET search_path TO ''
AS $function$
declare
  s text := lower(coalesce(p_source, ''));
  m text := lower(coalesce(p_medium, ''));
  host text;
  social_src boolean;
begin
  if p_gclid is not null then
    return 'paid_search'::public.marketing_channel;
  elsif p_ttclid is not null then
    return 'paid_social'::public.marketing_channel;
  end if;
  social_src := s ~ '(facebook|^fb$|instagram|^ig$|meta|tiktok|pinterest|snapchat|twitter|^x$|linkedin|reddit|youtube)';
  if m ~ '^(cpc|ppc|paid|paid[ _-]?search|sem|search[ _-]?ads?)$' then
    return (case when social_src then 'paid_social' else 'paid_search' end)::public.marketing_channel;
  elsif m ~ '^(paid[ _-]?social|social[ _-]?paid|cpm|cpv|paid[ _-]?video)$' then
    return 'paid_social'::public.marketing_channel;
  elsif p_fbclid is not null and m ~ '(paid|cpc|ad)' then
    return 'paid_social'::public.marketing_channel;
  elsif m ~ '^(display|banner|programmatic|retargeting)$' then
    return 'display'::public.marketing_channel;
  elsif m ~ '^e[ _-]?mail' or s ~ '(klaviyo|mailchimp|newsletter|omnisend)' then
    return 'email'::public.marketing_channel;
  elsif m in ('sms', 'text', 'mms') or s in ('attentive', 'postscript') then
    return 'sms'::public.marketing_channel;
  elsif m ~ 'affiliate|partner' then
    return 'affiliate'::public.marketing_channel;
  end if;
  host := nullif(lower(regexp_replace((regexp_match(p_referrer, '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#:]+)'))[1], '^www\.', '')), '');
  if m ~ 'social' or social_src or p_fbclid is not null
     or (m = '' and coalesce(host ~ '(^|\.)(facebook\.com|instagram\.com|t\.co|twitter\.com|x\.com|tiktok\.com|pinterest\.[a-z.]+|linkedin\.com|reddit\.com|youtube\.com|l\.facebook\.com|lm\.facebook\.com)$', false)) then
    return 'organic_social'::public.marketing_channel;
  elsif m = 'organic'
     or (m = '' and s = '' and coalesce(host ~ '(^|\.)(google\.[a-z.]+|bing\.com|duckduckgo\.com|search\.yahoo\.com|yahoo\.com|ecosia\.org|baidu\.com|yandex\.[a-z.]+|search\.brave\.com)$', false)) then
    return 'organic_search'::public.marketing_channel;
  elsif m = 'referral' or (m = '' and s = '' and host is not null) then
    return 'referral'::public.marketing_channel;
  elsif s <> '' or m <> '' then
    return 'other'::public.marketing_channel;
  end if;
  return 'direct'::public.marketing_channel;
end $function$;
comment on function private.classify_channel(text,text,text,text,text,text) is 'Channel of a touch from utm_source, utm_medium, click ids (gclid: paid search, ttclid: paid social, fbclid: social) and the referrer''s host (search engines, social networks, other sites); direct when there is nothing.';
grant execute on function private.classify_channel(text,text,text,text,text,text) to authenticated;
grant execute on function private.classify_channel(text,text,text,text,text,text) to service_role;
