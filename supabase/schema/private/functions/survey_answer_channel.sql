CREATE OR REPLACE FUNCTION private.survey_answer_channel(p_answer text)
 RETURNS public.marketing_channel
 LANGUAGE sql
 IMMUTABLE
 SET search_path TO ''
AS $function$
  select case
    when nullif(btrim(p_answer), '') is null then null
    when lower(p_answer) ~ '(podcast|influencer|creator|youtuber|blogger|tiktoker)' then 'influencer'
    when lower(p_answer) ~ '(instagram|tiktok|facebook|\mmeta\M|pinterest|youtube|snapchat|twitter|\mx\M|reddit|threads|social)' then 'organic_social'
    when lower(p_answer) ~ '(google|bing|search|duckduckgo|yahoo)' then 'organic_search'
    when lower(p_answer) ~ '(friend|family|word of mouth|referr|colleague|recommend)' then 'referral'
    when lower(p_answer) ~ '(e-?mail|newsletter)' then 'email'
    when lower(p_answer) ~ '(\msms\M|text message)' then 'sms'
    when lower(p_answer) ~ '(event|\mstore\M|market|\mfair\M|pop.?up|trade show)' then 'events'
    when lower(p_answer) ~ '(article|blog|press|news|magazine|review site)' then 'content'
    when lower(p_answer) ~ '(mailer|postcard|catalog|direct mail)' then 'direct_mail'
    else 'other'
  end::public.marketing_channel
$function$;
comment on function private.survey_answer_channel(text) is 'The keyword rule for an attribution answer without a mapping: podcasts and creators -> influencer; social networks -> organic_social; search engines -> organic_search; friends, family, word of mouth -> referral; email, sms, events, articles and press (content), mailers (direct_mail); anything else -> other.';
grant execute on function private.survey_answer_channel(text) to authenticated;
grant execute on function private.survey_answer_channel(text) to service_role;
