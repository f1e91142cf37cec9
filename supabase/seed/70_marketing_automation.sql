-- Demo marketing and automation: a campaign plan with tasks, metrics, predictions and content;
-- the brand kit, templates, email lists and sends; 60 leads with activities scored by five
-- rules; strategy documents of every kind; two workflow rules (run once here, so their
-- executions show); an enabled autopilot with today's optimisation proposals in the approval
-- queue and its last four weekly reports built from the ads seed; onboarding and a tour for the owner. Deterministic: values are arithmetic on row
-- numbers and dates are relative to the day the seed runs. Runs after seed 20 (ad campaigns).

-- ===== campaigns (owner: the admin), and the demo ad campaigns that belong to them
insert into public.campaigns (id, workspace_id, name, description, objective, channels, status, budget_cents, start_date, end_date,
                              kpi_targets, auto_managed, owner_id, created_by)
values
  ('70000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'Spring Glow Launch',
   'Launch of the whipped tallow balm refill across paid social, search and email.', 'launch',
   '{email,paid_social,paid_search,organic_social}', 'active', 6000000, current_date - 60, current_date + 30,
   '{"target_roas": 2.5, "target_leads": 300, "target_cpl_cents": 1500}', true,
   '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002'),
  ('70000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'Always-on Search',
   'Brand and shopping search, managed by the autopilot.', 'conversion', '{paid_search}', 'active', 2500000,
   current_date - 200, null, '{"target_roas": 4}', true,
   '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002'),
  ('70000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'Holiday Gift Guide',
   'Gift sets with influencers and a newsletter series.', 'awareness', '{email,content,influencer}', 'planned', 800000,
   current_date + 20, current_date + 55, '{"target_revenue_cents": 2400000}', false,
   '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000002'),
  ('70000000-0000-4000-8000-000000000004', '10000000-0000-4000-8000-000000000001', 'Retention Q4',
   'Win-back flows for customers who have not ordered in 90 days.', 'retention', '{email,sms}', 'draft', 200000,
   null, null, '{}', false, '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000003')
on conflict do nothing;

update public.ad_campaigns set campaign_id = '70000000-0000-4000-8000-000000000001'
where workspace_id = '10000000-0000-4000-8000-000000000001'
  and id in ('31000000-0000-4000-8000-000000000001', '31000000-0000-4000-8000-000000000002', '31000000-0000-4000-8000-000000000005');
update public.ad_campaigns set campaign_id = '70000000-0000-4000-8000-000000000002'
where workspace_id = '10000000-0000-4000-8000-000000000001'
  and id in ('31000000-0000-4000-8000-000000000003', '31000000-0000-4000-8000-000000000004');
update public.ad_campaigns set campaign_id = '70000000-0000-4000-8000-000000000003'
where workspace_id = '10000000-0000-4000-8000-000000000001' and id = '31000000-0000-4000-8000-000000000006';

-- The launch plan.
insert into public.campaign_tasks (workspace_id, campaign_id, title, status, priority, assignee_id, due_date, position, created_by)
select '10000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000001', t.title, t.status::public.task_status,
       t.priority::public.task_priority, t.assignee::uuid, current_date + t.due, t.pos, '00000000-0000-4000-8000-000000000002'
from (values
  ('Brief the UGC creators', 'done', 'high', '00000000-0000-4000-8000-000000000003', -50, 1),
  ('Shoot before/after video', 'done', 'high', '00000000-0000-4000-8000-000000000003', -40, 2),
  ('Write launch email sequence', 'done', 'medium', '00000000-0000-4000-8000-000000000002', -35, 3),
  ('Set up Meta prospecting ad sets', 'done', 'urgent', '00000000-0000-4000-8000-000000000002', -30, 4),
  ('Refresh retargeting creatives', 'in_progress', 'high', '00000000-0000-4000-8000-000000000003', 3, 5),
  ('Review week-3 ROAS with the autopilot', 'todo', 'medium', '00000000-0000-4000-8000-000000000002', -2, 6),
  ('Draft influencer outreach list', 'blocked', 'low', '00000000-0000-4000-8000-000000000003', 10, 7),
  ('Plan the refill subscription offer', 'todo', 'medium', null, 21, 8)
) t (title, status, priority, assignee, due, pos);

