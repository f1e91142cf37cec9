-- Analytics inputs, part 1: the providers they connect through, and Search Console's third
-- device. On their own because a value added to an enum cannot be used in the transaction that
-- adds it. Instagram needs no value: it is read through a Meta connection whose scopes include
-- Instagram's.
alter type public.integration_provider add value if not exists 'google_search_console';
alter type public.integration_provider add value if not exists 'pagespeed';
alter type public.integration_provider add value if not exists 'tiktok_account';
alter type public.integration_provider add value if not exists 'fairing';
comment on type public.integration_provider is 'External services a workspace connects to. google_search_console: a Search Console property (Google OAuth, webmasters scope); pagespeed: PageSpeed Insights for a site (the deployment''s API key); tiktok_account: a TikTok business account''s organic posts (TikTok account holder OAuth), not its ads (tiktok); fairing: post-purchase surveys (an API key). Instagram is read through a meta connection with Instagram''s scopes.';

alter type public.search_device add value if not exists 'tablet';
comment on type public.search_device is 'Device a ranking was measured for (Search Console also reports tablet).';
