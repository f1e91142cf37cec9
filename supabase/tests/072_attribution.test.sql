-- Attribution from the outside: channel classification, the storefront touchpoint and identify
-- RPCs, stitching across devices without losing touchpoints, conversions from orders, the five
-- models' credits (hand-computed, summing to the cent), incremental = rebuild, the ROAS report,
-- pixel events with the hourly accuracy rollup, GDPR erasure and access.
-- Expected credits were computed by hand (linear, position-based) and with Python's decimal
-- module for time decay: weights 0.5^(age/7) normalised, floor(revenue x weight), the leftover
-- cents to the largest remainders (ties: the later touch).
begin;
set search_path = extensions, public;
select plan(53);

select tests.without_demo_data();
select tests.two_workspaces();

-- ===== channel classification
select results_eq($$
  select private.classify_channel(s, m, g, f, t, r)::text from (values
    (1, 'google', 'cpc', null, null, null, null), (2, null, null, 'abc', null, null, null),
    (3, 'facebook', 'paid_social', null, 'x', null, null), (4, 'facebook', 'cpc', null, null, null, null),
    (5, 'klaviyo', 'email', null, null, null, null), (6, null, null, null, null, null, 'https://www.google.com/'),
    (7, null, null, null, null, null, 'https://l.instagram.com/'), (8, null, null, null, null, null, 'https://blog.example.org/post'),
    (9, null, null, null, null, null, null), (10, 'tiktok', null, null, null, 'tt1', null), (11, 'attentive', 'sms', null, null, null, null),
    (12, 'partnerco', 'affiliate', null, null, null, null), (13, 'newsletter-x', 'weird', null, null, null, null)
  ) v (n, s, m, g, f, t, r) order by n $$,
  $$ values ('paid_search'), ('paid_search'), ('paid_social'), ('paid_social'), ('email'), ('organic_search'), ('organic_social'),
            ('referral'), ('direct'), ('paid_social'), ('sms'), ('affiliate'), ('email') $$,
  'channels from utm fields, click ids and referrers');

-- ===== the storefront records landings (anon)
-- Ann's identity token for the phone, as the shop's server mints it (the secret key) when she signs in.
select set_config('tests.ann_token', (select token from public.create_visitor_identity_token(
  tests.workspace_id('A'), 'v-phone', p_email => ' ANN@example.com ')), true);
select tests.authenticate_as_anon();
select ok(public.track_touchpoint(tests.workspace_id('A'), 'v-phone',
  'https://shop.test/products/balm?utm_source=facebook&utm_medium=paid_social&utm_campaign=bfcm&fbclid=fb1',
  'https://l.facebook.com/', '{"fingerprint": "iphone-1", "type": "mobile", "browser": "Safari", "os": "iOS"}') > 0,
  'anon records a landing and gets the touchpoint id');
select throws_ok($$ select public.track_touchpoint(tests.workspace_id('A'), 'v phone', 'https://shop.test/') $$,
  '22023', null, 'a malformed visitor id: 22023');
select throws_ok($$ select public.track_touchpoint(tests.workspace_id('A'), 'v-phone', 'javascript:alert(1)') $$,
  '22023', null, 'a landing that is not an http(s) URL or a path: 22023');
select throws_ok($$ select public.track_touchpoint(tests.workspace_id('A'), 'v-phone', '/', null, '{"type": "fridge"}') $$,
  '22023', null, 'a device without fingerprint or with an unknown type: 22023');
select throws_ok($$ select public.track_touchpoint(gen_random_uuid(), 'v-phone', '/') $$,
  'PT404', null, 'an unknown workspace: PT404');
select throws_ok($$ select * from public.touchpoints $$, '42501', null, 'anon reads no touchpoints');
select lives_ok($$ select public.identify_visitor(tests.workspace_id('A'), 'v-phone', current_setting('tests.ann_token')) $$,
  'identifying with an email no customer has links nothing (and creates no customer)');