-- Email and organic social figures of the launch, 30 days.
insert into public.campaign_metrics (workspace_id, campaign_id, day, channel, spend_cents, revenue_cents, impressions, clicks,
                                     engagements, leads, conversions)
select '10000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000001', current_date - 30 + d, ch.channel,
       case ch.channel when 'email' then 1500 else 0 end,
       case ch.channel when 'email' then 18000 + (d * 1373) % 9000 else 4000 + (d * 911) % 3000 end,
       case ch.channel when 'email' then 5200 + (d * 37) % 400 else 8000 + (d * 577) % 2500 end,
       case ch.channel when 'email' then 240 + (d * 13) % 60 else 110 + (d * 17) % 40 end,
       case ch.channel when 'email' then 1600 + (d * 29) % 300 else 420 + (d * 53) % 120 end,
       case ch.channel when 'email' then 3 + d % 4 else 1 + d % 3 end,
       case ch.channel when 'email' then 4 + d % 3 else 1 + d % 2 end
from generate_series(0, 29) d
cross join (values ('email'::public.marketing_channel), ('organic_social'::public.marketing_channel)) ch (channel)
on conflict do nothing;

insert into public.campaign_predictions (workspace_id, campaign_id, metric, period_start, period_end, predicted_value, lower_bound,
                                         upper_bound, confidence, model, inputs)
values
  ('10000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000001', 'revenue_cents',
   date_trunc('month', current_date + 31)::date, (date_trunc('month', current_date + 31) + interval '1 month - 1 day')::date,
   4200000, 3600000, 4900000, 0.9, 'gpt-5-mini', '{"history_days": 60}'),
  ('10000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000001', 'leads',
   date_trunc('month', current_date + 31)::date, (date_trunc('month', current_date + 31) + interval '1 month - 1 day')::date,
   180, 140, 230, 0.9, 'gpt-5-mini', '{"history_days": 60}'),
  ('10000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000002', 'roas',
   date_trunc('month', current_date + 31)::date, (date_trunc('month', current_date + 31) + interval '1 month - 1 day')::date,
   4.6, 3.9, 5.2, 0.8, 'gpt-5-mini', '{"history_days": 90}')
on conflict do nothing;

insert into public.generated_content (id, workspace_id, campaign_id, content_type, channel, title, body, prompt, model, status, cost_micros, created_by)
values
  ('71000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000001', 'ad_copy',
   'paid_social', 'Refill hook', 'Same balm, half the jar waste. Your skin will not notice the difference; the bin will.',
   'Ad copy for the refill launch, playful, under 120 characters', 'claude-haiku-4-5', 'approved', 1840, '00000000-0000-4000-8000-000000000003'),
  ('71000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000001', 'email',
   'email', 'Launch email', 'Subject: Your balm, refilled. Four ingredients, one refill pouch, zero fillers.',
   'Launch email for existing customers', 'gpt-5-mini', 'published', 3120, '00000000-0000-4000-8000-000000000002'),
  ('71000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', '70000000-0000-4000-8000-000000000003', 'social_post',
   'organic_social', 'Gift guide teaser', 'The gift they will actually use: tallow balm, lip trio and a bar of honey soap.',
   'Instagram caption teasing the holiday set', 'gpt-5-mini', 'draft', 990, '00000000-0000-4000-8000-000000000003')
on conflict do nothing;

-- ===== content calendar, assets, templates
insert into public.content_calendar (workspace_id, title, content_type, channel, status, scheduled_for, campaign_id, generated_content_id, assignee_id, created_by)
select '10000000-0000-4000-8000-000000000001', c.title, c.kind::public.generated_content_type, c.channel::public.marketing_channel,
       c.status::public.calendar_status, (current_date + c.day)::timestamp at time zone 'UTC' + interval '15 hours', c.campaign::uuid,
       c.content::uuid, '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002'
