-- shop/redact erases what the shop's customers left in the workspace in the domains that landed
-- after the privacy migration: reviews and review requests, survey answers, support tickets,
-- attribution (identities, visitors, devices, touchpoints, conversions, credits), experiment
-- assignments and events, and pixel events. Aggregates without personal data stay (survey answer
-- counts, experiment daily metrics and results, pixel accuracy). Children before parents.
select private.register_shop_data_table('public.review_votes', 50, 'storefront helpfulness votes (voter hashes)');
select private.register_shop_data_table('public.review_responses', 51, 'replies to reviews');
select private.register_shop_data_table('public.review_media', 52, 'customers'' review videos');
select private.register_shop_data_table('public.reviews', 53, 'customers'' reviews (author name and email)');
select private.register_shop_data_table('public.review_requests', 54, 'review request emails to customers');
select private.register_shop_data_table('public.survey_responses', 55, 'customers'' post-purchase survey answers');
select private.register_shop_data_table('public.support_tickets', 56, 'customers'' support tickets');
select private.register_shop_data_table('public.attribution_credits', 60, 'revenue credited to touchpoints');
select private.register_shop_data_table('public.conversions', 61, 'orders as conversions');
select private.register_shop_data_table('public.touchpoints', 62, 'storefront landings of visitors');
select private.register_shop_data_table('public.customer_devices', 63, 'visitors'' device fingerprints');
select private.register_shop_data_table('public.visitors', 64, 'anonymous storefront visitors');
select private.register_shop_data_table('public.customer_identities', 65, 'the identity graph of customers');
select private.register_shop_data_table('public.experiment_events', 70, 'what assigned visitors did');
select private.register_shop_data_table('public.experiment_purchases', 71, 'orders of assigned visitors');
select private.register_shop_data_table('public.experiment_assignments', 72, 'which visitor got which variant');
select private.register_shop_data_table('public.pixel_events', 75, 'conversion events forwarded to ad platforms');