select throws_ok($$ select public.identify_visitor(tests.workspace_id('A'), 'v-phone', 'not-a-token') $$,
  '22023', null, 'a malformed identity token: 22023');
select tests.clear_authentication();
select results_eq($$ select channel::text, source, medium, campaign, fbclid, referrer from public.touchpoints $$,
  $$ values ('paid_social', 'facebook', 'paid_social', 'bfcm', 'fb1', 'https://l.facebook.com/') $$,
  'the touchpoint holds the parsed UTM fields, click id and channel');
select results_eq($$ select d.device_type::text, d.browser, v.identity_id is null from public.customer_devices d
                     join public.visitors v on v.workspace_id = d.workspace_id and v.visitor_id = d.visitor_id $$,
  $$ values ('mobile', 'Safari', true) $$, 'the visitor and its device are kept, not yet identified');
select is((select count(*)::int from public.customers), 0, 'no customer was created');

-- A journey over two devices. Conversion time T = the start of the previous hour.
create temp table t on commit drop as select date_trunc('hour', now()) - interval '1 hour' as at;
grant select on t to service_role;
insert into public.visitors (workspace_id, visitor_id) values
  (tests.workspace_id('A'), 'v-laptop'), (tests.workspace_id('A'), 'v-2');
delete from public.touchpoints;
insert into public.touchpoints (workspace_id, visitor_id, channel, source, medium, campaign, utm_id, occurred_at)
select tests.workspace_id('A'), x.visitor, x.channel::public.marketing_channel, x.source, x.medium, x.campaign, x.utm_id,
       t.at - make_interval(days => x.age)
from t, (values ('v-phone', 'paid_social', 'facebook', 'paid_social', 'bfcm', null, 20),
                ('v-phone', 'paid_search', 'google', 'cpc', null, '12345', 10),
                ('v-laptop', 'email', 'klaviyo', 'email', 'welcome', null, 5),
                ('v-laptop', 'direct', null, null, null, null, 1),
                ('v-2', 'paid_social', 'facebook', 'paid_social', 'bfcm', null, 20),
                ('v-2', 'paid_search', 'google', 'cpc', null, '12345', 10),
                ('v-2', 'email', 'klaviyo', 'email', 'welcome', null, 5),
                ('v-2', 'direct', null, null, null, null, 1)) x (visitor, channel, source, medium, campaign, utm_id, age);

-- Ann orders on her laptop (10001 cents); her phone is identified afterwards.
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), jsonb_build_array(jsonb_build_object(
  'shopify_order_id', 'o-1', 'email', 'ann@example.com', 'currency', 'USD', 'total_price_cents', 10001,
  'processed_at', (select at from t), 'visitor_id', 'v-laptop')));
select tests.clear_authentication();
select results_eq($$ select c.revenue_cents, c.visitor_id, c.identity_id is not null, c.credited_at is null from public.conversions c $$,
  $$ values (10001::bigint, 'v-laptop', true, true) $$, 'the order became a pending conversion with the customer''s identity');
select tests.authenticate_as_anon();
select lives_ok($$ select public.identify_visitor(tests.workspace_id('A'), 'v-phone', current_setting('tests.ann_token')) $$,
  'the phone signs in with the same email: stitched to Ann''s identity');
select tests.clear_authentication();
select is((select count(distinct identity_id)::int from public.visitors where visitor_id in ('v-phone', 'v-laptop')), 1,
  'both devices belong to one identity');
select is((select count(*)::int from public.touchpoints where visitor_id = 'v-phone'), 2, 'the phone''s touchpoints are all still there');