from (values
  ('Refill launch reel', 'social_post', 'organic_social', 'published', -20, '70000000-0000-4000-8000-000000000001', null),
  ('Launch email', 'email', 'email', 'published', -18, '70000000-0000-4000-8000-000000000001', '71000000-0000-4000-8000-000000000002'),
  ('Why tallow? blog post', 'blog_post', 'organic_search', 'in_progress', 4, '70000000-0000-4000-8000-000000000001', null),
  ('Gift guide teaser', 'social_post', 'organic_social', 'scheduled', 19, '70000000-0000-4000-8000-000000000003', '71000000-0000-4000-8000-000000000003'),
  ('Gift guide landing page', 'landing_page', 'content', 'planned', 18, '70000000-0000-4000-8000-000000000003', null),
  ('Win-back SMS', 'sms', 'sms', 'idea', 40, '70000000-0000-4000-8000-000000000004', null)
) c (title, kind, channel, status, day, campaign, content);

insert into public.digital_assets (id, workspace_id, name, kind, storage_path, mime_type, size_bytes, width, height, duration_seconds, alt_text, tags, campaign_id, created_by)
values
  ('72000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'logo-primary.svg', 'image',
   '10000000-0000-4000-8000-000000000001/brand/logo-primary.svg', 'image/svg+xml', 8421, 512, 512, null, 'Demo Brand logo', '{brand}', null,
   '00000000-0000-4000-8000-000000000002'),
  ('72000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'refill-before-after.mp4', 'video',
   '10000000-0000-4000-8000-000000000001/campaigns/spring-glow/refill-before-after.mp4', 'video/mp4', 48213340, 1080, 1920, 27.5,
   'Balm refill, before and after', '{ugc,launch}', '70000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003'),
  ('72000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'brand-guidelines.pdf', 'document',
   '10000000-0000-4000-8000-000000000001/brand/brand-guidelines.pdf', 'application/pdf', 2210034, null, null, null, null, '{brand}', null,
   '00000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.brand_assets (workspace_id, kind, name, value, digital_asset_id, is_primary) values
  ('10000000-0000-4000-8000-000000000001', 'logo', 'Primary logo', '{}', '72000000-0000-4000-8000-000000000001', true),
  ('10000000-0000-4000-8000-000000000001', 'color', 'Tallow cream', '{"hex": "#F3E9D2", "role": "background"}', null, true),
  ('10000000-0000-4000-8000-000000000001', 'color', 'Pasture green', '{"hex": "#3F5E3A", "role": "accent"}', null, false),
  ('10000000-0000-4000-8000-000000000001', 'font', 'Headings', '{"family": "Fraunces", "weights": [600, 800]}', null, true),
  ('10000000-0000-4000-8000-000000000001', 'tagline', 'Main tagline', '{"text": "Four ingredients. Zero fillers."}', null, true),
  ('10000000-0000-4000-8000-000000000001', 'tone_of_voice', 'Voice', '{"text": "Warm, plain-spoken, a little dry. No miracle claims."}', null, true),
  ('10000000-0000-4000-8000-000000000001', 'guideline', 'Brand book', '{}', '72000000-0000-4000-8000-000000000003', true)
on conflict do nothing;

insert into public.content_templates (workspace_id, kind, content_type, name, description, body, sections, created_by) values
  ('10000000-0000-4000-8000-000000000001', 'content', 'social_post', 'Product spotlight', 'One product, one benefit, one call to action.',
   '{{ product }}: {{ benefit }}. {{ cta }} #tallowskincare', '[]', '00000000-0000-4000-8000-000000000003'),
  ('10000000-0000-4000-8000-000000000001', 'content', 'ad_copy', 'Problem/solution ad', null,
   'Dry {{ body_part }}? {{ product }} fixes it in {{ days }} days.', '[]', '00000000-0000-4000-8000-000000000003'),
  ('10000000-0000-4000-8000-000000000001', 'proposal', null, 'Wholesale proposal', 'For spas and boutiques.',
   'Proposal for {{ client }}', '[{"title": "Who we are", "body": "Small-batch tallow skincare since 2021."},
     {"title": "Your order", "body": "{{ units }} units of {{ product }} at {{ unit_price }} each."},
     {"title": "Terms", "body": "Net 30, free shipping over {{ free_shipping_threshold }}."}]', '00000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.email_templates (id, workspace_id, name, category, subject, preheader, body_html, body_text, variable_defaults, created_by) values
  ('73000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'Welcome', 'onboarding', 'Welcome, {{ first_name }}',
   'Your first order ships free', '<p>Hi {{ first_name }},</p><p>Use {{ code }} for free shipping.</p>',
   'Hi {{ first_name }}, use {{ code }} for free shipping.', '{"code": "WELCOME"}', '00000000-0000-4000-8000-000000000002'),
  ('73000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'Spring launch', 'campaign', 'Your balm, refilled',
   'Same balm, less jar', '<h1>Refills are here</h1><p>{{ first_name }}, the refill pouch is live.</p>', null, '{}',
   '00000000-0000-4000-8000-000000000002')
on conflict do nothing;

-- ===== email lists and 40 contacts
insert into public.email_lists (id, workspace_id, name, description) values
  ('74000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'Newsletter', 'Everyone who opted in.'),
  ('74000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000001', 'Hot leads', 'Filled by the "Hot lead follow-up" workflow.')
on conflict do nothing;

insert into public.email_contacts (workspace_id, email, first_name, status, source, attributes, created_at)
select '10000000-0000-4000-8000-000000000001', 'reader' || n || '@example.com',
       (array['Ava', 'Ben', 'Cleo', 'Dev', 'Esme', 'Finn', 'Gia', 'Hugo'])[1 + n % 8],
       case when n % 13 = 0 then 'unsubscribed' when n % 19 = 0 then 'bounced' else 'subscribed' end::public.email_contact_status,
       case when n % 3 = 0 then 'checkout' else 'popup' end, jsonb_build_object('code', 'WELCOME' || n), now() - make_interval(days => 90 - n)
from generate_series(1, 40) n
on conflict do nothing;
insert into public.email_list_members (workspace_id, list_id, contact_id)
select c.workspace_id, '74000000-0000-4000-8000-000000000001', c.id from public.email_contacts c
where c.workspace_id = '10000000-0000-4000-8000-000000000001' and c.status = 'subscribed'
on conflict do nothing;

insert into public.email_campaigns (workspace_id, name, campaign_id, template_id, list_id, subject, from_name, from_email, status,
                                    scheduled_for, sent_at, recipients, delivered, opens, unique_opens, clicks, unique_clicks, bounces,
                                    unsubscribes, complaints, created_by)
values
  ('10000000-0000-4000-8000-000000000001', 'Spring launch announcement', '70000000-0000-4000-8000-000000000001',
   '73000000-0000-4000-8000-000000000002', '74000000-0000-4000-8000-000000000001', 'Your balm, refilled', 'Demo Brand', 'hello@demo-brand.example',
   'draft', null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, '00000000-0000-4000-8000-000000000002'),
  ('10000000-0000-4000-8000-000000000001', 'Holiday preview', '70000000-0000-4000-8000-000000000003',
   '73000000-0000-4000-8000-000000000002', '74000000-0000-4000-8000-000000000001', 'A first look at the gift set', 'Demo Brand', 'hello@demo-brand.example',
   'draft', null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, '00000000-0000-4000-8000-000000000002');
-- The launch email went out through its lifecycle, as the sender would move it.
update public.email_campaigns set status = 'scheduled', scheduled_for = now() + interval '1 minute'
where workspace_id = '10000000-0000-4000-8000-000000000001' and name = 'Spring launch announcement';
update public.email_campaigns set status = 'sending'
where workspace_id = '10000000-0000-4000-8000-000000000001' and name = 'Spring launch announcement';
update public.email_campaigns set status = 'sent', recipients = 34, delivered = 33, opens = 51, unique_opens = 21, clicks = 14,
  unique_clicks = 9, bounces = 1, unsubscribes = 1
where workspace_id = '10000000-0000-4000-8000-000000000001' and name = 'Spring launch announcement';

insert into public.email_automation_rules (workspace_id, name, trigger_event, conditions, template_id, list_id, delay_minutes, created_by) values
  ('10000000-0000-4000-8000-000000000001', 'Welcome new subscribers', 'contact_subscribed', '[]',
   '73000000-0000-4000-8000-000000000001', '74000000-0000-4000-8000-000000000001', 5, '00000000-0000-4000-8000-000000000002')
on conflict do nothing;

-- ===== strategy documents, one of each kind
insert into public.strategy_documents (workspace_id, kind, title, status, campaign_id, body, created_by) values
  ('10000000-0000-4000-8000-000000000001', 'brand_positioning', 'Brand positioning 2026', 'active', null,
   '{"positioning_statement": "For people who want fewer, better skincare products, Demo Brand is the tallow skincare with four ingredients and nothing to hide.",
     "differentiators": ["Four ingredients", "Grass-fed, small-batch tallow", "Refill pouches"],
     "three_cs": {"company": {"strengths": ["formulation", "community"], "constraints": ["small batches"]},
                  "customer": {"segment": "ingredient-conscious adults 25-45", "jobs": ["calm dry skin", "simplify routine"]},
                  "competition": {"direct": ["Tallow & Co", "Balm Bros"], "indirect": ["drugstore moisturisers"]}},
     "brand_tone": {"voice": "warm and plain-spoken", "attributes": ["honest", "dry humour"]},
     "recommendations": ["Lead with the ingredient count", "Show refills in every launch asset"]}',
   '00000000-0000-4000-8000-000000000002'),
  ('10000000-0000-4000-8000-000000000001', 'funnel_design', 'Launch funnel', 'active', '70000000-0000-4000-8000-000000000001',
   '{"name": "Spring Glow funnel", "stages": [
       {"stage": "awareness", "goal": "Reach 1M ingredient-conscious shoppers", "channels": ["paid_social", "organic_social"], "offers": ["UGC before/after"]},
       {"stage": "engagement", "goal": "Capture 300 leads", "channels": ["email"], "offers": ["Skin quiz"], "automation_tasks": ["Score quiz takers"]},
       {"stage": "conversion", "goal": "ROAS 2.5 on launch spend", "channels": ["paid_search", "email"], "offers": ["Free refill with first jar"]},
       {"stage": "retention", "goal": "30% refill rate in 60 days", "channels": ["email", "sms"], "automation_tasks": ["Refill reminder at day 45"]}]}',
   '00000000-0000-4000-8000-000000000002'),
  ('10000000-0000-4000-8000-000000000001', 'competitive_gap', 'Tallow category gaps', 'draft', null,
   '{"our_brand": "Demo Brand", "competitors": [{"name": "Tallow & Co", "strengths": ["price"], "weaknesses": ["strong scent"]},
                                                 {"name": "Balm Bros", "strengths": ["retail presence"], "weaknesses": ["plastic jars"]}],
     "gap_analysis": {"messaging": ["Nobody explains why tallow works"], "channels": ["Competitors ignore search"], "content": ["No refill education"]},
     "ownable_differentiator": "The only tallow brand with refills"}',
   '00000000-0000-4000-8000-000000000003'),
  ('10000000-0000-4000-8000-000000000001', 'kpi_framework', 'Launch KPIs', 'active', '70000000-0000-4000-8000-000000000001',
   '{"campaign_name": "Spring Glow Launch", "channels": ["paid_social", "paid_search", "email"],
     "kpis": [{"name": "ROAS", "metric": "revenue / spend", "target": 2.5, "unit": "x", "frequency": "weekly"},
              {"name": "Leads", "metric": "leads created", "target": 300, "frequency": "monthly"},
              {"name": "Cost per lead", "metric": "spend / leads", "target": 15, "unit": "USD", "frequency": "weekly"}]}',
   '00000000-0000-4000-8000-000000000002');

