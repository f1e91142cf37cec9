-- What each analytics source writes, from the outside: Search Console rows beside a rank
-- tracker's in seo_rankings (the fields it cannot give stated as NULL), PageSpeed page audits and
-- the site's day in seo_audits, key pages on the connected site only, Instagram and TikTok
-- accounts, days and posts with scheduled posts (and their calendar entries) marked published,
-- Fairing answers as self-reported channels against the model, and the dashboards' role checks.
begin;
set search_path = extensions, public;
select plan(49);

select tests.two_workspaces();
update private.callable_functions set wake_requested_at = now() + interval '1 hour' where name = 'analytics-sync';

-- ================= seo_rankings: two sources side by side
select tests.authenticate_as_service_role();
select is(public.ingest_seo_rankings(tests.workspace_id('A'), '[
  {"keyword": "Tallow Balm", "tracked_on": "2026-11-20", "position": 4, "search_volume": 9900, "url": "https://a.example/balm"},
  {"source": "search_console", "keyword": "tallow balm", "tracked_on": "2026-11-20", "url": "https://a.example/balm", "location": "us",
   "device": "tablet", "clicks": 12, "impressions": 300, "ctr": 0.04, "avg_position": 3.6},
  {"source": "search_console", "keyword": "tallow balm", "tracked_on": "2026-11-20", "url": "https://a.example/", "location": "us",
   "device": "tablet", "clicks": 0, "impressions": 40, "ctr": 0, "avg_position": 140.2}]'), 3,
  'a rank tracker''s ranking and Search Console''s rows for two pages of the same query and day coexist');
select results_eq($$ select source::text, url, device::text, position::int, avg_position, clicks, search_volume, featured_snippet
  from public.seo_rankings where workspace_id = tests.workspace_id('A') and keyword = 'tallow balm' order by source, url $$,
  $$ values ('rank_tracker', 'https://a.example/balm', 'mobile', 4, null::numeric, null::int, 9900, false),
            ('search_console', 'https://a.example/', 'tablet', null, 140.20, 0, null, null),
            ('search_console', 'https://a.example/balm', 'tablet', 4, 3.60, 12, null, null) $$,
  'Search Console: position is the average rounded (NULL past 100); volume and snippets it does not give are NULL');
select is(public.ingest_seo_rankings(tests.workspace_id('A'), '[
  {"source": "search_console", "keyword": "tallow balm", "tracked_on": "2026-11-20", "url": "https://a.example/balm", "location": "us",
   "device": "tablet", "clicks": 12, "impressions": 300, "ctr": 0.04, "avg_position": 3.6},
  {"source": "search_console", "keyword": "tallow balm", "tracked_on": "2026-11-20", "url": "https://a.example/", "location": "us",
   "device": "tablet", "clicks": 1, "impressions": 41, "ctr": 0.0244, "avg_position": 98.0}]'), 1,
  'pulling a day again writes only the rows Search Console changed');
select throws_ok($$ select public.ingest_seo_rankings(tests.workspace_id('A'),
  '[{"source": "search_console", "keyword": "x", "tracked_on": "2026-11-20", "clicks": 1}]') $$, '22023',
  'rankings[0].url: is required for search_console rows', 'a Search Console row names its page');
select throws_ok($$ select public.ingest_seo_rankings(tests.workspace_id('A'),
  '[{"keyword": "x", "tracked_on": "2026-11-20"}, {"keyword": "y", "tracked_on": "2026-11-20", "ctr": 2}]') $$, '22023',
  'rankings[1].ctr: must be a number from 0 to 1', 'bad rows are named by index and field');

-- ================= PageSpeed: a site, its key pages, its page audits and its day
select tests.authenticate_as('member-a');
select throws_ok($$ select public.connect_pagespeed(tests.workspace_id('A'), 'https://a.example') $$, '42501', null,
  'members do not connect sites');