select is(private.credit_conversions(), 1, 'the credit round credits the pending conversion');
select results_eq($$ select a.model::text, a.position, a.channel::text, a.credit_cents from public.attribution_credits a
                     order by a.model, a.position $$,
  $$ values ('first_touch', 0, 'paid_social', 10001::bigint),
            ('last_touch', 3, 'direct', 10001::bigint),
            ('linear', 0, 'paid_social', 2500::bigint), ('linear', 1, 'paid_search', 2500::bigint),
            ('linear', 2, 'email', 2500::bigint), ('linear', 3, 'direct', 2501::bigint),
            ('time_decay', 0, 'paid_social', 682::bigint), ('time_decay', 1, 'paid_search', 1835::bigint),
            ('time_decay', 2, 'email', 3010::bigint), ('time_decay', 3, 'direct', 4474::bigint),
            ('position_based', 0, 'paid_social', 4000::bigint), ('position_based', 1, 'paid_search', 1000::bigint),
            ('position_based', 2, 'email', 1000::bigint), ('position_based', 3, 'direct', 4001::bigint) $$,
  'the four touches over both devices (20, 10, 5 and 1 days before), credited by each model to the cent');
select ok((select abs(sum(weight) - 1) < 1e-11 from public.attribution_credits where model = 'time_decay')
          and (select abs(weight - 0.447328324206) < 1e-11 from public.attribution_credits where model = 'time_decay' and position = 3),
  'time-decay weights 0.5^(age/7) normalised: the last touch weighs 0.447328324206');

create temp table incremental on commit drop as
  select conversion_id, model, position, touchpoint_id, channel, weight, credit_cents from public.attribution_credits;
select is(private.rebuild_attribution_credits(), 1, 'a full rebuild recredits every conversion');
select results_eq($$ select * from incremental order by 1, 2, 3 $$,
  $$ select conversion_id, model, position, touchpoint_id, channel, weight, credit_cents from public.attribution_credits order by 1, 2, 3 $$,
  'the incremental credits equal a full recomputation');

-- a 15-day lookback for the next conversion (admins set it)
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.attribution_settings (workspace_id, lookback_days) values (tests.workspace_id('A'), 15) $$,
  '42501', null, 'a member cannot change attribution settings');
select tests.authenticate_as('admin-a');
select throws_ok($$ insert into public.attribution_settings (workspace_id, lookback_days) values (tests.workspace_id('A'), 0) $$,
  '23514', null, 'the lookback is 1-365 days');
select lives_ok($$ insert into public.attribution_settings (workspace_id, lookback_days) values (tests.workspace_id('A'), 15) $$,
  'an admin sets a 15-day lookback');
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), jsonb_build_array(jsonb_build_object(
  'shopify_order_id', 'o-2', 'currency', 'USD', 'total_price_cents', 7777, 'processed_at', (select at from t), 'visitor_id', 'v-2'),
  jsonb_build_object('shopify_order_id', 'o-3', 'currency', 'USD', 'total_price_cents', 5000, 'processed_at', (select at from t),
    'landing_site', '/?utm_source=google&utm_medium=cpc&utm_campaign=brand')));
select tests.clear_authentication();
select is(private.credit_conversions(), 2, 'the next round credits only the two new conversions');
select results_eq($$ select a.model::text, a.position, a.channel::text, a.credit_cents from public.attribution_credits a
                     join public.conversions c on c.id = a.conversion_id join public.orders o on o.id = c.order_id
                     where o.shopify_order_id = 'o-2' order by a.model, a.position $$,
  $$ values ('first_touch', 0, 'paid_search', 7777::bigint), ('last_touch', 2, 'direct', 7777::bigint),
            ('linear', 0, 'paid_search', 2592::bigint), ('linear', 1, 'email', 2592::bigint), ('linear', 2, 'direct', 2593::bigint),
            ('time_decay', 0, 'paid_search', 1531::bigint), ('time_decay', 1, 'email', 2513::bigint), ('time_decay', 2, 'direct', 3733::bigint),
            ('position_based', 0, 'paid_search', 3111::bigint), ('position_based', 1, 'email', 1555::bigint),
            ('position_based', 2, 'direct', 3111::bigint) $$,
  'with a 15-day lookback the 20-day-old touch is out; 7777 cents split to the cent (position 40/20/40: 3110.8, 1555.4, 3110.8)');