-- ===== leads: scoring rules, two workflows, 60 leads and their activities
insert into public.lead_scoring_rules (workspace_id, name, description, activity_type, conditions, points, max_occurrences, created_by) values
  ('10000000-0000-4000-8000-000000000001', 'Email opens', 'Interest, capped at five opens', 'email_open', '[]', 3, 5, '00000000-0000-4000-8000-000000000002'),
  ('10000000-0000-4000-8000-000000000001', 'Email clicks', null, 'email_click', '[]', 8, null, '00000000-0000-4000-8000-000000000002'),
  ('10000000-0000-4000-8000-000000000001', 'Pricing page', 'Viewed pricing or the refill offer', 'page_view',
   '[{"field": "data.url", "op": "in", "value": ["/pricing", "/products/refill"]}]', 15, 2, '00000000-0000-4000-8000-000000000002'),
  ('10000000-0000-4000-8000-000000000001', 'Wholesale enquiry', 'Asked for a wholesale demo', 'demo_request', '[]', 40, null, '00000000-0000-4000-8000-000000000002'),
  ('10000000-0000-4000-8000-000000000001', 'Unsubscribed', null, 'unsubscribe', '[]', -25, null, '00000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.workflow_rules (workspace_id, name, description, trigger_type, conditions, actions, created_by) values
  ('10000000-0000-4000-8000-000000000001', 'Hot lead follow-up', 'When a lead first reaches 50 points: a call task, the hot list, a log line.',
   'lead_score_changed', '[{"field": "row.score", "op": "gte", "value": 50}, {"field": "old.score", "op": "lt", "value": 50}]',
   '[{"type": "create_task", "params": {"title": "Call {{ row.first_name }} ({{ row.email }})", "campaign_id": "70000000-0000-4000-8000-000000000001", "due_in_days": 2, "priority": "high", "assignee_id": "00000000-0000-4000-8000-000000000003"}},
     {"type": "add_to_email_list", "params": {"list_id": "74000000-0000-4000-8000-000000000002"}},
     {"type": "log_activity", "params": {"description": "{{ row.email }} reached {{ row.score }} points"}}]',
   '00000000-0000-4000-8000-000000000002'),
  ('10000000-0000-4000-8000-000000000001', 'Qualify wholesale enquiries', 'A demo request qualifies a new lead after an hour.',
   'lead_activity_logged', '[{"field": "row.activity_type", "op": "eq", "value": "demo_request"}, {"field": "lead.status", "op": "eq", "value": "new"}]',
   '[{"type": "update_lead_status", "params": {"status": "qualified"}, "delay_minutes": 60}]',
   '00000000-0000-4000-8000-000000000002')
