-- Two functions on the webhook path, in PL/pgSQL for the same reason as workspace_role
-- (dashboards_read_once): a SQL function with a SET clause is never inlined, so PostgreSQL 15
-- runs its body through the SQL-function executor on every call (planned per call when it is
-- SECURITY DEFINER, an executor started per row otherwise), where PL/pgSQL caches plans per
-- session and evaluates simple expressions without an executor.
-- - private.shop_workspace: once per acknowledged Shopify delivery.
-- - private.classify_channel: once per order in the attribution trigger (500 per webhook batch;
--   measured 31 us per call, 15.7 ms of a 155 ms batch of 500 orders). Same rules, same order;
--   the referrer's host is computed inline (private.url_host's expression).

create or replace function private.shop_workspace(p_shop text) returns uuid
language plpgsql stable security definer set search_path = '' as $$
begin
  return (select c.workspace_id from public.integration_connections c
          where c.provider = 'shopify' and c.status = 'active' and c.external_account_id = lower(p_shop));
end $$;
comment on function private.shop_workspace(text) is 'The workspace whose active Shopify connection is this shop, or null.';

create or replace function private.classify_channel(
  p_source text, p_medium text, p_gclid text, p_fbclid text, p_ttclid text, p_referrer text)
returns public.marketing_channel
language plpgsql immutable parallel safe set search_path = '' as $$
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
end $$;
comment on function private.classify_channel(text, text, text, text, text, text) is 'Channel of a touch from utm_source, utm_medium, click ids (gclid: paid search, ttclid: paid social, fbclid: social) and the referrer''s host (search engines, social networks, other sites); direct when there is nothing.';