select results_eq($$ select a.model::text, a.touchpoint_id is null, a.channel::text, a.campaign, a.credit_cents from public.attribution_credits a
                     join public.conversions c on c.id = a.conversion_id join public.orders o on o.id = c.order_id
                     where o.shopify_order_id = 'o-3' order by a.model $$,
  $$ select m::text, true, 'paid_search', 'brand', 5000::bigint from unnest(enum_range(null::public.attribution_model)) m $$,
  'an order without touchpoints credits its own channel (utm from its landing site) in every model');
select is_empty($$
  select c.id, m from public.conversions c cross join unnest(enum_range(null::public.attribution_model)) m
  left join public.attribution_credits a on a.conversion_id = c.id and a.model = m
  group by c.id, c.revenue_cents, m having coalesce(sum(a.credit_cents), -1) <> c.revenue_cents $$,
  'for every conversion and every model the credits sum to its revenue');

-- ===== the report: revenue and ROAS against ad spend
with r as (insert into public.ad_campaigns (workspace_id, platform, external_id, name, utm_campaign) values
  (tests.workspace_id('A'), 'meta', '2385001', 'BFCM prospecting', 'bfcm'),
  (tests.workspace_id('A'), 'google', '12345', 'Brand search', null) returning id, name)
select tests.remember(name, id) from r;
insert into public.ad_metrics_daily (workspace_id, platform, level, object_id, campaign_id, day, spend_cents)
select tests.workspace_id('A'), c.platform, 'campaign', c.id, c.id, current_date - d, s
from public.ad_campaigns c, (values ('2385001', 1, 1000), ('2385001', 2, 1000), ('2385001', 3, 1000), ('12345', 1, 2000),
                                    ('12345', 200, 99999)) x (ext, d, s)
where c.external_id = x.ext;
select tests.authenticate_as('viewer-a');
select results_eq($$ select key::text, attributed_revenue_cents::bigint, conversions::numeric, spend_cents, roas
                     from public.attribution_report(tests.workspace_id('A'), current_date - 40, current_date, 'linear', 'channel') $$,
  $$ values ('paid_search', 10092::bigint, 1.5833::numeric, 2000::bigint, 5.0460::numeric),
            ('direct', 5094::bigint, 0.5833::numeric, null::bigint, null::numeric),
            ('email', 5092::bigint, 0.5833::numeric, null::bigint, null::numeric),
            ('paid_social', 2500::bigint, 0.2500::numeric, 3000::bigint, 0.8333::numeric) $$,
  'per channel (linear): paid search 2500 + 2592 + 5000 on 2000 spend = ROAS 5.046; paid social 2500 on 3000 = 0.8333; spend outside the range excluded');
select results_eq($$ select key::text, label::text, attributed_revenue_cents::bigint, spend_cents, roas
                     from public.attribution_report(tests.workspace_id('A'), current_date - 40, current_date, 'first_touch', 'campaign') $$,
  $$ values (tests.id('BFCM prospecting')::text, 'BFCM prospecting', 10001::bigint, 3000::bigint, 3.3337::numeric),
            (tests.id('Brand search')::text, 'Brand search', 7777::bigint, 2000::bigint, 3.8885::numeric),
            ('brand', 'brand', 5000::bigint, null::bigint, null::numeric) $$,
  'per campaign (first touch): utm_campaign bfcm joins the Meta campaign, utm_id 12345 the Google one by external id');
select tests.clear_authentication();

-- a refund makes the conversion pending again; the report stays fresh
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), jsonb_build_array(jsonb_build_object(
  'shopify_order_id', 'o-1', 'email', 'ann@example.com', 'currency', 'USD', 'total_price_cents', 10001, 'total_refunded_cents', 1001,
  'processed_at', (select at from t), 'visitor_id', 'v-laptop')));
