-- Demo data for reviews, surveys and support in the demo workspace (not for production). Review
-- requests come from the commerce seed's fulfilled orders, queued by the orders trigger. Deterministic: every value comes from generate_series and arithmetic. The rating
-- summaries, vote counters and survey counts are filled by the triggers, as in production.

-- Catalogue for the demo (distinct ids so other domains' seeds do not collide with it).
insert into public.products (workspace_id, shopify_product_id, shopify_variant_id, sku, title, price_cents, currency)
values
  ('10000000-0000-4000-8000-000000000001', '8100000001', '9100000001', 'RV-TALLOW-BALM', 'Whipped Tallow Balm', 3400, 'USD'),
  ('10000000-0000-4000-8000-000000000001', '8100000002', '9100000002', 'RV-CHARCOAL-SOAP', 'Charcoal Bar Soap', 1200, 'USD'),
  ('10000000-0000-4000-8000-000000000001', '8100000003', '9100000003', 'RV-SALT-SCRUB', 'Sea Salt Body Scrub', 2600, 'USD'),
  ('10000000-0000-4000-8000-000000000001', '8100000004', '9100000004', 'RV-ARGAN-OIL', 'Cold-Pressed Argan Oil', 2900, 'USD')
on conflict do nothing;

insert into public.review_settings (workspace_id, requests_enabled, request_delay_days, token_ttl_days, auto_publish_verified)
values ('10000000-0000-4000-8000-000000000001', true, 14, 60, true)
on conflict (workspace_id) do nothing;

-- 550 reviews: 300 for the balm, 150 for the soap, 80 for the scrub, 20 for the oil, written every
-- 7 hours back from 2026-11-01. Ratings skew high (60% 5, 20% 4, 10% 3, 5% 2, 5% 1); every 17th is
-- still pending, every 41st rejected, every 53rd spam; two in three are verified purchases.
insert into public.reviews (workspace_id, shopify_product_id, author_name, author_email, rating, title, body, status,
                            verified_purchase, imported_from, original_id, submitted_at, published_at)
select '10000000-0000-4000-8000-000000000001',
       case when g <= 300 then '8100000001' when g <= 450 then '8100000002' when g <= 530 then '8100000003' else '8100000004' end,
       (array['Maya R.', 'Jordan T.', 'Priya S.', 'Lucas M.', 'Hannah K.', 'Omar A.', 'Chloe B.', 'Diego F.', 'Aisha N.', 'Ben W.'])[g % 10 + 1],
       'customer' || g || '@example.com',
       r.rating,
       (array['Love it', 'Does what it says', 'Pretty good', 'Not for me', 'Disappointed'])[6 - r.rating],
       (array['Skin feels great after a week.', 'Nice texture and a clean smell.', 'Arrived quickly, well packed.',
              'A little goes a long way.', 'Will buy again.', 'Gentle enough for daily use.', 'Smaller than I expected.'])[g % 7 + 1],
       case when g % 53 = 0 then 'spam' when g % 41 = 0 then 'rejected' when g % 17 = 0 then 'pending' else 'published' end::public.review_status,
       g % 3 <> 0,
       'yotpo', 'demo-' || g,
       timestamptz '2026-11-01 12:00:00+00' - g * interval '7 hours',
       case when g % 53 <> 0 and g % 41 <> 0 and g % 17 <> 0 then timestamptz '2026-11-01 12:00:00+00' - g * interval '7 hours' end
from generate_series(1, 550) g
cross join lateral (select case when g % 20 < 12 then 5 when g % 20 < 16 then 4 when g % 20 < 18 then 3
                                when g % 20 = 18 then 2 else 1 end as rating) r
on conflict (workspace_id, imported_from, original_id) do nothing;

-- Helpfulness votes: published review n gets (n mod 7) votes, every fifth of them unhelpful.
insert into public.review_votes (workspace_id, review_id, voter_id, kind)
select r.workspace_id, r.id, md5('demo-voter-' || k)::uuid, case when k % 5 = 4 then 'unhelpful' else 'helpful' end::public.review_vote_kind
from public.reviews r
cross join lateral generate_series(1, (substr(r.original_id, 6)::integer) % 7) k
where r.workspace_id = '10000000-0000-4000-8000-000000000001' and r.imported_from = 'yotpo' and r.original_id like 'demo-%'
  and r.status = 'published'
on conflict do nothing;

-- The store replies to every 12th published review, and to every low rating.
insert into public.review_responses (workspace_id, review_id, author_name, body, created_by)
select r.workspace_id, r.id, 'The Demo Brand team',
       case when r.rating <= 2 then 'Sorry to hear that. We have emailed you about a replacement.'
            else 'Thank you for the kind words!' end,
       '00000000-0000-4000-8000-000000000003'
from public.reviews r
where r.workspace_id = '10000000-0000-4000-8000-000000000001' and r.original_id like 'demo-%' and r.status = 'published'
  and ((substr(r.original_id, 6)::integer) % 12 = 0 or r.rating <= 2)
on conflict do nothing;

-- Videos on every 25th review: ready Mux assets, plus one still processing.
insert into public.review_media (workspace_id, review_id, status, mux_asset_id, mux_playback_id, duration_seconds, aspect_ratio, ready_at)
select r.workspace_id, r.id, 'ready', 'demoAsset' || n, 'demoPlayback' || n, 8 + n % 30 + 0.5, '9:16', r.submitted_at + interval '1 hour'
from public.reviews r
cross join lateral (select substr(r.original_id, 6)::integer as n) x
where r.workspace_id = '10000000-0000-4000-8000-000000000001' and r.original_id like 'demo-%' and n % 25 = 0
on conflict do nothing;
insert into public.review_media (workspace_id, review_id, status, mux_upload_id)
select r.workspace_id, r.id, 'waiting', 'demoUpload1'
from public.reviews r where r.workspace_id = '10000000-0000-4000-8000-000000000001' and r.original_id = 'demo-1'
on conflict do nothing;

-- Requests whose date has passed (orders fulfilled more than 14 days ago) become due, as the
-- pg_cron job would make them within 5 minutes.
select private.mark_review_requests_due();

-- Post-purchase survey (Fairing): three questions, 400 responses over 50 days.
select public.import_survey('10000000-0000-4000-8000-000000000001',
  '[{"id": "fq-hdyhau", "prompt": "How did you hear about us?", "kind": "single_choice",
     "options": ["Instagram", "TikTok", "Podcast", "Friend or family", "Google", "Other"], "position": 1},
    {"id": "fq-why", "prompt": "What made you buy today?", "kind": "multiple_choice",
     "options": ["Reviews", "Ingredients", "Discount", "Recommendation"], "position": 2},
    {"id": "fq-nps", "prompt": "How likely are you to recommend us (0-10)?", "kind": "rating", "position": 3}]'::jsonb,
  '[]'::jsonb, null);