on conflict do nothing;

insert into public.leads (workspace_id, email, first_name, last_name, company, source, status, campaign_id, owner_id, tags, created_at, converted_at, created_by)
select '10000000-0000-4000-8000-000000000001', 'lead' || n || '@example.com',
       (array['Ava', 'Ben', 'Cleo', 'Dev', 'Esme', 'Finn', 'Gia', 'Hugo', 'Ines', 'Jack'])[1 + n % 10],
       (array['Hart', 'Okafor', 'Nguyen', 'Silva', 'Meyer', 'Rossi', 'Khan'])[1 + n % 7],
       case when n % 6 = 0 then (array['Willow Spa', 'Juniper Boutique', 'Fern & Co'])[1 + n % 3] end,
       (array['form', 'ads', 'email', 'social', 'referral', 'website'])[1 + n % 6]::public.lead_source,
       case when n % 11 = 0 then 'converted' when n % 9 = 0 then 'unqualified' when n % 7 = 0 then 'contacted' else 'new' end::public.lead_status,
       case when n % 3 = 0 then '70000000-0000-4000-8000-000000000002'::uuid else '70000000-0000-4000-8000-000000000001'::uuid end,
       case when n % 2 = 0 then '00000000-0000-4000-8000-000000000003'::uuid end,
       case when n % 6 = 0 then '{wholesale}'::text[] else '{}'::text[] end,
       now() - make_interval(days => 60 - n, hours => n % 9),
       case when n % 11 = 0 then now() - make_interval(days => 60 - n) + interval '2 days' end,
       '00000000-0000-4000-8000-000000000003'