select tests.authenticate_as('admin-a');
select tests.remember('site', public.connect_pagespeed(tests.workspace_id('A'), 'HTTPS://A.Example/shop?x=1'));
select results_eq($$ select provider::text, external_account_id from public.integration_connections where id = tests.id('site') $$,
  $$ values ('pagespeed', 'https://a.example') $$, 'an admin connects a site: its origin is the account');
select is(public.connect_pagespeed(tests.workspace_id('A'), 'https://a.example/'), tests.id('site'), 'connecting again is the same site');
select results_eq($$ select url, strategy::text, label from public.seo_key_pages where connection_id = tests.id('site') $$,
  $$ values ('https://a.example/', 'mobile', 'Home') $$, 'with its home page as the first key page');
select tests.clear_authentication();
select tests.tenant_table_checks('public.seo_key_pages',
  format($$insert into public.seo_key_pages (workspace_id, connection_id, url) values (%L, %L, 'https://a.example/products')$$,
         tests.workspace_id('A'), tests.id('site')));
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.seo_key_pages (workspace_id, connection_id, url) values
  (tests.workspace_id('A'), tests.id('site'), 'https://elsewhere.example/') $$, '22023', null, 'a key page is on the site''s host');
select tests.clear_authentication();
insert into public.integration_connections (workspace_id, provider, external_account_id) values (tests.workspace_id('A'), 'fairing', 'default');
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.seo_key_pages (workspace_id, connection_id, url) values
  (tests.workspace_id('A'), (select c.connection_id from public.analytics_sync_schedules c where c.source = 'fairing'), 'https://a.example/x') $$,
  '22023', null, 'only a PageSpeed site has key pages');
select tests.clear_authentication();
insert into public.seo_key_pages (workspace_id, connection_id, url)
select tests.workspace_id('A'), tests.id('site'), 'https://a.example/p/' || g from generate_series(1, 48) g;
select throws_ok($$ insert into public.seo_key_pages (workspace_id, connection_id, url) values
  (tests.workspace_id('A'), tests.id('site'), 'https://a.example/one-too-many') $$, 'PT413', null, 'at most 50 key pages a site');
delete from public.seo_key_pages where url like 'https://a.example/p/%';

select tests.authenticate_as_service_role();
create temp table ps as select * from private.claim_connector_jobs('analytics_sync', 10) where payload ->> 'source' = 'pagespeed';
select private.apply_pagespeed_page((select job_id from ps), (select lease_id from ps),
  '{"url": "https://a.example/", "strategy": "desktop", "vitals_source": "lab", "lcp_ms": 1000, "cls": 0.01,
    "scores": {"performance": 0.99, "seo": 1, "best_practices": 1, "accessibility": 1}, "issues": []}', '{"index": 1}');
select private.apply_pagespeed_page((select job_id from ps), (select lease_id from ps),
  '{"url": "https://a.example/", "strategy": "mobile", "vitals_source": "field", "field_category": "AVERAGE", "lcp_ms": 3000,
    "inp_ms": 250, "cls": 0.12, "scores": {"performance": 0.6, "seo": 0.9, "best_practices": 0.8, "accessibility": 0.7},
    "issues": [{"id": "image-alt", "title": "Images need alt", "score": 0, "severity": "critical", "category": "accessibility"},
               {"id": "unused-css", "title": "Unused CSS", "score": 0.3, "severity": "high", "category": "performance"}]}', '{"index": 2}');
select private.apply_pagespeed_page((select job_id from ps), (select lease_id from ps),
  '{"url": "https://a.example/products", "strategy": "mobile", "vitals_source": "lab", "lcp_ms": 5000, "cls": 0.02,
    "scores": {"performance": 0.4, "seo": 0.7, "best_practices": 0.6, "accessibility": 0.9},
    "issues": [{"id": "image-alt", "title": "Images need alt", "score": 0, "severity": "critical", "category": "accessibility"}]}', '{"index": 3}');