select tests.clear_authentication();
select results_eq($$ select c.revenue_cents, c.credited_at is null, (select count(*)::int from public.attribution_credits a where a.conversion_id = c.id)
                     from public.conversions c join public.orders o on o.id = c.order_id where o.shopify_order_id = 'o-1' $$,
  $$ values (9000::bigint, true, 0) $$, 'a refund: net revenue 9000, credits dropped until the next round');
select is((select sum(attributed_revenue_cents)::bigint from public.attribution_report(
            tests.workspace_id('A'), current_date - 40, current_date, 'time_decay', 'channel')), (9000 + 7777 + 5000)::bigint,
  'the report computes the pending conversion on the fly: all revenue is attributed');
select is(private.credit_conversions(), 1, 'the next round recredits it');

-- cancelling removes the conversion
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('A'), jsonb_build_array(jsonb_build_object(
  'shopify_order_id', 'o-3', 'currency', 'USD', 'total_price_cents', 5000, 'processed_at', (select at from t),
  'cancelled_at', (select at from t) + interval '1 hour')));
select tests.clear_authentication();
select is((select count(*)::int from public.conversions), 2, 'a cancelled order is no conversion');

-- ===== access
select tests.authenticate_as('member-b');
select is_empty($$ select * from public.touchpoints $$, 'another workspace sees no touchpoints');
select is_empty($$ select * from public.attribution_credits $$, 'no credits');
select is_empty($$ select * from public.visitors $$, 'no visitors');
select throws_ok($$ select * from public.attribution_report(tests.workspace_id('A'), current_date - 7, current_date) $$,
  '42501', null, 'and cannot run another workspace''s report');
select tests.authenticate_as('member-a');
select throws_ok($$ insert into public.touchpoints (workspace_id, visitor_id, channel) values (tests.workspace_id('A'), 'v-2', 'direct') $$,
  '42501', null, 'members do not write touchpoints (the storefront does)');
select throws_ok($$ select * from public.attribution_report(tests.workspace_id('A'), current_date, current_date - 1) $$,
  '22023', null, 'a reversed date range: 22023');
select tests.clear_authentication();

-- ===== GDPR erasure of the customer keeps the anonymous history
select private.erase_customers(tests.workspace_id('A'), null, array[private.email_sha256('ann@example.com')]);
select ok((select count(*) = 0 from public.customer_identities) and (select bool_and(identity_id is null) from public.visitors),
  'erasing Ann removes her identity and unlinks her visitors');
select is((select count(*)::int from public.touchpoints where visitor_id in ('v-phone', 'v-laptop')), 4,
  'their touchpoints stay, anonymous');

-- ===== pixel events and the hourly accuracy (workspace B)
create temp table h on commit drop as select date_trunc('hour', now()) - interval '3 hours' as hour;
grant select on h to service_role;
select tests.authenticate_as_service_role();
select public.upsert_orders(tests.workspace_id('B'), (select jsonb_agg(jsonb_build_object(
  'shopify_order_id', 'p' || i, 'currency', 'USD', 'total_price_cents', 1000, 'processed_at', h.hour + make_interval(mins => i * 10)))
  from h, generate_series(1, 4) i));