from generate_series(1, 60) n
on conflict do nothing;

-- Per lead n: n % 6 opens, n % 3 clicks, a pricing view when n % 4 = 0, a refill view when n % 5 = 0,
-- a demo request when n % 6 = 0 (the wholesale leads), an unsubscribe when n % 17 = 0.
insert into public.lead_activities (workspace_id, lead_id, activity_type, occurred_at, activity_data, created_by)
select l.workspace_id, l.id, a.kind::public.lead_activity_type, l.created_at + make_interval(hours => 2 + a.k * 5), a.data::jsonb,
       '00000000-0000-4000-8000-000000000003'
from (select id, workspace_id, created_at, split_part(split_part(email, '@', 1), 'lead', 2)::integer as n from public.leads
      where workspace_id = '10000000-0000-4000-8000-000000000001' and email like 'lead%@example.com') l
cross join lateral (
  select 'email_open' as kind, k, '{"subject": "Your balm, refilled"}' as data from generate_series(1, l.n % 6) k
  union all select 'email_click', 10 + k, '{"url": "/products/refill"}' from generate_series(1, l.n % 3) k
  union all select 'page_view', 20, '{"url": "/pricing"}' where l.n % 4 = 0
  union all select 'page_view', 21, '{"url": "/products/refill"}' where l.n % 5 = 0
  union all select 'demo_request', 22, '{"message": "Wholesale pricing for our spa?"}' where l.n % 6 = 0
  union all select 'unsubscribe', 23, '{}' where l.n % 17 = 0
) a;