select results_eq($$ select pages_crawled, avg_lcp_ms, avg_inp_ms, avg_cls, performance_score, content_score, technical_score,
    overall_score, critical_issues, high_priority_issues, vitals_source, issues -> 0
  from public.seo_audits where workspace_id = tests.workspace_id('A') and connection_id = tests.id('site') $$,
  $$ values (2, 4000, 250, 0.0700, 50::smallint, 80::smallint, 70::smallint, 67::smallint, 2, 1, null::public.web_vitals_source,
             '{"type": "image-alt", "title": "Images need alt", "severity": "critical", "count": 2}'::jsonb) $$,
  'the site''s day: the mobile audits averaged (performance, SEO as content, best practices as technical), issues counted by page');
select private.apply_pagespeed_page((select job_id from ps), (select lease_id from ps),
  '{"url": "https://a.example/", "strategy": "mobile", "error": "Lighthouse returned error: NO_FCP"}', '{"index": 4}');
select results_eq($$ select vitals_source::text, error from public.seo_page_audits where url = 'https://a.example/' and strategy = 'mobile' $$,
  $$ values ('field', null::text) $$, 'a later failure does not replace a good audit of the same day');
select tests.authenticate_as('viewer-a');
select results_eq($$ select performance_score, vitals_source::text from public.seo_overview(tests.workspace_id('A'), current_date - 6, current_date) $$,
  $$ values (50::smallint, null::text) $$, 'the SEO dashboard reads the site''s day');
select tests.authenticate_as('member-b');
select throws_ok($$ select * from public.seo_overview(tests.workspace_id('A'), current_date - 6, current_date) $$, '42501', null,
  'another workspace reads no SEO dashboard');
select throws_ok($$ select * from public.search_performance(tests.workspace_id('A'), current_date - 6, current_date) $$, '42501', null,
  'nor its search performance');
select is_empty($$ select * from public.seo_page_audits $$, 'nor its page audits');

-- ================= Instagram: account, days, posts, and the scheduled post that went out
select tests.clear_authentication();
insert into public.social_posts (workspace_id, platform, status, scheduled_at, caption) values
  (tests.workspace_id('A'), 'instagram', 'scheduled', '2026-11-20 09:30+00', 'Winter  drop'),
  (tests.workspace_id('A'), 'instagram', 'scheduled', '2026-11-20 10:00+00', 'Something else'),
  (tests.workspace_id('A'), 'instagram', 'scheduled', '2026-11-18 10:00+00', 'Winter drop'),
  (tests.workspace_id('B'), 'instagram', 'scheduled', '2026-11-20 10:00+00', 'Winter drop');
select tests.remember('waiting', (select id from public.social_posts where caption = 'Winter  drop'));
insert into public.content_calendar (workspace_id, title, content_type, status, scheduled_for, social_post_id)
values (tests.workspace_id('A'), 'Winter drop', 'social_post', 'scheduled', '2026-11-20 09:30+00', tests.id('waiting'));
select throws_ok($$ insert into public.content_calendar (workspace_id, title, content_type, social_post_id)
  values (tests.workspace_id('A'), 'x', 'social_post', (select id from public.social_posts where workspace_id = tests.workspace_id('B'))) $$,
  '23503', null, 'a calendar entry schedules a post of its own workspace only');