select results_eq($$ select * from public.record_pixel_events(tests.workspace_id('B'), (select jsonb_build_array(
    jsonb_build_object('event_id', 'e1', 'event_name', 'purchase', 'shopify_order_id', 'p1', 'occurred_at', h.hour + interval '11 minutes',
                       'ga4_status', 'sent', 'meta_status', 'sent', 'tiktok_status', 'failed', 'error', 'tiktok: 400'),
    jsonb_build_object('event_id', 'e2', 'event_name', 'purchase', 'shopify_order_id', 'p2', 'occurred_at', h.hour + interval '21 minutes',
                       'ga4_status', 'sent', 'meta_status', 'failed', 'tiktok_status', 'failed'),
    jsonb_build_object('event_id', 'e3', 'event_name', 'purchase', 'shopify_order_id', 'p3', 'occurred_at', h.hour + interval '31 minutes',
                       'ga4_status', 'sent', 'meta_status', 'sent', 'tiktok_status', 'skipped', 'value_cents', 1000, 'currency', 'USD'),
    jsonb_build_object('event_id', 'e4', 'event_name', 'page_view', 'occurred_at', h.hour, 'ga4_status', 'sent')) from h)) $$,
  $$ values (4, 0) $$, 'the server-side pixel records four events');
select results_eq($$ select * from public.record_pixel_events(tests.workspace_id('B'), (select jsonb_build_array(
    jsonb_build_object('event_id', 'e2', 'event_name', 'purchase', 'occurred_at', h.hour + interval '21 minutes', 'meta_status', 'sent'),
    jsonb_build_object('event_id', 'e1', 'event_name', 'purchase', 'occurred_at', h.hour + interval '11 minutes', 'meta_status', 'pending'))
    from h)) $$,
  $$ values (0, 2) $$, 'reporting again updates the statuses');
select throws_ok($$ select public.record_pixel_events(tests.workspace_id('B'), jsonb_build_array(
  jsonb_build_object('event_id', 'x', 'event_name', 'purchase', 'occurred_at', now(), 'meta_status', 'maybe'))) $$,
  '22023', 'events[0].meta_status: must be one of pending, sent, failed, skipped', 'a bad status names the row and field');
select throws_ok($$ select public.record_pixel_events(tests.workspace_id('B'),
  (select jsonb_agg(jsonb_build_object('event_id', 'x' || i)) from generate_series(1, 1001) i)) $$,
  'PT413', null, 'more than 1000 events per call: PT413');
select tests.clear_authentication();
select results_eq($$ select ga4_status::text, meta_status::text, tiktok_status::text, last_error from public.pixel_events
                     where event_id in ('e1', 'e2') order by event_id $$,
  $$ values ('sent', 'sent', 'failed', 'tiktok: 400'), ('sent', 'sent', 'failed', null) $$,
  'a pending report does not undo a delivered status; the failed one became sent');
select ok(private.refresh_pixel_accuracy() >= 1, 'the hourly accuracy rollup runs');
select results_eq($$ select shopify_orders, tracked_orders, ga4_sent, meta_sent, tiktok_sent, ga4_accuracy, meta_accuracy, tiktok_accuracy
                     from public.pixel_accuracy_hourly where workspace_id = tests.workspace_id('B') $$,
  $$ values (4, 3, 3, 3, 0, 0.7500, 0.7500, 0.0000) $$,
  'four orders in the hour, three with a purchase event: GA4 and Meta 3/4, TikTok 0/4; the page view does not count');
select tests.authenticate_as('member-b');
select throws_ok($$ select public.record_pixel_events(tests.workspace_id('B'), '[]') $$, '42501', null,
  'users do not record pixel events (the server-side pixel does)');
select is((select count(*)::int from public.pixel_events), 4, 'members of B read their pixel events');
select tests.authenticate_as('member-a');
select is_empty($$ select * from public.pixel_accuracy_hourly where workspace_id = tests.workspace_id('B') $$,
  'another workspace reads none of B''s accuracy');
select tests.clear_authentication();

select ok((select count(*) >= 4 from pg_inherits i join pg_class c on c.oid = i.inhrelid
           where i.inhparent = 'public.touchpoints'::regclass and c.relrowsecurity)
          and (select count(*) >= 4 from pg_inherits i join pg_class c on c.oid = i.inhrelid
               where i.inhparent = 'public.pixel_events'::regclass and c.relrowsecurity),
  'touchpoints and pixel events are partitioned by month');

select * from finish();
rollback;