-- Run the workflows the activities started, delayed actions included, as the worker would.
update public.scheduled_actions set scheduled_for = now() where workspace_id = '10000000-0000-4000-8000-000000000001' and status = 'pending';
select private.process_scheduled_actions(1000);

-- ===== autopilot: enabled, today's optimisation proposals, and the last four weekly reports
insert into public.autopilot_configs (workspace_id, enabled, business_description, target_audience, monthly_budget_cents, currency,
                                      goals, ai_strategy, target_roas, min_spend_cents, hot_lead_score, created_by)
values ('10000000-0000-4000-8000-000000000001', true,
        'Small-batch tallow skincare sold direct to consumers on Shopify, with a growing wholesale line for spas.',
        'Ingredient-conscious adults 25-45 in the US who want a short routine; spa and boutique owners for wholesale.',
        2000000, 'USD',
        '[{"metric": "roas", "target": 2.5, "period": "monthly"}, {"metric": "leads", "target": 300, "period": "monthly"},
          {"metric": "revenue_cents", "target": 6000000, "period": "monthly"}]',
        '{"summary": "Scale Meta prospecting while ROAS holds above 2.5; keep search budget flat; move TikTok budget to retargeting when it lags.",
          "weekly_focus": ["creative refresh every 14 days", "refill offer in retargeting"]}',
        2.50, 10000, 50, '00000000-0000-4000-8000-000000000001')
on conflict do nothing;

-- Today's optimisation round: its proposals wait in the approval queue.
select private.run_autopilot_optimisation();

select private.build_weekly_reports((date_trunc('week', now() at time zone 'UTC') - make_interval(days => 7 * w))::date)
from generate_series(4, 1, -1) w;
update public.autopilot_weekly_reports set ai_insights = jsonb_build_object(
  'summary', format('%s led the week; blended ROAS %s on %s leads.', initcap(top_performing_channel::text), roas, total_leads_generated),
  'next_steps', jsonb_build_array('Refresh the prospecting creatives', 'Follow up the hot leads within 48 hours'))
where workspace_id = '10000000-0000-4000-8000-000000000001';

-- ===== the owner's onboarding and a tour
insert into public.onboarding_progress (user_id, workspace_id, step_key, step_order, status, time_spent_seconds) values
  ('00000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'connect_shop', 1, 'completed', 140),
  ('00000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'connect_ads', 2, 'completed', 260),
  ('00000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'set_up_autopilot', 3, 'completed', 410),
  ('00000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 'invite_team', 4, 'in_progress', 35),
  ('00000000-0000-4000-8000-000000000003', '10000000-0000-4000-8000-000000000001', 'connect_shop', 1, 'skipped', 10)
on conflict do nothing;
insert into public.feature_tours (user_id, tour_key, tour_name, steps, status, current_step, times_shown, interactions) values
  ('00000000-0000-4000-8000-000000000001', 'autopilot-dashboard', 'Autopilot dashboard',
   '[{"title": "Your week at a glance", "body": "Spend, revenue and ROAS against your monthly budget.", "target": "#autopilot-kpis"},
     {"title": "Hot leads", "body": "Leads above your hot score, newest activity first.", "target": "#lead-inbox"},
     {"title": "Proposals", "body": "What the autopilot suggests; nothing changes until you approve.", "target": "#proposals"}]',
   'active', 1, 2, 1)
on conflict do nothing;