insert into public.integration_connections (workspace_id, provider, external_account_id, scopes)
values (tests.workspace_id('A'), 'meta', 'act_9', '{instagram_basic,instagram_manage_insights}');
select tests.authenticate_as_service_role();
create temp table igj as select * from private.claim_connector_jobs('analytics_sync', 10) where payload ->> 'source' = 'instagram';
select is(private.apply_social_page((select job_id from igj), (select lease_id from igj),
  '{"platform": "instagram", "account": {"external_id": "178", "username": "demo", "followers": 900, "posts_count": 12},
    "days": [{"day": "2026-11-19", "reach": 100, "followers": 890}, {"day": "2026-11-20", "reach": 120, "followers": 900}],
    "posts": [{"external_id": "m1", "url": "https://www.instagram.com/p/m1/", "caption": "winter drop", "media_type": "IMAGE",
               "published_at": "2026-11-20T10:05:00Z", "metrics": {"likes": 10, "comments": 2, "saves": 3, "reach": 100, "views": 400}}],
    "measured_at": "2026-11-21T00:00:00Z"}', '{}'), 4, 'an Instagram page: two days, one post and its figures');
select results_eq($$ select p.id = tests.id('waiting'), p.external_post_id, p.status::text, p.published_at, a.username
  from public.social_posts p join public.social_accounts a on a.id = p.social_account_id where p.external_post_id = 'm1' $$,
  $$ values (true, 'm1', 'published', '2026-11-20 10:05+00'::timestamptz, 'demo') $$,
  'the post waiting nearest in time with the same caption took the Instagram id');
select results_eq($$ select status::text, published_at from public.content_calendar where social_post_id = tests.id('waiting') $$,
  $$ values ('published', '2026-11-20 10:05+00'::timestamptz) $$, 'and its calendar entry is published');
select results_eq($$ select count(*)::int from public.social_posts where status = 'scheduled'
  and workspace_id in (tests.workspace_id('A'), tests.workspace_id('B')) $$, $$ values (3) $$,
  'another caption, a post scheduled days before, and another workspace''s post still wait');
select results_eq($$ select engagements, engagement_rate from public.social_analytics m join public.social_posts p on p.id = m.social_post_id
  where p.external_post_id = 'm1' $$, $$ values (15::bigint, 0.150000) $$, 'its engagement as the trigger derives it');
select is(private.apply_social_page((select job_id from igj), (select lease_id from igj),
  '{"platform": "instagram", "account": {"external_id": "178"},
    "posts": [{"external_id": "m1", "caption": "winter drop", "published_at": "2026-11-20T10:05:00Z",
               "metrics": {"likes": 10, "comments": 2, "saves": 3, "reach": 100, "views": 400}}],
    "measured_at": "2026-11-21T00:00:00Z"}', '{}'), 1, 'the same day measured again writes no figures (the post is re-read)');
select throws_ok($$ select private.apply_social_page((select job_id from igj), (select lease_id from igj),
  '{"platform": "tiktok", "account": {"external_id": "x"}}', '{}') $$, '22023', null, 'an Instagram job writes no TikTok page');
select tests.authenticate_as('viewer-a');
select results_eq($$ select platform::text, accounts::integer, followers, followers_change, reach, posts_published::integer, scheduled_waiting::integer
  from public.social_overview(tests.workspace_id('A'), '2026-11-19', '2026-11-20') $$,
  $$ values ('instagram', 1, 900::bigint, 10::bigint, 220::bigint, 1, 2) $$, 'the social dashboard reads it');
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.social_accounts $$, 'another workspace sees no accounts');
select throws_ok($$ select * from public.social_overview(tests.workspace_id('A'), '2026-11-19', '2026-11-20') $$, '42501', null,
  'nor its social dashboard');

-- ================= Fairing: attribution answers, mappings, late orders
select tests.clear_authentication();
select is((select responses_inserted from public.import_survey(tests.workspace_id('A'),
  '[{"id": "q1", "prompt": "Where did you first hear about us?"}, {"id": "q2", "prompt": "Why did you buy?"}]',
  '[{"id": "r1", "question_id": "q1", "answers": ["Instagram"], "shopify_order_id": "late-1", "responded_at": "2026-11-20T10:00:00Z"},
    {"id": "r2", "question_id": "q1", "answers": ["A podcast"], "responded_at": "2026-11-20T11:00:00Z"},
    {"id": "r3", "question_id": "q2", "answers": ["Price"], "responded_at": "2026-11-20T11:00:00Z"}]')), 3,
  'three answers arrive, one naming an order the shop has not sent yet');
select results_eq($$ select external_id, attribution from public.survey_questions where workspace_id = tests.workspace_id('A') order by 1 $$,
  $$ values ('q1', true), ('q2', false) $$, 'a question asking how the customer found the brand is an attribution question');
select results_eq($$ select private.survey_answer_channel(a)::text from unnest(array['Instagram', 'TikTok creator', 'Google search',
  'A friend', 'Our newsletter', 'Something else']) a $$,
  $$ values ('organic_social'), ('influencer'), ('organic_search'), ('referral'), ('email'), ('other') $$, 'the keyword rule for unmapped answers');
select is((select inserted from public.upsert_orders(tests.workspace_id('A'),
  '[{"shopify_order_id": "late-1", "currency": "USD", "total_price_cents": 2500, "processed_at": "2026-11-20T09:00:00Z"}]')), 1,
  'the order arrives');
select isnt((select order_id from public.survey_responses where external_id = 'r1'), null::uuid,
  'an order arriving after its survey answer is linked to it');
select tests.authenticate_as('member-a');
select lives_ok($$ insert into public.survey_channel_mappings (workspace_id, answer, channel)
  values (tests.workspace_id('A'), 'a podcast', 'influencer'), (tests.workspace_id('A'), 'instagram', 'paid_social') $$,
  'members map answers to channels');
select throws_ok($$ insert into public.survey_channel_mappings (workspace_id, answer, channel) values (tests.workspace_id('A'), 'Instagram', 'email') $$,
  '23514', null, 'answers are stored lower-cased and trimmed');
select tests.authenticate_as('viewer-a');
select results_eq($$ select channel::text, responses::integer, orders::integer, self_reported_revenue_cents::bigint, modelled_revenue_cents::bigint
  from public.self_reported_attribution(tests.workspace_id('A'), '2026-11-01', '2026-11-30') order by channel $$,
  $$ values ('direct', 0, 0, 0::bigint, 2500::bigint), ('influencer', 1, 0, 0::bigint, 0::bigint),
            ('paid_social', 1, 1, 2500::bigint, 0::bigint) $$,
  'what customers said (mapped), against what the model credits for the same orders');
select throws_ok($$ insert into public.survey_channel_mappings (workspace_id, answer, channel) values (tests.workspace_id('A'), 'tv', 'other') $$,
  '42501', null, 'viewers map nothing');
select tests.authenticate_as('member-b');
select throws_ok($$ select * from public.self_reported_attribution(tests.workspace_id('A'), '2026-11-01', '2026-11-30') $$, '42501', null,
  'another workspace reads no self-reported attribution');

-- ================= API keys: admins only, providers without OAuth only
select tests.authenticate_as('member-a');
select throws_ok($$ select private.connect_api_key(tests.workspace_id('A'), 'fairing', 'shop', 'v1.k1.aaaa.bbbb', 'k1') $$, '42501', null,
  'members store no API key');
select tests.authenticate_as('admin-a');
select throws_ok($$ select private.connect_api_key(tests.workspace_id('A'), 'meta', 'x', 'v1.k1.aaaa.bbbb', 'k1') $$, '22023', null,
  'a provider with OAuth takes no API key');

-- ================= retention covers what the sync adds
select tests.clear_authentication();
insert into public.analytics_settings (workspace_id, seo_retention_days, social_retention_days) values (tests.workspace_id('A'), 30, 30);
update public.seo_page_audits set audited_on = current_date - 31 where workspace_id = tests.workspace_id('A');
update public.social_account_daily set day = day - 400 where workspace_id = tests.workspace_id('A');
select private.purge_analytics_data();
select is((select count(*)::int from public.seo_page_audits where workspace_id = tests.workspace_id('A'))
          + (select count(*)::int from public.social_account_daily where workspace_id = tests.workspace_id('A')), 0,
  'page audits and account days past the workspace''s windows go');

select * from finish();
rollback;