select public.import_survey('10000000-0000-4000-8000-000000000001', '[]'::jsonb, (
  select jsonb_agg(jsonb_build_object(
    'id', 'fr-' || g,
    'question_id', case g % 3 when 0 then 'fq-hdyhau' when 1 then 'fq-why' else 'fq-nps' end,
    'answers', case g % 3
      when 0 then jsonb_build_array((array['Instagram', 'Instagram', 'TikTok', 'Podcast', 'Friend or family', 'Google', 'Other'])[g % 7 + 1])
      when 1 then case when g % 4 = 1 then '["Reviews", "Ingredients"]'::jsonb
                       else jsonb_build_array((array['Reviews', 'Ingredients', 'Discount', 'Recommendation'])[g % 4 + 1]) end
      else jsonb_build_array(((g * 7) % 5 + 6)::text) end,
    'other_text', case when g % 3 = 0 and g % 7 = 6 then 'A newsletter' end,
    'responded_at', timestamptz '2026-11-01 00:00:00+00' - g * interval '3 hours'))
  from generate_series(1, 400) g), 'demo-cursor-400');

-- Support: twelve tickets across the workflow, and curated replies for Chatwoot.
insert into public.support_tickets (workspace_id, source, requester_email, requester_name, subject, body, category, status,
                                    priority, assigned_to, resolved_at, closed_at, created_at)
select '10000000-0000-4000-8000-000000000001',
       (array['storefront', 'storefront', 'app', 'chatwoot'])[g % 4 + 1]::public.support_ticket_source,
       'shopper' || g || '@example.com', (array['Sam', 'Alex', 'Riley', 'Jamie'])[g % 4 + 1],
       (array['Where is my order?', 'Wrong item received', 'Can I change my address?', 'Allergy question', 'Refund request',
              'Subscription help'])[g % 6 + 1],
       'Hello, I need some help with my order. Thanks!',
       (array['shipping', 'returns', 'order', 'product', 'billing', 'account'])[g % 6 + 1]::public.support_ticket_category,
       (array['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed', 'open'])[g % 6 + 1]::public.support_ticket_status,
       (array['normal', 'normal', 'high', 'low', 'urgent'])[g % 5 + 1]::public.support_ticket_priority,
       case when g % 6 in (1, 2, 3, 4) then '00000000-0000-4000-8000-000000000003'::uuid end,
       case when g % 6 in (3, 4) then timestamptz '2026-11-01 12:00:00+00' - g * interval '1 day' + interval '6 hours' end,
       case when g % 6 = 4 then timestamptz '2026-11-01 12:00:00+00' - g * interval '1 day' + interval '2 days' end,
       timestamptz '2026-11-01 12:00:00+00' - g * interval '1 day'
from generate_series(1, 12) g
where not exists (select 1 from public.support_tickets t where t.workspace_id = '10000000-0000-4000-8000-000000000001');

insert into public.support_curated_replies (workspace_id, title, short_code, body, category, tags, usage_count, created_by)
values
  ('10000000-0000-4000-8000-000000000001', 'Where is my order', 'wismo',
   'Thanks for reaching out! Your order ships within 2 business days; the tracking link is in your confirmation email.', 'shipping', '{orders,shipping}', 42,
   '00000000-0000-4000-8000-000000000003'),
  ('10000000-0000-4000-8000-000000000001', 'Returns policy', 'returns',
   'You can return unopened items within 30 days. Reply with your order number and we will send a prepaid label.', 'returns', '{returns}', 17,
   '00000000-0000-4000-8000-000000000003'),
  ('10000000-0000-4000-8000-000000000001', 'Address change', 'address',
   'We can update the address until the order ships. Please reply with the full new address.', 'order', '{orders}', 9,
   '00000000-0000-4000-8000-000000000003'),
  ('10000000-0000-4000-8000-000000000001', 'Ingredients and allergies', 'allergy',
   'Our balm contains beef tallow, olive oil and beeswax. Please patch-test first if you have sensitive skin.', 'product', '{product,safety}', 6,
   '00000000-0000-4000-8000-000000000002'),
  ('10000000-0000-4000-8000-000000000001', 'Damaged in transit', 'damaged',
   'So sorry it arrived damaged! Send us a photo and we will ship a replacement right away.', 'returns', '{returns,shipping}', 4,
   '00000000-0000-4000-8000-000000000002'),
  ('10000000-0000-4000-8000-000000000001', 'Subscription pause', 'pause',
   'You can pause or skip your subscription any time from your account page.', 'account', '{subscriptions}', 3,
   '00000000-0000-4000-8000-000000000002')
on conflict (workspace_id, short_code) do nothing;
